using System.ComponentModel.DataAnnotations;

namespace TrialEvidence.Euctr;

/// <summary>
/// The "Euctr" section of appsettings.json: where the EU Clinical Trials Register is and how
/// politely to ask it. It publishes no rate limit; one request a second is what
/// ClinicalTrials.gov asks, and a page of EUCTR's full-text download is a megabyte or two.
/// </summary>
public sealed class EuctrOptions
{
    public const string Section = "Euctr";

    [Required]
    [Url]
    public string BaseUrl { get; set; } = "https://www.clinicaltrialsregister.eu/";

    [Range(0.01, 1000)]
    public double RequestsPerSecond { get; set; } = 1;

    /// <summary>One attempt, headers and body.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries after the first attempt.</summary>
    [Range(1, 20)]
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>First back-off; it doubles per attempt, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>No single wait is longer, whether computed or asked for by Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
}
