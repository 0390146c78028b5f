using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace TrialEvidence.Harvester.ClinicalTrialsGov;

/// <summary>Which registry failures are worth another attempt, and how long the registry asked us to wait.</summary>
public static partial class RegistryFailures
{
    /// <summary>
    /// Timeouts, dropped connections, 5xx, 408 and 429 (the resilience library's transient set),
    /// plus 403, which the registry sends now and then under load, and cut-off or garbled bodies.
    /// </summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome)
        || outcome.Result?.StatusCode == HttpStatusCode.Forbidden
        || outcome.Exception is RegistryResponseException;

    /// <summary>What went wrong with one attempt, in a few words.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"{(int)response.StatusCode} {response.StatusCode}" : outcome.Exception?.Message ?? "unknown failure";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry request failed ({Failure}); retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void LogRetry(ILogger logger, string failure, int retry, int maxRetries, TimeSpan delay);

    /// <summary>The Retry-After delay of a 429/503, capped; null lets the back-off decide.</summary>
    public static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeSpan cap, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var retryAfter = outcome.Result?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date - clock.GetUtcNow());
        if (delay is null)
        {
            return null;
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > cap ? cap : delay;
    }
}
