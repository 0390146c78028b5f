using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Facets;

namespace TrialEvidence.Data.Tests.Facets;

/// <summary>
/// study_facets and the counts the triggers keep in facet_counts (migration 0010, issue 11): the
/// counts always equal the rows counted, through new studies, changed versions and deletions,
/// and the migration's backfill writes the rows the import writes.
/// </summary>
public sealed class StudyFacetsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Maintained_counts_equal_the_facet_rows_through_imports_changes_and_deletions()
    {
        _database.Import(SharedData.CtGov);
        using var connection = _database.Open();
        FacetConsistency.AssertHolds(connection);
        var studies = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM studies");
        Assert.Equal(studies, connection.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'total'"));
        var recruiting = connection.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'status' AND value = 'RECRUITING'");

        // A newer version of a recruiting trial that has completed: the status facet moves.
        var record = JsonNode.Parse(File.ReadAllText(SharedData.CtGovFile("reconstructed", "NCT04167293.json")))!;
        var status = record["protocolSection"]!["statusModule"] ??= new JsonObject();
        status["overallStatus"] = "COMPLETED";
        status["lastUpdatePostDateStruct"] = new JsonObject { ["date"] = "2030-01-01" };
        _database.Import(_database.WriteFile("NCT04167293-completed.json", record.ToJsonString()));

        FacetConsistency.AssertHolds(connection);
        Assert.Equal(recruiting - 1, connection.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'status' AND value = 'RECRUITING'"));
        Assert.Equal(studies, connection.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'total'"));

        connection.Execute("DELETE FROM studies WHERE nct_id = 'NCT04167293'");

        Assert.Equal(FacetConsistency.Recounted(connection), FacetConsistency.Maintained(connection));
        Assert.Equal(FacetConsistency.FacetRowsByStudy(connection), FacetConsistency.Coded(connection));
        Assert.Equal(studies - 1, connection.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'total'"));
    }

    /// <summary>
    /// A country longer than any filter value may be (registry text run on) stays on its site but
    /// makes no facet that nobody could pick, and no key longer than PostgreSQL's B-tree holds.
    /// </summary>
    [Fact]
    public void A_country_longer_than_a_filter_value_stays_on_its_site_and_is_counted_in_no_facet()
    {
        var longest = new string('x', StudyFacets.MaxValueLength);
        var record = JsonNode.Parse(File.ReadAllText(SharedData.CtGovFile("NCT03475563.json")))!;
        var sites = record["protocolSection"]!["contactsLocationsModule"]!["locations"]!.AsArray();
        sites[0]!["country"] = longest;
        sites[1]!["country"] = longest + "x";
        _database.Import(_database.WriteFile("NCT03475563.json", record.ToJsonString()));

        using var connection = _database.Open();
        Assert.Equal(
            [longest, longest + "x"],
            connection.Query<string>("SELECT country FROM locations WHERE nct_id = 'NCT03475563' AND ordinal < 2 ORDER BY ordinal"));
        Assert.Equal(
            [longest],
            connection.Query<string>("SELECT value FROM study_facets WHERE nct_id = 'NCT03475563' AND facet = 'country' AND length(value) >= 200"));
        FacetConsistency.AssertHolds(connection);
    }

    [Fact]
    public void Topic_membership_is_a_facet_that_follows_the_topic_without_a_new_version()
    {
        _database.Import(SharedData.CtGov);
        using var connection = _database.Open();
        connection.Execute("""
            INSERT INTO harvest_runs (id, topic, kind, started_at, harvest_started_at, outcome, query, topic_query, owner)
            VALUES (1, 'hcc-irt', 'full', '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z', 'succeeded', '{}', '{}', 'test');
            INSERT INTO topic_studies (topic, nct_id, first_seen_at, last_seen_at, first_run_id, last_run_id)
            SELECT 'hcc-irt', nct_id, '2026-12-02', '2026-12-02', 1, 1 FROM studies WHERE nct_id IN ('NCT04167293', 'NCT04547452', 'NCT03203304');
            """);

        Assert.Equal(3, connection.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'topic' AND value = 'hcc-irt'"));
        FacetConsistency.AssertHolds(connection);

        // A renewed version of a member rewrites its derived rows; its topic row stays.
        var record = JsonNode.Parse(File.ReadAllText(SharedData.CtGovFile("reconstructed", "NCT04547452.json")))!;
        record["protocolSection"]!["statusModule"] = new JsonObject { ["overallStatus"] = "TERMINATED", ["lastUpdatePostDateStruct"] = new JsonObject { ["date"] = "2030-01-01" } };
        _database.Import(_database.WriteFile("NCT04547452-terminated.json", record.ToJsonString()));
        connection.Execute("DELETE FROM topic_studies WHERE nct_id = 'NCT03203304'");

        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'topic' AND value = 'hcc-irt'"));
        Assert.Equal(["NCT04167293", "NCT04547452"], connection.Query<string>("SELECT nct_id FROM study_facets WHERE facet = 'topic' ORDER BY 1"));
        FacetConsistency.AssertHolds(connection);
    }

    [Fact]
    public void The_migrations_backfill_writes_the_facet_rows_the_import_writes()
    {
        _database.Import(SharedData.CtGov);
        using var connection = _database.Open();
        var imported = connection.Query<(string, string, string)>("SELECT nct_id, facet, value FROM study_facets ORDER BY 1, 2, 3").ToList();
        var migration = Migration.Embedded.Single(m => m.Version == 10).Sql;
        var backfill = migration[migration.IndexOf("INSERT OR IGNORE INTO study_facets (nct_id, facet, value)\n          SELECT nct_id, 'topic'", StringComparison.Ordinal)..];

        connection.Execute("DELETE FROM study_facets; DELETE FROM facet_counts;");
        connection.Execute(backfill);
        connection.Execute(RegistryRowsBackfill);

        Assert.True(imported.Count > 500, $"{imported.Count} facet rows");
        Assert.Equal(imported, connection.Query<(string, string, string)>("SELECT nct_id, facet, value FROM study_facets ORDER BY 1, 2, 3"));
        Assert.Equal(FacetConsistency.Recounted(connection), FacetConsistency.Maintained(connection));
    }

    /// <summary>Migration 0023's statement that gives the studies already stored their registry facet row.</summary>
    private static string RegistryRowsBackfill
    {
        get
        {
            var migration = Migration.Embedded.Single(m => m.Version == 23).Sql;
            var start = migration.IndexOf("INSERT OR IGNORE INTO study_facets (nct_id, facet, value) SELECT nct_id, 'registry'", StringComparison.Ordinal);
            return migration[start..(migration.IndexOf(';', start) + 1)];
        }
    }

    [Fact]
    public void The_registry_migrations_backfill_writes_the_rows_pairs_and_codes_the_import_writes()
    {
        _database.Import(SharedData.CtGov);
        _database.Import(SharedData.IctrpExport);
        using var connection = _database.Open();
        var rows = FacetConsistency.FacetRowsByStudy(connection);
        var pairs = FacetConsistency.MaintainedPairs(connection);
        var migration = Migration.Embedded.Single(m => m.Version == 23).Sql;
        var backfill = migration[migration.IndexOf("INSERT OR IGNORE INTO study_facets (nct_id, facet, value) SELECT nct_id, 'registry'", StringComparison.Ordinal)..];

        // The database as it stood before 0023 wrote any registry facet row.
        connection.Execute("""
            DELETE FROM study_facets WHERE facet = 'registry';
            DELETE FROM facet_pairs WHERE facet = 'registry' OR other_facet = 'registry';
            DELETE FROM facet_ids WHERE facet = 'registry';
            UPDATE study_facet_codes SET codes = '';
            """);
        Assert.NotEqual(rows, FacetConsistency.FacetRowsByStudy(connection));
        connection.Execute(backfill);

        Assert.Contains(rows, r => r.Item3.Contains("registry=ChiCTR", StringComparison.Ordinal));
        Assert.Equal(rows, FacetConsistency.FacetRowsByStudy(connection));
        Assert.Equal(pairs, FacetConsistency.MaintainedPairs(connection));
        FacetConsistency.AssertHolds(connection);
    }

    [Fact]
    public void The_codes_migrations_backfill_writes_the_codes_the_import_writes()
    {
        _database.Import(SharedData.CtGov);
        using var connection = _database.Open();
        var imported = FacetConsistency.Coded(connection);
        var migration = Migration.Embedded.Single(m => m.Version == 15).Sql;
        var backfill = migration[migration.IndexOf("INSERT OR IGNORE INTO facet_ids (facet, value) SELECT facet, value FROM facet_counts", StringComparison.Ordinal)..];

        connection.Execute("DELETE FROM study_facet_codes; DELETE FROM facet_ids;");
        connection.Execute(backfill);

        Assert.Equal(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM studies"), imported.Count);
        Assert.Equal(imported.Select(r => (r.Item1, r.Item2)), FacetConsistency.Coded(connection).Select(r => (r.Item1, r.Item2)));
        Assert.Equal(FacetConsistency.FacetRowsByStudy(connection), FacetConsistency.Coded(connection));
    }

    [Fact]
    public void Counting_the_unfiltered_facets_reads_the_small_counts_table_not_the_studies()
    {
        _database.Import(SharedData.CtGov);
        using var connection = _database.Open();

        var plan = string.Join("\n", connection.Query<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN SELECT facet, value, count FROM facet_counts WHERE count > 0 AND facet IN (SELECT value FROM json_each(@facets))",
            new { facets = "[\"status\",\"total\"]" }).Select(row => row.Detail));

        Assert.Contains("facet_counts", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("studies", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("study_facets", plan, StringComparison.Ordinal);
    }
}
