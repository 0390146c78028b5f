using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Tests.Registries;

namespace TrialEvidence.Data.Tests.Database;

/// <summary>
/// `copy` between providers, on the shared records of every registry (ClinicalTrials.gov, the
/// WHO ICTRP export, ChiCTR and EUCTR), with a later version, topics and changes: SQLite to
/// PostgreSQL and back gives every table row for row, and PostgreSQL's full-text rows hold the
/// words FTS5's do.
/// </summary>
public sealed class DatabaseCopyTests : IDisposable
{
    private readonly TempDatabase _sqlite = new();

    public DatabaseCopyTests()
    {
        _sqlite.Import(SharedData.CtGov, SharedData.Registries);
        _sqlite.Import(_sqlite.WriteFile("later/NCT04267848.json", LaterVersion.OfShared("NCT04267848", "2030-01-02", r =>
            LaterVersion.StatusModule(r)["overallStatus"] = "COMPLETED")));
        using var connection = _sqlite.Open();
        TopicMembership.Join(connection, "hcc", "NCT04267848");
        TopicMembership.Join(connection, "hcc", "ChiCTR2000030841");
        connection.Execute("INSERT INTO webhook_cursors (webhook, last_change_id, registered_at) VALUES ('w', 0, '2026-12-05T00:00:00Z')");
    }

    [SkippableFact]
    public void Sqlite_to_postgres_and_back_gives_every_table_row_for_row()
    {
        using var postgres = new TempPostgresDatabase();
        using var back = new TempDatabase();
        Assert.Equal(0, new SqliteConnection($"Data Source={back.Path}").ExecuteScalar<long>("SELECT COUNT(*) FROM studies"));

        var there = DatabaseCopy.Run(Location(_sqlite), Location(postgres), TimeProvider.System);
        var again = DatabaseCopy.Run(Location(postgres), Location(back), TimeProvider.System);

        using var original = _sqlite.Open();
        Assert.True(there.Studies > 300, $"{there.Studies} studies");
        Assert.True(original.ExecuteScalar<long>("SELECT COUNT(*) FROM study_changes") > 0);
        Assert.True(original.ExecuteScalar<long>("SELECT COUNT(*) FROM studies WHERE shown_as IS NOT NULL") > 0);
        Assert.Equal(there.Tables, again.Tables);
        using var copied = back.Open();
        foreach (var table in DatabaseCopy.Tables)
        {
            Assert.Equal(TableRows.Of(original, table), TableRows.Of(copied, table));
        }

        // The sponsor index is rebuilt, not copied: it finds what the original's finds.
        const string sponsor = "SELECT rowid FROM sponsor_search WHERE sponsor_search MATCH '\"university\"' ORDER BY rowid";
        Assert.Equal(original.Query<long>(sponsor), copied.Query<long>(sponsor));
    }

    [SkippableFact]
    public void Postgres_full_text_rows_hold_the_words_fts5_holds_in_as_many_studies()
    {
        using var postgres = new TempPostgresDatabase();
        DatabaseCopy.Run(Location(_sqlite), Location(postgres), TimeProvider.System);

        using var sqlite = _sqlite.Open();
        using var pg = postgres.Open();
        var fts5 = sqlite.Query<(string Term, long Doc)>("SELECT term, doc FROM study_search_terms").ToDictionary(t => t.Term, t => t.Doc, StringComparer.Ordinal);
        var tsvector = pg.Query<(string Term, long Doc)>("SELECT term, doc FROM study_search_terms").ToDictionary(t => t.Term, t => t.Doc, StringComparer.Ordinal);
        Assert.True(fts5.Count > 2000, $"{fts5.Count} words");
        Assert.Empty(fts5.Where(t => tsvector.GetValueOrDefault(t.Key) != t.Value).Take(20));
        Assert.Equal(fts5.Count, tsvector.Count);

        // A phrase: "PD-1" is pd then 1 on both, in the same studies.
        var phrase = sqlite.Query<long>("SELECT rowid FROM study_search WHERE study_search MATCH '\"PD-1\"' ORDER BY rowid").ToList();
        Assert.NotEmpty(phrase);
        Assert.Equal(phrase, pg.Query<long>("SELECT rowid FROM study_search WHERE document @@ CAST('pd <-> 1' AS tsquery) ORDER BY rowid"));
    }

    [SkippableFact]
    public void A_copied_postgres_database_keeps_its_counts_by_trigger_and_continues_its_ids()
    {
        using var postgres = new TempPostgresDatabase();
        DatabaseCopy.Run(Location(_sqlite), Location(postgres), TimeProvider.System);
        using var pg = postgres.Open();
        var before = pg.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'topic' AND value = 'hcc'");
        var maxRun = pg.ExecuteScalar<long>("SELECT MAX(id) FROM harvest_runs");

        var run = pg.QuerySingle<long>(
            "INSERT INTO harvest_runs (topic, kind, started_at, harvest_started_at, outcome, query, topic_query, owner) VALUES ('hcc', 'full', 'now', 'now', 'succeeded', '{}', '{}', 'test') RETURNING id");
        pg.Execute("INSERT INTO topic_studies (topic, nct_id, first_seen_at, last_seen_at, first_run_id, last_run_id) VALUES ('hcc', 'NCT03482102', 'now', 'now', @run, @run)", new { run });

        Assert.Equal(2, before);
        Assert.Equal(maxRun + 1, run);
        Assert.Equal(3, pg.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'topic' AND value = 'hcc'"));
        Assert.Equal(3, pg.ExecuteScalar<long>("SELECT count FROM facet_pairs WHERE facet = 'topic' AND value = 'hcc' AND other_facet = 'total'"));
        var topicCode = pg.ExecuteScalar<long>("SELECT id FROM facet_ids WHERE facet = 'topic' AND value = 'hcc'");
        var codes = pg.ExecuteScalar<string>("SELECT c.codes FROM study_facet_codes c JOIN studies s ON s.rowid = c.study_rowid WHERE s.nct_id = 'NCT03482102'")!;
        Assert.Contains(topicCode.ToString(System.Globalization.CultureInfo.InvariantCulture), codes.Split(','));
    }

    [SkippableFact]
    public void A_target_that_holds_evidence_is_refused_and_left_as_it_was()
    {
        using var postgres = new TempPostgresDatabase();
        DatabaseCopy.Run(Location(_sqlite), Location(postgres), TimeProvider.System);
        using var pg = postgres.Open();
        var studies = pg.ExecuteScalar<long>("SELECT COUNT(*) FROM studies");

        var refused = Assert.Throws<DatabaseCopyRefusedException>(() => DatabaseCopy.Run(Location(_sqlite), Location(postgres), TimeProvider.System));

        Assert.Contains("already holds evidence", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("te_test_local", refused.Message, StringComparison.Ordinal);
        Assert.Equal(studies, pg.ExecuteScalar<long>("SELECT COUNT(*) FROM studies"));
    }

    [SkippableFact]
    public void A_cancelled_copy_leaves_the_target_empty()
    {
        using var postgres = new TempPostgresDatabase();
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => DatabaseCopy.Run(
            Location(_sqlite), Location(postgres), TimeProvider.System, (table, _) => { if (table == "normalised_terms") cancel.Cancel(); }, cancel.Token));

        using var pg = postgres.Open();
        Assert.Equal(0, pg.ExecuteScalar<long>("SELECT COUNT(*) FROM study_versions"));
        Assert.Equal(0, pg.ExecuteScalar<long>("SELECT COUNT(*) FROM studies"));
    }

    [Fact]
    public void A_source_file_that_does_not_exist_is_refused_without_creating_it()
    {
        var missing = Path.Combine(_sqlite.Directory, "missing.db");

        var refused = Assert.Throws<DatabaseCopyRefusedException>(() =>
            DatabaseCopy.Run(DatabaseLocation.Parse(missing), DatabaseLocation.Parse(Path.Combine(_sqlite.Directory, "copy.db")), TimeProvider.System));

        Assert.Contains("there is no database at", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Connection_strings_and_uris_are_postgres_and_anything_else_a_sqlite_file()
    {
        Assert.Equal(DatabaseProvider.Postgres, DatabaseLocation.Parse("Host=db;Database=te;Username=u").Provider);
        Assert.Equal(DatabaseProvider.Postgres, DatabaseLocation.Parse("postgresql://u:p%40ss@db:5433/te").Provider);
        Assert.Equal("postgresql://u@db:5433/te", DatabaseLocation.Parse("postgresql://u:p%40ss@db:5433/te").Description);
        Assert.Equal("p@ss", PostgresConnectionString.Parse("postgresql://u:p%40ss@db:5433/te").Password);
        Assert.Equal(DatabaseProvider.Sqlite, DatabaseLocation.Parse("data/trialevidence.db").Provider);
        Assert.Equal("it names no Database", PostgresConnectionString.Problem("Host=db"));
    }

    public void Dispose() => _sqlite.Dispose();

    private static DatabaseLocation Location(TempDatabase database) => new(DatabaseProvider.Sqlite, database.Path);

    private static DatabaseLocation Location(TempPostgresDatabase database) => new(DatabaseProvider.Postgres, database.ConnectionString);
}
