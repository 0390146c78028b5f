using System.Threading.Channels;
using Dapper;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Registry;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Import;

/// <summary>
/// Imports registry records from files, folders and zips into the evidence database.
/// A source is first read through once to prove it is well-formed JSON: a malformed or truncated
/// source is rejected whole, before any of its studies is stored. Studies are then written in
/// batches, one transaction per batch, so a failure loses at most the batch in flight and a rerun
/// completes it (imports are idempotent). Reading and parsing run on a second thread while the
/// calling thread writes, so both cores work.
/// </summary>
public sealed class StudyImporter(SqliteConnectionFactory connections, StudyWriter writer)
{
    public const int DefaultBatchSize = 500;

    /// <summary>A batch is written when it holds this many studies...</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>...or this many bytes of raw JSON, so memory stays bounded whatever the record sizes.</summary>
    public long BatchBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Sources up to this size are read once and kept in memory; larger ones are read twice (check, then import).</summary>
    public long SinglePassBytes { get; init; } = DefaultSinglePassBytes;

    public const long DefaultSinglePassBytes = 64L * 1024 * 1024;

    /// <param name="sources">What to read; see <see cref="RecordSource.Expand"/>.</param>
    /// <param name="progress">Told after every batch and every rejection, on the calling thread.</param>
    public ImportSummary Import(IEnumerable<RecordSource> sources, IProgress<ImportSummary>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // One batch queued while one is written and one is parsed: memory is a few batches, never the input.
        var channel = Channel.CreateBounded<Work>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => Produce(sources, channel.Writer, stop.Token), stop.Token);

        var summary = new ImportSummary();
        try
        {
            using var connection = connections.Open();
            // Checkpoint the WAL every 128 MiB instead of every 16: each checkpoint is an fsync,
            // and during a bulk import they cost a fifth of the time. The file shrinks back
            // (journal_size_limit) once the import has checkpointed at its end.
            connection.Execute("PRAGMA wal_autocheckpoint = 8192");
            try
            {
                while (channel.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
                {
                    while (channel.Reader.TryRead(out var work))
                    {
                        Apply(work, summary, connection);
                        progress?.Report(summary);
                    }
                }

                connection.Execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
            finally
            {
                // The connection goes back to the pool; the next user gets SQLite's default.
                connection.Execute("PRAGMA wal_autocheckpoint = 1000");
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            // Surfaces a reading error (e.g. a file that vanished) unless a writing error is already on its way.
            try
            {
                producer.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return summary;
    }

    private void Apply(Work work, ImportSummary summary, Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        summary.Sources += work.SourcesStarted;
        summary.Read += work.Read;
        foreach (var rejection in work.Rejections)
        {
            summary.Reject(rejection);
            if (rejection.WholeSource)
            {
                summary.RejectedSources++;
            }
            else
            {
                summary.Rejected++;
            }
        }

        if (work.Studies.Count == 0)
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        var outcomes = writer.WriteBatch(connection, transaction, work.Studies);
        transaction.Commit();
        foreach (var outcome in outcomes)
        {
            switch (outcome)
            {
                case WriteOutcome.New: summary.New++; break;
                case WriteOutcome.Changed: summary.Changed++; break;
                case WriteOutcome.ChangedOlder: summary.Changed++; summary.ChangedOlder++; break;
                case WriteOutcome.Unchanged: summary.Unchanged++; break;
            }
        }
    }

    /// <summary>Reads and parses every source into batches; runs on its own thread.</summary>
    private async Task Produce(IEnumerable<RecordSource> sources, ChannelWriter<Work> output, CancellationToken cancellationToken)
    {
        var work = new Work(BatchSize);
        try
        {
            foreach (var source in sources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                work.SourcesStarted++;
                var (studies, problem) = Check(source, SinglePassBytes, cancellationToken);
                if (problem is not null)
                {
                    work.Rejections.Add(new ImportRejection(source.Name, null, problem, WholeSource: true));
                    continue;
                }

                foreach (var json in studies ?? ReadAgain(source))
                {
                    work.Read++;
                    var name = $"{source.Name}#{json.Index}";
                    try
                    {
                        work.Studies.Add(new IncomingStudy(ParsedStudy.From(json), name));
                        work.Bytes += json.Utf8.Length;
                    }
                    catch (StudyFormatException ex)
                    {
                        work.Rejections.Add(new ImportRejection(name, null, ex.Message));
                    }

                    if (work.Studies.Count >= BatchSize || work.Bytes >= BatchBytes)
                    {
                        await output.WriteAsync(work, cancellationToken).ConfigureAwait(false);
                        work = new Work(BatchSize);
                    }
                }
            }

            await output.WriteAsync(work, cancellationToken).ConfigureAwait(false);
            output.Complete();
        }
        catch (Exception ex)
        {
            output.Complete(ex);
            throw;
        }
    }

    /// <summary>
    /// Reads the source through without storing anything. Returns its studies when it is small
    /// enough to keep (null when it must be read again), or what is wrong with it.
    /// </summary>
    private static (List<StudyJson>? Studies, string? Problem) Check(RecordSource source, long keepLimit, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = source.Open();
            List<StudyJson>? kept = [];
            long keptBytes = 0;
            foreach (var study in new StudyJsonReader(stream, source.Name).ReadStudies())
            {
                cancellationToken.ThrowIfCancellationRequested();
                keptBytes += study.Utf8.Length;
                if (keptBytes <= keepLimit)
                {
                    kept?.Add(study);
                }
                else
                {
                    kept = null;
                }
            }

            return (kept, null);
        }
        catch (MalformedJsonException ex)
        {
            return (null, $"malformed JSON at line {ex.Line}, byte {ex.BytePositionInLine}: {ex.Reason}");
        }
        catch (InvalidDataException ex)
        {
            return (null, $"cannot be read: {ex.Message}");
        }
    }

    private static IEnumerable<StudyJson> ReadAgain(RecordSource source)
    {
        using var stream = source.Open();
        foreach (var study in new StudyJsonReader(stream, source.Name).ReadStudies())
        {
            yield return study;
        }
    }

    /// <summary>What the reading thread hands the writing thread: a batch and what happened while it was read.</summary>
    private sealed class Work(int capacity)
    {
        public List<IncomingStudy> Studies { get; } = new(capacity);

        public List<ImportRejection> Rejections { get; } = [];

        public int SourcesStarted { get; set; }

        public long Read { get; set; }

        public long Bytes { get; set; }
    }
}
