using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
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

        using (var direct = sqlite.Open())
        {
            Assert.True(direct.ExecuteScalar<long>("SELECT COUNT(*) FROM study_changes") > 0);
        }

        AssertSameRows(sqlite, copied);
    }

    /// <summary>
    /// A record whose every text runs on with 20,000 random letters: text no engine can compress,
    /// longer than PostgreSQL's B-tree keys may be. Stored, and stored alike. (Its id, status and
    /// dates, codes the database looks studies up by, are kept: a record with a long one is refused.)
    /// </summary>
    [SkippableFact]
    public void A_record_with_long_random_text_in_every_field_is_stored_alike_on_both_engines()
    {
        using var postgres = new TempPostgresDatabase();
        using var sqlite = new TempDatabase();
        using var copied = new TempDatabase();
        var random = new Random(15);
        var record = JsonNode.Parse(File.ReadAllText(SharedData.CtGovFile("NCT03475563.json")))!;
        Lengthen(record, random);
        var path = sqlite.WriteFile("long/NCT03475563.json", record.ToJsonString());

        var intoSqlite = sqlite.CreateImporter(new FakeTimeProvider(Now)).Import(RecordSource.Expand([path]));
        var intoPostgres = postgres.CreateImporter(new FakeTimeProvider(Now)).Import(RecordSource.Expand([path]));

        Assert.True(intoSqlite.Counts.New == 1, string.Join("; ", intoSqlite.Rejections));
        Assert.True(intoPostgres.Counts.New == 1, string.Join("; ", intoPostgres.Rejections));
        DatabaseCopy.Run(new(DatabaseProvider.Postgres, postgres.ConnectionString), new(DatabaseProvider.Sqlite, copied.Path), TimeProvider.System);
        AssertSameRows(sqlite, copied);
    }

    /// <summary>Every string of <paramref name="node"/> but its codes, followed by a space and 20,000 random letters.</summary>
    private static void Lengthen(JsonNode node, Random random)
    {
        foreach (var (key, child) in node is JsonObject o ? o.Select(p => (p.Key, p.Value)).ToList() : node is JsonArray a ? a.Select((c, i) => (i.ToString(CultureInfo.InvariantCulture), c)).ToList() : [])
        {
            if (child is JsonValue value && value.TryGetValue<string>(out var text) && key is not ("nctId" or "overallStatus" or "date"))
            {
                var letters = string.Create(20_000, random, (span, r) =>
                {
                    for (var i = 0; i < span.Length; i++)
                    {
                        span[i] = (char)('a' + r.Next(26));
                    }
                });
                var replacement = JsonValue.Create($"{text} {letters}");
                if (node is JsonObject parent)
                {
                    parent[key] = replacement;
                }
                else
                {
                    ((JsonArray)node)[int.Parse(key, CultureInfo.InvariantCulture)] = replacement;
                }
            }
            else if (child is not null)
            {
                Lengthen(child, random);
            }
        }
    }

    private static void AssertSameRows(TempDatabase expected, TempDatabase actual)
    {
        using var direct = expected.Open();
        using var throughPostgres = actual.Open();
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
