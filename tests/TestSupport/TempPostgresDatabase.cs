using Npgsql;
using Xunit;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Ingest;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.TestSupport;

/// <summary>
/// The PostgreSQL server the tests of the postgres provider use: the connection string in
/// TRIALEVIDENCE_TEST_POSTGRES, of a role that may create databases (.ci/run starts one and
/// sets it). Without it those tests are skipped, saying why: the README's test command needs
/// only the .NET SDK.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "TRIALEVIDENCE_TEST_POSTGRES";

    public const string SkipReason =
        "no PostgreSQL server: set " + Variable + " to the connection string of a role that may create databases " +
        "(.ci/run installs and starts one), e.g. Host=127.0.0.1;Username=te_test;Password=...;Database=postgres";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Skips the calling [SkippableFact] when no server is configured; a configured one that cannot be reached fails it.</summary>
    public static string Require()
    {
        Skip.If(ConnectionString is null, SkipReason);
        return ConnectionString!;
    }
}

/// <summary>A new, empty PostgreSQL database on the test server, migrated unless told otherwise; dropped on dispose.</summary>
public sealed class TempPostgresDatabase : IDisposable
{
    private readonly string _admin;

    public TempPostgresDatabase(bool migrate = true)
    {
        _admin = PostgresServer.Require();
        Name = "te_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(_admin))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            // The name is made here of a GUID: an identifier cannot be a parameter.
            create.CommandText = $"CREATE DATABASE {Name} TEMPLATE template0 ENCODING 'UTF8'";
            create.ExecuteNonQuery();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = Name }.ConnectionString;
        Database = new PostgresDatabase(ConnectionString);
        Migrator = new Migrator(Database, TimeProvider.System);
        if (migrate)
        {
            Migrator.Migrate();
        }
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public PostgresDatabase Database { get; }

    public Migrator Migrator { get; }

    public NpgsqlConnection Open() => Database.Open();

    public StudyImporter CreateImporter(TimeProvider? clock = null) =>
        new(new StudyIngest(Database, new StudyWriter(clock ?? TimeProvider.System)));

    public ImportSummary Import(params string[] paths) => CreateImporter().Import(RecordSource.Expand(paths));

    public void Dispose()
    {
        Database.Dispose();
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}
