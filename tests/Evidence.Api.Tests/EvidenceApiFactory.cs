using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TrialEvidence.Api.Tests;

/// <summary>
/// The real application on a real SQLite file filled by importing ../shared/ctgov; the scheduler
/// is off (no registry to reach), harvests on demand take the key "test-key".
/// </summary>
public class EvidenceApiFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-of-sixteen-characters";

    public EvidenceApiFactory()
    {
        Database = new TempDatabase();
        Import(SharedData.CtGov);
    }

    /// <summary>Imports each of <paramref name="paths"/> in turn; a rejected record stops the fixture, named.</summary>
    protected void Import(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            var summary = Database.Import(path);
            if (summary.Rejections.Count > 0)
            {
                throw new InvalidOperationException($"{path} did not import: {summary.Rejections[0]}");
            }
        }
    }

    public TempDatabase Database { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Database:Path", Database.Path);
        builder.UseSetting("Scheduler:Enabled", "false");
        builder.UseSetting("Api:HarvestApiKey", ApiKey);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }
}
