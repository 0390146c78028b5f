namespace TrialEvidence.TestSupport;

/// <summary>
/// The read-only test material in ../shared beside the repository (real registry responses).
/// Found by walking up from the test binary to TrialEvidence.sln; TRIALEVIDENCE_SHARED overrides.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Folder => Root.Value;

    public static string CtGov => Path.Combine(Folder, "ctgov");

    public static string CtGovFile(params string[] parts) => Path.Combine([CtGov, .. parts]);

    /// <summary>Records of other registries (WHO ICTRP, ChiCTR, EUCTR).</summary>
    public static string Registries => Path.Combine(Folder, "registries");

    /// <summary>The WHO ICTRP XML export: 237 ChiCTR and 52 ClinicalTrials.gov trials.</summary>
    public static string IctrpExport => Path.Combine(Registries, "ictrp", "ICTRP-Results_18Mar2020_part1.xml");

    /// <summary>A file of ChiCTR's records: its trial page, search page or XML download.</summary>
    public static string ChiCtrFile(string name) => Path.Combine(Registries, "chictr", name);

    /// <summary>A file of EUCTR's records: a protocol page, the search page or the full-text download.</summary>
    public static string EuctrFile(string name) => Path.Combine(Registries, "euctr", name);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable("TRIALEVIDENCE_SHARED");
        var folder = configured ?? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        if (!Directory.Exists(Path.Combine(folder, "ctgov")))
        {
            throw new DirectoryNotFoundException(
                $"The shared test material was not found at {folder}. Put the shared/ folder beside the repository or set TRIALEVIDENCE_SHARED.");
        }

        return folder;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrialEvidence.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("TrialEvidence.sln was not found above " + AppContext.BaseDirectory);
    }
}
