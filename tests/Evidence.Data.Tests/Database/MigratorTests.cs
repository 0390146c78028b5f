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

    public static TheoryData<int> UpgradedVersions => new(Migration.Embedded.Skip(1).Select(m => m.Version));

    [Theory]
    [MemberData(nameof(UpgradedVersions))]
    public void Each_migration_upgrades_a_database_holding_rows_from_the_previous_one(int version)
    {
        using var database = new TempDatabase(migrateTo: version - 1);
        using var connection = database.Open();
        // Rows as the schema of migration 1 holds them (every later schema keeps these columns).
        connection.Execute("""
            INSERT INTO study_versions (id, nct_id, version_holder, last_update_posted_date, content_hash, fetched_at, source, raw_json)
            VALUES (1, 'NCT04267848', '2025-06-16', '2024-01-23', 'abc', '2026-11-26T00:00:00Z', 'test', '{"protocolSection":{}}');
            INSERT INTO studies (nct_id, brief_title, phase, enrollment_count, enrollment_type, current_version_id, updated_at)
            VALUES ('NCT04267848', 'A trial', 'PHASE3', 1200, 'ESTIMATED', 1, '2026-11-26T00:00:00Z');
            INSERT INTO interventions (nct_id, ordinal, type, name, other_names) VALUES ('NCT04267848', 0, 'BIOLOGICAL', 'Pembrolizumab', '["Keytruda"]');
            INSERT INTO outcomes (nct_id, kind, ordinal, measure) VALUES ('NCT04267848', 'primary', 0, 'Disease-free survival');
            INSERT INTO enrollment_snapshots (nct_id, version_id, observed_at, count, type) VALUES ('NCT04267848', 1, '2026-11-26T00:00:00Z', 1200, 'ESTIMATED');
            """);
        var before = Snapshot(connection);

        var applied = database.Migrator.Migrate(version);

        Assert.Equal([version], applied);
        Assert.Equal(before, Snapshot(connection));
        Assert.Equal("", connection.ExecuteScalar<string>("PRAGMA foreign_key_check") ?? "");
    }

    private static List<string> Snapshot(SqliteConnection connection) =>
    [
        .. connection.Query<string>("SELECT json_array(nct_id, brief_title, phase, enrollment_count, enrollment_type, current_version_id) FROM studies"),
        .. connection.Query<string>("SELECT json_array(id, nct_id, content_hash, raw_json) FROM study_versions"),
        .. connection.Query<string>("SELECT json_array(nct_id, ordinal, type, name, other_names) FROM interventions"),
        .. connection.Query<string>("SELECT json_array(nct_id, kind, ordinal, measure) FROM outcomes"),
        .. connection.Query<string>("SELECT json_array(nct_id, count, type) FROM enrollment_snapshots"),
    ];

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
        Assert.Equal(-16 * 1024, connection.ExecuteScalar<long>("PRAGMA cache_size")); // DatabaseOptions.PageCacheMiB, in KiB
        var orphan = Assert.Throws<SqliteException>(() =>
            connection.Execute("INSERT INTO conditions (nct_id, ordinal, name) VALUES ('NCT99999999', 0, 'x')"));
        Assert.Contains("FOREIGN KEY", orphan.Message, StringComparison.Ordinal);
    }
}

public class PageCacheTests
{
    [Fact]
    public void The_page_cache_is_the_size_the_options_give()
    {
        var folder = Directory.CreateTempSubdirectory("cache-").FullName;
        try
        {
            var connections = new SqliteConnectionFactory(new DatabaseOptions { Path = Path.Combine(folder, "cache.db"), PageCacheMiB = 48 });
            using var connection = connections.Open();

            Assert.Equal(-48 * 1024, connection.ExecuteScalar<long>("PRAGMA cache_size"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}

public class SearchMigrationTests
{
    [Fact]
    public void Migration_5_indexes_the_studies_already_stored()
    {
        using var database = new TempDatabase(migrateTo: 4);
        using var connection = database.Open();
        connection.Execute("""
            INSERT INTO study_versions (id, nct_id, content_hash, fetched_at, source, raw_json)
            VALUES (1, 'NCT04547452', 'abc', '2026-11-26T00:00:00Z', 'test', '{}');
            INSERT INTO studies (nct_id, brief_title, lead_sponsor, current_version_id, updated_at)
            VALUES ('NCT04547452', 'Sintilimab and SBRT in advanced HCC', 'West China Hospital', 1, '2026-11-26T00:00:00Z');
            INSERT INTO interventions (nct_id, ordinal, type, name, agent) VALUES ('NCT04547452', 0, 'DRUG', 'Anti-PD-1 antibody', 'sintilimab');
            INSERT INTO conditions (nct_id, ordinal, name) VALUES ('NCT04547452', 0, 'Stage IV HCC');
            """);

        database.Migrator.Migrate(5);

        foreach (var words in new[] { "sintilimab", "\"west china\"", "\"stage iv\"", "sbrt" })
        {
            Assert.Equal(["NCT04547452"], connection.Query<string>("SELECT nct_id FROM study_search WHERE study_search MATCH @words", new { words }));
        }
    }
}

public class InterventionValuesMigrationTests
{
    /// <summary>A study, NCT05432492, for the normalised rows of a test to belong to.</summary>
    private const string OneStudy = """
        INSERT INTO study_versions (id, nct_id, content_hash, fetched_at, source, raw_json)
        VALUES (1, 'NCT05432492', 'abc', '2026-11-26T00:00:00Z', 'test', '{}');
        INSERT INTO studies (nct_id, current_version_id, updated_at) VALUES ('NCT05432492', 1, '2026-11-26T00:00:00Z');

        """;

    [Fact]
    public void Migration_6_turns_joined_normalised_columns_into_one_row_per_value()
    {
        using var database = new TempDatabase(migrateTo: 5);
        using var connection = database.Open();
        connection.Execute(OneStudy + """
            INSERT INTO interventions (nct_id, ordinal, type, name, agent, agent_class, target, rt_modality, partner_class) VALUES
                ('NCT05432492', 0, 'DRUG', 'Nivolumab + Ipilimumab', 'nivolumab + ipilimumab', 'ICI', 'PD-1 + CTLA-4', NULL, NULL),
                ('NCT05432492', 1, 'RADIATION', 'SBRT', NULL, NULL, NULL, 'SBRT', NULL),
                ('NCT05432492', 2, 'DRUG', 'Atezolizumab + Bevacizumab', 'atezolizumab + bevacizumab', 'ICI + anti-VEGF', 'PD-L1', NULL, 'anti-VEGF'),
                ('NCT05432492', 3, 'DRUG', 'PD-1 inhibitor', NULL, 'ICI', 'ICI, unspecified', NULL, NULL),
                ('NCT05432492', 4, 'PROCEDURE', 'TACE', NULL, NULL, NULL, NULL, 'locoregional'),
                ('NCT05432492', 5, 'OTHER', 'Placebo', NULL, NULL, NULL, NULL, NULL);
            """);

        database.Migrator.Migrate(6);

        Assert.Equal(
            [
                "0 agent 0 nivolumab", "0 agent 1 ipilimumab", "0 agent_class 0 ICI", "0 target 0 PD-1", "0 target 1 CTLA-4",
                "1 rt_modality 0 SBRT",
                "2 agent 0 atezolizumab", "2 agent 1 bevacizumab", "2 agent_class 0 ICI", "2 agent_class 1 anti-VEGF", "2 partner_class 0 anti-VEGF", "2 target 0 PD-L1",
                "3 agent_class 0 ICI", "3 target 0 ICI, unspecified",
                "4 partner_class 0 locoregional",
            ],
            connection.Query<string>("SELECT ordinal || ' ' || field || ' ' || position || ' ' || value FROM intervention_values ORDER BY ordinal, field, position"));
        Assert.DoesNotContain("agent", connection.Query<string>("SELECT name FROM pragma_table_info('interventions')"));
        Assert.Equal(6, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM interventions"));
    }

    [Fact]
    public void Migration_8_makes_a_stored_bispecific_target_the_agents_property_and_keeps_every_other_value()
    {
        using var database = new TempDatabase(migrateTo: 7);
        using var connection = database.Open();
        connection.Execute(OneStudy + """
            INSERT INTO intervention_values (nct_id, ordinal, field, position, value) VALUES
                ('NCT05432492', 0, 'agent', 0, 'cadonilimab'), ('NCT05432492', 0, 'agent_class', 0, 'ICI'), ('NCT05432492', 0, 'target', 0, 'bispecific'),
                ('NCT05432492', 1, 'rt_modality', 0, 'SBRT');
            """);

        database.Migrator.Migrate(8);

        Assert.Equal(
            ["0 agent 0 cadonilimab", "0 agent_class 0 ICI", "0 agent_property 0 bispecific", "1 rt_modality 0 SBRT"],
            connection.Query<string>("SELECT ordinal || ' ' || field || ' ' || position || ' ' || value FROM intervention_values ORDER BY ordinal, field, position"));
    }

    [Fact]
    public void Migration_25_finds_a_trial_by_the_words_of_its_registrations_listed_under_it_and_puts_it_in_their_topics()
    {
        using var database = new TempDatabase(migrateTo: 24);
        using var connection = database.Open();
        connection.Execute("""
            INSERT INTO study_versions (id, nct_id, content_hash, fetched_at, source, raw_json) VALUES
                (1, 'NCT03418623', 'a', '2026-11-26T00:00:00Z', 'test', '{}'),
                (2, 'ChiCTR2000099999', 'b', '2026-11-26T00:00:00Z', 'test', '{}');
            INSERT INTO studies (nct_id, brief_title, lead_sponsor, current_version_id, updated_at, registry) VALUES
                ('NCT03418623', 'Zanubrutinib in lymphoma', 'BeiGene', 1, '2026-11-26T00:00:00Z', 'ClinicalTrials.gov'),
                ('ChiCTR2000099999', 'Zanubrutinib registered in China too', 'Shenzhen hospital', 2, '2026-11-26T00:00:00Z', 'ChiCTR');
            INSERT INTO interventions (nct_id, ordinal, type, name, other_names) VALUES ('ChiCTR2000099999', 0, 'DRUG', 'Zanubrutinib', '["BGB-3111"]');
            UPDATE studies SET shown_as = 'NCT03418623' WHERE nct_id = 'ChiCTR2000099999';
            INSERT INTO study_search (rowid, nct_id, titles, summary, conditions, interventions, sponsor)
            SELECT rowid, nct_id, brief_title, '', '', '', lead_sponsor FROM studies WHERE nct_id = 'NCT03418623';
            INSERT INTO harvest_runs (id, topic, kind, started_at, harvest_started_at, outcome, query, topic_query, owner)
            VALUES (1, 'china', 'full', '2026-11-26T00:00:00Z', '2026-11-26T00:00:00Z', 'succeeded', '{}', '{}', 'test');
            INSERT INTO topic_studies (topic, nct_id, first_seen_at, last_seen_at, first_run_id, last_run_id)
            VALUES ('china', 'ChiCTR2000099999', '2026-11-26T00:00:00Z', '2026-11-26T00:00:00Z', 1, 1);
            """);
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_facets WHERE facet = 'topic'"));

        database.Migrator.Migrate(25);

        Assert.Equal(
            ["NCT03418623"],
            connection.Query<string>("SELECT s.nct_id FROM studies s WHERE s.rowid IN (SELECT rowid FROM study_search WHERE study_search MATCH 'China AND Shenzhen AND BGB')"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_search"));
        Assert.Equal(["NCT03418623 china"], connection.Query<string>("SELECT nct_id || ' ' || value FROM study_facets WHERE facet = 'topic'"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'topic' AND value = 'china'"));
    }
}
