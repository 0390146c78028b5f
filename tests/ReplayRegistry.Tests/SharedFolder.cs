namespace TrialEvidence.ReplayRegistry.Tests;

/// <summary>
/// The recorded registry responses in ../shared/ctgov beside the repository (found by walking up
/// from the test binary to TrialEvidence.sln); TRIALEVIDENCE_SHARED overrides the shared folder.
/// </summary>
internal static class SharedFolder
{
    public static string CtGov { get; } = Locate();

    public static string CtGovFile(params string[] parts) => Path.Combine([CtGov, .. parts]);

    private static string Locate()
    {
        var shared = Environment.GetEnvironmentVariable("TRIALEVIDENCE_SHARED")
            ?? Path.Combine(RepositoryRoot(), "..", "shared");
        var ctgov = Path.GetFullPath(Path.Combine(shared, "ctgov"));
        return Directory.Exists(ctgov)
            ? ctgov
            : throw new DirectoryNotFoundException($"The recorded registry responses were not found at {ctgov}; set TRIALEVIDENCE_SHARED.");
    }

    private static string RepositoryRoot()
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
