using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Api.Trials;

namespace TrialEvidence.Api.Table1;

/// <summary>/api/table1: a review's Table 1 for filtered trials or a curated list, as JSON or a publication-ready file.</summary>
public static class Table1Api
{
    /// <summary>The media types of the files Table 1 is written as (all but JSON), for the OpenAPI document.</summary>
    private static readonly string[] FileTypes = [.. Table1Export.ContentTypes.Where(t => t.Key != "json").Select(t => t.Value)];

    public static IEndpointRouteBuilder MapTable1(this IEndpointRouteBuilder routes)
    {
        routes.MapValidatedGroup("/api/table1", "Table 1")
            .MapGet("/", Get)
            .AddEndpointFilter<ReadCacheFilter>()
            .Produces<Table1Response>(StatusCodes.Status200OK, Table1Export.ContentTypes["json"], FileTypes)
            .WithSummary("Table 1 rows for the trial filters, or for ids= in the given order (narrowed by any filters); format=json|csv|md|html|xlsx|docx or the Accept header");
        return routes;
    }

    private static Results<Ok<Table1Response>, FileContentHttpResult> Get(
        [AsParameters] TrialFilters filters,
        [AsParameters] Table1Request table,
        HttpRequest request,
        HttpResponse response,
        Table1Reads reads)
    {
        List<Table1Row> rows;
        long total;
        List<string> missing = [];
        if (table.IdList is { } ids)
        {
            (rows, missing) = reads.ForIds(ids, filters);
            total = rows.Count;
        }
        else
        {
            (rows, total) = reads.ForFilters(filters, table.Limit);
        }

        // A table cut at the limit says so, in every format.
        response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (missing.Count > 0)
        {
            response.Headers["X-Trials-Not-Found"] = string.Join(",", missing);
        }

        return Format(table.Format, request.Headers.Accept) switch
        {
            "csv" => File(Table1Export.Csv(rows), "csv", download: true),
            "md" => File(Table1Export.Markdown(rows), "md", download: false),
            "html" => File(Table1Export.Html(rows), "html", download: false),
            "xlsx" => File(Table1Export.Excel(rows), "xlsx", download: true),
            "docx" => File(Table1Export.Word(rows), "docx", download: true),
            _ => TypedResults.Ok(new Table1Response(rows, total, missing)),
        };
    }

    /// <summary>The format asked for: format= first (validated), else the first Accept type we can write; JSON by default.</summary>
    private static string Format(string? format, IList<string?>? accept)
    {
        if (format is not null)
        {
            return format.ToLowerInvariant();
        }

        // q=0 means "not acceptable"; the rest in order of preference.
        foreach (var header in MediaTypeHeaderValue.ParseList(accept?.OfType<string>().ToList() ?? []).Where(h => h.Quality is not 0).OrderByDescending(h => h.Quality ?? 1))
        {
            var match = Table1Export.ContentTypes.FirstOrDefault(t => header.MediaType.Equals(t.Value, StringComparison.OrdinalIgnoreCase));
            if (match.Key is not null)
            {
                return match.Key;
            }
        }

        return "json";
    }

    private static FileContentHttpResult File(byte[] content, string format, bool download) =>
        TypedResults.File(
            content,
            Table1Export.ContentTypes[format] + (format is "csv" or "md" or "html" ? "; charset=utf-8" : string.Empty),
            download ? $"table1.{format}" : null);
}

/// <summary>Table 1 as JSON: the rows, how many trials match (more than the rows when cut at the limit), and requested ids not in the database.</summary>
public sealed record Table1Response(IReadOnlyList<Table1Row> Rows, long Total, IReadOnlyList<string> NotFound);
