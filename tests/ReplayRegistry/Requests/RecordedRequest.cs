using System.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// One request the replay registry received, for tests that check how a client behaves: its pace
/// (<see cref="ElapsedSince"/>), the searches it sent (<see cref="QueryValue"/>) and its use of ETags.
/// </summary>
/// <param name="ArrivedAt">When the request arrived, from the server's TimeProvider.</param>
/// <param name="Timestamp">Stopwatch.GetTimestamp() on arrival, for measuring gaps between requests.</param>
/// <param name="Path">The decoded path, e.g. /api/v2/studies.</param>
/// <param name="QueryString">The raw query string, with its leading '?', or empty.</param>
public sealed record RecordedRequest(
    DateTimeOffset ArrivedAt,
    long Timestamp,
    string Method,
    string Path,
    string QueryString,
    string? IfNoneMatch,
    string? UserAgent)
{
    /// <summary>The status the client was sent; null while unanswered or when the connection was dropped instead.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The Range header ("bytes=N-"), as a resumed download sends it.</summary>
    public string? Range { get; init; }

    /// <summary>The If-Range header (the ETag a resumed download's bytes came with).</summary>
    public string? IfRange { get; init; }

    /// <summary>The injected fault played for this request, if any.</summary>
    public Fault? Fault { get; init; }

    public TimeSpan ElapsedSince(RecordedRequest earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return Stopwatch.GetElapsedTime(earlier.Timestamp, Timestamp);
    }

    /// <summary>The decoded value of a query parameter (e.g. filter.advanced), or null when absent.</summary>
    public string? QueryValue(string name) =>
        QueryHelpers.ParseQuery(QueryString).TryGetValue(name, out var value) ? value.ToString() : null;
}
