using System.Diagnostics;
using System.Globalization;

namespace TrialEvidence.Harvesting;

/// <summary>
/// Names the process that runs a harvest ("host:pid:start-ticks"), so a run left 'running' by a
/// killed process can be told from one another live process is still running.
/// </summary>
public static class ProcessOwner
{
    public static string Current { get; } = Describe(Environment.MachineName, Process.GetCurrentProcess());

    /// <summary>True when the owner is a process on this machine that is still running.</summary>
    public static bool IsAlive(string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var parts = owner.Split(':');
        if (parts.Length != 3 || !string.Equals(parts[0], Environment.MachineName, StringComparison.Ordinal)
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid))
        {
            // Another machine (a shared file): we cannot see it, so we must not take its run over.
            return parts.Length == 3 && !string.Equals(parts[0], Environment.MachineName, StringComparison.Ordinal);
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return string.Equals(Describe(parts[0], process), owner, StringComparison.Ordinal);
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

    private static string Describe(string host, Process process) =>
        string.Create(CultureInfo.InvariantCulture, $"{host}:{process.Id}:{process.StartTime.ToUniversalTime().Ticks}");
}
