using System.Data.Common;
using System.Text.Json;
using Dapper;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Changes;

/// <summary>
/// Makes study_changes follow each study's versions as stored, offline: the versions in registry
/// order (last update posted, then data date; of two with the same dates the first stored, as
/// the writer keeps current; a version without a date, which never becomes current, left out;
/// a portal's copy left out where the registry's own versions are stored, which outrank it)
/// and each compared with the one before. Rows of a pair that is no
/// longer consecutive (a version arrived later between them) are removed, rows of a pair not yet
/// compared are added as history (backfilled = 1, observed when the newer version was stored),
/// and rows already there stay as they are, so running it twice changes nothing.
/// </summary>
public sealed class ChangeBackfill(EvidenceDatabase connections)
{
    private const int BatchSize = 200;

    private const string SelectVersions = """
        SELECT id AS Id, nct_id AS NctId, last_update_posted_date AS LastUpdatePostedDate, version_holder AS VersionHolder,
               fetched_at AS FetchedAt, raw_json AS RawJson, raw AS Raw, raw_size AS RawSize
        FROM study_versions
        WHERE nct_id IN (SELECT value FROM json_each(@Ids)) AND last_update_posted_date IS NOT NULL
          AND (via IS NULL OR NOT EXISTS (SELECT 1 FROM study_versions d WHERE d.nct_id = study_versions.nct_id AND d.via IS NULL))
        ORDER BY nct_id, last_update_posted_date, COALESCE(version_holder, ''), id
        """;

    private const string SelectPairs = """
        SELECT DISTINCT nct_id AS NctId, from_version_id AS FromId, to_version_id AS ToId
        FROM study_changes WHERE nct_id IN (SELECT value FROM json_each(@Ids))
        """;

    private const string InsertChange = """
        INSERT INTO study_changes (nct_id, from_version_id, to_version_id, field, old, new, registry_date, observed_at, backfilled)
        VALUES (@NctId, @FromId, @ToId, @Field, @Old, @New, @RegistryDate, @ObservedAt, 1)
        """;

    /// <param name="ids">Only these studies (null: every study).</param>
    /// <returns>Studies looked at, change rows added and removed.</returns>
    public ChangeBackfillSummary Run(IProgress<long>? progress = null, IReadOnlyList<string>? ids = null, CancellationToken cancellationToken = default)
    {
        using var connection = connections.Open();
        ids ??= connection.Query<string>(connection.Sql("SELECT nct_id FROM studies ORDER BY nct_id")).ToList();
        long done = 0, added = 0, removed = 0;
        foreach (var batch in ids.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Read and written under the write lock: no version or live change can land in between.
            using var transaction = connections.BeginWrite(connection);
            var (batchAdded, batchRemoved) = Rebuild(connection, transaction, batch);
            transaction.Commit();
            added += batchAdded;
            removed += batchRemoved;
            done += batch.Length;
            progress?.Report(done);
        }

        return new ChangeBackfillSummary(done, added, removed);
    }

    /// <summary>
    /// Makes the studies' change rows follow their versions, in the caller's write transaction:
    /// the batch writer calls it for a study when a version older than the current one arrives,
    /// which splits the change that spanned it.
    /// </summary>
    internal static (long Added, long Removed) Rebuild(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> nctIds)
    {
        var ids = new { Ids = JsonSerializer.Serialize(nctIds) };
        var versions = connection.Query<StoredVersion>(connection.Sql(SelectVersions), ids, transaction).ToLookup(v => v.NctId);
        var existing = connection.Query<(string NctId, long FromId, long ToId)>(connection.Sql(SelectPairs), ids, transaction).ToHashSet();
        var chain = nctIds.SelectMany(id => Lineage(versions[id]).Zip(Lineage(versions[id]).Skip(1))).ToList();
        var pairs = chain.Select(p => (p.First.NctId, p.First.Id, p.Second.Id)).ToHashSet();
        var rows = chain
            .Where(p => !existing.Contains((p.First.NctId, p.First.Id, p.Second.Id)))
            .SelectMany(p => ChangeDetector.Compare(p.First.Parse(), p.Second.Parse()).Select(c => new
            {
                p.First.NctId, FromId = p.First.Id, ToId = p.Second.Id, c.Field, c.Old, c.New,
                RegistryDate = p.Second.LastUpdatePostedDate, ObservedAt = p.Second.FetchedAt,
            }))
            .ToList();
        long removed = 0;
        foreach (var stale in existing.Where(e => !pairs.Contains(e)))
        {
            removed += connection.Execute(connection.Sql(
                "DELETE FROM study_changes WHERE nct_id = @NctId AND from_version_id = @FromId AND to_version_id = @ToId"), new { stale.NctId, stale.FromId, stale.ToId }, transaction);
        }

        return (connection.Execute(connection.Sql(InsertChange), rows, transaction), removed);
    }

    /// <summary>The versions that were (or would have been) current one after another: of versions with the same dates, the first stored (they come ordered by dates, then id).</summary>
    private static List<StoredVersion> Lineage(IEnumerable<StoredVersion> ordered)
    {
        var lineage = new List<StoredVersion>();
        foreach (var version in ordered)
        {
            if (lineage.Count == 0 || lineage[^1].LastUpdatePostedDate != version.LastUpdatePostedDate || lineage[^1].VersionHolder != version.VersionHolder)
            {
                lineage.Add(version);
            }
        }

        return lineage;
    }

    private sealed record StoredVersion(long Id, string NctId, string? LastUpdatePostedDate, string? VersionHolder, string FetchedAt, string? RawJson, byte[]? Raw, long? RawSize)
    {
        private StudyRecord? _record;

        /// <summary>The version parsed once (it is compared with the one before and the one after).</summary>
        public StudyRecord Parse() => _record ??= StudyRecordParser.Parse(StoredJson.Read(RawJson, Raw, RawSize));
    }
}

/// <summary>The outcome of a backfill: studies looked at, change rows added and removed.</summary>
public sealed record ChangeBackfillSummary(long Studies, long Added, long Removed);
