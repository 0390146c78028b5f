namespace TrialEvidence.Data.Registries;

/// <summary>
/// One trial as a registry other than ClinicalTrials.gov records it (through WHO ICTRP's export,
/// a ChiCTR page, an EUCTR page or download), with the fields a Table 1 needs, each as the
/// registry wrote it. <see cref="RegisteredTrialJson"/> writes it in the shape of a
/// ClinicalTrials.gov API v2 record, so that it is stored, versioned, normalised, filtered and
/// exported as those are, with the registry's own document kept beside it.
/// </summary>
public sealed record RegisteredTrial
{
    /// <summary>The registry's id ("ChiCTR2000034346", "EUCTR2005-002909-23-PT"; see <see cref="Studies.RegistryId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The registry that issued the id ("ChiCTR", "EUCTR", "ClinicalTrials.gov").</summary>
    public required string Registry { get; init; }

    /// <summary>What the record was read from ("WHO ICTRP XML export", "ChiCTR trial page").</summary>
    public required string Format { get; init; }

    /// <summary>The registry's document of this trial, verbatim (an ICTRP <c>Trial</c> element, a page's HTML).</summary>
    public required string Document { get; init; }

    /// <summary>The portal it was read through ("WHO ICTRP"); null when read from the registry's own page or download.</summary>
    public string? Via { get; init; }

    /// <summary>The record's page, where the source gives it.</summary>
    public string? Url { get; init; }

    /// <summary>Other ids of the same trial the record names (an NCT number, a sponsor's protocol number).</summary>
    public IReadOnlyList<string> SecondaryIds { get; init; } = [];

    public string? BriefTitle { get; init; }
    public string? OfficialTitle { get; init; }
    public string? Acronym { get; init; }

    /// <summary>Text in the registry's other language (ChiCTR's Chinese), by the field it translates ("briefTitle").</summary>
    public IReadOnlyDictionary<string, string> Original { get; init; } = new Dictionary<string, string>();

    /// <summary>The recruitment status in the registry's words ("Not Recruiting").</summary>
    public string? RegistryStatus { get; init; }

    /// <summary>The status as ClinicalTrials.gov's codes where the registry's words say exactly that, else null.</summary>
    public string? OverallStatus { get; init; }

    public long? EnrollmentCount { get; init; }

    /// <summary>ESTIMATED (a target size) or ACTUAL.</summary>
    public string? EnrollmentType { get; init; }

    /// <summary>The sample size of each group, where the registry gives them per group.</summary>
    public IReadOnlyList<SampleGroup> EnrollmentGroups { get; init; } = [];

    /// <summary>Dates as yyyy-MM-dd (or yyyy-MM, yyyy).</summary>
    public string? StartDate { get; init; }
    public string? RegistrationDate { get; init; }
    public string? LastUpdateDate { get; init; }

    public string? Sponsor { get; init; }
    public IReadOnlyList<string> SecondarySponsors { get; init; } = [];

    /// <summary>ClinicalTrials.gov's study type (INTERVENTIONAL, OBSERVATIONAL) or the registry's words.</summary>
    public string? StudyType { get; init; }

    /// <summary>ClinicalTrials.gov's phase codes (PHASE1, PHASE2, NA).</summary>
    public IReadOnlyList<string> Phases { get; init; } = [];

    public string? Allocation { get; init; }
    public string? Masking { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<string> Conditions { get; init; } = [];
    public IReadOnlyList<RegisteredIntervention> Interventions { get; init; } = [];
    public IReadOnlyList<RegisteredArm> Arms { get; init; } = [];
    public IReadOnlyList<RegisteredOutcome> PrimaryOutcomes { get; init; } = [];
    public IReadOnlyList<RegisteredOutcome> SecondaryOutcomes { get; init; } = [];
    public string? InclusionCriteria { get; init; }
    public string? ExclusionCriteria { get; init; }

    /// <summary>ALL, FEMALE or MALE.</summary>
    public string? Sex { get; init; }

    /// <summary>"18 Years", as ClinicalTrials.gov writes ages.</summary>
    public string? MinimumAge { get; init; }
    public string? MaximumAge { get; init; }
    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<RegisteredSite> Sites { get; init; } = [];
}

public sealed record SampleGroup(string Group, long Count);

/// <param name="Type">ClinicalTrials.gov's intervention type (DRUG, RADIATION) where the registry says it.</param>
/// <param name="Arms">The labels of the arms (groups) that receive it.</param>
public sealed record RegisteredIntervention(string Name, string? Type = null, string? Description = null, IReadOnlyList<string>? Arms = null);

/// <param name="Type">ClinicalTrials.gov's arm type (EXPERIMENTAL, ACTIVE_COMPARATOR) where the registry says it.</param>
public sealed record RegisteredArm(string Label, string? Type = null, string? Description = null, IReadOnlyList<string>? Interventions = null);

public sealed record RegisteredOutcome(string Measure, string? TimeFrame = null, string? Description = null);

public sealed record RegisteredSite(string? Facility, string? City, string? Country);
