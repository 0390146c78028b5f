using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Ingest;

/// <summary>
/// What storing studies did, one count per outcome: the same counts for an import, a harvest
/// page and a fetched study. <see cref="Changed"/> counts every unseen version of a known study;
/// <see cref="ChangedOlder"/> those of them older than the stored one, kept as history only.
/// </summary>
public readonly record struct IngestCounts(long New, long Changed, long ChangedOlder, long Unchanged, long Rejected)
{
    /// <summary>The counts of a written batch and of the studies refused in it.</summary>
    public static IngestCounts Of(IEnumerable<WriteOutcome> outcomes, long rejected)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        long @new = 0, changed = 0, older = 0, unchanged = 0;
        foreach (var outcome in outcomes)
        {
            switch (outcome)
            {
                case WriteOutcome.New: @new++; break;
                case WriteOutcome.Changed: changed++; break;
                case WriteOutcome.ChangedOlder: changed++; older++; break;
                case WriteOutcome.Unchanged: unchanged++; break;
            }
        }

        return new IngestCounts(@new, changed, older, unchanged, rejected);
    }

    public static IngestCounts operator +(IngestCounts left, IngestCounts right) => new(
        left.New + right.New,
        left.Changed + right.Changed,
        left.ChangedOlder + right.ChangedOlder,
        left.Unchanged + right.Unchanged,
        left.Rejected + right.Rejected);

    /// <summary>The same as +, for languages without operators (CA2225).</summary>
    public static IngestCounts Add(IngestCounts left, IngestCounts right) => left + right;

    public override string ToString() => $"new {New:N0}, changed {Changed:N0}, unchanged {Unchanged:N0}, rejected {Rejected:N0}";
}
