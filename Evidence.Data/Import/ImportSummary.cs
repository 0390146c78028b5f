namespace TrialEvidence.Data.Import;

/// <summary>One thing the import refused: a whole source (malformed JSON) or one study in it.</summary>
public sealed record ImportRejection(string Source, string? NctId, string Reason, bool WholeSource = false)
{
    public override string ToString() => NctId is null ? $"{Source}: {Reason}" : $"{Source} ({NctId}): {Reason}";
}

/// <summary>The running counts of an import; read by progress reports and printed at the end.</summary>
public sealed class ImportSummary
{
    private readonly List<ImportRejection> _rejections = [];

    public int Sources { get; internal set; }

    public long Read { get; internal set; }

    public long New { get; internal set; }

    public long Changed { get; internal set; }

    /// <summary>Of <see cref="Changed"/>: versions older than the stored current one, kept as history only.</summary>
    public long ChangedOlder { get; internal set; }

    public long Unchanged { get; internal set; }

    /// <summary>Studies refused one by one (no NCT id, a field of the wrong type); whole rejected sources are counted in <see cref="RejectedSources"/>.</summary>
    public long Rejected { get; internal set; }

    public int RejectedSources { get; internal set; }

    public IReadOnlyList<ImportRejection> Rejections => _rejections;

    internal void Reject(ImportRejection rejection) => _rejections.Add(rejection);


    public override string ToString() =>
        $"read {Read:N0}, new {New:N0}, changed {Changed:N0}, unchanged {Unchanged:N0}, rejected {Rejected:N0}" +
        (RejectedSources > 0 ? $" (and {RejectedSources:N0} malformed file(s))" : string.Empty);
}
