namespace TrialEvidence.Harvester;

/// <summary>What the harvester's exit code says, the same for every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Some input was rejected, a harvest or a fetch failed: the rest was done and kept.</summary>
    public const int Failed = 1;

    /// <summary>It could not run: an unknown command or option, a bad setting, a path that does not exist.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C or SIGTERM; what was stored is kept.</summary>
    public const int Cancelled = 130;
}
