using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// What a trial gives that its structured interventions do not say: RT or an ICI named only in
/// its titles ("RT + Anti-PD-1") or arms. Read only when the interventions name no RT (or no
/// ICI), never for an observational study (it assigns nothing), and only from the trial's own
/// description of itself: a title where it names RT and an ICI together, an arm's label and
/// description for that arm, and the brief summary only for the kind of RT they name; never the
/// eligibility criteria. A therapy the words around it name as prior, failed, absent or excluded,
/// or as a cause or a measurement, is not the trial's (<see cref="IsGiven"/>): precision matters
/// as much as recall. The values are kept apart as <see cref="Ordinal"/> -1, so a reviewer sees
/// they came from free text.
/// </summary>
internal sealed class FreeTextEvidence(VocabularyMatchers vocabulary)
{
    /// <summary>The intervention ordinal under which values derived from free text are stored.</summary>
    public const int Ordinal = InterventionTerms.FreeTextOrdinal;

    private const string Summary = "descriptionModule.briefSummary";

    public InterventionTerms? Derive(StudyRecord record, IReadOnlyList<InterventionTerms> structured, List<TermSource> sources)
    {
        var needRt = !structured.Any(i => i.RtModality is not null);
        var needIci = !structured.Any(i => i.GivesIci);
        // An observational study assigns nothing, and a diagnostic or screening trial tests or
        // predicts for the therapies it names; a record that does not say its type is read.
        if (!ReadsFreeText(record) || (!needRt && !needIci))
        {
            return null;
        }

        var modalities = new List<(string Field, TermMatch<string> Match)>();
        var refinements = new List<(string Field, TermMatch<string> Match)>();
        var agents = new List<(string Field, TermMatch<AgentEntry> Match)>();
        var classes = new List<(string Field, TermMatch<string> Match)>();
        foreach (var (field, sentence) in OwnSentences(record))
        {
            var words = TermText.Of(sentence);
            var allRt = vocabulary.RtModalities.Matches(words);
            if (allRt.Count > 0 && allRt.All(m => m.Value == Terms.UnspecifiedRt) && (IsImagingDose(words, allRt) || vocabulary.LightWords.Matches(words).Count > 0))
            {
                // "a CT with a typical effective radiation dose of 2 mSv": the radiation of imaging;
                // "the same laser device to imitate a real irradiation": light.
                allRt = [];
            }

            var allAgents = vocabulary.Agents.Matches(words).Where(m => m.Value.Class == Terms.Ici).ToList();
            var allClasses = vocabulary.IciClasses.Matches(words);
            // Where the sentence names RT and an ICI, "after" and "following" order the two; alone,
            // they mean treatment given before the trial.
            var rt = Given(allRt, words, sequence: true);
            var named = Given(allAgents, words, sequence: true);
            var iciClasses = Given(allClasses, words, sequence: true);
            var combination = rt.Count > 0 && (named.Count > 0 || iciClasses.Count > 0);
            if (!combination)
            {
                (rt, named, iciClasses) = (Given(allRt, words, sequence: false), Given(allAgents, words, sequence: false), Given(allClasses, words, sequence: false));
            }
            else
            {
                // "Consolidation sintilimab after concurrent chemoradiation": the RT a consolidation
                // follows was given before the trial, as in PACIFIC.
                rt = [.. rt.Where(m => !ConsolidatesAfter(words, m.Position))];
            }

            if (field == Summary)
            {
                // A summary also describes the patients, what they already receive and what others
                // do; a sentence of it that names RT with an ICI only tells the kind of RT.
                refinements.AddRange(combination ? rt.Select(m => (field, m)) : []);
                continue;
            }

            // A title names what a trial is about, not always what it gives ("Radiation Dermatitis
            // Cream", "PD-1 Expression as a Biomarker"): it counts where it names RT and an ICI
            // together. An arm's words are what that arm gives.
            if (field.StartsWith("identificationModule.", StringComparison.Ordinal) && !combination)
            {
                continue;
            }

            modalities.AddRange(needRt ? rt.Select(m => (field, m)) : []);
            agents.AddRange(needIci ? named.Select(m => (field, m)) : []);
            classes.AddRange(needIci ? iciClasses.Select(m => (field, m)) : []);
        }

        if (modalities.Count > 0 && TreatsRtInjury(record))
        {
            // A trial of an RT injury (radiodermatitis, radiation proctitis) names the RT that caused it.
            modalities.Clear();
        }

        if (modalities.Count > 0)
        {
            modalities.AddRange(refinements);
        }

        var modality = vocabulary.MostSpecificModality(modalities.Select(m => m.Match));
        var ici = agents.DistinctBy(a => a.Match.Value.Name).ToList();
        var iciClass = ici.Count == 0 ? classes.DistinctBy(c => c.Match.Value).ToList() : [];
        if (modality is null && ici.Count == 0 && iciClass.Count == 0)
        {
            return null;
        }

        if (modality is not null)
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

        var givesIci = ici.Count > 0 || iciClass.Count > 0;
        return new InterventionTerms(
            Ordinal,
            [.. ici.Select(a => a.Match.Value.Name)],
            givesIci ? [Terms.Ici] : [],
            ici.Count > 0 ? [.. ici.SelectMany(a => a.Match.Value.Targets).Distinct()] : [.. iciClass.Select(c => c.Match.Value)],
            modality?.Value,
            [],
            ici.Any(a => a.Match.Value.Bispecific) ? [Terms.Bispecific] : []);
    }

    private static bool ReadsFreeText(StudyRecord record) =>
        !string.Equals(record.StudyType, "OBSERVATIONAL", StringComparison.OrdinalIgnoreCase)
        && record.PrimaryPurpose?.ToUpperInvariant() is not ("DIAGNOSTIC" or "SCREENING");

    /// <summary>
    /// The kind of RT of a trial whose only RT intervention says just "Radiotherapy": the one kind
    /// its titles name as given, or where they name none, its summary and arms ("Immunotherapy
    /// Combined With Radiotherapy" whose summary gives "stereotactic ablative radiotherapy
    /// (SBRT)"), with the field it came from; none where they name no kind or several. A drug
    /// (a radioligand such as 177Lu-PSMA-617) is never given an external kind.
    /// </summary>
    public (int Ordinal, string Field, TermMatch<string> Match)? KindOfSoleRt(StudyRecord record, IReadOnlyList<InterventionTerms> structured)
    {
        var rt = structured.Where(i => i.RtModality is not null).ToList();
        if (rt is not [{ RtModality: Terms.UnspecifiedRt } sole] || !ReadsFreeText(record) || TreatsRtInjury(record)
            || record.Interventions[sole.Ordinal].Type?.ToUpperInvariant() is "DRUG" or "BIOLOGICAL" or "GENETIC")
        {
            return null;
        }

        var kinds = new List<(string Field, TermMatch<string> Match)>();
        foreach (var (field, sentence) in OwnSentences(record))
        {
            var words = TermText.Of(sentence);
            var named = vocabulary.RtModalities.Matches(words).Where(m => m.Value != Terms.UnspecifiedRt).ToList();
            // A summary sentence tells the kind only where it names the RT with an ICI (the rest
            // is background and what patients had before).
            if (named.Count == 0 || IsImagingDose(words, named)
                || (field == Summary && vocabulary.Agents.Matches(words).All(m => m.Value.Class != Terms.Ici) && vocabulary.IciClasses.Matches(words).Count == 0))
            {
                continue;
            }

            kinds.AddRange(Given(named, words, sequence: false).Select(m => (field, m)));
        }

        // The titles say what the trial is; the summary and arms decide only where they name no kind.
        var titled = kinds.Where(k => k.Field.StartsWith("identificationModule.", StringComparison.Ordinal)).ToList();
        var decisive = titled.Count > 0 ? titled : kinds;
        return vocabulary.ModalitiesByFamily(decisive.Select(k => k.Match), oneIntervention: false) is [var kind]
            ? (sole.Ordinal, decisive.First(k => ReferenceEquals(k.Match, kind)).Field, kind)
            : null;
    }

    /// <summary>
    /// The matches of a sentence that it names as given (<see cref="IsGiven"/>). Terms in a row
    /// ("immune checkpoint (PD-1/PD-L1) inhibitor") and compounds ("a PD-1/PD-L1 inhibitor") are
    /// one phrase: the words before its first word decide for all of it.
    /// </summary>
    private static List<TermMatch<T>> Given<T>(IReadOnlyList<TermMatch<T>> matches, TermText words, bool sequence)
    {
        var given = new List<TermMatch<T>>();
        var phraseStart = -1;
        var phraseEnd = -1;
        foreach (var match in matches.OrderBy(m => m.Position))
        {
            var end = match.Position + match.Words;
            if (match.Position > phraseEnd)
            {
                phraseStart = CompoundStart(words, match.Position);
            }

            phraseEnd = Math.Max(phraseEnd, end);
            if (IsGiven(words, phraseStart, end, sequence))
            {
                given.Add(match);
            }
        }

        return given;
    }

    /// <summary>The first word of the slash or hyphen compound word <paramref name="position"/> ends ("PD-1/PD-L1 inhibitor").</summary>
    private static int CompoundStart(TermText words, int position)
    {
        var start = position;
        while (start > 0 && words.Words[start].Start - words.Words[start - 1].End == 1 && words.Original[words.Words[start - 1].End] is '/' or '-')
        {
            start--;
        }

        return start;
    }

    /// <summary>Whether the therapy named from word <paramref name="position"/> to <paramref name="end"/> is given, in a sentence that names it alone.</summary>
    internal static bool IsGiven(TermText words, int position, int end) => IsGiven(words, position, end, sequence: false);

    /// <summary>
    /// Whether the therapy named at word <paramref name="position"/> is given, not named as
    /// something else by the words around it: before it, prior or failed treatment, its absence, an
    /// exclusion or a point in time it marks ("previously treated with", "without", "no",
    /// "unsuitable for", "on the first day of", "after completion of"); after it, what it
    /// caused or what is measured ("-induced", "dermatitis", "expression", "oncology"). With
    /// <paramref name="sequence"/>, "after", "following" and "post" before it order it instead.
    /// </summary>
    private static bool IsGiven(TermText words, int position, int end, bool sequence)
    {
        var before = words.WordsBefore(position, 4).ToList();
        // "the first day of radiation therapy": a point in time the therapy marks, alone in the
        // sentence (with an ICI beside it, it times one against the other: sequence).
        return !(!sequence && MarksTime(words, position)) && !AfterProgression(words, position)
            && !before.Any(w => NotGivenBefore.Contains(w) && !(sequence && SequenceWords.Contains(w))) && !NamedAsSomethingElse(words, end);
    }

    /// <summary>
    /// "whose cancers have not progressed following definitive chemoradiotherapy", "relapsed after
    /// radiotherapy": a therapy the disease progressed (or did not) after was given before the
    /// trial, even beside a therapy the trial gives. Only the therapy "after" governs, with at most
    /// modifiers between ("progressed after chemotherapy receive nivolumab": nivolumab is given).
    /// </summary>
    private static bool AfterProgression(TermText words, int position)
    {
        for (var i = Math.Max(1, position - 4); i < position; i++)
        {
            if (SequenceWords.Contains(words.Words[i].Word) && ProgressionWords.Contains(words.Words[i - 1].Word)
                && Enumerable.Range(i + 1, position - i - 1).All(j => PriorTherapyModifiers.Contains(words.Words[j].Word)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> PriorTherapyModifiers = new(
        ["definitive", "concurrent", "sequential", "prior", "previous", "initial", "radical", "curative", "standard", "the", "a", "an", "their",
         "platinum", "based", "first", "line", "primary", "local", "thoracic", "pelvic", "adjuvant", "neoadjuvant", "induction"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> ProgressionWords = new(
        ["progressed", "progressing", "progression", "progressive", "relapsed", "relapse", "relapsing", "recurred", "recurrence", "recurrent"],
        StringComparer.Ordinal);

    /// <summary>A sentence naming imaging whose radiation is a dose received, in mSv or as "radiation dose/exposure", not RT given.</summary>
    private bool IsImagingDose(TermText words, IReadOnlyList<TermMatch<string>> rt) =>
        vocabulary.ImagingWords.Matches(words).Count > 0
        && (words.Words.Any(w => w.Word is "msv" or "mgy")
            || rt.Any(m => words.WordsFrom(m.Position + m.Words, 1).Any(w => w is "dose" or "doses" or "exposure")));

    /// <summary>Whether the RT at word <paramref name="position"/> comes "after" or "following" a consolidation named before it in the sentence.</summary>
    private static bool ConsolidatesAfter(TermText words, int position) =>
        words.WordsBefore(position, 4).Any(w => w is "after" or "following")
        && words.Words.Take(position).Any(w => w.Word is "consolidation" or "consolidative");

    /// <summary>Whether the therapy named at word <paramref name="position"/> marks a point in time ("the first day of radiotherapy", "completion of SBRT").</summary>
    internal static bool MarksTime(TermText words, int position) =>
        words.WordsBefore(position, 2).ToList() is [var previous, "of"] && TimeWords.Contains(previous);

    /// <summary>Whether the words after a therapy's name make it something else: what it caused, what is measured of it ("radiation monitoring", "-induced").</summary>
    internal static bool NamedAsSomethingElse(TermText words, int end) => words.WordsFrom(end, 2).Any(NotGivenAfter.Contains);

    /// <summary>
    /// A trial whose conditions or title name an injury RT causes ("Radiation Dermatitis",
    /// "Radiodermatitis", "radiation-induced mucositis", "Radiation-induced Oral Side Effects");
    /// not a cancer RT caused ("Radiation-Induced Sarcoma"), whose trial may well give RT.
    /// </summary>
    private bool TreatsRtInjury(StudyRecord record) =>
        record.Conditions.Append(record.BriefTitle).Select(TermText.Of).Any(words =>
            words.Words.Any(w => RtInjuryWords.Contains(w.Word))
            || vocabulary.RtModalities.Matches(words).Any(m => words.WordsFrom(m.Position + m.Words, 2).Any(RtInjuries.Contains)
                || (words.WordsFrom(m.Position + m.Words, 1).Any(w => w is "induced" or "related" or "associated")
                    && !words.WordsFrom(m.Position + m.Words + 1, 3).Any(vocabulary.NamesNeoplasm))));

    private static readonly HashSet<string> RtInjuryWords = new(["radiodermatitis", "radionecrosis", "radiotoxicity", "radiodermatitides"], StringComparer.Ordinal);

    private static readonly HashSet<string> RtInjuries = new(
        ["dermatitis", "mucositis", "proctitis", "proctopathy", "enteritis", "cystitis", "pneumonitis", "necrosis", "fibrosis", "esophagitis",
         "oesophagitis", "xerostomia", "injury", "injuries", "toxicity", "toxicities", "recall", "lymphopenia", "damage"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> TimeWords = new(["day", "completion", "end", "start", "beginning"], StringComparer.Ordinal);

    private static readonly HashSet<string> SequenceWords = new(["after", "following", "post"], StringComparer.Ordinal);

    private static readonly HashSet<string> NotGivenBefore = new(
        ["prior", "previous", "previously", "pretreated", "history", "after", "following", "post", "without", "no", "not", "omission", "omitting",
         "unsuitable", "unfit", "ineligible", "eligible", "contraindication", "contraindications", "contraindicated", "refractory", "resistant",
         "failed", "failure", "intolerant", "unlike", "instead", "than", "receiving", "received", "scatter", "scattered", "stray", "occupational"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> NotGivenAfter = new(
        ["induced", "related", "associated", "dermatitis", "mucositis", "necrosis", "pneumonitis", "colitis", "myocarditis", "hepatitis",
         "toxicity", "toxicities", "injury", "exposure", "expression", "biomarker", "assay", "oncology", "naive", "pcr", "refractory",
         "resistant", "resistance", "failure", "planning", "dosimetry", "calibration", "monitoring", "monitor", "protection", "protective",
         "shield", "shielding", "proctitis", "proctopathy", "enteritis", "cystitis", "fibrosis", "recall"],
        StringComparer.Ordinal);

    /// <summary>The sentences in which the trial describes what it gives, with their fields.</summary>
    private static IEnumerable<(string Field, string Sentence)> OwnSentences(StudyRecord record)
    {
        var texts = new List<(string Field, string? Text)>
        {
            ("identificationModule.briefTitle", record.BriefTitle),
            ("identificationModule.officialTitle", record.OfficialTitle),
            (Summary, record.BriefSummary),
        };
        // A "No Intervention" arm gets nothing of the study's; what it names ("Standard checkpoint
        // blockade immunotherapy without exercise") is care given outside the trial.
        foreach (var arm in record.ArmGroups.Where(a => !string.Equals(a.Type, "NO_INTERVENTION", StringComparison.OrdinalIgnoreCase)))
        {
            texts.Add(($"armGroups[{arm.Ordinal}].label", arm.Label));
            texts.Add(($"armGroups[{arm.Ordinal}].description", arm.Description));
        }

        return TermText.Sentences(texts);
    }
}
