using System.Diagnostics;

namespace TrialEvidence.Harvester;

/// <summary>
/// Progress for a terminal: passes a report on at most every two seconds (and always when
/// <paramref name="always"/> says so), so long runs show they are moving without flooding it.
/// </summary>
internal sealed class ThrottledProgress<T>(Action<T> report, Func<T, bool>? always = null) : IProgress<T>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();

    /// <summary>The last value reported, printed or not (what was done when the work stops early).</summary>
    public T? Latest { get; private set; }

    public void Report(T value)
    {
        Latest = value;
        if (_sinceLast.Elapsed < Interval && always?.Invoke(value) != true)
        {
            return;
        }

        _sinceLast.Restart();
        report(value);
    }
}
