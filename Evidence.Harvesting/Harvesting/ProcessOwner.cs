using System.Diagnostics;
using System.Globalization;

namespace TrialEvidence.Harvesting;

/// <summary>
/// Names the process that runs a harvest ("host:pid:start-ticks"), so a run left 'running' by a
/// killed process can be told from one another live process is still running.
/// </summary>
public static class ProcessOwner
{
    /// <summary>
    /// How far two readings of one process's start time may differ. On Linux, Process.StartTime is
    /// the boot time plus the start's offset from boot, and the boot time is worked out from the
    /// wall clock in each process: another process reads the same start a few microseconds (or,
    /// after the clock is stepped, seconds) apart. An exact comparison called every live run of
    /// another process dead. A new process reusing a dead one's pid within this window would need
    /// the pids to wrap around in seconds.
    /// </summary>
    private static readonly TimeSpan SameStart = TimeSpan.FromSeconds(10);

    public static string Current { get; } = Describe(Environment.MachineName, Process.GetCurrentProcess());

    /// <summary>True when the owner is a process on this machine that is still running.</summary>
    public static bool IsAlive(string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var parts = owner.Split(':');
        if (parts.Length != 3 || !string.Equals(parts[0], Environment.MachineName, StringComparison.Ordinal)
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var startTicks))
        {
            // Another machine (a shared file): we cannot see it, so we must not take its run over.
            return parts.Length == 3 && !string.Equals(parts[0], Environment.MachineName, StringComparison.Ordinal);
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return (StartTicks(process) - startTicks) is var difference && Math.Abs(difference) <= SameStart.Ticks;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false; // it exited while we looked
        }
    }

    private static long StartTicks(Process process) => process.StartTime.ToUniversalTime().Ticks;

    private static string Describe(string host, Process process) =>
        string.Create(CultureInfo.InvariantCulture, $"{host}:{process.Id}:{StartTicks(process)}");
}
