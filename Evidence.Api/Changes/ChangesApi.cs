using Microsoft.AspNetCore.Http.HttpResults;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Data.Changes;

namespace TrialEvidence.Api.Changes;

/// <summary>/api/changes and /api/changes.atom: what changed across trials, newest first.</summary>
public static class ChangesApi
{
    public const string AtomType = "application/atom+xml";

    public static IEndpointRouteBuilder MapChanges(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapValidatedGroup("/api", "Changes");
        group.MapGet("/changes", List)
            .WithSummary("What changed across trials, newest first (by when it was stored): filter by since, registrySince, topic, field, ids; page with nextCursor");
        group.MapGet("/changes.atom", Atom)
            .Produces(StatusCodes.Status200OK, contentType: AtomType)
            .WithSummary("The same changes as an Atom feed (RFC 4287): one entry per trial and version, for feed readers");
        return routes;
    }

    private static Ok<ChangesResponse> List([AsParameters] ChangeFilters filters, ChangeLog log)
    {
        var page = log.Page(filters.ToQuery());
        return TypedResults.Ok(new ChangesResponse(page.Changes, page.Next?.Token, log.Titles(page.Changes.Select(c => c.NctId))));
    }

    private static FileContentHttpResult Atom([AsParameters] ChangeFilters filters, ChangeLog log, HttpRequest request, TimeProvider clock) =>
        TypedResults.Bytes(ChangeFeed.Write(log, filters, request, clock.GetUtcNow()), AtomType + "; charset=utf-8");
}

/// <summary>A page of changes: the changes, the cursor of the next page (null: no more), and the trials' brief titles.</summary>
public sealed record ChangesResponse(IReadOnlyList<ChangeEntry> Changes, string? NextCursor, IReadOnlyDictionary<string, string?> Trials);

/// <summary>One trial's changes, newest first by registry date.</summary>
public sealed record TrialChanges(string NctId, IReadOnlyList<ChangeEntry> Changes);
