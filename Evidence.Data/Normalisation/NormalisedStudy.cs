using System.Text.Json.Serialization;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// Everything the normaliser derives from one record. All of it is re-derivable from the raw
/// version (renormalize), and every value keeps where it came from (<see cref="Sources"/>).
/// </summary>
public sealed record NormalisedStudy(
    string VocabularyVersion,
    IReadOnlyList<InterventionTerms> Interventions,
    IReadOnlyList<OutcomeTerms> Outcomes,
    IReadOnlyList<RtRegimen> RtRegimens,
    IReadOnlyList<TermSource> Sources,
    StudySummary Summary,
    SearchText Search)
{
    /// <summary>
    /// What the trial gives that its structured interventions do not say, read from its titles,
    /// summary and arms (ordinal -1); null when they say it all or the text says nothing more.
    /// </summary>
    public InterventionTerms? FreeText { get; init; }

    /// <summary>The interventions' values and those from free text: everything intervention_values stores.</summary>
    [JsonIgnore]
    public IEnumerable<InterventionTerms> AllInterventionTerms => FreeText is null ? Interventions : Interventions.Append(FreeText);
}

/// <summary>The text full-text search indexes for a study, by column.</summary>
public sealed record SearchText(string Titles, string Summary, string Conditions, string Interventions, string Sponsor);

/// <summary>
/// What one intervention gives, normalised: its agents (canonical generic names, in the order
/// named), their classes, the ICI targets, the RT modality, the partner classes and properties
/// of its agents ("bispecific"). Empty (or null) means the intervention's text names none.
/// </summary>
public sealed record InterventionTerms(
    int Ordinal,
    IReadOnlyList<string> Agents,
    IReadOnlyList<string> AgentClasses,
    IReadOnlyList<string> Targets,
    string? RtModality,
    IReadOnlyList<string> PartnerClasses,
    IReadOnlyList<string> AgentProperties)
{
    /// <summary>The ordinal of the values read from a trial's titles, summary and arms (<see cref="NormalisedStudy.FreeText"/>), not from an intervention.</summary>
    public const int FreeTextOrdinal = -1;

    /// <summary>
    /// Modalities of other families the intervention also gives, after <see cref="RtModality"/>
    /// ("Chemoradiotherapy": pelvic EBRT followed by brachytherapy; one "Radiotherapy" given as
    /// photon, proton or carbon-ion RT by arm).
    /// </summary>
    public IReadOnlyList<string> AlsoRtModalities { get; init; } = [];

    /// <summary>
    /// Drugs the intervention gives that the vocabulary knows for their class only (a partner the
    /// topic does not list: "Axitinib"): no agent value, but the Table 1 cell still names them.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> ClassOnlyAgents { get; init; } = [];

    /// <summary>Every modality the intervention gives, <see cref="RtModality"/> first.</summary>
    [JsonIgnore]
    public IEnumerable<string> RtModalities => RtModality is null ? [] : AlsoRtModalities.Prepend(RtModality);

    /// <summary>Each value with its field and its place in the field's list, as intervention_values stores them.</summary>
    public IEnumerable<(string Field, int Position, string Value)> Values() =>
        Agents.Select((value, i) => (NormalisedField.Agent, i, value))
            .Concat(AgentClasses.Select((value, i) => (NormalisedField.AgentClass, i, value)))
            .Concat(Targets.Select((value, i) => (NormalisedField.Target, i, value)))
            .Concat(RtModalities.Select((value, i) => (NormalisedField.RtModality, i, value)))
            .Concat(PartnerClasses.Select((value, i) => (NormalisedField.PartnerClass, i, value)))
            .Concat(AgentProperties.Select((value, i) => (NormalisedField.AgentProperty, i, value)));

    /// <summary>Whether it gives a checkpoint inhibitor, named or by its class.</summary>
    [JsonIgnore]
    public bool GivesIci => AgentClasses.Contains(Terms.Ici, StringComparer.Ordinal);
}

/// <summary>The class of one outcome, with its landmark time point when it is a rate at one; no class where the normaliser failed on the record.</summary>
public sealed record OutcomeTerms(string Kind, int Ordinal, string? EndpointClass, string? Landmark);

/// <summary>Where a normalised value came from: the record field and the words as the registry wrote them.</summary>
/// <param name="Entity">intervention, primary_outcome, secondary_outcome, other_outcome or study.</param>
/// <param name="SourceField">The record field, e.g. interventions[2].otherNames[0] or armGroups[1].description.</param>
public sealed record TermSource(string Entity, int EntityOrdinal, string Field, string Value, string SourceField, string Matched);

/// <summary>The study-level summary Table 1 shows.</summary>
/// <param name="Sequence">concurrent, RT then ICI, ICI then RT, or unknown.</param>
/// <param name="Disease">The disease cell with its setting ("Unresectable Hepatocellular Carcinoma"); null for a trial of no neoplasm, whose conditions are the disease.</param>
/// <param name="Settings">The settings of the patients (unresectable, metastatic, adjuvant...), in the vocabulary's order.</param>
public sealed record StudySummary(
    string? Institution, string? Country, string? InterventionSummary, string Sequence, string? Disease = null, IReadOnlyList<string>? Settings = null);

/// <summary>
/// One stated RT dose and fractionation, as ranges (min = max for a single value). BED and EQD2
/// use alpha/beta = 10 and span every combination of the stated ranges. A text that mentions Gy
/// but cannot be read whole keeps only <see cref="RawText"/>: it is never guessed.
/// </summary>
public sealed record RtRegimen(
    int Ordinal,
    string SourceField,
    string RawText,
    double? TotalDoseGyMin,
    double? TotalDoseGyMax,
    int? FractionsMin,
    int? FractionsMax,
    double? DosePerFractionGyMin,
    double? DosePerFractionGyMax,
    double? Bed10GyMin,
    double? Bed10GyMax,
    double? Eqd2GyMin,
    double? Eqd2GyMax)
{
    public bool IsParsed => TotalDoseGyMin is not null;
}
