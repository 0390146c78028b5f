using Refit;

namespace TrialEvidence.History;

/// <summary>
/// The registry website's own, undocumented reader of a record's earlier versions (what is known
/// of it: ../shared/ctgov-history/NOTES.md). Best effort: it may change or go away at any time,
/// so every failure means "no earlier history", never a failed harvest.
/// </summary>
public interface IClinicalTrialsGovHistory
{
    /// <summary>The record with <c>history.changes[]</c>: each version's number (from 0) and date.</summary>
    [Get("/api/int/studies/{nctId}?history=true")]
    Task<HttpResponseMessage> VersionsAsync(string nctId, CancellationToken cancellationToken);

    /// <summary><c>{"studyVersion": n, "study": {...}}</c>: version <paramref name="version"/> of the record, in the API v2 shape.</summary>
    [Get("/api/int/studies/{nctId}/history/{version}")]
    Task<HttpResponseMessage> VersionAsync(string nctId, int version, CancellationToken cancellationToken);
}
