using System.Globalization;
using System.Text.RegularExpressions;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// Classes an outcome (ORR, PFS, OS, TTP, DCR, DFS/RFS, safety, conversion/resection,
/// pathological response, local control, other) from its measure, or from its description when
/// the measure names no class, and reads a landmark ("6 months") from a rate at a time point.
/// </summary>
internal sealed partial class EndpointClassifier(VocabularyMatchers vocabulary)
{
    /// <param name="treatsDisease">
    /// The trial treats the disease (not supportive care or prevention): a graded toxicity or a
    /// complication it measures is the safety of its treatment, where in a trial of a cream for
    /// radiation dermatitis or of a wound dressing it is what the cream or dressing is for.
    /// </param>
    /// <param name="repeated">
    /// The record registers the same measure more than once: each time frame that is one time
    /// point ("1 year", "2 year") is then the landmark of that copy, where one time frame alone is
    /// how long the measure is followed.
    /// </param>
    /// <param name="treatsBleeding">
    /// The trial's titles say it treats bleeding (<see cref="TreatsBleeding"/>): a bleeding it
    /// measures is what it treats, not a harm of its treatment.
    /// </param>
    public OutcomeTerms Classify(Outcome outcome, List<TermSource> sources, bool treatsDisease = true, bool repeated = false, bool ofTumour = true, bool treatsBleeding = false)
    {
        var prefix = $"{outcome.Kind}Outcomes[{outcome.Ordinal}]";
        // The measure decides; its description only when the measure itself says nothing specific
        // ("Efficacy", "Primary endpoint"): descriptions of a precise measure often mention
        // safety or response in passing.
        var measure = TermText.Of(outcome.Measure);
        var (endpoint, field, matched) = First(outcome.Measure, measure, $"{prefix}.measure")
            ?? (IsVague(outcome.Measure) || measure.Words is [("free", _, _), ("survival", _, _), ..] ? First(outcome.Description, TermText.Of(outcome.Description), $"{prefix}.description") : null)
            ?? BareSurvival(measure, $"{prefix}.measure")
            ?? (treatsDisease ? ByToxicityGrade(outcome.Measure, $"{prefix}.measure") ?? ByComplication(measure, $"{prefix}.measure") : null)
            ?? (Terms.OtherEndpoint, null, null);
        if (endpoint == Terms.Safety && treatsBleeding && matched is { } bleeding && TermText.Of(bleeding).Words.Any(w => w.Word == "bleeding"))
        {
            // "Proportion free of major bleeding" in a trial of haemostatic RT or tranexamic acid
            // for a bleeding tumour: the bleeding is what the trial treats, not a harm of it.
            (endpoint, field, matched) = (Terms.OtherEndpoint, null, null);
        }

        // The injury is read in the measure, and in the description of a vague one that decided the class.
        var injury = endpoint == Terms.Safety && !treatsDisease
            && (NamesInjury(measure) || (field?.EndsWith(".description", StringComparison.Ordinal) == true && NamesInjury(TermText.Of(outcome.Description))));
        if ((endpoint == Terms.ObjectiveResponse || (endpoint == Terms.DiseaseFreeSurvival && matched is { } recurrence && TermText.Key(recurrence) is var key
                && !key.Contains("survival", StringComparison.Ordinal) && !key.Contains("free", StringComparison.Ordinal))) && !ofTumour)
        {
            // "OMERACT-OARSI response rate" in a trial of knee osteoarthritis: a response, not a
            // tumour's; so is a "Recurrence rate" there (of an infection, of a stone) not a cancer's.
            (endpoint, field, matched) = (Terms.OtherEndpoint, null, null);
        }

        if (endpoint == Terms.DiseaseFreeSurvival && !treatsDisease && matched is { } cancerFree && TermText.Key(cancerFree) == "cancerfreesurvival")
        {
            // "Ovarian cancer-free survival" in a prevention trial (risk-reducing surgery in BRCA
            // carriers): the incidence of a cancer in people who have none, not its recurrence
            // after treatment. "Disease-free survival", a "breast cancer free interval (BCFI)" of
            // survivors (set 152) and the other terms keep their reading.
            (endpoint, field, matched) = (Terms.OtherEndpoint, null, null);
        }

        if (endpoint == Terms.ObjectiveResponse && field == $"{prefix}.measure" && PathologicalComplete(measure, outcome.Description, prefix) is { } pathological)
        {
            // "Complete response (CR) rate": "pathological complete response (pCR) plus clinical
            // complete response (cCR)" after neoadjuvant therapy, or "Complete response rate
            // (clinical and pathological)": a complete response that the resected tumour decides
            // for the patients who have surgery is the neoadjuvant trial's pathological endpoint,
            // not a response by imaging.
            (endpoint, field, matched) = (Terms.PathologicalResponse, pathological.Field, pathological.Matched);
        }

        if (endpoint == Terms.DiseaseFreeSurvival && field == $"{prefix}.measure" && matched is { } efs && EventFree(efs) && ProgressionOnly(outcome.Description))
        {
            // "Event-free survival (EFS)": "the time from date of randomization until the date of
            // disease progression or death": the events it counts are progression-free survival's,
            // as both annotators of set 67 read it; an EFS that counts recurrence stays DFS/RFS.
            (endpoint, field, matched) = (Terms.ProgressionFreeSurvival, $"{prefix}.description", "progression");
        }

        if (endpoint == Terms.TimeToProgression && field == $"{prefix}.measure"
            && (DeathAnEvent(outcome.Measure) is var inMeasure && inMeasure || (ProgressionOnly(outcome.Description) && DeathAnEvent(outcome.Description) && !CensorsDeaths(outcome.Description))))
        {
            // "Time to Disease Progression": "the interval between the day of randomization and
            // the date of the first documentation of disease progression or date of death (from
            // any cause), whichever occurs first": a time to progression that counts death is
            // progression-free survival (set 172, both annotators), as an event-free survival is
            // above; one that censors deaths stays TTP. "Time to Tumor Progression or Death" says so itself.
            (endpoint, field, matched) = (Terms.ProgressionFreeSurvival, inMeasure ? $"{prefix}.measure" : $"{prefix}.description", "death");
        }

        if (injury)
        {
            // "No Radiation Dermatitis as Assessed by CTCAE" in a trial of a gel against it, or
            // "Incidence of immune related adverse events" in a trial of food against them: what
            // the gel or the food is for, not the safety of a treatment the trial gives.
            (endpoint, field, matched) = (Terms.OtherEndpoint, null, null);
        }

        if (field is not null)
        {
            sources.Add(new TermSource($"{outcome.Kind}_outcome", outcome.Ordinal, NormalisedField.EndpointClass, endpoint, field, matched!));
        }

        // The measure's time point; else a rate its description states at one ("PFS of 85% at 2 years").
        // A time point of a safety measure or of an injury a trial prevents ("cardio-toxicity
        // after 1 or 5 years") is when it is assessed, not a landmark rate; nor is a rate an
        // "other" measure's description states ("PSA decline of 50% at 3 months"), nor the time
        // point of an "other" measure that is no rate ("Significant difference in FACT-P scores
        // after 12 months", "Pain reduction ... at 3 months": when a score is assessed).
        (string Months, string Matched)? landmark = null;
        var landmarkField = "measure";
        if (endpoint != Terms.Safety && !injury && (endpoint != Terms.OtherEndpoint || NamesRate(outcome.Measure)))
        {
            (landmark, landmarkField) = Landmark(outcome.Measure, TimePoint()) is { } named
                ? (named, "measure")
                : repeated && Landmark(outcome.TimeFrame, OnlyTimePoint()) is { } framed
                    ? (framed, "timeFrame")
                    : endpoint == Terms.OtherEndpoint ? (null, "description")
                    : (DescribedLandmark(outcome.Description) ?? RateDescribedAt(endpoint, outcome.Measure, outcome.Description), "description");
        }

        if (landmark is not null)
        {
            sources.Add(new TermSource($"{outcome.Kind}_outcome", outcome.Ordinal, NormalisedField.EndpointLandmark, landmark.Value.Months, $"{prefix}.{landmarkField}", landmark.Value.Matched));
        }

        return new OutcomeTerms(outcome.Kind, outcome.Ordinal, endpoint, landmark?.Months);
    }

    /// <summary>
    /// Whether the record's titles say it treats bleeding: a haemostatic word ("Haemostatic
    /// Radiotherapy", "Tranexamic Acid") or bleeding right after "for" or "against" ("... for
    /// Bleeding Gastric Cancer"); not an anticoagulant's "Risk of Bleeding".
    /// </summary>
    internal static bool TreatsBleeding(StudyRecord record) =>
        RecordFields.Titles(record).Select(t => TermText.Of(t.Text)).Any(words =>
            words.Words.Any(w => w.Word is "haemostatic" or "hemostatic" or "haemostasis" or "hemostasis" or "tranexamic" or "antifibrinolytic")
            || Enumerable.Range(1, Math.Max(0, words.Words.Count - 1)).Any(i => words.Words[i - 1].Word is "for" or "against"
                && words.Words[i].Word is "bleeding" or "haemorrhage" or "hemorrhage" or "haemoptysis" or "hemoptysis" or "haematuria" or "hematuria"));

    /// <summary>Whether words name an injury RT or an ICI causes ("radiation dermatitis", "immune-related adverse events").</summary>
    private static bool NamesInjury(TermText words) =>
        words.Words.Any(w => FreeTextEvidence.RtInjuries.Contains(w.Word)
            && (!(FreeTextEvidence.UlcerWords.Contains(w.Word) || w.Word is "diarrhea" or "diarrhoea") || words.Words.Any(r => r.Word.StartsWith("radi", StringComparison.Ordinal) || r.Word.StartsWith("irradia", StringComparison.Ordinal))))
        || NamesImmuneRelated(words);

    /// <summary>Whether a measure names the immune-related adverse events of checkpoint inhibitors ("immune-related adverse events", "irAEs", "immune-mediated").</summary>
    private static bool NamesImmuneRelated(TermText measure) =>
        measure.Words.Any(w => w.Word is "irae" or "iraes")
        || measure.Words.Zip(measure.Words.Skip(1)).Any(pair => pair.First.Word == "immune" && pair.Second.Word is "related" or "mediated");

    /// <summary>
    /// Whether a measure whose only response is a complete one ("Complete response rate"; not an
    /// objective, overall, partial or clinical one) counts pathological complete responses with
    /// clinical ones: the measure says so ("Complete response rate (clinical and pathological)"; a
    /// measure that names a pathological response is classed so before ORR is tried), or its
    /// description names a pathological and a
    /// clinical complete response ("pCR plus cCR", "clinical and pathological complete
    /// response"). A description naming pCR alone ("pCR is a secondary endpoint"), necrosis,
    /// a regression grade or a histological response beside a response by imaging does not.
    /// </summary>
    private (string Field, string Matched)? PathologicalComplete(TermText measure, string? description, string prefix)
    {
        var responses = EndpointMatcher(Terms.ObjectiveResponse).Matches(measure);
        if (!responses.Any(r => IsComplete(r.Matched)) || responses.Any(r => IsClinical(r.Matched) || (!IsComplete(r.Matched) && KeyWords(r.Matched) is not ["response", "rate"])))
        {
            return null;
        }

        if (QualifyingPathological(measure) is { } word)
        {
            return ($"{prefix}.measure", word);
        }

        var described = TermText.Of(description);
        var pathological = EndpointMatcher(Terms.PathologicalResponse).Matches(described)
            .FirstOrDefault(m => IsComplete(m.Matched));
        var clinical = pathological is not null
            && (EndpointMatcher(Terms.ObjectiveResponse).Matches(described).Any(m => IsClinical(m.Matched))
                || (pathological.Position >= 2 && described.Words[pathological.Position - 2].Word == "clinical" && described.Words[pathological.Position - 1].Word is "and" or "or"));
        return clinical ? ($"{prefix}.description", pathological!.Matched) : null;

        static bool IsComplete(string matched) =>
            KeyWords(matched) is ["complete", ..] or ["clinical" or "pathological" or "pathologic", "complete", ..] or ["ccr" or "pcr"];

        static bool IsClinical(string matched) => KeyWords(matched) is ["clinical", ..] or ["ccr"];
    }

    /// <summary>A matched term's words as the matcher reads them: folded, lower-cased, split at spaces, hyphens and line breaks ("Complete-response").</summary>
    private static List<string> KeyWords(string matched) => [.. TermText.Of(matched).Words.Select(w => w.Word)];

    /// <summary>
    /// "Pathological" in a measure where it qualifies the response: its last word, or before
    /// "complete" or "CR", or joined to "clinical" by "and" or "or"; not "pathological lymph
    /// nodes", "no pathological uptake" or "pathological examination".
    /// </summary>
    private static string? QualifyingPathological(TermText measure)
    {
        var words = measure.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Word is not ("pathological" or "pathologic"))
            {
                continue;
            }

            var last = i == words.Count - 1;
            var qualifies = !last && words[i + 1].Word is "complete" or "cr";
            var joined = (i >= 2 && words[i - 1].Word is "and" or "or" && words[i - 2].Word == "clinical")
                || (i + 2 < words.Count && words[i + 1].Word is "and" or "or" && words[i + 2].Word == "clinical");
            if (last || qualifies || joined)
            {
                return measure.Original[words[i].Start..words[i].End];
            }
        }

        return null;
    }

    private TermMatcher<string> EndpointMatcher(string endpointClass) => vocabulary.Endpoints.First(e => e.Class == endpointClass).Matcher;

    /// <summary>
    /// Overall survival, for a measure that is "Survival" and names no class: alone, with whom it
    /// is measured in or when ("Survival (patients with evaluable disease)", "Survival every 30
    /// days during treatment, ..."), as the annotators of sets 79, 165 and 168 labelled it. Not
    /// another measure: survival "with", "without" or "free of" something ("Survival with a WHO
    /// performance status 0-2"), of anything but people in an "of" right after it or after "time"
    /// or "rate" ("Survival time of dental implants"), a cell-survival fraction ("Survival fraction
    /// of irradiated lymphocytes"), or survival after progression or relapse.
    /// </summary>
    private static (string Class, string? Field, string? Matched)? BareSurvival(TermText measure, string field) =>
        measure.Words is [("survival", _, var end), ..] && measure.WordsFrom(1, 4).ToList() is var next
        && next.FirstOrDefault() is not ("with" or "without" or "free" or "fraction" or "fractions")
        && next.Take(2).ToList().IndexOf("of") is var of
        && (of < 0 || next.Skip(of + 1).FirstOrDefault() is "patients" or "participants" or "subjects" or "people")
        && !(next.FirstOrDefault() is "after" or "following" or "post" && next.Skip(1).Take(3).Any(w => w is "progression" or "relapse" or "recurrence"))
            ? (Terms.OverallSurvival, field, measure.Original[..end]) : null;

    /// <summary>Safety, for a measure that names a grade of toxicity and no class.</summary>
    private static (string Class, string? Field, string? Matched)? ByToxicityGrade(string? measure, string field) =>
        ToxicityGrade().Match(measure ?? string.Empty) is { Success: true } grade ? (Terms.Safety, field, grade.Value) : null;

    /// <summary>Safety, for a measure that names a complication of treatment ("Major wound complications") and no class.</summary>
    private (string Class, string? Field, string? Matched)? ByComplication(TermText measure, string field) =>
        vocabulary.Complications.Matches(measure) is [var complication, ..] && !OfSomethingElse(measure, complication.Position + complication.Words)
            ? (Terms.Safety, field, complication.Matched) : null;

    /// <summary>
    /// Whether complications ending before word <paramref name="end"/> are said to be of something
    /// other than a treatment ("Major complications of bone metastases (pathological fracture)": the
    /// disease's, which the trial prevents), not "of radiotherapy" or "of surgery".
    /// </summary>
    private static bool OfSomethingElse(TermText measure, int end) =>
        measure.WordsFrom(end, 1).Any(w => w == "of")
        && !measure.WordsFrom(end + 1, 3).Any(w => w is "treatment" or "therapy" or "radiotherapy" or "radiation" or "irradiation" or "surgery" or "reconstruction" or "rt");

    private (string Class, string? Field, string? Matched)? First(string? text, TermText words, string field)
    {
        foreach (var (endpointClass, matcher) in vocabulary.Endpoints)
        {
            var matches = matcher.Matches(words);
            if (matches.Count == 0 || (endpointClass == Terms.OverallSurvival && (DeathInComposite(text!, matches) || CauseSpecific(words, matches) || NotSurvivalOfAll(words, matches)))
                || (endpointClass is Terms.DiseaseFreeSurvival or Terms.OverallSurvival && matches.All(m => OfSomethingElse(words, m))))
            {
                continue;
            }

            if (endpointClass == Terms.OtherEndpoint && SafetyBeside(words, matches) is { } safety)
            {
                // "Feasibility and toxicity", "Safety and feasibility": safety is measured, as in a phase I.
                return (Terms.Safety, field, safety.Matched);
            }

            if (endpointClass == Terms.OtherEndpoint && matches.All(IsSymptomOrMarkerResponse) && ApartFrom(words, matches, field) is { } apart)
            {
                // "Objective response rate per RECIST 1.1 and PSA response rate": the tumour's
                // response is measured beside the marker's; not "Prostate-Specific Antigen Response
                // Rate" or "Pain relief (response rate)", where the rate is the marker's or the pain's.
                return apart;
            }

            if (endpointClass == Terms.OtherEndpoint && matches.All(m => NamesPopulation(words, m)) && ApartFrom(words, matches, field, before: matches.Min(m => m.Position)) is { } measured)
            {
                // "Disease free survival (DFS) in MRD+ analysis set": the "other" term says whom
                // the survival is measured in, not what is measured.
                return measured;
            }

            if (endpointClass == Terms.ConversionResection && matches.All(m => ResectionQualifies(words, m)))
            {
                // "Rate of resection cavity recurrence", "Rate of resection-related adverse events":
                // the resection qualifies what the rate is of (local control, safety).
                continue;
            }

            if (endpointClass == Terms.ObjectiveResponse && words.Words.Any(w => w.Word is "iron" or "ferritin"))
            {
                // "Response rate (decrease in liver iron concentration)" in a chelation trial that
                // lists myelodysplastic syndromes among its conditions: iron overload's response.
                continue;
            }

            if (endpointClass == Terms.ObjectiveResponse && matches.All(m => OfPainOrPsa(words, m.Position + m.Words)))
            {
                // "Overall response rate of pain at the treated site", "Response rate over 50% in
                // PSA": the pain's or the marker's response.
                continue;
            }

            return (endpointClass, field, matches[0].Matched);
        }

        return null;
    }

    /// <summary>Whether a "rate of resection" is followed by a word it qualifies ("Rate of resection cavity recurrence", "... margin positivity", "... related complications").</summary>
    private static bool ResectionQualifies(TermText words, TermMatch<string> match) =>
        TermText.Key(match.Matched) == "rateofresection"
        && words.WordsFrom(match.Position + match.Words, 1).Any(w => w is "cavity" or "bed" or "site" or "margin" or "margins" or "related" or "associated"
            or "complication" or "complications" or "specimen" or "specimens");

    /// <summary>
    /// Whether the words from <paramref name="position"/> say a response is of pain or PSA: either
    /// within three words ("response rate of pain", "Response rate PSA"), or "in" or "of" PSA within
    /// five ("Response rate over 50% in PSA"); not PSA further on, where it says whom the response
    /// is measured in ("Response rate by RECIST in patients with a PSA above 10"), nor PSA that
    /// names the patients ("in PSA progressors", "in PSA-selected patients").
    /// </summary>
    private static bool OfPainOrPsa(TermText words, int position)
    {
        var after = words.WordsFrom(position, 8).ToList();
        var next = after.Take(5).ToList();
        return next.Take(3).Any(w => w == "pain")
            || Enumerable.Range(0, next.Count).Any(i => next[i] == "psa" && (i < 3 || next[i - 1] is "in" or "of") && !PopulationAfter(after.Skip(i + 1)));

        // "Objective response rate by RECIST in PSA progressors", "in PSA-selected patients": the
        // PSA says whom the tumour's response is measured in.
        static bool PopulationAfter(IEnumerable<string> rest) =>
            rest.Take(2).ToList() is ["progressors" or "progressing" or "selected" or "patients" or "men" or "participants" or "subjects" or "population" or "cohort", ..]
                or [not ("in" or "of" or "with" or "among" or "at" or "by" or "from" or "and" or "or"), "patients" or "men" or "participants" or "subjects"];
    }

    /// <summary>
    /// Whether a term of recurrence or survival alone ("recurrence rate", "time to recurrence", "survival rate",
    /// "survival time") is of something other than the tumour or the patient: a thing that is no
    /// tumour right before it ("Seroma recurrence rate", "Implant survival time", "VTE recurrence
    /// rate") or in the "of" phrase after it ("Time to recurrence of pain", "... of malignant
    /// pleural effusion at 30 days"), or a local-control term that ends on its "recurrence"
    /// ("Marginal recurrence rate": local control). Any other word keeps the class ("Distant",
    /// "Long-term", "Biochemical", "of bladder tumours", "of participants", "of patients treated
    /// with whole-brain radiotherapy").
    /// </summary>
    private bool OfSomethingElse(TermText words, TermMatch<string> match)
    {
        if (TermText.Key(match.Matched) is not ("recurrencerate" or "recurrencerates" or "rateofrecurrence" or "timetorecurrence" or "survivaltime" or "survivalrate"))
        {
            return false;
        }

        var recurrence = match.Position + TermText.Of(match.Matched).Words.TakeWhile(w => w.Word != "recurrence").Count();
        if (vocabulary.Endpoints.Where(e => e.Class == Terms.LocalControl).Any(e => e.Matcher.Matches(words).Any(m => m.Position < recurrence && m.Position + m.Words == recurrence + 1)))
        {
            return true;
        }

        if (words.WordsBefore(match.Position, 1).Any(OtherThingWords.Contains))
        {
            return true;
        }

        // "of X ... at 30 days": the words up to a preposition, a verb or the end name what recurs.
        var after = match.Position + match.Words;
        return words.WordsFrom(after, 1).Any(w => w == "of")
            && words.Words.Skip(after + 1).Select(w => w.Word).TakeWhile(w => !ThingEndWords.Contains(w)).Any(OtherThingWords.Contains);
    }

    /// <summary>Things other than a tumour or a patient that recur or survive: a symptom, a fluid collection, a clot, a device, a graft, cells.</summary>
    private static readonly HashSet<string> OtherThingWords = new(
        ["effusion", "effusions", "seroma", "seromas", "lymphocele", "lymphoceles", "implant", "implants", "graft", "grafts", "cell", "cells", "pain",
            "symptom", "symptoms", "stone", "stones", "infection", "infections", "ascites", "fistula", "fistulae", "fistulas", "hernia", "hernias", "keloid",
            "keloids", "bleeding", "haemorrhage", "hemorrhage", "seizure", "seizures", "stenosis", "stricture", "strictures", "obstruction", "ulcer", "ulcers",
            "wound", "wounds", "prosthesis", "catheter", "catheters", "stent", "stents", "flap", "flaps", "vte", "dvt", "thrombosis", "thromboembolism",
            "embolism", "hematoma", "haematoma", "pterygium", "incontinence", "lymphedema", "lymphoedema", "cyst", "cysts", "hydrocephalus", "pneumothorax",
            "abscess", "abscesses"],
        StringComparer.Ordinal);

    /// <summary>Words at which an "of" phrase's thing has ended ("of pain at the treated site", "of patients treated with", "of lymphocele after sclerotherapy").</summary>
    private static readonly HashSet<string> ThingEndWords = new(
        ["at", "after", "within", "in", "by", "during", "following", "from", "to", "per", "and", "or", "on", "with", "treated", "who", "receiving", "undergoing"],
        StringComparer.Ordinal);

    /// <summary>Whether a term stands after "in" or "among" (and "the" at most): the people a measure is taken in ("in MRD+ analysis set", "among the MRD-positive").</summary>
    private static bool NamesPopulation(TermText words, TermMatch<string> match) =>
        words.WordsBefore(match.Position, 2).ToList() switch
        {
            [.., "in" or "among"] => true,
            ["in" or "among", "the"] => true,
            _ => false,
        };

    /// <summary>Whether an "other" term is a response of a symptom or a tumour marker ("pain relief", "PSA response"), which a tumour's response beside it outranks.</summary>
    private static bool IsSymptomOrMarkerResponse(TermMatch<string> match) =>
        TermText.Of(match.Matched).Words.Any(w => w.Word is "pain" or "psa" or "antigen" or "biochemical" or "ca" or "ctdna" or "cfdna" or "dna");

    /// <summary>
    /// The first class after "other" that a measure names apart from its symptom or marker
    /// responses: not inside one of them or within two words after it ("Pain relief (response rate)").
    /// With <paramref name="before"/>, only a class that ends before that word ("DFS in MRD+ patients"; not
    /// "Change in plasma concentration in patients with objective response", where the "other" term is measured).
    /// </summary>
    private (string Class, string? Field, string? Matched)? ApartFrom(TermText words, List<TermMatch<string>> weak, string field, int? before = null)
    {
        foreach (var (endpointClass, matcher) in vocabulary.Endpoints.Where(e => e.Class != Terms.OtherEndpoint))
        {
            if (matcher.Matches(words).FirstOrDefault(m => (before is not { } end || m.Position + m.Words <= end) && !weak.Any(w => m.Position >= w.Position && m.Position <= w.Position + w.Words + 2)) is { } apart)
            {
                return (endpointClass, field, apart.Matched);
            }
        }

        return null;
    }

    /// <summary>A safety term joined to one of <paramref name="others"/> by "and" or "or" alone ("feasibility and safety"), or that defines it ("feasibility (i.e. rate of patients without DLT)").</summary>
    private TermMatch<string>? SafetyBeside(TermText words, List<TermMatch<string>> others)
    {
        var safety = EndpointMatcher(Terms.Safety).Matches(words);
        return safety.FirstOrDefault(s => others.Any(o =>
        {
            var between = words.WordsBetween(o, s);
            return between is ["and"] or ["or"] or ["and", "or"]
                // "Feasibility rate (i.e. rate of patients not experiencing dose-limiting toxicity
                // [DLT])": the other term defined as the safety it counts.
                || (o.Position < s.Position && between.Count <= 10 && !words.Between(o.Position, s.Position).Contains(';')
                    && Enumerable.Range(0, Math.Clamp(between.Count - 1, 0, 3)).Any(i => (between[i], between[i + 1]) is ("i", "e") or ("defined", "as")));
        }));
    }

    /// <summary>
    /// Death of one cause is not death from any cause: "lung cancer mortality", "disease-related
    /// death", "COVID-19 specific mortality" (a neoplasm word or "related"/"specific"/"attributable"
    /// in the two words before every death word), "Deaths Related to Treatment" ("related" or
    /// "attributable" right after it; not "death due to any cause").
    /// </summary>
    private bool CauseSpecific(TermText words, List<TermMatch<string>> matches) =>
        matches.All(m => (DeathWord().IsMatch(m.Matched) && (NamesCause(words, m.Position, 2) || RelatedAfter(words, m.Position + m.Words)))
            || (IsSurvivalAtTime(words, m) && NamesCause(words, m.Position, 3)));

    /// <summary>
    /// "Related" or "attributable" right after a death word, naming one cause ("Deaths Related to
    /// Treatment"); not any or all of them ("Number of deaths related to any cause", "related or
    /// unrelated to treatment").
    /// </summary>
    private static bool RelatedAfter(TermText words, int next) =>
        words.WordsFrom(next, 1).Any(w => w is "related" or "attributable")
        && !words.WordsFrom(next + 1, 3).Any(w => w is "any" or "all" or "unrelated");

    /// <summary>Whether one of the <paramref name="count"/> words before <paramref name="position"/> names a cause ("specific", "related", a neoplasm).</summary>
    private bool NamesCause(TermText words, int position, int count) =>
        words.WordsBefore(position, count).Any(w => CauseWords.Contains(w) || vocabulary.NamesNeoplasm(w));

    /// <summary>"5-year survival": survival at a time point, its cause or kind (if any) named before the number ("cancer-specific 5-year survival").</summary>
    private static bool IsSurvivalAtTime(TermText words, TermMatch<string> match) =>
        match.Words == 2 && words.Words[match.Position].Word is "year" or "years" or "month" or "months";

    private static readonly HashSet<string> CauseWords = new(["related", "specific", "attributable"], StringComparer.Ordinal);

    /// <summary>
    /// Survival words that are not the survival of all: survival after "free" whose event the
    /// measure leaves out ("Free survival rate", of an event-free survival its description names),
    /// death as the end of a schedule of assessments ("assessed every 3 months until death";
    /// not "Time in months until death", nor "alive at 12 months, followed every 3 months until death"),
    /// and death as a competing risk (<see cref="CompetingRisk"/>).
    /// </summary>
    private static bool NotSurvivalOfAll(TermText words, List<TermMatch<string>> matches) =>
        matches.All(m => (DeathWord().IsMatch(m.Matched) && CompetingRisk(words, m.Position, m.Position + m.Words)) || (m.Position > 0 && words.Words[m.Position - 1].Word is var before
            && ((before == "free" && m.Matched.StartsWith("survival", StringComparison.OrdinalIgnoreCase))
                || (before is "until" or "till" && DeathWord().IsMatch(m.Matched) && words.WordsBefore(m.Position - 1, 5).Contains("every", StringComparer.Ordinal)
                    && !words.Words.Any(w => w.Word is "alive" or "died" or "dead")))));

    /// <summary>
    /// Whether the words around a death (from <paramref name="position"/> to <paramref name="next"/>)
    /// make it a competing risk ("Bleeding Combined With Death as Competing Risk", "death as a
    /// competing event", "accounting for the competing risk of death"): what the analysis allows
    /// for, not what it measures.
    /// </summary>
    private static bool CompetingRisk(TermText words, int position, int next) =>
        words.WordsFrom(next, 3).ToList() is ["as", "competing", _] or ["as", "a", "competing"]
        || words.WordsBefore(position, 3).ToList() is ["competing", "risk" or "risks" or "event" or "events", "of"];

    /// <summary>
    /// Overall survival counts death from any cause on its own. Death named as one state of an
    /// ordinal scale ("7 points: death"), one alternative of a composite ("death or
    /// hospitalisation", "progression to critical or even death") or one item of a list of
    /// states ("recovery, improvement, turning critical, death") is not OS; a wording that
    /// names survival itself ("overall survival", "survival rate") still is.
    /// </summary>
    private static bool DeathInComposite(string text, List<TermMatch<string>> matches)
    {
        if (matches.Any(m => !DeathWord().IsMatch(m.Matched)))
        {
            return false;
        }

        // Time points are not states: "30-day, 90-day and 1-year mortality" is OS at three landmarks.
        var states = TimePoints().Replace(text, " ");
        return OrdinalScale().IsMatch(text) || DeathAlternative().IsMatch(states) || DeathInList().IsMatch(states);
    }

    private static bool IsVague(string? measure) =>
        string.IsNullOrWhiteSpace(measure) || VagueMeasure().IsMatch(measure);

    /// <summary>
    /// The time point, in months, that <paramref name="pattern"/> finds in <paramref name="text"/>:
    /// in a measure, "6-month PFS rate", "PFS rate at 12 months", "1-year OS"; in a description, a
    /// rate at a time point ("85% at 2 years").
    /// </summary>
    private static (string Months, string Matched)? Landmark(string? text, Regex pattern) =>
        text is null ? null : Landmark(text, pattern.Match(text));

    /// <summary>The time point of <paramref name="match"/>, a match of a time-point pattern in <paramref name="text"/>; null where it failed or is one of a list.</summary>
    private static (string Months, string Matched)? Landmark(string text, Match match)
    {
        if (!match.Success || ListedTimesBefore().IsMatch(text.AsSpan(0, match.Groups["number"].Index)))
        {
            // "at baseline, every 30 days ..., and then at 1, 2, and 4 months after treatment": the
            // last of several times a measure is assessed, not one time point it is a rate at.
            return null;
        }

        var number = match.Groups["number"].Value;
        var value = int.TryParse(number, CultureInfo.InvariantCulture, out var n) ? n : Array.IndexOf(NumberWords, number.ToLowerInvariant()) + 1;
        var unit = match.Groups["unit"].Value;
        if (unit.StartsWith("w", StringComparison.OrdinalIgnoreCase))
        {
            // "PFS rate at 48 weeks" (a rate or survival at a week, not "response at 6 weeks"):
            // weeks are not a whole number of months.
            return ($"{value} weeks", match.Value.Trim());
        }

        var months = unit.StartsWith("y", StringComparison.OrdinalIgnoreCase) ? value * 12 : value;
        return ($"{months} months", match.Value.Trim());
    }

    /// <summary>Whether the matched words name event-free survival ("Event-free survival", "EFS").</summary>
    private static bool EventFree(string matched) =>
        TermText.Key(matched) is "eventfreesurvival" or "efs";

    /// <summary>Whether a description counts progression as an event and no recurrence, relapse, failure or metastasis ("until the date of disease progression or death").</summary>
    private static bool ProgressionOnly(string? description)
    {
        var words = TermText.Of(description).Words.Select(w => w.Word).ToList();
        return words.Any(w => w is "progression" or "progressive") && words.Contains("death")
            && !words.Any(w => w.StartsWith("recurr", StringComparison.Ordinal) || w.StartsWith("relaps", StringComparison.Ordinal) || w.StartsWith("metasta", StringComparison.Ordinal)
                || w is "failure" or "failures");
    }

    /// <summary>Whether a measure names a rate or a survival, whose time point is a landmark ("PSA response rate at 12 weeks", "6-month radiation therapy-free survival", "Freedom from biochemical failure at 5 years", "Cumulative incidence of brain metastases at 2 years").</summary>
    private static bool NamesRate(string? measure) =>
        TermText.Of(measure).Words.ToList() is var words
        && (words.Any(w => ProportionWords.Contains(w.Word) || w.Word is "survival" or "percent" or "free" or "freedom")
            // "Cumulative incidence of brain metastases at 2 years": an actuarial rate.
            || words.Zip(words.Skip(1)).Any(p => p.First.Word == "cumulative" && p.Second.Word == "incidence"));

    /// <summary>
    /// Whether a description censors deaths ("patients who die without progression are censored"),
    /// as a time to progression does: a sentence that censors and names a death; not "patients
    /// alive without progression are censored at last contact", which every PFS does.
    /// </summary>
    private static bool CensorsDeaths(string? description) =>
        description is not null && SentenceEnd().Split(description).Select(TermText.Of)
            .Any(s => s.Words.Any(w => w.Word.StartsWith("censor", StringComparison.Ordinal)) && s.Words.Any(w => w.Word is "die" or "dies" or "died" or "dying" or "death" or "deaths" or "dead"));

    /// <summary>
    /// Whether a text counts death as an event beside progression: "progression or (date of)
    /// death", "death or progression", or death with "whichever occurs first"; not death named
    /// otherwise ("followed every 3 months until death", "death without progression is a competing risk").
    /// </summary>
    private static bool DeathAnEvent(string? text) =>
        text is not null && (ProgressionOrDeath().IsMatch(text) || (text.Contains("whichever", StringComparison.OrdinalIgnoreCase) && text.Contains("death", StringComparison.OrdinalIgnoreCase)));

    [GeneratedRegex(@"\bprogress\w*\b[^.;]{0,60}?\bor\s+(?:\w+\s+){0,2}?death\b|\bdeath\s+or\s+(?:\w+\s+){0,2}?progress", RegexOptions.IgnoreCase)]
    private static partial Regex ProgressionOrDeath();

    /// <summary>
    /// A sentence's end for <see cref="CensorsDeaths"/>: after "." or ";" only. Not a colon or a
    /// line break, after which a description lists what is censored ("Deaths without prior
    /// progression: censored at the last tumour assessment", "The following will be censored:").
    /// </summary>
    [GeneratedRegex(@"(?<=[.;])\s+")]
    private static partial Regex SentenceEnd();

    /// <summary>
    /// A rate a description states at a time point ("85% at 2 years", "2-year overall survival");
    /// each pattern read only where the text holds the words it needs.
    /// </summary>
    private static (string Months, string Matched)? DescribedLandmark(string? description) =>
        description is null ? null
        : (description.Contains('%') ? Landmark(description, RateAtTimePoint()) : null)
            ?? (description.Contains("survival", StringComparison.OrdinalIgnoreCase) || description.Contains("control", StringComparison.OrdinalIgnoreCase)
                || SurvivalAbbreviations.Any(a => description.Contains(a, StringComparison.Ordinal))
                ? Landmark(description, SurvivalAtTimePoint())
                : null);

    /// <summary>What a description may call a survival or control by ("estimate 2-year PFS"), in capitals as registries write them; <see cref="SurvivalAtTimePoint"/> reads them.</summary>
    private static readonly string[] SurvivalAbbreviations = ["OS", "FS", "LC", "LRC", "CSS"];

    /// <summary>
    /// The one time point a rate's description gives ("Local Control Rate": "the number of patients
    /// ... who are free from progression in the index lesions at 6 months"; "PFS rate defined as
    /// the number of patients who are alive and progression-free at 1 year"): a measure that names
    /// a rate, proportion or percentage of a survival or control (<see cref="SurvivalOrControl"/>)
    /// is that rate at its time point.
    /// Not a description that gives several ("at 6 and 12 months", "at 3 months and at 1 year").
    /// </summary>
    private static (string Months, string Matched)? RateDescribedAt(string? endpoint, string? measure, string? description) =>
        description is not null && SurvivalOrControl(endpoint) && NamesProportion(measure) && AtTimePoint().Matches(description) is [var only]
            ? Landmark(description, only)
            : null;

    /// <summary>
    /// Whether an endpoint is a survival or a control, whose rate at a time point is a landmark;
    /// not a response (ORR, DCR, pathological response) or a resection, whose "at 12 weeks" or "at
    /// 3 months post-radiotherapy" is when it is assessed (annotators of NCT02843165, NCT07277764,
    /// NCT05374252).
    /// </summary>
    private static bool SurvivalOrControl(string? endpoint) =>
        endpoint is Terms.OverallSurvival or Terms.ProgressionFreeSurvival or Terms.DiseaseFreeSurvival or Terms.TimeToProgression or Terms.LocalControl;

    /// <summary>Whether a measure names a proportion ("Local Control Rate", "proportion of patients", "percentage"), not a survival alone.</summary>
    private static bool NamesProportion(string? measure) =>
        TermText.Of(measure).Words.Any(w => ProportionWords.Contains(w.Word));

    /// <summary>Words that name a proportion (<see cref="NamesProportion"/>); <see cref="NamesRate"/> takes survivals and freedoms beside them.</summary>
    private static readonly HashSet<string> ProportionWords = new(["rate", "rates", "proportion", "percentage", "probability"], StringComparer.Ordinal);

    /// <summary>
    /// "at 6 months", "at 24 weeks", "at one year", "at week 24", "at the 2 year mark": a time point
    /// after "at". Not the first of a list ("at 6 months and 12 months", "at Month 3, 6, 9"), a
    /// scan interval ("at 8-week intervals"), a time from which an event counts ("at 18 weeks or
    /// later"), a schedule's first visit ("at 3 months after SRS and then every 3 months") or when
    /// follow-up starts ("measured from the start of adjuvant treatment at 6 weeks after surgery").
    /// </summary>
    [GeneratedRegex(@"(?<!\b(?:start\w*|begin\w*|commenc\w*)\b[^.;]{0,40}?)\bat\s+(?:the\s+)?(?:(?<number>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]*(?<unit>weeks?|months?|years?)|(?<unit>week|month|year)\s+(?<number>\d{1,3}))\b(?!\s*(?:,|and|or|to|&)\s*\d|[\s-]*intervals?\b|\s+or\s+(?:later|more|longer|beyond)\b|[^.;]{0,40}?\b(?:then|thereafter)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AtTimePoint();

    private static readonly string[] NumberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    [GeneratedRegex(@"^\s*((evaluation of |assessment of )?(clinical )?efficacy of [^,;]+|efficacy|primary (end ?point|outcome)( measure)?|end ?point|outcome|clinical (efficacy|outcome)|treatment (efficacy|response)|anti-?tumou?r (activity|efficacy)|(the )?(rate|number|proportion|percentage) of (patients|participants|subjects))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex VagueMeasure();

    /// <summary>
    /// A grade of toxicity with no class word ("Incidence of grade ≥3 pneumonitis", "Grade >= 2
    /// radiation morbidity", "grade 3 or higher", "patients ≥ grade 3 pneumonitis"): CTCAE grades
    /// are what a safety endpoint counts.
    /// </summary>
    [GeneratedRegex(@"\bgrade\s*(≥|>=|>|≧|⩾)\s*[1-5]\b|(≥|>=|>|≧|⩾)\s*grade\s*[1-5]\b|\bgrade\s*[1-5]\s*(\+|or (higher|greater|above|worse)|and (higher|above))|\bgrade\s*[2-5]\s*-\s*[3-5]\b", RegexOptions.IgnoreCase)]
    private static partial Regex ToxicityGrade();

    [GeneratedRegex(@"^(deaths?|death rate|mortality|fatalit(y|ies)|fatality rate|case fatality)$", RegexOptions.IgnoreCase)]
    private static partial Regex DeathWord();

    [GeneratedRegex(@"\bordinal\b|\b\d+[\s-]*points?\b|\b(category|categories|scale)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalScale();

    /// <summary>"X or death", "or even death", "death or X", "and/or death"; not "death from any cause".</summary>
    [GeneratedRegex(@"\bor\s+(even\s+)?(deaths?|mortality)\b|\b(deaths?|mortality)\s+(and/)?or\s+(?!from\b|of\b|due\b|by\b)\w", RegexOptions.IgnoreCase)]
    private static partial Regex DeathAlternative();

    /// <summary>Death as one item of a list of three or more ("a, b, c, death", "a, b and death", "death, a, b"), items with words.</summary>
    [GeneratedRegex(@"[^,;.]*[a-z][^,;.]*,[^,;.]*[a-z][^,;.]*(,|\band\b)[^;.]*\b(deaths?|mortality)\b|\b(deaths?|mortality)\s*,[^,;.]*[a-z][^,;.]*(,|\band\b)", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex DeathInList();

    /// <summary>Time points and places in time ("30-day", "1-", "5 years", "in-hospital", "ICU"), left out when looking for a list of states.</summary>
    [GeneratedRegex(@"\b\d+(\.\d+)?\s*-?\s*(days?|weeks?|months?|years?|yrs?)?\b-?|\b(days?|weeks?|months?|years?|in-hospital|hospital|icu|landmark)\b|\bin-", RegexOptions.IgnoreCase)]
    private static partial Regex TimePoints();

    /// <summary>Text that ends with a number and a list joint before a time point's number ("1, 2, and ", "6 or "): the time point is one of several.</summary>
    [GeneratedRegex(@"\d\s*(-\s*)?(,\s*(and|or)?|and|or|&)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ListedTimesBefore();

    [GeneratedRegex(@"(?:\bat\s+)?\b(?<number>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]*(?<unit>months?|mo|years?|yrs?|y)\b|\b(?:rate|survival)\s+at\s+(?<number>\d{1,3})[\s-]*(?<unit>weeks?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimePoint();

    /// <summary>A time frame that is one time point and nothing else ("1 year", "24 months"; not "up to 2 years").</summary>
    [GeneratedRegex(@"^\s*(?:at\s+)?(?<number>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]*(?<unit>months?|years?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyTimePoint();

    /// <summary>
    /// A survival or control named at a time point in a description ("the 3-year recurrence-free
    /// survival", "2-year local control", "estimate 2-year PFS"), by its words or its abbreviation
    /// in capitals (OS, PFS, DFS, RFS, EFS, LRFS, DMFS, LC, LRC, CSS). The abbreviation on the
    /// time point's line, and not after a median, a preposition or an article ("a 3-month
    /// improvement in OS", "a 9-month median PFS", "every 3 months until a PFS event", "followed up
    /// to 5 years" at a line's end): those times are durations, not the rate's.
    /// </summary>
    [GeneratedRegex(@"\b(?<number>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]*(?<unit>years?|months?)(?:\s+(?:(?!for\b|of\b|every\b|the\b)[\w-]+\s+){0,2}(?:survival|control)|[^\S\r\n]+(?:(?!(?:for|of|every|the|in|until|a|an|median|mean|to|from|with|by|at|after|before|on)\b)[\w-]+[^\S\r\n]+){0,2}(?-i:(?:[A-Z]{1,3})?FS|OS|LC|LRC|CSS))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SurvivalAtTimePoint();

    /// <summary>A percentage at or by a time point ("PFS of 85% at 2 years", "70 % by 12 months"); not an assessment time ("assessed at 3 months").</summary>
    [GeneratedRegex(@"\d+(?:\.\d+)?\s*%\s*(?:at|by)\s+(?<number>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]*(?<unit>months?|years?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RateAtTimePoint();
}
