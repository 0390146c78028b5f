namespace TrialEvidence.Api.Trials;

/// <summary>One row of /api/trials: the current version's main fields and its normalised summary.</summary>
public sealed record TrialSummary(
    string NctId,
    string? BriefTitle,
    string? OverallStatus,
    string? Phase,
    long? EnrollmentCount,
    string? EnrollmentType,
    string? StartDate,
    string? LastUpdatePostedDate,
    string? LeadSponsor,
    string? Institution,
    string? Country,
    string? InterventionSummary,
    string? VersionHolder,
    string RegistryUrl);

/// <summary>A page of trials with the total and the per-value counts of the whole filtered set.</summary>
public sealed record TrialPage(long Total, int Page, int PageSize, string Sort, IReadOnlyList<TrialSummary> Trials, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

/// <summary>How many of the filtered trials have one value of a field.</summary>
public sealed class FacetCount
{
    public string Value { get; set; } = string.Empty;

    public long Count { get; set; }
}

/// <summary>A stored version of a record, for traceability.</summary>
public sealed record TrialVersion(long Id, string? VersionHolder, string? LastUpdatePostedDate, string ContentHash, string FetchedAt, string Source, bool Current);
