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
        group.MapGet("/{nctId}/similar", Similar)
            .WithSummary("Other registries' trials whose titles share this one's rare words and that name no id in common: possibly the same trial, for a reviewer to check; never joined")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{nctId}/raw", Raw).WithSummary("A stored version's registry JSON, exactly as received (default: the current one)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static Results<Ok<TrialPage>, ProblemHttpResult> List(
        [AsParameters] TrialFilters filters, [AsParameters] TrialPaging paging, [AsParameters] AsOfRequest asOf, TrialReads reads, AsOfSnapshots snapshots)
    {
        if (asOf.AsOf is not { } date)
        {
            return TypedResults.Ok(reads.Page(filters, paging));
        }

        try
        {
            // The registry as it stood then, for the trials of the topics asked (all when none).
            using var snapshot = snapshots.Create(date, filters.Topic, ids: null);
            return TypedResults.Ok(snapshot.Reads.Page(filters with { Topic = null }, paging));
        }
        catch (AsOfTooLargeException ex)
        {
            return TooLarge(ex);
        }
    }

    private static Results<Ok<TrialDetail>, ProblemHttpResult> Get([AsParameters] TrialId id, [AsParameters] AsOfRequest asOf, TrialReads reads, AsOfSnapshots snapshots)
    {
        if (asOf.AsOf is not { } date)
        {
            return reads.Detail(id.NctId) is { } detail ? TypedResults.Ok(detail) : NotFound(id);
        }

        using var snapshot = snapshots.Create(date, topics: null, ids: [id.NctId]);
        if (snapshot.Reads.Detail(id.NctId) is not { } then)
        {
            return NotFound(id, $"{id.NctId} has no version stored whose last update was posted on or before {date}.");
        }

        // The version and enrollment history as stored here (ids, when each was first seen), up to that date.
        return TypedResults.Ok(then with
        {
            CurrentVersion = reads.Versions(id.NctId).First(v => v.ContentHash == then.CurrentVersion.ContentHash),
            EnrollmentHistory = [.. reads.EnrollmentHistory(id.NctId).Where(e => string.CompareOrdinal(e.LastUpdatePostedDate ?? string.Empty, date) <= 0)],
        });
    }

    /// <summary>An as-of answer over more trials than it rebuilds: 400, saying how to narrow it.</summary>
    internal static ProblemHttpResult TooLarge(AsOfTooLargeException ex) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Too many trials for an as-of answer",
        detail: ex.Message);

    private static Results<Ok<List<TrialVersion>>, ProblemHttpResult> Versions([AsParameters] TrialId id, TrialReads reads) =>
        reads.Versions(id.NctId) is { Count: > 0 } versions ? TypedResults.Ok(versions) : NotFound(id);

    private static Results<Ok<List<SimilarTrial>>, ProblemHttpResult> Similar([AsParameters] TrialId id, TrialReads reads) =>
        reads.Similar(id.NctId) is { } similar ? TypedResults.Ok(similar) : NotFound(id);

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
