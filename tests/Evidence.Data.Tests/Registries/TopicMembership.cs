using Dapper;
using Microsoft.Data.Sqlite;

namespace TrialEvidence.Data.Tests.Registries;

/// <summary>A study joins a topic as a harvest makes it join: a succeeded run of the topic, and the study's topic_studies row from it.</summary>
internal static class TopicMembership
{
    public static void Join(SqliteConnection connection, string topic, string id)
    {
        var run = connection.QuerySingle<long>(
            "INSERT INTO harvest_runs (topic, kind, started_at, harvest_started_at, outcome, query, topic_query, owner) VALUES (@topic, 'full', @now, @now, 'succeeded', '{}', '{}', 'test') RETURNING id",
            new { topic, now = "2026-12-04T00:00:00Z" });
        connection.Execute(
            "INSERT INTO topic_studies (topic, nct_id, first_seen_at, last_seen_at, first_run_id, last_run_id) VALUES (@topic, @id, @now, @now, @run, @run)",
            new { topic, id, now = "2026-12-04T00:00:00Z", run });
    }
}
