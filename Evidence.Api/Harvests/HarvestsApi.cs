using Microsoft.AspNetCore.Http.HttpResults;
using TrialEvidence.Harvesting;

namespace TrialEvidence.Api.Harvests;

/// <summary>/api/harvests: recent harvest runs with their counts and outcome.</summary>
public static class HarvestsApi
{
    public static IEndpointRouteBuilder MapHarvests(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/harvests").WithTags("Harvests")
            .MapGet("/", List)
            .WithSummary("Recent harvest runs, newest first");
        return routes;
    }

    private static Results<Ok<IReadOnlyList<HarvestRun>>, ValidationProblem> List(HarvestRunStore runs, string? topic = null, int limit = 50)
    {
        if (limit is < 1 or > 500 || topic is { Length: > 64 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [limit is < 1 or > 500 ? "limit" : "topic"] = [limit is < 1 or > 500 ? "must be 1 to 500" : "a topic name is at most 64 characters"],
            });
        }

        return TypedResults.Ok(runs.Recent(topic, limit));
    }
}
