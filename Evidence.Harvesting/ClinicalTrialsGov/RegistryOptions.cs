using System.ComponentModel.DataAnnotations;

namespace TrialEvidence.ClinicalTrialsGov;

/// <summary>The "Registry" section of appsettings.json: where the registry is and how politely to ask it.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    [Required]
    [Url]
    public string BaseUrl { get; set; } = "https://clinicaltrials.gov/api/v2/";

    /// <summary>Client-side rate limit; the registry's robots.txt asks for one request a second.</summary>
    [Range(0.01, 1000)]
    public double RequestsPerSecond { get; set; } = 1;

    /// <summary>Studies per search page (the registry allows up to 1000).</summary>
    [Range(1, StudySearch.MaxPageSize)]
    public int PageSize { get; set; } = 1000;

    /// <summary>One attempt, headers and body: a 1000-study page can be tens of megabytes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>One request with all its retries and waits.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "06:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Retries after the first attempt (Polly needs at least one).</summary>
    [Range(1, 20)]
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>First back-off; it doubles per attempt, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>No single wait is longer, whether computed or asked for by Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Share of failed requests, over the sampling window, that opens the circuit.</summary>
    [Range(0.01, 1)]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 10_000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00")]
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromMinutes(2);

    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00")]
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromMinutes(1);
}
