using TrialEvidence.Data.Normalisation;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Api.Trials;

/// <summary>
/// One trial as /api/trials/{nctId} shows it: the current version as the registry wrote it
/// (<paramref name="Record"/>, parsed from the raw JSON that GET .../raw returns), the values
/// normalised from it with where each came from, and the version it all traces back to.
/// </summary>
/// <param name="EnrollmentHistory">Every enrollment the registry showed, oldest first: the original estimate survives the overwrite.</param>
/// <param name="Registrations">Every registration of the trial (this record first), where it is registered more than once (Registrations); else this one alone.</param>
/// <param name="Newest">Per field, the value of the registration updated last that states it.</param>
public sealed record TrialDetail(
    string NctId,
    string RegistryUrl,
    StudyRecord Record,
    TrialVersion CurrentVersion,
    TrialNormalisation Normalised,
    IReadOnlyList<TrialEnrollment> EnrollmentHistory,
    IReadOnlyList<string> Topics,
    IReadOnlyList<TrialRegistration> Registrations,
    IReadOnlyList<NewestValue> Newest);

/// <summary>One registration of a trial: a registry's record of it, and what it says now.</summary>
/// <param name="ListedAs">The registration the trial is listed under (itself, or another: Registrations).</param>
/// <param name="Sources">Where its versions came from: the registry itself, or a portal ("WHO ICTRP").</param>
public sealed record TrialRegistration(
    string Id, string Registry, string RegistryUrl, string ListedAs, string? Status, long? EnrollmentCount, string? EnrollmentType,
    string? StartDate, string? CompletionDate, string? LastUpdatePostedDate, IReadOnlyList<string> Sources);

/// <summary>A field's value as the registration updated last that states it says it (<paramref name="From"/>).</summary>
public sealed record NewestValue(string Field, string Value, string From, string? Updated);

/// <summary>
/// What the normaliser derived from the record, as stored: the Table 1 cells and the vocabulary
/// version that made them, each intervention's and outcome's values (referring to the record's
/// by ordinal), the RT regimens, and for every value the record field and words it came from.
/// </summary>
public sealed record TrialNormalisation(
    StudySummary? Summary,
    string? VocabularyVersion,
    string? NormalisedAt,
    IReadOnlyList<InterventionTerms> Interventions,
    IReadOnlyList<OutcomeTerms> Outcomes,
    IReadOnlyList<RtRegimen> RtRegimens,
    IReadOnlyList<TermSource> Provenance);

/// <summary>An enrollment the registry showed, from the version that showed it.</summary>
public sealed record TrialEnrollment
{
    public string? LastUpdatePostedDate { get; init; }
    public string? VersionHolder { get; init; }
    public long? Count { get; init; }
    public string? Type { get; init; }
    public string ObservedAt { get; init; } = string.Empty;
}
