namespace TrialEvidence.Data.Studies;

/// <summary>
/// One registry record as the evidence database keeps it: the current version's fields and its
/// lists. Lists stay lists here; the writer turns them into rows, or JSON where a column holds one.
/// </summary>
public sealed class StudyRecord
{
    /// <summary>The registry's id of the record: an NCT id, or another registry's (<see cref="RegistryId"/>); the column keeps its first name, nct_id.</summary>
    public required string NctId { get; init; }

    /// <summary>The registry that issued <see cref="NctId"/> (<see cref="RegistryId.Registries"/>).</summary>
    public string Registry { get; init; } = RegistryId.ClinicalTrialsGov;

    /// <summary>Another registry's recruitment status in its own words ("Not Recruiting"); <see cref="OverallStatus"/> holds ClinicalTrials.gov's code where the words say exactly that.</summary>
    public string? RegistryStatus { get; init; }

    /// <summary>The sample size of each group, where another registry gives them per group (<see cref="EnrollmentCount"/> is their sum).</summary>
    public IReadOnlyList<Registries.SampleGroup> EnrollmentGroups { get; init; } = [];

    /// <summary>
    /// The portal the record was read through ("WHO ICTRP"), null for a record read from its own
    /// registry. A record from its registry outranks a portal's copy of it whatever their dates
    /// (the copy is thinner: no arms, sites or dates of completion); the copy is kept as a version.
    /// </summary>
    public string? Via { get; init; }

    /// <summary>The record's page on its registry, where the source gives it.</summary>
    public string? RegistryUrl { get; init; }
    public string? BriefTitle { get; init; }
    public string? OfficialTitle { get; init; }
    public string? Acronym { get; init; }
    public string? Organization { get; init; }
    public string? OrgStudyId { get; init; }
    public string? OverallStatus { get; init; }
    public string? LastKnownStatus { get; init; }
    public string? WhyStopped { get; init; }
    public string? StudyType { get; init; }
    /// <summary>designModule.phases, e.g. PHASE1 and PHASE2; empty for observational studies.</summary>
    public IReadOnlyList<string> Phases { get; init; } = [];
    public string? Allocation { get; init; }
    public string? InterventionModel { get; init; }
    public string? PrimaryPurpose { get; init; }
    public string? Masking { get; init; }
    public long? EnrollmentCount { get; init; }
    public string? EnrollmentType { get; init; }
    public string? StartDate { get; init; }
    public string? StartDateType { get; init; }
    public string? PrimaryCompletionDate { get; init; }
    public string? PrimaryCompletionDateType { get; init; }
    public string? CompletionDate { get; init; }
    public string? CompletionDateType { get; init; }
    public string? FirstPostedDate { get; init; }
    public string? LastUpdatePostedDate { get; init; }
    public string? LeadSponsor { get; init; }
    public string? LeadSponsorClass { get; init; }
    public string? BriefSummary { get; init; }

    /// <summary>The detailed description; read by the normaliser, not stored apart.</summary>
    public string? DetailedDescription { get; init; }

    /// <summary>The eligibility criteria as the registry writes them (inclusion, then exclusion); read by the normaliser, not stored apart.</summary>
    public string? EligibilityCriteria { get; init; }

    /// <summary>eligibilityModule.sex (ALL, FEMALE, MALE), minimumAge and maximumAge ("18 Years"): compared for changes, not stored apart.</summary>
    public string? EligibilitySex { get; init; }

    public string? MinimumAge { get; init; }

    public string? MaximumAge { get; init; }

    /// <summary>The responsible party's type (SPONSOR, PRINCIPAL_INVESTIGATOR, SPONSOR_INVESTIGATOR).</summary>
    public string? ResponsiblePartyType { get; init; }

    public string? ResponsibleInvestigator { get; init; }

    /// <summary>The responsible investigator's affiliation: an institution where the sponsor is a person.</summary>
    public string? ResponsibleAffiliation { get; init; }
    public bool? HasResults { get; init; }
    public string? VersionHolder { get; init; }

    /// <summary>
    /// A whole record as the registry serves it (its derived section, its status and last update
    /// date), not a <c>fields=</c> subset or a trimmed record: what a whole record leaves out, it
    /// does not have; what a subset leaves out, it does not say.
    /// </summary>
    public bool Complete { get; init; }

    /// <summary>The lists this record has a property for, complete or not: interventions, armGroups, primaryOutcomes, secondaryOutcomes, locations.</summary>
    public IReadOnlySet<string> Lists { get; init; } = new HashSet<string>();

    /// <summary>Whether the record says what <paramref name="list"/> holds (an absent list of a whole record is an empty one).</summary>
    public bool Says(string list) => Complete || Lists.Contains(list);

    public IReadOnlyList<string> Conditions { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public IReadOnlyList<MeshTerm> MeshTerms { get; init; } = [];
    public IReadOnlyList<Intervention> Interventions { get; init; } = [];
    public IReadOnlyList<ArmGroup> ArmGroups { get; init; } = [];
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];
    public IReadOnlyList<Location> Locations { get; init; } = [];
    public IReadOnlyList<SecondaryId> SecondaryIds { get; init; } = [];
    public IReadOnlyList<Collaborator> Collaborators { get; init; } = [];
}

public sealed record MeshTerm(string NctId, string BrowseModule, string Relation, int Ordinal, string? MeshId, string Term);

public sealed record Intervention(
    string NctId, int Ordinal, string? Type, string? Name, string? Description, IReadOnlyList<string> OtherNames, IReadOnlyList<string> ArmGroupLabels);

/// <param name="InterventionNames">As the registry writes them: "Drug: Nivolumab".</param>
public sealed record ArmGroup(string NctId, int Ordinal, string? Label, string? Type, string? Description, IReadOnlyList<string> InterventionNames);

public sealed record Outcome(string NctId, string Kind, int Ordinal, string? Measure, string? Description, string? TimeFrame);

public sealed record Location(string NctId, int Ordinal, string? Facility, string? City, string? State, string? Zip, string? Country, string? Status, double? Latitude, double? Longitude);

public sealed record SecondaryId(string NctId, int Ordinal, string Id, string? Type, string? Domain, string? Link);

public sealed record Collaborator(string NctId, int Ordinal, string Name, string? Class);
