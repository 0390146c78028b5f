using TrialEvidence.Data.Ingest;

namespace TrialEvidence.Data.Import;

/// <summary>The running counts of an import; read by progress reports and printed at the end.</summary>
public sealed class ImportSummary
{
    private readonly List<Rejection> _rejections = [];

    /// <summary>Files and zip entries started.</summary>
    public int Sources { get; private set; }

    /// <summary>Studies read, stored or refused.</summary>
    public long Read { get; private set; }

    /// <summary>What storing the studies did; <see cref="IngestCounts.Rejected"/> counts studies refused one by one.</summary>
    public IngestCounts Counts { get; private set; }

    /// <summary>Sources refused whole (malformed JSON or UTF-8, a record too large, an unreadable zip): none of their studies is stored.</summary>
    public int RejectedSources { get; private set; }

    public IReadOnlyList<Rejection> Rejections => _rejections;

    internal void Add(int sourcesStarted, IngestBatch batch, IngestCounts counts)
    {
        Sources += sourcesStarted;
        Read += batch.Read;
        Counts += counts;
        _rejections.AddRange(batch.Rejections);
        RejectedSources += batch.Rejections.Count(r => r.WholeSource);
    }

    public override string ToString() =>
        $"read {Read:N0}, {Counts}" + (RejectedSources > 0 ? $" (and {RejectedSources:N0} file(s) rejected whole)" : string.Empty);
}
