using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// Names the agent, class, target, RT modality and partner class of each intervention, reading
/// first its name and other names, then its description, then the descriptions of its arms,
/// and recording which field and words each value came from.
/// </summary>
internal sealed class InterventionNormaliser(VocabularyMatchers vocabulary)
{
    private static readonly HashSet<string> DrugTypes = new(["DRUG", "BIOLOGICAL", "COMBINATION_PRODUCT", "GENETIC"], StringComparer.OrdinalIgnoreCase);

    public InterventionTerms Normalise(StudyRecord record, ArmMembership membership, Intervention intervention, List<TermSource> sources)
    {
        if (IsPlacebo(intervention.Name))
        {
            return new InterventionTerms(intervention.Ordinal, [], [], [], null, [], []);
        }

        var own = OwnTexts(intervention).ToList();
        var description = (Field: $"interventions[{intervention.Ordinal}].description", Text: TermText.Of(intervention.Description));
        var arms = membership.ArmsOf(intervention).Select(a => (Field: $"armGroups[{a.Ordinal}].description", Text: TermText.Of(a.Description))).ToList();
        var isDrug = intervention.Type is null || DrugTypes.Contains(intervention.Type);
        var isRadiation = string.Equals(intervention.Type, "RADIATION", StringComparison.OrdinalIgnoreCase);

        // Agents: from the intervention's own words; a drug's description only when they name none
        // (descriptions of one drug often mention others it is given with).
        var agents = Find(vocabulary.Agents, own);
        if (agents.Count == 0 && isDrug)
        {
            agents = Find(vocabulary.Agents, [description]);
        }

        agents = agents.DistinctBy(a => a.Match.Value.Name).ToList();
        var classTerm = agents.Count == 0 ? Find(vocabulary.IciClasses, isDrug ? [.. own, description] : own).FirstOrDefault() : default;
        if (classTerm.Match is not null && MeshAgent(record, classTerm.Match.Value) is { } fromMesh)
        {
            // "PD-1 inhibitor" in the intervention, one PD-1 drug in the registry's MeSH terms for the study.
            agents = [fromMesh];
            classTerm = default;
        }
        if (agents.Count == 0 && classTerm.Match is null && isDrug && UnknownIci(record, intervention, own) is { } unknownIci)
        {
            classTerm = unknownIci;
        }

        var modality = Modality(own, description, arms, isRadiation);
        var locoregional = Find(vocabulary.Locoregional, own).FirstOrDefault();
        var partnerTerm = agents.Count == 0 && classTerm.Match is null ? Find(vocabulary.PartnerClasses, own).FirstOrDefault() : default;

        var ici = agents.Where(a => a.Match.Value.Class == Terms.Ici).ToList();
        var partners = agents.Where(a => a.Match.Value.Class != Terms.Ici).ToList();
        List<string> agentNames = [.. agents.Select(a => a.Match.Value.Name)];
        List<string> agentClasses = agents.Count > 0 ? [.. agents.Select(a => a.Match.Value.Class).Distinct()]
            : classTerm.Match is not null ? [Terms.Ici]
            : partnerTerm.Match is { } partnerClass ? [partnerClass.Value]
            : [];
        List<string> targets = ici.Count > 0 ? [.. ici.SelectMany(a => a.Match.Value.Targets).Distinct()]
            : classTerm.Match is { } classTarget ? [classTarget.Value]
            : [];
        List<string> partnerClasses = partners.Count > 0 ? [.. partners.Select(a => a.Match.Value.Class).Distinct()]
            : partnerTerm.Match is { } partnerOnly ? [partnerOnly.Value]
            : locoregional.Match is not null ? [Terms.Locoregional]
            : [];

        var entity = intervention.Ordinal;
        foreach (var (field, match) in agents)
        {
            sources.Add(new TermSource("intervention", entity, NormalisedField.Agent, match.Value.Name, field, match.Matched));
        }

        if (classTerm.Match is { } cls)
        {
            sources.Add(new TermSource("intervention", entity, NormalisedField.Target, cls.Value, classTerm.Field!, cls.Matched));
        }

        if (partnerTerm.Match is { } partner)
        {
            sources.Add(new TermSource("intervention", entity, NormalisedField.PartnerClass, partner.Value, partnerTerm.Field, partner.Matched));
        }

        if (modality.Match is { } rt)
        {
            sources.Add(new TermSource("intervention", entity, NormalisedField.RtModality, rt.Value, modality.Field, rt.Matched));
        }

        if (locoregional.Match is { } loco)
        {
            sources.Add(new TermSource("intervention", entity, NormalisedField.PartnerClass, Terms.Locoregional, locoregional.Field, loco.Matched));
        }

        List<string> properties = ici.Any(a => a.Match.Value.Bispecific) ? [Terms.Bispecific] : [];
        return new InterventionTerms(intervention.Ordinal, agentNames, agentClasses, targets, modality.Match?.Value, partnerClasses, properties);
    }

    /// <summary>
    /// A placebo or sham stands in for what it is not: "Placebo", "Oral Placebo", "Placebo to
    /// Pembrolizumab" or a "Placebo" described as "matched to atezolizumab" gives no agent and no
    /// RT, whatever its description names. A name that joins a placebo with something else
    /// ("Durvalumab or placebo", "Placebo + TACE") is read as usual.
    /// </summary>
    private static bool IsPlacebo(string? name)
    {
        var words = TermText.Of(name).Words.Select(w => w.Word).ToList();
        return words.Any(PlaceboWords.Contains) && !words.Any(JoiningWords.Contains) && !(name ?? string.Empty).AsSpan().ContainsAny("+/&,");
    }

    private static readonly HashSet<string> PlaceboWords = new(["placebo", "placebos", "sham", "dummy"], StringComparer.Ordinal);

    private static readonly HashSet<string> JoiningWords = new(["and", "or", "plus", "with", "versus", "vs"], StringComparer.Ordinal);

    /// <summary>
    /// The ICI the registry's intervention MeSH terms name for the study, when there is exactly
    /// one with the target the intervention's class words imply.
    /// </summary>
    private (string Field, TermMatch<AgentEntry> Match)? MeshAgent(StudyRecord record, string target)
    {
        var candidates = record.MeshTerms
            .Where(t => t.BrowseModule == "intervention" && t.Relation == "mesh")
            .SelectMany(t => vocabulary.Agents.Matches(TermText.Of(t.Term)).Select(m => (Field: $"derivedSection.interventionBrowseModule.meshes[{t.Ordinal}]", Match: m)))
            .Where(c => c.Match.Value.Class == Terms.Ici && (target == Terms.UnspecifiedIci || c.Match.Value.Targets.Contains(target)))
            .DistinctBy(c => c.Match.Value.Name)
            .ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>
    /// An ICI the vocabulary does not name ("ICI, unspecified"): a generic name of the
    /// immunomodulating antibodies' stem (a new "-limab") in a trial of a neoplasm, or the one
    /// drug of a trial whose registry MeSH indexing holds "Immune Checkpoint Inhibitors" when no
    /// intervention names a known ICI and MeSH lists that drug by its name.
    /// </summary>
    private (string Field, TermMatch<string> Match)? UnknownIci(StudyRecord record, Intervention intervention, List<(string Field, TermText Text)> own)
    {
        var unknown = vocabulary.Vocabulary.UnknownIci;
        foreach (var (field, text) in own)
        {
            for (var i = 0; i < text.Words.Count; i++)
            {
                var (word, start, end) = text.Words[i];
                if (unknown.Stems.Any(stem => word.Length >= stem.Length + 3 && word.EndsWith(stem, StringComparison.Ordinal))
                    && !(unknown.NotIci ?? []).Contains(word, StringComparer.OrdinalIgnoreCase) && vocabulary.IsNeoplasmTrial(record))
                {
                    return (field, new TermMatch<string>(Terms.UnspecifiedIci, text.Original[start..end], i));
                }
            }
        }

        var indexed = record.MeshTerms.FirstOrDefault(t => t.BrowseModule == "intervention" && unknown.MeshTerms.Contains(t.Term, StringComparer.OrdinalIgnoreCase));
        if (indexed is null || record.Interventions.Any(NamesIci))
        {
            return null;
        }

        var meshNames = record.MeshTerms.Where(t => t.BrowseModule == "intervention" && t.Relation == "mesh").Select(t => TermText.Key(t.Term)).ToHashSet(StringComparer.Ordinal);
        var listed = record.Interventions
            .Where(i => i.Type is null || DrugTypes.Contains(i.Type))
            .Where(i => i.OtherNames.Prepend(i.Name).Any(name => meshNames.Contains(TermText.Key(name ?? string.Empty))))
            .ToList();
        return listed is [var only] && only.Ordinal == intervention.Ordinal
            ? ($"derivedSection.interventionBrowseModule.{(indexed.Relation == "mesh" ? "meshes" : "ancestors")}[{indexed.Ordinal}]", new TermMatch<string>(Terms.UnspecifiedIci, indexed.Term, 0))
            : null;
    }

    private bool NamesIci(Intervention intervention) =>
        OwnTexts(intervention).Any(t => vocabulary.Agents.Matches(t.Text).Any(m => m.Value.Class == Terms.Ici) || vocabulary.IciClasses.Matches(t.Text).Count > 0);

    private (string Field, TermMatch<string>? Match) Modality(
        List<(string Field, TermText Text)> own, (string Field, TermText Text) description, List<(string Field, TermText Text)> arms, bool isRadiation)
    {
        var named = Find(vocabulary.RtModalities, own);
        if (named.Count == 0 && !isRadiation)
        {
            return default;
        }

        // A radiation intervention is read further for the kind of RT when its name says only "radiotherapy".
        var candidates = named;
        if (isRadiation && named.All(m => m.Match.Value == Terms.UnspecifiedRt))
        {
            candidates = [.. named, .. Find(vocabulary.RtModalities, [description]), .. Find(vocabulary.RtModalities, arms)];
        }

        var best = vocabulary.MostSpecificModality(candidates.Select(c => c.Match));
        return best is null ? default : candidates.First(c => ReferenceEquals(c.Match, best));
    }

    private static IEnumerable<(string Field, TermText Text)> OwnTexts(Intervention intervention)
    {
        yield return ($"interventions[{intervention.Ordinal}].name", TermText.Of(intervention.Name));
        for (var i = 0; i < intervention.OtherNames.Count; i++)
        {
            yield return ($"interventions[{intervention.Ordinal}].otherNames[{i}]", TermText.Of(intervention.OtherNames[i]));
        }
    }

    private static List<(string Field, TermMatch<T> Match)> Find<T>(TermMatcher<T> matcher, IEnumerable<(string Field, TermText Text)> texts) =>
        texts.SelectMany(t => matcher.Matches(t.Text).Select(m => (t.Field, m))).ToList();
}
