using Microsoft.AspNetCore.Http.HttpResults;
using TrialEvidence.Api.Changes;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Data.Changes;

namespace TrialEvidence.Api.Trials;

/// <summary>/api/trials: search and filter trials, one trial, its versions and their raw JSON.</summary>
public static class TrialsApi
{
    public static IEndpointRouteBuilder MapTrials(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapValidatedGroup("/api/trials", "Trials");
        group.MapGet("/", List).WithSummary("Search and filter trials, with facet counts").AddEndpointFilter<ReadCacheFilter>();
        group.MapGet("/{nctId}", Get).WithSummary("One trial: its current normalised record and where it came from")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{nctId}/versions", Versions).WithSummary("Every stored version of a trial's registry record")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{nctId}/changes", Changes).WithSummary("A trial's timeline: every change between its stored versions, newest first by registry date")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{nctId}/raw", Raw).WithSummary("A stored version's registry JSON, exactly as received (default: the current one)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static Ok<TrialPage> List([AsParameters] TrialFilters filters, [AsParameters] TrialPaging paging, TrialReads reads) =>
        TypedResults.Ok(reads.Page(filters, paging));

    private static Results<Ok<TrialDetail>, ProblemHttpResult> Get([AsParameters] TrialId id, TrialReads reads) =>
        reads.Detail(id.NctId) is { } detail ? TypedResults.Ok(detail) : NotFound(id);

    private static Results<Ok<List<TrialVersion>>, ProblemHttpResult> Versions([AsParameters] TrialId id, TrialReads reads) =>
        reads.Versions(id.NctId) is { Count: > 0 } versions ? TypedResults.Ok(versions) : NotFound(id);

    private static Results<Ok<TrialChanges>, ProblemHttpResult> Changes([AsParameters] TrialId id, ChangeLog log) =>
        log.Titles([id.NctId]).Count > 0 ? TypedResults.Ok(new TrialChanges(id.NctId, log.ForTrial(id.NctId))) : NotFound(id);

    private static Results<FileContentHttpResult, ProblemHttpResult> Raw([AsParameters] TrialId id, TrialReads reads, long? version = null) =>
        reads.Raw(id.NctId, version) is { } raw
            ? TypedResults.Bytes(raw, "application/json; charset=utf-8")
            : NotFound(id, version is null ? null : $"version {version} of {id.NctId} is not stored");

    private static ProblemHttpResult NotFound(TrialId id, string? detail = null) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Trial not found",
        detail: detail ?? $"{id.NctId} is not in this evidence database. Harvest or import it first.");
}
