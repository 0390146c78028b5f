using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// Names the agent, class, target, RT modality and partner class of each intervention, reading
/// first its name and other names, then its description, then the descriptions of its arms,
/// and recording which field and words each value came from.
/// </summary>
internal sealed partial class InterventionNormaliser(VocabularyMatchers vocabulary)
{
    private static readonly HashSet<string> DrugTypes = new(["DRUG", "BIOLOGICAL", "COMBINATION_PRODUCT", "GENETIC"], StringComparer.OrdinalIgnoreCase);

    public InterventionTerms Normalise(StudyRecord record, ArmMembership membership, Intervention intervention, List<TermSource> sources)
    {
        var description = (Field: $"interventions[{intervention.Ordinal}].description", Text: TermText.Of(intervention.Description));
        if (IsPlacebo(intervention.Name) || ShamTwin(record, intervention))
        {
            // A placebo gives no agent of its own; the drugs its description joins to it are
            // given with it ("Placebo Plus Pemetrexed and Carboplatin").
            return PlaceboPartners(intervention, description, new(() => NamedForElsewhere(record, membership, intervention)), sources);
        }

        var own = OwnTexts(intervention).ToList();
        var armNames = new Lazy<(HashSet<string> Agents, HashSet<string> Classes)>(() => NamedForElsewhere(record, membership, intervention));
        var arms = membership.ArmsOf(intervention).Select(a => (Field: $"armGroups[{a.Ordinal}].description", Text: TermText.Of(a.Description))).ToList();
        var isDrug = intervention.Type is null || DrugTypes.Contains(intervention.Type);
        // An intervention of no type whose name is a schedule in gray and nothing else ("5 daily
        // fractions of 2 Gy") is radiation as surely as one typed so: gray is a unit of absorbed
        // radiation only. Not a name that says what is given at a dose ("Amifostine 500 mg before
        // each 2 Gy fraction", "Blood sampling after a cumulative dose of 20 Gy").
        // So is one of no type whose name is radiation and nothing else beside it ("Orbital
        // Radiation", "Whole Brain Radiotherapy"; a registry that records no types, or a record
        // that left it out): not one that names a drug, another treatment or imaging with it.
        var isRadiation = IsRadiation(intervention)
            || (string.IsNullOrWhiteSpace(intervention.Type) && TermText.Of(intervention.Name) is var untyped
                && ((NamesDose(untyped)
                        && untyped.Words.Any(w => w.Word is "fraction" or "fractions" or "fx")
                        && untyped.Words.All(w => w.Word.All(char.IsDigit) || ScheduleWords.Contains(w.Word)))
                    || NamesRadiationOnly(untyped)));

        // Agents: from the intervention's own words; a drug's description only when they name none
        // (descriptions of one drug often mention others it is given with), and of a class name
        // ("Chemotherapy", "PD-1 antibody") the agents of that class. An agent of another class
        // that the description gives is this intervention's only where every arm of it names the
        // agent and no other intervention names it or its class ("Chemotherapy": "Adebrelimab plus
        // etoposide and platinum", in arms "Adebrelimab + chemotherapy", with no adebrelimab
        // intervention). A name that says only what kind of treatment it is ("Immunotherapy",
        // "Experimental") is read through its description whatever type the registrant gave it; a
        // procedure that delivers drugs ("HAIC": "mFOLFOX7", "TACE with epirubicin") for the
        // chemotherapy it delivers. An agent the name gives "without" is not given
        // ("Chemoradiation, without Tislelizumab").
        // Not a procedure the name gives "without" ("Cytoreductive surgery without HIPEC").
        var locoregional = Find(vocabulary.Locoregional, own).FirstOrDefault(l => !Without(own.First(t => t.Field == l.Field).Text, l.Match.Position));
        var neverDrug = NeverDrugTypes.Contains(intervention.Type ?? string.Empty);
        var deliversDrugs = locoregional.Match is { } procedure && vocabulary.DeliversDrugs(procedure.Value) && !isRadiation && !neverDrug
            && !FreeTextEvidence.SupportsCare(record);
        var readsDescription = isDrug || deliversDrugs || (!neverDrug && NamesOnlyKind(own[0].Text));
        var agents = OwnAgents(own);
        // A nutrition product's code is no chemotherapy regimen ("Enteral nutritional emulsion
        // (TPF-T)", "Enteral nutritional suspension (TPF)"): a supplement's, or one in brackets
        // after words of nutrition; not a regimen beside them ("Enteral nutrition plus TPF").
        var supplement = string.Equals(intervention.Type, "DIETARY_SUPPLEMENT", StringComparison.OrdinalIgnoreCase);
        agents = [.. agents.Where(a => !vocabulary.IsRegimenName(a.Match.Matched) || !(supplement || ProductCode(own.First(t => t.Field == a.Field).Text, a.Match)))];
        if (intervention.OtherNames.Count > 0 && agents.Any(a => a.Field == own[0].Field))
        {
            // "Nivolumab" with the other name "BMS-986213" (nivolumab and relatlimab in one
            // product) beside an intervention "Relatlimab": an agent only its other names give
            // is the intervention's named for it. An other name that is also a regimen's gives
            // none ("Pentostatin", other name "DCF").
            var byName = agents.Where(a => a.Field == own[0].Field).Select(a => a.Match.Value.Name).ToHashSet(StringComparer.Ordinal);
            agents = [.. agents.Where(a => !(a.Field.Contains(".otherNames[", StringComparison.Ordinal) && vocabulary.IsRegimenName(a.Match.Matched))
                && (byName.Contains(a.Match.Value.Name) || !armNames.Value.Agents.Contains(a.Match.Value.Name)))];
        }
        if (agents.Count == 0 && readsDescription && !IsOtherDrugName(own[0].Text))
        {
            var named = NamedClasses(own);
            var elsewhere = new Lazy<(HashSet<string> Agents, bool Ici)>(() => NamedByOtherInterventions(record, intervention));
            agents = [.. vocabulary.Agents.Matches(description.Text)
                .Where(m => GivenInText.IsGiven(description.Text, m.Position, m.Position + m.Words) && !PlaceboOf(description.Text, m)
                    && (deliversDrugs ? m.Value.Class == Terms.Chemotherapy && !GivenBeside(description.Text, m)
                        : named.Count == 0 || named.Contains(m.Value.Class)
                            || (!NamedElsewhere(elsewhere.Value, m.Value) && EveryArmNames(membership.ArmsOf(intervention), m.Value))))
                .Select(m => (description.Field, m))];
        }

        if (agents.Count == 0 && description.Text.Words.Count == 0 && !neverDrug && KindClasses(own[0].Text) is { Classes.Count: > 0 } kinds)
        {
            // A name that says only which kinds of drug it gives, with no description of its own
            // ("Neoadjuvant chemoimmunotherapy", in an arm that gives "Tislelizumab 200mg D1, Nab
            // Paclitaxel 260mg/m2 D1, Cisplatin"): the drugs of those kinds that its arms give. A
            // chemoradiotherapy's are only those no other intervention names (registrants list the
            // concurrent drugs as interventions of their own) and that its arms give in the clause
            // of the RT course ("TPF induction, followed by concurrent chemoradiotherapy with
            // cisplatin": cisplatin).
            var elsewhere = NamedByOtherInterventions(record, intervention);
            agents = [.. arms.SelectMany(a =>
            {
                var rt = kinds.OnlyChemoradiotherapy ? vocabulary.RtKindMatches(a.Text) : [];
                return vocabulary.Agents.Matches(a.Text)
                    .Where(m => kinds.Classes.Contains(m.Value.Class) && GivenInText.IsGiven(a.Text, m.Position, m.Position + m.Words)
                        && !(kinds.OnlyChemoradiotherapy && (NamedElsewhere(elsewhere, m.Value) || !InRtCourse(a.Text, rt, m.Position))))
                    .Select(m => (a.Field, m));
            })];
        }

        if (agents.Count == 0 && isRadiation)
        {
            agents = CourseChemotherapy(record, intervention, description);
        }

        if (agents.Count > 0 && isDrug)
        {
            agents = [.. agents, .. FormulaAgents(description, armNames, (_, match) => match is { } agent && agents.Any(a => a.Match.Value.Name == agent.Value.Name))];
        }

        agents = agents.DistinctBy(a => a.Match.Value.Name).ToList();
        // Class words name one checkpoint or several ("anti-CTLA-4 and anti-PD-1/PD-L1 antibodies"):
        // all those of the first text that names any. Beside named drugs that are no ICI, the
        // intervention's own class words still give one ("Cisplatin+paclitaxel and PD-1 monoclonal
        // antibody"). A description is read for them only where it would be for drugs: the
        // description of another drug ("Trastuzumab": "used along with ... anti-PD-1 antibody")
        // names what it is given with.
        var classTerms = agents.Count == 0
            ? ClassTerms([.. (readsDescription && !IsOtherDrugName(own[0].Text) ? [.. own, description] : own).Where(t => !NamesAbsentAgent(t.Text))])
            : agents.All(a => a.Match.Value.Class != Terms.Ici) ? ClassTerms([.. (agents.All(a => a.Field == description.Field) && NamedClasses(own).Count == 0 && !NamesControl(own[0].Text) ? [.. own, description] : own)
                .Where(t => !NamesAbsentAgent(t.Text))])
            : [];
        if (classTerms.Count == 0 && isDrug && agents.All(a => a.Match.Value.Class != Terms.Ici) && BareCheckpoint(own[0]) is { } bare)
        {
            // A drug named only by the checkpoint its antibody blocks ("Drug: PD-1"), as Chinese
            // registrants write it: a drug is no marker. Like a class word, it is the one ICI of
            // that target the arms or title give.
            classTerms = [bare];
        }

        // Class words of several checkpoints ("Anti-PD-1/ CTLA-4 tetrameric bispecific antibody")
        // resolve only to one agent that blocks them all, a bispecific the record names
        // ("Cadonilimab Plus SOX" in its title); two antibodies stay their classes.
        var classTargets = classTerms.Select(c => c.Match.Value).Distinct().ToList();
        var resolvable = classTargets is [_] || (classTargets.Count > 1 && !classTargets.Contains(Terms.UnspecifiedIci));
        if (resolvable
            && (MeshAgent(record, classTargets[0]) is { } mesh ? [mesh]
                : ArmAgents(record, intervention, arms, classTargets[0]) is { Count: > 0 } armAgents ? armAgents
                : SummaryAgents(record, intervention, classTargets[0]) is { Count: > 0 } summarised ? summarised
                : []) is { Count: > 0 } resolved
            && (classTargets.Count == 1 || (resolved is [var blocksAll] && blocksAll.Match.Value.Targets.ToHashSet(StringComparer.Ordinal).SetEquals(classTargets))))
        {
            // "PD-1 inhibitor" in the intervention, one PD-1 drug in the registry's MeSH terms for
            // the study or given in the intervention's arms ("followed by camrelizumab"); for a
            // class of no stated target, the several its arms offer where no other intervention
            // names them ("Checkpoint Blockade, Immune": "therapy with avelumab, nivolumab,
            // pembrolizumab or relatlimab").
            agents = [.. agents, .. resolved];
            classTerms = [];
            if (resolved[0].Field.StartsWith("armGroups[", StringComparison.Ordinal) && agents.All(a => a.Match.Value.Class != Terms.Chemotherapy)
                && Find(vocabulary.PartnerClasses, own.Where(t => !NamesAbsentOrPlacebo(t.Text))).Any(p => p.Match.Value == Terms.Chemotherapy))
            {
                // Its "chemotherapy" too is what the arm that named the ICI gives ("PD-1 inhibitors
                // combined with chemotherapy": "gemcitabine, cisplatin, tislelizumab"), where no
                // other intervention names those drugs.
                var elsewhere = NamedByOtherInterventions(record, intervention);
                agents = [.. agents, .. arms.Where(a => a.Field == resolved[0].Field).SelectMany(a => vocabulary.Agents.Matches(a.Text)
                    .Where(m => m.Value.Class == Terms.Chemotherapy && GivenInText.IsGiven(a.Text, m.Position, m.Position + m.Words) && !NamedElsewhere(elsewhere, m.Value))
                    .Select(m => (a.Field, m)))];
                agents = agents.DistinctBy(a => a.Match.Value.Name).ToList();
            }
        }

        if (agents.Count == 0 && classTerms.Count == 0 && isDrug && UnknownIci(record, intervention, own) is { } unknownIci)
        {
            classTerms = [unknownIci];
        }

        if (agents.Count == 0 && classTerms.Count == 0 && !neverDrug && ImmunotherapyWord(own) is { } immunotherapy)
        {
            // "Immunotherapy alone" in a trial whose arms give "standard of care immune checkpoint
            // inhibitor(s)" and name no drug: the immunotherapy is that class. In a trial that
            // assigns treatment and names no checkpoint inhibitor at all (not even as earlier
            // treatment) and no other kind of immunotherapy (a vaccine, cells, a cytokine),
            // "Immunotherapy maintenance" is an ICI of unstated target, as the annotators of most
            // sets read it (16 of 19 such interventions); the word is its provenance. Not where an
            // arm lists immunotherapy as one kind of treatment among others a physician may choose
            // ("palliative radiotherapy, chemotherapy, immunotherapy, hormones, or observation"):
            // there it is a category, not a regimen. Nor "chemoimmunotherapy", which in lymphoma
            // is rituximab with chemotherapy.
            var trialClass = TrialIciClass(record);
            classTerms = trialClass is { Count: > 0 } ? trialClass
                : trialClass is [] && immunotherapy.Word is "immunotherapy" or "immunotherapies" && !FreeTextEvidence.IsObservational(record)
                    && !NamesOtherImmunotherapy(record) && !NamesIciClass(record) && !arms.Append(description).Any(t => ListsImmunotherapyAmongKinds(t.Text))
                    && !InterventionsAreKinds(record, membership, intervention)
                    ? [(immunotherapy.Field, new TermMatch<string>(Terms.UnspecifiedIci, immunotherapy.Word, immunotherapy.Position))]
                : [];
        }

        if (agents.Count == 0 && classTerms is [{ Match.Value: Terms.UnspecifiedIci }])
        {
            // "Immune checkpoint inhibitor" whose description says "anti-CTLA-4 and anti-PD-1
            // antibodies", or whose arm says "PD-1 inhibitors" (an arm describes all its
            // interventions, so only where it names one checkpoint).
            var described = ClassTerms([description]).Where(c => c.Match.Value != Terms.UnspecifiedIci).ToList();
            classTerms = described.Count > 0 ? described : SpecificClass([description, .. arms]) is { } specific ? [specific] : classTerms;
        }

        // "Local intervention therapy", "Local consolidative treatment": the description says
        // which (RT, surgery or ablation), as a radiation intervention's says which kind. So does
        // a name that names none of the drugs its description gives ("neoadjuvant therapy":
        // "TACE ..., tislelizumab 200 mg ..., lenvatinib"): the description is what it gives.
        var localTherapy = !isRadiation && NamesLocalTherapy(own[0].Text);
        var modality = Modality(record, intervention, own, description, arms, isRadiation, localTherapy);
        var describedOnly = agents.Count > 0 && agents.All(a => a.Field == description.Field);
        if (locoregional.Match is null && (localTherapy || describedOnly))
        {
            locoregional = Find(vocabulary.Locoregional, [description])
                .FirstOrDefault(l => GivenInText.IsGiven(description.Text, l.Match.Position, l.Match.Position + l.Match.Words));
        }

        var partnerTerm = agents.Count == 0 && classTerms.Count == 0
            ? Find(vocabulary.PartnerClasses, own).FirstOrDefault(p => !ChemoNotGiven(own.First(t => t.Field == p.Field).Text, p.Match, neverDrug))
            : default;
        if (agents.Count == 0 && classTerms.Count == 0 && partnerTerm.Match is null && isDrug && (StemClass(own) ?? AnalogueClass(own)) is { } stemmed)
        {
            partnerTerm = stemmed;
        }

        var ici = agents.Where(a => a.Match.Value.Class == Terms.Ici).ToList();
        var partners = agents.Where(a => a.Match.Value.Class != Terms.Ici).ToList();
        List<string> agentNames = [.. agents.Where(a => !a.Match.Value.ClassOnly).Select(a => a.Match.Value.Name)];
        List<string> agentClasses = agents.Count > 0 || classTerms.Count > 0 ? [.. agents.Select(a => a.Match.Value.Class).Concat(classTerms.Count > 0 ? [Terms.Ici] : []).Distinct()]
            : partnerTerm.Match is { } partnerClass ? [partnerClass.Value]
            : [];
        List<string> targets = ici.Count > 0 ? [.. ici.SelectMany(a => a.Match.Value.Targets).Distinct()]
            : [.. classTerms.Select(c => c.Match.Value)];
        List<string> partnerClasses = partners.Count > 0 ? [.. partners.Select(a => a.Match.Value.Class).Distinct()]
            : partnerTerm.Match is { } partnerOnly ? [partnerOnly.Value]
            : [];
        // A class word beside the agents ("Long-course chemoradiation, with Tislelizumab",
        // "Pembrolizumab plus chemotherapy") gives a partner of that class too.
        // In a name that also has a placebo ("placebo + avastin + platinum-based chemotherapy"),
        // the class word is given unless it is itself absent or the placebo's.
        var besidePartner = agents.Count > 0 || classTerms.Count > 0
            ? own.SelectMany(t => vocabulary.PartnerClasses.Matches(t.Text).Where(m => (!NamesAbsentOrPlacebo(t.Text) || !AbsentOrPlaceboOf(t.Text, m.Position)) && !ChemoNotGiven(t.Text, m, neverDrug)).Select(m => (t.Field, m)))
                .FirstOrDefault(p => !partnerClasses.Contains(p.m.Value))
            : default;
        if (besidePartner.m is { } beside)
        {
            partnerClasses.Add(beside.Value);
            // It is a class of what the intervention gives, as its drugs' classes are.
            if (!agentClasses.Contains(beside.Value))
            {
                agentClasses.Add(beside.Value);
            }
        }

        if (locoregional.Match is not null)
        {
            // The drugs a locoregional procedure delivers ("FOLFOX-HAIC", "TACE with epirubicin")
            // are the procedure; a drug beside it ("TACE plus lenvatinib") is a partner of its own.
            // Systemic chemotherapy named beside it ("Perioperative systemic chemotherapy plus
            // CRS-HIPEC") is a partner of its own too.
            var systemic = own.Any(t => vocabulary.PartnerClasses.Matches(t.Text).Any(m => m.Value == Terms.Chemotherapy
                && t.Text.WordsBefore(m.Position, 1).Any(w => w is "systemic" or "intravenous")));
            partnerClasses = [.. partnerClasses.Where(c => c != Terms.Chemotherapy || systemic), Terms.Locoregional];
        }

        // A drug the vocabulary does not hold, named beside one it does ("Axitinib plus Toripalimab"):
        // its stem still gives its class.
        var besideStem = (agents.Count > 0 || classTerms.Count > 0) && isDrug ? StemClass([.. own.Where(t => !NamesAbsentOrPlacebo(t.Text))]) : null;
        if (besideStem is { Match.Value: var stemClass } && !agentClasses.Contains(stemClass))
        {
            agentClasses.Add(stemClass);
            partnerClasses.Add(stemClass);
        }
        else
        {
            besideStem = null;
        }

        var entity = intervention.Ordinal;
        foreach (var (field, match) in agents)
        {
            sources.Add(AgentSource(entity, field, match));
        }

        foreach (var (field, match) in classTerms)
        {
            sources.Add(new TermSource("intervention", entity, NormalisedField.Target, match.Value, field, match.Matched));
        }

        if (besideStem is var (stemField, stemMatch))
        {
            sources.Add(new TermSource("intervention", entity, NormalisedField.PartnerClass, stemMatch.Value, stemField, stemMatch.Matched));
        }

        foreach (var (field, partner) in new[] { partnerTerm, besidePartner })
        {
            if (partner is not null && partnerClasses.Contains(partner.Value))
            {
                sources.Add(new TermSource("intervention", entity, NormalisedField.PartnerClass, partner.Value, field, partner.Matched));
            }
        }

        foreach (var (field, rt) in modality)
        {
            sources.Add(new TermSource("intervention", entity, NormalisedField.RtModality, rt.Value, field, rt.Matched));
        }

        if (locoregional.Match is { } loco)
        {
            sources.Add(new TermSource("intervention", entity, NormalisedField.PartnerClass, Terms.Locoregional, locoregional.Field, loco.Matched));
        }

        List<string> properties = ici.Any(a => a.Match.Value.Bispecific) ? [Terms.Bispecific] : [];
        return new InterventionTerms(intervention.Ordinal, agentNames, agentClasses, targets, modality.FirstOrDefault().Match?.Value, partnerClasses, properties)
        {
            AlsoRtModalities = [.. modality.Skip(1).Select(m => m.Match.Value)],
            ClassOnlyAgents = [.. agents.Where(a => a.Match.Value.ClassOnly).Select(a => a.Match.Value.Name)],
        };
    }

    /// <summary>The provenance of a drug an intervention gives: its agent, or for a drug known only for its class, that class.</summary>
    private static TermSource AgentSource(int entity, string field, TermMatch<AgentEntry> match) =>
        match.Value.ClassOnly
            ? new TermSource("intervention", entity, NormalisedField.PartnerClass, match.Value.Class, field, match.Matched)
            : new TermSource("intervention", entity, NormalisedField.Agent, match.Value.Name, field, match.Matched);

    /// <summary>
    /// A placebo's terms: no agent of its own, but the drugs its description joins to it
    /// (<see cref="FormulaAgents"/>: "3mg/kg IV(placebo+cis-platinum+5FU)"), as partners.
    /// </summary>
    private InterventionTerms PlaceboPartners(
        Intervention intervention, (string Field, TermText Text) description, Lazy<(HashSet<string> Agents, HashSet<string> Classes)> elsewhere, List<TermSource> sources)
    {
        var partners = FormulaAgents(description, elsewhere, (word, _) => PlaceboWords.Contains(word))
            .DistinctBy(p => p.Match.Value.Name).ToList();
        foreach (var (field, match) in partners)
        {
            sources.Add(AgentSource(intervention.Ordinal, field, match));
        }

        List<string> classes = [.. partners.Select(p => p.Match.Value.Class).Distinct()];
        List<string> targets = [.. partners.SelectMany(p => p.Match.Value.Targets).Distinct()];
        List<string> properties = partners.Any(p => p.Match.Value.Bispecific) ? [Terms.Bispecific] : [];
        return new InterventionTerms(intervention.Ordinal, [.. partners.Where(p => !p.Match.Value.ClassOnly).Select(p => p.Match.Value.Name)], classes, targets, null, [.. classes.Where(c => c != Terms.Ici)], properties);
    }

    /// <summary>
    /// The drugs a description writes as the intervention's formula, joined by "+" or "plus" to
    /// what the intervention is (<paramref name="isHead"/> of a word and the agent starting at it:
    /// its own agent, or the placebo it is) near the description's start, "and" and commas
    /// continuing the list, words in brackets skipped ("AK104 (administered on Day 1 of each cycle,
    /// Q3W)+Oxaliplatin (130 mg/m2 ...)+ Capecitabine", "Subjects will receive Placebo Plus
    /// Pemetrexed and Carboplatin", "Placebo (matching tislelizumab) + cisplatin"): the arm's
    /// drugs written on one of its interventions. Not a drug that names a placebo ("lenvatinib-
    /// matched placebo", "ipilimumab placebo"), nor one an intervention of the same arm is named
    /// for, by the drug or by its class ("Cisplatin", "Chemotherapy", "PD-1 inhibitor"):
    /// that one's (<paramref name="elsewhere"/>, <see cref="NamedForElsewhere"/>).
    /// </summary>
    private List<(string Field, TermMatch<AgentEntry> Match)> FormulaAgents(
        (string Field, TermText Text) description, Lazy<(HashSet<string> Agents, HashSet<string> Classes)> elsewhere, Func<string, TermMatch<AgentEntry>?, bool> isHead)
    {
        var text = description.Text;
        if (!text.Original.Contains('+', StringComparison.Ordinal) && !text.Words.Any(w => w.Word == "plus"))
        {
            // No formula without a "+" or "plus"; most descriptions have neither, and are not matched again.
            return [];
        }

        var matches = vocabulary.Agents.Matches(text).OrderBy(m => m.Position).ToList();
        var start = Enumerable.Range(0, Math.Min(text.Words.Count, FormulaHeadWithin))
            .FirstOrDefault(i => isHead(text.Words[i].Word, matches.FirstOrDefault(m => m.Position == i)), -1);
        if (start < 0)
        {
            return [];
        }

        var joined = new List<(string, TermMatch<AgentEntry>)>();
        var previousEnd = start + (matches.FirstOrDefault(m => m.Position == start)?.Words ?? 1);
        var plus = false;
        foreach (var match in matches)
        {
            if (match.Position < previousEnd)
            {
                continue;
            }

            var (outside, open) = OutsideBrackets(text.Between(previousEnd - 1, match.Position));
            if (open)
            {
                // A name in brackets after a term ("Cadonilimab (AK104)").
                continue;
            }

            var link = outside.Trim().ToLowerInvariant();
            if (link is not ("+" or "plus" or "and" or "," or "+ and" or ", and" or "and +"))
            {
                break;
            }

            plus |= link.Contains('+') || link == "plus";
            previousEnd = match.Position + match.Words;
            if (!NamesPlacebo(text, match) && !elsewhere.Value.Agents.Contains(match.Value.Name) && !elsewhere.Value.Classes.Contains(match.Value.Class)
                && GivenInText.IsGiven(text, match.Position, match.Position + match.Words))
            {
                joined.Add((description.Field, match));
            }
        }

        return plus ? joined : [];
    }

    /// <summary>Whether a drug's name names its placebo ("lenvatinib-matched placebo", "ipilimumab placebo", "matching nivolumab").</summary>
    private static bool NamesPlacebo(TermText text, TermMatch<AgentEntry> drug) =>
        text.WordsFrom(drug.Position + drug.Words, 1).Any(w => PlaceboWords.Contains(w) || w is "matched" or "matching")
        || text.WordsBefore(drug.Position, 1).Any(w => w is "matching" or "matched");

    /// <summary>
    /// What the interventions that share an arm with this one (all of them, where the record
    /// says of no arm) are named for: the agents their names give, and the classes their names
    /// say ("Chemotherapy"; "PD-1 inhibitor" or "Immunotherapy": ICI).
    /// </summary>
    private (HashSet<string> Agents, HashSet<string> Classes) NamedForElsewhere(StudyRecord record, ArmMembership membership, Intervention intervention)
    {
        var arms = membership.ArmsOf(intervention).Select(a => a.Ordinal).ToHashSet();
        var names = record.Interventions
            .Where(i => i.Ordinal != intervention.Ordinal && (arms.Count == 0 || membership.ArmsOf(i) is not { Count: > 0 } theirs || theirs.Any(a => arms.Contains(a.Ordinal))))
            .Select(i => TermText.Of(i.Name))
            .ToList();
        HashSet<string> classes = [.. names.SelectMany(n => vocabulary.PartnerClasses.Matches(n).Select(m => m.Value))];
        if (names.Any(n => vocabulary.IciClassMatches(n).Count > 0 || n.Words.Any(w => w.Word is "immunotherapy" or "immunotherapies")))
        {
            classes.Add(Terms.Ici);
        }

        return ([.. names.SelectMany(n => vocabulary.Agents.Matches(n).Select(m => m.Value.Name))], classes);
    }

    /// <summary>How near the start of a description the formula's first term must stand ("3mg/kg IV(HLX10+...": the fourth word).</summary>
    private const int FormulaHeadWithin = 6;

    /// <summary>
    /// A link of a formula without what stands in brackets in it (a dose, a schedule), and whether
    /// a bracket it opens is still open at its end: the next term stands inside it.
    /// </summary>
    private static (string Outside, bool Open) OutsideBrackets(ReadOnlySpan<char> link)
    {
        var kept = new System.Text.StringBuilder(link.Length);
        var depth = 0;
        foreach (var c in link)
        {
            depth += c == '(' ? 1 : 0;
            if (depth == 0)
            {
                kept.Append(c);
            }

            depth -= c == ')' && depth > 0 ? 1 : 0;
        }

        return (kept.ToString(), depth > 0);
    }

    /// <summary>
    /// A placebo or sham (or "mock radiation treatment") stands in for what it is not: "Placebo", "Oral Placebo", "Placebo to
    /// Pembrolizumab" or a "Placebo" described as "matched to atezolizumab" gives no agent and no
    /// RT, whatever its description names. A name that joins a placebo with something else
    /// ("Durvalumab or placebo", "Placebo + TACE") is read as usual.
    /// </summary>
    private static bool IsPlacebo(string? name)
    {
        var words = TermText.Of(name).Words.Select(w => w.Word).ToList();
        return words.Any(PlaceboWords.Contains) && !words.Any(JoiningWords.Contains) && !(name ?? string.Empty).AsSpan().ContainsAny(Joiners);
    }

    /// <summary>
    /// An intervention registered twice under one name, once for a sham arm ("IRay" in "Sham 24
    /// Gy radiation", a SHAM_COMPARATOR arm, beside "IRay" in "24 Gy radiation"): the sham arm's
    /// copy is the sham of the other and gives nothing. Not one that every arm shares, nor one of
    /// a sham arm only (a sham comparator's real treatment, "Radiotherapy" beside "Sham acupuncture").
    /// </summary>
    /// <remarks>
    /// The arms are those each copy lists by label: an arm's "Device: IRay" names both. The sham
    /// arm must sham this intervention: the words after its label's "sham", up to what joins
    /// another treatment, name it or the RT its words give ("Sham 24 Gy radiation"); not a sham
    /// of something else given with it ("Sham hyperthermia + radiotherapy", "Sham SBRT +
    /// pembrolizumab": the radiotherapy and the pembrolizumab are real).
    /// </remarks>
    private bool ShamTwin(StudyRecord record, Intervention intervention)
    {
        var arms = LabelledArms(intervention);
        return arms.Count > 0 && arms.All(arm => IsShamArm(arm) && Shams(arm, intervention))
            && record.Interventions.Any(other => other.Ordinal != intervention.Ordinal
                && string.Equals(other.Name?.Trim(), intervention.Name?.Trim(), StringComparison.OrdinalIgnoreCase)
                && string.Equals(other.Type, intervention.Type, StringComparison.OrdinalIgnoreCase)
                && LabelledArms(other) is { Count: > 0 } otherArms && !otherArms.Any(IsShamArm));

        List<ArmGroup> LabelledArms(Intervention of) =>
            [.. record.ArmGroups.Where(arm => arm.Label is not null && of.ArmGroupLabels.Contains(arm.Label, StringComparer.OrdinalIgnoreCase))];

        static bool IsShamArm(ArmGroup arm) => string.Equals(arm.Type, "SHAM_COMPARATOR", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="arm"/>'s label shams <paramref name="intervention"/> (see <see cref="ShamTwin"/>).</summary>
    private bool Shams(ArmGroup arm, Intervention intervention)
    {
        var label = arm.Label ?? string.Empty;
        var sham = label.IndexOf("sham", StringComparison.OrdinalIgnoreCase);
        if (sham < 0)
        {
            return false;
        }

        var shammed = label[(sham + "sham".Length)..];
        var joiner = shammed.AsSpan().IndexOfAny(Joiners);
        var words = TermText.Of(joiner >= 0 ? shammed[..joiner] : shammed);
        var cut = words.Words.Select(w => w.Word).ToList().FindIndex(JoiningWords.Contains) is var at and >= 0 ? at : words.Words.Count;
        var phrase = string.Join(' ', words.Words.Take(cut).Select(w => w.Word));
        var name = TermText.Key(intervention.Name ?? string.Empty);
        var givesRt = OwnTexts(intervention).Select(t => t.Text).Append(TermText.Of(intervention.Description)).Any(t => vocabulary.RtKindMatches(t).Count > 0);
        return (name.Length > 0 && TermText.Key(phrase).Contains(name, StringComparison.Ordinal))
            || (givesRt && vocabulary.RtKindMatches(TermText.Of(phrase)).Count > 0);
    }

    /// <summary>What joins a placebo to something else in a name: "+", "/", "&amp;" and commas, the ideographic comma ("Placebo、CAPOX") and full-width forms.</summary>
    private static readonly System.Buffers.SearchValues<char> Joiners = System.Buffers.SearchValues.Create("+/&,\u3001\uFF0C\uFF0B\uFF0F\uFF06");

    private static readonly HashSet<string> PlaceboWords = new(["placebo", "placebos", "sham", "dummy", "mock"], StringComparer.Ordinal);

    /// <summary>One-word names that say what kind of treatment, not which drug: their description names the drugs.</summary>
    private static readonly HashSet<string> GenericNames = new(
        ["chemo", "platinum", "taxane", "taxanes", "anthracycline", "fluoropyrimidine", "doublet", "triplet", "consolidation", "maintenance",
         "induction", "treatment", "therapy", "regimen", "experimental", "control", "standard", "drug", "drugs", "medication", "medicine",
         "immunotherapy", "combination", "intervention", "comparator", "investigational", "systemic", "salvage"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> JoiningWords = new(["and", "or", "plus", "with", "versus", "vs"], StringComparer.Ordinal);

    /// <summary>
    /// The ICI the registry's intervention MeSH terms name for the study, when there is exactly
    /// one with the target the intervention's class words imply.
    /// </summary>
    private (string Field, TermMatch<AgentEntry> Match)? MeshAgent(StudyRecord record, string target) => OneIci(MeshAgents(vocabulary, record), target);

    /// <summary>The agents the registry's intervention MeSH terms for the study name, each with its field.</summary>
    internal static IEnumerable<(string Field, TermMatch<AgentEntry> Match)> MeshAgents(VocabularyMatchers vocabulary, StudyRecord record) =>
        record.MeshTerms
            .Where(t => t.BrowseModule == "intervention" && t.Relation == "mesh")
            .SelectMany(t => vocabulary.Agents.Matches(TermText.Of(t.Term)).Select(m => (Field: $"derivedSection.interventionBrowseModule.meshes[{t.Ordinal}]", Match: m)));

    /// <summary>
    /// The ICI of a class-word intervention ("PD-1 antibody", "Immune Checkpoint Inhibitors") that
    /// the trial's titles and summary give, where no arm says and they name exactly one with that
    /// target as given (a title, or the summary's words of what patients receive: "randomized to
    /// receive ... 18 weeks sintilimab"; not "Pembrolizumab is approved for ...") and no other
    /// intervention names it; for a class of no stated target, also the agents of one
    /// co-formulation's name ("QL1706 Plus Chemotherapy": iparomlimab and tuvonralimab).
    /// </summary>
    private List<(string Field, TermMatch<AgentEntry> Match)> SummaryAgents(StudyRecord record, Intervention intervention, string target)
    {
        // A title names what the trial is; of the summary, only the words that say what patients
        // receive ("randomized to receive ..."), from there to the end of the sentence.
        var given = IcisWith(FreeTextEvidence.OwnSentences(record)
            .Where(s => RecordFields.IsTitle(s.Field) || s.Field == RecordFields.BriefSummary)
            .SelectMany(s => TermText.Of(s.Sentence) is var words
                && (RecordFields.IsTitle(s.Field) ? 0 : FreeTextEvidence.WhatTheTrialGives(words)?.From) is { } from
                ? vocabulary.Agents.Matches(words).Where(m => m.Position >= from && GivenInText.IsGiven(words, m.Position, m.Position + m.Words)).Select(m => (s.Field, Match: m))
                : []), target);
        // Another intervention that names the agent, or a checkpoint class other than this one's,
        // may be where the title's agent goes; one of this same class is given it too (both arms
        // of "placebo+PD-1+chemo" and "ATRA+pd-1+chemo" give the title's tislelizumab).
        // Not where a title names this class beside its agent ("Tislelizumab Plus Sitravatinib
        // Versus Anti-PD-1 Monotherapy"): there the class is the title's other treatment, and
        // another intervention of the class may be it.
        var others = OtherInterventionTexts(record, intervention);
        var namedAgents = AgentsNamedIn(others);
        // The class as the title's comparator: after "versus", "vs" or "compared" ("Versus
        // Anti-PD-1 Monotherapy"); not in apposition to the agent ("Camrelizumab (Anti-PD-1
        // Antibody) Plus Chemotherapy"), which says what the agent is.
        var titleNamesClass = given.Count > 0 && FreeTextEvidence.TitleSentences(record)
            .Any(t => vocabulary.IciClassMatches(t.Words).Any(m => m.Value == target
                && t.Words.WordsBefore(m.Position, 3).Any(w => w is "versus" or "vs" or "compared")));
        if (given.Any(c => namedAgents.Contains(c.Match.Value.Name))
            || (given.Count > 0 && others.Any(text => vocabulary.IciClassMatches(text).Any(m => m.Value != target || titleNamesClass))))
        {
            return [];
        }

        return given.Count == 1 || (target == Terms.UnspecifiedIci && given.Count > 1 && given.All(c => c.Field == given[0].Field && c.Match.Position == given[0].Match.Position))
            ? given
            : [];
    }

    /// <summary>
    /// The ICI the arms of a class-word intervention ("anti-PD-1 antibody") give, when they name
    /// exactly one with that target (an arm describes all its interventions, and only its ICI can
    /// be the class word's drug).
    /// </summary>
    private List<(string Field, TermMatch<AgentEntry> Match)> ArmAgents(StudyRecord record, Intervention intervention, List<(string Field, TermText Text)> arms, string target)
    {
        var given = arms.SelectMany(a => vocabulary.Agents.Matches(a.Text)
            .Where(m => GivenInText.IsGiven(a.Text, m.Position, m.Position + m.Words))
            .Select(m => (a.Field, Match: m))).ToList();
        if (OneIci(given, target) is { } one)
        {
            return [one];
        }

        // Several are read only for a class of no stated target, which they give one: a class of
        // a named target ("PD-1 inhibitor": "camrelizumab or sintilimab") already says what a
        // reviewer filters by, and stays a class.
        if (target != Terms.UnspecifiedIci)
        {
            return [];
        }

        var several = given.Where(c => c.Match.Value.Class == Terms.Ici).DistinctBy(c => c.Match.Value.Name).ToList();
        var elsewhere = several.Count > 1 ? NamedByOtherInterventions(record, intervention).Agents : [];
        return several.Count > 1 && !several.Any(c => elsewhere.Contains(c.Match.Value.Name)) ? several : [];
    }

    /// <summary>The one ICI among <paramref name="candidates"/> with <paramref name="target"/> (any, for "ICI, unspecified"), if there is exactly one.</summary>
    internal static (string Field, TermMatch<AgentEntry> Match)? OneIci(IEnumerable<(string Field, TermMatch<AgentEntry> Match)> candidates, string target) =>
        IcisWith(candidates, target) is [var one] ? one : null;

    /// <summary>The ICIs among <paramref name="candidates"/> with <paramref name="target"/> (any, for "ICI, unspecified"), each agent once.</summary>
    private static List<(string Field, TermMatch<AgentEntry> Match)> IcisWith(IEnumerable<(string Field, TermMatch<AgentEntry> Match)> candidates, string target) =>
        [.. candidates
            .Where(c => c.Match.Value.Class == Terms.Ici && (target == Terms.UnspecifiedIci || c.Match.Value.Targets.Contains(target)))
            .DistinctBy(c => c.Match.Value.Name)];

    /// <summary>
    /// An ICI the vocabulary does not name ("ICI, unspecified"): a generic name of the
    /// immunomodulating antibodies' stem (a new "-limab") in a trial of a neoplasm, or the one
    /// drug of a trial whose registry MeSH indexing holds "Immune Checkpoint Inhibitors" when no
    /// intervention names a known ICI and MeSH lists that drug by its name.
    /// </summary>
    private (string Field, TermMatch<string> Match)? UnknownIci(StudyRecord record, Intervention intervention, List<(string Field, TermText Text)> own)
    {
        var unknown = vocabulary.Vocabulary.UnknownIci;
        if (WordWithStem(own, unknown.Stems.Select(stem => (stem, Terms.UnspecifiedIci)),
                word => !(unknown.NotIci ?? []).Contains(word, StringComparer.OrdinalIgnoreCase) && vocabulary.IsNeoplasmTrial(record)) is { } stemmed)
        {
            return stemmed;
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

    /// <summary>
    /// The checkpoints the ICI class words of the first of <paramref name="texts"/> that has any
    /// name, one match each; "ICI, unspecified" only where they name no checkpoint.
    /// </summary>
    private List<(string Field, TermMatch<string> Match)> ClassTerms(List<(string Field, TermText Text)> texts)
    {
        foreach (var (field, text) in texts)
        {
            var found = vocabulary.IciClassGroups(text)
                .Where(g => GivenInText.IsGiven(text, g[0].Position, g[0].Position + g[0].Words))
                .SelectMany(g => g)
                .DistinctBy(m => m.Value)
                .ToList();
            if (found.Count > 0)
            {
                return [.. VocabularyMatchers.NamedCheckpointsFirst(found, m => m.Value).Select(m => (field, m))];
            }
        }

        return [];
    }

    /// <summary>
    /// Whether word <paramref name="position"/> is in the clause of an RT course: with one of the
    /// text's RT words (<paramref name="rtMatches"/>: "chemoradiotherapy", "IMRT") before or after
    /// it and no "followed", "then", "after", "before", "subsequently", "adjuvant", "induction" or
    /// "maintenance" between ("IMRT combined with paclitaxel and carboplatin, followed by
    /// surgery"; "cisplatin 75 mg/m2 and IMRT").
    /// </summary>
    private static bool InRtCourse(TermText text, List<TermMatch<string>> rtMatches, int position) =>
        rtMatches.Any(rt =>
        {
            var (from, to) = rt.Position < position ? (rt.Position + rt.Words, position) : (position + 1, rt.Position);
            return from <= to && text.Words.Skip(from).Take(to - from).All(w => !CourseBoundaries.Contains(w.Word));
        });

    private static readonly HashSet<string> CourseBoundaries = new(["followed", "then", "after", "before", "subsequently", "adjuvant", "induction", "maintenance"], StringComparer.Ordinal);

    /// <summary>Where an intervention's own words say "immunotherapy", not as absent ("without immunotherapy"); null where they do not.</summary>
    private static (string Field, string Word, int Position)? ImmunotherapyWord(List<(string Field, TermText Text)> own) =>
        own.SelectMany(t => t.Text.Words.Select((w, i) => (t.Field, t.Text, w.Word, i)))
            .Where(w => w.Word is "immunotherapy" or "immunotherapies" or "immunochemotherapy" or "chemoimmunotherapy" && !Absent(w.Text, w.i))
            .Select(w => ((string, string, int)?)(w.Field, w.Word, w.i))
            .FirstOrDefault();

    /// <summary>Words of immunotherapies that are not checkpoint inhibitors: vaccines, cells, cytokines, BCG, oncolytic viruses, other antibodies, allergen immunotherapy.</summary>
    private static readonly HashSet<string> OtherImmunotherapyWords = new(
        ["vaccine", "vaccines", "vaccination", "dendritic", "car", "cik", "til", "tils", "nk", "adoptive", "cytokine", "cytokines", "interleukin", "il", "interferon", "csf", "bcg", "oncolytic",
            "gd2", "rituximab", "obinutuzumab", "blinatumomab", "allergen", "allergens", "sublingual", "vec"],
        StringComparer.Ordinal);

    /// <summary>Kinds of treatment an arm may list as alternatives beside immunotherapy.</summary>
    private static readonly HashSet<string> TreatmentKinds = new(
        ["chemotherapy", "radiotherapy", "hormones", "hormonal", "hormone", "targeted", "surgery", "observation"], StringComparer.Ordinal);

    /// <summary>
    /// Whether the trial lists kinds of treatment as its interventions, two or more beside this
    /// one, each named by its kind alone, one of them a kind no regimen of RT and immunotherapy
    /// is made of ("Chemotherapy", "Targeted Systemic Therapy", "Observation" beside
    /// "Immunotherapy" in a trial of SABR against standard of care): a menu of the care a
    /// physician may choose, so "Immunotherapy" there is a category, not a regimen. Not
    /// "Radiotherapy" and "Chemotherapy" alone beside it, which a regimen may be.
    /// </summary>
    private static bool InterventionsAreKinds(StudyRecord record, ArmMembership membership, Intervention intervention)
    {
        // Kinds only in another arm are compared with it ("Immunotherapy" against "Observation"), not offered beside it.
        var arms = membership.ArmsOf(intervention);
        var kinds = record.Interventions
            .Where(i => i.Ordinal != intervention.Ordinal && (arms.Count == 0 || membership.ArmsOf(i) is var theirs && (theirs.Count == 0 || theirs.Any(arms.Contains))))
            .Select(i => TermText.Of(i.Name).Words)
            .Where(words => words.Any(w => TreatmentKinds.Contains(w.Word)) && words.All(w => TreatmentKinds.Contains(w.Word) || KindNameWords.Contains(w.Word)))
            .ToList();
        return kinds.Count >= 2 && kinds.Any(words => words.Any(w => MenuKinds.Contains(w.Word)));
    }

    /// <summary>Kinds of treatment that only a menu of care lists beside immunotherapy.</summary>
    private static readonly HashSet<string> MenuKinds = new(["targeted", "hormones", "hormonal", "hormone", "observation"], StringComparer.Ordinal);

    /// <summary>Words that may stand beside a kind in the name of an intervention that is only that kind.</summary>
    private static readonly HashSet<string> KindNameWords = new(["therapy", "therapies", "treatment", "systemic", "standard", "of", "care"], StringComparer.Ordinal);

    /// <summary>
    /// Whether a sentence of a text offers immunotherapy as one kind of treatment among others,
    /// with an "or" ("chemotherapy, immunotherapy, hormones, or observation", "chemotherapy
    /// and/or immunotherapy"); not "with or without" or "immunotherapy alone or with
    /// chemotherapy", which give it.
    /// </summary>
    private static bool ListsImmunotherapyAmongKinds(TermText text) =>
        TermText.Sentences([(string.Empty, text.Original)]).Select(s => TermText.Of(s.Sentence).Words.Select(w => w.Word).ToList())
            .Any(words => words.Contains("immunotherapy") && words.Any(TreatmentKinds.Contains)
                && words.Where((w, i) => w == "or" && !(i > 0 && words[i - 1] is "with" or "alone")).Any());

    /// <summary>Whether the trial's own sentences name checkpoint inhibitors as a class, given or not ("after failure of immune checkpoint inhibitors").</summary>
    private bool NamesIciClass(StudyRecord record) =>
        FreeTextEvidence.OwnSentences(record).Any(s => vocabulary.IciClassMatches(TermText.Of(s.Sentence)).Count > 0);

    /// <summary>Whether the trial's titles, summary, description, arms or interventions name an immunotherapy other than a checkpoint inhibitor.</summary>
    private static bool NamesOtherImmunotherapy(StudyRecord record) =>
        new[] { record.BriefTitle, record.OfficialTitle, record.BriefSummary, record.DetailedDescription }
            .Concat(record.ArmGroups.Select(a => a.Label + " " + a.Description))
            .Concat(record.Interventions.SelectMany(i => i.OtherNames.Prepend(i.Name).Append(i.Description)))
            .Any(text => TermText.Of(text).Words.Any(w => OtherImmunotherapyWords.Contains(w.Word)))
        || record.Interventions.SelectMany(i => i.OtherNames.Prepend(i.Name)).Any(name => TermText.Of(name).Words.Any(w => NamesCellOrGeneTherapy(w.Word)));

    /// <summary>
    /// Whether a word is the name of a cell or gene therapy by its INN stem, as an intervention
    /// names it (not a summary's prior or excluded "sipuleucel-T"): "-cel" for cells
    /// ("algenpantucel-L", "sipuleucel-T", "lifileucel"), "-vec" for gene vectors ("talimogene
    /// laherparepvec"); eight letters at least, so no English word ("parcel") is one.
    /// </summary>
    private static bool NamesCellOrGeneTherapy(string word) =>
        word.Length >= 8 && (word.EndsWith("cel", StringComparison.Ordinal) || word.EndsWith("vec", StringComparison.Ordinal));

    /// <summary>
    /// The ICI class that a trial's own sentences (titles, summary, arms that give something:
    /// <see cref="FreeTextEvidence.OwnSentences"/>) give, where they name checkpoint inhibitors as
    /// given and no ICI by name: what its interventions called "immunotherapy" are.
    /// </summary>
    /// <returns>The class terms; none where they name no class; null where they name an ICI by name.</returns>
    private List<(string Field, TermMatch<string> Match)>? TrialIciClass(StudyRecord record)
    {
        List<(string Field, TermText Text)> texts = [.. FreeTextEvidence.OwnSentences(record).Select(s => (s.Field, TermText.Of(s.Sentence)))];
        return texts.Any(t => vocabulary.Agents.Matches(t.Text).Any(m => m.Value.Class == Terms.Ici)) ? null : ClassTerms(texts);
    }

    /// <summary>
    /// The agents an intervention's own words give: not one they give "without" or "no"
    /// ("Chemoradiation, without Tislelizumab"), but one "with or without" ("CRT with or without
    /// durvalumab" gives it in one arm).
    /// </summary>
    private List<(string Field, TermMatch<AgentEntry> Match)> OwnAgents(List<(string Field, TermText Text)> own) =>
        [.. own.SelectMany(t => vocabulary.Agents.Matches(t.Text)
            .Where(m => !Absent(t.Text, m.Position) && !GivenInText.IsImagingTracer(t.Text, m.Position) && !PlaceboOf(t.Text, m) && !GivenInText.Analogue(t.Text, m.Position + m.Words))
            .Select(m => (t.Field, m)))];

    /// <summary>Whether a match opens the brackets after words of nutrition ("Enteral nutritional emulsion (TPF-T)").</summary>
    private static bool ProductCode(TermText text, TermMatch<AgentEntry> match) =>
        match.Position > 0 && text.Between(match.Position - 1, match.Position).Trim().EndsWith('(')
        && text.Words.Take(match.Position).Any(w => NutritionWords.Contains(w.Word));

    /// <summary>Words of a nutrition product ("Enteral nutritional emulsion").</summary>
    private static readonly HashSet<string> NutritionWords = new(
        ["enteral", "nutrition", "nutritional", "emulsion", "supplement", "supplements", "feeding", "formula"], StringComparer.Ordinal);

    /// <summary>
    /// Whether a name gives the drug as the placebo that stands for it ("Toripalimab + placebo for
    /// lenvatinib", "lenvatinib-matched placebo", "matching nivolumab"); not a drug a placebo is
    /// joined to ("Lenvatinib + placebo": the placebo stands for another drug).
    /// </summary>
    private bool PlaceboOf(TermText text, TermMatch<AgentEntry> drug)
    {
        var before = text.WordsBefore(drug.Position, 3).ToList();
        if (before is [.., "placebo" or "placebos" or "dummy", "for" or "of" or "to"] or [.., "matching" or "matched"] or ["placebo" or "placebos", "matched" or "matching", "to" or "for" or "with"])
        {
            return true;
        }

        var next = drug.Position + drug.Words;
        // "Nofazinlimab (CS1003) Placebo": past the drug's code in brackets, and the code itself.
        var bracketed = drug.Position > 0 && text.Between(drug.Position - 1, drug.Position).Trim() is "(";
        if (next < text.Words.Count && text.Between(next - 1, next).Trim() is "(")
        {
            for (var k = next + 1; k < Math.Min(next + 4, text.Words.Count); k++)
            {
                if (text.Between(k - 1, k).Trim() is ")")
                {
                    (next, bracketed) = (k, true);
                    break;
                }
            }
        }

        if (next < text.Words.Count && text.Words[next].Word is "placebo" or "placebos" or "dummy" or "matched" or "matching"
            && (text.Between(next - 1, next).Trim() is "" or "-" || (bracketed && text.Between(next - 1, next).Trim() is ")")))
        {
            return true;
        }

        // "Placebos for Nivolumab and Ipilimumab": a drug listed after one named as placebo is too.
        return drug.Position >= 2 && text.Words[drug.Position - 1].Word is "and" or "or"
            && vocabulary.Agents.Matches(text).LastOrDefault(m => m.Position + m.Words == drug.Position - 1) is { } previous && PlaceboOf(text, previous);
    }

    /// <summary>Whether the term at <paramref name="position"/> is named absent or as what a placebo stands for ("without chemotherapy", "placebo for chemotherapy").</summary>
    private static bool AbsentOrPlaceboOf(TermText text, int position) =>
        Absent(text, position) || text.WordsBefore(position, 2).ToList() is [.., "placebo" or "placebos" or "matching"] or ["placebo" or "placebos", "for" or "of" or "to"];

    private static bool Absent(TermText text, int position) =>
        text.WordsBefore(position, 2).ToList() is [.., "without" or "no"] and not ["or", _];

    /// <summary>
    /// A text that names a drug as absent or as a placebo ("without axitinib", "placebo for
    /// axitinib"): its unknown drugs are not given. "With or without chemotherapy" gives it in
    /// some arms, as <see cref="Absent"/> reads it.
    /// </summary>
    private static bool NamesAbsentOrPlacebo(TermText text) =>
        Enumerable.Range(1, text.Words.Count).Any(after => Absent(text, after)) || text.Words.Any(w => PlaceboWords.Contains(w.Word));

    /// <summary>A text that names an ICI as absent: its class words are that agent's ("without Tislelizumab (PD-1 inhibitor)").</summary>
    private bool NamesAbsentAgent(TermText text) => vocabulary.Agents.Matches(text).Any(m => m.Value.Class == Terms.Ici && Absent(text, m.Position));

    /// <summary>
    /// A name that says only what kind of treatment it is ("Immunotherapy", "Active comparator",
    /// "Experimental arm"), not a control or a standard of care, whose description may tell what
    /// another arm adds.
    /// </summary>
    /// <remarks>
    /// So is a name that lists kinds of treatment, one of them drugs, without naming any
    /// ("Combination Radiation, Immunotherapy, Surgery", "Chemoradiotherapy"): its description
    /// names the drugs, and only those of the classes its name gives are taken.
    /// </remarks>
    private static bool NamesOnlyKind(TermText name) =>
        (name.Words.All(w => KindWords.Contains(w.Word) || FillerWords.Contains(w.Word)) && name.Words.Any(w => KindWords.Contains(w.Word)))
        || (name.Words.All(w => KindWords.Contains(w.Word) || DrugKindWords.Contains(w.Word) || FillerWords.Contains(w.Word) || ModalityWords.Contains(w.Word))
            && name.Words.Any(w => DrugKindWords.Contains(w.Word)));

    /// <summary>
    /// The classes of drug that a name saying only what kinds of treatment it is gives
    /// ("Chemoimmunotherapy": ICI and chemotherapy; "Neoadjuvant immunotherapy": ICI), none for
    /// any other name; and whether only chemoradiotherapy words give them.
    /// </summary>
    private (HashSet<string> Classes, bool OnlyChemoradiotherapy) KindClasses(TermText name)
    {
        if (name.Words.Any(w => w.Word == "choice") && name.Words.All(w => FillerWords.Contains(w.Word) || w.Word is "treatment" or "therapy")
            && name.Words.Any(w => w.Word is "treatment" or "therapy"))
        {
            // "Treatment of Physician's Choice": whatever drugs its arm lists.
            return ([.. vocabulary.Vocabulary.Agents.Select(a => a.Class)], false);
        }

        if (!NamesOnlyKind(name))
        {
            return ([], false);
        }

        HashSet<string> classes = [.. name.Words.SelectMany(w => w.Word switch
        {
            "immunotherapy" => [Terms.Ici],
            "chemotherapy" or "chemoradiotherapy" or "chemoradiation" or "radiochemotherapy" => [Terms.Chemotherapy],
            "immunochemotherapy" or "chemoimmunotherapy" => [Terms.Ici, Terms.Chemotherapy],
            _ => Array.Empty<string>(),
        })];
        return (classes, !name.Words.Any(w => w.Word is "chemotherapy" or "immunotherapy" or "immunochemotherapy" or "chemoimmunotherapy"));
    }

    /// <summary>A name that says only that a treatment is local ("Local intervention therapy", "Local consolidative treatment", "Metastasis-directed therapy").</summary>
    private static bool NamesLocalTherapy(TermText name) =>
        name.Words.Count > 0 && name.Words.All(w => LocalTherapyWords.Contains(w.Word) || FillerWords.Contains(w.Word) || w.Word == "mdt")
        && (name.Words.Any(w => w.Word is "local" or "locoregional" or "regional")
            || (name.Words.Any(w => w.Word is "metastasis" or "metastases") && name.Words.Any(w => w.Word == "directed")));

    /// <summary>
    /// The RT a local therapy's description offers: of its first sentence, the list of what it may
    /// be ("Surgical metastasectomy, stereotactic ablative radiotherapy, thermal ablation, or
    /// electroporation"); not RT the sentence denies, leaves to another arm or to need, or cites
    /// ("is not permitted", "given in the other arm", "as needed", "has been shown").
    /// </summary>
    private List<(string Field, TermMatch<string> Match)> OfferedRt(Intervention intervention, string field)
    {
        if (TermText.Sentences([(field, intervention.Description)]).FirstOrDefault() is not ({ } sentenceField, { } sentence))
        {
            return [];
        }

        var words = TermText.Of(sentence);
        return words.Words.Any(w => NotOfferedWords.Contains(w.Word))
            ? []
            : [.. FindRt([(sentenceField, words)]).Where(m => GivenInText.IsGiven(words, m.Match.Position, m.Match.Position + m.Match.Words))];
    }

    /// <summary>
    /// Whether a description is only the name of a kind of RT, with at most a few words of what
    /// it is before ("low voltage external beam radiosurgery", "Stereotactic radiosurgery"): it
    /// ends with the RT and says nothing of when, with what or for what ("Spacer placed before
    /// radiotherapy", "Mask for head and neck radiotherapy").
    /// </summary>
    private bool DescribedAsRt(TermText description)
    {
        var words = description.Words;
        if (words.Count is 0 or > MaxRtDescriptionWords || words.Any(w => NotOfferedWords.Contains(w.Word) || RtDescriptionStops.Contains(w.Word) || PlaceboWords.Contains(w.Word)))
        {
            return false;
        }

        // Only words of the beam's energy or delivery before the RT ("low voltage external beam
        // radiosurgery", "electronic brachytherapy"); not a thing of its own ("Silicone film
        // dressing ...", "Skin dosimetry ...", "Hydrogel rectal spacer ...").
        var rt = vocabulary.RtKindMatches(description);
        return rt.Count > 0 && rt.Max(m => m.Position + m.Words) == words.Count
            && words.Take(rt.Min(m => m.Position)).All(w => RtDeviceModifiers.Contains(w.Word));
    }

    /// <summary>
    /// The radioactive seeds a device's description says it carries: seeds of brachytherapy's
    /// family within six words after "loaded", "containing", "combined", "embedded" or "carrying"
    /// that follows what carries them ("stent", "strand", "plaque", "sheath"; not "needles
    /// containing I-125 seeds" beside a spacer, nor a prostate "containing the implanted seeds");
    /// none where the name or description names a sham, a placebo, the device without them or
    /// alone ("a covered stent without 125I seeds", "stent alone; patients in the experimental arm
    /// receive the same stent loaded with 125I seeds": the arms differ in them), or seeds that
    /// mark a lesion for removal ("Radioactive seed localization": "a needle pre-loaded with a
    /// single I-125 seed ... removed with the surgical specimen").
    /// </summary>
    private TermMatch<string>? SeedsCarried(TermText description)
    {
        if (description.Words.Any(w => PlaceboWords.Contains(w.Word) || SeedsNotGivenWords.Contains(w.Word)))
        {
            return null;
        }

        return vocabulary.RtKindMatches(description).FirstOrDefault(m => vocabulary.SameFamily(m.Value, _brachytherapy.Value)
            && TermText.Of(m.Matched).Words.Any(w => w.Word is "seed" or "seeds")
            && Enumerable.Range(Math.Max(0, m.Position - 6), Math.Min(6, m.Position)).Any(i => description.Words[i].Word is "loaded" or "containing" or "contains" or "combined" or "combines" or "embedded" or "carrying" or "carries"
                && description.WordsBefore(i, 3).Any(w => SeedCarriers.Contains(w))));
    }

    /// <summary>What a device that carries seeds is ("a stent loaded with", "a strand containing", "a plaque loaded with").</summary>
    private static readonly HashSet<string> SeedCarriers = new(
        ["stent", "stents", "strand", "strands", "plaque", "plaques", "sheath", "sheaths", "sheathes", "catheter", "catheters", "applicator", "applicators", "jacket", "mesh"],
        StringComparer.Ordinal);

    /// <summary>Words by which a device's seeds are not the RT it gives (<see cref="SeedsCarried"/>).</summary>
    private static readonly HashSet<string> SeedsNotGivenWords = new(
        ["without", "no", "not", "conventional", "alone", "control", "arm", "arms", "group", "groups", "localization", "localisation", "localize", "localise",
         "marker", "markers", "marking", "removed", "removal", "retrieved", "retrieval", "excise", "excised", "excises", "excision", "guided", "spacer"],
        StringComparer.Ordinal);

    /// <summary>Words of a beam's energy or of how a device delivers RT, which may come before the RT a device's description names.</summary>
    private static readonly HashSet<string> RtDeviceModifiers = new(
        ["low", "high", "voltage", "energy", "kilovoltage", "kv", "orthovoltage", "megavoltage", "superficial", "external", "beam", "electronic", "robotic", "frameless",
         "dose", "rate", "hdr", "ldr", "pdr", "interstitial", "intracavitary", "intraluminal", "endoluminal"],
        StringComparer.Ordinal);

    /// <summary>Punctuation by which a description lists what a device is and what it is for ("Hydrogel rectal spacer, prostate SBRT").</summary>
    private static readonly System.Buffers.SearchValues<char> ListPunctuation = System.Buffers.SearchValues.Create(",;:()");

    private const int MaxRtDescriptionWords = 8;

    /// <summary>
    /// Whether a name is radiation and nothing else beside it: it ends with an RT term ("Orbital
    /// Radiation"), names no agent, other treatment or imaging, and does not time or place
    /// something else by the RT ("Supervised exercise during radiotherapy", "Radiation
    /// dermatitis", "Omission of radiotherapy").
    /// </summary>
    private bool NamesRadiationOnly(TermText name)
    {
        var rt = vocabulary.RtKindMatches(name);
        return rt.Count > 0 && rt.Max(m => m.Position + m.Words) == name.Words.Count && vocabulary.Agents.Matches(name).Count == 0
            && !name.Words.Any(w => NotRadiationOnlyWords.Contains(w.Word) || RtDescriptionStops.Contains(w.Word));
    }

    /// <summary>Words by which a name joins radiation to another treatment, or names imaging or a drug's dose.</summary>
    private static readonly HashSet<string> NotRadiationOnlyWords = new(
        ["chemoradiation", "chemoradiotherapy", "chemotherapy", "crt", "ccrt", "surgery", "resection", "plus", "with", "and", "or", "followed", "then",
         "versus", "vs", "imaging", "scan", "ct", "mri", "pet", "placebo", "sham", "no", "without", "mg", "observation", "throughout", "omission",
         "omitting", "omitted", "avoiding", "deferred", "delayed"],
        StringComparer.Ordinal);

    /// <summary>Words of a radionuclide given into a joint rather than a tumour's arteries ("intra-articular" is cut into two words and read as such).</summary>
    private static readonly HashSet<string> JointWords = new(
        ["intraarticular", "radiosynoviorthesis", "radiosynovectomy", "synovectomy", "synoviorthesis"],
        StringComparer.Ordinal);

    /// <summary>Words by which a description places RT beside something else rather than naming what the device is.</summary>
    private static readonly HashSet<string> RtDescriptionStops = new(
        ["before", "during", "after", "with", "for", "to", "of", "in", "and", "or", "from", "by", "on", "under", "following", "prior", "guided", "planning", "simulation"],
        StringComparer.Ordinal);

    /// <summary>Words by which a local therapy's description names RT it does not offer.</summary>
    private static readonly HashSet<string> NotOfferedWords = new(
        ["not", "arm", "arms", "control", "alternative", "instead", "shown", "been", "needed", "if", "permitted", "allowed", "prior", "previous"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> LocalTherapyWords = new(
        ["local", "locoregional", "regional", "intervention", "interventions", "interventional", "treatment", "treatments", "therapy", "therapies",
         "consolidative", "consolidation", "definitive", "control", "ablative", "metastasis", "metastases", "directed", "lat", "lct"],
        StringComparer.Ordinal);

    /// <summary>Words of treatments that are not drugs, in a name that lists kinds of treatment.</summary>
    private static readonly HashSet<string> ModalityWords = new(
        ["radiation", "radiotherapy", "rt", "surgery", "surgical", "resection", "concurrent", "sequential", "neoadjuvant", "adjuvant", "preoperative", "postoperative",
         "long", "short", "course", "definitive", "radical"],
        StringComparer.Ordinal);

    /// <summary>Kinds of treatment that are drugs.</summary>
    private static readonly HashSet<string> DrugKindWords = new(
        ["immunotherapy", "chemotherapy", "immunochemotherapy", "chemoimmunotherapy", "chemoradiotherapy", "chemoradiation", "radiochemotherapy"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> KindWords = new(
        ["experimental", "active", "comparator", "arm", "group", "immunotherapy", "chemotherapy", "immunochemotherapy", "chemoimmunotherapy", "targeted", "therapy",
         "systemic", "combination"],
        StringComparer.Ordinal);

    /// <summary>Words of a name that stands for an arm of the trial, not for one treatment.</summary>
    private static readonly HashSet<string> ArmWords = new(["group", "arm", "cohort"], StringComparer.Ordinal);

    /// <summary>
    /// Words a name of a kind of treatment may have beside the kind: articles, joiners, and whose
    /// choice it is ("Investigator's choice of Chemotherapy", "Physician's choice chemotherapy").
    /// </summary>
    private static readonly HashSet<string> FillerWords = new(
        ["a", "the", "of", "and", "plus", "with", "investigator", "investigators", "physician", "physicians", "s", "choice"], StringComparer.Ordinal);

    /// <summary>Types whose descriptions never say which drug they give: counselling, devices, tests.</summary>
    private static readonly HashSet<string> NeverDrugTypes = new(["BEHAVIORAL", "DEVICE", "DIAGNOSTIC_TEST"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The one checkpoint that the ICI class words of <paramref name="texts"/> name, if they name exactly one.</summary>
    private (string Field, TermMatch<string> Match)? SpecificClass(List<(string Field, TermText Text)> texts)
    {
        var specific = Find(vocabulary.IciClasses, texts).Where(c => c.Match.Value != Terms.UnspecifiedIci).ToList();
        return specific.Count > 0 && specific.All(c => c.Match.Value == specific[0].Match.Value) ? specific[0] : null;
    }

    /// <summary>The classes an intervention's own words name ("Chemotherapy": chemotherapy; "PD-1 inhibitor plus chemotherapy": ICI and chemotherapy).</summary>
    private HashSet<string> NamedClasses(List<(string Field, TermText Text)> own) =>
    [
        .. own.Any(t => vocabulary.IciClassMatches(t.Text).Count > 0) ? [Terms.Ici] : Array.Empty<string>(),
        .. own.SelectMany(t => vocabulary.PartnerClasses.Matches(t.Text).Select(m => m.Value)),
    ];

    /// <summary>
    /// A name of one word that is no class or therapy word ("Dexamethasone", "Lifileucel"): a drug
    /// the vocabulary does not hold. Its description names what it is given with (premedication
    /// before pemetrexed, lymphodepletion before cells), not what it is.
    /// </summary>
    private bool IsOtherDrugName(TermText text) =>
        text.Words is [var (word, _, _)] && word.Length >= 5 && word.All(char.IsLetter) && !GenericNames.Contains(word)
            && vocabulary.PartnerClasses.Matches(text).Count == 0 && vocabulary.IciClassMatches(text).Count == 0
            && vocabulary.SystemicTherapyWords.Matches(text).Count == 0 && vocabulary.RtModalities.Matches(text).Count == 0
            && vocabulary.Locoregional.Matches(text).Count == 0 && !PlaceboWords.Contains(word);

    /// <summary>The class of a drug an intervention names an analogue of ("Gemcitabine analogue": chemotherapy, no agent).</summary>
    private (string Field, TermMatch<string> Match)? AnalogueClass(List<(string Field, TermText Text)> own) =>
        own.SelectMany(t => vocabulary.Agents.Matches(t.Text).Where(m => GivenInText.Analogue(t.Text, m.Position + m.Words) && !m.Value.ClassOnly)
                .Select(m => ((string Field, TermMatch<string> Match)?)(t.Field, new TermMatch<string>(m.Value.Class, m.Matched, m.Position, m.Words))))
            .FirstOrDefault(c => c!.Value.Match.Value != Terms.Ici);

    /// <summary>Whether a name says the intervention is the control ("Control", "Standard of care", "Comparator"): its description may name what the other arm adds.</summary>
    private static bool NamesControl(TermText name) =>
        name.Words.Any(w => w.Word is "control" or "comparator" or "standard" or "usual");

    /// <summary>The partner class of a generic name the vocabulary does not hold, from its stem ("tucatinib": TKI; not "trametinib", a MEK inhibitor's "-metinib").</summary>
    private (string Field, TermMatch<string> Match)? StemClass(List<(string Field, TermText Text)> own) =>
        WordWithStem(own, vocabulary.Vocabulary.PartnerClassStems.Select(s => (s.Stem, s.Class)),
            word => !vocabulary.Vocabulary.PartnerClassStems.Any(s => word.EndsWith(s.Stem, StringComparison.Ordinal) && s.Except.Any(e => word.EndsWith(e, StringComparison.Ordinal))));

    /// <summary>
    /// The first word of <paramref name="texts"/> that ends in one of the INN <paramref name="stems"/>
    /// with at least three letters before it and that <paramref name="accept"/> takes, as a match
    /// of the value its stem gives.
    /// </summary>
    private static (string Field, TermMatch<string> Match)? WordWithStem(
        List<(string Field, TermText Text)> texts, IEnumerable<(string Stem, string Value)> stems, Func<string, bool> accept)
    {
        var list = stems.ToList();
        foreach (var (field, text) in texts)
        {
            for (var i = 0; i < text.Words.Count; i++)
            {
                var (word, start, end) = text.Words[i];
                foreach (var (stem, value) in list)
                {
                    if (word.Length >= stem.Length + 3 && word.EndsWith(stem, StringComparison.Ordinal) && accept(word))
                    {
                        return (field, new TermMatch<string>(value, text.Original[start..end], i));
                    }
                }
            }
        }

        return null;
    }

    private bool NamesIci(Intervention intervention) =>
        OwnTexts(intervention).Any(t => vocabulary.Agents.Matches(t.Text).Any(m => m.Value.Class == Terms.Ici) || vocabulary.IciClassMatches(t.Text).Count > 0);

    /// <summary>
    /// Where the record's titles, summary or arms name a drug's whole name right after a
    /// radionuclide ("177Lu Octreotate", "Lutetium-177 Octreotate" for "octreotate"): the
    /// radionuclide, with the field it is in. A radionuclide is RT of no kind named with its mass
    /// number ("177Lu", "radium-223"), not a word of RT ("radiotherapy").
    /// </summary>
    private (string Field, TermMatch<string> Match)? RadiolabelledElsewhere(StudyRecord record, TermText name)
    {
        // Most drugs' names are nowhere else in the record's words: only those that are are read.
        if (name.Words.Count is 0 or > 3
            || !new[] { record.BriefTitle, record.OfficialTitle, record.BriefSummary }.Concat(record.ArmGroups.SelectMany(a => new[] { a.Label, a.Description }))
                .Any(text => text?.Contains(name.Words[^1].Word, StringComparison.OrdinalIgnoreCase) == true)
            || vocabulary.Agents.Matches(name).Count > 0)
        {
            return null;
        }

        foreach (var (field, sentence) in FreeTextEvidence.OwnSentences(record))
        {
            var words = TermText.Of(sentence);
            foreach (var nuclide in vocabulary.RtKindMatches(words).Where(m => m.Value == Terms.UnspecifiedRt && m.Matched.Any(char.IsDigit)))
            {
                if (words.WordsFrom(nuclide.Position + nuclide.Words, name.Words.Count).SequenceEqual(name.Words.Select(w => w.Word), StringComparer.Ordinal))
                {
                    return (field, nuclide);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The RT an intervention gives: what its own words name; for a radiation intervention that
    /// names no kind, its description's and then its arms' words. An arm describes all its
    /// interventions, so a kind another intervention of the trial names as its own ("Prostate
    /// SBRT" beside "Conventionally Fractionated Radiotherapy") is that one's, not this one's; a
    /// description that times it by another RT ("from the 2nd day of SBRT") does not name its
    /// kind. RT words that name something else ("Radiation monitoring device") are not RT, and a
    /// radiation intervention that names an imaging procedure and no RT ("Low-dose CT") is imaging.
    /// A boost's name also takes its description's main course; a radiation intervention of no RT
    /// word is RT of no kind where a dose is stated for it.
    /// </summary>
    private List<(string Field, TermMatch<string> Match)> Modality(
        StudyRecord record, Intervention intervention, List<(string Field, TermText Text)> own, (string Field, TermText Text) description,
        List<(string Field, TermText Text)> arms, bool isRadiation, bool localTherapy)
    {
        // What the trial's other interventions name as RT, read only where a rule needs it: the
        // kinds they name as their own are theirs, not this one's.
        var siblingRt = new Lazy<List<string>>(() => [.. record.Interventions.Where(i => i.Ordinal != intervention.Ordinal)
            .SelectMany(i => OwnRt(OwnTexts(i), dropTimed: !IsRadiation(i)))
            .Select(m => m.Match.Value)]);
        var siblings = new Lazy<HashSet<string>>(() => siblingRt.Value.Where(value => value != Terms.UnspecifiedRt).ToHashSet(StringComparer.Ordinal));
        var named = OwnRt(own, dropTimed: false);
        if (named.Any(m => IsOtherName(m.Field) && m.Match.Value != Terms.UnspecifiedRt)
            && named.Where(m => !IsOtherName(m.Field)).All(m => m.Match.Value == Terms.UnspecifiedRt))
        {
            // An other name is the same RT by another name ("Low dose Radiotherapy", other name
            // "Brachytherapy"): the kind it names is the name's, not a second course beside a
            // low-dose one (guide rule 7).
            named = [.. named.Where(m => IsOtherName(m.Field) || m.Match.Value != Terms.UnspecifiedRt)];
        }

        var acronym = isRadiation ? RtAcronymIn(own[0].Text) : null;
        if (isRadiation && named.All(m => m.Match.Value == Terms.UnspecifiedRt)
            && own[0].Text.Words.Select((w, i) => (w.Word, i)).FirstOrDefault(w => w.Word == "hdr") is (not null, var hdr))
        {
            // "Endo-HDR", "HDR boost": a radiation intervention's "HDR" is high-dose-rate
            // brachytherapy (not in a genetic one: "HDR-edited" cells, homology-directed repair).
            named = [(own[0].Field, new TermMatch<string>(_brachytherapy.Value, "HDR", hdr))];
        }

        if (named.Count == 0 && isRadiation && own[0].Text.Words is [("proton", _, _)]
            && record.Interventions.Any(i => IsRadiation(i) && TermText.Of(i.Name).Words is [("photon" or "photons", _, _)]))
        {
            // A radiation intervention named "Proton" beside one named "Photon" (RADCOMP): proton
            // beam therapy. The word alone is no term of the vocabulary ("protons" is): in other
            // text it is as often a proton pump inhibitor's, or imaging ("Proton" radiography,
            // proton magnetic resonance spectroscopy).
            named = [(own[0].Field, new TermMatch<string>(_proton.Value, "proton", 0))];
        }

        if (named.Count == 0 && isRadiation && SpelledOut(record, intervention) is { } spelled)
        {
            // A radiation intervention named by an acronym the titles or summary spell out
            // ("ARCON": "Accelerated Radiotherapy Plus Carbogen and Nicotinamide (ARCON)"): the
            // RT its words name.
            named = OwnRt([spelled], dropTimed: false);
        }
        if (named.Count == 0 && acronym is { } rtAcronym)
        {
            // A radiation intervention named by an acronym of RT the vocabulary does not know
            // ("PBRT", "PLNRT", "DART", "SCPRT plus neoadjuvant chemotherapy"): RT of no kind,
            // which what the record defines its RT by may make more specific (below).
            named = [(own[0].Field, rtAcronym)];
        }
        if (named.Count == 0 && intervention.Type?.ToUpperInvariant() is null or "DRUG" or "BIOLOGICAL" && RadiolabelledElsewhere(record, own[0].Text) is { } radiolabelled)
        {
            // A drug named by the ligand of a radioligand ("octreotate") that the record's
            // titles, summary or arms name with its radionuclide ("7.8GBq 177Lu Octreotate (Lutate)
            // given intravenously"): the radioligand, RT of no kind (guide rule 10).
            named = [radiolabelled];
        }
        if (!isRadiation && named.Count > 0 && (FreeTextEvidence.SupportsCare(record) || siblingRt.Value.Count > 0))
        {
            // A treatment given during RT ("Gargle with sodium bicarbonate during radiotherapy",
            // "Capecitabine (radiosensitizer during IMRT)") is timed by it: it does not give the RT
            // that another intervention gives, or that a supportive-care trial supports patients through.
            named = OwnRt(own, dropTimed: true);
        }

        if (named.Any(m => m.Match.Matched == "CRT") && DefinesCrtOtherwise(record))
        {
            // "Cardiac resynchronization therapy (CRT)", "cognitive remediation therapy (CRT)",
            // "capillary refill time (CRT)": the record's "CRT" is not chemoradiotherapy.
            named = [.. named.Where(m => m.Match.Matched != "CRT")];
        }

        // Imaging that guides the RT ("MRI-guided adaptive radiotherapy", "68Ga-PSMA-guided
        // salvage radiotherapy") is a technique of it, not imaging instead of it.
        var imagingOrLight = own.Any(t => vocabulary.ImagingWords.Matches(t.Text).Any(m => !GuidesTherapy(t.Text, m.Position + m.Words) && !IsChemotherapyBesideRt(t.Text, m.Position))
            || vocabulary.LightWords.Matches(t.Text).Count > 0);
        // A combination product is what its description combines ("nivolumab": "Combined
        // neoadjuvant therapy consisting of nivolumab + SABR").
        // So is a drug named as an arm ("nivolumab, docetaxel, cisplatin Group": its description
        // is the arm's whole protocol, surgery and RT included), where no other intervention of
        // the trial gives RT and the trial treats the disease; not a drug of an arm ("Cisplatin
        // (Arm A)", "Nivolumab Cohort 1"), which is one of its treatments.
        // So is a conditioning regimen named with TBI ("Cy/TBI": "Cyclophosphamide 120 mg/kg and
        // total body irradiation 12 Gy"), whose acronym alone names no kind (guide rule 4).
        var combination = string.Equals(intervention.Type, "COMBINATION_PRODUCT", StringComparison.OrdinalIgnoreCase)
            || TbiRegimen().IsMatch(intervention.Name ?? string.Empty)
            || (intervention.Type?.ToUpperInvariant() is "DRUG" or "BIOLOGICAL" && own[0].Text.Words is [.., (var last, _, _)] && ArmWords.Contains(last)
                && siblingRt.Value.Count == 0 && !FreeTextEvidence.SupportsCare(record));
        // A diagnostic test is never RT; a name that says imaging or light and no kind of RT
        // ("Low-dose CT", "I-131 whole-body scan", "Laser irradiation") is not RT.
        // Nor is a name that says the arm has no RT and nothing else (NamesOnlyAbsentRt).
        // A device whose name says nothing of it ("IRay") and whose description is the name of a
        // kind of RT and nothing more ("low voltage external beam radiosurgery") delivers that RT.
        var device = named.Count == 0 && string.Equals(intervention.Type, "DEVICE", StringComparison.OrdinalIgnoreCase);
        var rtDevice = device && intervention.Description?.AsSpan().ContainsAny(ListPunctuation) == false && DescribedAsRt(description.Text);
        if (device && !imagingOrLight
            && !own[0].Text.Words.Any(w => SeedsNotGivenWords.Contains(w.Word)) && SeedsCarried(description.Text) is { } seeds)
        {
            // A device whose description says it carries radioactive seeds ("The esophageal stent
            // combined a self-expandable covered esophageal stent and 125I radioactive seeds",
            // "a biliary stent loaded with iodine-125 seeds"): the seeds' brachytherapy, as both
            // annotators of set 143 labelled it.
            return [(description.Field, seeds)];
        }

        if (string.Equals(intervention.Type, "DIAGNOSTIC_TEST", StringComparison.OrdinalIgnoreCase)
            || (named.Count == 0 && (!(isRadiation || localTherapy || combination || rtDevice) || imagingOrLight || NamesOnlyAbsentRt(own[0].Text)))
            || (imagingOrLight && named.All(m => m.Match.Value == Terms.UnspecifiedRt)))
        {
            return [];
        }

        // A radiation intervention is read further for the kind of RT when its name says only
        // "radiotherapy": its description (what it names as given), and where that names no kind
        // either, its arms. Every kind the first of these that names one gives is the
        // intervention's, as courses ("pelvic EBRT followed by brachytherapy") or alternatives
        // ("IMRT or SBRT"); arms that differ in kind ("Photons", "Protons") compare them, so a
        // shared "Radiotherapy" takes the most specific one. A boost ("CyberKnife boost") follows a
        // main course, which its description names. A local treatment that names no RT is read in
        // its description alone.
        var given = FindRt([description]).Where(m => GivenInText.IsGiven(description.Text, m.Match.Position, m.Match.Position + m.Match.Words)).ToList();
        if (named.Any(m => m.Match.Value != Terms.UnspecifiedRt) && own.Any(t => t.Text.Words.Any(w => w.Word is "boost" or "boosts")))
        {
            named = [.. named, .. given.Where(m => m.Match.Value != Terms.UnspecifiedRt && !siblings.Value.Contains(m.Match.Value))];
        }

        var radiationOfNoKind = isRadiation && named.All(m => m.Match.Value == Terms.UnspecifiedRt);
        // Another type whose own words give RT of no kind ("PD-1 inhibitor", other names
        // "radiation"): its description says which, as a radiation intervention's does.
        var rtOfNoKind = named.Count > 0 && named.All(m => m.Match.Value == Terms.UnspecifiedRt);
        var tiers = new List<List<(string Field, TermMatch<string> Match)>> { named };
        if (((localTherapy || combination || rtDevice) && named.Count == 0) || radiationOfNoKind || rtOfNoKind)
        {
            tiers.Add(localTherapy && !combination && !isRadiation && named.Count == 0 ? OfferedRt(intervention, description.Field) : given);
        }

        // So are the arms of a radiation intervention of no kind, and of another whose own words
        // give RT of no kind and that has no description ("Drug: Neoadjuvant Chemoradiotherapy",
        // in an arm of "Intensity-modulated radiotherapy ... with paclitaxel").
        if (radiationOfNoKind || (rtOfNoKind && description.Text.Words.Count == 0))
        {
            tiers.Add([.. FindRt(arms).Where(m => !siblings.Value.Contains(m.Match.Value))]);
        }

        // Last, a radiation intervention of no kind anywhere takes the kind its summary defines
        // the trial's RT by (DefinedRt), where its name says radiation and names no isotope
        // ("Radiation Therapy", not "Iodine I 131 tositumomab" or "Strontium chloride Sr 89"), and
        // the trial's other interventions name no kind of external RT but a schedule
        // ("Conventionally Fractionated Radiation Therapy" beside "Hypofractionated Radiation
        // Therapy": both use the x-rays the summary names; "radiation therapy" beside
        // "brachytherapy": the x-rays are the one, the internal radiation the other).
        // So does one named by its dose alone ("Cumulative BED ≤ 130 Gy2", described as
        // "Radiation", not "Lutetium Lu 177 dotatate"): its digits are the dose's, not an
        // isotope's. A title's external beam is not this one's where another intervention names
        // EBRT as its own, as a course beside it ("Neoadjuvant IMRT Followed by Surgery and
        // Intraoperative Radiation Therapy", "Pelvic IMRT ... Followed by a Boost"): the title's
        // EBRT is that one's. A title that compares something else ("Prone Versus Supine
        // Position for Whole-Breast Irradiation") names the RT both arms give.
        if (radiationOfNoKind && siblingRt.Value.All(value => value is Terms.UnspecifiedRt or Terms.HypofractionatedRt or Terms.Ebrt or Terms.Sbrt || !vocabulary.IsExternal(value))
            && (named.Count > 0
                ? (own[0].Text.Words.Any(w => w.Word is "radiation" or "radiotherapy" or "irradiation" or "rt") || acronym is not null)
                    && (!own[0].Text.Words.Any(w => w.Word.Any(char.IsDigit)) || NamesDose(own[0].Text))
                : given.Count > 0 && NamesDose(own[0].Text) && given.All(g => SaysRadiationOnly(g.Match.Matched))))
        {
            // A kind the summary defines that another intervention names as its own
            // ("Radiosurgery uses special equipment ...", beside "Radiation: Radiosurgery") is that one's.
            tiers.Add([.. DefinedRt(vocabulary, record).Where(d => d.Match.Value == Terms.Ebrt || !siblings.Value.Contains(d.Match.Value)),
                .. siblings.Value.Contains(Terms.Ebrt) && !TitlesCompare(record) ? [] : TitledEbrt(vocabulary, record)]);
        }

        if (tiers.Any(t => t.Any(m => vocabulary.IsRadioembolisation(m.Match.Value)))
            && own.Append(description).Any(t => t.Text.Words.Select((w, i) => (w.Word, i)).Any(w => JointWords.Contains(w.Word)
                || (w.Word == "articular" && w.i > 0 && t.Text.Words[w.i - 1].Word == "intra"))))
        {
            // Yttrium-90 or holmium-166 injected into a joint ("Intraarticular administration ...
            // yttrium-90 per joint", radiosynoviorthesis) is no radioembolisation: RT of no kind.
            tiers = [.. tiers.Select(t => t.Select(m => vocabulary.IsRadioembolisation(m.Match.Value)
                ? (m.Field, new TermMatch<string>(Terms.UnspecifiedRt, m.Match.Matched, m.Match.Position, m.Match.Words)) : m).ToList())];
        }

        var tier = tiers.FindIndex(t => t.Any(m => m.Match.Value != Terms.UnspecifiedRt));
        var candidates = tier >= 0 ? tiers[tier] : [.. tiers.SelectMany(t => t)];
        if (tier == 0 && isRadiation && candidates.All(c => c.Match.Value == Terms.Ebrt && StudyNormaliser.NamesTechnique(c.Match.Matched))
            && vocabulary.RtKinds(given.Select(g => g.Match)) is [{ Value: Terms.Sbrt }]
            && !description.Text.Words.Any(w => w.Word is "boost" or "boosts" or "followed" or "then" or "after" or "sequential" or "subsequently"))
        {
            // A radiation intervention named by its technique alone ("Dynamic conformal arc
            // (DCA)", "VMAT") whose description gives stereotactic RT and no other course ("SBRT
            // delivered with the DCA technique"): the technique delivers it (guide rule 2). Not a
            // description of courses ("45 Gy/25 fx to pelvic nodes, followed by a SBRT boost").
            candidates = [.. given.Where(g => g.Match.Value == Terms.Sbrt)];
        }
        else if (tier == 0 && isRadiation && candidates.All(c => c.Match.Value == Terms.Ebrt)
            && given.Where(g => g.Match.Value is not (Terms.Ebrt or Terms.UnspecifiedRt)
                && description.Text.WordsFrom(g.Match.Position + g.Match.Words, 1).Any(w => w is "boost" or "boosts")).ToList() is { Count: > 0 } boosts)
        {
            // "IMRT": "45 Gy/25 fx to pelvic nodes, followed by a SBRT boost of 21 Gy/3 fx": the
            // boost its description adds is a course of its own (guide rule 1).
            candidates = [.. candidates, .. boosts];
        }
        if (candidates.Count == 0 && isRadiation && !imagingOrLight && DoseStatement(siblingRt.Value.Count > 0 ? [.. own, description] : [.. own, description, .. arms]) is { } dose)
        {
            // A radiation intervention named by what it spares or whom it treats ("hippocampus
            // avoidance", "Routine PCI") whose own words, description or arms state a dose ("PTV
            // 25Gy/10F") is RT; an arm's dose is another intervention's where one names RT.
            return [(dose.Field, new TermMatch<string>(Terms.UnspecifiedRt, dose.Text, 0))];
        }

        if (candidates.Count == 0 && isRadiation && !imagingOrLight && NamesDoseOrField(own[0].Text) && !NamesNoRt(own[0].Text)
            && vocabulary.ImagingWords.Matches(description.Text).Count == 0 && record.PrimaryPurpose?.ToUpperInvariant() is not ("DIAGNOSTIC" or "SCREENING"))
        {
            // A radiation intervention of no RT word and no dose whose name speaks of a dose or of
            // what it spares ("Standard dose", "Hippocampal sparing"): the registrant's type says
            // it is RT, of no kind its words name, as the annotators of sets 12 and 30 labelled
            // it. Not any name the type is given ("Active monitoring", "Radiofrequency
            // ablation", "Lymphoscintigraphy"), nor one that names no treatment or another
            // energy ("No dose escalation", "Hyperthermia dose"), imaging in its description or
            // a diagnostic trial ("Reduced-dose protocol" of a chest CT).
            // "Hypofractionated Arm (1)": the schedule its name gives.
            var kind = own[0].Text.Words.Any(w => w.Word is "hypofractionated" or "hypofractionation") ? Terms.HypofractionatedRt : Terms.UnspecifiedRt;
            return [(own[0].Field, new TermMatch<string>(kind, intervention.Name ?? string.Empty, 0))];
        }

        if (candidates.Count == 0 && isRadiation && !imagingOrLight && NamesOnlyStudyPart(own[0].Text)
            && description.Text.Words.Count == 0 && arms.Count == 0
            && record.PrimaryPurpose?.ToUpperInvariant() is not ("DIAGNOSTIC" or "SCREENING" or "BASIC_SCIENCE") && !FreeTextEvidence.IsObservational(record)
            && TitlesNameRtOnly(record))
        {
            // A radiation intervention named only by the part of the trial it belongs to ("Phase
            // I", "Phase II" of a phase I/II trial; "Treatment Group 1"), with no description and
            // no arm, says nothing but its type, and the type says RT: RT of no kind, which what
            // the trial's words name may make more specific (StudyNormaliser.SoleRtKind), as the
            // annotators of sets 100 and 142 labelled it. Not one whose description or arm says
            // what it is ("Arm B": "the machine is not switched on", "Regional hyperthermia"; a
            // sham or no-intervention arm), nor an observational, diagnostic or basic-science
            // study's; and only where a title names RT and no imaging or light ("[18F]Fluciclovine
            // PET Biodistribution", "Photobiomodulation for ... Oral Mucositis", "Microwave Ablation
            // Versus Radiofrequency Ablation" name no RT the part label could be).
            return [(own[0].Field, new TermMatch<string>(Terms.UnspecifiedRt, intervention.Name ?? string.Empty, 0))];
        }

        if (tier == 0 && isRadiation && candidates.All(c => c.Match.Value == Terms.HypofractionatedRt)
            && ScheduleDeliveredBy(given) is { Count: > 0 } described)
        {
            // A name that gives only a schedule ("Ultra-fractionated radiation therapy") whose
            // description names the kind that delivers it ("adaptive MRI-guided SAbR in 5
            // treatments"): that kind, as "hypofractionated" before SBRT says what SBRT is. Not its
            // arms' kinds: an arm describes all its interventions, the SBRT of another among them.
            candidates = described;
        }
        else if (tier == 0 && given.Count > 0)
        {
            // A kind the name gives, made more specific by its description ("Low dose rate
            // prostate brachytherapy": "Permanent implantation of radioactive Iodine-125 seeds"
            // is the seeds, as "iodine-125 seed brachytherapy" is): the most specific of a family
            // other than external beam (RtKinds).
            candidates = [.. candidates, .. given.Where(g => candidates.Any(c => vocabulary.SameFamily(c.Match.Value, g.Match.Value)))];
        }

        if (tier == 0 && candidates.Any(c => c.Field == own[0].Field && c.Match.Value == Terms.Sbrt)
            && candidates.Where(c => c.Match.Value == Terms.Ebrt).All(c => c.Field.Contains(".otherNames[", StringComparison.Ordinal)
                && TermText.Of(c.Match.Matched).Words.Any(w => w.Word is "photon" or "photons" or "external")))
        {
            // An other name that says how the named SBRT is delivered ("Stereotactic Body
            // Radiotherapy", other name "External photon radiation"): the SBRT's photons, not a
            // course of their own (guide rule 2).
            candidates = [.. candidates.Where(c => c.Match.Value != Terms.Ebrt)];
        }

        // So does a name that compares kinds itself ("Proton versus photon radiation therapy"):
        // one intervention the arms share (guide rule 9).
        var kinds = (tier == 2 && ArmsCompareKinds(candidates)) || (tier == 0 && ComparesOwnKinds(own[0], candidates))
            ? vocabulary.MostSpecificModality(candidates.Select(c => c.Match)) is { } best ? [best] : []
            : vocabulary.RtKinds(candidates.Select(c => c.Match));
        return [.. kinds.Select(kind => candidates.First(c => ReferenceEquals(c.Match, kind)))];
    }

    /// <summary>
    /// Whether an intervention's name puts "versus" or "vs" between kinds it names, none on both
    /// sides ("Proton versus photon radiation therapy"; not "EBRT plus brachytherapy boost versus
    /// EBRT alone", whose EBRT both arms give).
    /// </summary>
    private static bool ComparesOwnKinds((string Field, TermText Text) name, List<(string Field, TermMatch<string> Match)> candidates)
    {
        var own = candidates.Where(c => c.Field == name.Field).Select(c => c.Match).OrderBy(m => m.Position).ToList();
        var versus = own.Count < 2 ? -1 : Enumerable.Range(own[0].Position + own[0].Words, Math.Max(0, own[^1].Position - own[0].Position - own[0].Words))
            .FirstOrDefault(i => name.Text.Words[i].Word is "versus" or "vs", -1);
        if (versus < 0)
        {
            return false;
        }

        var before = own.Where(m => m.Position < versus).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var after = own.Where(m => m.Position > versus).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        return before.Count > 0 && after.Count > 0 && !before.Overlaps(after);
    }

    /// <summary>The kinds among <paramref name="matches"/> that deliver a schedule (SBRT, a particle, brachytherapy), not photons of no technique or the schedule itself.</summary>
    private static List<(string Field, TermMatch<string> Match)> ScheduleDeliveredBy(List<(string Field, TermMatch<string> Match)> matches) =>
        [.. matches.Where(m => VocabularyMatchers.BeyondPhotonSchedule(m.Match.Value))];

    /// <summary>
    /// The kinds a summary or detailed description defines the trial's RT by ("Radiation therapy
    /// uses high energy x-rays to kill tumor cells", as the US National Cancer Institute's records
    /// write it): an RT word of no kind, "uses", and what it uses; or a kind a sentence opens by
    /// defining ("Photon beam radiation therapy is a type of radiation therapy that uses ..."). Read only for RT of no kind
    /// where no other intervention names a kind of RT other than a schedule, and for RT of no
    /// kind that only the free text gives (<see cref="FreeTextEvidence"/>).
    /// </summary>
    internal static List<(string Field, TermMatch<string> Match)> DefinedRt(VocabularyMatchers vocabulary, StudyRecord record)
    {
        var defined = new List<(string Field, TermMatch<string> Match)>();
        foreach (var (field, sentence) in TermText.Sentences([(RecordFields.BriefSummary, record.BriefSummary), (RecordFields.DetailedDescription, record.DetailedDescription)]))
        {
            var text = TermText.Of(sentence);
            var matches = vocabulary.RtKindMatches(text);
            // "Photon beam radiation therapy is a type of radiation therapy that uses x-rays": a
            // sentence that opens by defining a kind of RT defines the kind the trial gives.
            if (matches.FirstOrDefault(m => m.Position == 0 && m.Value != Terms.UnspecifiedRt) is { } opening && Defines(text, OpeningPhrase(matches, opening)))
            {
                defined.Add((field, opening));
                continue;
            }

            if (record.Interventions.Count(IsRadiation) <= 1
                && matches.Where(m => m.Value == Terms.UnspecifiedRt).Select(m => (Subject: m, By: DeliveredBy(text, m))).FirstOrDefault(d => d.By is not null) is (var delivered, int by)
                && matches.FirstOrDefault(m => m.Position > delivered.Position) is { } means && means.Value is not (Terms.UnspecifiedRt or Terms.Ebrt) && means.Position - by <= 3
                && !matches.Any(m => m.Position > means.Position) && text.WordsFrom(means.Position + means.Words, 1).FirstOrDefault() is not ("or" or "and" or "like" or "boost" or "boosts"))
            {
                // "The radiation therapy treatments will be administered with electronic
                // brachytherapy using the FDA cleared Xoft Axxent System": the kind that delivers
                // the trial's RT, named at most three words after "with" ("high dose rate
                // brachytherapy"). Not a technique of external beam ("Radiation will be delivered
                // using intensity modulated radiation therapy"), which delivers whatever schedule
                // the intervention's dose gives (guide rule 2), nor one of alternatives ("using
                // protons or photons", "using SBRT or conventional fractionation"), each of which
                // is a kind of its own (guide rule 1), a likeness ("a brachytherapy-like dose
                // distribution using VMAT") or a boost beside the main course ("with intracavitary
                // brachytherapy boost"). Only where the trial has at most one radiation
                // intervention: beside several ("Radiotherapy to the primary tumour", "Radiotherapy
                // to metastatic sites"), the sentence's kind may be any one's.
                defined.Add((field, means));
                continue;
            }

            var subject = matches.FirstOrDefault(m => m.Value == Terms.UnspecifiedRt && Defines(text, m));
            // A kind after other RT words is an alternative of them, not what RT uses ("uses high
            // energy radiation or protons to kill tumor cells": photons or protons).
            var kinds = subject is null ? [] : matches.Where(m => m.Position > subject.Position && m.Value != Terms.UnspecifiedRt
                && !matches.Any(o => o.Value == Terms.UnspecifiedRt && o.Position > subject.Position && o.Position < m.Position)).ToList();
            if (subject is not null && kinds.Count == 0 && Photons(text, subject) is { } photons)
            {
                // "Radiation therapy uses high energy photons to kill tumor cells": x-rays by another
                // name, read only where they define the RT (a brachytherapy source emits photons too).
                kinds = [photons];
            }
            // One kind and what it does ("uses high energy x-rays to kill"), not a list of what
            // RT may use ("x-rays, particles, or radioactive seeds", "x-rays/gamma rays").
            // "uses high energy photons/electrons to kill" ("photons and electrons"): both are
            // external beams, one kind.
            if (kinds is [var kind] && text.WordsFrom(kind.Position + kind.Words + (kind.Value == Terms.Ebrt ? ElectronsBeside(text, kind.Position + kind.Words) : 0), 1).FirstOrDefault() is "to")
            {
                defined.Add((field, kind));
            }
        }

        return defined;
    }

    /// <summary>
    /// The external beam a title names as the trial's RT ("Post Operative External Beam
    /// Radiotherapy for Prostate Cancer: Randomized Trial Comparing Standard vs. Hypofractionated
    /// Radiation Therapy"): a title, official first, whose RT is EBRT given, with at most a
    /// schedule or RT of no kind beside it, names the kind of the trial's RT of no kind, as a
    /// summary that defines RT by x-rays does (<see cref="DefinedRt"/>). A title that names
    /// another kind ("SBRT vs Conventional Radiotherapy") or compares the EBRT with RT of no kind
    /// ("Whole Breast Irradiation Versus Partial Breast Radiotherapy") defines none; nor does one
    /// that names EBRT as prior therapy or absent.
    /// </summary>
    internal static List<(string Field, TermMatch<string> Match)> TitledEbrt(VocabularyMatchers vocabulary, StudyRecord record)
    {
        foreach (var (field, title) in new[] { (RecordFields.OfficialTitle, record.OfficialTitle), (RecordFields.BriefTitle, record.BriefTitle) })
        {
            var text = TermText.Of(title);
            var matches = vocabulary.RtKindMatches(text);
            // "Whole Breast Irradiation Versus Partial Breast Radiotherapy", "Targeted Intraoperative
            // Radiotherapy Versus Whole Breast External Beam Radiotherapy": the EBRT is compared with
            // RT of another kind, in either title; "Standard vs. Hypofractionated Radiation Therapy"
            // compares schedules.
            if (text.Words.Any(w => FreeTextEvidence.Compares(w.Word)) && matches.Any(m => m.Value == Terms.UnspecifiedRt))
            {
                return [];
            }

            if (matches.Any(m => m.Value == Terms.Ebrt) && matches.All(m => m.Value is Terms.Ebrt or Terms.HypofractionatedRt or Terms.UnspecifiedRt))
            {
                return [.. matches.Where(m => m.Value == Terms.Ebrt && GivenInText.IsGiven(text, m.Position, m.Position + m.Words, sequence: true)).Take(1).Select(m => (field, m))];
            }
        }

        return [];
    }

    /// <summary>How many words from <paramref name="at"/> add electrons to external beams named before ("photons/electrons", "photons and electrons", "photons and/or electrons"): 0 where none do.</summary>
    private static int ElectronsBeside(TermText text, int at) =>
        text.WordsFrom(at, 3).ToList() switch
        {
            ["electron" or "electrons", ..] => 1,
            ["and" or "or", "electron" or "electrons", ..] => 2,
            ["and", "or", "electron" or "electrons"] => 3,
            _ => 0,
        };

    /// <summary>"high energy photons" (or "high-energy photon beams", or "x-rays") right after the "uses" that defines <paramref name="subject"/>, as EBRT.</summary>
    private static TermMatch<string>? Photons(TermText text, TermMatch<string> subject)
    {
        var after = subject.Position + subject.Words;
        var uses = Enumerable.Range(after, Math.Max(0, Math.Min(9, text.Words.Count - after))).FirstOrDefault(i => text.Words[i].Word is "uses" or "use", -1);
        if (uses < 0)
        {
            return null;
        }

        var start = uses + 1;
        var words = text.WordsFrom(start, 4).ToList();
        // "uses x-rays to damage tumor cells" (the NCI's older wording) defines it as the
        // "high energy x-rays" of guide rule 4 do.
        var length = words is ["high", "energy", "photon" or "photons", ..] ? 3 : words is ["x", "rays" or "ray", ..] ? 2 : 0;
        length += length == 3 && words.Count > 3 && words[3] is "beam" or "beams" ? 1 : 0;
        return length == 0 ? null : new TermMatch<string>(Terms.Ebrt, text.Original[text.Words[start].Start..text.Words[start + length - 1].End], start, length);
    }

    /// <summary>The RT words that run on from <paramref name="opening"/> ("Photon beam" + "radiation therapy"), as one match.</summary>
    private static TermMatch<string> OpeningPhrase(List<TermMatch<string>> matches, TermMatch<string> opening)
    {
        var end = opening.Position + opening.Words;
        foreach (var match in matches.OrderBy(m => m.Position))
        {
            if (match.Position <= end)
            {
                end = Math.Max(end, match.Position + match.Words);
            }
        }

        return opening with { Words = end - opening.Position };
    }

    /// <summary>
    /// Where a sentence opens with RT of no kind and says what will deliver it ("The radiation
    /// therapy treatments will be administered with electronic brachytherapy", "Radiotherapy will
    /// be delivered using proton beams"), the position of the words after "with" or "using" (past
    /// an article); null otherwise. Only the trial's plan ("will be"): what RT "is delivered by"
    /// in general is background ("Radiation therapy is delivered by brachytherapy in about one in
    /// five men"), and "by" names who gives it as often as what ("by CyberKnife-certified
    /// radiation oncologists").
    /// </summary>
    private static int? DeliveredBy(TermText text, TermMatch<string> subject)
    {
        if (subject.Position > 1 || (subject.Position == 1 && text.Words[0].Word != "the"))
        {
            return null;
        }

        var at = subject.Position + subject.Words;
        at += text.WordsFrom(at, 1).FirstOrDefault() is "treatment" or "treatments" ? 1 : 0;
        if (!text.WordsFrom(at, 2).SequenceEqual(["will", "be"]))
        {
            return null;
        }

        at += 2;
        if (text.WordsFrom(at, 1).FirstOrDefault() is not ("administered" or "delivered" or "given")
            || text.WordsFrom(at + 1, 1).FirstOrDefault() is not ("with" or "using"))
        {
            return null;
        }

        at += 2;
        return at + (text.WordsFrom(at, 1).FirstOrDefault() is "a" or "an" or "the" ? 1 : 0);
    }

    /// <summary>
    /// Whether the RT named by <paramref name="subject"/> is defined by the words after it: "uses"
    /// right after it, or "is a type of [cancer] treatment that uses" ("Radiation therapy is a type
    /// of cancer treatment that uses beams of high energy x-rays"), at the start of the sentence.
    /// </summary>
    private static bool Defines(TermText text, TermMatch<string> subject)
    {
        var after = text.WordsFrom(subject.Position + subject.Words, 8).ToList();
        return after.FirstOrDefault() is "uses" or "use"
            || (subject.Position == 0 && after is ["is", "a", "type" or "form" or "kind", "of", ..] && after.Contains("uses"))
            // "External beam radiation therapy is delivered with intensity-modulated radiation
            // therapy (IMRT)": how the trial's RT is delivered.
            || (subject.Position == 0 && subject.Value == Terms.Ebrt && after is ["is" or "will", ..]
                && after.Take(3).Any(w => w is "delivered") && after.Skip(1).Take(3).Any(w => w is "with" or "using" or "by"));
    }

    /// <summary>
    /// The RT an intervention's own words name, less a name that says it lacks RT ("No Local
    /// Definitive Radiotherapy", "Without RT": a comparator, <see cref="AfterAbsence"/>) or an RT it gives "without"
    /// (<see cref="Without"/>) and, with <paramref name="dropTimed"/>,
    /// the RT another treatment is given during (<see cref="TimedByRt"/>).
    /// </summary>
    private List<(string Field, TermMatch<string> Match)> OwnRt(IEnumerable<(string Field, TermText Text)> own, bool dropTimed) =>
        [.. own.SelectMany(t => FindRt([t]).Where(m => !AfterAbsence(t.Text, m.Match.Position) && !Without(t.Text, m.Match.Position) && (!dropTimed || !(TimedByRt(t.Text, m.Match.Position)
                || (m.Match.Value == Terms.UnspecifiedRt && ConcurrentWith(t.Text, m.Match.Position))))))];

    /// <summary>
    /// Whether a name says its arm has no RT and nothing else ("no radiation", "None", "Without
    /// RT", typed radiation as the arm it stands for is): its description and arms ("no
    /// radiotherapy") name the RT withheld. Not "No boost", "Without chemotherapy" or "No
    /// elective nodal irradiation", which withhold something else: their descriptions say what RT
    /// they give.
    /// </summary>
    private static bool NamesOnlyAbsentRt(TermText name) =>
        name.Words is [("none", _, _)]
        || (name.Words is [("no" or "without" or "none", _, _), _, ..] && name.Words.Skip(1).All(w => StudyNormaliser.RtNameWords.Contains(w.Word)));

    /// <summary>
    /// Whether a name that opens with "no" or "without" names the RT at <paramref name="position"/>
    /// in what it withholds ("No RT", "Without radiotherapy"), not after a colon that says what
    /// it gives ("No boost: whole breast irradiation 40 Gy in 15 fractions").
    /// </summary>
    private static bool AfterAbsence(TermText text, int position) =>
        text.Words is [("no" or "without", _, _), ..]
        && !(text.Original.IndexOf(':') is var colon and >= 0 && text.Words[position].Start > colon);

    /// <summary>
    /// Whether a name gives the RT at <paramref name="position"/> "without", after another
    /// treatment ("SRS without whole brain RT"), not "with or without" it (one arm gives it).
    /// </summary>
    private static bool Without(TermText text, int position)
    {
        var at = Enumerable.Range(Math.Max(1, position - 2), Math.Min(2, position)).LastOrDefault(i => text.Words[i].Word == "without", -1);
        return at >= 1 && !GivenInText.WithOrWithout(text, at);
    }

    /// <summary>
    /// Whether the RT word at <paramref name="position"/> follows a "with" after a concurrent drug
    /// ("concurrent chemotherapy with radiation", beside the IMRT another intervention gives): the
    /// drug is timed by that RT. Only RT of no kind: "Concurrent durvalumab with SBRT" names an RT
    /// of its own.
    /// </summary>
    private static bool ConcurrentWith(TermText text, int position) =>
        position >= 1 && text.Words[position - 1].Word == "with" && text.WordsBefore(position - 1, 3).Any(w => w is "concurrent" or "concomitant" or "simultaneous");

    /// <summary>
    /// Where the record's titles or summary spell out the acronym an intervention is named by
    /// (two capitals or more, no spaces: "... Accelerated Radiotherapy Plus Carbogen and
    /// Nicotinamide (ARCON)"), the eight words or fewer before the acronym in brackets, back to
    /// what it is compared with, with the field they are in; otherwise null. An acronym followed
    /// only by a word that says it is given ("STAR Treatment": "stereotactic arrhythmia
    /// radioablation (STAR)") is read the same way.
    /// </summary>
    private static (string Field, TermText Text)? SpelledOut(StudyRecord record, Intervention intervention)
    {
        var name = intervention.Name?.Trim();
        var named = false;
        if (name?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var acronym, var given] && AcronymGivenWords.Contains(given.ToLowerInvariant()))
        {
            name = acronym;
            named = true;
        }

        if (name is not { Length: >= 3 and <= 10 } || !name.All(char.IsLetterOrDigit) || name.Count(char.IsUpper) < 2)
        {
            return null;
        }

        foreach (var (field, text) in RecordFields.Titles(record).Append((RecordFields.BriefSummary, record.BriefSummary)))
        {
            var at = text?.IndexOf($"({name})", StringComparison.Ordinal) ?? -1;
            if (at <= 0)
            {
                continue;
            }

            var before = TermText.Of(text![..at]);
            if (before.Words.Count == 0)
            {
                continue;
            }

            // Not across what it is compared with ("Hypofractionated Radiotherapy (HFRT) Versus
            // Conventionally Fractionated Radiotherapy (CFRT)", "compares SBRT with ... (CPRT)").
            var first = Math.Max(0, before.Words.Count - 8);
            for (var i = before.Words.Count - 1; i >= first; i--)
            {
                if (FreeTextEvidence.Compares(before.Words[i].Word) || before.Words[i].Word is "with" or "or" || text.AsSpan(before.Words[i].End, (i + 1 < before.Words.Count ? before.Words[i + 1].Start : at) - before.Words[i].End).Contains(')'))
                {
                    first = i + 1;
                    break;
                }
            }

            if (named)
            {
                // "STAR Treatment": only the words the acronym spells ("stereotactic arrhythmia
                // radioablation (STAR)"), not an RT the patients had before ("after radiotherapy
                // receive extracorporeal shock wave therapy (ESWT)").
                first = Math.Max(first, before.Words.Count - name.Length);
            }

            if (first >= before.Words.Count)
            {
                continue;
            }

            return (field, TermText.Of(text[before.Words[first].Start..at]));
        }

        return null;
    }

    /// <summary>
    /// Whether the record's titles, summary or detailed description spell "(CRT)" out as words that
    /// name neither chemotherapy nor RT ("cardiac resynchronization therapy (CRT)", "cognitive
    /// remediation therapy (CRT)", "capillary refill time (CRT)"), and never as chemoradiotherapy.
    /// </summary>
    private static bool DefinesCrtOtherwise(StudyRecord record)
    {
        var definitions = RecordFields.Titles(record).Select(t => t.Text).Append(record.BriefSummary).Append(record.DetailedDescription)
            .Where(t => t is not null).SelectMany(t => CrtDefinition().Matches(t!)).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToList();
        return definitions.Count > 0 && !definitions.Any(d => CrtRtWord().IsMatch(d));
    }

    /// <summary>Up to four words before "(CRT)".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"((?:[\w-]+\s+){1,4})\(CRT\)")]
    private static partial System.Text.RegularExpressions.Regex CrtDefinition();

    /// <summary>Words that make "(CRT)" chemoradiotherapy or conformal RT.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:chemo|radi|irradia|concurrent|concomitant|conformal)")]
    private static partial System.Text.RegularExpressions.Regex CrtRtWord();

    /// <summary>Words after an acronym that name it as what an arm is given ("STAR Treatment", "ARCON arm").</summary>
    private static readonly HashSet<string> AcronymGivenWords = new(["treatment", "therapy", "arm", "group", "procedure"], StringComparer.Ordinal);

    /// <summary>
    /// Whether a name is an acronym of RT alone: capitals ending in "RT", three to seven letters
    /// ("PBRT" for prostate bed RT, "PLNRT", "DART", "SART"), the way registrants name RT courses.
    /// </summary>
    private static bool RtAcronym(string? name) =>
        name?.Trim() is { Length: >= 3 and <= 7 } acronym && acronym.EndsWith("RT", StringComparison.Ordinal) && acronym.All(char.IsAsciiLetterUpper);

    /// <summary>The first word of a name that is an acronym of RT (<see cref="RtAcronym"/>), as RT of no kind; otherwise null, and where the name says it is not given ("No PORT", "Omission of PMRT", "Observation (no PMRT)").</summary>
    private static TermMatch<string>? RtAcronymIn(TermText name) =>
        !NamesNoRt(name) && name.Words.Select((w, i) => (Text: name.Original[w.Start..w.End], Position: i)).FirstOrDefault(w => RtAcronym(w.Text)) is ({ } text, var position)
            && GivenInText.IsGiven(name, position, position + 1)
            ? new TermMatch<string>(Terms.UnspecifiedRt, text, position)
            : null;

    /// <summary>The RT kind the vocabulary calls "HDR brachytherapy", looked up once.</summary>
    private readonly Lazy<string> _brachytherapy = new(() => vocabulary.RtKindMatches(TermText.Of("HDR brachytherapy")).Single().Value);

    /// <summary>The RT kind the vocabulary calls "proton beam therapy", looked up once.</summary>
    private readonly Lazy<string> _proton = new(() => vocabulary.RtKindMatches(TermText.Of("proton beam therapy")).Single().Value);

    /// <summary>A conditioning regimen of TBI and a drug ("Cy/TBI", "TBICy", "Flu-TBI", "TBI + VP16"), not "TBI" alone (traumatic brain injury).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:cy|flu|bu|vp-?16|mel|etop)\s*[/+-]?\s*tbi\b|\btbi\s*[/+-]?\s*(?:cy|flu|bu|vp-?16|mel|etop)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TbiRegimen();

    private static bool IsOtherName(string field) => field.Contains(".otherNames[", StringComparison.Ordinal);

    private static bool IsRadiation(Intervention intervention) => string.Equals(intervention.Type, "RADIATION", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the RT word at <paramref name="position"/> says when something else is given:
    /// "during" or "throughout" up to four words before it, with only words of a course between
    /// ("during radiotherapy", "during the course of radiotherapy", "during and after
    /// radiotherapy", "throughout the entire thoracic radiotherapy").
    /// </summary>
    private static bool TimedByRt(TermText text, int position)
    {
        for (var i = position - 1; i >= Math.Max(0, position - 5); i--)
        {
            var word = text.Words[i].Word;
            if (word is "during" or "throughout")
            {
                return true;
            }

            if (!CourseWords.Contains(word))
            {
                return false;
            }
        }

        return false;
    }

    private static readonly HashSet<string> CourseWords = new(
        ["the", "a", "their", "his", "her", "concurrent", "course", "courses", "of", "and", "after", "before", "entire", "whole", "daily",
         "thoracic", "pelvic", "radical", "definitive", "adjuvant", "postoperative", "preoperative"],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether the word at <paramref name="position"/> is "CT" joined to RT or chemoradiotherapy
    /// ("ct + rt", "RT/CT", "CT and RT", "Induction CT+ CRT"): chemotherapy beside radiotherapy,
    /// as oncologists abbreviate it, not a scan.
    /// </summary>
    private static bool IsChemotherapyBesideRt(TermText text, int position)
    {
        if (text.Words[position].Word != "ct" || text.Words.Any(w => ScanWords.Contains(w.Word)))
        {
            return false;
        }

        return IsRtJoined(position + 1, position + 1) || IsRtJoined(position - 1, position) || IsRtJoined(position + 2, position + 1) || IsRtJoined(position - 2, position - 1);

        // The RT word at "other", joined by a sign ("+", "/", "-", "&") or by the word "and" between.
        bool IsRtJoined(int other, int between)
        {
            if (other < 0 || other >= text.Words.Count || text.Words[other].Word is not ("rt" or "radiotherapy" or "crt" or "ccrt" or "chemoradiotherapy" or "chemoradiation"))
            {
                return false;
            }

            var (left, right) = other < position ? (other, position) : (position, other);
            return right - left == 1
                ? text.Between(left, right).Trim() is "+" or "/" or "-" or "&"
                : text.Words[between].Word == "and";
        }
    }

    /// <summary>Words that make a "CT" beside RT the scan that plans or assesses it ("CT and RT simulation", "Restaging CT and chemoradiotherapy response assessment").</summary>
    private static readonly HashSet<string> ScanWords = new(["simulation", "simulator", "planning", "scan", "scans", "imaging", "mask", "staging", "restaging", "contrast", "assessment"], StringComparer.Ordinal);

    /// <summary>Whether imaging ending before word <paramref name="next"/> guides what follows ("MRI-guided", "PET based").</summary>
    private static bool GuidesTherapy(TermText text, int next)
    {
        // "68Ga-PSMA-guided": the tracer's target may stand between.
        for (var i = next; i < Math.Min(text.Words.Count, next + 2); i++)
        {
            if (text.Words[i].Word is "guided" or "based" or "directed" or "adapted")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a partner class matched as the colloquial "chemo" or a bare "platinum" is not
    /// chemotherapy the intervention gives: in a behavioural, device or diagnostic intervention
    /// ("Chemo class", a nurse-led teaching session; "Platinum microcoils"), or where the words
    /// around it say it is not given ("Pembrolizumab maintenance post-chemo", "Observation (no
    /// adjuvant chemo)", "Olanzapine for chemo-induced nausea", "Pembrolizumab (post-platinum
    /// cohort)", "Atezolizumab after platinum failure"). "chemotherapy" and the other terms keep
    /// their old reading.
    /// </summary>
    private static bool ChemoNotGiven(TermText text, TermMatch<string> match, bool neverDrug) =>
        TermText.Key(match.Matched) is "chemo" or "platinum" && (neverDrug || !GivenInText.IsGiven(text, match.Position, match.Position + match.Words));

    /// <summary>The checkpoint a name is, whole ("PD-1", "PD1", "PD-L1"), as a class term.</summary>
    private (string Field, TermMatch<string> Match)? BareCheckpoint((string Field, TermText Text) name) =>
        name.Text.Words.Count > 0 && vocabulary.CheckpointSpelled(name.Text, 0, backward: false) is var (target, words) && words == name.Text.Words.Count
            ? (name.Field, new TermMatch<string>(target, name.Text.Original.Trim(), 0, words))
            : null;

    /// <summary>
    /// Whether a name speaks of a radiation dose, schedule, what the radiation spares or how it is
    /// planned ("Standard dose", "Dose escalation", "Hypofractionated Arm (1)", "Hippocampal
    /// sparing", "Localization, simulation and immobilization").
    /// </summary>
    private static bool NamesDoseOrField(TermText name) =>
        name.Words.Any(w => w.Word is "dose" or "doses" or "dosage" or "fraction" or "fractions" or "fractionated" or "fractionation" or "sparing" or "avoidance" or "boost"
            or "hypofractionated" or "hypofractionation" or "conventional" or "simulation" or "immobilization" or "immobilisation");

    /// <summary>Whether a title of the record names RT and none names imaging or light (<see cref="NamesOnlyStudyPart"/>).</summary>
    private bool TitlesNameRtOnly(StudyRecord record)
    {
        var titles = RecordFields.Titles(record).Select(t => TermText.Of(t.Text)).ToList();
        return titles.Any(t => vocabulary.RtKindMatches(t).Count > 0)
            && !titles.Any(t => vocabulary.ImagingWords.Matches(t).Count > 0 || vocabulary.LightWords.Matches(t).Count > 0);
    }

    /// <summary>
    /// Whether a name is only the label of a part of the trial: a phase, arm, group, cohort or
    /// part and its number or letter ("Phase I", "Phase 2", "Treatment Group 1", "Arm B", "Cohort
    /// 2a"), with no word of what it gives.
    /// </summary>
    private static bool NamesOnlyStudyPart(TermText name)
    {
        var words = name.Words.Select(w => w.Word).ToList();
        if (words.Count is < 2 or > 3 || !IsPartLabel(words[^1]) || !StudyPartWords.Contains(words[^2]))
        {
            return false;
        }

        return words.Count == 2 || words[0] is "treatment" or "study" or "experimental";
    }

    /// <summary>The words that name a part of a trial ("phase", "arm", "group", "cohort", "part").</summary>
    private static readonly HashSet<string> StudyPartWords = new(["phase", "arm", "group", "cohort", "part"], StringComparer.Ordinal);

    /// <summary>A part's number or letter: "1", "2a", "I", "II", "IV", "A".</summary>
    private static bool IsPartLabel(string word) =>
        (word.Length <= 3 && char.IsDigit(word[0]) && word.Skip(1).All(c => char.IsDigit(c) || c is 'a' or 'b'))
        || word is "i" or "ii" or "iii" or "iv" or "a" or "b" or "c" or "d";

    /// <summary>Whether matched RT words are only the generic ones ("Radiation", "radiation therapy"), naming no source.</summary>
    private static bool SaysRadiationOnly(string matched) =>
        TermText.Of(matched).Words.All(w => w.Word is "radiation" or "radiotherapy" or "irradiation" or "reirradiation" or "re" or "rt" or "therapy" or "treatment");

    /// <summary>Whether a title compares ("versus", "vs", "compared", "comparing"): what its arms differ in, the RT they share.</summary>
    private static bool TitlesCompare(StudyRecord record) =>
        new[] { record.BriefTitle, record.OfficialTitle }.Any(title => TermText.Of(title).Words.Any(w => FreeTextEvidence.Compares(w.Word)));

    /// <summary>The words of a name that is a schedule and nothing else ("5 daily fractions of 2 Gy", "10 GY in 5 daily fractions").</summary>
    private static readonly HashSet<string> ScheduleWords = new(
        ["gy", "cgy", "gray", "fraction", "fractions", "fx", "daily", "weekly", "once", "twice", "of", "in", "x", "over", "per", "a", "day", "days", "week", "weeks", "total"],
        StringComparer.Ordinal);

    /// <summary>Whether a name states a radiation dose in its units ("46 Gy", "Cumulative BED ≤ 130 Gy2", "EQD2 of 60 Gy").</summary>
    internal static bool NamesDose(TermText name) =>
        name.Words.Any(w => w.Word is "gy" or "cgy" or "gray" or "bed" or "eqd2" || (w.Word.StartsWith("gy", StringComparison.Ordinal) && w.Word.Length > 2 && w.Word[2..].All(char.IsDigit))
            || (char.IsDigit(w.Word[0]) && w.Word.EndsWith("gy", StringComparison.Ordinal)));

    /// <summary>
    /// Whether an intervention's name says it gives no treatment ("No adjuvant therapy",
    /// "Observation", "Sham") or a treatment by another energy than ionising radiation
    /// ("Hyperthermia", "HIFU", "Tumor Treating Fields").
    /// </summary>
    private static bool NamesNoRt(TermText name) =>
        name.Words is [("no" or "without" or "none", _, _), ..]
        || name.Words.Any(w => w.Word is "observation" or "surveillance" or "sham" or "mock" or "placebo" or "watchful"
            or "hyperthermia" or "thermotherapy" or "hifu" or "ultrasound" or "electrochemotherapy" or "ttfields");

    /// <summary>The first dose of radiation in Gy that <paramref name="texts"/> state, with its field.</summary>
    private static (string Field, string Text)? DoseStatement(IEnumerable<(string Field, TermText Text)> texts) =>
        texts.SelectMany(t => RtDoseParser.Doses(t.Text.Original).Select(d => (t.Field, d.Text)))
            .Cast<(string Field, string Text)?>()
            .FirstOrDefault();

    /// <summary>Whether the arms that name a kind of RT name different kinds: they compare them ("Photons", "Protons").</summary>
    private bool ArmsCompareKinds(List<(string Field, TermMatch<string> Match)> armMatches) =>
        armMatches.Where(m => m.Match.Value != Terms.UnspecifiedRt)
            .GroupBy(m => m.Field, StringComparer.Ordinal)
            .Select(arm => string.Join('|', vocabulary.RtKinds(arm.Select(m => m.Match)).Select(k => k.Value)))
            .Distinct(StringComparer.Ordinal)
            .Count() > 1;

    private List<(string Field, TermMatch<string> Match)> FindRt(IEnumerable<(string Field, TermText Text)> texts) =>
        texts.SelectMany(t => vocabulary.RtKindMatches(t.Text).Where(m => !GivenInText.NamedAsSomethingElse(t.Text, m.Position + m.Words)).Select(m => (t.Field, m))).ToList();

    /// <summary>
    /// The agents the record's other interventions name in their own words (name and other names),
    /// and whether those words name an ICI by class: what those interventions give themselves.
    /// </summary>
    private (HashSet<string> Agents, bool Ici) NamedByOtherInterventions(StudyRecord record, Intervention intervention)
    {
        var texts = OtherInterventionTexts(record, intervention);
        return (AgentsNamedIn(texts), texts.Any(text => vocabulary.IciClassMatches(text).Count > 0));
    }

    /// <summary>The agents <paramref name="texts"/> name, by name.</summary>
    private HashSet<string> AgentsNamedIn(List<TermText> texts) =>
        texts.SelectMany(text => vocabulary.Agents.Matches(text).Select(m => m.Value.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The own words (names and other names) of the record's interventions other than <paramref name="intervention"/>.</summary>
    private static List<TermText> OtherInterventionTexts(StudyRecord record, Intervention intervention) =>
        [.. record.Interventions.Where(i => i.Ordinal != intervention.Ordinal).SelectMany(i => OwnTexts(i).Select(t => t.Text))];

    /// <summary>
    /// Whether a drug a procedure's description names is given beside the procedure, not through it:
    /// by mouth or after it ("followed by oral capecitabine", "then capecitabine", "capecitabine orally").
    /// </summary>
    private static bool GivenBeside(TermText text, TermMatch<AgentEntry> drug) =>
        text.WordsBefore(drug.Position, 3).Any(w => w is "oral" or "followed" or "then")
        || text.WordsFrom(drug.Position + drug.Words, 1).Any(w => w is "orally" or "po");

    /// <summary>
    /// The chemotherapy a radiation intervention's description gives with its course, where the
    /// record has no other intervention for it: "50.4Gy radiation with concurrent capecitabine",
    /// "capecitabine-based long-term radiotherapy", "IMRT": "1. Gemcitabine plus cisplatin
    /// induction chemotherapy ... 2. Concurrent cisplatin chemotherapy ... 3. IMRT". Registrants
    /// mostly list the drugs as interventions of their own ("Radiotherapy": "60Gy ... concomitant
    /// to temozolomide", beside "Temozolomide"); then, or where an intervention other than
    /// radiation names chemotherapy ("Chemotherapy"), the radiation's description only times the
    /// course by them. Another arm's chemoradiation ("Standard chemoradiation": "Cisplatin-based
    /// chemoradiation to 70 Gy") is that arm's course, not this one's drugs.
    /// </summary>
    private List<(string Field, TermMatch<AgentEntry> Match)> CourseChemotherapy(StudyRecord record, Intervention intervention, (string Field, TermText Text) description)
    {
        var named = vocabulary.Agents.Matches(description.Text)
            .Where(m => m.Value.Class == Terms.Chemotherapy && GivenInText.IsGiven(description.Text, m.Position, m.Position + m.Words))
            .ToList();
        if (named.Count == 0)
        {
            return [];
        }

        var others = record.Interventions.Where(i => i.Ordinal != intervention.Ordinal && !IsRadiation(i)).SelectMany(OwnTexts).ToList();
        if (Find(vocabulary.PartnerClasses, others).Any(p => p.Match.Value == Terms.Chemotherapy))
        {
            return [];
        }

        var elsewhere = NamedByOtherInterventions(record, intervention);
        return [.. named.Where(m => !NamedElsewhere(elsewhere, m.Value)).Select(m => (description.Field, m))];
    }

    private static bool NamedElsewhere((HashSet<string> Agents, bool Ici) elsewhere, AgentEntry agent) =>
        elsewhere.Agents.Contains(agent.Name) || (elsewhere.Ici && agent.Class == Terms.Ici);

    /// <summary>Whether the intervention has arms and each names the agent in its label or description.</summary>
    private bool EveryArmNames(IReadOnlyList<ArmGroup> arms, AgentEntry agent) =>
        arms.Count > 0 && arms.All(a => vocabulary.Agents.Matches(TermText.Of($"{a.Label}. {a.Description}")).Any(m => m.Value.Name == agent.Name));

    /// <summary>
    /// The intervention's own words: its name and other names. A record that gives an
    /// intervention no name (a copy that kept only "radiation targeting the tumor bed: 25Gy/5Fx")
    /// names it by its description.
    /// </summary>
    private static IEnumerable<(string Field, TermText Text)> OwnTexts(Intervention intervention)
    {
        yield return string.IsNullOrWhiteSpace(intervention.Name) && !string.IsNullOrWhiteSpace(intervention.Description)
            ? ($"interventions[{intervention.Ordinal}].description", TermText.Of(DescriptionHead(intervention.Description)))
            : ($"interventions[{intervention.Ordinal}].name", TermText.Of(intervention.Name));
        for (var i = 0; i < intervention.OtherNames.Count; i++)
        {
            yield return ($"interventions[{intervention.Ordinal}].otherNames[{i}]", TermText.Of(intervention.OtherNames[i]));
        }
    }

    /// <summary>
    /// What a description names before its first colon, comma or semicolon outside brackets
    /// ("PD-1 antibody (Tislelizumab): 200mg d1 q3w"; "Durvalumab 1500 mg every 4 weeks, starting
    /// after chemoradiotherapy"): the name an unnamed intervention would have had.
    /// </summary>
    private static string DescriptionHead(string description)
    {
        var depth = 0;
        for (var i = 0; i < description.Length; i++)
        {
            depth += description[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth <= 0 && description[i] is ':' or ',' or ';')
            {
                return description[..i];
            }
        }

        return description;
    }

    private static List<(string Field, TermMatch<T> Match)> Find<T>(TermMatcher<T> matcher, IEnumerable<(string Field, TermText Text)> texts) =>
        texts.SelectMany(t => matcher.Matches(t.Text).Select(m => (t.Field, m))).ToList();
}
