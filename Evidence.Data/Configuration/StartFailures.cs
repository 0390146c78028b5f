using Microsoft.Extensions.Options;

namespace TrialEvidence.Data.Configuration;

/// <summary>What made a host's start fail, as the API and the command line both report it.</summary>
public static class StartFailures
{
    /// <summary>
    /// The failed checks of the settings when starting failed because of them: one options
    /// class's (OptionsValidationException) or several's (an AggregateException of them); null
    /// when the start failed for another reason.
    /// </summary>
    public static IReadOnlyList<string>? SettingsFailures(Exception exception) => exception switch
    {
        OptionsValidationException one => [.. one.Failures],
        AggregateException many when many.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],
        _ => null,
    };

    /// <summary>
    /// <paramref name="exception"/> and the exceptions it wraps, outermost first: its inner
    /// exceptions, then, for an AggregateException, each of the exceptions it gathers and theirs.
    /// </summary>
    public static IEnumerable<Exception> Chain(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }

        foreach (var gathered in (exception as AggregateException)?.InnerExceptions ?? [])
        {
            foreach (var e in Chain(gathered))
            {
                yield return e;
            }
        }
    }
}
