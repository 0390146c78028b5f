using System.Diagnostics;

namespace TrialEvidence.TestSupport;

/// <summary>Waiting for what another process does: asked again every 200 ms.</summary>
public static class Poll
{
    /// <summary>The first value <paramref name="read"/> gives within <paramref name="limit"/>; a TimeoutException after it.</summary>
    public static async Task<T> Until<T>(Func<T?> read, TimeSpan limit)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(read);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (read() is { } value)
            {
                return value;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"not within {limit.TotalSeconds} s");
    }
}
