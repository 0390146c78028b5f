namespace TrialEvidence.Api.Trials;

// What the Trials endpoints answer. Plain records: TrialReads fills them (Dapper sets the
// properties by name, which also works for computed columns whose type SQLite learns per row).

/// <summary>One row of /api/trials: the current version's main fields and its normalised summary.</summary>
public sealed record TrialSummary
{
    public string NctId { get; init; } = string.Empty;
    public string? BriefTitle { get; init; }
    public string? OverallStatus { get; init; }
    public string? Phase { get; init; }
    public long? EnrollmentCount { get; init; }
    public string? EnrollmentType { get; init; }
    public string? StartDate { get; init; }
    public string? LastUpdatePostedDate { get; init; }
    public string? LeadSponsor { get; init; }
    public string? Institution { get; init; }
    public string? Country { get; init; }
    public string? InterventionSummary { get; init; }
    public string? VersionHolder { get; init; }

    /// <summary>The registry that issued <see cref="NctId"/>: ClinicalTrials.gov, ChiCTR, EUCTR...</summary>
    public string Registry { get; init; } = Data.Studies.RegistryId.ClinicalTrialsGov;

    /// <summary>Another registry's status in its words, where <see cref="OverallStatus"/> has no code for them ("Not Recruiting").</summary>
    public string? RegistryStatus { get; init; }

    public string RegistryUrl => Data.Studies.RegistryId.RegistryUrl(NctId);

    /// <summary>The trial's other registrations, listed under this one (a ChiCTR record naming this NCT number; Registrations).</summary>
    public IReadOnlyList<string> OtherRegistrations =>
        OtherRegistrationsJson is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<string>>(OtherRegistrationsJson) ?? [];

    /// <summary>What the database gives for <see cref="OtherRegistrations"/>: a JSON array.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? OtherRegistrationsJson { get; init; }
}

/// <summary>A page of trials with the total and the per-value counts of the whole filtered set.</summary>
public sealed record TrialPage(long Total, int Page, int PageSize, string Sort, IReadOnlyList<TrialSummary> Trials, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

/// <summary>How many of the filtered trials have one value of a field.</summary>
public sealed record FacetCount
{
    public string Value { get; init; } = string.Empty;
    public long Count { get; init; }
}

/// <summary>A stored version of a record, for traceability.</summary>
public sealed record TrialVersion
{
    public long Id { get; init; }
    public string? VersionHolder { get; init; }
    public string? LastUpdatePostedDate { get; init; }
    public string ContentHash { get; init; } = string.Empty;
    public string FetchedAt { get; init; } = string.Empty;
    public string Source { get; init; } = string.Empty;
    public bool Current { get; init; }
}
