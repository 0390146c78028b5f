using Refit;

namespace TrialEvidence.ClinicalTrialsGov;

/// <summary>
/// ClinicalTrials.gov API v2 (https://clinicaltrials.gov/api/v2). Study endpoints return the
/// raw response: its bytes go to study_versions exactly as received, and the caller needs the
/// status (301 for a retired id, 304 for an unchanged one) and headers (ETag).
/// </summary>
public interface IClinicalTrialsGovApi
{
    /// <summary>GET /studies: one page of a search.</summary>
    [Get("/studies")]
    Task<HttpResponseMessage> SearchStudiesAsync([Query] StudySearch search, CancellationToken cancellationToken);

    /// <summary>GET /studies/{nctId}: one study; 304 when <paramref name="ifNoneMatch"/> is its current ETag.</summary>
    [Get("/studies/{nctId}")]
    Task<HttpResponseMessage> GetStudyAsync(string nctId, [Header("If-None-Match")] string? ifNoneMatch, CancellationToken cancellationToken);

    /// <summary>GET /version: the API version and the date of the data it serves.</summary>
    [Get("/version")]
    Task<RegistryVersion> GetVersionAsync(CancellationToken cancellationToken);
}

/// <summary>The registry's <c>/version</c> answer.</summary>
public sealed record RegistryVersion(string ApiVersion, string DataTimestamp);
