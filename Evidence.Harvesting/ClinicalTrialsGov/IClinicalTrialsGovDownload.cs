using Refit;

namespace TrialEvidence.ClinicalTrialsGov;

/// <summary>
/// The registry's bulk download (GET /studies/download?format=json.zip: every study, 2.5 GB
/// zipped). A client of its own: the body is streamed to disk as it arrives, never buffered or
/// checked as JSON like the API's answers, and no timeout cuts a download that is progressing.
/// </summary>
public interface IClinicalTrialsGovDownload
{
    /// <summary>The zip from byte <paramref name="range"/> on ("bytes=N-"), if it is still the version <paramref name="ifRange"/> names (its ETag).</summary>
    [Get("/studies/download?format=json.zip")]
    Task<HttpResponseMessage> DownloadAsync([Header("Range")] string? range, [Header("If-Range")] string? ifRange, CancellationToken cancellationToken);
}
