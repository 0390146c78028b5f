namespace TrialEvidence.Data.Ingest;

/// <summary>
/// Something the ingest path refused, and why: one study (no NCT id, a field of the wrong type)
/// or a whole source (malformed JSON, an unreadable zip), named by where it came from.
/// </summary>
public sealed record Rejection(string Source, string Reason, bool WholeSource = false)
{
    public override string ToString() => $"{Source}: {Reason}";
}
