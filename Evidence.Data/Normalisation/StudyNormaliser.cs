using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Normalisation;

/// <summary>Derives every normalised field of a record: a pure function of the record and the vocabulary.</summary>
public sealed partial class StudyNormaliser
{
    private readonly VocabularyMatchers _vocabulary;
    private readonly InterventionNormaliser _interventions;
    private readonly EndpointClassifier _endpoints;
    private readonly SequenceDetector _sequence;
    private readonly Table1Summary _summary;
    private readonly FreeTextEvidence _freeText;
    private readonly DiseaseSetting _disease;

    /// <summary><see cref="Derive"/> as the delegate <see cref="Guarded"/> calls, made once rather than for every study.</summary>
    private readonly Func<StudyRecord, NormalisedStudy> _derive;

    public StudyNormaliser(VocabularyMatchers vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _vocabulary = vocabulary;
        _interventions = new InterventionNormaliser(vocabulary);
        _endpoints = new EndpointClassifier(vocabulary);
        _sequence = new SequenceDetector(vocabulary);
        _summary = new Table1Summary(vocabulary);
        _freeText = new FreeTextEvidence(vocabulary);
        _disease = new DiseaseSetting(vocabulary);
        _derive = Derive;
    }

    public static StudyNormaliser Embedded { get; } = new(VocabularyMatchers.Embedded);

    public string VocabularyVersion => _vocabulary.Vocabulary.Version;

    /// <summary>What follows the vocabulary version of a study the normaliser failed on (<see cref="Unnormalised"/>), as study_summaries stores it.</summary>
    public const string FailedMark = " (normaliser failed)";

    /// <summary>The vocabulary it normalises with.</summary>
    public Vocabulary Vocabulary => _vocabulary.Vocabulary;

    /// <summary>
    /// Every normalised field of <paramref name="record"/>. Never throws for a record it cannot
    /// read: a rule that fails on one record (a defect, found on a real record: set 162's
    /// "feasibility, toxicity (tox) ...") leaves that study without derived values and says why
    /// (<see cref="Unnormalised"/>), so that an import of the registry stores it and goes on.
    /// </summary>
    public NormalisedStudy Normalise(StudyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Guarded(record, _derive);
    }

    /// <summary><paramref name="derive"/> of the record, or <see cref="Unnormalised"/> where it throws.</summary>
    internal NormalisedStudy Guarded(StudyRecord record, Func<StudyRecord, NormalisedStudy> derive)
    {
        try
        {
            return derive(record);
        }
        catch (Exception failure) when (failure is not (OutOfMemoryException or InsufficientExecutionStackException))
        {
            return Unnormalised(record, failure);
        }
    }

    /// <summary>
    /// A study the rules failed on: one row per intervention and outcome with no value, the search
    /// text of its own words, and one provenance row (<see cref="NormalisedField.NormaliserError"/>)
    /// naming the failure and the rule it was in; its version is the vocabulary's and <see cref="FailedMark"/>,
    /// which start-up, import and 'renormalize' report. Its record and raw JSON are stored as any
    /// other's; 'renormalize' after an update derives its values.
    /// </summary>
    internal NormalisedStudy Unnormalised(StudyRecord record, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(failure);
        var interventions = record.Interventions.Select(i => new InterventionTerms(i.Ordinal, [], [], [], null, [], [])).ToList();
        return new NormalisedStudy(
            VocabularyVersion + FailedMark,
            interventions,
            [.. record.Outcomes.Select(o => new OutcomeTerms(o.Kind, o.Ordinal, null, null))],
            [],
            [new TermSource("study", 0, NormalisedField.NormaliserError, $"{failure.GetType().Name}: {failure.Message}", "record", RuleOf(failure))],
            new StudySummary(null, null, null, SequenceDetector.Unknown),
            SearchTextOf(record, interventions));
    }

    /// <summary>
    /// The normaliser's method the failure was thrown in, as "Class.Method" ("EndpointClassifier.SafetyBeside",
    /// a lambda named by the method it is written in), or "unknown" where it was thrown outside the normaliser.
    /// </summary>
    private static string RuleOf(Exception failure)
    {
        foreach (var method in new System.Diagnostics.StackTrace(failure).GetFrames().Select(f => f.GetMethod()))
        {
            var type = method?.DeclaringType;
            // The frames from the throw up to Guarded, which caught it and is no rule.
            if (type is null || type.Namespace != typeof(StudyNormaliser).Namespace || (type == typeof(StudyNormaliser) && method!.Name == nameof(Guarded)))
            {
                continue;
            }

            while (type.IsNested && type.Name.StartsWith('<'))
            {
                type = type.DeclaringType!;
            }

            // A lambda's method is named "<Rule>b__1_0": the rule it is written in.
            var name = method!.Name;
            var close = name.StartsWith('<') ? name.IndexOf('>') : -1;
            return $"{type.Name}.{(close > 1 ? name[1..close] : name)}";
        }

        return "unknown";
    }

    private NormalisedStudy Derive(StudyRecord record)
    {
        var sources = new List<TermSource>();
        var membership = new ArmMembership(record);
        var interventions = record.Interventions.Select(i => _interventions.Normalise(record, membership, i, sources)).ToList();
        var freeText = _freeText.Derive(record, interventions, sources);
        // A trial of a cream for radiation dermatitis, or of a mouthwash for radiation-induced
        // mucositis, measures toxicity as what its intervention is for, whatever purpose it registers.
        // So does a trial whose interventions give no drug, RT or other treatment of the disease
        // (a geriatric assessment, counselling): the toxicity it measures is of care it does not give.
        var treatsDisease = !FreeTextEvidence.SupportsCare(record) && !_freeText.TreatsRtInjury(record)
            && (interventions.Count == 0 || freeText is not null
                || record.Interventions.Any(i => i.Type?.ToUpperInvariant() is "DRUG" or "BIOLOGICAL" or "RADIATION" or "GENETIC" or "COMBINATION_PRODUCT" or "PROCEDURE")
                || interventions.Any(i => i.Agents.Count > 0 || i.AgentClasses.Count > 0 || i.RtModality is not null || i.PartnerClasses.Count > 0));
        var ofTumour = _vocabulary.MayBeNeoplasmTrial(record);
        var treatsBleeding = record.Outcomes.Count > 0 && EndpointClassifier.TreatsBleeding(record);
        var outcomes = record.Outcomes.Select(o => _endpoints.Classify(o, sources, treatsDisease, repeated: IsRepeated(record, o), ofTumour, treatsBleeding)).ToList();
        interventions = SoleRtKind(record, interventions, sources);
        var regimens = RtRegimens(record, membership, interventions);
        interventions = HypofractionatedByDose(record, membership, interventions, regimens, sources);
        var (institution, country) = _summary.Institution(record, sources);
        var (settings, disease) = _disease.Derive(record, sources);
        // Only a study that gives RT or an ICI can order them; most of the registry gives neither.
        var (sequence, field, sentence) = interventions.Append(freeText).OfType<InterventionTerms>().Any(i => i.RtModality is not null || i.GivesIci)
            ? _sequence.Detect(SequenceTexts(record))
            : (SequenceDetector.Unknown, null, null);
        if (field is not null)
        {
            sources.Add(new TermSource("study", 0, NormalisedField.Sequence, sequence, field, sentence!));
        }

        return new NormalisedStudy(
            VocabularyVersion,
            interventions,
            outcomes,
            regimens,
            sources,
            new StudySummary(institution, country, _summary.Interventions(record, membership, interventions, sources), sequence, disease, settings),
            SearchTextOf(record, interventions))
        {
            FreeText = freeText,
        };
    }

    /// <summary>
    /// The title word that gives the trial a hypofractionated schedule ("... With Hypofractionated
    /// Schedule"), where no title also names a conventional or standard schedule it may be
    /// compared with; otherwise null.
    /// </summary>
    private static (string Field, string Matched)? HypofractionatedTitle(StudyRecord record)
    {
        (string Field, string Matched)? found = null;
        foreach (var (field, title) in RecordFields.Titles(record))
        {
            var words = TermText.Of(title).Words;
            if (words.Any(w => w.Word is "conventional" or "conventionally" or "standard" or "normofractionated" or "normofractionation"))
            {
                return null;
            }

            if (found is null && words.FirstOrDefault(w => w.Word is "hypofractionated" or "hypofractionation") is { Word: not null } word)
            {
                found = (field, title![word.Start..word.End]);
            }
        }

        return found;
    }

    /// <summary>Whether another outcome of the same kind has the same measure at another time frame ("Disease free survival" at "1 year" and at "2 year").</summary>
    private static bool IsRepeated(StudyRecord record, Outcome outcome) =>
        !string.IsNullOrWhiteSpace(outcome.Measure)
        && record.Outcomes.Any(o => o.Kind == outcome.Kind && o.Ordinal != outcome.Ordinal
            && string.Equals(o.Measure?.Trim(), outcome.Measure.Trim(), StringComparison.OrdinalIgnoreCase)
            && !string.Equals(o.TimeFrame?.Trim(), outcome.TimeFrame?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Words of a title that put its doses on a course other than the trial's: before, instead of or after it, or a second course.</summary>
    private static readonly HashSet<string> TitleOtherCourseWords = new(
        ["after", "following", "rather", "instead", "than", "prior", "previous", "previously", "recurrent", "recurrence", "reirradiation", "re", "salvage", "despite"],
        StringComparer.Ordinal);

    /// <summary>The least dose per fraction, in Gy, that is hypofractionated whatever the site (conventional is 1.8-2 Gy; moderate hypofractionation starts above it).</summary>
    public const double HypofractionatedGyPerFraction = 3.0;

    /// <summary>
    /// Whether a dose statement is hypofractionated: fractions of
    /// <see cref="HypofractionatedGyPerFraction"/> Gy or more each, one large fraction ("8 Gy x 1")
    /// included, as three of the four blind annotators of sets 12 and 13 labelled it; a dose of no
    /// stated fraction count ("8 Gy") is not guessed.
    /// </summary>
    private static bool IsHypofractionated(RtRegimen dose) =>
        dose.DosePerFractionGyMin is >= HypofractionatedGyPerFraction && dose.FractionsMin is >= 1;

    /// <summary>Whether there are dose statements and every one is hypofractionated (<see cref="IsHypofractionated"/>).</summary>
    internal static bool AllHypofractionated(IReadOnlyCollection<RtRegimen> doses) =>
        doses.Count > 0 && doses.All(IsHypofractionated);

    /// <summary>Words of techniques that deliver external-beam RT (IMRT, VMAT, IGRT, an MR-Linac, 3D-CRT, tomotherapy, spatially fractionated or GRID RT), not kinds of their own.</summary>
    internal static bool NamesTechnique(string matched) =>
        TechniqueWords().IsMatch(matched);

    /// <summary>
    /// Whether matched EBRT words name how beams are delivered (IMRT, VMAT, "external beam"), not
    /// what they treat ("whole-brain", "total body"), which is a course of its own.
    /// </summary>
    internal static bool NamesDeliveryTechnique(string matched) =>
        NamesTechnique(matched) && !TargetVolumeWords().IsMatch(matched);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:whole[- ]brain|WBRT|whole[- ]breast|prophylactic cranial|total[- ]body|total[- ]marrow)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TargetVolumeWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:IMRT|VMAT|IGRT|MRI?[- ]?Linac|Linac[- ]MR|3D|3-dimensional|three-dimensional|tomotherapy|conformal|intensity[- ]modulated|volumetric|image[- ]guided|spatially[- ]fraction(?:at)?ed|GRID|lattice|whole[- ]brain|WBRT|whole[- ]breast|prophylactic cranial|external[- ]beam|total[- ]body|total[- ]marrow)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TechniqueWords();

    /// <summary>The kind of the trial's one RT intervention of no kind (or of its several), where the trial's own words name any (<see cref="FreeTextEvidence.KindOfSoleRt"/>).</summary>
    private List<InterventionTerms> SoleRtKind(StudyRecord record, List<InterventionTerms> terms, List<TermSource> sources)
    {
        if (_freeText.KindOfSoleRt(record, terms) is not var (ordinals, kinds))
        {
            return terms;
        }

        sources.RemoveAll(s => s.Entity == "intervention" && ordinals.Contains(s.EntityOrdinal) && s.Field == NormalisedField.RtModality);
        sources.AddRange(ordinals.SelectMany(ordinal => kinds.Select(k => new TermSource("intervention", ordinal, NormalisedField.RtModality, k.Match.Value, k.Field, k.Match.Matched))));
        return [.. terms.Select(t => ordinals.Contains(t.Ordinal)
            ? t with { RtModality = kinds[0].Match.Value, AlsoRtModalities = [.. kinds.Skip(1).Select(k => k.Match.Value)] }
            : t)];
    }

    /// <summary>
    /// An RT that names no kind ("Radiotherapy", "Palliative radiotherapy") but states its dose,
    /// every statement of fractions of <see cref="HypofractionatedGyPerFraction"/> Gy or more
    /// ("8 Gy x 3", "20 Gy in 5 fractions"), is hypofractionated RT. The doses are read from the
    /// intervention's own name and description, else from the arms in which it is the only RT
    /// intervention. A particle beam stays its particle whatever its dose per fraction (carbon
    /// ions are given in large fractions as a rule), as the annotators of sets 4, 8 and 9 labelled it.
    /// </summary>
    private List<InterventionTerms> HypofractionatedByDose(
        StudyRecord record, ArmMembership membership, List<InterventionTerms> terms, List<RtRegimen> regimens, List<TermSource> sources)
    {
        var result = new List<InterventionTerms>(terms.Count);
        // What the trial as a whole says, read once and only where an RT of no dose needs it.
        var soleRt = new Lazy<int?>(() => _freeText.SoleRtOfNoKind(record, terms));
        var everyRtUndosed = new Lazy<bool>(() => EveryRtUndosed(record, membership, terms, regimens));
        var summaryDoses = new Lazy<List<RtRegimen>>(() => [.. RtDoseParser.Doses(record.BriefSummary).Select(d => RtDoseParser.ToRegimen(d, 0, RecordFields.BriefSummary))]);
        foreach (var term in terms)
        {
            // RT of no kind, of the kind a summary defines the trial's RT by (DefinedRt), or EBRT
            // named only by the technique that delivers it ("three-dimensional conformal or
            // intensity-modulated radiation therapy techniques", 25 Gy in 5 fractions: guide
            // rule 2): the intervention's own doses say more.
            var kindSources = sources.Where(s => s.Entity == "intervention" && s.EntityOrdinal == term.Ordinal && s.Field == NormalisedField.RtModality).ToList();
            var ebrtAlone = term.RtModality == Terms.Ebrt && term.AlsoRtModalities.Count == 0 && kindSources.Count > 0;
            var byTechnique = ebrtAlone && kindSources.All(s => NamesTechnique(s.Matched));
            // RT of no kind of its own given external beam by another field ("EBRT" in another
            // intervention's description, FreeTextEvidence.KindOfSoleRt): its own dose says more,
            // as the technique's does ("Short-course radiotherapy", "25 Gy in 5 fractions").
            var ebrtElsewhere = ebrtAlone
                && kindSources.All(s => s.SourceField.StartsWith("interventions[", StringComparison.Ordinal) && !s.SourceField.StartsWith($"interventions[{term.Ordinal}].", StringComparison.Ordinal));
            // Not a kind beyond a photon schedule (SBRT, a particle, brachytherapy), wherever it
            // was read: "8 Gy in a single fraction with stereotactic body radiotherapy" is SBRT.
            if ((term.RtModality != Terms.UnspecifiedRt && !byTechnique && !ebrtElsewhere
                    && !kindSources.Any(s => s.SourceField is RecordFields.BriefSummary or RecordFields.DetailedDescription))
                || (term.RtModality is { } kind && VocabularyMatchers.BeyondPhotonSchedule(kind)))
            {
                result.Add(term);
                continue;
            }

            if (byTechnique && terms.Count(t => t.RtModality is not null) == 1 && HypofractionatedTitle(record) is { } titled)
            {
                // The trial's one RT, named by its technique alone ("IMRT"), in a title that gives
                // it a hypofractionated schedule and compares no other ("Trial Comparing Intensity
                // Modulated Radiotherapy Versus Conformal Radiotherapy ... With Hypofractionated
                // Schedule"): hypofractionated RT, as "hypofractionated IMRT" is (guide rule 2),
                // whatever the dose per fraction ("70 Gy/25 fx").
                sources.RemoveAll(s => s.Entity == "intervention" && s.EntityOrdinal == term.Ordinal && s.Field == NormalisedField.RtModality);
                sources.Add(new TermSource("intervention", term.Ordinal, NormalisedField.RtModality, Terms.HypofractionatedRt, titled.Field, titled.Matched));
                result.Add(term with { RtModality = Terms.HypofractionatedRt });
                continue;
            }

            var own = regimens.Where(r => r.IsParsed && r.SourceField.StartsWith($"interventions[{term.Ordinal}].", StringComparison.Ordinal)).ToList();
            var doses = own.Count > 0 ? own : ArmDoses(record, membership, terms, term, regimens);
            if (doses.Count == 0 && terms.All(t => t.RtModality is null or Terms.UnspecifiedRt) && ScheduledTotal(record, regimens, term.Ordinal) is { } scheduled)
            {
                // A total dose of no stated fractions ("46 Gy Radiation Therapy") that the free text
                // schedules ("a total radiation dose of 46 Gy in 10 fractions (Dose Level 1), 40 Gy
                // in 7 fractions ..."): that schedule, where no RT of the trial names a kind (an SBRT
                // arm's "50 Gy in 5 fractions" is not "Conventional radiotherapy" of 50 Gy).
                doses = [scheduled];
            }

            // The trial's one RT intervention: of no kind, EBRT named only by the technique that
            // delivers it ("Patients undergo external beam radiotherapy") or of the kind its
            // summary defines RT by ("Radiation therapy uses high-energy x-rays").
            var definedInText = kindSources.Count > 0 && kindSources.All(s => s.SourceField is RecordFields.BriefSummary or RecordFields.DetailedDescription);
            var sole = soleRt.Value == term.Ordinal || ((byTechnique || definedInText) && terms.Count(t => t.RtModality is not null) == 1);
            if (doses.Count == 0 && !sole && !everyRtUndosed.Value && DosesBesideName(record, term.Ordinal) is { Count: > 0 } besideName)
            {
                // One of several RT interventions, beside others of a kind ("Whole Breast
                // Irradiation" beside "Once Daily APBI"), whose free text gives its dose beside its
                // name ("APBI 38.5 Gy in 10 daily fractions of 3.85Gy"): that dose, as where none
                // has a kind (below).
                doses = besideName;
            }
            else if (doses.Count == 0 && (sole || everyRtUndosed.Value))
            {
                // The trial's one RT intervention, of no kind and no dose of its own or its arms':
                // the doses of the summary's sentences that give RT are that RT's ("Receive
                // Radiotherapy: Pelvic IMRT or VMAT, DT 25Gy/5Fx"), not those of RT given before.
                // So for several where every one is of no kind and none has a dose of its own
                // ("Ultra-fractionated PBI", "Ultra-fractionated WBI": "whole-breast radiotherapy
                // ... 26 Gy in 5 fractions ... partial breast irradiation ... 26Gy in 5 fractions"):
                // they are hypofractionated only where every dose the summary gives is.
                doses = [.. FreeTextEvidence.SentencesGivingRt(_vocabulary, record.BriefSummary)
                    .SelectMany(RtDoseParser.Doses).Select(d => RtDoseParser.ToRegimen(d, 0, RecordFields.BriefSummary))];
                if (sole && doses.Count == 0)
                {
                    // Where the summary states no dose, the detailed description's sentences that
                    // give RT do: the US National Cancer Institute's records state each arm's
                    // schedule in its outline ("Arm I (multi-fraction radiotherapy): Patients
                    // undergo 5 fractions of 20 Gy external-beam radiotherapy. Arm II ...: 1
                    // fraction of 8 Gy"), hypofractionated only where every one is.
                    // Only its sentences of this trial, an arm's among them ("Arm A:", "WBRT 3 Gy x10
                    // alone."): not background ("60 Gy in 20 fractions is standard") nor a first
                    // course ("must have had radiotherapy ... 30 Gy in 10 fractions").
                    doses = [.. FreeTextEvidence.TrialSentencesGivingRt(_vocabulary, record.DetailedDescription)
                        .SelectMany(RtDoseParser.Doses).Select(d => RtDoseParser.ToRegimen(d, 0, RecordFields.DetailedDescription))];
                }

                if (sole && doses.Count == 0)
                {
                    // Where neither states a dose, the titles may: hypofractionated where every one
                    // is, or, in a title that compares schedules ("Comparable Investigation of One
                    // Fraction Radiotherapy (8 Gy x 1) and Multifraction Radiotherapy (3 Gy x 10)"),
                    // where one is, the one RT shared by the arms taking the most specific kind
                    // they compare (guide rule 9). Not a title's course before or instead of the
                    // trial's ("Re-irradiation ... After Short-Course Radiotherapy (5 x 5 Gy)",
                    // "Long-Course Chemoradiation Rather Than 5 x 5 Gy").
                    var titles = RecordFields.Titles(record).Select(t => (t.Field, t.Text, Words: TermText.Of(t.Text)))
                        .Where(t => !t.Words.Words.Any(w => TitleOtherCourseWords.Contains(w.Word))).ToList();
                    doses = [.. titles.SelectMany(t => RtDoseParser.Doses(t.Text).Select(d => RtDoseParser.ToRegimen(d, 0, t.Field)))];
                    if (titles.Any(t => t.Words.Words.Any(w => FreeTextEvidence.Compares(w.Word) || w.Word is "comparison" or "comparable"))
                        && doses.Where(IsHypofractionated).ToList() is { Count: > 0 } hypofractionated)
                    {
                        doses = hypofractionated;
                    }
                }

                if (!sole && DosesBesideName(record, term.Ordinal) is { Count: > 0 } named)
                {
                    // Several RT interventions named by their schedule ("Short-course RT",
                    // "Long-course RT") whose free text gives each its dose beside its name
                    // ("randomized to short-course preoperative RT (5x5 Gy) ... or long-course
                    // preoperative RT(25x2 Gy)"): each its own dose (guide rule 6).
                    doses = named;
                }
                else if (!sole && (!AllHypofractionated(summaryDoses.Value) || summaryDoses.Value.Count < terms.Count(t => t.RtModality is not null)))
                {
                    // Several RT interventions take the summary's doses only where it states no
                    // other ("SCRT (25Gy/5Fx)" beside "LCRT (50Gy/25Fx)": the long course is not
                    // hypofractionated) and one for each ("Thoracic radiotherapy ... 30 Gy in 10
                    // fractions" says nothing of the RT to residual metastases).
                    doses = [];
                }

                if (sole && !AllHypofractionated(doses) && ComparedSchedules(record.BriefSummary) is { Count: > 0 } compared)
                {
                    doses = compared;
                }
            }

            // One RT shared by arms of different schedules ("25 Gy/5 fractions" against "40 Gy/15
            // fractions") takes the most specific kind any arm gives it, as guide rule 9 has a
            // shared RT take the most specific kind its arms compare.
            var byArm = own.Count == 0 ? doses.GroupBy(d => d.SourceField).ToList() : [];
            doses = byArm.Count > 1 ? [.. byArm.FirstOrDefault(arm => AllHypofractionated([.. arm])) ?? Enumerable.Empty<RtRegimen>()] : doses;
            if (!AllHypofractionated(doses))
            {
                result.Add(term);
                continue;
            }

            sources.RemoveAll(s => s.Entity == "intervention" && s.EntityOrdinal == term.Ordinal && s.Field == NormalisedField.RtModality);
            sources.Add(new TermSource("intervention", term.Ordinal, NormalisedField.RtModality, Terms.HypofractionatedRt, doses[0].SourceField, doses[0].RawText));
            result.Add(term with { RtModality = Terms.HypofractionatedRt });
        }

        return result;
    }

    /// <summary>
    /// The schedule the summary or detailed description gives the one total dose an intervention
    /// states with no fraction count ("46 Gy" in "46 Gy Radiation Therapy", kept raw): the one
    /// statement of that total and a fraction count; none where there is no such statement or
    /// more than one.
    /// </summary>
    private static RtRegimen? ScheduledTotal(StudyRecord record, List<RtRegimen> regimens, int ordinal)
    {
        var totals = regimens.Where(r => !r.IsParsed && r.SourceField.StartsWith($"interventions[{ordinal}].", StringComparison.Ordinal))
            .Select(r => TotalOnly().Match(r.RawText)).Where(m => m.Success)
            .Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        if (totals is not [var total])
        {
            return null;
        }

        var same = TermText.Sentences([(RecordFields.BriefSummary, record.BriefSummary), (RecordFields.DetailedDescription, record.DetailedDescription)])
            .Where(s => !Background(TermText.Of(s.Sentence)))
            .SelectMany(s => RtDoseParser.Doses(s.Sentence).Select(d => RtDoseParser.ToRegimen(d, 0, s.Field)))
            .Where(d => d.TotalDoseGyMin == total && d.TotalDoseGyMax == total && d.FractionsMin is not null && d.FractionsMin == d.FractionsMax)
            .DistinctBy(d => d.FractionsMin).ToList();
        return same is [var schedule] ? schedule : null;
    }

    /// <summary>A total dose alone ("46 Gy").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*Gy\s*$")]
    private static partial System.Text.RegularExpressions.Regex TotalOnly();

    /// <summary>
    /// The doses a record's summary or detailed description states right after an RT
    /// intervention's own name (in brackets or after a comma or colon), its words in order with
    /// at most two others between and no "or" or "and" among them ("short-course preoperative RT
    /// (5x5 Gy)" for "Short-course RT"), or right before it ("5 x 5 Gy short-course
    /// radiotherapy"), in a sentence not of others or usual care, where the name is an acronym of
    /// four capitals or more ("SCRT") or two words or more that say more
    /// than that it is RT ("Radiotherapy" is every arm's) and no other intervention of the trial
    /// has the same name. A name that opens with how often its fractions come ("Twice Daily
    /// APBI") is looked for without those words, as the free text names it ("APBI 38.5 Gy in 10
    /// daily fractions ... or 38.5 Gy in 10 twice daily fractions").
    /// </summary>
    private static List<RtRegimen> DosesBesideName(StudyRecord record, int ordinal)
    {
        var full = TermText.Of(record.Interventions[ordinal].Name);
        if (record.Interventions.Any(i => i.Ordinal != ordinal && string.Equals(i.Name?.Trim(), record.Interventions[ordinal].Name?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return [];
        }

        // Other RT interventions' names: a name found inside a longer one of theirs is theirs
        // ("Thoracic radiotherapy" in "hypofractionated thoracic radiotherapy 45 Gy in 15 fractions").
        var others = record.Interventions.Where(i => i.Ordinal != ordinal).Select(i => TermText.Of(i.Name)).Where(n => n.Words.Count > full.Words.Count).ToList();
        var doses = Beside(record, full, [], others);
        var rate = full.Words.TakeWhile(w => RateWords.Contains(w.Word)).Count();
        if (doses.Count > 0 || rate == 0 || rate == full.Words.Count)
        {
            return doses;
        }

        // Not found as named: without how often its fractions come ("Twice Daily APBI" as "APBI").
        var rateWords = full.Words.Take(rate).SelectMany(w => w.Word switch { "bid" => ["twice", "daily"], "qd" => ["once", "daily"], var word => new[] { word } }).ToList();
        return Beside(record, TermText.Of(full.Original[full.Words[rate].Start..]), rateWords, others);
    }

    /// <summary>
    /// The doses the free text gives beside <paramref name="name"/> (see <see cref="DosesBesideName"/>);
    /// with <paramref name="rate"/>, of the doses after it, those said to come that often, where
    /// any is, before any other RT is named.
    /// </summary>
    private static List<RtRegimen> Beside(StudyRecord record, TermText name, List<string> rate, List<TermText> others)
    {
        var acronym = name.Original.Trim() is { Length: >= 4 } one && one.All(char.IsAsciiLetterUpper);
        if ((name.Words.Count < 2 && !acronym) || name.Words.All(w => RtNameWords.Contains(w.Word)))
        {
            return [];
        }

        var doses = new List<RtRegimen>();
        var ofRate = new List<RtRegimen>();
        foreach (var (field, sentence) in TermText.Sentences([(RecordFields.BriefSummary, record.BriefSummary), (RecordFields.DetailedDescription, record.DetailedDescription)]))
        {
            var words = TermText.Of(sentence);
            // Not what others gave or usual care gives ("Historically, postoperative radiotherapy
            // 66 Gy in 33 fractions was the standard"), nor doses that follow the names in their
            // order ("SBRT or conventional radiotherapy, 54 Gy in 3 fractions and 66 Gy in 33
            // fractions respectively"; not "assessed at 4 and 12 weeks respectively").
            if (Background(words) || words.Words.Select((w, i) => (w.Word, i)).Any(w => w.Word == "respectively" && words.WordsBefore(w.i, 6).Contains("gy")))
            {
                continue;
            }

            // The parser reads "5 × 5 Gy" as "5 x 5 Gy": find its text where the sign is a letter.
            var plain = sentence.Replace('×', 'x');
            var stated = new Lazy<List<ParsedDose>>(() => [.. RtDoseParser.Doses(sentence)]);
            for (var start = 0; start < words.Words.Count; start++)
            {
                if (NameEndsAt(words, start, name) is not { } end
                    || others.Any(other => Enumerable.Range(Math.Max(0, start - other.Words.Count + 1), Math.Min(start + 1, other.Words.Count))
                        .Any(from => NameEndsAt(words, from, other) is { } otherEnd && otherEnd >= end)))
                {
                    continue;
                }

                var after = plain.AsSpan(words.Words[end].End);
                var before = plain.AsSpan(0, words.Words[start].Start);
                foreach (var dose in stated.Value)
                {
                    // After the name ("SCRT (5 x 5 Gy)", "short-course RT, 5 x 5 Gy") or right
                    // before it ("5 x 5 Gy short-course radiotherapy").
                    var at = plain.IndexOf(dose.Text, words.Words[end].End, StringComparison.Ordinal);
                    var beside = at >= 0 && after[..(at - words.Words[end].End)].Trim().Trim("(,:".ToCharArray()).Trim().Length == 0;
                    beside |= before.TrimEnd().EndsWith(dose.Text, StringComparison.Ordinal);
                    if (beside)
                    {
                        doses.Add(RtDoseParser.ToRegimen(dose, 0, field));
                    }

                    // "Twice Daily APBI": "APBI 38.5 Gy in 10 daily fractions ... or 38.5 Gy in 10
                    // twice daily fractions", not the first; not past another RT ("or IMRT 60 Gy in
                    // 30 daily fractions").
                    if (rate.Count > 0 && at >= 0 && SaysRate(TermText.Of(dose.Text), plain[(at + dose.Text.Length)..], rate)
                        && !NamesOtherRt(TermText.Of(plain[words.Words[end].End..at])))
                    {
                        ofRate.Add(RtDoseParser.ToRegimen(dose, 0, field));
                    }
                }
            }
        }

        return ofRate.Count > 0 ? ofRate : doses;
    }

    /// <summary>Whether words between a name and a dose name RT again: an RT word or an acronym of capitals ("or IMRT").</summary>
    private static bool NamesOtherRt(TermText between) =>
        between.Words.Any(w => (RtNameWords.Contains(w.Word) && w.Word is not ("therapy" or "treatment"))
            || (w.End - w.Start >= 3 && between.Original[w.Start..w.End].All(char.IsAsciiLetterUpper)));

    /// <summary>
    /// Whether a dose's words, or the two right after it, say its fractions come as often as
    /// <paramref name="rate"/> says ("38.5 Gy in 10 twice daily fractions", "45 Gy in 15
    /// fractions once daily").
    /// </summary>
    private static bool SaysRate(TermText dose, string after, List<string> rate)
    {
        var words = dose.Words.Select(w => w.Word).Concat(TermText.Of(after).Words.Take(2).Select(w => w.Word)).ToList();
        return Enumerable.Range(0, Math.Max(0, words.Count - rate.Count + 1))
            .Any(i => rate.Select((word, k) => words[i + k] == word).All(same => same));
    }

    /// <summary>
    /// Whether a sentence speaks of what was or is usually done, or of other studies
    /// ("Historically, postoperative radiotherapy 66 Gy in 33 fractions was the standard",
    /// "Shortened courses ... have been tested in other trials", "prostate radiotherapy, 60 Gy in
    /// 20 fractions, became the standard of care"); not of patients "without prior
    /// pelvic radiotherapy" or "previously untreated", who are this trial's.
    /// </summary>
    internal static bool Background(TermText words) =>
        words.Words.Any(w => w.Word is "historically" or "traditionally" or "usually" or "routinely" or "conventionally")
        || words.Words.Select((w, i) => (w.Word, i)).Any(w => w.Word is "became" or "become" && words.WordsFrom(w.i + 1, 2).Contains("standard"))
        || Enumerable.Range(0, Math.Max(0, words.Words.Count - 1)).Any(i =>
            (words.Words[i].Word is "other" or "previous" or "earlier" or "prior" && words.Words[i + 1].Word is "trials" or "studies" or "trial" or "study")
            || (words.Words[i].Word is "have" or "has" && words.Words[i + 1].Word == "been"));

    /// <summary>Words that say how often fractions come, opening an RT's name ("Twice Daily APBI").</summary>
    private static readonly HashSet<string> RateWords = new(["once", "twice", "daily", "weekly", "bid", "qd"], StringComparer.Ordinal);

    /// <summary>Words that join one arm's name to another's.</summary>
    private static readonly HashSet<string> Joiners = new(["or", "and", "versus", "vs", "to", "with", "plus", "nor"], StringComparer.Ordinal);

    /// <summary>Words that say only that a name is RT ("Radiation therapy", "RT").</summary>
    internal static readonly HashSet<string> RtNameWords = new(["radiotherapy", "radiation", "therapy", "rt", "irradiation", "treatment"], StringComparer.Ordinal);

    /// <summary>Where the words of <paramref name="name"/> start at <paramref name="start"/> and follow in order with at most two others between, the index of the last; otherwise null.</summary>
    private static int? NameEndsAt(TermText words, int start, TermText name)
    {
        if (words.Words[start].Word != name.Words[0].Word)
        {
            return null;
        }

        var at = start;
        var skipped = 0;
        foreach (var (word, _, _) in name.Words.Skip(1))
        {
            at++;
            // Not across "or" or "and" to another arm's name ("standard or shortened radiotherapy").
            while (at < words.Words.Count && words.Words[at].Word != word && skipped < 2 && !Joiners.Contains(words.Words[at].Word))
            {
                at++;
                skipped++;
            }

            if (at >= words.Words.Count || words.Words[at].Word != word)
            {
                return null;
            }
        }

        return at;
    }

    /// <summary>Whether the trial gives several RT interventions, each of no kind and of no dose of its own or its arms', whose kind its free text may say.</summary>
    private bool EveryRtUndosed(StudyRecord record, ArmMembership membership, List<InterventionTerms> terms, List<RtRegimen> regimens) =>
        terms.Where(t => t.RtModality is not null).ToList() is { Count: > 1 } rt
        && rt.All(t => t.RtModality == Terms.UnspecifiedRt && t.AlsoRtModalities.Count == 0 && _freeText.TextMayNameKindOf(record, t)
            && !regimens.Any(r => r.IsParsed && r.SourceField.StartsWith($"interventions[{t.Ordinal}].", StringComparison.Ordinal))
            && ArmDoses(record, membership, terms, t, regimens).Count == 0);

    /// <summary>
    /// The hypofractionated schedules a summary offers the trial's one RT as alternatives: two doses
    /// joined by "or", "versus" or "compared with" in a sentence that randomises or assigns them
    /// ("patients will be randomized to receive either the conventional schedule of 25 x 2 Gy or a
    /// shorter preoperative regimen of 14 x 3 Gy", "This is a randomized trial ... which compares
    /// ... either 40 Gy in 15 fractions or 25 Gy in 5 fractions"). One RT shared by the schedules
    /// takes the most specific kind they compare, as guide rule 9 has it for arms. Not a course and
    /// its boost ("45 Gy in 25 fractions followed by a boost of 7 Gy x 3"), a course before the one
    /// randomised ("After a first course of 30 Gy in 10 fractions"), nor schedules another trial
    /// compared ("The CHHiP trial compared 74 Gy in 37 fractions with 60 Gy in 20 fractions").
    /// </summary>
    private static List<RtRegimen> ComparedSchedules(string? summary)
    {
        var compared = new List<RtRegimen>();
        foreach (var (_, sentence) in TermText.Sentences([(RecordFields.BriefSummary, summary)]))
        {
            var lower = sentence.ToLowerInvariant();
            if (!AssignsTreatment().IsMatch(lower))
            {
                continue;
            }

            // The parser finds doses pattern by pattern; in the sentence's order they are its alternatives.
            var doses = new List<(int Start, int End, RtRegimen Regimen)>();
            foreach (var dose in RtDoseParser.Doses(sentence))
            {
                var at = sentence.IndexOf(dose.Text, StringComparison.Ordinal);
                while (at >= 0 && doses.Any(d => d.Start == at))
                {
                    at = sentence.IndexOf(dose.Text, at + 1, StringComparison.Ordinal);
                }

                if (at >= 0)
                {
                    doses.Add((at, at + dose.Text.Length, RtDoseParser.ToRegimen(dose, 0, RecordFields.BriefSummary)));
                }
            }

            doses.Sort((a, b) => a.Start.CompareTo(b.Start));

            // A dose that follows another course ("followed by a boost of 7 Gy x 3", "After a first
            // course of 30 Gy in 10 fractions") is no alternative; the courses between it are.
            var courses = doses.Where((d, i) => !CourseJoiner().IsMatch(lower[(i == 0 ? 0 : doses[i - 1].End)..d.Start])).ToList();
            for (var i = 0; i + 1 < courses.Count; i++)
            {
                if (AlternativeJoiner().IsMatch(lower[courses[i].End..courses[i + 1].Start]))
                {
                    compared.AddRange(new[] { courses[i].Regimen, courses[i + 1].Regimen }.Where(IsHypofractionated));
                }
            }
        }

        return compared;
    }

    /// <summary>A sentence that randomises or assigns the trial's own treatment.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:randomi[sz]ed|randomly|randomi[sz]ation|assigned|allocated)\b")]
    private static partial System.Text.RegularExpressions.Regex AssignsTreatment();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:or|versus|vs\.?|compared (?:with|to))\b")]
    private static partial System.Text.RegularExpressions.Regex AlternativeJoiner();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:followed|then|after|before|boost|plus|and then)\b|\+")]
    private static partial System.Text.RegularExpressions.Regex CourseJoiner();

    /// <summary>The parsed doses of the arms of <paramref name="term"/>'s intervention that give no other RT intervention.</summary>
    private static List<RtRegimen> ArmDoses(StudyRecord record, ArmMembership membership, List<InterventionTerms> terms, InterventionTerms term, List<RtRegimen> regimens)
    {
        var otherRtArms = terms.Where(t => t.Ordinal != term.Ordinal && t.RtModality is not null)
            .SelectMany(t => membership.ArmsOf(record.Interventions[t.Ordinal]).Select(a => a.Ordinal))
            .ToHashSet();
        var fields = membership.ArmsOf(record.Interventions[term.Ordinal])
            .Where(a => !otherRtArms.Contains(a.Ordinal))
            .Select(a => $"armGroups[{a.Ordinal}].description")
            .ToHashSet(StringComparer.Ordinal);
        return [.. regimens.Where(r => r.IsParsed && fields.Contains(r.SourceField))];
    }

    /// <summary>Dose statements in the texts of RT interventions and of the arms that give RT.</summary>
    private static List<RtRegimen> RtRegimens(StudyRecord record, ArmMembership membership, List<InterventionTerms> terms)
    {
        var texts = new List<(string Field, string? Text)>();
        foreach (var intervention in record.Interventions.Where(i => terms[i.Ordinal].RtModality is not null))
        {
            texts.Add(($"interventions[{intervention.Ordinal}].name", intervention.Name));
            texts.Add(($"interventions[{intervention.Ordinal}].description", intervention.Description));
            texts.AddRange(membership.ArmsOf(intervention).Select(a => ($"armGroups[{a.Ordinal}].description", a.Description)));
        }

        var regimens = new List<RtRegimen>();
        foreach (var (field, text) in texts.DistinctBy(t => t.Field))
        {
            regimens.AddRange(RtDoseParser.Parse(text).Select(dose => RtDoseParser.ToRegimen(dose, regimens.Count, field)));
        }

        return regimens;
    }

    private static SearchText SearchTextOf(StudyRecord record, List<InterventionTerms> terms) => new(
        Join(record.BriefTitle, record.OfficialTitle, record.Acronym),
        record.BriefSummary ?? string.Empty,
        Join([.. record.Conditions, .. record.Keywords, .. record.MeshTerms.Where(m => m.BrowseModule == "condition" && m.Relation == "mesh").Select(m => m.Term)]),
        Join([
            .. record.Interventions.SelectMany(i => i.OtherNames.Prepend(i.Name)),
            .. terms.SelectMany(t => t.Values().Where(v => v.Field != NormalisedField.AgentClass).Select(v => v.Value)),
            // "PD-1" is indexed as the words "pd" "1"; its run-together key lets "pd1" find it too.
            .. terms.SelectMany(t => t.Targets).Select(TermText.Key),
        ]),
        Join([record.LeadSponsor, .. record.Collaborators.Select(c => c.Name)]));

    private static string Join(params IEnumerable<string?> parts) => string.Join(" | ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct());

    private static IEnumerable<(string Field, string? Text)> SequenceTexts(StudyRecord record) =>
        record.ArmGroups.Select(a => ($"armGroups[{a.Ordinal}].description", a.Description))
            .Concat(record.Interventions.Select(i => ($"interventions[{i.Ordinal}].description", i.Description)))
            .Append(("briefSummary", record.BriefSummary))
            .Append(("officialTitle", record.OfficialTitle));
}
