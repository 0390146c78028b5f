using Microsoft.AspNetCore.Http.HttpResults;
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
            .WithSummary("Table 1 rows for the trial filters, or for ids= in the given order (narrowed by any filters); format=json|csv|md|html|xlsx|docx|ris or the Accept header");
        return routes;
    }

    private static Results<Ok<Table1Response>, FileContentHttpResult, ProblemHttpResult> Get(
        [AsParameters] TrialFilters filters,
        [AsParameters] Table1Request table,
        [AsParameters] AsOfRequest asOf,
        HttpRequest request,
        HttpResponse response,
        Table1Reads reads,
        AsOfSnapshots snapshots)
    {
        List<Table1Row> rows;
        long total;
        List<string> missing;
        Table1Comparison? comparison = null;
        try
        {
            (rows, total, missing) = asOf.AsOf is { } date
                ? Select(snapshots, date, filters, table)
                : Select(reads, filters, table);
            if (table.CompareTo is { } then)
            {
                // The same trials as they stood then, whatever the filters say of them then (no rows: nothing to rebuild).
                var ids = rows.ConvertAll(r => r.NctNumber);
                List<Table1Row> earlier = [];
                if (ids.Count > 0)
                {
                    using var snapshot = snapshots.Create(then, topics: null, ids);
                    earlier = snapshot.Table1.ForIds(ids, new TrialFilters()).Rows;
                }

                comparison = Table1Comparison.Of(then, rows, earlier);
            }
        }
        catch (AsOfTooLargeException ex)
        {
            return TrialsApi.TooLarge(ex);
        }

        // A table cut at the limit says so, in every format.
        response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (missing.Count > 0)
        {
            response.Headers["X-Trials-Not-Found"] = string.Join(",", missing);
        }

        // The data files keep empty cells empty; the printed ones say NR, and their footnotes spell it out.
        // Notes are made only for the files that carry them (not for JSON, the page's every request).
        var printed = Table1Export.Printed(table.ColumnList);
        Table1Notes Notes(IReadOnlyList<(string Header, Func<Table1Row, string?> Cell)> columns) => Table1Notes.For(rows, missing, asOf.AsOf, comparison, columns);
        var format = FileFormats.Choose(table.Format, request.Headers.Accept, Table1Export.ContentTypes, "json");
        if (format == "html")
        {
            // The file's own policy: nothing loads or runs, its one embedded style applies.
            response.Headers.ContentSecurityPolicy = Table1Export.HtmlPolicy;
        }

        return format switch
        {
            "csv" => File(Table1Export.Csv(rows, table.ColumnList), "csv", download: true),
            "md" => File(Table1Export.Markdown(rows, printed, Notes(printed)), "md", download: false),
            "html" => File(Table1Export.Html(rows, printed, comparison, Notes(printed)), "html", download: false),
            "xlsx" => File(Table1Export.Excel(rows, table.ColumnList, Notes(table.ColumnList)), "xlsx", download: true),
            "docx" => File(Table1Export.Word(rows, printed, comparison, Notes(printed)), "docx", download: true),
            "ris" => File(Table1Ris.Write(rows, reads.Records(rows)), "ris", download: true),
            _ => TypedResults.Ok(new Table1Response(rows, total, missing) { AsOf = asOf.AsOf, Comparison = comparison }),
        };
    }

    private static (List<Table1Row> Rows, long Total, List<string> Missing) Select(Table1Reads reads, TrialFilters filters, Table1Request table)
    {
        if (table.IdList is { } ids)
        {
            var (rows, missing) = reads.ForIds(ids, filters);
            return (rows, rows.Count, missing);
        }

        var (filtered, total) = reads.ForFilters(filters, table.Limit);
        return (filtered, total, []);
    }

    /// <summary>The table as of a registry date: the same reads on the database rebuilt as it stood then (the topic filter chose what was rebuilt).</summary>
    private static (List<Table1Row> Rows, long Total, List<string> Missing) Select(AsOfSnapshots snapshots, string date, TrialFilters filters, Table1Request table)
    {
        using var snapshot = snapshots.Create(date, filters.Topic, table.IdList);
        return Select(snapshot.Table1, filters with { Topic = null }, table);
    }

    private static FileContentHttpResult File(byte[] content, string format, bool download) =>
        TypedResults.File(
            content,
            Table1Export.ContentTypes[format] + (format is "csv" or "md" or "html" or "ris" ? "; charset=utf-8" : string.Empty),
            download ? $"table1.{format}" : null);
}

/// <summary>
/// Table 1 as JSON: the rows, how many trials match (more than the rows when cut at the limit),
/// requested ids not in the database (or not yet in the registry as of asOf), the registry date
/// the table stands at (asOf; null: today), and with compareTo the cells changed since then.
/// </summary>
public sealed record Table1Response(IReadOnlyList<Table1Row> Rows, long Total, IReadOnlyList<string> NotFound)
{
    public string? AsOf { get; init; }

    public Table1Comparison? Comparison { get; init; }
}
