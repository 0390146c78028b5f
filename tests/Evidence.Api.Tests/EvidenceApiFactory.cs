using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Import;

namespace TrialEvidence.Api.Tests;

/// <summary>
/// The real application on a real database filled by importing ../shared/ctgov: a SQLite file,
/// or PostgreSQL when the suite runs there (<see cref="ApiDatabase"/>); the scheduler is off (no
/// registry to reach), harvests on demand take the key <see cref="ApiKey"/>.
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
        _database = new ApiDatabase(postgres);
        Import(SharedData.CtGov);
    }

    private readonly ApiDatabase _database;

    private readonly TimeProvider _importClock;

    /// <summary>The database the application reads when the suite runs on PostgreSQL; null on SQLite.</summary>
    public TempPostgresDatabase? Postgres => _database.Postgres;

    /// <summary>The database the application reads, whichever engine it is.</summary>
    public EvidenceDatabase Connections => _database.Connections;

    /// <summary>A connection to the database the application reads (its SQL goes through <c>connection.Sql(...)</c>).</summary>
    public DbConnection OpenDatabase() => _database.Open();

    /// <summary>Imports records into the database the application reads.</summary>
    public ImportSummary ImportRecords(string path) => _database.CreateImporter(_importClock).Import(RecordSource.Expand([path]));

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

    /// <summary>The SQLite file (the application's database unless the suite runs on PostgreSQL), and the tests' scratch folder.</summary>
    public TempDatabase Database => _database.Sqlite;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        _database.Configure(builder);
        builder.UseSetting("Scheduler:Enabled", "false");
        builder.UseSetting("Api:HarvestApiKey", ApiKey);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
