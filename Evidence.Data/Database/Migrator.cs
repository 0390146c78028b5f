using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TrialEvidence.Data.Database;

/// <summary>
/// Applies the pending migrations in version order, each inside its own transaction together with
/// its row in the schema_migrations journal, so a failed script leaves the database as it was.
/// </summary>
public sealed class Migrator
{
    private const string CreateSqliteJournal = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            checksum   TEXT NOT NULL,
            applied_at TEXT NOT NULL
        ) STRICT;
        """;

    private const string CreatePostgresJournal = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    bigint PRIMARY KEY,
            name       text COLLATE "C" NOT NULL,
            checksum   text COLLATE "C" NOT NULL,
            applied_at text COLLATE "C" NOT NULL
        );
        """;

    /// <summary>The advisory lock PostgreSQL migrators take, so that instances starting together apply each script once.</summary>
    private const long PostgresMigrationLock = 0x54455F4D49475241; // "TE_MIGRA"

    private readonly Func<DbConnection> _open;
    private readonly DatabaseProvider _provider;
    private readonly string _database;
    private readonly TimeProvider _clock;

    public Migrator(EvidenceDatabase database, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(database);
        _open = database.Open;
        _provider = database.Provider;
        _database = database.Description;
        _clock = clock;
    }

    /// <summary>Migrates to the newest embedded version; returns the versions applied now.</summary>
    public IReadOnlyList<int> Migrate() => Migrate(Migration.For(_provider), int.MaxValue);

    /// <summary>Migrates up to and including <paramref name="targetVersion"/> (tests start from old schemas).</summary>
    public IReadOnlyList<int> Migrate(int targetVersion) => Migrate(Migration.For(_provider), targetVersion);

    /// <summary>The newest version this program knows (the last embedded script).</summary>
    public int NewestVersion => Migration.For(_provider)[^1].Version;

    internal IReadOnlyList<int> Migrate(IReadOnlyList<Migration> migrations, int targetVersion)
    {
        using var connection = _open();
        return _provider == DatabaseProvider.Postgres
            ? MigratePostgres(connection, migrations, targetVersion)
            : MigrateSqlite(connection, migrations, targetVersion);
    }

    private List<int> MigrateSqlite(DbConnection connection, IReadOnlyList<Migration> migrations, int targetVersion)
    {
        connection.Execute(CreateSqliteJournal);
        var applied = new List<int>();
        foreach (var migration in migrations.Where(m => m.Version <= targetVersion))
        {
            // BEGIN IMMEDIATE takes the write lock first, so two processes starting together
            // cannot both apply the same script: the second waits, then sees it journaled.
            using var transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
            if (Apply(connection, transaction, migration))
            {
                transaction.Commit();
                applied.Add(migration.Version);
            }
        }

        return applied;
    }

    /// <summary>
    /// PostgreSQL runs DDL in transactions: every pending script and its journal row in one,
    /// behind an advisory lock, so instances starting together wait for the first and a failed
    /// script leaves the database as it was.
    /// </summary>
    private List<int> MigratePostgres(DbConnection connection, IReadOnlyList<Migration> migrations, int targetVersion)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute("SELECT pg_advisory_xact_lock(@key)", new { key = PostgresMigrationLock }, transaction);
        connection.Execute(CreatePostgresJournal, transaction: transaction);
        var applied = new List<int>();
        foreach (var migration in migrations.Where(m => m.Version <= targetVersion))
        {
            if (Apply(connection, transaction, migration))
            {
                applied.Add(migration.Version);
            }
        }

        transaction.Commit();
        return applied;
    }

    /// <summary>Applies one script and journals it; false when it was applied before.</summary>
    private bool Apply(DbConnection connection, DbTransaction transaction, Migration migration)
    {
        var journaled = connection.QuerySingleOrDefault<string?>(
            "SELECT checksum FROM schema_migrations WHERE version = @Version",
            new { Version = (long)migration.Version },
            transaction);
        if (journaled is not null)
        {
            if (journaled != migration.Checksum)
            {
                throw new InvalidOperationException(
                    $"Migration {migration.Version:D4}_{migration.Name} was changed after it was applied to " +
                    $"{_database}. Shipped migrations must never be edited; add a new one.");
            }

            return false;
        }

        try
        {
            connection.Execute(migration.Sql, transaction: transaction);
        }
        catch (DbException ex) when (ex is SqliteException or PostgresException)
        {
            throw new InvalidOperationException(
                $"Migration {migration.Version:D4}_{migration.Name} failed and was rolled back: {ex.Message}", ex);
        }

        connection.Execute(
            "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@Version, @Name, @Checksum, @AppliedAt)",
            new { Version = (long)migration.Version, migration.Name, migration.Checksum, AppliedAt = _clock.GetUtcNow().ToString("O") },
            transaction);
        return true;
    }

    /// <summary>The highest applied version, or 0 for a new database.</summary>
    public int CurrentVersion()
    {
        using var connection = _open();
        connection.Execute(_provider == DatabaseProvider.Postgres ? CreatePostgresJournal : CreateSqliteJournal);
        return connection.ExecuteScalar<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    }
}
