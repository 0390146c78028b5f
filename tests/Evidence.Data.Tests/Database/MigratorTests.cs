using Dapper;
using Microsoft.Data.Sqlite;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Data.Tests.Database;

public class MigratorTests
{
    [Fact]
    public void A_new_database_gets_every_migration_in_order_and_journals_them()
    {
        using var database = new TempDatabase(migrateTo: 0);

        var applied = database.Migrator.Migrate();

        Assert.Equal(Migration.Embedded.Select(m => m.Version), applied);
        Assert.Equal([1, 2, 3], applied.Take(3));
        using var connection = database.Open();
        var journal = connection.Query<(long Version, string Name, string Checksum)>(
            "SELECT version, name, checksum FROM schema_migrations ORDER BY version").ToList();
        Assert.Equal(Migration.Embedded.Select(m => ((long)m.Version, m.Name, m.Checksum)), journal);
    }

    [Fact]
    public void Migrating_again_applies_nothing()
    {
        using var database = new TempDatabase();

        Assert.Empty(database.Migrator.Migrate());
        Assert.Equal(Migration.Embedded[^1].Version, database.Migrator.CurrentVersion());
    }

    [Fact]
    public void Migration_2_upgrades_a_database_holding_rows_from_migration_1()
    {
        using var database = new TempDatabase(migrateTo: 1);
        var summary = database.Import(SharedData.CtGovFile("NCT04267848.json"));
        Assert.Equal(1, summary.New);
        using var connection = database.Open();
        var before = connection.Query<string>("SELECT json_array(nct_id, ordinal, type, name, other_names) FROM interventions ORDER BY ordinal").ToList();

        var applied = database.Migrator.Migrate();

        Assert.Contains(2, applied);
        Assert.Equal(before, connection.Query<string>("SELECT json_array(nct_id, ordinal, type, name, other_names) FROM interventions ORDER BY ordinal"));
        Assert.All(connection.Query<string?>("SELECT agent FROM interventions"), Assert.Null);
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM rt_regimens"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM studies"));
    }

    [Fact]
    public void A_failing_migration_is_rolled_back_and_not_journaled()
    {
        using var database = new TempDatabase();
        var broken = new Migration(9001, "broken", "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);");

        var error = Assert.Throws<InvalidOperationException>(() => database.Migrator.Migrate([.. Migration.Embedded, broken], int.MaxValue));

        Assert.Contains("9001_broken failed and was rolled back", error.Message, StringComparison.Ordinal);
        using var connection = database.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'"));
        Assert.Equal(Migration.Embedded[^1].Version, database.Migrator.CurrentVersion());
    }

    [Fact]
    public void An_edited_shipped_migration_is_refused()
    {
        using var database = new TempDatabase();
        var first = Migration.Embedded[0];
        var edited = first with { Sql = first.Sql + "\n-- edited" };

        var error = Assert.Throws<InvalidOperationException>(() => database.Migrator.Migrate([edited], int.MaxValue));

        Assert.Contains("was changed after it was applied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Connections_use_wal_foreign_keys_and_a_busy_timeout()
    {
        using var database = new TempDatabase();
        using var connection = database.Open();

        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
        Assert.Equal(1, connection.ExecuteScalar<long>("PRAGMA foreign_keys"));
        Assert.Equal(5000, connection.ExecuteScalar<long>("PRAGMA busy_timeout"));
        var orphan = Assert.Throws<SqliteException>(() =>
            connection.Execute("INSERT INTO conditions (nct_id, ordinal, name) VALUES ('NCT99999999', 0, 'x')"));
        Assert.Contains("FOREIGN KEY", orphan.Message, StringComparison.Ordinal);
    }
}
