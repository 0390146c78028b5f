using System.Threading.Channels;
using System.Xml;
using TrialEvidence.Data.Registries;
using TrialEvidence.Data.Ingest;
using TrialEvidence.Data.Registry;

namespace TrialEvidence.Data.Import;

/// <summary>
/// Imports registry records from files, folders and zips into the evidence database: ClinicalTrials.gov's
/// JSON, WHO ICTRP's XML export, ChiCTR's and EUCTR's pages and downloads (<see cref="RecordFormat"/>, told by content).
/// A source is first read through once to prove it is well-formed: a malformed, truncated or
/// not UTF-8 source, or one with a record over <see cref="MaxRecordBytes"/>, is rejected whole,
/// before any of its studies is stored. Studies are then written in
/// batches, one transaction per batch, so a failure loses at most the batch in flight and a rerun
/// completes it (imports are idempotent). Reading and parsing run on other threads (every core
/// but one parses) while the calling thread writes.
/// </summary>
public sealed class StudyImporter(StudyIngest ingest)
{
    public const int DefaultBatchSize = 100;

    /// <summary>A batch is written when it holds this many studies...</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>...or this many bytes of raw JSON, so memory stays bounded whatever the record sizes.</summary>
    public long BatchBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>Sources up to this size are read once and kept in memory; larger ones are read twice (check, then import).</summary>
    public long SinglePassBytes { get; init; } = DefaultSinglePassBytes;

    public const long DefaultSinglePassBytes = 64L * 1024 * 1024;

    /// <summary>A source holding a larger record is rejected whole (see <see cref="IngestOptions.MaxRecordBytes"/>).</summary>
    public int MaxRecordBytes { get; init; } = StudyJsonReader.DefaultMaxRecordBytes;

    /// <param name="sources">What to read; see <see cref="RecordSource.Expand"/>.</param>
    /// <param name="progress">Told after every batch and every rejection, on the calling thread.</param>
    /// <param name="alongside">Written in each batch's transaction (a harvest's topic membership and counts).</param>
    public ImportSummary Import(IEnumerable<RecordSource> sources, IProgress<ImportSummary>? progress = null, AlongsideWrite? alongside = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // One batch queued while one is written and one is parsed: memory is a few batches, never the input.
        var channel = Channel.CreateBounded<Work>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => Produce(sources, channel.Writer, stop.Token), stop.Token);

        var summary = new ImportSummary();
        try
        {
            using var session = ingest.OpenBulkSession();
            while (channel.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
            {
                while (channel.Reader.TryRead(out var work))
                {
                    summary.Add(work.SourcesStarted, work.Batch, session.Store(work.Batch, work.Batch.Studies.Count > 0 ? alongside : null));
                    progress?.Report(summary);
                }
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

    /// <summary>
    /// Reads every source into batches on one thread and parses each batch on every core but one
    /// on another, while the calling thread writes the batch before: reading (inflating, proving
    /// well-formed) and parsing overlap instead of taking turns, so the import is not bound by the
    /// sum of the two on the thread that did both.
    /// </summary>
    private async Task Produce(IEnumerable<RecordSource> sources, ChannelWriter<Work> output, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var read = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadChunks(sources, read.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var chunk in read.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                var work = new Work(BatchSize) { SourcesStarted = chunk.SourcesStarted };
                foreach (var step in chunk.Steps)
                {
                    if (step.Studies is { } studies)
                    {
                        work.Batch.AddAll(studies);
                    }
                    else
                    {
                        work.Batch.RejectSource(step.RejectedSource!, step.Problem!);
                    }
                }

                // Here, beside the writer storing the batch before: what each study shows now, to compare.
                ingest.ReadPreviousVersions(work.Batch);
                await output.WriteAsync(work, stop.Token).ConfigureAwait(false);
            }

            output.Complete();
        }
        catch (Exception ex)
        {
            output.Complete(ex);
            stop.Cancel();
            throw;
        }
        finally
        {
            try
            {
                await reading.ConfigureAwait(false);
            }
            catch (Exception) when (stop.IsCancellationRequested || read.Reader.Completion.IsFaulted)
            {
                // Already on its way: the reading error through the channel, or the error that stopped it.
            }
        }
    }

    /// <summary>Reads every source into chunks of what a batch will hold, in the order met: studies to parse and whole sources refused.</summary>
    private void ReadChunks(IEnumerable<RecordSource> sources, ChannelWriter<Chunk> output, CancellationToken cancellationToken)
    {
        var chunk = new Chunk();
        var pending = new List<(StudyJson Json, string Source)>(BatchSize);
        long pendingBytes = 0;

        void TakePending()
        {
            if (pending.Count > 0)
            {
                chunk.Steps.Add(new Step(pending, null, null));
                pending = new List<(StudyJson Json, string Source)>(BatchSize);
                pendingBytes = 0;
            }
        }

        void Send()
        {
            // Synchronous on this thread of its own: it waits while the parser is a chunk behind.
            output.WriteAsync(chunk, cancellationToken).AsTask().GetAwaiter().GetResult();
            chunk = new Chunk();
        }

        try
        {
            foreach (var source in sources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                chunk.SourcesStarted++;
                var (studies, problem) = Check(source, cancellationToken);
                if (problem is not null)
                {
                    // The studies of earlier sources first, so rejections are listed in the order met.
                    TakePending();
                    chunk.Steps.Add(new Step(null, source.Name, problem));
                    continue;
                }

                foreach (var json in studies ?? ReadAgain(source))
                {
                    pending.Add((json, source.Name));
                    pendingBytes += json.Utf8.Length;
                    if (pending.Count >= BatchSize || pendingBytes >= BatchBytes)
                    {
                        TakePending();
                        Send();
                    }
                }
            }

            TakePending();
            Send();
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
    private (List<StudyJson>? Studies, string? Problem) Check(RecordSource source, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = source.Open();
            List<StudyJson>? kept = [];
            long keptBytes = 0;
            foreach (var study in Read(stream, source))
            {
                cancellationToken.ThrowIfCancellationRequested();
                keptBytes += study.Utf8.Length;
                if (keptBytes <= SinglePassBytes)
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
            var what = ex is RecordTooLargeException ? "record too large" : "malformed JSON";
            return (null, $"{what} at {ex.Position}: {ex.Reason}");
        }
        catch (XmlException ex)
        {
            return (null, ex.LineNumber > 0 ? $"malformed XML at line {ex.LineNumber}, position {ex.LinePosition}: {Reason(ex)}" : $"malformed XML: {ex.Message}");
        }
        catch (RegistryFormatException ex)
        {
            return (null, $"malformed {ex.Format} at line {ex.Line}, position {ex.Position}: {ex.Reason}");
        }
        catch (InvalidDataException ex)
        {
            return (null, $"cannot be read: {ex.Message}");
        }
    }

    private IEnumerable<StudyJson> ReadAgain(RecordSource source)
    {
        using var stream = source.Open();
        foreach (var study in Read(stream, source))
        {
            yield return study;
        }
    }

    private IEnumerable<StudyJson> Read(Stream stream, RecordSource source) => source.Format switch
    {
        RecordFormat.WhoIctrpXml => Bounded(WhoIctrpXml.ReadStudies(stream), source),
        RecordFormat.ChiCtrXml => Bounded(ChiCtrXml.ReadStudies(stream), source),
        RecordFormat.ChiCtrPage => Bounded(ChiCtrPage.ReadStudies(stream), source),
        RecordFormat.EuctrProtocolPage => Bounded(EuctrProtocolPage.ReadStudies(stream), source),
        RecordFormat.EuctrFullText => Bounded(EuctrFullText.ReadStudies(stream), source),
        _ => new StudyJsonReader(stream, source.Name) { MaxRecordBytes = MaxRecordBytes }.ReadStudies(),
    };

    /// <summary>
    /// Another registry's records under the same limit as JSON's: one larger than
    /// <see cref="MaxRecordBytes"/> as stored refuses its source (its reader holds one record's
    /// element or page, the registries' are a few KB).
    /// </summary>
    private IEnumerable<StudyJson> Bounded(IEnumerable<StudyJson> studies, RecordSource source)
    {
        foreach (var study in studies)
        {
            if (study.Utf8.Length > MaxRecordBytes)
            {
                throw new RecordTooLargeException(source.Name, 0, study.Line, 0, MaxRecordBytes);
            }

            yield return study;
        }
    }

    /// <summary>An XML error's own words, without the line and position XmlException appends (the problem states them first).</summary>
    private static string Reason(XmlException ex)
    {
        var message = ex.Message;
        var at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return at > 0 ? message[..at].TrimEnd() : message;
    }

    /// <summary>What the reading thread hands the parsing thread: what one batch will hold, in order, and how many sources it started.</summary>
    private sealed class Chunk
    {
        public List<Step> Steps { get; } = [];

        public int SourcesStarted { get; set; }
    }

    /// <summary>Studies to parse, or a whole source refused (its name and why).</summary>
    private sealed record Step(List<(StudyJson Json, string Source)>? Studies, string? RejectedSource, string? Problem);

    /// <summary>What the parsing thread hands the writing thread: a batch, and how many sources it started.</summary>
    private sealed class Work(int capacity)
    {
        public IngestBatch Batch { get; } = new(capacity);

        public int SourcesStarted { get; init; }
    }
}
