using TrialEvidence.Data.Normalisation;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Api.Trials;

/// <summary>
/// One trial as /api/trials/{nctId} shows it: the current version as the registry wrote it, the
/// values normalised from it with where each came from, and the version it all traces back to.
/// Normalised interventions and outcomes refer to the record's by <c>ordinal</c>.
/// </summary>
public sealed record TrialDetail
{
    public required string NctId { get; init; }
    public required string RegistryUrl { get; init; }

    /// <summary>The current version's record, parsed from its raw JSON (GET .../raw).</summary>
    public required StudyRecord Record { get; init; }
    public required TrialVersion CurrentVersion { get; init; }

    /// <summary>The Table 1 cells normalised from the record, and the vocabulary version that made them.</summary>
    public StudySummary? Summary { get; init; }
    public string? VocabularyVersion { get; init; }
    public string? NormalisedAt { get; init; }

    public required IReadOnlyList<InterventionTerms> Interventions { get; init; }
    public required IReadOnlyList<OutcomeTerms> Outcomes { get; init; }
    public required IReadOnlyList<RtRegimen> RtRegimens { get; init; }

    /// <summary>For every normalised value: the record field and the registry's words it came from.</summary>
    public required IReadOnlyList<TermSource> Provenance { get; init; }

    /// <summary>Every enrollment the registry showed, oldest first: the original estimate survives the overwrite.</summary>
    public required IReadOnlyList<TrialEnrollment> EnrollmentHistory { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
}

/// <summary>An enrollment the registry showed, from the version that showed it.</summary>
public sealed record TrialEnrollment
{
    public string? LastUpdatePostedDate { get; init; }
    public string? VersionHolder { get; init; }
    public long? Count { get; init; }
    public string? Type { get; init; }
    public string ObservedAt { get; init; } = string.Empty;
}
