using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// The terms the normaliser knows, from vocabulary.json (embedded in this assembly; data, not
/// code). Its <see cref="Version"/> is stored beside every normalised value.
/// </summary>
public sealed class Vocabulary
{
    private static readonly Lazy<Vocabulary> EmbeddedVocabulary = new(() =>
    {
        using var stream = typeof(Vocabulary).Assembly.GetManifestResourceStream("vocabulary.json")
            ?? throw new InvalidOperationException("vocabulary.json is not embedded in Evidence.Data");
        return Load(stream);
    });

    private static readonly JsonSerializerOptions FileOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static Vocabulary Embedded => EmbeddedVocabulary.Value;

    public required string Version { get; init; }

    public required IReadOnlyList<AgentEntry> Agents { get; init; }

    /// <summary>Wordings that hold a term but mean something else, and terms whose letter case matters (<see cref="TermRules"/>).</summary>
    public TermRules Rules { get; init; } = new([], []);

    /// <summary>Products that hold two agents under one name or code ("BMS-986213": nivolumab and relatlimab).</summary>
    public IReadOnlyList<CoformulationEntry> Coformulations { get; init; } = [];

    /// <summary>Chemotherapy regimens named by acronym ("FOLFOX", "GEMOX") and the agents they give, matched as a co-formulation is.</summary>
    public IReadOnlyList<CoformulationEntry> Regimens { get; init; } = [];

    public required IReadOnlyList<ClassTermEntry> IciClassTerms { get; init; }

    /// <summary>How an ICI the vocabulary does not list is still known as one (<see cref="UnknownIciEntry"/>).</summary>
    public UnknownIciEntry UnknownIci { get; init; } = new([], [], []);

    /// <summary>
    /// Stems of generic names that give a partner class when no vocabulary term names the drug:
    /// "-tinib" is the INN stem of tyrosine kinase inhibitors (tucatinib, fruquintinib).
    /// </summary>
    public IReadOnlyList<ClassStem> PartnerClassStems { get; init; } = [];

    /// <summary>Words naming a partner class without a drug ("tyrosine kinase inhibitor").</summary>
    public required IReadOnlyList<NamedTerms> PartnerClassTerms { get; init; }

    public required IReadOnlyList<NamedTerms> RtModalities { get; init; }

    public required IReadOnlyList<NamedTerms> Locoregional { get; init; }

    public required IReadOnlyList<EndpointEntry> Endpoints { get; init; }

    /// <summary>
    /// Words that make a sponsor's name an organisation's ("University", "Hospital", "Inc"): a name
    /// with none of them, or a sponsor of class INDIV, is a person's. Generic words, no names of
    /// institutions: the Table 1 institution comes from the record.
    /// </summary>
    public required IReadOnlyList<string> OrganisationWords { get; init; }

    /// <summary>Words of a person's name and titles ("MD", "PhD", "Prof"): a sponsor with one and no organisation word is a person.</summary>
    public IReadOnlyList<string> PersonWords { get; init; } = [];

    /// <summary>Words that make a summary's sentence background, not the trial's patients ("approved", "showed").</summary>
    public IReadOnlyList<string> BackgroundWords { get; init; } = [];

    /// <summary>
    /// Diagnostic imaging ("CT", "PET", "radiography"): a radiation intervention that names one and
    /// no RT, or a sentence that names one beside "radiation" alone, speaks of imaging dose, not RT.
    /// </summary>
    public IReadOnlyList<string> ImagingWords { get; init; } = [];

    /// <summary>
    /// Light sources ("laser", "photobiomodulation", "ultraviolet"): "irradiation" or "radiation"
    /// alone beside one is light, not RT.
    /// </summary>
    public IReadOnlyList<string> LightWords { get; init; } = [];

    /// <summary>The settings of a trial's patients (unresectable, metastatic, adjuvant...), in the order the Table 1 disease cell names them.</summary>
    public IReadOnlyList<DiseaseSettingEntry> DiseaseSettings { get; init; } = [];

    /// <summary>Words that name a systemic therapy without a drug ("systemic", "first-line"): what a setting of prior therapy needs near it.</summary>
    public IReadOnlyList<string> SystemicTherapyWords { get; init; } = [];

    /// <summary>
    /// Real generic names of drugs outside the vocabulary (WHO INN lists) that lie within a
    /// misspelling's reach of an agent's name (satralizumab, two edits from spartalizumab): a word
    /// spelled as one is that drug, never a misspelling (<see cref="NearSpelling"/>).
    /// </summary>
    public IReadOnlyList<string> OtherGenericNames { get; init; } = [];

    /// <summary>
    /// Complications of a treatment ("wound complications", "wound healing disorders"): in a
    /// trial that treats the disease, the safety of its treatment (a measure that names no
    /// class); in a supportive-care or prevention trial (a wound dressing), what it is for.
    /// </summary>
    public IReadOnlyList<string> ComplicationTerms { get; init; } = [];

    public required IReadOnlyDictionary<string, string> CountryNames { get; init; }

    /// <summary>Every ICI target a value can have: the agents' targets, then the class words' (ending with <see cref="Terms.UnspecifiedIci"/>).</summary>
    public IReadOnlyList<string> Targets =>
        [.. Agents.SelectMany(a => a.Targets).Concat(IciClassTerms.Select(c => c.Target)).Distinct(StringComparer.Ordinal)];

    /// <summary>Every endpoint class an outcome can have, in order of precedence, <see cref="Terms.OtherEndpoint"/> included.</summary>
    public IReadOnlyList<string> EndpointClasses =>
        [.. Endpoints.Select(e => e.Class).Append(Terms.OtherEndpoint).Distinct(StringComparer.Ordinal)];

    /// <exception cref="JsonException">The file is not a valid vocabulary.</exception>
    public static Vocabulary Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<VocabularyFile>(json, FileOptions)
            ?? throw new JsonException("the vocabulary file is empty");
        if (string.IsNullOrWhiteSpace(file.Version))
        {
            throw new JsonException("the vocabulary has no version");
        }

        var vocabulary = new Vocabulary
        {
            Version = file.Version,
            Agents = [.. file.Agents.Select(a => a with { Targets = a.Targets ?? [] })],
            Coformulations = file.Coformulations ?? [],
            Regimens = file.Regimens ?? [],
            Rules = new TermRules(file.NotTerms ?? [], file.CaseSensitiveTerms ?? []),
            UnknownIci = file.UnknownIci ?? new([], [], []),
            PartnerClassStems = file.PartnerClassStems ?? [],
            IciClassTerms = file.IciClassTerms,
            PartnerClassTerms = file.PartnerClassTerms,
            RtModalities = file.RtModalities,
            Locoregional = file.Locoregional,
            Endpoints = file.Endpoints,
            OrganisationWords = file.OrganisationWords,
            PersonWords = file.PersonWords ?? [],
            BackgroundWords = file.BackgroundWords ?? [],
            ImagingWords = file.ImagingWords ?? [],
            LightWords = file.LightWords ?? [],
            DiseaseSettings = file.DiseaseSettings ?? [],
            SystemicTherapyWords = file.SystemicTherapyWords ?? [],
            OtherGenericNames = file.OtherGenericNames ?? [],
            ComplicationTerms = file.ComplicationTerms ?? [],
            CountryNames = file.CountryNames,
        };
        vocabulary.CheckFixedTerms();
        return vocabulary;
    }

    /// <summary>
    /// The values the code relies on (<see cref="Terms"/>) must be in the file, spelled as the code
    /// spells them: agents of class ICI, each with a target; ICI class words whose target is
    /// "ICI, unspecified"; "Hypofractionated RT", which a dose can imply; "RT, unspecified" as
    /// the least specific RT modality; and the endpoint classes and disease settings whose terms
    /// rules read by name (ORR, safety, pathological response; metastatic, adjuvant, neoadjuvant).
    /// </summary>
    private void CheckFixedTerms()
    {
        var missing = new List<string>();
        if (!Agents.Any(a => a.Class == Terms.Ici))
        {
            missing.Add($"an agent of class \"{Terms.Ici}\"");
        }

        foreach (var untargeted in Agents.Where(a => a.Class == Terms.Ici && (a.Targets.Count == 0 || a.Targets.Any(string.IsNullOrWhiteSpace))))
        {
            missing.Add($"a target for the {Terms.Ici} {untargeted.Name}");
        }

        var agentNames = Agents.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (product, agent) in Coformulations.Concat(Regimens).SelectMany(c => c.Agents.Where(a => !agentNames.Contains(a)).Select(a => (string.Join("/", c.Names), a))))
        {
            missing.Add($"the agent {agent} that the co-formulation {product} holds");
        }

        if (!IciClassTerms.Any(c => c.Target == Terms.UnspecifiedIci))
        {
            missing.Add($"ICI class terms with the target \"{Terms.UnspecifiedIci}\"");
        }

        foreach (var stem in PartnerClassStems.Where(stem => !PartnerClassTerms.Any(c => c.Name == stem.Class)))
        {
            missing.Add($"the partner class \"{stem.Class}\" that the stem -{stem.Stem} gives");
        }

        if (!RtModalities.Any(m => m.Name == Terms.HypofractionatedRt))
        {
            missing.Add($"the RT modality \"{Terms.HypofractionatedRt}\"");
        }

        if (RtModalities.Count == 0 || RtModalities[^1].Name != Terms.UnspecifiedRt)
        {
            missing.Add($"\"{Terms.UnspecifiedRt}\" as the last (least specific) RT modality");
        }

        // The classes and settings whose terms the code reads by name.
        foreach (var endpoint in new[] { Terms.ObjectiveResponse, Terms.Safety, Terms.PathologicalResponse }.Where(c => !Endpoints.Any(e => e.Class == c)))
        {
            missing.Add($"the endpoint class \"{endpoint}\"");
        }

        foreach (var setting in new[] { Terms.MetastaticSetting, Terms.AdjuvantSetting, Terms.NeoadjuvantSetting }.Where(n => !DiseaseSettings.Any(d => d.Name == n)))
        {
            missing.Add($"the disease setting \"{setting}\"");
        }

        if (missing.Count > 0)
        {
            throw new JsonException($"vocabulary {Version} lacks {string.Join("; ", missing)}");
        }
    }

    private sealed record VocabularyFile(
        string Version,
        List<AgentEntry> Agents,
        List<CoformulationEntry>? Coformulations,
        List<CoformulationEntry>? Regimens,
        List<string>? NotTerms,
        List<string>? CaseSensitiveTerms,
        UnknownIciEntry? UnknownIci,
        List<ClassStem>? PartnerClassStems,
        List<ClassTermEntry> IciClassTerms,
        List<NamedTerms> PartnerClassTerms,
        List<NamedTerms> RtModalities,
        List<NamedTerms> Locoregional,
        List<EndpointEntry> Endpoints,
        List<string> OrganisationWords,
        List<string>? PersonWords,
        List<string>? BackgroundWords,
        List<string>? ImagingWords,
        List<string>? LightWords,
        List<DiseaseSettingEntry>? DiseaseSettings,
        List<string>? SystemicTherapyWords,
        List<string>? OtherGenericNames,
        List<string>? ComplicationTerms,
        Dictionary<string, string> CountryNames);
}

/// <summary>
/// A drug: canonical generic name, class (ICI, anti-VEGF, TKI, chemotherapy), the checkpoints it
/// blocks (an ICI's targets; a bispecific has one or two: cadonilimab PD-1 and CTLA-4,
/// ivonescimab PD-1, its other arm binding VEGF), whether it is a bispecific antibody (a property,
/// not a target), brand names and codes. A <paramref name="ClassOnly"/> drug is known for its class
/// but is not one of the topic's agents (a partner that DOMAIN.md does not list: sunitinib,
/// ramucirumab): it gives its class and no agent name, as the labelling guide has it.
/// </summary>
public sealed record AgentEntry(string Name, string Class, IReadOnlyList<string> Targets, IReadOnlyList<string> Synonyms, bool Bispecific = false, bool ClassOnly = false);

/// <summary>One product of several agents: its names and codes, and the agents (by generic name) it holds.</summary>
public sealed record CoformulationEntry(IReadOnlyList<string> Names, IReadOnlyList<string> Agents);

/// <summary>
/// How a drug the vocabulary does not name is known to be an ICI ("ICI, unspecified"): a generic
/// name ending in one of <paramref name="Stems"/> (the INN stem "-limab" of immunomodulating
/// antibodies) in a trial of a neoplasm (a condition with one of <paramref name="NeoplasmWords"/>),
/// or the registry's intervention MeSH terms or ancestors holding one of <paramref name="MeshTerms"/>.
/// <paramref name="NotIci"/>: generic names with the stem that are not checkpoint inhibitors
/// (CD40 and OX40 agonists, anti-CD47, antibodies of skin and complement diseases).
/// </summary>
public sealed record UnknownIciEntry(IReadOnlyList<string> Stems, IReadOnlyList<string> MeshTerms, IReadOnlyList<string> NeoplasmWords, IReadOnlyList<string>? NotIci = null);

/// <summary>
/// A setting of a trial's patients and its wordings. <paramref name="Place"/> says where the
/// disease cell puts it: "before" the disease ("Unresectable HCC"), else after it as
/// <paramref name="Cell"/> ("HCC with vascular invasion"). <paramref name="OnlyWithout"/>: settings
/// that make it redundant ("advanced" beside "metastatic"). <paramref name="NeedsSystemicTherapy"/>:
/// counts only with a systemic therapy named just after it ("progression after sorafenib").
/// <paramref name="NameTerms"/> count only where a trial names its disease (conditions, keywords,
/// titles): "brain metastases" there is the population, in the criteria often a subgroup.
/// <paramref name="PhaseOfTreatment"/> (adjuvant, neoadjuvant): a criterion about the patient's
/// earlier treatment ("prior adjuvant chemotherapy is allowed", "therapies given in the adjuvant
/// setting") does not give it.
/// </summary>
public sealed record DiseaseSettingEntry(
    string Name,
    string Place,
    IReadOnlyList<string> Terms,
    string? Cell = null,
    IReadOnlyList<string>? OnlyWithout = null,
    bool NeedsSystemicTherapy = false,
    IReadOnlyList<string>? NameTerms = null,
    bool PhaseOfTreatment = false)
{
    public const string Before = "before";
}

/// <summary>Words that name a class of ICI without a drug ("PD-1 inhibitor"), and the target they imply.</summary>
public sealed record ClassTermEntry(string Target, IReadOnlyList<string> Terms);

/// <summary>A named concept (an RT modality, a locoregional therapy) and the ways registries write it.</summary>
/// <param name="Family">For an RT modality, how it is delivered ("external beam", "proton"): a
/// particle beam is the external beam of its intervention ("intensity-modulated proton therapy" is
/// proton therapy, not photon RT too).</param>
/// <param name="Courses">For "RT, unspecified": terms that name an RT course of its own, of no
/// kind, kept beside the other kinds the intervention gives ("SBRT and low-dose RT").</param>
/// <param name="DeliversDrugs">A locoregional procedure that delivers drugs (TACE, HAIC): its description names the chemotherapy it gives.</param>
public sealed record NamedTerms(string Name, IReadOnlyList<string> Terms, string? Family = null, IReadOnlyList<string>? Courses = null, bool DeliversDrugs = false);

/// <summary>A stem of generic drug names ("tinib") and the partner class it gives ("TKI").</summary>
public sealed record ClassStem(string Stem, string Class)
{
    /// <summary>Longer stems of other classes that end in this one ("-metinib", MEK inhibitors, ends in "-tinib" but is no TKI).</summary>
    public IReadOnlyList<string> Except { get; init; } = [];
}

/// <summary>An endpoint class and its wordings; earlier entries win when a measure names several.</summary>
public sealed record EndpointEntry([property: JsonPropertyName("class")] string Class, IReadOnlyList<string> Terms);


