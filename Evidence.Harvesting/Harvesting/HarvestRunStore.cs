using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Ingest;

namespace TrialEvidence.Harvesting;

/// <summary>Reads and writes harvest_runs (runs and their checkpoints) and topic_studies.</summary>
public sealed class HarvestRunStore(EvidenceDatabase connections, StudyIngest ingest, TimeProvider clock)
{
    private const string RunColumns = """
        id AS Id, topic AS Topic, kind AS Kind, started_at AS StartedAt, harvest_started_at AS HarvestStartedAt,
        finished_at AS FinishedAt, outcome AS Outcome, query AS Query, topic_query AS TopicQuery, updated_since AS UpdatedSince, resumed_from AS ResumedFrom, next_page_token AS NextPageToken,
        pages AS Pages, total_count AS TotalCount, registry_data_timestamp AS RegistryDataTimestamp, studies_new AS StudiesNew, studies_changed AS StudiesChanged,
        studies_unchanged AS StudiesUnchanged, studies_rejected AS StudiesRejected, error AS Error, owner AS Owner, retrying AS Retrying
        """;

    private const string RecordPage = """
        UPDATE harvest_runs SET
            next_page_token = @NextPageToken,
            pages = pages + 1,
            total_count = COALESCE(@TotalCount, total_count),
            studies_new = studies_new + @New,
            studies_changed = studies_changed + @Changed,
            studies_unchanged = studies_unchanged + @Unchanged,
            studies_rejected = studies_rejected + @Rejected,
            retrying = NULL
        WHERE id = @RunId
        """;

    private const string AddTopicStudies = """
        INSERT INTO topic_studies (topic, nct_id, first_seen_at, last_seen_at, first_run_id, last_run_id)
        SELECT @Topic, value, @SeenAt, @SeenAt, @RunId, @RunId FROM json_each(@NctIds)
        WHERE value IN (SELECT nct_id FROM studies)
        ON CONFLICT (topic, nct_id) DO UPDATE SET last_seen_at = excluded.last_seen_at, last_run_id = excluded.last_run_id
        """;

    public HarvestRun? Latest(string topic)
    {
        using var connection = connections.Open();
        return connection.QuerySingleOrDefault<HarvestRun>(connection.Sql(
            $"SELECT {RunColumns} FROM harvest_runs WHERE topic = @topic ORDER BY id DESC LIMIT 1"), new { topic });
    }

    /// <summary>
    /// When the last complete harvest of the topic began (its first run, if it was resumed), and
    /// the topic query it asked: what an incremental harvest counts from, and whether it may.
    /// </summary>
    public (DateTimeOffset Started, string TopicQuery)? LastComplete(string topic)
    {
        using var connection = connections.Open();
        var last = connection.QuerySingleOrDefault<(string Started, string TopicQuery)?>(connection.Sql(
            "SELECT harvest_started_at, topic_query FROM harvest_runs WHERE topic = @topic AND outcome = @succeeded ORDER BY id DESC LIMIT 1"),
            new { topic, succeeded = HarvestOutcome.Succeeded });
        return last is { } found
            ? (DateTimeOffset.Parse(found.Started, CultureInfo.InvariantCulture), found.TopicQuery)
            : null;
    }

    public IReadOnlyList<HarvestRun> Recent(string? topic, int limit)
    {
        using var connection = connections.Open();
        return connection.Query<HarvestRun>(connection.Sql(
            $"SELECT {RunColumns} FROM harvest_runs WHERE @topic IS NULL OR topic = @topic ORDER BY id DESC LIMIT @limit"),
            new { topic, limit }).ToList();
    }

    /// <summary>Every run of the topic, oldest first: its search history, as a methods section reports it.</summary>
    public IReadOnlyList<HarvestRun> History(string topic)
    {
        using var connection = connections.Open();
        return connection.Query<HarvestRun>(connection.Sql($"SELECT {RunColumns} FROM harvest_runs WHERE topic = @topic ORDER BY id"), new { topic }).ToList();
    }

    /// <summary>Records a new running run; null when another run of the topic is running already.</summary>
    public long? TryStart(HarvestRun run)
    {
        using var connection = connections.Open();
        try
        {
            return connection.ExecuteScalar<long>(connection.Sql("""
                INSERT INTO harvest_runs (topic, kind, started_at, harvest_started_at, outcome, query, topic_query, updated_since,
                                          resumed_from, next_page_token, pages, total_count, owner)
                VALUES (@Topic, @Kind, @StartedAt, @HarvestStartedAt, @Outcome, @Query, @TopicQuery, @UpdatedSince,
                        @ResumedFrom, @NextPageToken, @Pages, @TotalCount, @Owner)
                RETURNING id
                """), run);
        }
        catch (DbException ex) when (EvidenceDatabase.IsUniqueViolation(ex)) // ux_harvest_runs_running
        {
            return null;
        }
    }

    /// <summary>
    /// Stores a page's studies and moves the run's checkpoint past the page in one transaction:
    /// the checkpoint moves on exactly when the page's studies are committed, never before and
    /// never after. The studies stored join the topic (topic_studies).
    /// </summary>
    public IngestCounts StorePage(HarvestRun run, IngestBatch studies, string? nextPageToken, long? totalCount) =>
        ingest.Store(studies, PageWriter(run, nextPageToken, totalCount));

    /// <summary>
    /// What a page (or a batch of a bulk download's import) records beside its studies, in their
    /// transaction: the run's counts and checkpoint, and the studies' membership of the topic.
    /// </summary>
    public AlongsideWrite PageWriter(HarvestRun run, string? nextPageToken, long? totalCount)
    {
        ArgumentNullException.ThrowIfNull(run);
        var seenAt = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        return (connection, transaction, stored) =>
        {
            connection.Execute(connection.Sql(RecordPage), new
            {
                RunId = run.Id,
                NextPageToken = nextPageToken,
                TotalCount = totalCount,
                stored.Counts.New,
                stored.Counts.Changed,
                stored.Counts.Unchanged,
                stored.Counts.Rejected,
            }, transaction);
            connection.Execute(connection.Sql(AddTopicStudies), new
            {
                RunId = run.Id,
                run.Topic,
                SeenAt = seenAt,
                // Once each: a page may hold one study twice (EUCTR's download can give a member
                // state's record twice), and PostgreSQL refuses an upsert that meets a row twice.
                NctIds = JsonSerializer.Serialize(stored.Studies.Select(s => s.Study.Record.NctId).Distinct(StringComparer.Ordinal)),
            }, transaction);
        };
    }

    /// <summary>The first run of the runs <paramref name="run"/> continues (itself, when it resumes none).</summary>
    public long FirstOfChain(HarvestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var connection = connections.Open();
        return connection.ExecuteScalar<long>(connection.Sql("""
            WITH RECURSIVE chain (id, resumed_from) AS (
                SELECT @Id, @ResumedFrom
                UNION ALL SELECT r.id, r.resumed_from FROM harvest_runs r JOIN chain c ON r.id = c.resumed_from)
            SELECT MIN(id) FROM chain
            """), new { run.Id, run.ResumedFrom });
    }

    /// <summary>
    /// How many trials of the topic its runs from <paramref name="firstRunId"/> on stored (each
    /// trial once, whatever its registrations: an EUCTR trial's member states' records are one).
    /// </summary>
    public long TrialsStoredSince(string topic, long firstRunId)
    {
        using var connection = connections.Open();
        return connection.ExecuteScalar<long>(connection.Sql("""
            SELECT COUNT(DISTINCT COALESCE((SELECT k.key FROM study_keys k WHERE k.nct_id = t.nct_id AND k.own = 1 LIMIT 1), t.nct_id))
            FROM topic_studies t WHERE t.topic = @topic AND t.last_run_id >= @firstRunId
            """), new { topic, firstRunId });
    }

    /// <summary>How many trials the topic's harvests have found: its studies, each trial once however many of its registrations it holds.</summary>
    public long TopicTrialCount(string topic)
    {
        using var connection = connections.Open();
        return connection.ExecuteScalar<long>(connection.Sql("""
            SELECT COUNT(DISTINCT COALESCE(s.shown_as, s.nct_id))
            FROM topic_studies t JOIN studies s ON s.nct_id = t.nct_id WHERE t.topic = @topic
            """), new { topic });
    }

    /// <summary>How many studies the topic's harvests have found.</summary>
    public long TopicStudyCount(string topic)
    {
        using var connection = connections.Open();
        return connection.ExecuteScalar<long>(connection.Sql("SELECT COUNT(*) FROM topic_studies WHERE topic = @topic"), new { topic });
    }

    public void SetRegistryDataTimestamp(long runId, string dataTimestamp)
    {
        using var connection = connections.Open();
        connection.Execute(connection.Sql("UPDATE harvest_runs SET registry_data_timestamp = @dataTimestamp WHERE id = @runId"), new { runId, dataTimestamp });
    }

    /// <summary>When the data the run stores was fetched from: a bulk download's start, which may precede the run.</summary>
    public void SetHarvestStartedAt(long runId, string harvestStartedAt)
    {
        using var connection = connections.Open();
        connection.Execute(connection.Sql("UPDATE harvest_runs SET harvest_started_at = @harvestStartedAt WHERE id = @runId"), new { runId, harvestStartedAt });
    }

    /// <summary>What the running run is waiting to retry; null when its last request succeeded.</summary>
    public void SetRetrying(long runId, string? retrying)
    {
        using var connection = connections.Open();
        connection.Execute(connection.Sql("UPDATE harvest_runs SET retrying = @retrying WHERE id = @runId"), new { runId, retrying });
    }

    public void Finish(long runId, string outcome, string finishedAt, string? error)
    {
        using var connection = connections.Open();
        connection.Execute(connection.Sql(
            "UPDATE harvest_runs SET outcome = @outcome, finished_at = @finishedAt, error = @error, retrying = NULL WHERE id = @runId"),
            new { runId, outcome, finishedAt, error });
    }

    /// <summary>The topic's trials first found by these runs (a run and the one it resumed), at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<string> FirstSeenIn(string topic, IReadOnlyList<long> runIds, int limit)
    {
        using var connection = connections.Open();
        return [.. connection.Query<string>(connection.Sql(
            "SELECT nct_id FROM topic_studies WHERE topic = @topic AND first_run_id IN (SELECT CAST(value AS INTEGER) FROM json_each(@runIds)) ORDER BY nct_id LIMIT @limit"),
            new { topic, runIds = System.Text.Json.JsonSerializer.Serialize(runIds), limit })];
    }
}
