using Microsoft.AspNetCore.Mvc;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Data.Import;
using TrialEvidence.Harvesting;

namespace TrialEvidence.Api.Harvests;

/// <summary>/api/harvests and /api/imports: where the data came from, with counts and outcome.</summary>
public static class HarvestsApi
{
    public static IEndpointRouteBuilder MapHarvests(this IEndpointRouteBuilder routes)
    {
        routes.MapValidatedGroup("/api/harvests", "Harvests")
            .MapGet("/", List)
            .WithSummary("Recent harvest runs, newest first");
        routes.MapValidatedGroup("/api/imports", "Harvests")
            .MapGet("/", Imports)
            .WithSummary("Recent imports of registry files (harvester import), newest first");
        return routes;
    }

    private static IReadOnlyList<HarvestRun> List([AsParameters] HarvestQuery query, HarvestRunStore runs) =>
        runs.Recent(query.Topic, query.Limit);

    private static IReadOnlyList<ImportRun> Imports([AsParameters] HarvestQuery query, ImportRuns runs) =>
        runs.Recent(query.Limit);
}

/// <summary>Which runs /api/harvests lists: of one topic or all, the newest <paramref name="Limit"/>.</summary>
public sealed record HarvestQuery([FromQuery(Name = "topic")] string? Topic = null, [FromQuery(Name = "limit")] int Limit = 50) : IValidatedRequest
{
    public void Validate(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Limit is < 1 or > 500)
        {
            errors["limit"] = ["must be 1 to 500"];
        }

        if (Topic is { Length: > 64 })
        {
            errors["topic"] = ["a topic name is at most 64 characters"];
        }
    }
}
