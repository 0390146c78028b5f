using System.Globalization;

namespace TrialEvidence.ClinicalTrialsGov;

/// <summary>A registry request failed and the resilience pipeline will try it again after <see cref="Delay"/>.</summary>
public sealed record RegistryRetry(string Failure, int Retry, int MaxRetries, TimeSpan Delay)
{
    private static readonly AsyncLocal<Action<RegistryRetry>?> Observer = new();

    /// <summary>
    /// Tells <paramref name="observer"/> of the retries of the registry requests made from this
    /// asynchronous flow until disposed: the retry runs inside the HttpClient call, below Refit, so
    /// a harvest hears of its own requests' retries and not those of another running beside it.
    /// </summary>
    public static IDisposable Observe(Action<RegistryRetry> observer)
    {
        var previous = Observer.Value;
        Observer.Value = observer;
        return new Restore(previous);
    }

    internal static void Notify(RegistryRetry retry) => Observer.Value?.Invoke(retry);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"registry request failed ({Failure}); retry {Retry} of {MaxRetries} in {Math.Ceiling(Delay.TotalSeconds):0} s");

    private sealed class Restore(Action<RegistryRetry>? previous) : IDisposable
    {
        public void Dispose() => Observer.Value = previous;
    }
}
