using System.Collections.Frozen;

namespace TrialEvidence.Data.Studies;

/// <summary>
/// The registry's coded values as ClinicalTrials.gov's own pages write them for people
/// ("ACTIVE_NOT_RECRUITING" is "Active, not recruiting"); a code it does not list is shown as given.
/// </summary>
public static class RegistryLabels
{
    private static readonly FrozenDictionary<string, string> Statuses = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["NOT_YET_RECRUITING"] = "Not yet recruiting",
        ["RECRUITING"] = "Recruiting",
        ["ENROLLING_BY_INVITATION"] = "Enrolling by invitation",
        ["ACTIVE_NOT_RECRUITING"] = "Active, not recruiting",
        ["SUSPENDED"] = "Suspended",
        ["TERMINATED"] = "Terminated",
        ["COMPLETED"] = "Completed",
        ["WITHDRAWN"] = "Withdrawn",
        ["UNKNOWN"] = "Unknown status",
        ["AVAILABLE"] = "Available",
        ["NO_LONGER_AVAILABLE"] = "No longer available",
        ["TEMPORARILY_NOT_AVAILABLE"] = "Temporarily not available",
        ["APPROVED_FOR_MARKETING"] = "Approved for marketing",
        ["WITHHELD"] = "Withheld",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Phases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["EARLY_PHASE1"] = "Early Phase 1",
        ["PHASE1"] = "Phase 1",
        ["PHASE2"] = "Phase 2",
        ["PHASE3"] = "Phase 3",
        ["PHASE4"] = "Phase 4",
        ["NA"] = "Not applicable",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Kinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EnrollmentTypes.Estimated] = "estimated",
        [EnrollmentTypes.Actual] = "actual",
        ["ANTICIPATED"] = "anticipated",
        ["ALL"] = "all sexes",
        ["FEMALE"] = "female",
        ["MALE"] = "male",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>"Recruiting" for RECRUITING; null for null.</summary>
    public static string? Status(string? code) => code is null ? null : Statuses.GetValueOrDefault(code, code);

    /// <summary>
    /// "Phase 2" for PHASE2, "Phase 1/2" for PHASE1 and PHASE2 (as the review's tables write a
    /// combined phase), "Not applicable" for NA; null when the record has no phase.
    /// </summary>
    public static string? Phase(IReadOnlyList<string> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        if (phases.Count == 0)
        {
            return null;
        }

        if (phases.Count == 2 && phases[0].StartsWith("PHASE", StringComparison.Ordinal) && phases[1].StartsWith("PHASE", StringComparison.Ordinal))
        {
            return $"Phase {phases[0]["PHASE".Length..]}/{phases[1]["PHASE".Length..]}";
        }

        return string.Join("/", phases.Select(p => Phases.GetValueOrDefault(p, p)));
    }

    /// <summary>"Estimated" (a target) or "Actual" for an enrollment type.</summary>
    public static string? EnrollmentType(string? code) => Kind(code) is { Length: > 0 } kind ? char.ToUpperInvariant(kind[0]) + kind[1..] : null;

    /// <summary>An enrollment or date type, or an eligible sex, in lower case: "estimated", "actual", "all sexes".</summary>
    public static string? Kind(string? code) => code is null ? null : Kinds.GetValueOrDefault(code, code.ToLowerInvariant());
}
