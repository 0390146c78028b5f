using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace TrialEvidence.ClinicalTrialsGov;

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

    // Information, not Warning: a retry that succeeds is the pipeline working; the scheduler's log
    // shows it. The harvest that made the request hears of it too (RegistryRetry.Observe) and says
    // so where its user looks: the command's progress lines, the run's row that the page shows.
    public static void ReportRetry(ILogger logger, Outcome<HttpResponseMessage> outcome, int retry, int maxRetries, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var failure = Describe(outcome);
        var seconds = (int)Math.Ceiling(delay.TotalSeconds);
        LogRetry(logger, failure, retry, maxRetries, seconds);
        RegistryRetry.Notify(new RegistryRetry(failure, retry, maxRetries, delay));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry request failed ({Failure}); retry {Retry} of {MaxRetries} in {DelaySeconds} s")]
    private static partial void LogRetry(ILogger logger, string failure, int retry, int maxRetries, int delaySeconds);

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
