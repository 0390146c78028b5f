using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Data.Import;

/// <summary>A row of import_runs: one <c>harvester import</c>, with what it read and stored.</summary>
public sealed record ImportRun
{
    public long Id { get; init; }
    public required string StartedAt { get; init; }
    public string? FinishedAt { get; init; }
    public required string Outcome { get; init; }

    /// <summary>What the command was given: files, folders, zips.</summary>
    public required IReadOnlyList<string> Paths { get; init; }

    public long Sources { get; init; }
    public long StudiesRead { get; init; }
    public long StudiesNew { get; init; }
    public long StudiesChanged { get; init; }
    public long StudiesUnchanged { get; init; }
    public long StudiesRejected { get; init; }
    public string? Error { get; init; }
}

/// <summary>Values of import_runs.outcome.</summary>
public static class ImportOutcome
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>Cancelled: the batches written before stay stored; the same import again finishes it.</summary>
    public const string Interrupted = "interrupted";
}

/// <summary>
/// Records imports in import_runs: a running row when one starts, its counts and outcome when it
/// ends (so a killed import stays "running" with no finish, which readers show as such).
/// </summary>
public sealed class ImportRuns(EvidenceDatabase connections, TimeProvider clock)
{
    public long Start(IEnumerable<string> paths)
    {
        using var connection = connections.Open();
        return connection.ExecuteScalar<long>(connection.Sql(
            "INSERT INTO import_runs (started_at, outcome, paths) VALUES (@now, @outcome, @paths) RETURNING id"),
            new { now = Now(), outcome = ImportOutcome.Running, paths = JsonSerializer.Serialize(paths) });
    }

    /// <param name="outcome">One of <see cref="ImportOutcome"/>; <paramref name="summary"/> is what was done by then.</param>
    public void Finish(long id, string outcome, ImportSummary? summary, string? error)
    {
        using var connection = connections.Open();
        connection.Execute(connection.Sql("""
            UPDATE import_runs
            SET finished_at = @now, outcome = @outcome, error = @error, sources = @sources, studies_read = @read,
                studies_new = @new, studies_changed = @changed, studies_unchanged = @unchanged, studies_rejected = @rejected
            WHERE id = @id
            """),
            new
            {
                id,
                now = Now(),
                outcome,
                error,
                sources = summary?.Sources ?? 0,
                read = summary?.Read ?? 0,
                @new = summary?.Counts.New ?? 0,
                changed = summary?.Counts.Changed ?? 0,
                unchanged = summary?.Counts.Unchanged ?? 0,
                rejected = summary is null ? 0 : summary.Counts.Rejected + summary.RejectedSources,
            });
    }

    /// <summary>The newest imports first.</summary>
    public IReadOnlyList<ImportRun> Recent(int limit)
    {
        using var connection = connections.Open();
        // The paths come last, apart (splitOn), to be read from their JSON.
        return connection.Query<ImportRun, string, ImportRun>(connection.Sql(
            """
            SELECT id, started_at AS StartedAt, finished_at AS FinishedAt, outcome, sources, studies_read AS StudiesRead,
                   studies_new AS StudiesNew, studies_changed AS StudiesChanged, studies_unchanged AS StudiesUnchanged,
                   studies_rejected AS StudiesRejected, error, paths AS PathsJson
            FROM import_runs ORDER BY id DESC LIMIT @limit
            """),
            (run, paths) => run with { Paths = JsonSerializer.Deserialize<string[]>(paths) ?? [] },
            new { limit },
            splitOn: "PathsJson").ToList();
    }

    private string Now() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
