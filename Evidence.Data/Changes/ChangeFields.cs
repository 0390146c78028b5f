using System.Collections.Frozen;

namespace TrialEvidence.Data.Changes;

/// <summary>
/// The fields a change names (study_changes.field), as the API and webhooks write them. A list
/// field (interventions, arms, outcomes, sites) changes one item per row: an item added, removed
/// or rewritten.
/// </summary>
public static class ChangeFields
{
    public const string Status = "status";
    public const string WhyStopped = "whyStopped";
    public const string EnrollmentCount = "enrollment.count";
    public const string EnrollmentType = "enrollment.type";
    public const string StartDate = "startDate";
    public const string PrimaryCompletionDate = "primaryCompletionDate";
    public const string CompletionDate = "completionDate";
    public const string Phase = "phase";
    public const string Sponsor = "sponsor";
    public const string Interventions = "interventions";
    public const string Arms = "arms";
    public const string PrimaryOutcomes = "primaryOutcomes";
    public const string SecondaryOutcomes = "secondaryOutcomes";
    public const string Sites = "sites";
    public const string Eligibility = "eligibility";

    /// <summary>Every field, in the order a trial's changes of one version are listed.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Status, WhyStopped, EnrollmentCount, EnrollmentType, StartDate, PrimaryCompletionDate, CompletionDate,
        Phase, Sponsor, Interventions, Arms, PrimaryOutcomes, SecondaryOutcomes, Sites, Eligibility,
    ];

    private static readonly FrozenSet<string> Known = All.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string field) => Known.Contains(field);
}

/// <summary>One field of a record that differs between two versions, as short text a person reads (null: absent).</summary>
public sealed record FieldChange(string Field, string? Old, string? New);
