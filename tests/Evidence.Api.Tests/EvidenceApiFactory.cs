using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Import;

namespace TrialEvidence.Api.Tests;

/// <summary>
/// The real application on a real SQLite file filled by importing ../shared/ctgov; the scheduler
/// is off (no registry to reach), harvests on demand take the key "test-key".
/// </summary>
public class EvidenceApiFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-of-sixteen-characters";

    public EvidenceApiFactory()
        : this(postgres: TestProvider.IsPostgres) // TRIALEVIDENCE_TEST_PROVIDER=postgres runs the suite on PostgreSQL (.ci/run does, a second time)
    {
    }

    /// <param name="postgres">Whether the application reads PostgreSQL (else its SQLite file).</param>
    /// <param name="importClock">The clock the records are imported by (when fetched): one for two applications that must answer alike.</param>
    protected EvidenceApiFactory(bool postgres, TimeProvider? importClock = null)
    {
        _importClock = importClock ?? TimeProvider.System;
        Database = new TempDatabase();
        Postgres = postgres ? new TempPostgresDatabase() : null;
        Import(SharedData.CtGov);
    }

    /// <summary>The database the application reads when the suite runs on PostgreSQL; null on SQLite.</summary>
    public TempPostgresDatabase? Postgres { get; }

    /// <summary>The database the application reads, whichever engine it is.</summary>
    public EvidenceDatabase Connections => Postgres is { } postgres ? postgres.Database : Database.Connections;

    /// <summary>A connection to the database the application reads (its SQL goes through <c>connection.Sql(...)</c>).</summary>
    public DbConnection OpenDatabase() => Connections.Open();

    /// <summary>Imports records into the database the application reads.</summary>
    public ImportSummary ImportRecords(string path) =>
        (Postgres?.CreateImporter(_importClock) ?? Database.CreateImporter(_importClock)).Import(RecordSource.Expand([path]));

    private readonly TimeProvider _importClock;

    /// <summary>Imports each of <paramref name="paths"/> in turn; a rejected record stops the fixture, named.</summary>
    protected void Import(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            var summary = ImportRecords(path);
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
        if (Postgres is not null)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", Postgres.ConnectionString);
        }

        builder.UseSetting("Scheduler:Enabled", "false");
        builder.UseSetting("Api:HarvestApiKey", ApiKey);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
            Postgres?.Dispose();
        }
    }
}
