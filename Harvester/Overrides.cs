namespace TrialEvidence.Harvester;

/// <summary>Configuration keys that command-line options override.</summary>
internal static class Overrides
{
    public static Dictionary<string, string?> Database(string? path) =>
        path is null ? [] : new() { ["Database:Path"] = path };
}
