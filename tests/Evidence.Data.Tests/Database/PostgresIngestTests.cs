using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Time.Testing;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Import;

namespace TrialEvidence.Data.Tests.Database;

/// <summary>
/// The write path on PostgreSQL: the same records, imported the same way into each provider,
/// give the same rows in every table (PostgreSQL's read back through `copy`, which the
/// round-trip tests prove faithful), whatever the import does on the way: new studies, later
/// and older versions, registrations of one trial in several registries, topics joined and left.
/// </summary>
public sealed class PostgresIngestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public void Importing_into_postgres_stores_what_importing_into_sqlite_stores()
    {
        using var postgres = new TempPostgresDatabase();
        using var sqlite = new TempDatabase();
        using var copied = new TempDatabase();
        var later = sqlite.WriteFile("later/NCT04267848.json", LaterVersion.OfShared("NCT04267848", "2030-01-02", r =>
            LaterVersion.StatusModule(r)["overallStatus"] = "COMPLETED"));

        foreach (var (import, open) in new (Func<string[], ImportSummary>, Func<DbConnection>)[]
                 {
                     (paths => sqlite.CreateImporter(new FakeTimeProvider(Now)).Import(RecordSource.Expand(paths)), sqlite.Open),
                     (paths => postgres.CreateImporter(new FakeTimeProvider(Now)).Import(RecordSource.Expand(paths)), postgres.Open),
                 })
        {
            var first = import([SharedData.CtGov, SharedData.Registries]);
            Assert.True(first.Counts.New > 300, $"{first.Counts.New} new");
            using (var connection = open())
            {
                Join(connection, "hcc", "NCT04267848", "ChiCTR2000030841", "NCT03482102");
                Join(connection, "lung", "NCT04267848");
            }

            Assert.Equal(1, import([later]).Counts.Changed);
            using (var connection = open())
            {
                connection.Execute(connection.Sql("DELETE FROM topic_studies WHERE topic = 'lung'"));
            }
        }

        DatabaseCopy.Run(new(DatabaseProvider.Postgres, postgres.ConnectionString), new(DatabaseProvider.Sqlite, copied.Path), TimeProvider.System);

        using var direct = sqlite.Open();
        using var throughPostgres = copied.Open();
        Assert.True(direct.ExecuteScalar<long>("SELECT COUNT(*) FROM study_changes") > 0);
        foreach (var table in DatabaseCopy.Tables)
        {
            Assert.True(
                TableRows.Of(direct, table).SequenceEqual(TableRows.Of(throughPostgres, table)),
                $"{table}: {Shown(TableRows.Of(direct, table).Except(TableRows.Of(throughPostgres, table)))} <> {Shown(TableRows.Of(throughPostgres, table).Except(TableRows.Of(direct, table)))}");
        }
    }

    private static string Shown(IEnumerable<string> rows) => string.Join(" / ", rows.Take(2).Select(r => r.Length > 400 ? r[..400] + "..." : r));

    private static void Join(DbConnection connection, string topic, params string[] ids)
    {
        var run = connection.QuerySingle<long>(
            "INSERT INTO harvest_runs (topic, kind, started_at, harvest_started_at, outcome, query, topic_query, owner) VALUES (@topic, 'full', @now, @now, 'succeeded', '{}', '{}', 'test') RETURNING id",
            new { topic, now = "2026-12-05T00:00:00Z" });
        foreach (var id in ids)
        {
            connection.Execute(
                "INSERT INTO topic_studies (topic, nct_id, first_seen_at, last_seen_at, first_run_id, last_run_id) VALUES (@topic, @id, @now, @now, @run, @run)",
                new { topic, id, now = "2026-12-05T00:00:00Z", run });
        }
    }
}
