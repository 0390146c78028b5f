using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// The Table 1 cells a review writes by hand: the institution as "Country (institution)" and the
/// interventions as arms joined with <see cref="Terms.ArmSeparator"/>, each arm's agents and RT
/// joined with <see cref="Terms.ListSeparator"/>.
/// </summary>
internal sealed class Table1Summary(VocabularyMatchers vocabulary)
{
    /// <summary>
    /// The institution as "Country (institution)": the lead sponsor when it is an organisation (not
    /// a person: see <see cref="IsPerson"/> and <see cref="IsResponsibleInvestigator"/>),
    /// else the organisation that registered the trial, else the responsible investigator's
    /// affiliation, else the first site's facility; a sponsor
    /// that is a person (class INDIV, a name with a title or degree, or a short name with no
    /// organisation word) is said to be one, never shown as an institution.
    /// </summary>
    public (string? Institution, string? Country) Institution(StudyRecord record, List<TermSource> sources)
    {
        var country = MainCountry(record);
        var sponsor = record.LeadSponsor?.Trim();
        string? institution;
        if (sponsor is { Length: > 0 } && !SponsorIsPerson(record, sponsor) && !IsResponsibleInvestigator(record, sponsor))
        {
            institution = sponsor;
            sources.Add(new TermSource("study", 0, NormalisedField.Institution, sponsor, "sponsorCollaboratorsModule.leadSponsor.name", sponsor));
        }
        else if (record.Organization?.Trim() is { Length: > 0 } organization && !IsPerson(organization, null) && organization != sponsor)
        {
            // The sponsor is a person (or not named): the registering organisation is where the trial is run from.
            institution = sponsor is { Length: > 0 } ? $"{organization}; the sponsor, {sponsor}, is a person" : organization;
            sources.Add(new TermSource("study", 0, NormalisedField.Institution, organization, "identificationModule.organization.fullName", organization));
        }
        else if (record.ResponsibleAffiliation?.Trim() is { Length: > 0 } affiliation && !IsPerson(affiliation, null))
        {
            // The sponsor is a person: the institution is the responsible investigator's affiliation.
            institution = sponsor is { Length: > 0 } ? $"{affiliation}; the sponsor, {sponsor}, is a person" : affiliation;
            sources.Add(new TermSource("study", 0, NormalisedField.Institution, affiliation, "sponsorCollaboratorsModule.responsibleParty.investigatorAffiliation", affiliation));
        }
        else if (record.Locations.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l.Facility)) is { } site)
        {
            institution = sponsor is { Length: > 0 } ? $"{site.Facility}; the sponsor, {sponsor}, is a person" : site.Facility;
            sources.Add(new TermSource("study", 0, NormalisedField.Institution, site.Facility!, $"contactsLocationsModule.locations[{site.Ordinal}].facility", site.Facility!));
        }
        else
        {
            institution = sponsor is { Length: > 0 } ? $"the sponsor, {sponsor}, is a person; the record names no institution" : null;
        }

        return (institution is null ? country : country is null ? institution : $"{country} ({institution})", country);
    }

    /// <summary>
    /// Whether the sponsor is the responsible investigator by name, titles and degrees aside
    /// ("池畔" and "池畔, MD", principal investigator at Fujian Medical University Union
    /// Hospital): a person, whatever the name looks like; not a sponsor of an organisation's
    /// class or with an organisation's words that was typed into the investigator's field too.
    /// </summary>
    private bool IsResponsibleInvestigator(StudyRecord record, string sponsor)
    {
        if (record.ResponsibleInvestigator?.Trim() is not { Length: > 0 } investigator
            || record.LeadSponsorClass is not (null or "" or "OTHER" or "UNKNOWN" or "INDIV"))
        {
            return false;
        }

        var name = TermText.Of(sponsor);
        return vocabulary.OrganisationWords.Matches(name).Count == 0 && NameWords(name).SequenceEqual(NameWords(TermText.Of(investigator)));
    }

    /// <summary>A person's name as words, less the titles and degrees around it ("Dr.", "MD", "PhD").</summary>
    private List<string> NameWords(TermText name)
    {
        var titles = vocabulary.PersonWords.Matches(name).SelectMany(m => Enumerable.Range(m.Position, m.Words)).ToHashSet();
        return [.. name.Words.Where((_, i) => !titles.Contains(i)).Select(w => w.Word)];
    }

    /// <summary>
    /// The organisation words of six letters or more, which name an organisation at the end of a
    /// compound word too ("Rigshospitalet", the Danish national hospital; "Kantonsspital";
    /// "Immunotherapeutics").
    /// </summary>
    private readonly string[] _compoundOrganisationWords = [.. vocabulary.Vocabulary.OrganisationWords.Where(w => w.Length >= 6)];

    /// <summary>
    /// Whether <paramref name="word"/> opens with <paramref name="organisation"/> joined to what
    /// follows by the linking "s" German puts after "-tät", "-ung" and "-schaft"
    /// ("Universitätsmedizin", "Universitätsspital", "Stiftungsklinikum"); other organisation
    /// words take none, so a name that opens with their letters is left alone ("Hospitalsky").
    /// </summary>
    private static bool StartsCompound(string word, string organisation) =>
        LinkingSEndings.Any(ending => organisation.EndsWith(ending, StringComparison.Ordinal))
        && word.Length > organisation.Length + 1 && word.StartsWith(organisation + "s", StringComparison.Ordinal);

    /// <summary>German endings after which a compound takes a linking "s" ("Universität" folded to "universitat" or "universitaet").</summary>
    private static readonly string[] LinkingSEndings = ["tat", "taet", "ung", "schaft"];

    /// <summary>
    /// Whether <paramref name="word"/> ends with <paramref name="organisation"/>, or with it and a
    /// Scandinavian definite article ("hospital-et", "sykehus-et"); not an English word made from
    /// it ("researcher", "institutional").
    /// </summary>
    private static bool EndsCompound(string word, string organisation) =>
        word.EndsWith(organisation, StringComparison.Ordinal)
        || word.EndsWith(organisation + "et", StringComparison.Ordinal) || word.EndsWith(organisation + "en", StringComparison.Ordinal);

    /// <summary>
    /// Whether the lead sponsor is a person (<see cref="IsPerson"/>); not one the record names as
    /// the responsible party by the type "Sponsor" with no title or degree ("Hoffmann-La Roche",
    /// "Advanced Accelerator Applications"): a person who is responsible registers as
    /// sponsor-investigator. Not where the record names another organisation as the one that
    /// registered it ("Mohamed Abdelhafez" registered by Assiut University): that one is the
    /// institution, and the sponsor a person.
    /// </summary>
    private bool SponsorIsPerson(StudyRecord record, string sponsor) =>
        IsPerson(sponsor, record.LeadSponsorClass)
        && (!string.Equals(record.ResponsiblePartyType, "SPONSOR", StringComparison.OrdinalIgnoreCase)
            || (record.Organization?.Trim() is { Length: > 0 } organization && !string.Equals(organization, sponsor, StringComparison.OrdinalIgnoreCase))
            || string.Equals(record.LeadSponsorClass, "INDIV", StringComparison.OrdinalIgnoreCase)
            || vocabulary.PersonWords.Matches(TermText.Of(sponsor)).Count > 0);

    /// <summary>A sponsor of class INDIV, or a name without organisation words (alone or inside a compound) that has a title or degree or is two to four words long.</summary>
    private bool IsPerson(string sponsor, string? sponsorClass)
    {
        if (string.Equals(sponsorClass, "INDIV", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var words = TermText.Of(sponsor);
        if (sponsorClass is not (null or "" or "OTHER" or "UNKNOWN") || vocabulary.OrganisationWords.Matches(words).Count > 0
            || words.Words.Any(w => _compoundOrganisationWords.Any(o => w.Word.Length > o.Length && (EndsCompound(w.Word, o) || StartsCompound(w.Word, o)))))
        {
            return false;
        }

        // "Shoichi Maruyama MD PhD": a title or degree makes it a person whatever its length.
        return vocabulary.PersonWords.Matches(words).Count > 0
            || (words.Words.Count is >= 2 and <= 4 && words.Words.All(w => char.IsLetter(w.Word[0])));
    }

    /// <summary>The country most sites are in (the first site's on a tie), in everyday form ("South Korea").</summary>
    public string? MainCountry(StudyRecord record)
    {
        var country = record.Locations
            .Where(l => l.Country is not null)
            .GroupBy(l => l.Country!)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Min(l => l.Ordinal))
            .Select(g => g.Key)
            .FirstOrDefault();
        return country is not null && vocabulary.Vocabulary.CountryNames.TryGetValue(country, out var common) ? common : country;
    }

    /// <summary>
    /// The arms as "A + B vs C". What only the trial's free text names (the study-level agent,
    /// target and RT <paramref name="sources"/> that <see cref="FreeTextEvidence"/> adds) joins the
    /// arm whose label or description names it; a title's joins the one arm of a single-arm trial
    /// (or the whole cell when there are no arms), not every arm of a comparison ("Pembrolizumab
    /// With or Without SBRT").
    /// </summary>
    public string? Interventions(
        StudyRecord record, ArmMembership membership, IReadOnlyList<InterventionTerms> terms, IReadOnlyList<TermSource>? sources = null)
    {
        var fromText = (sources ?? [])
            .Where(source => source.Entity == "study" && source.Field is NormalisedField.Agent or NormalisedField.Target or NormalisedField.RtModality)
            .ToList();
        List<(int? Arm, List<Intervention> Interventions)> arms = record.ArmGroups.Count == 0
            ? [(null, record.Interventions.ToList())]
            : [.. record.ArmGroups.Select(arm => ((int?)arm.Ordinal, record.Interventions.Where(i => membership.ArmsOf(i).Contains(arm)).ToList()))];
        var described = arms
            .Select(arm => string.Join(Terms.ListSeparator, arm.Interventions.Select(i => Describe(i, terms[i.Ordinal])).OfType<string>()
                .Concat(FromFreeText(fromText.Where(source => Joins(source, arm.Arm, arms.Count)))).Distinct()))
            .Where(arm => arm.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return described.Count == 0 ? null : string.Join(Terms.ArmSeparator, described);
    }

    /// <summary>Whether a value read from free text joins <paramref name="arm"/>: its own arm's, or a title's in a trial of one arm.</summary>
    private static bool Joins(TermSource source, int? arm, int arms) =>
        source.SourceField.StartsWith("armGroups[", StringComparison.Ordinal)
            ? arm is { } ordinal && source.SourceField.StartsWith($"armGroups[{ordinal}].", StringComparison.Ordinal)
            : arms == 1;

    /// <summary>The ICIs (by agent, else by class) and the RT that free text names, in that order.</summary>
    private static IEnumerable<string> FromFreeText(IEnumerable<TermSource> sources)
    {
        var list = sources.ToList();
        var agents = list.Where(s => s.Field == NormalisedField.Agent).Select(s => s.Value).Distinct().ToList();
        var targets = list.Where(s => s.Field == NormalisedField.Target).Select(s => s.Value).Distinct().ToList();
        if (agents.Count > 0)
        {
            yield return Agents(agents);
        }
        else if (targets.Count > 0)
        {
            yield return Targets(targets);
        }

        foreach (var modality in list.Where(s => s.Field == NormalisedField.RtModality).Select(s => s.Value).Distinct())
        {
            yield return Modality(modality);
        }
    }

    private static string Agents(IReadOnlyList<string> agents) => string.Join(Terms.ListSeparator, agents.Select(a => char.ToUpperInvariant(a[0]) + a[1..]));

    private static string Modality(string modality) => modality == Terms.UnspecifiedRt ? "RT" : modality;

    private static string Targets(IReadOnlyList<string> targets)
    {
        var joined = string.Join(Terms.ListSeparator, targets);
        return joined == Terms.UnspecifiedIci ? "ICI" : $"anti-{joined}";
    }

    /// <summary>
    /// How an intervention appears in an arm: agents by name, RT by modality, a class when no agent
    /// is named ("anti-PD-1"), after the registry's name of a drug the vocabulary does not know
    /// ("XYZ-101 (anti-PD-1)").
    /// </summary>
    private string? Describe(Intervention intervention, InterventionTerms terms)
    {
        if (terms.Agents.Count > 0 || terms.ClassOnlyAgents.Count > 0)
        {
            return Agents([.. terms.Agents, .. terms.ClassOnlyAgents]);
        }

        if (terms.RtModality is not null)
        {
            return string.Join(Terms.ListSeparator, terms.RtModalities.Select(Modality));
        }

        if (terms.Targets.Count > 0)
        {
            var iciClass = Targets(terms.Targets);
            return intervention.Name is { Length: > 0 } drug && vocabulary.IciClassMatches(TermText.Of(drug)).Count == 0 ? $"{drug} ({iciClass})" : iciClass;
        }

        if (terms.PartnerClasses.Contains(Terms.Locoregional))
        {
            return intervention.Name;
        }

        // Placebo, procedures, assessments: not part of what the arm gives.
        return intervention.Type is "DRUG" or "BIOLOGICAL" or "COMBINATION_PRODUCT" && intervention.Name is { } name && !name.Contains("placebo", StringComparison.OrdinalIgnoreCase)
            ? name
            : null;
    }
}
