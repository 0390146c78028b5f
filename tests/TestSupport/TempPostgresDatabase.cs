using Npgsql;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Ingest;
using TrialEvidence.Data.Studies;
using Xunit;

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

/// <summary>Which engine the suites that run on both use: TRIALEVIDENCE_TEST_PROVIDER=postgres, else SQLite.</summary>
public static class TestProvider
{
    public const string Variable = "TRIALEVIDENCE_TEST_PROVIDER";

    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(Variable), "postgres", StringComparison.OrdinalIgnoreCase);
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
        // A server process of its own (autovacuum starting on the new database) can hold it a
        // moment longer than FORCE may end: try again, then leave it (a leftover test database is harmless).
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                using var connection = new NpgsqlConnection(_admin);
                connection.Open();
                using var drop = connection.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)";
                drop.ExecuteNonQuery();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                Thread.Sleep(250);
            }
        }
    }
}
