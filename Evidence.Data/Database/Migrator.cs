using Dapper;
using Microsoft.Data.Sqlite;

namespace TrialEvidence.Data.Database;

/// <summary>
/// Applies the pending migrations in version order, each inside its own transaction together with
/// its row in the schema_migrations journal, so a failed script leaves the database as it was.
/// </summary>
public sealed class Migrator(SqliteConnectionFactory connections, TimeProvider clock)
{
    private const string CreateJournal = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            checksum   TEXT NOT NULL,
            applied_at TEXT NOT NULL
        ) STRICT;
        """;

    /// <summary>Migrates to the newest embedded version; returns the versions applied now.</summary>
    public IReadOnlyList<int> Migrate() => Migrate(Migration.Embedded, int.MaxValue);

    /// <summary>Migrates up to and including <paramref name="targetVersion"/> (tests start from old schemas).</summary>
    public IReadOnlyList<int> Migrate(int targetVersion) => Migrate(Migration.Embedded, targetVersion);

    internal IReadOnlyList<int> Migrate(IReadOnlyList<Migration> migrations, int targetVersion)
    {
        using var connection = connections.Open();
        connection.Execute(CreateJournal);
        var applied = new List<int>();
        foreach (var migration in migrations.Where(m => m.Version <= targetVersion))
        {
            // BEGIN IMMEDIATE takes the write lock first, so two processes starting together
            // cannot both apply the same script: the second waits, then sees it journaled.
            using var transaction = connection.BeginTransaction(deferred: false);
            var journaled = connection.QuerySingleOrDefault<string?>(
                "SELECT checksum FROM schema_migrations WHERE version = @Version",
                new { migration.Version },
                transaction);
            if (journaled is not null)
            {
                if (journaled != migration.Checksum)
                {
                    throw new InvalidOperationException(
                        $"Migration {migration.Version:D4}_{migration.Name} was changed after it was applied to " +
                        $"{connections.DatabasePath}. Shipped migrations must never be edited; add a new one.");
                }

                continue;
            }

            try
            {
                connection.Execute(migration.Sql, transaction: transaction);
            }
            catch (SqliteException ex)
            {
                throw new InvalidOperationException(
                    $"Migration {migration.Version:D4}_{migration.Name} failed and was rolled back: {ex.Message}", ex);
            }

            connection.Execute(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@Version, @Name, @Checksum, @AppliedAt)",
                new { migration.Version, migration.Name, migration.Checksum, AppliedAt = clock.GetUtcNow().ToString("O") },
                transaction);
            transaction.Commit();
            applied.Add(migration.Version);
        }

        return applied;
    }

    /// <summary>The highest applied version, or 0 for a new database.</summary>
    public int CurrentVersion()
    {
        using var connection = connections.Open();
        connection.Execute(CreateJournal);
        return connection.ExecuteScalar<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    }
}
