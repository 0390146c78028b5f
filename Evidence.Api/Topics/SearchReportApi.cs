using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Api.Table1;
using TrialEvidence.Api.Trials;
using TrialEvidence.ClinicalTrialsGov;
using TrialEvidence.Data.Import;
using TrialEvidence.Harvesting;
using TrialEvidence.Topics;

namespace TrialEvidence.Api.Topics;

/// <summary>/api/topics/{name}/report: the topic's searches and Table 1's selection, ready for a methods section.</summary>
public static class SearchReportApi
{
    public static IEndpointRouteBuilder MapSearchReport(this IEndpointRouteBuilder routes)
    {
        routes.MapValidatedGroup("/api/topics", "Topics")
            .MapGet("/{name}/report", Get)
            .Produces<byte[]>(StatusCodes.Status200OK, ReportFiles.ContentTypes["md"], ReportFiles.ContentTypes["docx"])
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The topic's searches as a methods section reports them (PRISMA 2020 items 6 and 7): the registry, the exact query, "
                + "each harvest's dates and counts, the records imported from files besides, and how Table 1 was chosen (the filters and ids= of /api/table1, within the topic); format=md|docx or the Accept header");
        return routes;
    }

    private static Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem> Get(
        string name,
        [AsParameters] TrialFilters filters,
        [AsParameters] SearchReportRequest report,
        HttpRequest request,
        IOptionsMonitor<TopicsOptions> topics,
        IOptions<RegistryOptions> registry,
        IOptions<Euctr.EuctrOptions> euctr,
        HarvestRunStore runs,
        ImportRuns imports,
        Table1Reads table1)
    {
        if (topics.CurrentValue.Find(name) is not { } topic)
        {
            return TopicsApi.TopicNotFound(topics.CurrentValue);
        }

        if (filters.Topic is { Length: > 0 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["topic"] = ["the report's topic is the one in its path; Table 1 is chosen from its trials"] });
        }

        // The Table 1 of this topic: /api/table1?topic={name} with the same filters and ids.
        var within = filters with { Topic = [topic.Name] };
        long passing;
        List<string> notFound = [];
        if (report.IdList is { } ids)
        {
            (var rows, notFound) = table1.ForIds(ids, within);
            passing = rows.Count;
        }
        else
        {
            passing = table1.ForFilters(within, limit: 1).Total;
        }

        var searches = new SearchReport
        {
            Topic = topic,
            BaseUrl = topic.IsEuctr ? euctr.Value.BaseUrl : registry.Value.BaseUrl,
            Runs = runs.History(topic.Name),
            // Every import, oldest first: each is a source of the database the report must name.
            Imports = [.. imports.Recent(int.MaxValue).Reverse()],
            TopicTrials = runs.TopicTrialCount(topic.Name),
            Filters = TrialFilterWords.Describe(filters),
            Ids = report.IdList,
            NotFound = notFound,
            Table1Trials = passing,
            Table1Url = "/api/table1" + QueryString.Create(
                [new("topic", topic.Name), .. request.Query.Where(q => q.Key != "format").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))]),
        }.ToDocument();
        return FileFormats.Choose(report.Format, request.Headers.Accept, ReportFiles.ContentTypes, "md") == "docx"
            ? TypedResults.File(ReportFiles.Word(searches), ReportFiles.ContentTypes["docx"], $"{topic.Name}-search-report.docx")
            : TypedResults.File(ReportFiles.Markdown(searches), ReportFiles.ContentTypes["md"] + "; charset=utf-8");
    }
}

/// <summary>What the search report is asked for besides the trial filters: Table 1's curated list, and the file format.</summary>
/// <param name="Ids">NCT ids Table 1 lists, as /api/table1 takes them.</param>
/// <param name="Format">md (the default) or docx; without it, the Accept header decides.</param>
public sealed record SearchReportRequest(
    [FromQuery(Name = "ids")] string? Ids = null,
    [FromQuery(Name = "format")] string? Format = null) : IValidatedRequest
{
    public IReadOnlyList<string>? IdList => Table1Request.SplitIds(Ids);

    public void Validate(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Format is not null && !ReportFiles.ContentTypes.ContainsKey(Format))
        {
            errors["format"] = [$"allowed: {string.Join(", ", ReportFiles.ContentTypes.Keys)}"];
        }

        Table1Request.ValidateIds(errors, IdList);
    }
}
