using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Import;

namespace TrialEvidence.Api.Tests;

/// <summary>
/// The database an application under test reads: its SQLite file, or, when the suite runs on
/// PostgreSQL (TRIALEVIDENCE_TEST_PROVIDER=postgres, as .ci/run does a second time), a new
/// PostgreSQL database. The SQLite file's folder is the tests' scratch space on either engine
/// (records written for an import).
/// </summary>
public sealed class ApiDatabase(bool postgres) : IDisposable
{
    public ApiDatabase()
        : this(TestProvider.IsPostgres)
    {
    }

    /// <summary>The SQLite file, read by the application unless <see cref="Postgres"/> is set.</summary>
    public TempDatabase Sqlite { get; } = new();

    /// <summary>The database the application reads when the suite runs on PostgreSQL; null on SQLite.</summary>
    public TempPostgresDatabase? Postgres { get; } = postgres ? new TempPostgresDatabase() : null;

    /// <summary>The database the application reads, whichever engine it is.</summary>
    public EvidenceDatabase Connections => Postgres is { } database ? database.Database : Sqlite.Connections;

    /// <summary>A connection to the database the application reads (its SQL goes through <c>connection.Sql(...)</c>).</summary>
    public DbConnection Open() => Connections.Open();

    public StudyImporter CreateImporter(TimeProvider? clock = null) => Postgres?.CreateImporter(clock) ?? Sqlite.CreateImporter(clock);

    public ImportSummary Import(params string[] paths) => CreateImporter().Import(RecordSource.Expand(paths));

    public string WriteFile(string name, string content) => Sqlite.WriteFile(name, content);

    /// <summary>The settings that point an application at this database (after any others that name one).</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings()
    {
        yield return new("Database:Path", Sqlite.Path);
        if (Postgres is not null)
        {
            yield return new("Database:Provider", "Postgres");
            yield return new("Database:ConnectionString", Postgres.ConnectionString);
        }
    }

    /// <summary>
    /// <paramref name="environment"/> of an application process, with the variables that point it
    /// at this database (TRIALEVIDENCE_Database__Path and, on PostgreSQL, its provider and connection string).
    /// </summary>
    public Dictionary<string, string> Environment(Dictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var (key, value) in Settings())
        {
            environment.Add(Variable(key), value);
        }

        return environment;
    }

    /// <summary>The environment variable of a setting ("Database:Path": TRIALEVIDENCE_Database__Path).</summary>
    public static string Variable(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return "TRIALEVIDENCE_" + key.Replace(":", "__", StringComparison.Ordinal);
    }

    /// <summary>Points the application at this database.</summary>
    public void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }
    }

    public void Dispose()
    {
        Sqlite.Dispose();
        Postgres?.Dispose();
    }
}
