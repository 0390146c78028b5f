using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrialEvidence.Data.Import;

namespace TrialEvidence.Api.Tests.Topics;

/// <summary>
/// The API on a database filled only by imports, recorded as <c>harvester import</c> records them
/// (import_runs): ../shared/ctgov on <see cref="FirstDay"/>, then one of its files again on
/// <see cref="SecondDay"/>. No topic has been harvested.
/// </summary>
public sealed class ImportedRecordsFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset FirstDay = new(2025, 3, 4, 9, 15, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset SecondDay = new(2025, 3, 5, 16, 40, 0, TimeSpan.Zero);

    public ImportedRecordsFactory()
    {
        Import(FirstDay, SharedData.CtGov);
        Import(SecondDay, SharedData.CtGovFile("NCT03418623.json"));
    }

    public ApiDatabase Database { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Database.Configure(builder);
        builder.UseSetting("Scheduler:Enabled", "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }

    private void Import(DateTimeOffset at, params string[] paths)
    {
        var runs = new ImportRuns(Database.Connections, new FixedClock(at));
        var run = runs.Start(paths);
        runs.Finish(run, ImportOutcome.Succeeded, Database.Import(paths), error: null);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
