using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// What a trial gives that its structured interventions do not say: RT or an ICI named only in
/// its titles ("RT + Anti-PD-1") or arms. Read only when the interventions name no RT (or no
/// ICI), never for an observational study (it assigns nothing), and only from the trial's own
/// description of itself: a title where it names RT and an ICI together, an arm's label and
/// description for that arm, and the brief summary only for the kind of RT they name and for the
/// RT of its sentence of what every patient receives (in a record with no intervention and no
/// arm, the summary's words of what the trial gives, and the detailed description's where a
/// sentence speaks of this trial); never the eligibility criteria. A therapy the words around it name as prior, failed, absent or excluded,
/// or as a cause or a measurement, is not the trial's (<see cref="GivenInText.IsGiven(TermText, int, int)"/>): precision matters
/// as much as recall. The values are kept apart as <see cref="Ordinal"/> -1, so a reviewer sees
/// they came from free text.
/// </summary>
internal sealed partial class FreeTextEvidence(VocabularyMatchers vocabulary)
{
    /// <summary>The intervention ordinal under which values derived from free text are stored.</summary>
    public const int Ordinal = InterventionTerms.FreeTextOrdinal;

    public InterventionTerms? Derive(StudyRecord record, IReadOnlyList<InterventionTerms> structured, List<TermSource> sources)
    {
        // An observational study assigns nothing, a diagnostic or screening trial tests or
        // predicts for the therapies it names, and a supportive-care or prevention trial
        // supports patients through them (a cream for radiodermatitis, a probiotic "while on
        // ICI"); a record that does not say its type is read. Of a supportive-care or prevention
        // trial, only a title's RT that one arm adds to another treatment ("Palliative Stenting
        // With or Without Radiotherapy") or that the title gives "in treating" patients
        // ("Single-Dose Local Radiation Therapy Compared With Ibandronate in Treating Patients
        // With Localized Metastatic Bone Pain") is read: palliation by RT is care too.
        var care = SupportsCare(record);
        var needRt = !structured.Any(i => i.RtModality is not null);
        var needIci = !care && !structured.Any(i => i.GivesIci);
        if (!ReadsFreeText(record) || (!needRt && !needIci))
        {
            return null;
        }

        var modalities = new List<(string Field, TermMatch<string> Match)>();
        var refinements = new List<(string Field, TermMatch<string> Match)>();
        var agents = new List<(string Field, TermMatch<AgentEntry> Match)>();
        var doses = new List<(string Field, ParsedDose Dose)>();
        var classes = new List<(string Field, TermMatch<string> Match)>();
        var blockers = new List<(string Field, TermMatch<string> Match)>();
        var rtOnlyBefore = new Lazy<bool>(() => RtOnlyBeforeTheTrial(record));
        var titleConsolidates = new Lazy<bool>(() => TitleConsolidatesAfterRt(record));
        var iciConsolidates = new Lazy<bool>(() => IciIsConsolidation(record));
        // An ICI compared with a placebo, in the interventions or, in a record that lists none, in
        // a title ("Pembrolizumab (MK-3475) Versus Placebo Following Surgery and Radiation"): the
        // RT the ICI follows is how patients enter, as in PACIFIC.
        var placeboAfterRt = new Lazy<bool>(() => (structured.Any(i => i.GivesIci)
                && record.Interventions.Any(i => TermText.Of(i.Name).Words.Any(w => w.Word is "placebo" or "placebos")))
            || (record.Interventions.Count == 0 && TitleSentences(record).Any(t => t.Words.Words.Any(w => w.Word is "placebo")
                && vocabulary.Agents.Matches(t.Words).Any(m => m.Value.Class == Terms.Ici))));
        // A record that lists no intervention and no arm says what it gives only in words, its
        // purpose perhaps only in its detailed description ("The rationale for this study is to
        // determine the safety and efficacy of combined immune checkpoint inhibitors and
        // radiation therapy"), read as its summary is (of this trial only: OfThisTrial).
        // So does one whose arms say nothing of what they give ("Standard", "Test", with no description).
        var bare = record.Interventions.Count == 0 && record.ArmGroups.All(a => string.IsNullOrWhiteSpace(a.Description) && !NamesTherapy(TermText.Of(a.Label)));
        var described = bare ? TermText.Sentences([(RecordFields.DetailedDescription, record.DetailedDescription)]) : [];
        // One whose interventions are only what it assesses ("Brief pain inventory (BPI)",
        // "Simulation CT", "QOL assessment") says what it gives in its title, as a bare one does.
        var assessesOnly = new Lazy<bool>(() => !bare && ListsOnlyAssessments(record));
        // A title's ICI compared "Versus" what follows (<see cref="ComparedInTitle"/>) is given
        // only in a record that lists a therapy or a control arm's (set 152's eNERGY: "Drug:
        // Chemotherapy"; "Observation", "Treatment discontinuation"), or none: one that lists only
        // a sample, a tracer, a questionnaire, a test or a vaccine ("Effect of Pembrolizumab
        // Versus Chemotherapy on the Gut Microbiome" with "Stool sample collection") studies
        // patients the title's treatments are given outside it.
        var listsTherapy = new Lazy<bool>(() => record.Interventions.Count == 0
            || record.Interventions.Any(i => TermText.Of(i.Name) is var name && (NamesTherapy(name) || name.Words.Any(w => ControlArmWords.Contains(w.Word)))));
        // An observational study that lists no intervention is read from its titles, where they
        // name the treatment it studies ("Surgery Versus Stereotactic Body Radiation Therapy for
        // Stage I NSCLC"), and from its summary's sentences of what the study assesses ("an
        // observational retrospective study to investigate the efficacy and safety of the
        // treatment with an immune checkpoint inhibitor (nivolumab or pembrolizumab) in
        // combination with radiotherapy"); the rest of its summary and arms describe the
        // patients it follows, treated outside it ("patients treated with ICIs").
        // Nothing of it is read where a title follows its patients through the therapies
        // (<see cref="FollowsPatientsThrough"/>).
        var observed = IsObservational(record);
        if (observed && TitleSentences(record).Any(t => FollowsPatientsThrough(t.Words)))
        {
            return null;
        }

        // The field whose last sentence said what the trial gives up to a colon ("compare ... two
        // conditioning regimens ...: Total Body Irradiation (TBI) and ..."): the sentence after it
        // lists what it gives.
        string? listFollows = null;
        foreach (var (field, sentence) in OwnSentences(record).Concat(described)
            .Where(s => (!observed || RecordFields.IsTitle(s.Field) || (s.Field == RecordFields.BriefSummary && AssessesInStudy(TermText.Of(s.Sentence))))
                && (!care || RecordFields.IsTitle(s.Field))))
        {
            var words = TermText.Of(sentence);
            var continuesList = listFollows == field;
            listFollows = null;
            var allRt = vocabulary.RtKindMatches(words);
            if (allRt.Count > 0 && allRt.All(m => m.Value == Terms.UnspecifiedRt) && (IsImagingDose(words, allRt) || vocabulary.LightWords.Matches(words).Count > 0))
            {
                // "a CT with a typical effective radiation dose of 2 mSv": the radiation of imaging;
                // "the same laser device to imitate a real irradiation": light.
                allRt = [];
            }

            var agentMatches = vocabulary.Agents.Matches(words);
            var allAgents = agentMatches.Where(m => m.Value.Class == Terms.Ici).ToList();
            // "PD1/PDL1 Inhibitor": each checkpoint the slashes join to the class word.
            var checkpointGroups = vocabulary.IciClassGroups(words);
            var allClasses = checkpointGroups.SelectMany(g => g).DistinctBy(m => (m.Value, m.Position)).ToList();
            // A slashed checkpoint is given only with its class word: "PD-1/PD-L1 Inhibitor-Resistant"
            // makes both the patients' history, though "PD-1" alone is followed by the slash.
            var classHeads = checkpointGroups.SelectMany(g => g.Skip(1).Select(t => (Slashed: t, Head: g[0])))
                .DistinctBy(p => (p.Slashed.Value, p.Slashed.Position)).ToDictionary(p => p.Slashed, p => p.Head);
            List<TermMatch<string>> GivenClasses(bool sequence)
            {
                var given = GivenInText.Given(allClasses, words, sequence);
                return [.. given.Where(g => !classHeads.TryGetValue(g, out var head) || given.Contains(head))];
            }

            if (RecordFields.IsTitle(field) && allRt.Count == 0)
            {
                // A title's ICI that the people it enrols are on, where it names no RT ("... in
                // Participants With Solid Tumors on PD1/PDL1 Inhibitor Therapy"): their treatment,
                // not the trial's. Not one the people continue through the trial's RT ("Patients
                // With Melanoma on Nivolumab Randomised to Palliative Radiotherapy"), nor one
                // they are "undergoing" or "receiving" as its regimen ("Patients With HCC
                // Undergoing Neoadjuvant Camrelizumab ...").
                allAgents = [.. allAgents.Where(m => !PatientsUndergo(words, m.Position, onlyOn: true))];
                allClasses = [.. allClasses.Where(m => !PatientsUndergo(words, m.Position, onlyOn: true))];
            }

            // Where the sentence names RT and an ICI, "after" and "following" order the two; alone,
            // they mean treatment given before the trial.
            var rt = GivenInText.Given(allRt, words, sequence: true);
            var named = GivenInText.Given(allAgents, words, sequence: true);
            var iciClasses = GivenClasses(sequence: true);
            var combination = rt.Count > 0 && (named.Count > 0 || iciClasses.Count > 0);
            if (!combination)
            {
                (rt, named, iciClasses) = (GivenInText.Given(allRt, words, sequence: false), GivenInText.Given(allAgents, words, sequence: false), GivenClasses(sequence: false));
                // A chemotherapy taken in a period the RT opens ("Capecitabine 825 mg/m2 twice daily
                // from 1 day before radiotherapy until 1 week after radiotherapy") is chemoradiation:
                // the RT is given with it, as with an ICI (sequence); not a supplement's period.
                var periods = allRt.Where(m => !rt.Contains(m) && GivenInText.OpensPeriodAround(words, m.Position)).ToList();
                var chemotherapyAt = periods.Count == 0 ? -1
                    : agentMatches.Where(m => m.Value.Class == Terms.Chemotherapy).Select(m => m.Position).DefaultIfEmpty(-1).Min();
                if (chemotherapyAt >= 0)
                {
                    rt = [.. rt.Concat(periods.Where(m => m.Position > chemotherapyAt
                        && GivenInText.IsGiven(words, m.Position, m.Position + m.Words, sequence: true))).OrderBy(m => m.Position)];
                }
            }
            else
            {
                // "Consolidation sintilimab after concurrent chemoradiation": the RT a consolidation
                // follows was given before the trial, as in PACIFIC. So is the RT a title's ICI
                // follows ("Durvalumab Following Radiation Therapy") where the record's other words
                // name RT only as received before it ("received ... radiotherapy prior to study entry").
                // And where a title says the ICI is maintenance after RT ("Durvalumab Maintenance
                // After Thoracic Chemoradiotherapy"), so is the RT an arm's ICI comes after
                // ("Durvalumab every 4 weeks after thoracic chemoradiotherapy"). So is the RT a
                // title's ICI follows where the record's interventions compare that ICI with a
                // placebo and give no RT ("Dostarlimab vs Placebo After Chemoradiation": patients
                // enter after it, as in PACIFIC). So is the RT a title's ICI follows where a title
                // or an arm calls that ICI consolidation or maintenance ("Study of Toripalimab ...
                // Following Concurrent Chemoradiotherapy" with the arm "Toripalimab Consolidation").
                rt = [.. rt.Where(m => !(ConsolidatesAfter(words, m.Position)
                        || (Follows(words, m.Position) && (RecordFields.IsTitle(field)
                            ? rtOnlyBefore.Value || ((placeboAfterRt.Value || iciConsolidates.Value) && !Concurrent(words, m.Position))
                            : titleConsolidates.Value))
                        || (RecordFields.IsTitle(field) && iciConsolidates.Value && FollowsTheIci(words, m.Position, named) && !Concurrent(words, m.Position)))
                    || StatesDose(sentence))];
            }

            if (field is RecordFields.BriefSummary or RecordFields.DetailedDescription)
            {
                // A summary also describes the patients, what they already receive and what others
                // do; a sentence of it that names RT with an ICI only tells the kind of RT. A
                // detailed description tells the history of both ("Earlier trials combined proton
                // therapy with nivolumab"): none of it refines.
                refinements.AddRange(combination && field == RecordFields.BriefSummary ? rt.Select(m => (field, m)) : []);
                // A record that lists no intervention and no arm says what it gives only in words:
                // the summary's sentence of its purpose or of what patients will receive counts
                // ("All patients will receive anti PD-1 therapy with pembrolizumab"), and of the
                // detailed description, one that says so of this trial ("The rationale for this
                // study is to determine the safety and efficacy of ..."), not of earlier ones. In a
                // record with interventions, only the RT of the summary's sentence of what every
                // patient receives ("All patients receive intensity modulated radiotherapy with
                // conventional fraction", beside "Drug: nimotuzumab"): its ICI words there may be
                // the structured drugs' class.
                var inDescription = field == RecordFields.DetailedDescription;
                var range = bare ? (inDescription && !OfThisTrial(words) ? null : WhatTheTrialGives(words, wholeAssessedSentence: !inDescription) ?? TestedOrStudied(words))
                        ?? (continuesList ? (0, words.Words.Count) : null)
                    : inDescription ? null : EveryPatientReceives(words);
                if (range is var (_, end) && end == words.Words.Count && sentence.TrimEnd().EndsWith(':') && !words.Words.Any(w => ListOfHistoryWords.Contains(w.Word)))
                {
                    listFollows = field;
                }

                if (range is not var (from, to))
                {
                    continue;
                }

                if (!bare)
                {
                    // Alone, "following" and "after" mean RT before the trial ("All patients receive
                    // durvalumab following definitive chemoradiotherapy").
                    (rt, named, iciClasses) = (GivenInText.Given(allRt, words, sequence: false), [], []);
                }

                // Only the therapies in the words that say what is given ("randomized to receive
                // cabozantinib or placebo, as nivolumab is no longer available": not nivolumab),
                // and not those of the patients it describes ("in treating older patients
                // undergoing chemotherapy and radiation therapy").
                bool Given(int position) => position >= from && position < to && !PatientsUndergo(words, position);
                (rt, named, iciClasses) = ([.. rt.Where(m => Given(m.Position))], [.. named.Where(m => Given(m.Position))], [.. iciClasses.Where(m => Given(m.Position))]);
            }

            // A title names what a trial is about, not always what it gives ("Radiation Dermatitis
            // Cream", "PD-1 Expression as a Biomarker"): it counts where it names RT and an ICI
            // together, an ICI by name joined to another treatment ("Toripalimab Plus Surgery
            // vs Surgery Alone"), RT added to another treatment ("Salvage Systemic Therapy With
            // or Without Stereotactic Ablative Radiotherapy"), or either as what the trial studies
            // or compares ("A Study of Radiation Therapy Before CAR T Cell Therapy", "Study
            // Comparing Tremelimumab to Placebo"). An arm's words are what that arm gives.
            // A record that lists no intervention and no arm has only its title to say what it
            // is: a therapy the title names as its subject is given ("Radiotherapy for Metastatic
            // Spinal Cord Compression", "Dose Escalated SBRT With MRI Guidance for Liver
            // Metastases"), unless the title studies something of it (<see cref="TitleSubject"/>).
            if (RecordFields.IsTitle(field) && (!combination || care))
            {
                var joinedClasses = needIci ? WithSlashedCheckpoints(checkpointGroups, iciClasses, [.. iciClasses.Where(m => JoinedToTreatment(words, m) || (bare && TitleSubject(words, m)) || JoinedToListedDrug(record, words, m))]) : [];
                var joined = needIci
                    ? named.Where(m => JoinedToTreatment(words, m) || (bare && TitleSubject(words, m)) || NamesClass(words, m, joinedClasses) || JoinedToListedDrug(record, words, m)
                        || (listsTherapy.Value && ComparedInTitle(words, m, named))).ToList()
                    : [];
                var added = !needRt ? []
                    : care ? rt.Where(m => AddedInCare(words, m)).ToList()
                    : rt.Where(m => AddedToTreatment(words, m) || CombinedWithTreatment(record, words, m) || ((bare || (assessesOnly.Value && !PatientsAreThere(words, m)) || OpensWithChemoradiation(words, m)) && TitleSubject(words, m))
                        || InTreating(words, m) || ChemoradiationJoinedToListedDrug(record, words, m) || ListedDrugAddedToChemoradiation(record, words, m)
                        || (Sensitised(words, m) && !observed && GivesTreatment(record, rt.Any(o => o.Position != m.Position)))
                        || (observed && RegistryOfTreated(words, m.Position))).ToList();
                if (joined.Count == 0 && added.Count == 0 && joinedClasses.Count == 0)
                {
                    continue;
                }

                (rt, named, iciClasses) = (added, joined, joinedClasses);
            }

            modalities.AddRange(needRt ? rt.Select(m => (field, m)) : []);
            if (needRt && rt.Count > 0 && HypofractionatedDose(sentence) is { } dose)
            {
                doses.Add((field, dose));
            }

            agents.AddRange(needIci ? named.Select(m => (field, m)) : []);
            classes.AddRange(needIci ? iciClasses.Select(m => (field, m)) : []);
            blockers.AddRange(needIci ? iciClasses.Where(m => BlockerBeside(words, m, allAgents)).Select(m => (field, m)) : []);
        }

        if (needRt && modalities.Count == 0 && !care)
        {
            // A drug's description that is the trial's whole protocol ("AK112": "4-6 weeks after
            // the surgery, the patients will be given chemoradiotherapy or radiotherapy alone"):
            // the RT of its sentence of what the patients will receive, where nothing else gives
            // RT; not what another treatment "will be administered" with or during ("BSC ...
            // could include ... palliative radiotherapy").
            foreach (var (field, sentence) in TermText.Sentences(record.Interventions.Select(i => ($"interventions[{i.Ordinal}].description", i.Description))))
            {
                var words = TermText.Of(sentence);
                if (PatientsWillReceive(words) is var (from, to))
                {
                    modalities.AddRange(GivenInText.Given(vocabulary.RtKindMatches(words), words, sequence: false)
                        .Where(m => m.Position >= from && m.Position < to && !PatientsUndergo(words, m.Position)).Select(m => (field, m)));
                }
            }
        }

        if (modalities.Count > 0 && TreatsRtInjury(record))
        {
            // A trial of an RT injury (radiodermatitis, radiation proctitis) names the RT that caused it.
            modalities.Clear();
        }

        if (agents.Count + classes.Count > 0 && TreatsIciInjury(record))
        {
            // So does a trial of an ICI's injury ("Anti-PD-1/PD-L1 Induced Pneumonitis") name the ICI.
            agents.Clear();
            classes.Clear();
        }

        if (modalities.Count > 0)
        {
            modalities.AddRange(refinements);
        }

        var modality = vocabulary.MostSpecificModality(modalities.Select(m => m.Match));
        if (modality is not null && doses.Count == 0 && bare)
        {
            // A record of no intervention whose summary prescribes the dose apart from the RT it
            // names ("... single dose external beam radiotherapy ... patients ... will receive 24 Gy
            // in a single-dose"): the dose of the RT the record gives.
            doses.AddRange(TermText.Sentences([(RecordFields.BriefSummary, record.BriefSummary)])
                .Where(s => PrescribesDose(TermText.Of(s.Sentence), s.Sentence))
                .Select(s => (s.Field, Dose: HypofractionatedDose(s.Sentence)))
                .Where(d => d.Dose is not null).Take(1).Select(d => (d.Field, d.Dose!)));
        }

        if (modality is { Value: Terms.UnspecifiedRt } && doses.Count == 0
            && InterventionNormaliser.DefinedRt(vocabulary, record).DistinctBy(d => d.Match.Value).ToList() is [var defined])
        {
            // RT of no kind in a record's words whose summary defines its RT ("Radiation therapy
            // uses high-energy x-rays to kill tumor cells"): that kind, as for an intervention.
            modalities.Add(defined);
            modality = defined.Match;
        }
        else if (modality is { Value: Terms.UnspecifiedRt } && doses.Count == 0 && OnlyKindTitled(record) is { } titled)
        {
            // RT of no kind in a record's words ("All participants will be treated with radiation
            // therapy and ADT") whose title names one kind of RT and compares none ("T-Cell
            // Clonality After Stereotactic Body Radiation Therapy Alone and in Combination With
            // M9241"): the title's kind.
            modalities.Add(titled);
            modality = titled.Match;
        }
        else if (modality is { Value: Terms.UnspecifiedRt } && doses.Count == 0 && ExternalBeamOnly(record, []) is { } external)
        {
            // RT of no kind in a record that names no kind but external beam ("Palliative Stenting
            // With or Without Radiotherapy", whose summary compares "stenting and external beam
            // radiotherapy" with stenting alone): external beam, as for an intervention.
            modalities.Add(external);
            modality = external.Match;
        }

        var ici = agents.DistinctBy(a => a.Match.Value.Name).ToList();
        // A checkpoint named ("anti-PD-1") says more than "ICI" beside it, as in an intervention.
        // Beside named agents, only a drug that blocks a checkpoint none of them blocks is a
        // target of its own ("ipilimumab ... nivolumab", and "novel IO combinations (i.e. ...
        // anti-LAG3)"); not the checkpoint as a marker ("Programmed Cell Death-Ligand 1
        // (PD-L1)-Positive").
        var iciClass = ici.Count == 0 ? VocabularyMatchers.NamedCheckpointsFirst(classes.DistinctBy(c => c.Match.Value).ToList(), c => c.Match.Value)
            : [.. blockers.Where(c => c.Match.Value != Terms.UnspecifiedIci && !ici.Any(a => a.Match.Value.Targets.Contains(c.Match.Value)))
                .DistinctBy(c => c.Match.Value)];
        if (ici.Count == 0 && iciClass is [var onlyClass] && (IndexedAgent(record, onlyClass.Match.Value) ?? DefinedAgent(record, onlyClass.Match.Value)) is { } indexed)
        {
            // "Perioperative Chemotherapy Plus PD-1 Antibody" with the keyword "Camrelizumab": that
            // antibody; so is the one the summary says the class is ("Tislelizumab, an
            // anti-programmed death protein-1 (PD-1) monoclonal antibody").
            (ici, iciClass) = ([indexed], []);
        }
        if (modality is null && ici.Count == 0 && iciClass.Count == 0)
        {
            return null;
        }

        if (doses.Count > 0 && (modality is { Value: Terms.UnspecifiedRt } || (modality is { Value: Terms.Ebrt } && StudyNormaliser.NamesTechnique(modality.Matched))))
        {
            // "Short Course Radiation Therapy (5 x 5 Gy in 1 week)": a hypofractionated dose, as
            // for an intervention; so is EBRT named only by its technique ("VMAT-IGRT", 24 Gy once).
            var (field, dose) = doses[0];
            modality = new TermMatch<string>(Terms.HypofractionatedRt, dose.Text, 0);
            sources.Add(new TermSource("study", 0, NormalisedField.RtModality, modality.Value, field, dose.Text));
        }
        else if (modality is not null)
        {
            var (field, match) = modalities.First(m => ReferenceEquals(m.Match, modality));
            sources.Add(new TermSource("study", 0, NormalisedField.RtModality, match.Value, field, match.Matched));
        }

        foreach (var (field, match) in ici)
        {
            sources.Add(new TermSource("study", 0, NormalisedField.Agent, match.Value.Name, field, match.Matched));
        }

        foreach (var (field, match) in iciClass)
        {
            sources.Add(new TermSource("study", 0, NormalisedField.Target, match.Value, field, match.Matched));
        }

        // A title that compares kinds ("SBRT Versus Hypofractionated Radiotherapy") or combines
        // them gives the trial each, as guide rule 1 has an intervention give each alternative
        // and each course.
        // So does an arm that gives several ("Intensity Modulated Radiation Therapy (IMRT) Is
        // Mandated; Proton therapy ... is an acceptable treatment modality"), read as an
        // intervention's words are (guide rule 1).
        // So does the sentence of a record with no intervention that says what it gives
        // ("a combination of modern radiotherapy elements ... (IMRT, IGRT; brachytherapy in case
        // of positive resection margin)").
        var armKinds = modalities.Where(m => m.Field.StartsWith("armGroups[", StringComparison.Ordinal)
                || (bare && m.Field is RecordFields.BriefSummary or RecordFields.DetailedDescription && !refinements.Any(r => ReferenceEquals(r.Match, m.Match))))
            .GroupBy(m => m.Field, StringComparer.Ordinal)
            .SelectMany(arm => vocabulary.RtKinds(arm.Select(m => m.Match)).Select(kind => (Field: arm.Key, Match: kind)));
        // A technique there delivers the stereotactic or hypofractionated RT beside it ("VMAT-IGRT"
        // for a single dose of 24 Gy: guide rule 2), not a course of its own as beside brachytherapy;
        // RT named by what it treats ("whole-brain radiation therapy") is a course, compared or given beside.
        var delivered = modality?.Value is Terms.Sbrt or Terms.HypofractionatedRt;
        var compared = modality is null ? [] : ComparedOrCombinedInTitles(record)
            .Concat(armKinds.Where(k => !(delivered && k.Field is RecordFields.BriefSummary or RecordFields.DetailedDescription
                && k.Match.Value == Terms.Ebrt && StudyNormaliser.NamesDeliveryTechnique(k.Match.Matched))))
            .Where(c => c.Match.Value != modality.Value && c.Match.Value != Terms.UnspecifiedRt).DistinctBy(c => c.Match.Value).ToList();
        foreach (var (field, match) in compared)
        {
            sources.Add(new TermSource("study", 0, NormalisedField.RtModality, match.Value, field, match.Matched));
        }

        var givesIci = ici.Count > 0 || iciClass.Count > 0;
        return new InterventionTerms(
            Ordinal,
            [.. ici.Select(a => a.Match.Value.Name)],
            givesIci ? [Terms.Ici] : [],
            [.. ici.SelectMany(a => a.Match.Value.Targets).Concat(iciClass.Select(c => c.Match.Value)).Distinct()],
            modality?.Value,
            [],
            ici.Any(a => a.Match.Value.Bispecific) ? [Terms.Bispecific] : [])
        {
            AlsoRtModalities = [.. compared.Select(c => c.Match.Value)],
        };
    }

    /// <summary>
    /// The kinds of RT a title compares, given on either side of "versus", "vs", "compared" or
    /// "comparing" ("Proton ... vs. Partial Photon Radiation Therapy"), or combines as courses ("Combined Y-90
    /// SIRT and SBRT"); not one named as prior therapy.
    /// </summary>
    private List<(string Field, TermMatch<string> Match)> ComparedOrCombinedInTitles(StudyRecord record) =>
        [.. TitleSentences(record).SelectMany(s =>
        {
            var words = s.Words;
            var given = GivenInText.Given(vocabulary.RtKindMatches(words), words, sequence: false);
            var kinds = vocabulary.RtKinds(given);
            // A title that combines kinds ("Combined Y-90 Selective Internal Radiation Therapy (Y-90
            // SIRT) and Stereotactic Body Radiation Therapy (SBRT)") gives each as a course.
            return words.Words.Any(w => Compares(w.Word)) || kinds.Count(k => k.Value != Terms.UnspecifiedRt) > 1
                ? kinds.Select(m => (s.Field, m))
                : [];
        })];

    /// <summary>
    /// The ICI of a class the free text gives that the record's summary or description defines as
    /// that class, in apposition or with "is a" ("Tislelizumab, an anti-programmed death protein-1
    /// (PD-1) monoclonal antibody", "Toripalimab is a humanized anti-PD-1 antibody"), when they
    /// define exactly one with that target (not for "ICI, unspecified").
    /// </summary>
    private (string Field, TermMatch<AgentEntry> Match)? DefinedAgent(StudyRecord record, string target)
    {
        if (target == Terms.UnspecifiedIci)
        {
            return null;
        }

        var defined = new List<(string Field, TermMatch<AgentEntry> Match)>();
        foreach (var (field, sentence) in TermText.Sentences([(RecordFields.BriefSummary, record.BriefSummary), (RecordFields.DetailedDescription, record.DetailedDescription)]))
        {
            var words = TermText.Of(sentence);
            var classes = vocabulary.IciClassGroups(words).SelectMany(g => g).ToList();
            foreach (var agent in vocabulary.Agents.Matches(words).Where(m => m.Value.Class == Terms.Ici && m.Value.Targets.Contains(target)))
            {
                var next = agent.Position + agent.Words;
                var article = words.WordsFrom(next, 2).ToList() switch
                {
                    ["a" or "an", _] when words.Between(next - 1, next).Trim() is "," => next + 1,
                    ["is", "a" or "an"] => next + 2,
                    _ => -1,
                };
                if (article > 0 && classes.Any(c => c.Value == target && c.Position >= article && c.Position <= article + 6))
                {
                    defined.Add((field, agent));
                }
            }
        }

        return defined.DistinctBy(d => d.Match.Value.Name).Count() == 1 ? defined[0] : null;
    }

    /// <summary>
    /// The ICI of a class the free text gives that the record's index terms name: its keywords or
    /// its intervention MeSH terms, when they name exactly one with that target (not for "ICI,
    /// unspecified", which any ICI would fit).
    /// </summary>
    private (string Field, TermMatch<AgentEntry> Match)? IndexedAgent(StudyRecord record, string target)
    {
        if (target == Terms.UnspecifiedIci)
        {
            return null;
        }

        var keywords = record.Keywords.SelectMany((keyword, i) => vocabulary.Agents.Matches(TermText.Of(keyword)).Select(m => (Field: $"conditionsModule.keywords[{i}]", Match: m)));
        return InterventionNormaliser.OneIci(keywords.Concat(InterventionNormaliser.MeshAgents(vocabulary, record)), target);
    }

    /// <summary>Whether a sentence states a dose in Gy: RT it names with its dose is the protocol's ("Adjuvant durvalumab after SBRT, 50 Gy in 5 fractions").</summary>
    private static bool StatesDose(string sentence) => RtDoseParser.Doses(sentence).Any();

    /// <summary>The dose statement of a sentence that states only hypofractionated doses ("5 x 5 Gy in 1 week"), if it states one.</summary>
    private static ParsedDose? HypofractionatedDose(string sentence)
    {
        var doses = RtDoseParser.Doses(sentence).ToList();
        return StudyNormaliser.AllHypofractionated([.. doses.Select(d => RtDoseParser.ToRegimen(d, 0, "free text"))]) ? doses[0] : null;
    }

    /// <summary>
    /// An agent named with "plus", "+", "combined with" or "with" beside it: a combination the
    /// title gives; or, where nothing after it says it is studied (<see cref="NotStudiedOf"/>),
    /// given before a later treatment ("Ivonescimab Before Surgery", "Nivolumab and Ipilimumab
    /// Prior to Radical Cystectomy") or in a phase that heads the title ("Neoadjuvant
    /// Ivonescimab for ...", "Surgery Versus Neoadjuvant Nivolumab"; not "Recurring Despite
    /// Adjuvant Nivolumab" or "Response to Neoadjuvant Nivolumab").
    /// </summary>
    private static bool JoinedToTreatment<T>(TermText words, TermMatch<T> agent) =>
        JoinedInTitle(words, agent.Position, agent.Position + agent.Words, w => w is "plus" or "with", agent.Position)
        || (!DescribesPeople(words, agent.Position) && NotStudiedOf(words, agent.Position + agent.Words)
            && (HeadedByPhase(words, agent.Position) || BeforeLaterTreatment(words, agent.Position + agent.Words)));

    /// <summary>
    /// Whether a title opens with the agent at <paramref name="agent"/> (words of the study, its
    /// phase or what it assesses before it at most), alone or joined to one more ("Nivolumab and
    /// Ipilimumab"), and compares it with what follows ("Versus Chemotherapy", "vs. Placebo",
    /// "Compared With Observation"): one arm gives it, whether or not the record lists it. Not the
    /// agent of people the title describes, nor one whose effect is studied.
    /// </summary>
    private static bool ComparedInTitle<T>(TermText words, TermMatch<T> agent, List<TermMatch<T>> agents)
    {
        // The second of two joined agents ("Nivolumab and Ipilimumab Versus ...") is compared as
        // the first is, and so is the agent it is compared with ("Nivolumab Versus
        // Pembrolizumab"): each arm gives its own.
        if (agents.FirstOrDefault(a => a.Position + a.Words + 1 == agent.Position && words.Words[agent.Position - 1].Word is "and" or "plus") is { Words: > 0 } first)
        {
            return ComparedInTitle(words, first, []);
        }

        if (agent.Position >= 1 && words.Words[agent.Position - 1].Word is "versus" or "vs"
            && agents.Any(a => a.Position < agent.Position && a.Position + a.Words + 3 >= agent.Position && ComparedInTitle(words, a, [])))
        {
            return true;
        }

        var end = agent.Position + agent.Words;
        var after = words.WordsFrom(end, 4).ToList();
        if (after is ["and" or "plus", _, ..] || (end < words.Words.Count && words.Between(end - 1, end).Trim() is "+"))
        {
            after = after.Skip(after is ["and" or "plus", ..] ? 2 : 1).ToList();
        }

        return after is ["versus" or "vs", _, ..] or ["compared", "with" or "to", _, ..]
            && words.Words.Take(agent.Position).All(w => MayOpenTitle(w.Word))
            && !DescribesPeople(words, agent.Position) && NotStudiedOf(words, end);
    }

    /// <summary>A word that may come before the therapy a title opens with: of the study, its phase or what it assesses ("A Phase II Study of", "Neoadjuvant", "Efficacy and Safety of").</summary>
    private static bool MayOpenTitle(string word) =>
        StudyTitleWords.Contains(word) || PhaseWords.Contains(word) || AssessedWords.Contains(word) || word is "of" or "and";

    /// <summary>Words of an intervention that is a control arm's treatment, not an assessment ("Observation", "Placebo", "Treatment discontinuation").</summary>
    private static readonly HashSet<string> ControlArmWords = new(
        ["observation", "placebo", "discontinuation", "surveillance", "stopping", "cessation"], StringComparer.Ordinal);

    /// <summary>A phase word right before the agent at <paramref name="position"/> that opens the title or follows what studies, compares or joins it.</summary>
    private static bool HeadedByPhase(TermText words, int position)
    {
        // "Pre-operative" and "Peri-operative" are cut into two words.
        var phase = position >= 2 && words.Words[position - 1].Word == "operative" && words.Words[position - 2].Word is "pre" or "peri" or "post"
            ? position - 2
            : position >= 1 && PhaseWords.Contains(words.Words[position - 1].Word) ? position - 1 : -1;
        if (phase < 0)
        {
            return false;
        }

        var before = words.WordsBefore(phase, 2).ToList();
        return before.Count == 0
            || before[^1] is "versus" or "vs" or "plus" or "with" or "and" or "evaluating" or "testing" or "comparing"
            || before is ["study" or "trial", "of"];
    }

    /// <summary>
    /// "before" or "prior to" a later treatment right after the agent ending at <paramref name="end"/>,
    /// or after another agent joined to it ("and Ipilimumab Before Surgery"), the treatment
    /// perhaps qualified ("Before Radical Cystectomy", "Before Liver Transplantation").
    /// </summary>
    private static bool BeforeLaterTreatment(TermText words, int end)
    {
        var after = words.WordsFrom(end, 7).ToList();
        if (after is ["and" or "plus" or "or", _, ..])
        {
            after = after[2..];
        }

        var from = after is ["before", ..] ? 1 : after is ["prior", "to", ..] ? 2 : -1;
        return from > 0 && after.Skip(from).Take(2).ToList() is var next
            && (next is [var treatment, ..] && LaterTreatments.Contains(treatment)
                || next is [var qualifier, var qualified] && TreatmentQualifiers.Contains(qualifier) && LaterTreatments.Contains(qualified));
    }

    /// <summary>The phase of treatment an ICI a title names is given in ("Neoadjuvant", "Maintenance").</summary>
    private static readonly HashSet<string> PhaseWords = new(
        ["neoadjuvant", "adjuvant", "perioperative", "preoperative", "postoperative", "presurgical", "induction", "consolidation",
         "consolidative", "maintenance"],
        StringComparer.Ordinal);

    /// <summary>An operation an ICI is given "before" in a title ("Before Surgery", "Before Hepatectomy").</summary>
    private static readonly HashSet<string> LaterTreatments = new(
        ["surgery", "resection", "surgical", "hepatectomy", "esophagectomy", "oesophagectomy", "gastrectomy", "cystectomy", "prostatectomy",
         "nephrectomy", "mastectomy", "lobectomy", "pneumonectomy", "pancreatectomy", "colectomy", "hysterectomy", "transplant", "transplantation"],
        StringComparer.Ordinal);

    /// <summary>What may qualify the operation ("Radical Cystectomy", "Liver Transplantation", "Curative Resection").</summary>
    private static readonly HashSet<string> TreatmentQualifiers = new(
        ["radical", "definitive", "curative", "planned", "surgical", "liver", "partial", "total"], StringComparer.Ordinal);

    /// <summary>
    /// Whether a title joins the therapy named from <paramref name="start"/> to <paramref name="end"/>
    /// to the trial's treatment, not to the people it describes: studied or compared
    /// (<see cref="Studied"/>), "plus" or "combined" after it, a word before it that
    /// <paramref name="joinsBefore"/>, or a "+" beside it (its qualifiers from <paramref name="plusFrom"/>).
    /// </summary>
    private static bool JoinedInTitle(TermText words, int start, int end, Func<string, bool> joinsBefore, int plusFrom) =>
        !DescribesPeople(words, start) && (Studied(words, start, end)
        || words.WordsFrom(end, 1).Any(w => w is "plus" or "combined")
        || words.WordsBefore(start, 1).Any(joinsBefore)
        || PlusBeside(words, plusFrom, end));

    /// <summary>
    /// Whether a title names the therapy at <paramref name="position"/> to describe its people
    /// ("Cancer Patients Treated With Immune Checkpoint Inhibitors", "Patients Given Neoadjuvant
    /// Chemoradiotherapy"): a word for people in the four words before it, or a "with or
    /// without" that says how people were treated (<see cref="TreatedWithOrWithout"/>). Not
    /// "Chemotherapy Given With Nivolumab", which joins the two.
    /// </summary>
    private static bool DescribesPeople(TermText words, int position) =>
        words.WordsBefore(position, 4).Any(PopulationWords.Contains)
        || (position >= 1 && GivenInText.WithOrWithout(words, position - 1) && TreatedWithOrWithout(words, position - 1));

    /// <summary>
    /// An agent a title names in brackets right after a class it gives ("Trial of PD1 Antibody
    /// (Toripalimab), Lenvatinib and GEMOX"): the agent that class is.
    /// </summary>
    private static bool NamesClass(TermText words, TermMatch<AgentEntry> agent, List<TermMatch<string>> classes) =>
        agent.Position > 0 && words.Between(agent.Position - 1, agent.Position).Contains('(')
        && classes.Any(c => c.Position + c.Words == agent.Position);

    /// <summary>
    /// A therapy that is the subject of the title of a record with no intervention: not what the
    /// title studies of it, before or after it ("Radiotherapy Omission", "Cost-Effectiveness of
    /// Stereotactic Radiotherapy", <see cref="NotStudiedOf"/>), not the people it describes
    /// (<see cref="DescribesPeople"/>), not what something else is for ("Cardiac Dosimetry
    /// Assessment for Left Sided Breast Cancers Radiotherapy", <see cref="ForSomethingElse"/>),
    /// not "as" something other than a therapy; what the words before it say (prior, without,
    /// after) is <see cref="GivenInText"/>'s.
    /// </summary>
    private static bool TitleSubject<T>(TermText words, TermMatch<T> therapy)
    {
        var end = therapy.Position + therapy.Words;
        // "Comparison of Acute Toxicity and Cost Between Whole Breast Irradiation With Sequential
        // Boost and Simultaneous Integrated Boost": what is studied of the therapies compared
        // "between" them is measured in the arms that give them; only the words after "between" say
        // what the therapy is.
        // Not where all that is measured is cost ("Cost Comparison Between SBRT and Surgery"): a
        // cost analysis, which gives neither, as "Cost-Effectiveness of" does not.
        var before = words.WordsBefore(therapy.Position, 4).ToList();
        before = before.LastIndexOf("between") is var between and >= 0
            && !words.Words.Take(therapy.Position).Select(w => w.Word).Where(StudiedBeforeTherapy.Contains).All(w => w is "cost" or "costs" or "effectiveness")
            ? before[(between + 1)..] : before;
        return NotStudiedOf(words, end) && !before.Any(StudiedBeforeTherapy.Contains)
            && !DescribesPeople(words, therapy.Position) && !ForSomethingElse(words, therapy.Position)
            && !(words.WordsFrom(end, 1).Any(w => w == "as") && !AsTherapy(words, end));
    }

    /// <summary>
    /// Whether a "for" in the six words before the therapy at <paramref name="position"/> makes it
    /// what something else is for ("Dosimetry Assessment for Breast Cancer Radiotherapy"), with no
    /// "with", "using", "plus", "via" or "by" between that gives it ("Neoadjuvant Treatment for
    /// Rectal Cancer With Short Course Radiotherapy"). A "with" or "by" after "treated" does not
    /// give it: it says how the people the title is for are treated ("Dexamethasone 96 mg Versus
    /// 16 mg Per Day for Malignant Spinal Cord Compression Treated by Radiotherapy").
    /// </summary>
    private static bool ForSomethingElse(TermText words, int position)
    {
        // After "treated by", the people the title is for, however many words name them.
        var from = ModifiedFrom(words, position);
        var treated = from >= 2 && words.Words[from - 1].Word is "with" or "by" && words.Words[from - 2].Word == "treated";
        var before = words.WordsBefore(position, treated ? position : 6).ToList();
        var at = before.LastIndexOf("for");
        if (treated && at >= 0 && before.Take(at).All(StudyTitleWords.Contains))
        {
            // "A Phase II Trial for Oligometastatic Prostate Cancer Treated With SBRT": the trial is
            // for those people, and treating them is what it does.
            return false;
        }

        return at >= 0 && !Enumerable.Range(at + 1, before.Count - at - 1)
            .Any(i => before[i] is "with" or "using" or "plus" or "via" or "by" && !(before[i] is "with" or "by" && before[i - 1] == "treated"));
    }

    /// <summary>Words that name only the study itself before a title's "for" ("A Randomised Phase II Trial for").</summary>
    private static readonly HashSet<string> StudyTitleWords = new(
        ["a", "an", "the", "phase", "i", "ii", "iii", "iv", "1", "2", "3", "trial", "study", "randomised", "randomized", "pilot", "prospective",
         "multicentre", "multicenter", "controlled", "open", "label", "single", "arm", "feasibility", "clinical"],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether the words after a therapy a title names leave it a therapy: not the people it names
    /// ("Radiotherapy Patients", "Pembrolizumab-Treated"), not what is studied of it
    /// ("Radiotherapy Omission", "Radiation Effects on Memory", "SBRT Outcomes"), not de-escalated.
    /// </summary>
    private static bool NotStudiedOf(TermText words, int end) =>
        !words.WordsFrom(end, 1).Any(w => PopulationWords.Contains(w) || w == "treated")
        && !words.WordsFrom(end, 2).Any(StudiedOfTherapy.Contains) && !words.WordsFrom(end, 2).SequenceEqual(["de", "escalation"]);

    /// <summary>
    /// The words of a sentence that say what the trial gives, as a range of word positions: what
    /// patients "will receive", "will be treated/given/administered/applied", "will undergo" or "will have" (or "are
    /// scheduled to" receive, undergo or be given it), or the efficacy,
    /// safety, feasibility, effect or activity "of" a therapy it assesses (the whole sentence);
    /// what the trial's own therapy "includes" or "consists of" (<see cref="OpensWithOwnTherapy"/>), to the end;
    /// what patients are randomized or assigned "to receive" (or "to" a therapy), up to the end of that clause; the
    /// therapy whose "how well" it "works" the trial studies, between the two (and what it works
    /// "compared with", to the end). None for a purpose
    /// that only names a therapy ("whether nivolumab levels predict response"), those "eligible
    /// to receive" it, or "how well patients who completed radiation therapy recover".
    /// </summary>
    /// <param name="words">The sentence.</param>
    /// <param name="wholeAssessedSentence">
    /// Whether a sentence of what the trial assesses gives all it names (a summary's purpose,
    /// "Pembrolizumab plus SBRT: the efficacy of the combination") or only what it assesses
    /// ("the efficacy of", to the end): a detailed description names other care before it
    /// ("Although nivolumab is standard of care, the efficacy of SBRT ...").
    /// </param>
    internal static (int From, int To)? WhatTheTrialGives(TermText words, bool wholeAssessedSentence = true)
    {
        if (OpensWithOwnTherapy(words))
        {
            // "The combined therapy includes HAIC ..., lenvatinib and an intravenous PD-1 inhibitor".
            return (OwnTherapySubjectWords + 1, words.Words.Count);
        }

        if (words.Words is [("giving", _, _), (not "up", _, _), ..] && HypothesisVerb(words) is { } hypothesis)
        {
            // "Giving chemotherapy, such as cyclophosphamide and busulfan, and total-body
            // irradiation (TBI) before a donor ... transplant helps stop the growth of cancer
            // cells": the US National Cancer Institute's summaries give the rationale of the
            // regimen the trial gives in a sentence that opens on it and says what it "may" do or
            // "helps" do; not what giving something "is" (usual care), "can cause" or "improved"
            // in another trial, nor "giving up" smoking.
            // What it may spare patients is not given ("may reduce the need for radiation therapy").
            var avoided = Enumerable.Range(hypothesis, words.Words.Count - hypothesis).FirstOrDefault(i => AvoidedWords.Contains(words.Words[i].Word), words.Words.Count);
            return (1, avoided);
        }

        for (var i = 0; i + 1 < words.Words.Count; i++)
        {
            var (word, next) = (words.Words[i].Word, words.Words[i + 1].Word);
            // "will also receive", "will then be treated": one adverb of sequence between.
            var verb = word == "will" && SequenceAdverbs.Contains(next) && i + 2 < words.Words.Count ? i + 2 : i + 1;
            next = words.Words[verb].Word;
            if ((word == "will" && next is "receive" or "undergo" or "be" && (next != "be" || words.WordsFrom(verb + 1, 1).Any(w => w is "treated" or "given" or "administered" or "applied")))
                || (word == "will" && next == "have" && !words.WordsFrom(verb + 1, 1).Any(w => w is "had" or "been" or "received" or "completed" or "undergone" or "finished"))
                || (AssessedWords.Contains(word) && next == "of" && !OfOthers(words, i)))
            {
                return (wholeAssessedSentence || !AssessedWords.Contains(word) ? 0 : i + 2, words.Words.Count);
            }

            if (word is "study" or "trial" && next == "is" && words.WordsFrom(i + 2, 2).ToList() is ["assessing" or "evaluating" or "testing" or "investigating" or "examining", "if" or "whether"]
                && (OpensAsThisStudy(words, i) || (i == 1 && words.Words[0].Word == "the"))
                && WhetherSubject(words, i + 4) is { } subject)
            {
                // "The trial is assessing if durvalumab monotherapy or the combination of
                // durvalumab and tremelimumab can improve Disease Free Survival": what it tests,
                // in the present, is what it gives, up to the clause's verb (WhetherSubject).
                return (i + 4, subject);
            }

            if (word is "study" or "trial" && next is "of" or "using" or "uses" && verb == i + 1 && OpensAsThisStudy(words, i)
                && !(next == "uses" && words.WordsFrom(i + 2, 3).Any(UsedMethodWords.Contains)))
            {
                // "This is a single arm phase II study of docetaxel, prednisone, and sunitinib
                // systemic therapy followed by salvage external beam radiation therapy for men
                // who ...": what the study is of; or uses ("This is a phase II trial using a
                // non-myeloablative cyclophosphamide/ fludarabine/total body irradiation (TBI)
                // preparative regimen", "This clinical trial uses nivolumab and radiotherapy prior
                // to definitive surgical resection").
                return (i + 2, words.Words.Count);
            }

            if (PresentProtocol(words, i))
            {
                // "Patients undergo 10 fractions of intensity-modulated whole-brain radiotherapy":
                // the US National Cancer Institute's outlines say in the present what patients get.
                return (i + 2, words.Words.Count);
            }

            if (BeginsTreatment(words, i) is { } begun)
            {
                // "patients will begin treatment on SBRT ... with concurrent and adjuvant
                // atezolizumab", "Patients will begin stereotactic body radiotherapy".
                return (begun, words.Words.Count);
            }

            if (word == "scheduled" && next == "to" && words.WordsBefore(i, 2).ToList() is [.., "are" or "is"] or ["will", "be"] && words.WordsFrom(i + 2, 2).ToList() is ["receive" or "undergo" or "administered", ..] or ["be", "treated" or "given" or "administered"])
            {
                // "The eligible patients are scheduled to receive ...", as they "will receive" it
                // (and as registrants also write it, "scheduled to administered"); not what they
                // "had been" or "were" scheduled to receive before the trial.
                return (0, words.Words.Count);
            }

            if (word == "to" && next == "receive" && words.WordsBefore(i, 6).Any(AssignedWords.Contains))
            {
                return (i + 2, ClauseEnd(words, i + 2));
            }

            if (AssignedWords.Contains(word) && next == "to" && !words.WordsFrom(i + 2, 1).Any(w => w is "receive" or "one" or "two" or "three" or "arm" or "group" or "groups" or "arms"))
            {
                // "randomized to nivolumab/ipilimumab plus either sequential or concurrent SBRT".
                return (i + 2, ClauseEnd(words, i + 2));
            }

            if (word == "how" && next == "well")
            {
                var works = Enumerable.Range(i + 2, Math.Max(0, words.Words.Count - i - 2)).FirstOrDefault(j => words.Words[j].Word is "work" or "works" or "worked", -1);
                if (works > i + 2)
                {
                    // "how well pembrolizumab works compared with ... ipilimumab": the comparator is
                    // given too. "... is studying stereotactic radiosurgery to see how well it works
                    // compared to whole-brain radiation therapy": "it" is what the trial studies, before.
                    var from = words.Words[i + 2].Word is "it" or "they"
                        ? Enumerable.Range(0, i).LastOrDefault(j => words.Words[j].Word is "studying" or "studies" or "study" or "evaluating" or "testing", -1) + 1
                        : i + 2;
                    return (from, words.WordsFrom(works + 1, 1).Any(w => w is "compared" or "versus" or "vs") ? words.Words.Count : works);
                }
            }
        }

        // Only where no rule above reads the sentence: "the side effects of pembrolizumab given
        // during and after radiation therapy" is the whole sentence's (the efficacy, safety or
        // effects "of" a therapy), and "during" or "after" there orders the regimen.
        return ThisTrialStudies(words);
    }

    /// <summary>
    /// What a sentence that opens "This (phase II / randomized...) trial studies" (tests, compares,
    /// evaluates, investigates, examines, assesses) names before the patients it is for, the
    /// purpose or the time it is given in ("This phase I trial studies the side effects and best
    /// dose of nivolumab when given together with radiation therapy in treating patients with",
    /// "This randomized phase III trial compares stereotactic radiosurgery with whole-brain
    /// radiation therapy for patients with"): the trial's regimen, in the US National Cancer
    /// Institute's summaries. Not "in patients undergoing radiation therapy", "during" or "after"
    /// it, nor what it "prevents" or "reduces" in them, nor the treatment effects come "from" ("the
    /// side effects on the heart from using immune checkpoint inhibitor"); a "whether" clause to its verb
    /// (<see cref="WhetherSubject"/>); "how well" is read by the general rule. Nor the people's
    /// therapy ("in older women treated with radiation therapy", "patients given"), a response
    /// measured "to" it, what it "caused", a harm of it studied ("the cardiotoxicity of"), or a
    /// topic ("about"). Read only where <see cref="WhatTheTrialGives"/>'s other rules read nothing.
    /// </summary>
    private static (int From, int To)? ThisTrialStudies(TermText words)
    {
        if (words.Words is not [("this", _, _), ..])
        {
            return null;
        }

        var study = Enumerable.Range(1, Math.Min(4, words.Words.Count - 1)).FirstOrDefault(j => words.Words[j].Word is "study" or "trial", -1);
        if (study < 0 || !NamesStudyAfterDesign(words, 1) || study + 2 >= words.Words.Count || !StudiesVerbs.Contains(words.Words[study + 1].Word))
        {
            return null;
        }

        var from = study + 2;
        if (words.Words[from].Word is "whether" or "if")
        {
            return WhetherSubject(words, from + 1) is { } subject ? (from + 1, subject) : null;
        }

        if (words.Words[from].Word == "how")
        {
            return null;
        }

        var to = Enumerable.Range(from, words.Words.Count - from).FirstOrDefault(k =>
            words.Words[k].Word is "during" or "after" or "following" or "from" or "who" or "undergoing" or "receiving"
                or "treated" or "caused" or "induced" or "about" or "despite"
            // "in lung cancer patients given immune checkpoint inhibitors": the patients' treatment.
            || (words.Words[k].Word == "given" && k > from && PopulationWords.Contains(words.Words[k - 1].Word))
            // "to assess early response to pembrolizumab", "a marker of response to immune
            // checkpoint inhibitors", "the dose to the heart in breast cancer radiotherapy": what is
            // measured of a treatment, not one given.
            || (words.Words[k].Word == "to" && k > from && StudiedOfTreatmentBeforeTo.Contains(words.Words[k - 1].Word))
            // "the cardiotoxicity of immune checkpoint inhibitors", "late toxicity of pelvic
            // radiotherapy": a harm studied, where no safety or effects of a regimen come first.
            || (ToxicityWords.Contains(words.Words[k].Word) && !words.Words.Skip(from).Take(k - from).Any(w => AssessedWords.Contains(w.Word) || w.Word == "side"))
            || (words.Words[k].Word is "in" or "for" or "among" or "to" && k + 1 < words.Words.Count
                && (PopulationWords.Contains(words.Words[k + 1].Word) || words.Words[k + 1].Word.EndsWith("ing", StringComparison.Ordinal)
                    || words.Words[k].Word == "to" && PurposeVerbs.Contains(words.Words[k + 1].Word))),
            words.Words.Count);
        return to > from ? (from, to) : null;
    }

    /// <summary>What a trial studies something "to" do (<see cref="ThisTrialStudies"/>): its purpose, not a treatment it adds.</summary>
    private static readonly HashSet<string> PurposeVerbs = new(
        ["see", "find", "determine", "learn", "prevent", "reduce", "treat", "improve", "decrease", "assess", "measure", "predict", "help", "evaluate",
         "monitor", "identify", "detect", "guide", "select", "understand", "manage", "support"],
        StringComparer.Ordinal);

    /// <summary>Words after which "to" names the treatment something is measured against, not one added ("response to", "resistant to", "dose to").</summary>
    private static readonly HashSet<string> StudiedOfTreatmentBeforeTo = new(
        ["response", "responses", "resistance", "resistant", "refractory", "exposure", "dose", "doses", "related", "due", "secondary", "sensitivity"],
        StringComparer.Ordinal);

    /// <summary>Harms a trial may study of a treatment patients have anyway (<see cref="ThisTrialStudies"/>).</summary>
    private static readonly HashSet<string> ToxicityWords = new(
        ["toxicity", "toxicities", "cardiotoxicity", "events", "complications", "damage", "injury", "injuries", "morbidity"], StringComparer.Ordinal);

    /// <summary>What this trial does to the regimen it names next (<see cref="ThisTrialStudies"/>).</summary>
    private static readonly HashSet<string> StudiesVerbs = new(
        ["studies", "tests", "compares", "evaluates", "investigates", "examines", "assesses"], StringComparer.Ordinal);

    /// <summary>
    /// The end of the subject of a "whether" clause from <paramref name="from"/>: up to its verb
    /// ("if durvalumab ... can improve"), or "during" (what it is given during is the patients'
    /// care); none where the verb says the subject is left out ("whether radiotherapy can be
    /// safely omitted", "stopped").
    /// </summary>
    private static int? WhetherSubject(TermText words, int from)
    {
        var end = Enumerable.Range(from, Math.Max(0, words.Words.Count - from))
            .FirstOrDefault(j => WhetherVerbs.Contains(words.Words[j].Word) || words.Words[j].Word == "during", words.Words.Count);
        return words.WordsFrom(end, 5).Any(w => w is "omitted" or "omit" or "stopped" or "stop" or "discontinued" or "withheld" or "withdrawn" or "avoided" or "spared")
            ? null
            : end;
    }

    /// <summary>Verbs that end the subject of a "whether" clause ("can improve", "predicts", "benefit").</summary>
    private static readonly HashSet<string> WhetherVerbs = new(
        ["can", "could", "may", "might", "will", "would", "is", "are", "improves", "improve", "reduces", "reduce", "increases", "prolongs",
         "predicts", "predict", "influences", "influence", "affects", "affect", "benefit", "benefits", "helps", "works", "leads"],
        StringComparer.Ordinal);

    /// <summary>What a study "uses" that is a method or material, not a therapy ("uses blood samples", "uses questionnaires", "uses MRI").</summary>
    private static readonly HashSet<string> UsedMethodWords = new(
        ["data", "samples", "sample", "blood", "tissue", "specimens", "records", "questionnaires", "questionnaire", "surveys", "survey",
         "interviews", "imaging", "mri", "scans", "scan", "pet", "ct", "app", "software", "algorithm", "artificial", "model"],
        StringComparer.Ordinal);

    /// <summary>
    /// The position of the verb by which a sentence opening "Giving ..." says what the regimen
    /// may do ("may kill", "might", "could", "helps stop"), where no verb of what giving it is,
    /// does or did comes first ("is the usual treatment", "can cause", "improved survival",
    /// "lowers the risk"); none otherwise.
    /// </summary>
    private static int? HypothesisVerb(TermText words)
    {
        for (var i = 1; i < words.Words.Count; i++)
        {
            var word = words.Words[i].Word;
            if (word is "may" or "might" or "could" or "helps" or "help")
            {
                return i;
            }

            // "Giving durvalumab, an antibody that is designed to block PD-L1, ... may": a verb of
            // a relative clause says what the drug is, not what giving it does.
            if ((word is "is" or "are" or "was" or "were" or "can" or "has" or "have" or "had" or "will" or "would" || ResultVerbs.Contains(word))
                && !words.WordsBefore(i, 2).Any(w => w is "that" or "which" or "who"))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Words by which a sentence ending in a colon introduces what patients had or must have had,
    /// not what the trial gives ("if they have completed one of the following:").
    /// </summary>
    private static readonly HashSet<string> ListOfHistoryWords = new(
        ["if", "after", "following", "completed", "received", "undergone", "had", "progressed", "prior", "previous", "previously", "history", "eligible", "eligibility", "criteria"],
        StringComparer.Ordinal);

    /// <summary>Words after which a "Giving ..." sentence names what the regimen may spare patients, not what it gives.</summary>
    private static readonly HashSet<string> AvoidedWords = new(
        ["need", "avoid", "avoiding", "instead", "rather", "spare", "sparing", "omit", "omitting", "replace", "replacing", "than", "without"], StringComparer.Ordinal);

    /// <summary>Verbs by which a sentence says what a treatment did or does, not what it may do.</summary>
    private static readonly HashSet<string> ResultVerbs = new(
        ["improved", "improves", "improve", "showed", "shows", "demonstrated", "demonstrates", "caused", "causes", "cause", "increased", "increases",
            "reduced", "reduces", "lowered", "lowers", "led", "leads", "resulted", "results", "prolonged", "prolongs", "achieved", "achieves"],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether a sentence says what this trial is for ("The purpose of this trial is", "The aim of
    /// the present study", "This study will", "This trial aims"), not what one did ("In this
    /// study, pemetrexed combined with involved-field radiation therapy showed feasibility").
    /// </summary>
    private static bool NamesThisTrial(TermText words) =>
        Enumerable.Range(0, Math.Max(0, words.Words.Count - 2)).Any(i =>
            words.Words[i].Word is "this" or "present" or "current" && words.Words[i + 1].Word is "study" or "trial"
            && (words.WordsBefore(i, 3).Any(w => w is "purpose" or "aim" or "objective" or "goal")
                || words.Words[i + 2].Word is "will" or "aims" or "seeks" or "investigates" or "evaluates"));

    /// <summary>
    /// Whether the words before the "study" or "trial" at <paramref name="index"/> open the
    /// sentence as this trial's description ("This is a single arm phase II", "A randomized
    /// phase III"), with no verb of what others did between.
    /// </summary>
    private static bool OpensAsThisStudy(TermText words, int index) =>
        index <= 10 && words.Words[0].Word is "this" or "a" or "an"
        && (words.Words[0].Word != "this" || words.WordsFrom(1, 1).Any(w => w is "is" or "study" or "trial") || words.WordsFrom(1, 2).ToList() is ["clinical", "study" or "trial"])
        && !words.Words.Take(index).Any(w => w.Word is "previous" or "prior" or "earlier" or "retrospective")
        && !words.Words.Any(w => Verdicts.Contains(w.Word) || w.Word is "showed" or "found" or "was" or "were" or "had" or "achieved" or "suggested");

    /// <summary>
    /// "Patients undergo", "Participants receive" opening a sentence or an outline's arm ("Arm I
    /// (...): Patients undergo"): what an outline says patients get, in the present; not what
    /// "most patients receive", nor what they receive as usual care or after the trial.
    /// </summary>
    private static bool PresentProtocol(TermText words, int i) =>
        words.Words[i].Word is "patients" or "participants" && i + 1 < words.Words.Count && words.Words[i + 1].Word is "undergo" or "receive"
        && (i == 0 || words.Between(i - 1, i).Contains(":", StringComparison.Ordinal))
        && !OfOthersOrCare(words);

    /// <summary>
    /// "will begin treatment on", "will start therapy with", "will begin stereotactic body
    /// radiotherapy": the position from which what patients will be given follows; not what
    /// "patients who decline surgery will begin", off study or after the trial.
    /// </summary>
    private static int? BeginsTreatment(TermText words, int i)
    {
        if (words.Words[i].Word != "will" || !words.WordsFrom(i + 1, 1).Any(w => w is "begin" or "start" or "commence")
            || words.Words.Take(i).Any(w => w.Word is "who" or "whom") || OfOthersOrCare(words))
        {
            return null;
        }

        return words.WordsFrom(i + 2, 1).Any(w => w is "treatment" or "therapy") ? i + 3 : i + 2;
    }

    /// <summary>
    /// Whether a sentence prescribes the trial's RT: it states a dose that "will be" applied,
    /// given, delivered or treated with, or that patients "will receive" ("Intensity-modulated
    /// radiotherapy will be delivered ... 45 Gy in 25 fractions", "30.6 Gray (Gy) will be applied
    /// ... in conformal radiation to tumor bed"), as a protocol says what it gives. Not where the
    /// sentence opens on a condition or on progression ("In case of intracranial progression", "At
    /// progression", "In the event of", "If"), speaks of whom else ("who", "many", "most") before
    /// the verb, or of usual or routine care.
    /// </summary>
    private static bool PrescribesDose(TermText words, string sentence)
    {
        if (!DoseUnit().IsMatch(sentence) || words.Words.Count < 3
            || words.Words.Any(w => w.Word is "usual" or "usually" or "routine" or "routinely")
            || (words.Words[0].Word is "at" or "upon" or "on" && words.WordsFrom(1, 2).Any(AfterTheTrialWords.Contains)))
        {
            return false;
        }

        for (var i = 0; i + 2 < words.Words.Count; i++)
        {
            var prescribes = words.Words[i].Word == "will"
                && (words.Words[i + 1].Word is "receive" or "undergo"
                    || (words.Words[i + 1].Word == "be" && words.Words[i + 2].Word is "applied" or "given" or "delivered" or "administered" or "prescribed" or "treated"));
            if (prescribes && !words.Words.Take(i).Any(w => w.Word is "who" or "whom" or "whose" or "if" or "when" or "case" or "event" or "many" or "most" or "those"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A number of gray ("30.6 Gray", "2Gy", "3990 cGy").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\d\s*(?:c?Gy|[Gg]ray)\b")]
    private static partial System.Text.RegularExpressions.Regex DoseUnit();

    /// <summary>Whether a sentence ties what patients receive to usual care, progression or another study ("as part of their usual care", "off study").</summary>
    private static bool OfOthersOrCare(TermText words) =>
        words.Words.Any(w => AfterTheTrialWords.Contains(w.Word) || w.Word is "usual" or "routine" or "most" or "many" or "currently")
        || Enumerable.Range(0, Math.Max(0, words.Words.Count - 1)).Any(j => words.Words[j].Word == "off" && words.Words[j + 1].Word is "study" or "protocol" or "trial");

    /// <summary>The adverbs that may stand between "will" and what patients receive ("will also receive", "will then be treated").</summary>
    private static readonly HashSet<string> SequenceAdverbs = new(
        ["also", "then", "additionally", "subsequently", "first", "each", "all", "further", "initially"], StringComparer.Ordinal);

    /// <summary>
    /// Whether the sentence opens with the trial's own therapy as the subject of "includes",
    /// "consists" or "comprises" ("The combined therapy includes", "This study treatment consists
    /// of", "The treatment regimen comprises"), and nothing else: not another's ("Standard
    /// combination therapy includes", "In China, the recommended combination therapy includes",
    /// "Treatment options include").
    /// </summary>
    private static bool OpensWithOwnTherapy(TermText words) =>
        words.WordsFrom(0, OwnTherapySubjectWords + 1).ToList() is
            ["the" or "this" or "our", var whose, "therapy" or "treatment" or "regimen" or "intervention", var verb]
        && whose is "combined" or "combination" or "study" or "trial" or "protocol" or "investigational" or "experimental" or "treatment"
        && IncludedWords.Contains(verb);

    /// <summary>The words of the subject <see cref="OpensWithOwnTherapy"/> reads ("the combined therapy").</summary>
    private const int OwnTherapySubjectWords = 3;

    /// <summary>How a sentence says what the trial's therapy is made of ("includes", "consists of", "comprises").</summary>
    private static readonly HashSet<string> IncludedWords = new(["includes", "consists", "comprises"], StringComparer.Ordinal);

    /// <summary>
    /// Whether the therapy at <paramref name="position"/> is one the people a sentence describes
    /// are having ("patients undergoing chemotherapy and radiation therapy", "adults receiving
    /// pembrolizumab"): a word for people, then "undergoing", "receiving", "having" or "on", with
    /// at most three words of therapy between.
    /// </summary>
    private static bool PatientsUndergo(TermText words, int position, bool onlyOn = false)
    {
        var before = words.WordsBefore(position, 10).ToList();
        for (var i = Math.Max(0, before.Count - 5); i + 1 < before.Count; i++)
        {
            if ((onlyOn ? before[i + 1] is "on" : before[i + 1] is "undergoing" or "receiving" or "having" or "on")
                && (PopulationWords.Contains(before[i]) || OfPeopleWith(before, i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the words up to <paramref name="last"/> are people and their disease ("Participants
    /// With Solid Tumors", "patients with HCC"): a word for people, "with", then at most
    /// <see cref="DiseaseWordsBetween"/> words of no verb of treatment.
    /// </summary>
    private static bool OfPeopleWith(List<string> words, int last)
    {
        var with = words.FindLastIndex(last, Math.Min(last + 1, DiseaseWordsBetween + 1), w => w == "with");
        return with >= 1 && PopulationWords.Contains(words[with - 1])
            && !words.Skip(with + 1).Take(last - with).Any(w => w is "undergoing" or "receiving" or "having" or "treated" or "given");
    }

    private const int DiseaseWordsBetween = 4;

    /// <summary>
    /// Whether a sentence of a detailed description speaks of this trial: it names it ("this
    /// study", "the present trial", "we will"), opens with an objective ("To evaluate the safety
    /// and efficacy of", "Determine the recommended phase II dose"), or says what patients "will"
    /// receive or undergo, or what the study will do or is designed as ("The study will",
    /// "The trial is designed", <see cref="OpensWithTheTrialsDesign"/>), without tying it to
    /// progression or care after the trial ("Patients then
    /// undergo 15 fractions of IMRT"; not "Patients who progress will receive nivolumab at the
    /// discretion of", "After completion of the study, patients will receive pembrolizumab as
    /// standard of care"). Not a sentence of earlier studies ("Previous studies have demonstrated
    /// the efficacy of pembrolizumab").
    /// </summary>
    internal static bool OfThisTrial(TermText words)
    {
        if (words.Words.Count == 0)
        {
            return false;
        }

        if (OpensWithObjective(words) || OpensWithOwnTherapy(words))
        {
            return true;
        }

        // "The study will ...", "The trial is designed ..." opens as a sentence of this trial, but
        // as what patients "will receive" does: not where it ties what it names to progression,
        // the investigator's discretion or care after the trial ("The study will assess SBRT, and
        // patients who progress will receive nivolumab at the investigator's discretion").
        var protocol = OpensWithTheTrialsDesign(words);
        for (var i = 0; i < words.Words.Count; i++)
        {
            var word = words.Words[i].Word;
            var next = i + 1 < words.Words.Count ? words.Words[i + 1].Word : string.Empty;
            if ((word is "this" or "present" or "current" or "proposed" && NamesStudyAfterDesign(words, i + 1))
                || (word == "we" && next is "will" or "aim" or "propose" or "plan"))
            {
                return true;
            }

            if (AfterTheTrialWords.Contains(word))
            {
                return false;
            }

            protocol |= (word is "will" && next is "receive" or "undergo" or "be") || (word is "then" && next is "receive" or "undergo")
                || PresentProtocol(words, i) || BeginsTreatment(words, i) is not null;
        }

        return protocol;
    }

    /// <summary>Whether a sentence opens with an objective's verb, "to" before it or not ("To evaluate ...", "Determine ...").</summary>
    private static bool OpensWithObjective(TermText words) =>
        words.Words.Count > 0 && ObjectiveVerbs.Contains(words.Words[0].Word == "to" && words.Words.Count > 1 ? words.Words[1].Word : words.Words[0].Word);

    /// <summary>
    /// Whether a sentence opens by saying what the study is or will do, in the present or future
    /// ("The trial is designed as an investigator-initiated, single center, prospective, single arm
    /// phase II study ...", "The study will enrol ...", "The study aims to ..."): in the record's own
    /// description, "the study" so opened is this one; earlier trials are reported in the past.
    /// <see cref="OfThisTrial"/> reads it as it reads "will receive", so words of progression or of
    /// care after the trial still turn the sentence away.
    /// </summary>
    private static bool OpensWithTheTrialsDesign(TermText words) =>
        words.Words.Count > 3 && words.Words[0].Word == "the" && words.Words[1].Word is "study" or "trial"
        && (words.Words[2].Word is "will" or "aims" or "intends" || (words.Words[2].Word == "is" && words.Words[3].Word is "designed" or "planned" or "intended"));

    /// <summary>
    /// Whether "study", "trial", "protocol" or "project" is at <paramref name="from"/>, after at most
    /// three words of its design ("this study", "this clinical trial", "This retrospective cohort
    /// study", "this randomized phase II trial").
    /// </summary>
    private static bool NamesStudyAfterDesign(TermText words, int from)
    {
        for (var j = from; j < words.Words.Count && j <= from + 3; j++)
        {
            var word = words.Words[j].Word;
            if (word is "study" or "trial" or "protocol" or "project")
            {
                // With design words, not a sentence that reports a trial done ("The PACIFIC trial
                // ... In this phase III trial, patients were randomized to durvalumab or placebo").
                return j == from || !words.Words.Any(w => ReportedWords.Contains(w.Word));
            }

            if (!StudyDesignWords.Contains(word))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Verbs of a trial already done, which a sentence of another trial "this phase III trial" names reports with.</summary>
    private static readonly HashSet<string> ReportedWords = new(
        ["was", "were", "showed", "demonstrated", "reported", "found", "improved", "established"], StringComparer.Ordinal);

    /// <summary>Words of a study's design that may stand between "this" and "study" (<see cref="NamesStudyAfterDesign"/>).</summary>
    private static readonly HashSet<string> StudyDesignWords = new(
        ["clinical", "retrospective", "prospective", "observational", "interventional", "cohort", "randomized", "randomised", "controlled", "pilot",
         "multicenter", "multicentre", "exploratory", "feasibility", "open", "label", "single", "arm", "translational", "real", "world",
         "phase", "i", "ii", "iii", "ib", "1", "2", "3", "1b"],
        StringComparer.Ordinal);

    /// <summary>How an objective opens ("To evaluate", "Determine").</summary>
    private static readonly HashSet<string> ObjectiveVerbs = new(
        ["evaluate", "determine", "assess", "compare", "investigate", "estimate", "explore", "examine", "measure"], StringComparer.Ordinal);

    /// <summary>Words that tie what patients receive to progression or to care after the trial.</summary>
    private static readonly HashSet<string> AfterTheTrialWords = new(
        ["progress", "progresses", "progressed", "progression", "relapse", "recurrence", "discretion", "completion", "standard", "previous", "previously", "prior"],
        StringComparer.Ordinal);

    /// <summary>
    /// The words of a sentence whose patients will receive something ("the patients will be given
    /// chemoradiotherapy", "Participants will undergo SBRT"): from after the verb to the end of
    /// its clause.
    /// </summary>
    internal static (int From, int To)? PatientsWillReceive(TermText words)
    {
        for (var i = 0; i + 2 < words.Words.Count; i++)
        {
            if (words.Words[i].Word is "patients" or "participants" or "subjects" && words.Words[i + 1].Word == "will")
            {
                if (ReceivingVerb(words, i + 2) is { } length)
                {
                    return (i + 2 + length, ClauseEnd(words, i + 2 + length));
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The words of a sentence that says what every patient of the trial receives ("All patients
    /// receive intensity modulated radiotherapy with conventional fraction", "All participants will
    /// undergo SBRT", "Each enrolled patient will be treated with ..."): from after the verb to the
    /// end of its clause.
    /// </summary>
    internal static (int From, int To)? EveryPatientReceives(TermText words)
    {
        for (var i = 0; i + 2 < words.Words.Count; i++)
        {
            var quantifier = words.Words[i].Word;
            if (quantifier is not ("all" or "every" or "each" or "both"))
            {
                continue;
            }

            // "All enrolled patients", "Each eligible participant"; "Both arms", "All groups", and
            // "Patients in both arms" (the quantifier after "patients in").
            // (The loop leaves two words after the quantifier, so the subject is always a word.)
            var subject = words.Words[i + 1].Word is "enrolled" or "eligible" or "included" or "randomized" or "randomised" ? i + 2 : i + 1;
            var noun = words.Words[subject].Word;
            // Arms only as the sentence's subject or after "patients in"; not "every arm", nor arms
            // inside a clause ("... in all groups"). "Both" only of arms.
            var arms = noun is "arms" or "groups" or "cohorts" or "arm" or "group"
                && ((i == 0 && quantifier != "every") || words.WordsBefore(i, 2).ToList() is ["patients" or "participants" or "subjects", "in"]);
            var people = quantifier != "both" && noun is "patients" or "participants" or "subjects" or "patient" or "participant" or "subject";
            if (arms || people)
            {
                var will = subject + 1 < words.Words.Count && words.Words[subject + 1].Word == "will";
                var verb = will ? subject + 2 : subject + 1;
                if (ReceivingVerb(words, verb) is { } length)
                {
                    return (verb + length, ClauseEnd(words, verb + length));
                }

                // "All patients will have standard surgery followed by radiation": what they will
                // have; not what they "have had", "have received" or "will have completed".
                if (will && words.WordsFrom(verb, 2).ToList() is ["have", var had] && !PastParticiples.Contains(had))
                {
                    return (verb + 1, ClauseEnd(words, verb + 1));
                }
            }
        }

        return null;
    }

    /// <summary>What patients "will have" done before something else, not what they will have then (<see cref="EveryPatientReceives"/>).</summary>
    private static readonly HashSet<string> PastParticiples = new(
        ["had", "been", "received", "undergone", "completed", "finished", "taken", "started", "begun", "stopped", "failed",
         // "will have to have completed", "will have previously received", "will have recovered
         // from the toxicities of radiotherapy", "will have progressive disease despite radiotherapy".
         "to", "previously", "already", "recovered", "progressed", "relapsed", "recurred", "progressive", "persistent", "recurrent", "residual"],
        StringComparer.Ordinal);

    /// <summary>
    /// The number of words of the verb at <paramref name="at"/> by which patients receive what
    /// follows ("receive(s)", "undergo(es)", "be given", "be treated (with)"), or null.
    /// </summary>
    private static int? ReceivingVerb(TermText words, int at) => words.WordsFrom(at, 3).ToList() switch
    {
        ["receive" or "receives" or "undergo" or "undergoes", ..] => 1,
        ["be", "treated", "with"] => 3,
        ["be", "given" or "treated", ..] => 2,
        _ => null,
    };

    /// <summary>The position of the first word at or after <paramref name="from"/> that a comma, semicolon or colon comes before: where its clause ends.</summary>
    private static int ClauseEnd(TermText words, int from)
    {
        for (var j = from + 1; j < words.Words.Count; j++)
        {
            if (words.Between(j - 1, j).IndexOfAny(",;:") >= 0)
            {
                return j;
            }
        }

        return words.Words.Count;
    }

    /// <summary>How a trial assigns what patients then receive ("randomized in a 2:1 ratio to receive either tremelimumab or placebo").</summary>
    private static readonly HashSet<string> AssignedWords = new(
        ["randomized", "randomised", "randomly", "assigned", "allocated"], StringComparer.Ordinal);

    /// <summary>
    /// Whether the efficacy (or safety...) at word <paramref name="index"/> is one others found or
    /// nobody knows, not what the trial assesses: the object of another noun ("the progressive
    /// clinical confirmation of the efficacy of immunotherapy", "evidence of the efficacy of"),
    /// or in a sentence that calls it known or unknown ("studies have demonstrated the efficacy
    /// of", "the efficacy of ICI in bladder preservation is unknown").
    /// </summary>
    private static bool OfOthers(TermText words, int index) =>
        words.WordsBefore(index, 2).ToList() is ["of" or "on", "the"] || words.Words.Any(w => Verdicts.Contains(w.Word)) || OfEarlierResearch(words);

    /// <summary>
    /// Whether a sentence tells of earlier research ("Our prior research highlighted the
    /// effectiveness of combining toripalimab-based induction therapy", "Previous studies found"):
    /// what it assessed is not what this trial gives.
    /// </summary>
    private static bool OfEarlierResearch(TermText words) =>
        !NamesThisStudy(words) && Enumerable.Range(0, Math.Max(0, words.Words.Count - 1)).Any(i =>
            words.Words[i].Word is "prior" or "previous" or "earlier" or "preliminary" or "preceding"
            && words.Words[i + 1].Word is "research" or "study" or "studies" or "trial" or "trials" or "work" or "works" or "findings" or "results" or "data");

    /// <summary>What a sentence says of an efficacy others found or nobody knows.</summary>
    private static readonly HashSet<string> Verdicts = new(
        ["unknown", "unclear", "uncertain", "demonstrated", "shown", "reported", "established", "proven", "proved", "confirmed", "highlighted"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> AssessedWords = new(
        ["efficacy", "safety", "feasibility", "effect", "effects", "effectiveness", "tolerability", "activity", "benefit", "addition"], StringComparer.Ordinal);

    /// <summary>RT a title adds to another treatment: "plus RT", "+ RT", "with or without RT", "via RT", "RT plus ...", "RT combined with ...", "... Combined With RT", "Adding RT", "The Addition of RT" (not what people think "About Adding RT").</summary>
    private static bool AddedToTreatment(TermText words, TermMatch<string> rt)
    {
        var from = ModifiedFrom(words, rt.Position);
        return JoinedInTitle(words, rt.Position, rt.Position + rt.Words, w => w is "plus" or "via", from)
            || AddedWithOrWithout(words, from, care: false)
            || (from >= 2 && !DescribesPeople(words, from - 2) && words.WordsBefore(from, 2).ToList() is ["combined" or "concurrent" or "concomitant", "with"])
            || (words.WordsBefore(from, 2).ToList() is [.., "adding"] or ["addition", "of"]
                && !words.WordsBefore(from - (words.Words[from - 1].Word == "adding" ? 1 : 2), 5).Any(TopicWords.Contains));
    }

    /// <summary>
    /// "Combining RT and Temozolomide With ...": "combining" right before the RT, which "and",
    /// "with" or "plus" joins to what it is combined with; not "Combining Radiotherapy Data and
    /// Genomics" (RT data, not RT), nor where a title of the record is about combining it
    /// ("Combining Radiotherapy With Immunotherapy: a Survey of Radiation Oncologists").
    /// </summary>
    private static bool CombinedWithTreatment(StudyRecord record, TermText words, TermMatch<string> rt) =>
        words.WordsBefore(ModifiedFrom(words, rt.Position), 1).ToList() is ["combining"]
        && words.WordsFrom(rt.Position + rt.Words, 1).ToList() is ["and" or "with" or "plus"]
        && !TitleSentences(record).Any(t => t.Words.Words.Any(w => TopicWords.Contains(w.Word)));

    /// <summary>Words that make an addition the topic of what people think or what it costs, not what a trial does ("Patient Preferences About Adding Radiotherapy", "Cost-Effectiveness of Adding SBRT").</summary>
    private static readonly HashSet<string> TopicWords = new(
        ["about", "regarding", "concerning", "towards", "toward", "preferences", "preference", "attitudes", "perceptions", "views", "cost", "costs",
            "economic", "economics", "model", "modelling", "modeling", "survey"], StringComparer.Ordinal);

    /// <summary>
    /// Whether the RT whose qualifying words start at <paramref name="qualified"/> follows a "with
    /// or without" that gives it to one arm, not one that describes people
    /// (<see cref="DescribesPeople"/>); in a supportive-care title (<paramref name="care"/>), not
    /// one after people receiving or undergoing a treatment either (<see cref="TreatedWithOrWithout"/>).
    /// </summary>
    private static bool AddedWithOrWithout(TermText words, int qualified, bool care) =>
        qualified >= 1 && GivenInText.WithOrWithout(words, qualified - 1) && !DescribesPeople(words, qualified)
        && !(care && TreatedWithOrWithout(words, qualified - 1, care: true));

    /// <summary>
    /// Whether the "with or without" whose "without" is at <paramref name="without"/> says how
    /// people treated for a disease were treated ("Quality of Life of Women Treated for Breast
    /// Cancer With Versus Without Radiotherapy"): people and "treated for" or "diagnosed" in the
    /// six words before it. Not people treated with a therapy the trial adds RT to ("Patients
    /// Treated With Temozolomide With or Without Hypofractionated Radiotherapy"); in a
    /// supportive-care trial, people receiving or undergoing one too (<paramref name="care"/>:
    /// "Women Receiving Chemotherapy With or Without Radiotherapy").
    /// </summary>
    private static bool TreatedWithOrWithout(TermText words, int without, bool care = false)
    {
        var with = Enumerable.Range(Math.Max(0, without - 2), Math.Min(2, without)).LastOrDefault(i => words.Words[i].Word == "with", -1);
        var before = with < 0 ? [] : words.WordsBefore(with, 6).ToList();
        return before.Any(PopulationWords.Contains)
            && (before.Contains("diagnosed") || before.Zip(before.Skip(1)).Contains(("treated", "for"))
                || (care && before.Any(w => w is "treated" or "receiving" or "undergoing" or "given")));
    }

    /// <summary>
    /// The RT a supportive-care title gives: one arm's ("Palliative Stenting With or Without
    /// Radiotherapy"), not the patients' ("Women Receiving Chemotherapy With or Without
    /// Radiotherapy"), nor RT "plus" or "concurrent with" what they receive ("Benzydamine
    /// Mouthwash Plus Radiotherapy"); or RT among the therapies an "in Treating" title opens with
    /// ("Single-Dose Local Radiation Therapy Compared With Ibandronate in Treating Patients"),
    /// not what the care is for ("Methylphenidate for Fatigue From Radiation Therapy in Treating
    /// Patients").
    /// </summary>
    private static bool AddedInCare(TermText words, TermMatch<string> rt)
    {
        var qualified = ModifiedFrom(words, rt.Position);
        return AddedWithOrWithout(words, qualified, care: true)
            || (InTreating(words, rt) && !words.WordsBefore(qualified, qualified).Any(w => w is "for" or "from" or "after" or "during" or "caused" or "induced" or "related"));
    }

    /// <summary>Where the words that qualify the RT at <paramref name="position"/> start ("CPG 7909 + Local Radiotherapy": at "Local").</summary>
    private static int ModifiedFrom(TermText words, int position)
    {
        var start = position;
        while (start > 0 && position - start < 3 && RtQualifiers.Contains(words.Words[start - 1].Word) && !PlusJoins(words, start - 1))
        {
            start--;
        }

        return start;
    }

    /// <summary>
    /// Whether a title of the US National Cancer Institute's form "&lt;therapies&gt; in Treating
    /// Patients With ..." names the RT at <paramref name="match"/> among the therapies it tests
    /// ("Radiation Therapy and Cetuximab in Treating Patients With Recurrent Head and Neck
    /// Cancer"): no word before "in treating" says the RT came before ("after", "following",
    /// "prior", "before"), is compared ("versus") or absent ("without", but not "with or without"),
    /// or that the title's drug is supportive care of it ("during", "preventing", "reducing",
    /// "effects", "toxicity").
    /// </summary>
    private static bool InTreating(TermText words, TermMatch<string> match)
    {
        for (var i = match.Position + match.Words; i + 1 < words.Words.Count; i++)
        {
            if (words.Words[i].Word == "in" && words.Words[i + 1].Word == "treating")
            {
                // "With or Without" gives the RT to all; "during", "preventing", "reducing" and
                // "effects" make the title's drug supportive care of an RT it does not give.
                var before = words.Words.Take(i).Select(w => w.Word).ToList();
                return !before.Any(w => w is "after" or "following" or "prior" or "previous" or "previously" or "before" or "versus" or "vs"
                        or "during" or "preventing" or "reducing" or "effects" or "effect" or "toxicity")
                    && !before.Where((w, j) => w == "without" && (j == 0 || before[j - 1] != "or")).Any();
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a title opens with a chemoradiation at <paramref name="match"/>, a word of which,
    /// where or how much before it at most ("PReoperative Chemoradiation (Paclitaxel-carboplatin
    /// or FOLFOX) for ..."): the drugs the record lists are its chemotherapy, so the trial gives
    /// the RT too. Not RT alone ("Radiotherapy for Bone Metastases" beside "Drug: Ondansetron"),
    /// which may be the care a drug is given during. A title that compares it, as the standard, with
    /// what the record lists opens with it too ("Comparing Standard Concurrent Chemo-radiation to
    /// Neoadjuvant Chemotherapy Then Surgery", "Comparing Study Between Concurrent Chemoradiation
    /// and New Combination Treatment"): its standard arm gives it.
    /// </summary>
    private static bool OpensWithChemoradiation(TermText words, TermMatch<string> match) =>
        NamesChemoradiation(words, match)
        && (OpensTitle(words, match)
            || (words.Words.Take(match.Position).Any(w => w.Word is "comparing" or "comparison" or "compare")
                && words.Words.Take(match.Position).All(w => ComparingOpeners.Contains(w.Word) || StudyTitleWords.Contains(w.Word) || RtQualifiers.Contains(w.Word))));

    /// <summary>
    /// Whether an RT match is a chemoradiation: a word that says so ("Chemoradiation",
    /// "Radiochemotherapy") or RT joined to "chemo-" before it ("Chemo-RT", "chemo-radiation").
    /// </summary>
    private static bool NamesChemoradiation(TermText words, TermMatch<string> match) =>
        match.Matched.StartsWith("chemo", StringComparison.OrdinalIgnoreCase)
        || match.Matched.StartsWith("radiochemo", StringComparison.OrdinalIgnoreCase)
        || (match.Position >= 1 && words.Words[match.Position - 1].Word == "chemo" && words.Between(match.Position - 1, match.Position) is "-");

    /// <summary>Words a title that compares may open with before the standard therapy it compares.</summary>
    private static readonly HashSet<string> ComparingOpeners = new(["comparing", "comparison", "compare", "between", "of", "standard", "conventional"], StringComparer.Ordinal);

    /// <summary>
    /// Whether a title joins a chemoradiation to a drug the record lists ("Evaluation of
    /// Nelfinavir and Chemoradiation for Pancreatic Cancer", beside "Drug: Nelfinavir" and
    /// "Drug: Gemcitabine"): the drug is given with it, and the listed chemotherapy is its
    /// chemotherapy, so the trial gives the RT too. So does a title that opens with the listed
    /// drug joined to any RT ("Enzalutamide and External Beam Hypofractionated Radiotherapy"), or
    /// opens with words of what it studies before that drug ("Efficacy and Tolerability of
    /// Zoledronic Acid With Radiotherapy in Pts With Advanced Osteolytic Bone Lesions").
    /// </summary>
    private static bool ChemoradiationJoinedToListedDrug(StudyRecord record, TermText words, TermMatch<string> match)
    {
        var from = ModifiedFrom(words, match.Position);
        var drug = DrugBeforeJoiner(words, from);
        if (drug < 0 || !ListsDrugNamed(record, words.Words[drug].Word))
        {
            return false;
        }

        // Any RT where the title opens with the drug ("Enzalutamide and External Beam
        // Hypofractionated Radiotherapy For Intermediate Risk Localized Prostate Cancer").
        return NamesChemoradiation(words, match)
            || (words.Words.Take(drug + 1).All(w => MayOpenTitle(w.Word) || ListsDrugNamed(record, w.Word)) && NotStudiedOf(words, match.Position + match.Words));
    }

    /// <summary>
    /// The word before the joiner that ends before word <paramref name="from"/> ("and", "with",
    /// "plus", "combined with", "in combination with"), past an appositive set off by commas that
    /// says what the drug is ("Testing Nelfinavir, an Inhibitor of Akt Signaling, in Combination
    /// With Preoperative Chemoradiotherapy"); -1 where no joiner ends there.
    /// </summary>
    private static int DrugBeforeJoiner(TermText words, int from)
    {
        var joiner = words.WordsBefore(from, 3).ToList() is ["in", "combination", "with"] ? 3
            : words.WordsBefore(from, 2).ToList() is ["combined", "with"] ? 2
            : from >= 1 && words.Words[from - 1].Word is "and" or "with" or "plus" ? 1
            : 0;
        var last = from - joiner - 1;
        if (joiner == 0 || last < 0)
        {
            return -1;
        }

        if (words.Between(last, last + 1).IndexOf(',') >= 0)
        {
            for (var opens = last - 1; opens >= Math.Max(0, last - MaxAppositiveWords); opens--)
            {
                if (words.Between(opens, opens + 1).IndexOf(',') >= 0)
                {
                    return opens;
                }
            }
        }

        return last;
    }

    /// <summary>The most words an appositive between a drug and its joiner holds ("an Inhibitor of Akt Signaling").</summary>
    private const int MaxAppositiveWords = 6;

    /// <summary>
    /// The joined classes with the checkpoints written with slashes beside them, where those are
    /// among the given ones: "Acupuncture Combined With PD-1/PD-L1 Inhibitors" joins "PD-1" to the
    /// acupuncture, and "PD-L1 Inhibitors" after the slash is the same drug class.
    /// </summary>
    private static List<TermMatch<string>> WithSlashedCheckpoints(List<List<TermMatch<string>>> checkpointGroups, List<TermMatch<string>> given, List<TermMatch<string>> joined)
    {
        var kept = new List<TermMatch<string>>(joined);
        foreach (var written in checkpointGroups)
        {
            if (written.Any(w => joined.Any(j => j.Position == w.Position && j.Value == w.Value)))
            {
                kept.AddRange(given.Where(g => !kept.Contains(g) && written.Any(w => w.Position == g.Position && w.Value == g.Value)));
            }
        }

        return kept;
    }

    /// <summary>Whether a drug or biological the record lists has <paramref name="word"/> in its name ("Nimotuzumab", "Recombinant").</summary>
    private static bool ListsDrugNamed(StudyRecord record, string word) =>
        record.Interventions.Any(i => i.Type?.ToUpperInvariant() is "DRUG" or "BIOLOGICAL" && TermText.Of(i.Name).Words.Any(w => w.Word == word));

    /// <summary>
    /// Whether a title adds a drug the record lists to a chemoradiation named before it ("Study of
    /// Post-Op Adjuvant Concurrent Chemo-RT With or Without Nimotuzumab", beside "Drug:
    /// Nimotuzumab" and "Drug: Placebo"; "Chemoradiation Plus Nelfinavir"): every arm has the
    /// chemoradiation, so the trial gives the RT.
    /// </summary>
    private static bool ListedDrugAddedToChemoradiation(StudyRecord record, TermText words, TermMatch<string> match)
    {
        var chemoradiation = NamesChemoradiation(words, match);
        var end = match.Position + match.Words;
        var drugAt = words.WordsFrom(end, 3).ToList() switch
        {
            ["with", "or", "without"] => end + 3,
            ["combined", "with", _] => end + 2,
            ["plus" or "and" or "with", ..] => end + 1,
            _ => -1,
        };
        // The chemoradiation opens the title, after words of the study, its phase or the RT's
        // qualifiers at most ("Study of Post-Op Adjuvant Concurrent Chemo-RT"): not the patients'
        // history ("... Patients Who Finished Concurrent Chemoradiotherapy With Cisplatin").
        var opens = match.Position - (match.Position >= 1 && words.Words[match.Position - 1].Word == "chemo" ? 1 : 0);
        if (!chemoradiation || drugAt < 0 || drugAt >= words.Words.Count
            || !words.Words.Take(opens).All(w => StudyTitleWords.Contains(w.Word) || PhaseWords.Contains(w.Word) || RtQualifiers.Contains(w.Word) || w.Word is "of" or "post" or "op"))
        {
            return false;
        }

        return ListsDrugNamed(record, words.Words[drugAt].Word);
    }

    /// <summary>
    /// Whether a title joins the ICI at <paramref name="match"/> "with" or "and" a drug the record
    /// lists ("PD-1 Monoclonal Antibody With Recombinant Human Adenovirus Type 5 Injection", beside
    /// "Drug: Recombinant Human Adenovirus Type 5 Injection"): the two are given together. Not the
    /// ICI of people the title describes (<see cref="DescribesPeople"/>).
    /// </summary>
    private static bool JoinedToListedDrug<T>(StudyRecord record, TermText words, TermMatch<T> match)
    {
        var end = match.Position + match.Words;
        if (end + 1 >= words.Words.Count || words.Words[end].Word is not ("with" or "and") || DescribesPeople(words, match.Position))
        {
            return false;
        }

        // The ICI opens the title, after words of the study, its phase, what it assesses or the
        // listed interventions at most ("Efficacy and Safety of Camrelizumab and Apatinib", "TACE,
        // Tislelizumab and Lenvatinib"): not the patients' history ("... Progressing Under
        // Pembrolizumab and Lenvatinib", "De-escalation From Pembrolizumab and Lenvatinib").
        if (!words.Words.Take(match.Position).All(w => MayOpenTitle(w.Word) || record.Interventions.Any(i => TermText.Of(i.Name).Words.Any(n => n.Word == w.Word))))
        {
            return false;
        }

        // A class named as a blocker ("PD-1 Monoclonal Antibody"), not the checkpoint itself, a
        // marker ("Programmed Death-Ligand 1 and Cetuximab Response").
        if (match.Value is string target && target != Terms.UnspecifiedIci && !TermText.Of(match.Matched).Words.Any(w => BlockerWords.Contains(w.Word)))
        {
            return false;
        }

        // Not a title that studies the listed drug's response, kinetics or immunogenicity in
        // patients on the ICI ("Nivolumab and Omeprazole: a Pharmacokinetic Interaction Study",
        // "Anti-PD-1 and Influenza Vaccination: Antibody Response").
        if (!NotStudiedOf(words, end + 2) || TitleSentences(record).Any(t => t.Words.Words.Any(w => NotCombinationStudyWords.Contains(w.Word))))
        {
            return false;
        }

        var drug = words.Words[end + 1].Word;
        return !GenericDrugWords.Contains(drug) && ListsDrugNamed(record, drug);
    }

    /// <summary>Words of a title that studies a drug given to patients on an ICI, not the two given together.</summary>
    private static readonly HashSet<string> NotCombinationStudyWords = new(
        ["pharmacokinetic", "pharmacokinetics", "interaction", "interactions", "immunogenicity", "seroconversion", "seroprotection", "vaccination"],
        StringComparer.Ordinal);

    /// <summary>Words of a drug's name that say nothing of which drug it is ("Placebo", "Injection").</summary>
    private static readonly HashSet<string> GenericDrugWords = new(
        ["placebo", "injection", "infusion", "tablet", "tablets", "capsule", "capsules", "therapy", "treatment", "standard", "chemotherapy", "a", "an", "the"],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether a title names the RT at <paramref name="match"/> as what its drug sensitises
    /// ("Intra-tumoural Hydrogen Peroxide as a Radiation Sensitizer in Patients With Locally
    /// Advanced/Recurrent Breast Cancer"): a sensitiser is given with the RT it sensitises, so
    /// the trial gives that RT.
    /// </summary>
    private static bool Sensitised(TermText words, TermMatch<string> match) =>
        words.WordsFrom(match.Position + match.Words, 1).Any(w => w is "sensitizer" or "sensitiser" or "sensitizers" or "sensitisers");

    /// <summary>
    /// Whether an interventional record treats patients: of purpose treatment or none, and no title
    /// names a window-of-opportunity or presurgical study, healthy volunteers or a drug given
    /// before an operation ("Metformin as a Radiation Sensitizer: a Window-of-Opportunity Study
    /// Before Radical Prostatectomy", "Pharmacokinetics of Oral Nimorazole, a Hypoxic Radiation
    /// Sensitiser, in Healthy Volunteers"). The operation counts only where the title names no
    /// other RT (<paramref name="otherRt"/>: "... as a Radiation Sensitizer in Neoadjuvant
    /// Chemoradiotherapy Before Surgery" gives its chemoradiation).
    /// </summary>
    private static bool GivesTreatment(StudyRecord record, bool otherRt) =>
        record.PrimaryPurpose?.ToUpperInvariant() is null or "TREATMENT"
        && !TitleSentences(record).Select(title => title.Words).Any(t =>
            t.Words.Any(w => w.Word is "window" or "healthy" or "volunteers" or "presurgical")
            || (!otherRt && Enumerable.Range(0, t.Words.Count).Any(i => t.Words[i].Word == "before" && BeforeLaterTreatment(t, i))));

    /// <summary>
    /// Whether a title names the RT at <paramref name="match"/> as where its people are or what
    /// is assessed of it: a word for people or of assessment, or "during", "undergoing",
    /// "treated", "having", "before", "managed" or "effects", anywhere before it ("Quality of Life
    /// in Women With Breast Cancer Treated With Hypofractionated Radiotherapy", "Tumour Hypoxia in
    /// Cervical Cancer During Chemoradiation", "Comprehensive Geriatric Assessment Before
    /// Radiotherapy").
    /// </summary>
    private static bool PatientsAreThere(TermText words, TermMatch<string> match) =>
        Enumerable.Range(0, match.Position).Any(i => words.Words[i].Word is var w && (PopulationWords.Contains(w)
            || (AssessmentWords.Contains(w) && !words.WordsFrom(i + 1, 1).Any(n => n is "guided" or "based" or "adapted" or "driven" or "directed")
                && !(words.WordsFrom(i + 1, 1).Any(n => n == "of") && match.Position - i <= 4))
            || w is "during" or "undergoing" or "treated" or "having" or "before" or "managed" or "effects"));

    /// <summary>
    /// Whether an interventional trial of treatment lists only what it assesses or records
    /// ("Brief pain inventory (BPI)", "Simulation CT", "QOL assessment"; "scoring acute toxicity",
    /// "video fluoroscopy"): every intervention is of no type or of a type that need not treat
    /// (other, procedure, diagnostic test), names an assessment (<see cref="AssessmentWords"/>,
    /// imaging) and no therapy. Not where a title names imaging ("Using Magnetic Resonance
    /// Imaging (MRI) to Assess Mandibular and Soft Tissue Responses to Radiation Therapy"): the
    /// trial studies the imaging of patients who have the RT.
    /// </summary>
    private bool ListsOnlyAssessments(StudyRecord record) =>
        record.Interventions.Count > 0 && !IsObservational(record) && record.PrimaryPurpose?.ToUpperInvariant() is null or "TREATMENT"
        && record.Interventions.All(i => i.Type?.ToUpperInvariant() is null or "OTHER" or "PROCEDURE" or "DIAGNOSTIC_TEST"
            && TermText.Of(i.Name) is var name && (name.Words.Any(w => AssessmentWords.Contains(w.Word)) || vocabulary.ImagingWords.Matches(name).Count > 0)
            && !name.Words.Any(w => NotAssessmentWords.Contains(w.Word))
            && !NamesTherapy(name) && !NamesTherapy(TermText.Of(i.Description)))
        && !TitleSentences(record).Any(t => vocabulary.ImagingWords.Matches(t.Words).Count > 0);

    /// <summary>Words of an intervention that does something besides assessing ("Cardiopulmonary exercise testing and training").</summary>
    private static readonly HashSet<string> NotAssessmentWords = new(
        ["training", "exercise", "exercises", "program", "programme", "intervention", "therapy", "treatment", "counselling", "counseling", "education", "rehabilitation"],
        StringComparer.Ordinal);

    /// <summary>Words of an intervention that assesses or records rather than treats ("QOL assessment", "Brief pain inventory").</summary>
    private static readonly HashSet<string> AssessmentWords = new(
        ["assessment", "assessments", "questionnaire", "questionnaires", "inventory", "scoring", "score", "scores", "evaluation", "evaluations",
         "measurement", "measurements", "survey", "surveys", "interview", "interviews", "collection", "sampling", "biospecimen", "biospecimens",
         "qol", "simulation", "test", "testing", "imaging", "fluoroscopy"],
        StringComparer.Ordinal);

    /// <summary>Whether the RT at <paramref name="match"/> opens a title, a word of which RT, where or how much before it at most ("Hypofractionated Proton Therapy for ...").</summary>
    private static bool OpensTitle(TermText words, TermMatch<string> match) =>
        match.Position == 0 || (match.Position == 1 && RtQualifiers.Contains(words.Words[0].Word));

    /// <summary>Words that say which RT, where, or how much, before its name ("Local", "Low-Dose", "Palliative").</summary>
    private static readonly HashSet<string> RtQualifiers = new(
        ["local", "low", "dose", "palliative", "focal", "regional", "concurrent", "sequential", "adjuvant", "neoadjuvant", "definitive",
         "thoracic", "pelvic", "short", "course", "hypofractionated", "consolidative", "salvage", "preoperative", "postoperative", "external", "beam"],
        StringComparer.Ordinal);

    /// <summary>
    /// A therapy a title studies, compares or doses: right after "study of", "trial of",
    /// "comparing" or "dose of" ("A Study of Radiation Therapy Before CAR T", "Comparing
    /// Tremelimumab to Placebo", "A Single Dose of Pembrolizumab in HIV-Infected People"), or
    /// named "as" a therapy (<see cref="AsTherapy"/>); not
    /// the people it names ("A Study of Radiotherapy Patients", "Pembrolizumab-Treated") nor
    /// what is studied of it ("Radiotherapy Omission", "Radiation Effects on Memory",
    /// "Nivolumab Hypersensitivity Reactions").
    /// </summary>
    private static bool Studied(TermText words, int start, int end)
    {
        // "Study of Preoperative Short-course Radiotherapy": the phase and schedule words of the
        // therapy are the therapy's.
        for (var modifiers = 0; start > 0 && modifiers < 4 && (PhaseWords.Contains(words.Words[start - 1].Word) || ScheduleWords.Contains(words.Words[start - 1].Word)); modifiers++)
        {
            start--;
        }

        var before = words.WordsBefore(start, 3).ToList();
        var studied = (before.Count >= 2 && before[^2] is "study" or "studies" or "trial" or "trials" && before[^1] == "of")
            || (before is [var amount, "dose" or "doses", "of"] && DoseAmounts.Contains(amount))
            || (before.Count > 0 && before[^1] is "comparing" or "compare" or "compares")
            || AsTherapy(words, end);
        return studied && NotStudiedOf(words, end);
    }

    /// <summary>
    /// A therapy a title names "as" a line or kind of therapy ("Stereotactic Radiosurgery as
    /// Second-line Therapy for Ventricular Tachycardia", "Pembrolizumab as Maintenance
    /// Treatment"); not "as a risk factor" or "as a cause".
    /// </summary>
    private static bool AsTherapy(TermText words, int end) =>
        words.WordsFrom(end, 1).Any(w => w == "as")
        && words.WordsFrom(end + 1, 4).TakeWhile(w => !PopulationWords.Contains(w) && w is not "for" and not "in" and not "of")
            .Any(w => w is "therapy" or "treatment" or "therapies" or "treatments" or "monotherapy" or "monotherapies");

    /// <summary>Words of a therapy's schedule a title may put before it ("Short-course", "Low-dose", "Palliative").</summary>
    private static readonly HashSet<string> ScheduleWords = new(
        ["short", "long", "course", "low", "high", "dose", "palliative", "definitive", "concurrent", "sequential", "salvage"], StringComparer.Ordinal);

    /// <summary>How a title says a dose of a therapy is given ("A Single Dose of", not "the Dose of Radiation to the Heart").</summary>
    private static readonly HashSet<string> DoseAmounts = new(
        ["single", "low", "high", "reduced", "fixed", "flat", "one", "first", "escalating", "repeated", "standard"], StringComparer.Ordinal);

    /// <summary>
    /// What a title may study of a therapy, named before it ("Cost-Effectiveness of", "Attitudes
    /// Towards", "Response Prediction With ... in"); not "Effects of", which a trial of the therapy
    /// assesses.
    /// </summary>
    private static readonly HashSet<string> StudiedBeforeTherapy = new(
        ["omission", "omitting", "avoidance", "avoiding", "withdrawal", "discontinuation", "stopping", "cost", "costs", "effectiveness",
         "uptake", "access", "adherence", "patterns", "practice", "practices", "decisions", "decision", "referral", "referrals",
         "knowledge", "attitudes", "perceptions", "towards", "experience", "experiences", "registry", "database", "audit", "survey", "quality",
         "response", "prediction", "predicting", "predictor", "predictors", "variability", "contouring", "delineation",
         "toxicity", "toxicities", "complications", "sequelae", "morbidity"],
        StringComparer.Ordinal);

    /// <summary>What a title may study of a therapy rather than give it.</summary>
    private static readonly HashSet<string> StudiedOfTherapy = new(
        ["omission", "omitting", "omit", "avoidance", "avoiding", "avoid", "deescalation", "withdrawal", "discontinuation", "stopping",
         "effects", "effect", "use", "usage", "utilisation", "utilization", "uptake", "access", "adherence", "costs", "cost", "patterns", "practice", "practices",
         "reactions", "reaction", "hypersensitivity", "allergy", "decisions", "decision", "referral", "referrals", "knowledge", "attitudes", "perceptions",
         "outcomes", "outcome", "results", "experience", "experiences", "registry", "database", "audit", "survey", "quality",
         "response", "prediction", "predicting", "predictor", "predictors", "variability", "contouring", "delineation", "effectiveness"],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether a class word names a drug given beside named agents: words of a blocker
    /// ("anti-LAG3", "TIGIT inhibitor"), not a named agent's mechanism in apposition to it
    /// ("pembrolizumab, a PD-1/PD-L1 inhibitor"; but "nivolumab plus an anti-TIGIT antibody") nor, in a sentence of a marker, the antibody of
    /// an assay ("PD-L1 expression by the 22C3 anti-PD-L1 antibody").
    /// </summary>
    private static bool BlockerBeside(TermText words, TermMatch<string> match, List<TermMatch<AgentEntry>> agents) =>
        TermText.Of(match.Matched).Words.Any(w => BlockerWords.Contains(w.Word))
        && !agents.Any(a => a.Position + a.Words <= match.Position && match.Position - (a.Position + a.Words) <= 6
            && words.Between(a.Position + a.Words - 1, a.Position + a.Words).TrimStart() is [',' or '(', ..]
            && !words.Words.Skip(a.Position + a.Words).Take(match.Position - a.Position - a.Words).Any(w => w.Word is "and" or "plus" or "with" or "or" or "combined" or "then" or "followed"))
        && !words.Words.Any(w => MarkerWords.Contains(w.Word));

    /// <summary>Words of a sentence about a checkpoint as a marker: its expression, assay or score.</summary>
    private static readonly HashSet<string> MarkerWords = new(
        ["expression", "expressing", "assay", "staining", "immunohistochemistry", "ihc", "tps", "cps", "positive", "negative", "score", "clone"], StringComparer.Ordinal);

    /// <summary>Words that make a checkpoint's name a drug that blocks it ("anti-LAG3", "TIGIT inhibitor", "PD-1 antibody").</summary>
    private static readonly HashSet<string> BlockerWords = new(
        ["anti", "inhibitor", "inhibitors", "antibody", "antibodies", "blockade", "blocker", "blockers", "blocking", "mab", "ab"], StringComparer.Ordinal);

    /// <summary>Who a "with or without" can describe instead of a treatment ("Patients With or Without Radiotherapy").</summary>
    private static readonly HashSet<string> PopulationWords = new(
        ["patients", "patient", "participants", "subjects", "people", "persons", "individuals", "those", "women", "men", "adults", "children", "kids", "adolescents", "survivors", "cases"],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether a "+" joins the words <paramref name="start"/> to <paramref name="end"/> (exclusive)
    /// to the word before or after them ("Cadonilimab + FOLFOX", "SBRT+PD-1"); not a "+" that
    /// marks the word before it positive ("HPV+ Radiotherapy-Treated", "PD-L1+ Responders").
    /// </summary>
    private static bool PlusBeside(TermText words, int start, int end) =>
        (start > 0 && PlusJoins(words, start - 1)) || (end < words.Words.Count && PlusJoins(words, end - 1));

    /// <summary>Whether a lone "+" stands between word <paramref name="index"/> and the next, touching both or spaced from both.</summary>
    private static bool PlusJoins(TermText words, int index)
    {
        var between = words.Between(index, index + 1);
        return between.Trim().SequenceEqual("+") && (between.Length == 1 || (between[0] == ' ' && between[^1] == ' '));
    }

    /// <summary>
    /// The ordinal of the trial's one RT intervention when it names no kind and the trial's free
    /// text may say more of it: a trial that assigns treatment, not of an RT injury, whose RT is
    /// not a drug (a radioligand).
    /// </summary>
    internal int? SoleRtOfNoKind(StudyRecord record, IReadOnlyList<InterventionTerms> structured) =>
        structured.Where(i => i.RtModality is not null).ToList() is [var sole] && TextMayNameKindOf(record, sole) ? sole.Ordinal : null;

    /// <summary>
    /// Whether the trial's free text may say the kind of <paramref name="rt"/>: RT of no kind, not a
    /// drug (a radioligand), in a study that is not diagnostic or screening and not of an RT injury.
    /// An observational study's registered RT is what it observes ("radiotherapy" in a
    /// "Comparative Study of Hypofractionated Adjuvant Radiotherapy"): its words say which, though
    /// they give no RT the interventions do not.
    /// </summary>
    internal bool TextMayNameKindOf(StudyRecord record, InterventionTerms rt) =>
        rt.RtModality == Terms.UnspecifiedRt
        && record.Interventions[rt.Ordinal].Type?.ToUpperInvariant() is not ("DRUG" or "BIOLOGICAL" or "GENETIC")
        && record.PrimaryPurpose?.ToUpperInvariant() is not ("DIAGNOSTIC" or "SCREENING") && !TreatsRtInjury(record);

    /// <summary>The sentences of <paramref name="text"/> that name RT as given (not before the trial, not denied).</summary>
    internal static IEnumerable<string> SentencesGivingRt(VocabularyMatchers vocabulary, string? text) =>
        TermText.Sentences([(string.Empty, text)]).Select(s => s.Sentence)
            .Where(sentence => GivesRt(vocabulary, TermText.Of(sentence)));

    /// <summary>Whether a sentence names RT as given (not before the trial, not denied).</summary>
    private static bool GivesRt(VocabularyMatchers vocabulary, TermText words) =>
        GivenInText.Given(vocabulary.RtKindMatches(words), words, sequence: false).Count > 0;

    /// <summary>
    /// The sentences of <paramref name="text"/> that give RT in this trial's protocol: of this trial
    /// (<see cref="OfThisTrial"/>), or right after an arm's label that is a sentence of its own
    /// ("Arm A:", then "WBRT 3 Gy x10 alone."), as <see cref="ProtocolKinds"/> reads them; and an
    /// objective of the schedule it assesses, though it names RT only as the patients' earlier
    /// course (<see cref="ObjectiveOfSchedule"/>).
    /// </summary>
    internal static IEnumerable<string> TrialSentencesGivingRt(VocabularyMatchers vocabulary, string? text)
    {
        var armBefore = false;
        foreach (var (_, sentence) in TermText.Sentences([(string.Empty, text)]))
        {
            var words = TermText.Of(sentence);
            if ((armBefore || OfThisTrial(words)) && (GivesRt(vocabulary, words) || ObjectiveOfSchedule(vocabulary, sentence, words)))
            {
                yield return sentence;
            }

            armBefore = words.Words.Count is > 0 and <= 4 && words.Words[0].Word is "arm" or "group" or "cohort";
        }
    }

    /// <summary>
    /// Whether an objective studies a schedule it states before any word of RT ("To assess the
    /// safety of 45 Gy in 15 fractions in patients with ... previously treated with definitive
    /// radiation therapy"): a dose in fractions is RT, and what the objective assesses is the
    /// trial's, though the sentence's one RT word is the patients' earlier course. Only a dose the
    /// objective assesses: right after its verb ("To compare 8 Gy x 1 with 20 Gy in 5 fractions")
    /// or after the safety, efficacy, feasibility or toxicity "of" it; not a comparator's ("with
    /// that of 26 Gy in 5 fractions reported in the FAST-Forward trial") nor an organ's constraint
    /// ("keeping the spinal cord maximum dose below 30 Gy in 5 fractions"). Not where words of
    /// another time or course come first ("To assess ... after prior 60 Gy in 30 fractions"), nor
    /// a particle beam's dose ("60 Gy (RBE)", guide rule 3) or a brachytherapy dose rate's ("7 Gy
    /// x 3 HDR"): no photon schedule.
    /// </summary>
    private static bool ObjectiveOfSchedule(VocabularyMatchers vocabulary, string sentence, TermText words)
    {
        if (!OpensWithObjective(words)
            || RtDoseParser.Doses(sentence).Where(d => d.Fractions is not null).Select(d => (Dose: d, At: sentence.IndexOf(d.Text, StringComparison.Ordinal)))
                .Where(d => d.At >= 0).OrderBy(d => d.At).FirstOrDefault() is not ({ } dose, var at))
        {
            return false;
        }

        var before = TermText.Of(sentence[..at]);
        var leading = before.Words.Select(w => w.Word).ToList();
        var assessed = leading is [_] or ["to", _]
            || (leading.Count >= 3 && leading[^1] == "of" && AssessedScheduleWords.Contains(leading[^2]));
        var after = TermText.Of(sentence[(at + dose.Text.Length)..]).WordsFrom(0, 4).ToList();
        return assessed
            && vocabulary.RtKindMatches(before).Count == 0
            && !before.Words.Any(w => AnotherCourseWords.Contains(w.Word) || w.Word is "after" or "following" or "received" or "treated" or "had" or "standard" or "conventional")
            && !ParticleDose().IsMatch(dose.Text)
            && !after.Any(w => w is "hdr" or "ldr" or "pdr") && !after.Zip(after.Skip(1)).Any(p => p is ("dose", "rate"));
    }

    /// <summary>What an objective assesses "of" a schedule (<see cref="ObjectiveOfSchedule"/>): <see cref="AssessedWords"/>, and its toxicity.</summary>
    private static readonly HashSet<string> AssessedScheduleWords = new([.. AssessedWords, "toxicity", "toxicities"], StringComparer.Ordinal);

    /// <summary>A particle beam's dose: Gy (RBE), GyE, Gy (E), CGE.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"RBE|GyE\b|\(\s*E\s*\)|\[\s*E\s*\]|CGE", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ParticleDose();

    /// <summary>Whether a text names a drug, an ICI class, RT or a partner class.</summary>
    private bool NamesTherapy(TermText text) =>
        vocabulary.Agents.Matches(text).Count > 0 || vocabulary.IciClassMatches(text).Count > 0 || vocabulary.RtKindMatches(text).Count > 0
        || vocabulary.PartnerClasses.Matches(text).Count > 0 || vocabulary.Locoregional.Matches(text).Count > 0;

    /// <summary>A supportive-care or prevention trial: it supports patients through therapies it does not give.</summary>
    internal static bool SupportsCare(StudyRecord record) =>
        record.PrimaryPurpose?.ToUpperInvariant() is "SUPPORTIVE_CARE" or "PREVENTION";

    private static bool ReadsFreeText(StudyRecord record) =>
        (!IsObservational(record) || record.Interventions.Count == 0)
        && record.PrimaryPurpose?.ToUpperInvariant() is not ("DIAGNOSTIC" or "SCREENING");

    /// <summary>
    /// Whether an observational study's title follows patients through the therapies it names
    /// ("Immune Response During Pelvic (chemo)Radiation And/or Brachytherapy", "Quality of Life
    /// of Patients Undergoing Radiotherapy", "Motion of Kids on Radiation Treatment"): they are
    /// where its patients are, not what it studies. A word of it comes before the first therapy
    /// named, the people are "on" it (<see cref="PatientsUndergo"/>) or "treated with" it.
    /// </summary>
    private bool FollowsPatientsThrough(TermText words)
    {
        var therapies = vocabulary.RtKindMatches(words).Select(m => m.Position)
            .Concat(vocabulary.Agents.Matches(words).Where(m => m.Value.Class == Terms.Ici).Select(m => m.Position))
            .Concat(vocabulary.IciClassMatches(words).Select(m => m.Position)).ToList();
        if (therapies.Count == 0)
        {
            return false;
        }

        var first = therapies.Min();
        if (therapies.Any(p => RegistryOfTreated(words, p)))
        {
            // "Prospective Cohort Study of Liver Cancer Patients Treated With Proton Beam Therapy":
            // a registry of the people treated with a therapy observes it (labelling guide, per trial).
            return false;
        }

        if (words.Words.Take(first).Any(w => w.Word is "during" or "undergoing" or "receiving"))
        {
            return true;
        }

        var assesses = words.Words.Any(w => Compares(w.Word) || w.Word is "efficacy" or "effectiveness" or "outcome" or "outcomes" or "survival" or "safety");
        if (!assesses && words.Words.Take(first).Any(w => w.Word is "getting" or "requiring"))
        {
            // "Frailty Study of Older Adults Getting Chemotherapy and Radiation Therapy"; not
            // "Outcomes of Elderly Patients Requiring Radiotherapy: Hypofractionated Versus ...".
            return true;
        }

        // Not a title that compares treatments or assesses their outcomes ("Efficacy and Safety in
        // HCC Patients Treated With SBRT Plus PD-1 Inhibitors", "Outcomes of Men on Active
        // Surveillance Versus Radiotherapy"): what it studies is the treatment. Otherwise "...
        // in Patients With Head and Neck Neoplasms Treated With Radiotherapy" is the people's
        // treatment, however many words of their disease come between.
        // "Patients Treated With Concurrent Chemoradiation": the words that qualify the therapy
        // come between "treated with" and it.
        var qualified = ModifiedFrom(words, first);
        return !assesses && (PatientsUndergo(words, first)
            || (words.WordsBefore(qualified, 2).ToList() is ["treated", "with" or "by"] && words.Words.Take(qualified).Any(w => PopulationWords.Contains(w.Word))));
    }

    /// <summary>
    /// Whether an observational study's title keeps a registry, cohort or database of the people
    /// "treated with" or "treated by" the therapy at <paramref name="position"/>, and says nothing
    /// else of them: only words of the study's design before the registry word ("A Multi Center
    /// Registry of", "Prospective Cohort Study of"), and after it "of" and the people, with a word
    /// for them and no "in", "during" or "after" ("of Liver Cancer Patients Treated With Proton
    /// Beam Therapy", "of Men With Prostate Cancer Treated by Brachytherapy"). Such a study
    /// observes that therapy, which the labelling guide counts as the trial's (per trial); not
    /// "Xerostomia Registry of Patients Treated With ...", "Cohort Study of Second Malignancies in
    /// Children Treated With Radiotherapy".
    /// </summary>
    private static bool RegistryOfTreated(TermText words, int position)
    {
        if (position < 3 || words.WordsBefore(position, 2).ToList() is not ["treated", "with" or "by"])
        {
            return false;
        }

        var treated = position - 2;
        var registry = Enumerable.Range(0, treated).LastOrDefault(i => RegistryWords.Contains(words.Words[i].Word), -1);
        if (registry < 0)
        {
            return false;
        }

        // "Registry of", "Registry for", "Registry to Collect Outcomes of": then the people.
        var people = words.Words.Skip(registry + 1).Take(treated - registry - 1).Select(w => w.Word).SkipWhile(RegistryPurposeWords.Contains).ToList();
        if (people is not ["of" or "for", ..] || !people.Any(PopulationWords.Contains) || people.Count > 14
            || people.Any(w => w is "in" or "during" or "after" or "following" or "on" or "among" or "before"))
        {
            return false;
        }

        // Back to the title's start or a colon ("Proton and Photon Consortium Registry (PPCR): A
        // Multi Center Registry of ..."), only words of the study's design.
        for (var i = registry - 1; i >= 0; i--)
        {
            if (words.Between(i, i + 1).Contains(':'))
            {
                return true;
            }

            if (!DesignWords.Contains(words.Words[i].Word) && !NamesPlace(words.Words[i].Word))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Words between a registry word and the people it keeps ("Registry to Collect Outcomes of", "Cohort Study of").</summary>
    private static readonly HashSet<string> RegistryPurposeWords = new(
        ["study", "studies", "to", "collect", "collecting", "clinical", "outcomes", "outcome", "data", "and", "long", "term", "follow", "up"],
        StringComparer.Ordinal);

    /// <summary>Whether a word names where a registry is kept ("Swedish", "German", "European", "Korean", "Dutch"), by its ending or as one of a few without one.</summary>
    private static bool NamesPlace(string word) =>
        word.Length > 4 && (word.EndsWith("ish", StringComparison.Ordinal) || word.EndsWith("ian", StringComparison.Ordinal)
            || word.EndsWith("ean", StringComparison.Ordinal) || word.EndsWith("ese", StringComparison.Ordinal))
        || word is "german" or "french" or "dutch" or "swiss" or "nordic" or "greek" or "thai" or "american" or "african" or "mexican" or "canadian";

    /// <summary>Words of a study's design before the registry word of its title.</summary>
    private static readonly HashSet<string> DesignWords = new(
        ["a", "an", "the", "prospective", "retrospective", "multicenter", "multicentre", "multi", "center", "centre", "national", "nationwide",
         "international", "longitudinal", "observational", "clinical", "population", "based", "real", "world", "hospital", "single",
         "institutional", "institution", "data", "collection"],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether the words at <paramref name="at"/> say a therapy "can help (to) control" a disease
    /// (MD Anderson's "to learn if the combination of durvalumab and tremelimumab can help to
    /// control sarcoma"): a modal, "help" and a verb of treating; not "may help recruit T cells"
    /// nor "can help doctors predict".
    /// </summary>
    private static bool CanHelpTo(TermText words, int at) =>
        words.Words[at].Word is "can" or "may" or "will" or "could" or "might"
        && words.WordsFrom(at + 1, 3).ToList() is [("help" or "helps"), var next, ..] rest
        && (next == "to" ? rest.ElementAtOrDefault(2) : next) is "control" or "treat" or "shrink" or "prevent" or "improve" or "delay" or "slow" or "stop" or "eliminate";

    /// <summary>Words right after a therapy that make it something measured or a group of people: its levels, scans, receipt, patients.</summary>
    private static readonly HashSet<string> MeasuredWords = new(
        ["level", "levels", "concentration", "concentrations", "scan", "scans", "received", "patients"], StringComparer.Ordinal);

    /// <summary>Verbs by which a purpose says what the therapy it tests does to an outcome ("whether X improves survival").</summary>
    private static readonly HashSet<string> ImprovesWords = new(
        ["improve", "improves", "prolong", "prolongs", "increase", "increases", "reduce", "reduces", "decrease", "decreases", "extend", "extends"],
        StringComparer.Ordinal);

    /// <summary>Words by which a title keeps a registry of people ("Registry of", "Cohort Study of").</summary>
    private static readonly HashSet<string> RegistryWords = new(["registry", "registries", "cohort", "cohorts", "database"], StringComparer.Ordinal);

    /// <summary>
    /// Where no words say what the trial gives (<see cref="WhatTheTrialGives"/>), the therapy a
    /// purpose tests "if" or "whether" it improves an outcome, up to that verb ("to investigate if
    /// nivolumab plus ipilimumab given as adjuvant treatment improve disease free survival", "to
    /// learn if the combination of durvalumab and tremelimumab can help to control sarcoma", "to
    /// see if the combination of tremelimumab and durvalumab with brain radiation therapy can
    /// help", "to find out whether ...":
    /// <see cref="CanHelpTo"/>), or
    /// the therapy a trial "is studying" (the NCI's outlines: "This randomized phase II trial is
    /// studying two different chemotherapy and radiation therapy regimens to see how they work"),
    /// up to what it is studied for or in whom. Only where the therapy is what follows, with at
    /// most words of how many or how it is added before it: not "whether avoiding radiotherapy",
    /// "whether FDG-PET/CT performed during chemoradiotherapy", "is studying late cardiac effects
    /// in survivors ... treated with radiation therapy".
    /// </summary>
    private (int From, int To)? TestedOrStudied(TermText words)
    {
        for (var i = 1; i + 1 < words.Words.Count; i++)
        {
            var word = words.Words[i].Word;
            var tests = word is "if" or "whether" && (words.Words[i - 1].Word is "investigate" or "determine" or "evaluate" or "assess" or "test" or "examine" or "establish" or "learn"
                || (words.Words[i - 1].Word is "see" && words.WordsBefore(i - 1, 1).Any(w => w is "to") && StatesOwnPurpose(words, i))
                || (words.Words[i - 1].Word is "out" && words.WordsBefore(i - 1, 2).ToList() is ["to", "find"] && StatesOwnPurpose(words, i)));
            var studies = word == "studying" && words.Words[i - 1].Word is "is" or "are" && words.WordsBefore(i, 6).Any(w => w is "trial" or "study");
            if (!tests && !studies)
            {
                continue;
            }

            var from = i + 1;
            while (from < words.Words.Count && LeadingTherapyWords.Contains(words.Words[from].Word))
            {
                from++;
            }

            var therapies = TherapySpans(words);
            if (!therapies.ContainsKey(from) && !JoinsTherapy(words, from, therapies))
            {
                return null;
            }

            if (therapies.GetValueOrDefault(from, from) is var end && end > from
                && (words.WordsFrom(end, 1).Any(w => w is "dose" or "doses" or "exposure" or "volume" or "volumes") || words.WordsFrom(end, 2).Any(MeasuredWords.Contains)))
            {
                // "whether radiotherapy dose to the heart increases cardiac events": a dose received,
                // not the therapy tested; so are its levels, its scans, its receipt and its
                // patients ("whether nivolumab trough concentrations help predict", "if radiation
                // therapy received for childhood cancer can help explain").
                return null;
            }

            var to = Enumerable.Range(from, words.Words.Count - from).FirstOrDefault(j => tests
                ? ImprovesWords.Contains(words.Words[j].Word) || CanHelpTo(words, j)
                : StudiedForOrIn(words, j), tests ? -1 : words.Words.Count);
            return to > from ? (from, to) : null;
        }

        return null;
    }

    /// <summary>
    /// Whether "to see if" or "to find out whether" at <paramref name="at"/> states this trial's own
    /// purpose ("The purpose of this study is to see if", "This study will find out whether", "We
    /// want to find out whether"), of a therapy it gives rather than one it avoids, replaces, asks
    /// about or that was given before ("to see if radiotherapy can be avoided", "whether
    /// radiotherapy to the lung in the past increases", "the treatment patients prefer"); not what
    /// others did ("In an earlier trial, doctors wanted to see if", "Researchers have used mice to
    /// see if"). These lay phrasings are common in background sentences, so they ask more than
    /// "to investigate if" does.
    /// </summary>
    private static bool StatesOwnPurpose(TermText words, int at)
    {
        var before = words.Words.Take(at).Select(w => w.Word).ToList();
        var own = before.Any(w => w is "purpose" or "aim" or "goal" or "objective")
            || before.Zip(before.Skip(1)).Any(p => (p.First == "this" && p.Second is "study" or "trial") || (p.First == "we" && p.Second is "want" or "will" or "aim" or "hope"));
        return own && !words.Words.Any(w => NotOwnPurposeWords.Contains(w.Word));
    }

    /// <summary>Words by which a "to see if" sentence is about dropping, replacing or choosing a therapy, or about the past or others.</summary>
    private static readonly HashSet<string> NotOwnPurposeWords = new(
        ["avoid", "avoided", "avoiding", "omit", "omitted", "omitting", "omission", "left", "spared", "replace", "replaced", "replacing", "instead",
         "past", "prior", "previous", "previously", "earlier", "mice", "mouse", "animal", "animals", "prefer", "preferred", "preference", "choose", "choice"],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether the words from <paramref name="from"/> name a treatment the vocabulary may not know
    /// joined to one it does ("GnRH antagonists in combination with external beam radiation
    /// therapy", "X plus pembrolizumab"), within eight words and with nothing between that says
    /// when or how something else is done ("during", "performed", "measuring", "prior").
    /// </summary>
    private static bool JoinsTherapy(TermText words, int from, Dictionary<int, int> therapies)
    {
        for (var p = from + 1; p < Math.Min(words.Words.Count, from + 8); p++)
        {
            if (NotJoinedWords.Contains(words.Words[p - 1].Word))
            {
                return false;
            }

            if (words.Words[p - 1].Word is "with" or "plus" && therapies.ContainsKey(p))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that make what follows them not the therapy tested but when or how something else is done.</summary>
    private static readonly HashSet<string> NotJoinedWords = new(
        ["during", "after", "before", "following", "performed", "used", "using", "measuring", "measured", "prior", "previous", "exposure",
         "avoiding", "withholding", "omitting", "omission", "without", "device", "levels", "level", "expression"],
        StringComparer.Ordinal);

    /// <summary>
    /// The therapies the vocabulary knows in a sentence (RT, a drug, an ICI class, a partner class),
    /// read once: each start, with where the longest RT or drug that starts there ends (the start
    /// itself for a class).
    /// </summary>
    private Dictionary<int, int> TherapySpans(TermText words)
    {
        var spans = new Dictionary<int, int>();
        foreach (var (position, end) in vocabulary.RtKindMatches(words).Select(m => (m.Position, m.Position + m.Words))
            .Concat(vocabulary.Agents.Matches(words).Select(m => (m.Position, m.Position + m.Words))))
        {
            spans[position] = Math.Max(end, spans.GetValueOrDefault(position, position));
        }

        foreach (var position in vocabulary.IciClassMatches(words).Select(m => m.Position).Concat(vocabulary.PartnerClasses.Matches(words).Select(m => m.Position)))
        {
            spans.TryAdd(position, position);
        }

        return spans;
    }

    /// <summary>Where what a trial "is studying" ends: what it is studied for ("to see", "in treating", "in preventing") or in whom ("in patients", "who", "treated").</summary>
    private static bool StudiedForOrIn(TermText words, int j) =>
        words.Words[j].Word is "who" or "treated" or "undergoing" or "receiving"
        || (j + 1 < words.Words.Count && (words.Words[j].Word, words.Words[j + 1].Word) is ("to", "see") or ("in", "treating" or "preventing" or "reducing"))
        || (words.Words[j].Word is "in" or "for" && words.WordsFrom(j + 1, 3).Any(PopulationWords.Contains));

    /// <summary>Words of how many therapies or how one is added that may stand before it ("whether adding", "is studying two different").</summary>
    private static readonly HashSet<string> LeadingTherapyWords = new(
        ["the", "a", "an", "adding", "addition", "of", "combining", "combination", "giving", "use", "role", "two", "three", "different", "new",
         "concurrent", "sequential", "adjuvant", "neoadjuvant", "perioperative", "preoperative", "postoperative", "high", "low", "dose", "short",
         "course", "escalated", "reduced", "accelerated", "intensified", "de", "escalation"],
        StringComparer.Ordinal);

    /// <summary>Whether a sentence names this study ("this phase II study", "the present trial"): what it says of earlier research is its basis.</summary>
    private static bool NamesThisStudy(TermText words) =>
        Enumerable.Range(0, words.Words.Count).Any(i => words.Words[i].Word is "this" or "present" or "current" or "proposed"
            && words.WordsFrom(i + 1, 4).Any(w => w is "study" or "trial"));

    /// <summary>
    /// Whether a sentence names a study and what it assesses ("study to investigate the efficacy
    /// and safety of"), not others' findings (<see cref="OfOthers"/>).
    /// </summary>
    private static bool AssessesInStudy(TermText words) =>
        words.Words.Any(w => w.Word is "study" or "studies")
        && Enumerable.Range(0, Math.Max(0, words.Words.Count - 1)).Any(i => AssessedWords.Contains(words.Words[i].Word) && words.Words[i + 1].Word == "of" && !OfOthers(words, i)
            // "the effect of the COVID-19 pandemic on radiotherapy delivery": what follows "on" is what is affected.
            && !words.WordsFrom(i + 2, 8).Contains("on", StringComparer.Ordinal));

    /// <summary>An observational study: it follows patients and assigns no treatment.</summary>
    internal static bool IsObservational(StudyRecord record) =>
        string.Equals(record.StudyType, "OBSERVATIONAL", StringComparison.OrdinalIgnoreCase)
        || (string.IsNullOrEmpty(record.StudyType) && TitlesSayObservational(record));

    /// <summary>
    /// Whether a record that gives no study type calls itself observational in a title ("...: A
    /// Prospective Observational Phase II Trial"): what the registry's study type would say.
    /// </summary>
    private static bool TitlesSayObservational(StudyRecord record) =>
        RecordFields.Titles(record).Any(t => TermText.Of(t.Text).Words is var words
            && words.Select((w, i) => (w.Word, i)).Any(w => w.Word == "observational" && !ObservationalBesideTrial(words, w.i)));

    /// <summary>
    /// Whether the "observational" at <paramref name="at"/> is no study type of the record:
    /// "non-observational", or a cohort joined to the trial ("Phase II Trial With a Parallel
    /// Observational Cohort", "Randomised Trial and Observational Cohort").
    /// </summary>
    private static bool ObservationalBesideTrial(IReadOnlyList<(string Word, int Start, int End)> words, int at)
    {
        if (at > 0 && words[at - 1].Word == "non")
        {
            return true;
        }

        var i = at - 1;
        while (i >= 0 && ObservationalCohortQualifiers.Contains(words[i].Word))
        {
            i--;
        }

        return i >= 0 && words[i].Word is "with" or "and" or "plus" or "including";
    }

    private static readonly HashSet<string> ObservationalCohortQualifiers = new(
        ["a", "an", "the", "parallel", "nested", "companion", "accompanying", "associated", "prospective", "concurrent"], StringComparer.Ordinal);

    /// <summary>
    /// The kinds of RT of a trial whose only RT intervention says just "Radiotherapy" (or whose
    /// several all do, <see cref="SeveralRtOfNoKind"/>; or of several that no arm tells apart, only
    /// the external beam the record names, <see cref="ExternalBeamOnly"/>), and the interventions they apply to: the kinds
    /// its titles name as given, or where they name none, its summary and arms ("Immunotherapy
    /// Combined With Radiotherapy" whose summary gives "stereotactic ablative radiotherapy
    /// (SBRT)"), with the field each came from; every kind they give ("IMRT or SBRT"), none where
    /// they name no kind. A drug (a radioligand such as 177Lu-PSMA-617) is never given an
    /// external kind.
    /// </summary>
    public (IReadOnlyList<int> Ordinals, List<(string Field, TermMatch<string> Match)> Kinds)? KindOfSoleRt(StudyRecord record, IReadOnlyList<InterventionTerms> structured)
    {
        var (ordinals, oneRt) = SoleRtOfNoKind(record, structured) is { } sole ? ([sole], true) : SeveralRtOfNoKind(record, structured);
        if (ordinals.Count == 0)
        {
            return null;
        }

        if (!oneRt)
        {
            // Several RT of no kind that the arms do not tell apart ("Short course radiation
            // therapy", "Standard course radiation therapy", and no arms listed) may differ in
            // kind, so no sentence's kind is given to them all; but where external beam is the
            // only kind the record names, it is each one's.
            return ExternalBeamOnly(record, ordinals) is { } beam ? (ordinals, [beam]) : null;
        }

        var kinds = new List<(string Field, TermMatch<string> Match)>();
        foreach (var (field, sentence) in OwnSentences(record))
        {
            var words = TermText.Of(sentence);
            var named = vocabulary.RtKindMatches(words).Where(m => m.Value != Terms.UnspecifiedRt).ToList();
            // A summary sentence tells the kind only where it names the RT with an ICI, or says
            // what this trial does ("The purpose of this trial is to improve the therapeutic
            // effects by using proton therapy and chemotherapy concurrently"), or prescribes its
            // dose (every kind it names but one of a plan: "a comparative proton therapy plan will
            // be generated"): the rest is background and what patients had before.
            var summary = field == RecordFields.BriefSummary && vocabulary.Agents.Matches(words).All(m => m.Value.Class != Terms.Ici)
                && vocabulary.IciClassMatches(words).Count == 0 && !NamesThisTrial(words);
            if (summary && PrescribesDose(words, sentence))
            {
                named = [.. named.Where(m => !words.WordsFrom(m.Position + m.Words, 1).Any(w => w is "plan" or "plans" or "planning"))];
                summary = false;
            }

            if (named.Count == 0 || IsImagingDose(words, named) || summary)
            {
                continue;
            }

            kinds.AddRange(GivenInText.Given(named, words, sequence: false).Select(m => (field, m)));
        }

        if (kinds.Count == 0 && ordinals.Count == 1)
        {
            // Where nothing else names a kind, the detailed description's protocol may: a sentence
            // of an arm or of a dose that names one kind, the same in every such sentence ("Arm
            // Cisplatin: ... followed by cisplatin 40 mg/m2/week in concurrent with IMRT",
            // "Intensity modulated radiotherapy (IMRT) is given five fractions per week at 1.8-2 Gy").
            kinds.AddRange(ProtocolKinds(record));
        }

        // The titles say what the trial is; the summary and arms decide only where they name no kind.
        var titled = kinds.Where(k => RecordFields.IsTitle(k.Field)).ToList();
        var decisive = titled.Count > 0 ? titled : kinds;
        var chosen = vocabulary.RtKinds(decisive.Select(k => k.Match));
        // Several RT interventions of no kind ("Radiotherapy", "Radiotherapy + durvalumab") take
        // the one kind the titles give them all ("Hypofractionated Stereotactic Radiation Therapy
        // With ... Durvalumab"); titles naming more than one may be comparing them.
        var applies = chosen.Count > 0 && (ordinals.Count == 1 || (chosen.Count == 1 && titled.Count > 0 && !TitlesMayCompareRt(record)));
        if (chosen.Count == 0 && ExternalBeamOnly(record, ordinals) is { } external)
        {
            return (ordinals, [external]);
        }

        return applies ? (ordinals, [.. chosen.Select(kind => decisive.First(k => ReferenceEquals(k.Match, kind)))]) : null;
    }

    /// <summary>
    /// The one kind of RT the titles name, where they name one and no word of comparison
    /// ("versus", "compared"), imaging or light: several kinds, or kinds compared, are the arms'.
    /// </summary>
    private (string Field, TermMatch<string> Match)? OnlyKindTitled(StudyRecord record)
    {
        var titles = TitleSentences(record).ToList();
        if (titles.Any(t => t.Words.Words.Any(w => Compares(w.Word)) || vocabulary.ImagingWords.Matches(t.Words).Count > 0 || vocabulary.LightWords.Matches(t.Words).Count > 0))
        {
            return null;
        }

        // Not a kind the titles name as history or absence ("After Prior Brachytherapy", "Not
        // Eligible for SBRT", "Without Brachytherapy Boost").
        var kinds = titles.SelectMany(t => GivenInText.Given(vocabulary.RtKindMatches(t.Words), t.Words, sequence: true)
            .Where(m => m.Value != Terms.UnspecifiedRt).Select(m => (t.Field, Match: m))).ToList();
        // Not where a title also gives RT of no kind apart from the kind ("Salvage Radiotherapy
        // ... Following Brachytherapy", "Radiotherapy Boost as an Alternative to Brachytherapy"):
        // that RT is the trial's, and the kind another course.
        var unspecified = titles.Where(t => kinds.Any(k => k.Field == t.Field)).SelectMany(t => GivenInText.Given(vocabulary.RtKindMatches(t.Words), t.Words, sequence: false)
            .Where(m => m.Value == Terms.UnspecifiedRt && !kinds.Any(k => k.Field == t.Field && m.Position < k.Match.Position + k.Match.Words && k.Match.Position < m.Position + m.Words))).Any();
        return !unspecified && kinds.DistinctBy(k => k.Match.Value).Count() == 1 ? kinds[0] : null;
    }

    /// <summary>
    /// Where no sentence gives the RT a kind, the external beam the record names wherever it
    /// speaks of RT, where that is the only kind it names: in its titles, summary, detailed
    /// description, arms and interventions ("whole-breast irradiation (WBRT) is a standard of
    /// care" in a trial of "Radiotherapy" against "No Radiotherapy"; "three-dimensional conformal
    /// radiation therapy (3DCRT) was performed" beside "Paclitaxel plus Cisplatin with
    /// radiotherapy"). Photon RT of no kind is external beam; what else the record calls it says
    /// nothing of another. None where the record names any other kind (stereotactic, a particle,
    /// brachytherapy, a hypofractionated schedule) even as history, or RT that is not a first
    /// course of external beam (<see cref="OtherCourseWords"/>: during surgery, a second course,
    /// radioactive sources), or names external beam only as history, absence or the course of
    /// other patients or times, or names none; nor where the RT is a radionuclide. Read where no
    /// rule gives the RT a kind (sets 8-119's annotators labelled such RT EBRT; vocabulary .133-.135).
    /// </summary>
    private (string Field, TermMatch<string> Match)? ExternalBeamOnly(StudyRecord record, IReadOnlyList<int> ordinals)
    {
        // Not a radionuclide, named by its isotope ("Iodine I 131 tositumomab", "177Lu-X") or its
        // brand ("Xofigo"), typed as radiation. A drug's code or a regimen's number is no isotope
        // ("S1 plus Cisplatin with radiotherapy", "5-FU").
        if (ordinals.Any(o => record.Interventions[o] is var rt
            && ((IsotopeNotation().IsMatch(rt.Name ?? "") && !(rt.Name ?? "").Contains("Gy", StringComparison.OrdinalIgnoreCase))
                || NamesRadionuclide(rt.Name) || NamesRadionuclide(rt.Description))))
        {
            return null;
        }

        var texts = new List<(string Field, string? Text)>
        {
            (RecordFields.BriefTitle, record.BriefTitle),
            (RecordFields.OfficialTitle, record.OfficialTitle),
            (RecordFields.BriefSummary, record.BriefSummary),
            (RecordFields.DetailedDescription, record.DetailedDescription),
        };
        texts.AddRange(record.ArmGroups.SelectMany(a => new (string, string?)[] { ($"armGroups[{a.Ordinal}].label", a.Label), ($"armGroups[{a.Ordinal}].description", a.Description) }));
        texts.AddRange(record.Interventions.SelectMany(i => new (string, string?)[]
        {
            ($"interventions[{i.Ordinal}].name", i.Name), ($"interventions[{i.Ordinal}].description", i.Description), ($"interventions[{i.Ordinal}].otherNames", string.Join("; ", i.OtherNames)),
        }));
        (string Field, TermMatch<string> Match)? found = null;
        foreach (var (field, sentence) in TermText.Sentences(texts))
        {
            // Anywhere in the record, RT that is not a first course of external beam: during
            // surgery, a second course, a partial-breast or FLASH course, radioactive sources or
            // applicators (one of these may be the trial's RT of no kind).
            var words = TermText.Of(sentence);
            var kinds = vocabulary.RtKindMatches(words).Where(m => m.Value != Terms.UnspecifiedRt).ToList();
            if (kinds.Any(k => k.Value != Terms.Ebrt) || OtherCourseWords().IsMatch(sentence))
            {
                return null;
            }

            // Not external beam given before the trial or named as something else ("Recurrence
            // After External Beam Radiotherapy", "prior high energy x-rays to the pelvis"), nor a
            // course of other patients or times ("a historical cohort treated with whole-brain
            // radiotherapy", "had external beam radiotherapy to the same vertebrae 6 months
            // earlier", "is reserved for widespread disease", "212 patients underwent IMRT"): the
            // trial's RT may be another.
            if (!words.Words.Any(w => AnotherCourseWords.Contains(w.Word))
                && !words.Words.Zip(words.Words.Skip(1)).Any(p => p.First.Word is "were" or "was" or "been" or "had" or "have"
                    && p.Second.Word is "treated" or "given" or "palliated" or "irradiated" or "managed" or "received")
                && GivenInText.Given(kinds, words, sequence: false) is [var given, ..])
            {
                found ??= (field, given);
            }
        }

        return found;
    }

    /// <summary>
    /// Words of RT other than a first course of external beam: given during surgery (IORT, IOERT,
    /// INTRABEAM), a second course (re-irradiation, salvage, repeat), a partial-breast or FLASH
    /// course, radioactive sources (seeds, radioiodine, a radionuclide) or applicators.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:intra-?operative\w*|IORT|IOERT|IOEBRT|INTRABEAM|during (?:the )?(?:surgery|lumpectomy|resection|operation)|re-?irradiat\w*|re-?treat\w*|second course|salvage|repeat(?:ed)? (?:radiotherapy|radiation|irradiation|course)|partial[- ]breast|APBI|FLASH|radioactive|seeds?|applicators?|radioiodine|radionuclide\w*|radioligand\w*|radiopharmaceutical\w*|strontium|samarium)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex OtherCourseWords();

    /// <summary>Words that put a course of RT at another time or with other patients than the trial's (<see cref="ExternalBeamOnly"/>; so do "were treated", "was given", "had received").</summary>
    private static readonly HashSet<string> AnotherCourseWords = new(
        ["historical", "historically", "earlier", "previously", "previous", "prior", "recurred", "relapsed", "recurrence", "reserved", "despite",
         "underwent", "undergone", "cohort", "compared", "comparison", "contemporaneous"],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether a text says RT only by a radionuclide (an isotope, a brand such as "Xofigo",
    /// radioiodine): its RT words, as the vocabulary matches them, are none of "radiotherapy",
    /// "radiation", "irradiation" or "RT".
    /// </summary>
    private bool NamesRadionuclide(string? text)
    {
        var matches = vocabulary.RtKindMatches(TermText.Of(text));
        return matches.Count > 0 && !matches.Any(m => GenericRtWords().IsMatch(m.Matched) && !m.Matched.Any(char.IsDigit)
            && !m.Matched.Contains("iodine", StringComparison.OrdinalIgnoreCase));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"radiation|radiotherap|irradiat|\bRT\b|\bCRT\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex GenericRtWords();

    /// <summary>
    /// An isotope as registries write one: an element's symbol and a mass number of two or three
    /// digits, either way round ("I 131", "Y-90", "177Lu", "Tc-99m"); not a code of one digit
    /// ("S1", "5-FU"). The element may be spelled out ("Lutetium-177 radiotherapy", "Rhenium-188
    /// Radiation Therapy"), where NamesRadionuclide does not see it beside "radiotherapy".
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:[A-Z][a-z]?[- ]?\d{2,3}m?|\d{2,3}m?[- ]?[A-Z][a-z]?|(?i:iodine|yttrium|lutetium|radium|actinium|rhenium|holmium|phosphorus|strontium|samarium|thorium|lead|bismuth|astatine|copper|terbium|iridium|cesium|caesium|palladium|gallium|technetium)[- ]?\d{2,3}m?)\b")]
    private static partial System.Text.RegularExpressions.Regex IsotopeNotation();

    /// <summary>
    /// The one kind of RT the detailed description's protocol sentences give: those that state a
    /// dose in gray or speak of an arm or group, not of others' trials, usual care or what
    /// patients had before; none where they name more than one kind, or none.
    /// </summary>
    private List<(string Field, TermMatch<string> Match)> ProtocolKinds(StudyRecord record)
    {
        var found = new List<(string Field, TermMatch<string> Match)>();
        var armBefore = false;
        foreach (var (field, sentence) in TermText.Sentences([(RecordFields.DetailedDescription, record.DetailedDescription)]))
        {
            var words = TermText.Of(sentence);
            // An arm's label may be a sentence of its own ("Arm Cisplatin:", then its treatment).
            var arm = words.Words.Any(w => w.Word is "arm" or "arms" or "group" or "groups");
            var ofArm = arm || armBefore;
            armBefore = arm && words.Words.Count <= 4;
            if (!(DoseUnit().IsMatch(sentence) || ofArm)
                || OfOthersOrCare(words) || OfOthers(words, 0)
                // Not StudyNormaliser.Background: a protocol's own steps say "has been" and
                // "routinely" ("After informed consent has been obtained, patients receive IMRT",
                // "Cone-beam CT is routinely acquired before each fraction of IMRT").
                || words.Words.Any(w => w.Word is "historically" or "traditionally" or "usually" or "conventionally")
                // What patients had before; not "no prior systemic therapy", this trial's patients.
                || words.Words.Select((w, i) => (w.Word, i)).Any(w => w.Word is "previously" or "prior" && !words.WordsBefore(w.i, 2).Any(b => b is "no" or "without" or "not")))
            {
                continue;
            }

            // Not a kind the sentence says "has been" used, studied or given: others' experience
            // ("Stereotactic body radiotherapy has been used at 50 Gy in 5 fractions").
            var named = vocabulary.RtKindMatches(words).Where(m => m.Value != Terms.UnspecifiedRt
                && words.WordsFrom(m.Position + m.Words, 2).ToList() is not (["has" or "have", "been"] or [_, "been"])).ToList();
            if (IsImagingDose(words, named))
            {
                continue;
            }

            found.AddRange(GivenInText.Given(named, words, sequence: false).Select(m => (field, m)));
        }

        return vocabulary.RtKinds(found.Select(f => f.Match)) is [var one] ? [found.First(f => f.Match.Value == one.Value)] : [];
    }

    /// <summary>
    /// Whether a title compares ("versus", "vs", "compared", "comparing") or names RT in more than
    /// one place ("Stereotactic Body Radiotherapy Versus Conventional Radiotherapy"): RT
    /// interventions one per arm may then be the RTs compared.
    /// </summary>
    private bool TitlesMayCompareRt(StudyRecord record) =>
        TitleSentences(record).Any(s =>
        {
            var words = s.Words;
            // What is compared is after the word: RT ("SBRT Versus Conventional Radiotherapy"), not
            // how it is given ("Whole Breast + Lymph Node Irradiation: Prone Compared to Supine
            // Position", one RT in two positions).
            var rt = vocabulary.RtKindMatches(words);
            var compares = words.Words.Select((w, i) => (w.Word, i)).Where(w => Compares(w.Word)).Select(w => w.i).ToList();
            if (compares.Any(at => rt.Any(m => m.Position > at)))
            {
                return true;
            }

            var phrases = 0;
            var phraseEnd = -1;
            foreach (var match in rt.OrderBy(m => m.Position))
            {
                phrases += match.Position >= phraseEnd ? 1 : 0;
                phraseEnd = Math.Max(phraseEnd, match.Position + match.Words);
            }

            return phrases > 1;
        });

    /// <summary>
    /// The ordinals of a trial's RT interventions when there are several, every one of no kind and
    /// none a drug, in a trial that assigns treatment and is not of an RT injury (none otherwise),
    /// and whether they are one RT given in different arms: no arm gives two of them, or, with no
    /// arms listed, one of them names the drug its arm adds ("Radiotherapy", "Radiotherapy +
    /// durvalumab"). Two courses ("Radiotherapy to the primary", "Radiotherapy to metastases") may
    /// be of different kinds.
    /// </summary>
    private (IReadOnlyList<int> Ordinals, bool OneRt) SeveralRtOfNoKind(StudyRecord record, IReadOnlyList<InterventionTerms> structured)
    {
        var rt = structured.Where(i => i.RtModality is not null).ToList();
        if (rt.Count < 2 || !rt.All(i => i.AlsoRtModalities.Count == 0 && TextMayNameKindOf(record, i)))
        {
            return ([], false);
        }

        var membership = new ArmMembership(record);
        var arms = rt.Select(i => membership.ArmsOf(record.Interventions[i.Ordinal])).ToList();
        // With no arms listed, one of them names the drug its arm adds, or every one is named by
        // its schedule alone ("10 GY in 5 daily fractions", "20 GY in 10 daily fractions"): one RT
        // at different doses.
        var oneRtPerArm = record.ArmGroups.Count > 0
            ? arms.All(a => a.Count > 0) && arms.SelectMany(a => a).GroupBy(a => a.Ordinal).All(g => g.Count() == 1)
            : rt.Any(i => i.Agents.Count > 0) || rt.All(i => TermText.Of(record.Interventions[i.Ordinal].Name) is var name
                && InterventionNormaliser.NamesDose(name) && vocabulary.RtKindMatches(name).All(m => m.Value == Terms.UnspecifiedRt));
        return ([.. rt.Select(i => i.Ordinal)], oneRtPerArm);
    }

    /// <summary>A sentence naming imaging whose radiation is a dose received, in mSv or as "radiation dose/exposure", not RT given.</summary>
    private bool IsImagingDose(TermText words, IReadOnlyList<TermMatch<string>> rt) =>
        vocabulary.ImagingWords.Matches(words).Count > 0
        && (words.Words.Any(w => w.Word is "msv" or "mgy")
            || rt.Any(m => words.WordsFrom(m.Position + m.Words, 1).Any(w => w is "dose" or "doses" or "exposure")));

    /// <summary>
    /// Whether "after", "following" or "post" is one of the two words before word <paramref name="position"/>,
    /// or further before it with only words of a course between ("Following Definitive Concurrent
    /// Chemoradiotherapy"), surgery before it among them ("Pembrolizumab Versus Placebo Following
    /// Surgery and Radiation", KEYNOTE-630).
    /// </summary>
    private static bool Follows(TermText words, int position)
    {
        if (words.WordsBefore(position, 2).Any(GivenInText.SequenceWords.Contains))
        {
            return true;
        }

        for (var i = position - 1; i >= Math.Max(0, position - 4)
            && (GivenInText.PriorTherapyModifiers.Contains(words.Words[i].Word) || words.Words[i].Word is "surgery" or "resection" or "and"); i--)
        {
            if (i > 0 && GivenInText.SequenceWords.Contains(words.Words[i - 1].Word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a title's word says it compares what follows or precedes it ("versus", "vs", "compared", "comparing").</summary>
    internal static bool Compares(string word) => word is "versus" or "vs" or "compared" or "comparing";

    /// <summary>
    /// Whether the ICI is also given with the RT at <paramref name="position"/> ("During and After
    /// Chemoradiation", "Concurrent With and Following Chemoradiation"), or around it ("Nivolumab or
    /// Placebo Given Before and After Stereotactic Radiosurgery": the RT is the trial's): a word of it within five
    /// words before, and before the RT's own words ("definitive concurrent") and the "after" or
    /// "following" nearest it; not "Following Concurrent Chemoradiotherapy", whose "concurrent" is
    /// the chemoradiotherapy's, nor "in Patients With LS-SCLC Following sCRT".
    /// </summary>
    private static bool Concurrent(TermText words, int position)
    {
        var from = Math.Max(0, position - 5);
        var to = position;
        while (to > from && GivenInText.PriorTherapyModifiers.Contains(words.Words[to - 1].Word))
        {
            to--;
        }

        for (var i = to - 1; i >= from; i--)
        {
            if (GivenInText.SequenceWords.Contains(words.Words[i].Word))
            {
                to = i;
                break;
            }
        }

        return Enumerable.Range(from, to - from).Any(i => words.Words[i].Word is "during" or "concurrent" or "concurrently" or "concomitant" or "alongside"
            || (words.Words[i].Word is "with" or "before" && words.WordsFrom(i + 1, 1).Any(w => w is "and" or "or")));
    }

    /// <summary>
    /// Whether a title's RT at <paramref name="position"/> comes after an "after" or "following"
    /// that comes after one of the ICIs <paramref name="named"/> ("Study of Nivolumab ... Following
    /// Neoadjuvant Chemotherapy Plus Nivolumab and Definitive Concurrent Chemoradiation Therapy"),
    /// with no "during" or "concurrent with" of the ICI between, nor a colon or a word that adds
    /// or compares the RT.
    /// </summary>
    private static bool FollowsTheIci(TermText words, int position, List<TermMatch<AgentEntry>> named)
    {
        for (var i = position - 1; i > 0; i--)
        {
            if (words.Words[i].Word is "during" or "adding" or "add" or "versus" or "vs" or "compared" or "comparing"
                || (words.Words[i].Word is "concurrent" or "concurrently" && words.WordsFrom(i + 1, 1).Any(w => w == "with"))
                || words.Between(i, i + 1).IndexOfAny([':', ';']) >= 0)
            {
                // "Durvalumab Maintenance After Chemo-immunotherapy: a Randomised Trial of Adding
                // Low-Dose Thoracic Radiotherapy": the RT is what the trial adds.
                return false;
            }

            if (GivenInText.SequenceWords.Contains(words.Words[i].Word))
            {
                return named.Any(m => m.Position < i);
            }
        }

        return false;
    }

    /// <summary>Whether a title gives an ICI as consolidation, adjuvant or maintenance treatment after RT (<see cref="ConsolidatesAfter"/>).</summary>
    private bool TitleConsolidatesAfterRt(StudyRecord record) =>
        TitleSentences(record).Any(s => vocabulary.RtKindMatches(s.Words).Any(m => ConsolidatesAfter(s.Words, m.Position)));

    /// <summary>
    /// Whether a title or an arm calls the trial's ICI consolidation or maintenance treatment
    /// ("Nivolumab as Consolidation Therapy", "Toripalimab Consolidation", "Durvalumab
    /// Maintenance"): the word within three words after the ICI, or right before it.
    /// </summary>
    private bool IciIsConsolidation(StudyRecord record) =>
        OwnSentences(record).Where(s => RecordFields.IsTitle(s.Field) || s.Field.StartsWith("armGroups[", StringComparison.Ordinal)).Any(s =>
        {
            var words = TermText.Of(s.Sentence);
            return vocabulary.Agents.Matches(words).Where(m => m.Value.Class == Terms.Ici).Select(m => (m.Position, m.Words))
                .Concat(vocabulary.IciClassMatches(words).Select(m => (m.Position, m.Words)))
                .Any(m => Enumerable.Range(m.Position + m.Words, 3).Any(i => i < words.Words.Count && ConsolidationWords.Contains(words.Words[i].Word) && !OfAnotherTherapy(words, i + 1))
                    || words.WordsBefore(m.Position, 1).Any(ConsolidationWords.Contains));
        });

    /// <summary>Whether the word at <paramref name="position"/> names a therapy other than an ICI ("Toripalimab + consolidation chemotherapy": the chemotherapy's consolidation).</summary>
    private bool OfAnotherTherapy(TermText words, int position) =>
        words.WordsFrom(position, 1).Any(w => w is "chemotherapy" or "chemo" or "chemoradiotherapy" or "chemoradiation" or "radiotherapy" or "radiation" or "rt" or "surgery")
        || vocabulary.Agents.Matches(words).Any(m => m.Position == position && m.Value.Class != Terms.Ici);

    private static readonly HashSet<string> ConsolidationWords = new(["consolidation", "consolidative", "maintenance"], StringComparer.Ordinal);

    /// <summary>
    /// Whether the record's summary and arms name RT, and only as something not given by the trial
    /// ("Patients received standard radiotherapy prior to study entry").
    /// </summary>
    private bool RtOnlyBeforeTheTrial(StudyRecord record)
    {
        var named = false;
        foreach (var (field, sentence) in OwnSentences(record).Where(s => !RecordFields.IsTitle(s.Field)))
        {
            var words = TermText.Of(sentence);
            var rt = vocabulary.RtKindMatches(words);
            if (rt.Count == 0)
            {
                continue;
            }

            if (GivenInText.Given(rt, words, sequence: false).Count > 0)
            {
                return false;
            }

            named = true;
        }

        return named;
    }

    /// <summary>
    /// Whether the RT at word <paramref name="position"/> comes "after" or "following" a
    /// consolidation, adjuvant or maintenance treatment named before it in the sentence
    /// ("Adjuvant sintilimab plus capecitabine after concurrent chemoradiotherapy"), and not also
    /// during it ("Nivolumab Consolidation During and Following Chemoradiation": <see cref="Concurrent"/>).
    /// </summary>
    private static bool ConsolidatesAfter(TermText words, int position) =>
        words.WordsBefore(position, 4).Any(w => w is "after" or "following")
        && words.Words.Take(position).Any(w => w.Word is "consolidation" or "consolidative" or "adjuvant" or "maintenance")
        && !Concurrent(words, position);

    /// <summary>
    /// A trial whose conditions or title name an injury RT causes ("Radiation Dermatitis",
    /// "Radiodermatitis", "radiation-induced mucositis", "Radiation-induced Oral Side Effects");
    /// not a cancer RT caused ("Radiation-Induced Sarcoma"), whose trial may well give RT, nor a
    /// trial whose title opens with its RT (<see cref="TitleOpensWithRt"/>).
    /// </summary>
    internal bool TreatsRtInjury(StudyRecord record) =>
        !TitleOpensWithRt(record) && record.Conditions.Append(record.BriefTitle).Select(TermText.Of).Any(words =>
            words.Words.Any(w => RtInjuryWords.Contains(w.Word))
            || vocabulary.RtModalities.Matches(words).Any(m => InjuryAfter(words, m.Position + m.Words)
                || (words.WordsFrom(m.Position + m.Words, 1).Any(CausalWords.Contains)
                    && !words.WordsFrom(m.Position + m.Words + 1, 3).Any(vocabulary.NamesNeoplasm))
                || InjuryCausedBy(words, m.Position) || InjuryDuring(words, m.Position)));

    /// <summary>
    /// Whether the RT at <paramref name="position"/> is what an injury before it happens "during",
    /// at most two words between ("Treatment of Therapy-Associated Diarrhea During Percutaneous
    /// Radiation Therapy of the Small Pelvis"): the trial treats the injury of an RT its patients have.
    /// </summary>
    private static bool InjuryDuring(TermText words, int position)
    {
        for (var during = position - 1; during >= Math.Max(1, position - 3); during--)
        {
            if (words.Words[during].Word == "during")
            {
                // Only an injury the title treats or prevents ("Treatment of Therapy-Associated
                // Diarrhea During", "Probiotics for Diarrhoea During"): not the subject of a trial
                // of the RT or of a drug with it ("Acute Toxicity During Hypofractionated
                // Radiotherapy", "Diarrhoea During Chemoradiotherapy With Capecitabine").
                return IsInjury(words.Words[during - 1].Word) && words.WordsBefore(during - 1, 4).Any(InjuryTreatingWords.Contains);
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the brief title opens with the RT the trial gives ("Re-irradiation for Pelvic
    /// Recurrences in Rectal Cancer Patients") or names it as what the trial studies ("Phase II
    /// Trial Evaluating Adjuvant Pelvic Radiotherapy Using Either IMRT or 3-Dimensional
    /// Planning", where it lists a radiation intervention), not an injury of it ("Radiation Dermatitis ..."): its conditions' RT injury
    /// ("Radiation Toxicity") is then what it measures of its RT.
    /// </summary>
    private bool TitleOpensWithRt(StudyRecord record)
    {
        var words = TermText.Of(record.BriefTitle);
        var rt = vocabulary.RtModalities.Matches(words);
        // A title that studies RT is of a trial that lists it, not of a cream that protects from it.
        var listsRt = record.Interventions.Any(i => string.Equals(i.Type, "RADIATION", StringComparison.OrdinalIgnoreCase));
        return rt.Any(m => OpensTitle(words, m)
                || (listsRt && ModifiedFrom(words, m.Position) is var from
                    && (Studied(words, from, m.Position + m.Words) || (from > 0 && words.Words[from - 1].Word is "evaluating" or "testing" or "investigating"))))
            && !rt.Any(m => InjuryAfter(words, m.Position + m.Words) || words.WordsFrom(m.Position + m.Words, 2).Any(CausalWords.Contains))
            && !words.Words.Any(w => RtInjuryWords.Contains(w.Word));
    }

    /// <summary>
    /// A trial whose conditions or title name an injury an ICI causes ("Anti-PD-1/PD-L1 Induced
    /// Pneumonitis", "Checkpoint Inhibitor Colitis", "Immune-related Adverse Events"): the words
    /// follow the ICI's name within a few words (a slashed second target between).
    /// </summary>
    internal bool TreatsIciInjury(StudyRecord record) =>
        record.Conditions.Append(record.BriefTitle).Select(TermText.Of).Any(words =>
        {
            if (ImmuneRelatedAdverse(words))
            {
                return true;
            }

            var ici = vocabulary.Agents.Matches(words).Where(m => m.Value.Class == Terms.Ici).Select(m => (m.Position, m.Words))
                .Concat(vocabulary.IciClassMatches(words).Select(m => (m.Position, m.Words)));
            return ici.Any(m => words.WordsFrom(m.Position + m.Words, 4).Any(IciInjuries.Contains)
                || words.WordsFrom(m.Position + m.Words, 3).Any(CausalWords.Contains)
                || InjuryCausedBy(words, m.Position));
        });

    /// <summary>
    /// Whether the therapy at <paramref name="position"/> is what an injury before it is "induced
    /// by" or "caused by", at most two words between ("Myocarditis Induced by Immune-checkpoint Inhibitors", "Pneumonitis
    /// Caused by Radiotherapy"); not a cancer ("Sarcoma Induced by Radiotherapy"), whose trial
    /// may well give the therapy, nor an effect the trial seeks ("Abscopal Effect Induced by
    /// SBRT", "Tumour Regression Induced by Short-Course Radiotherapy").
    /// </summary>
    private static bool InjuryCausedBy(TermText words, int position)
    {
        // "Caused by Thoracic Radiotherapy": a word or two of where or which may stand between.
        for (var by = position - 1; by >= Math.Max(2, position - 3); by--)
        {
            if (words.Words[by].Word == "by" && words.Words[by - 1].Word is "induced" or "caused")
            {
                return IsInjury(words.Words[by - 2].Word);
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an RT injury is named within two words from <paramref name="next"/> ("Radiation
    /// Dermatitis", "Radiation-induced Oral Mucositis"); an ulcer only right after the RT, with
    /// nothing but a space between ("Radiation Ulcers"): "Radiotherapy of Ulcers" irradiates
    /// them, and "Palliative Radiotherapy: Ulceration and Bleeding" treats a tumour's.
    /// </summary>
    private static bool InjuryAfter(TermText words, int next) =>
        words.WordsFrom(next, 2).Any(w => RtInjuries.Contains(w) && !UlcerWords.Contains(w))
        || (next > 0 && next < words.Words.Count && UlcerWords.Contains(words.Words[next].Word) && words.Between(next - 1, next).IsWhiteSpace());

    /// <summary>Words that make an injury after them what a trial treats or prevents ("Treatment of", "for", "Preventing").</summary>
    private static readonly HashSet<string> InjuryTreatingWords = new(
        ["for", "against", "treat", "treating", "treatment", "prevent", "preventing", "prevention", "prophylaxis", "prophylactic", "reduce", "reducing",
         "reduction", "manage", "managing", "management", "relieve", "relieving", "relief", "alleviate", "alleviating", "control", "controlling",
         "mitigate", "mitigating", "ameliorate", "ameliorating", "minimise", "minimize", "minimising", "minimizing", "decrease", "decreasing",
         "avoid", "avoiding", "protect", "protecting", "protection"],
        StringComparer.Ordinal);

    /// <summary>The ulcer words of <see cref="RtInjuries"/>: an RT injury only beside the RT or in a measure that names it.</summary>
    internal static readonly HashSet<string> UlcerWords = new(["ulcer", "ulcers", "ulceration"], StringComparer.Ordinal);

    /// <summary>Words after a therapy that make what comes before it its effect ("Radiation-induced", "Immune-related", "RT-associated").</summary>
    private static readonly HashSet<string> CausalWords = new(["induced", "related", "associated"], StringComparer.Ordinal);

    /// <summary>Whether a word names an injury: an RT or ICI injury word, an inflammation ("-itis"), a disorder ("-pathy"), or a symptom a therapy causes.</summary>
    private static bool IsInjury(string word) =>
        RtInjuries.Contains(word) || IciInjuries.Contains(word) || word.EndsWith("itis", StringComparison.Ordinal) || word.EndsWith("pathy", StringComparison.Ordinal)
        || word is "pruritus" or "rash" or "fatigue" or "pain" or "nausea" or "events";

    /// <summary>"immune-related adverse event(s)", "irAE(s)".</summary>
    private static bool ImmuneRelatedAdverse(TermText words) =>
        words.Words.Any(w => w.Word is "irae" or "iraes")
        || Enumerable.Range(0, Math.Max(0, words.Words.Count - 2)).Any(i => words.Words[i].Word == "immune" && words.Words[i + 1].Word == "related" && words.Words[i + 2].Word == "adverse");

    private static readonly HashSet<string> RtInjuryWords = new(["radiodermatitis", "radionecrosis", "radiotoxicity", "radiodermatitides"], StringComparer.Ordinal);

    internal static readonly HashSet<string> RtInjuries = new(
        ["dermatitis", "mucositis", "stomatitis", "proctitis", "proctopathy", "enteritis", "cystitis", "vaginitis", "pneumonitis", "necrosis", "fibrosis", "esophagitis",
         "oesophagitis", "xerostomia", "diarrhea", "diarrhoea", "ulcer", "ulcers", "ulceration", "injury", "injuries", "toxicity", "toxicities", "recall", "lymphopenia", "damage", "reaction", "reactions"],
        StringComparer.Ordinal);

    /// <summary>The injuries an ICI causes: an RT injury's words and the immune-related ones. After <see cref="RtInjuries"/>, which it reads as it starts.</summary>
    private static readonly HashSet<string> IciInjuries = new(
        [.. RtInjuries, "colitis", "hepatitis", "myocarditis", "nephritis", "thyroiditis", "hypophysitis", "interstitial"],
        StringComparer.Ordinal);

    /// <summary>The sentences of the record's titles (<see cref="OwnSentences"/>), cut into words.</summary>
    internal static IEnumerable<(string Field, TermText Words)> TitleSentences(StudyRecord record) =>
        OwnSentences(record).Where(s => RecordFields.IsTitle(s.Field)).Select(s => (s.Field, TermText.Of(s.Sentence)));

    /// <summary>The sentences in which the trial describes what it gives, with their fields.</summary>
    internal static IEnumerable<(string Field, string Sentence)> OwnSentences(StudyRecord record)
    {
        // A dozen rules read them for each study: cut once per record on each thread (a record never changes).
        if (t_ownSentences is { } known && ReferenceEquals(known.Record, record))
        {
            return known.Sentences;
        }

        var sentences = CutOwnSentences(record);
        t_ownSentences = (record, sentences);
        return sentences;
    }

    [ThreadStatic]
    private static (StudyRecord Record, IReadOnlyList<(string Field, string Sentence)> Sentences)? t_ownSentences;

    private static IReadOnlyList<(string Field, string Sentence)> CutOwnSentences(StudyRecord record)
    {
        var texts = new List<(string Field, string? Text)>
        {
            (RecordFields.BriefTitle, record.BriefTitle),
            (RecordFields.OfficialTitle, record.OfficialTitle),
            (RecordFields.BriefSummary, record.BriefSummary),
        };
        // A "No Intervention" arm gets nothing of the study's; what it names ("Standard checkpoint
        // blockade immunotherapy without exercise") is care given outside the trial.
        foreach (var arm in record.ArmGroups.Where(a => !string.Equals(a.Type, "NO_INTERVENTION", StringComparison.OrdinalIgnoreCase)))
        {
            texts.Add(($"armGroups[{arm.Ordinal}].label", arm.Label));
            texts.Add(($"armGroups[{arm.Ordinal}].description", arm.Description));
        }

        return [.. TermText.Sentences(texts)];
    }
}
