using System.Data.Common;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Ingest;

/// <summary>
/// What the caller records in the same transaction as a batch of studies: a harvest's
/// checkpoint and topic membership, a fetch's ETag. It sees what the batch did.
/// </summary>
public delegate void AlongsideWrite(DbConnection connection, DbTransaction transaction, StoredBatch stored);

/// <summary>A batch as written: its studies, what storing each did, and the counts.</summary>
public sealed record StoredBatch(IReadOnlyList<IncomingStudy> Studies, IReadOnlyList<WriteOutcome> Outcomes, IngestCounts Counts);

/// <summary>
/// The one way studies enter the database, for imports, harvests and fetches alike: a batch of
/// parsed studies is written in one BEGIN IMMEDIATE transaction (<see cref="StudyWriter"/>),
/// together with whatever the caller must record atomically with it, and counted. A failure
/// rolls the whole batch back; writes are idempotent, so doing the batch again completes it.
/// </summary>
public sealed class StudyIngest(EvidenceDatabase connections, StudyWriter writer)
{
    /// <summary>Stores one batch on a connection of its own (a harvest page, a fetched study).</summary>
    public IngestCounts Store(IngestBatch batch, AlongsideWrite? alongside = null)
    {
        using var session = new IngestSession(connections, writer, bulk: false);
        return session.Store(batch, alongside);
    }

    /// <summary>
    /// One connection for many batches in a row (an import). While it is open the WAL is
    /// checkpointed every 128 MiB instead of every 16: each checkpoint is an fsync, and during a
    /// bulk load they cost a fifth of the time. Disposing it checkpoints and restores the default.
    /// </summary>
    public IngestSession OpenBulkSession() => new(connections, writer, bulk: true);

    /// <summary>
    /// Reads ahead, on the caller's thread, the versions the batch's studies show now, so the
    /// writer compares a newer version with its predecessor without parsing it itself (it checks
    /// that each is still current).
    /// </summary>
    public void ReadPreviousVersions(IngestBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // Only those a version of the batch may replace: another content, not older. Re-reading
        // what is stored already parses nothing twice.
        var incoming = batch.Studies.ToLookup(s => s.Study.Record.NctId, s => (s.Study.ContentHash, s.Study.Record.LastUpdatePostedDate));
        using var connection = connections.Open();
        batch.Previous = Changes.PreviousVersions.Read(
            connection,
            null,
            incoming.Select(g => g.Key),
            (nctId, hash, updated) => incoming[nctId].Any(i => i.ContentHash != hash && string.CompareOrdinal(i.LastUpdatePostedDate ?? string.Empty, updated ?? string.Empty) >= 0));
    }
}

/// <summary>Batches stored one after another on one connection; see <see cref="StudyIngest"/>.</summary>
public sealed class IngestSession : IDisposable
{
    private const int BulkCheckpointPages = 8192; // 128 MiB of 16 KiB pages
    private const int DefaultCheckpointPages = 1000;

    private readonly EvidenceDatabase _database;
    private readonly DbConnection _connection;
    private readonly StudyWriter _writer;
    private readonly bool _bulk;

    internal IngestSession(EvidenceDatabase database, StudyWriter writer, bool bulk)
    {
        _database = database;
        _connection = database.Open();
        _writer = writer;
        // SQLite's WAL checkpoints are what a bulk session tunes; PostgreSQL checkpoints by itself.
        _bulk = bulk && database.Provider == DatabaseProvider.Sqlite;
        if (_bulk)
        {
            Pragma($"PRAGMA wal_autocheckpoint = {BulkCheckpointPages}");
        }
    }

    /// <summary>
    /// Writes the batch's studies and runs <paramref name="alongside"/> in one transaction. A
    /// batch with no studies to write and nothing alongside opens no transaction at all.
    /// </summary>
    public IngestCounts Store(IngestBatch batch, AlongsideWrite? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Studies.Count == 0 && alongside is null)
        {
            return IngestCounts.Of([], batch.RejectedStudies);
        }

        using var transaction = _database.BeginWrite(_connection);
        var outcomes = _writer.WriteBatch(_connection, transaction, batch.Studies, batch.Previous);
        var counts = IngestCounts.Of(outcomes, batch.RejectedStudies);
        alongside?.Invoke(_connection, transaction, new StoredBatch(batch.Studies, outcomes, counts));
        transaction.Commit();
        return counts;
    }

    public void Dispose()
    {
        try
        {
            if (_bulk)
            {
                // The connection goes back to the pool: the next user gets SQLite's default, and
                // the WAL shrinks back (journal_size_limit) once this checkpoint has run.
                Pragma("PRAGMA wal_checkpoint(PASSIVE)");
                Pragma($"PRAGMA wal_autocheckpoint = {DefaultCheckpointPages}");
            }
        }
        finally
        {
            _connection.Dispose();
        }
    }

    private void Pragma(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
