namespace TrialEvidence.Data.Studies;

/// <summary>What storing one study did.</summary>
public enum WriteOutcome
{
    /// <summary>The study was not in the database; it is now, with its first version.</summary>
    New,

    /// <summary>A version not seen before; it is now the current one.</summary>
    Changed,

    /// <summary>A version not seen before but older than the current one: kept in study_versions only.</summary>
    ChangedOlder,

    /// <summary>This exact version was already stored; nothing changed.</summary>
    Unchanged,
}
