using TrialEvidence.Data.Database;
using TrialEvidence.Data.Registry;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Import;

/// <summary>
/// Imports registry records from files, folders and zips into the evidence database.
/// A source is first read through once to prove it is well-formed JSON: a malformed or truncated
/// source is rejected whole, before any of its studies is stored. Studies are then written in
/// batches, one transaction per batch, so a failure loses at most the batch in flight and a rerun
/// completes it (imports are idempotent).
/// </summary>
public sealed class StudyImporter(SqliteConnectionFactory connections, StudyWriter writer)
{
    public const int DefaultBatchSize = 500;

    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <param name="sources">What to read; see <see cref="RecordSource.Expand"/>.</param>
    /// <param name="progress">Told after every batch and every rejection.</param>
    public ImportSummary Import(IEnumerable<RecordSource> sources, IProgress<ImportSummary>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var summary = new ImportSummary();
        var batch = new List<IncomingStudy>(BatchSize);
        using var connection = connections.Open();

        void Flush()
        {
            if (batch.Count == 0)
            {
                return;
            }

            using var transaction = connection.BeginTransaction(deferred: false);
            var outcomes = writer.WriteBatch(connection, transaction, batch);
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

            batch.Clear();
            progress?.Report(summary);
        }

        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            summary.Sources++;
            if (Validate(source) is { } problem)
            {
                summary.RejectedSources++;
                summary.Reject(new ImportRejection(source.Name, null, problem));
                progress?.Report(summary);
                continue;
            }

            using var stream = source.Open();
            foreach (var json in new StudyJsonReader(stream, source.Name).ReadStudies())
            {
                summary.Read++;
                var name = $"{source.Name}#{json.Index}";
                try
                {
                    batch.Add(new IncomingStudy(ParsedStudy.From(json), name));
                }
                catch (StudyFormatException ex)
                {
                    summary.Rejected++;
                    summary.Reject(new ImportRejection(name, null, ex.Message));
                    progress?.Report(summary);
                }

                if (batch.Count >= BatchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Flush();
                }
            }
        }

        Flush();
        return summary;
    }

    /// <summary>Reads the source through without storing anything; returns what is wrong with it, or null.</summary>
    private static string? Validate(RecordSource source)
    {
        try
        {
            using var stream = source.Open();
            foreach (var _ in new StudyJsonReader(stream, source.Name).ReadStudies())
            {
            }

            return null;
        }
        catch (MalformedJsonException ex)
        {
            return $"malformed JSON at line {ex.Line}, byte {ex.BytePositionInLine}: {ex.Reason}";
        }
        catch (InvalidDataException ex)
        {
            return $"cannot be read: {ex.Message}";
        }
    }
}
