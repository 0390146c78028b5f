namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// Whether a therapy a text names is given, or named as something else by the words around it:
/// prior or failed treatment, its absence, an exclusion, a point in time it marks, what it
/// caused or what is measured of it. Shared by the free-text evidence of a trial
/// (<see cref="FreeTextEvidence"/>) and an intervention's description and arms
/// (<see cref="InterventionNormaliser"/>).
/// </summary>
internal static partial class GivenInText
{
    /// <summary>
    /// The matches of a sentence that it names as given (<see cref="IsGiven"/>). Terms in a row
    /// ("immune checkpoint (PD-1/PD-L1) inhibitor") and compounds ("a PD-1/PD-L1 inhibitor") are
    /// one phrase: the words before its first word decide for all of it.
    /// </summary>
    internal static List<TermMatch<T>> Given<T>(IReadOnlyList<TermMatch<T>> matches, TermText words, bool sequence)
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
    internal static bool IsGiven(TermText words, int position, int end, bool sequence)
    {
        var before = words.WordsBefore(position, 4).ToList();
        // "the first day of radiation therapy": a point in time the therapy marks, alone in the
        // sentence (with an ICI beside it, it times one against the other: sequence).
        return !(!sequence && MarksTime(words, position)) && !AfterProgression(words, position) && !IsImagingTracer(words, position)
            && !InPatientsHistory(words, position) && !Explained(words, position) && !StudiedAsExposure(words, position, end) && !ListedAsUnsuitable(words, position, end)
            && !before.Where((w, i) => !QuantityThan(words, position - before.Count + i) && !WithOrWithout(words, position - before.Count + i)
                    && !PostOperative(words, position - before.Count + i) && !OrNotWith(words, position - before.Count + i) && !WaitingArm(words, position - before.Count + i)
                    && !FinancialOfAnother(words, position - before.Count + i, position))
                .Any(w => NotGivenBefore.Contains(w) && !(sequence && SequenceWords.Contains(w)))
            && !NamedAsSomethingElse(words, end);
    }

    /// <summary>
    /// Whether the therapy at <paramref name="position"/> ends a list of therapies that patients
    /// are not fit for ("not amenable to curative-intent radical surgery and/or radiotherapy",
    /// "who are not candidates for surgery or radiotherapy", "ineligible for curative surgery,
    /// ablation or radiation therapy"): a list of more than the four words before it that
    /// <see cref="NotGivenBefore"/> reads. Only words of therapies, their intent and joints stand
    /// between ("unsuitable for surgery and will receive radiotherapy" gives it), in one sentence
    /// (an intervention's description is read whole: "... not candidates for surgical resection or
    /// liver transplantation. Stereotactic body radiotherapy 40 Gy in 5 fractions" gives it). A
    /// comma ends the list where no "and" or "or" comes after it and the list does not go on after
    /// the therapy ("For patients who are not candidates for surgery or ablation, SBRT will be
    /// delivered"), or where it stands alone before "and" ("not candidates for surgery, and
    /// radiotherapy will be given"). A drug named by name ends no such list here ("not amenable to
    /// surgery or ablation, SBRT and durvalumab will be given"): the four words before it decide.
    /// </summary>
    private static bool ListedAsUnsuitable(TermText words, int position, int end)
    {
        if (!Enumerable.Range(position, Math.Max(0, Math.Min(end, words.Words.Count) - position)).Any(i => ListedTherapy(words.Words[i].Word)))
        {
            return false;
        }

        var commas = 0;
        var joinedAfterComma = false;
        var commaBeforeJoint = false;
        var joined = false;
        for (var i = position - 1; i >= Math.Max(1, position - 10); i--)
        {
            var gap = words.Between(i, i + 1);
            if (gap.IndexOfAny(['.', ';', ':', '!', '?']) >= 0)
            {
                return false;
            }

            if (gap.Contains(',') && ++commas == 1)
            {
                joinedAfterComma = joined;
                commaBeforeJoint = words.Words[i + 1].Word is "and" or "or";
            }

            var word = words.Words[i].Word;
            joined |= word is "and" or "or";
            if (word is "for" or "to")
            {
                var head = words.Words[i - 1].Word;
                var unfit = UnfitWords.Contains(head)
                    || (i >= 2 && head is "amenable" or "candidate" or "candidates" or "eligible" or "suitable" or "fit" or "appropriate"
                        && words.WordsBefore(i - 1, 2).Any(w => w is "not" or "non" or "no" or "longer"));
                return unfit && (commas == 0 || (joinedAfterComma && !(commas == 1 && commaBeforeJoint)) || ListGoesOn(words, end));
            }

            if (!ListedTherapy(word))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether a word may stand in a list of therapies patients are not fit for (<see cref="ListedAsUnsuitable"/>).</summary>
    private static bool ListedTherapy(string word) =>
        ListedTherapyWords.Contains(word) || word.EndsWith("ectomy", StringComparison.Ordinal) || word.EndsWith("therapy", StringComparison.Ordinal);

    /// <summary>Whether a comma, "and" or "or" after word <paramref name="end"/> - 1 goes on to another therapy of the list ("surgery, radiotherapy or ablation").</summary>
    private static bool ListGoesOn(TermText words, int end)
    {
        if (end <= 0 || end >= words.Words.Count)
        {
            return false;
        }

        var next = end;
        while (next < words.Words.Count && words.Words[next].Word is "and" or "or")
        {
            next++;
        }

        return (next > end || words.Between(end - 1, end).Contains(',')) && next < words.Words.Count
            && words.Words[next].Word is not ("the" or "a" or "any") && ListedTherapy(words.Words[next].Word);
    }

    /// <summary>Words that say patients are not fit for what "for" or "to" lists (<see cref="ListedAsUnsuitable"/>).</summary>
    private static readonly HashSet<string> UnfitWords = new(["ineligible", "unsuitable", "unfit", "unamenable", "inappropriate", "contraindicated", "contraindication", "contraindications"], StringComparer.Ordinal);

    /// <summary>Words of a list of therapies and their intent (<see cref="ListedAsUnsuitable"/>).</summary>
    private static readonly HashSet<string> ListedTherapyWords = new(
        ["and", "or", "surgery", "surgical", "resection", "operation", "transplantation", "transplant", "ablation", "ablative", "curative", "intent",
         "radical", "definitive", "locoregional", "local", "regional", "liver", "hepatic", "directed", "therapy", "therapies", "treatment", "treatments",
         "radiation", "radiotherapy", "irradiation", "chemoradiation", "chemoradiotherapy", "chemotherapy", "embolization", "embolisation", "tace", "rfa",
         "the", "a", "any", "further", "standard", "potentially", "stereotactic", "rt", "sbrt"],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether the therapy from <paramref name="position"/> to <paramref name="end"/> is an exposure
    /// a study relates an outcome to: "Association of Immune Checkpoint Inhibitor Therapy ... With
    /// Early Myocardial Tissue ... Changes", "association between radiotherapy and ...", "Immune
    /// Checkpoint Inhibitor Therapy for Cancer and Risk of Myocarditis" (a few words after it, with
    /// no other therapy joined between: "Pembrolizumab Plus Radiotherapy and Risk of ..." leaves
    /// pembrolizumab alone). Not "to reduce the risk of", which a treatment given is for.
    /// </summary>
    private static bool StudiedAsExposure(TermText words, int position, int end)
    {
        if (words.WordsBefore(position, 2).ToList() is ["association" or "associations", var of and ("of" or "between")])
        {
            // "The Association of SBRT and Pembrolizumab": in French and Italian usage, a
            // combination given; not "association of radiotherapy and survival".
            return of == "between" || words.WordsFrom(end, 2).ToList() is not [("and" or "plus"), var next] || OutcomeWords.Contains(next);
        }

        // "All patients will receive durvalumab and the risk of pneumonitis will be monitored":
        // what they receive, and a risk measured of it.
        if (words.WordsBefore(position, 3).Any(w => w is "receive" or "receives" or "undergo" or "undergoes"))
        {
            return false;
        }

        var after = words.WordsFrom(end, 8).ToList();
        for (var i = 0; i + 2 < after.Count; i++)
        {
            if (after[i] is "versus" or "vs" or "with" or "plus" or "or" or "to" or "compared" or "combined")
            {
                return false;
            }

            if (after[i] == "and" && (after.Skip(i + 1).Take(3).ToList() is ["risk", "of", ..] or ["the", "risk", "of"]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What "association of" a therapy "and" relates it to, not another therapy combined with it.</summary>
    private static readonly HashSet<string> OutcomeWords = new(
        ["risk", "the", "survival", "mortality", "outcome", "outcomes", "toxicity", "toxicities", "incidence", "response", "prognosis"], StringComparer.Ordinal);

    /// <summary>
    /// Whether the word at <paramref name="index"/> is a "financial" that is not of the therapy at
    /// <paramref name="position"/>: another topic "and" or a comma sets apart ("Financial Toxicity
    /// and Hypofractionated Versus Conventional Radiotherapy", "To lower financial costs,
    /// radiotherapy will be given in 5 fractions"); not "the Financial Burden of Radiotherapy".
    /// </summary>
    private static bool FinancialOfAnother(TermText words, int index, int position) =>
        words.Words[index].Word == "financial"
        && (words.WordsFrom(index + 1, position - index - 1).Any(w => w is "and" or "versus" or "vs") || words.Between(index, position).IndexOfAny([',', ';', ':']) >= 0);

    /// <summary>
    /// Whether the therapy at <paramref name="position"/> is what patients are told of
    /// ("will receive information about radiotherapy via virtual reality", "education on
    /// immunotherapy"): the subject of information, not a treatment.
    /// </summary>
    private static bool Explained(TermText words, int position)
    {
        // "an educational video about the radiotherapy procedure": an article may stand between.
        var at = position >= 1 && words.Words[position - 1].Word is "the" or "a" or "their" or "your" ? position - 1 : position;
        return at >= 2 && words.Words[at - 1].Word is "about" or "on" or "of" or "regarding" && InformationWords.Contains(words.Words[at - 2].Word);
    }

    /// <summary>
    /// Whether the word at <paramref name="index"/> is a "waiting" that is an arm ("Watchful
    /// Waiting Versus Low-Dose Radiotherapy", "Waiting-List Control Versus"), not the wait for the
    /// therapy ("Waiting Times for Palliative Radiotherapy", "waiting for radiotherapy").
    /// </summary>
    private static bool WaitingArm(TermText words, int index) =>
        words.Words[index].Word == "waiting"
        && !(index + 1 < words.Words.Count && words.Words[index + 1].Word is "time" or "times" or "period" or "periods" or "for");

    private static readonly HashSet<string> InformationWords = new(
        ["information", "education", "knowledge", "questions", "questionnaire", "questionnaires", "survey", "surveys", "video", "videos", "leaflet", "leaflets", "booklet", "brochure", "counselling", "counseling", "teaching"],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether the word at <paramref name="index"/> is the "not" of a treatment's "or not with"
    /// ("mDCF in Combination or Not With Atezolizumab", "Concomitant or Not With"): with or
    /// without, one arm gives it; not people "Previously Treated or Not With" it.
    /// </summary>
    private static bool OrNotWith(TermText words, int index) =>
        words.Words[index].Word == "not" && index >= 2 && words.Words[index - 1].Word == "or" && words.WordsFrom(index + 1, 1).Any(w => w == "with")
        && words.Words[index - 2].Word is not ("treated" or "pretreated" or "exposed" or "received" or "receiving" or "treating" or "responding" or "responded" or "eligible");

    /// <summary>
    /// Whether the word at <paramref name="index"/> is a "than" that compares a quantity ("more
    /// than 80 Gy using SBRT boost"), not a therapy ("rather than SBRT"): a number follows it.
    /// </summary>
    private static bool QuantityThan(TermText words, int index) =>
        words.Words[index].Word == "than" && index + 1 < words.Words.Count && char.IsDigit(words.Words[index + 1].Word[0]);

    /// <summary>
    /// Whether the word at <paramref name="index"/> is a "post" that times the therapy after an
    /// operation or a transplant ("Post-Operative Adjuvant Concurrent Chemoradiotherapy",
    /// "post-mastectomy radiotherapy", "Post-Transplant Maintenance Nivolumab"), not after an
    /// earlier therapy: the word after it is an operation's.
    /// </summary>
    private static bool PostOperative(TermText words, int index) =>
        words.Words[index].Word == "post" && index + 1 < words.Words.Count
        && words.Words[index + 1].Word is var next
        && (next is "operative" or "operatively" or "op" or "surgical" or "surgery" or "operation" or "resection" or "transplant" or "transplantation"
            || next.EndsWith("ectomy", StringComparison.Ordinal))
        // Not in a list an earlier "after" or "following" governs ("Arm Lymphedema Following
        // Axillary Dissection and Post-Operative Regional Nodal Irradiation"): what came before;
        // "After surgical resection, patients receive post-operative IMRT" is no such list.
        && !(index >= 1 && words.Words[index - 1].Word is "and" or "or" && words.Words.Take(index).Any(w => SequenceWords.Contains(w.Word)));

    /// <summary>
    /// Whether the word at <paramref name="index"/> is the "without" of "with or without", "with
    /// and without", "with/without" or "with versus without" ("Systemic Therapy With or Without
    /// SABR"): one arm gives it.
    /// </summary>
    internal static bool WithOrWithout(TermText words, int index) =>
        words.Words[index].Word == "without" && index >= 1
        && (words.Words[index - 1].Word == "with"
            || (index >= 2 && words.Words[index - 1].Word is "or" or "and" or "versus" or "vs" && words.Words[index - 2].Word == "with"));

    /// <summary>
    /// "whose cancers have not progressed following definitive chemoradiotherapy", "relapsed after
    /// radiotherapy", "progressed on pembrolizumab": a therapy the disease progressed (or did not) after was given before the
    /// trial, even beside a therapy the trial gives. Only the therapy "after" governs, with at most
    /// modifiers between ("progressed after chemotherapy receive nivolumab": nivolumab is given).
    /// </summary>
    private static bool AfterProgression(TermText words, int position)
    {
        for (var i = Math.Max(1, position - 4); i < position; i++)
        {
            if ((SequenceWords.Contains(words.Words[i].Word) || words.Words[i].Word is "on" or "during")
                && (ProgressionWords.Contains(words.Words[i - 1].Word) || RecurredDisease(words, i - 1))
                && Enumerable.Range(i + 1, position - i - 1).All(j => PriorTherapyModifiers.Contains(words.Words[j].Word)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the word at <paramref name="index"/> is a cancer that a progression word a few
    /// words before says recurred or spread ("recurrent and metastatic nasopharyngeal carcinoma
    /// after IMRT"): what follows it was given before.
    /// </summary>
    private static bool RecurredDisease(TermText words, int index) =>
        DiseaseNouns.Contains(words.Words[index].Word)
        && Enumerable.Range(Math.Max(0, index - 5), Math.Min(5, index)).Any(j => ProgressionWords.Contains(words.Words[j].Word));

    private static readonly HashSet<string> DiseaseNouns = new(["cancer", "cancers", "carcinoma", "carcinomas", "tumor", "tumors", "tumour", "tumours", "disease"], StringComparer.Ordinal);

    /// <summary>
    /// Whether the therapy at word <paramref name="position"/> is in a clause that tells what
    /// patients have been through ("who progressed after", "who have oligoprogressed to both
    /// immunotherapy with an anti PD-1 agent (e.g., pembrolizumab or nivolumab)", "who had
    /// received radiotherapy"): their history, up to a comma outside brackets (not one between the
    /// therapy's own modifiers: "Definitive, Platinum-based, Concurrent Chemoradiation"), a semicolon or
    /// colon, or a verb that starts what the trial does ("will", "undergo", "get"). "Who have"
    /// counts only with a participle of treatment or progression ("who have brain metastases"
    /// says nothing of therapy). So does "previously treated with" or "pretreated with".
    /// </summary>
    private static bool InPatientsHistory(TermText words, int position)
    {
        for (var i = position - 1; i >= 1; i--)
        {
            var word = words.Words[i].Word;
            if (ClauseBreakers.Contains(word) || words.Between(i, i + 1).IndexOfAny(";:") >= 0
                || (words.Between(i, i + 1).Contains(',') && !InBrackets(words, i, position)
                    && !Enumerable.Range(i + 1, position - i - 1).All(j => PriorTherapyModifiers.Contains(words.Words[j].Word))))
            {
                return false;
            }

            if (words.Words[i - 1].Word == "who"
                && (HistoryVerbs.Contains(word) || (word is "have" or "has" && words.WordsFrom(i + 1, 1).Any(IsHistoryParticiple))))
            {
                return true;
            }

            // "Patients Previously Treated With Chemotherapy With or Without Radiotherapy",
            // "pretreated with" (or "Pre-treated With", cut into two words): what they had before,
            // whatever "with" joins after it.
            if (word == "with" && (words.Words[i - 1].Word == "pretreated"
                || (i >= 2 && words.Words[i - 1].Word == "treated" && words.Words[i - 2].Word is "previously" or "heavily" or "already" or "pre")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the comma after word <paramref name="from"/> is inside brackets that are still open at word <paramref name="position"/> ("(e.g., pembrolizumab").</summary>
    private static bool InBrackets(TermText words, int from, int position) =>
        BracketDepth(words.Original.AsSpan(0, words.Words[from].End + 1)) > 0 && BracketDepth(words.Original.AsSpan(0, words.Words[position].Start)) > 0;

    private static int BracketDepth(ReadOnlySpan<char> text) => text.Count('(') - text.Count(')');

    private static bool IsHistoryParticiple(string word) => HistoryVerbs.Contains(word) || word.EndsWith("progressed", StringComparison.Ordinal)
        || word is "been" or "undergone" or "previously" or "not";

    /// <summary>What a "who" clause says patients went through ("who progressed after", "who had").</summary>
    private static readonly HashSet<string> HistoryVerbs = new(
        ["had", "progressed", "relapsed", "recurred", "failed", "received", "underwent", "completed"], StringComparer.Ordinal);

    /// <summary>Words that end a "who" clause and start what the trial does.</summary>
    private static readonly HashSet<string> ClauseBreakers = new(
        ["will", "shall", "are", "is", "receive", "receives", "randomized", "randomised", "assigned", "undergo", "undergoes", "get", "gets",
         "continue", "continues", "start", "starts", "begin", "begins", "then"],
        StringComparer.Ordinal);

    internal static readonly HashSet<string> PriorTherapyModifiers = new(
        ["definitive", "concurrent", "sequential", "prior", "previous", "initial", "radical", "curative", "standard", "the", "a", "an", "their",
         "platinum", "based", "first", "line", "primary", "local", "thoracic", "pelvic", "adjuvant", "neoadjuvant", "induction"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> ProgressionWords = new(
        ["progressed", "progressing", "progression", "progressive", "relapsed", "relapse", "relapsing", "recurred", "recurrence", "recurrent"],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether the drug named at word <paramref name="position"/> is labelled with a PET or SPECT
    /// isotope, or said to be radiolabelled, in the three words before it ("89Zr-DFO-atezolizumab",
    /// "zirconium-89 labelled nivolumab", "radiolabeled anti-PD-L1 antibody"): a tracer that
    /// images where the drug goes, not the drug given as treatment.
    /// </summary>
    internal static bool IsImagingTracer(TermText words, int position) =>
        words.WordsBefore(position, 3).Any(w => ImagingIsotopes.Contains(w));

    private static readonly HashSet<string> ImagingIsotopes = new(
        ["89zr", "zr89", "zirconium", "64cu", "cu64", "68ga", "ga68", "18f", "124i", "i124", "111in", "in111", "99mtc", "tc99m", "radiolabeled", "radiolabelled"],
        StringComparer.Ordinal);

    /// <summary>Whether the therapy named at word <paramref name="position"/> marks a point in time ("the first day of radiotherapy", "completion of SBRT").</summary>
    internal static bool MarksTime(TermText words, int position) =>
        (words.WordsBefore(position, 2).ToList() is [var previous, "of"] && TimeWords.Contains(previous))
        // "a diagnostic PET/CT scan before beginning radiotherapy", "prior to starting RT": when
        // something else happens, not what the trial gives. Only an assessment so timed: a
        // treatment before it ("SBRT ... completed 1 week before starting camrelizumab", "TPF
        // induction, then a 2-week rest before starting IMRT") is a sequence of what is given.
        || (words.WordsBefore(position, 2).ToList() is [var when, var begins] && when is "before" or "to" or "until"
            && begins is "beginning" or "starting" or "commencing" or "initiating"
            && (when != "to" || words.WordsBefore(position - 1, 2).FirstOrDefault() == "prior")
            && AssessmentBefore(words, position - (when == "to" ? 3 : 2)))
        // "starting in the 4th week of radiotherapy", "from the last week of radiation": one week
        // of it that starts or ends something, a point in time; not "6 weeks of radiotherapy", a
        // course, nor "cisplatin in the first and fourth week of radiotherapy", given during it.
        || (words.WordsBefore(position, 3).ToList() is [var which, "week", "of"] && OrdinalWord().IsMatch(which)
            && words.WordsBefore(position - 3, 3).Any(w => w is "starting" or "start" or "starts" or "started" or "from" or "beginning" or "until" or "till" or "through" or "throughout"))
        || OpensPeriodAround(words, position);

    /// <summary>
    /// Whether the therapy at <paramref name="position"/> opens a period that closes after it
    /// ("placebo from 7 days before radiotherapy to one month after the end of radiotherapy"):
    /// the time something else is taken around it, as a supportive trial gives it; not a course
    /// that starts before it ("chemotherapy from 2 weeks before radiotherapy", with no end after it).
    /// </summary>
    internal static bool OpensPeriodAround(TermText words, int position)
    {
        if (words.WordsBefore(position, 4).ToList() is not ["from", var amount, var unit, "before"]
            || !(char.IsDigit(amount[0]) || NumberWords.Contains(amount)) || !PeriodUnits.Contains(unit))
        {
            return false;
        }

        var closes = words.WordsFrom(position + 1, 4).ToList().FindIndex(w => w is "to" or "until" or "till" or "through");
        return closes >= 0 && words.WordsFrom(position + 2 + closes, 4).Contains("after");
    }

    private static readonly HashSet<string> NumberWords = new(["one", "two", "three", "four", "five", "six", "seven", "ten", "a"], StringComparer.Ordinal);

    private static readonly HashSet<string> PeriodUnits = new(["day", "days", "week", "weeks", "month", "months", "hour", "hours"], StringComparer.Ordinal);

    /// <summary>
    /// Whether the clause before word <paramref name="end"/> (back to a full stop, semicolon or
    /// colon) names an assessment: a scan, a sample, a test or a questionnaire.
    /// </summary>
    private static bool AssessmentBefore(TermText words, int end)
    {
        for (var i = end - 1; i >= 0; i--)
        {
            if (TimedAssessmentWords.Contains(words.Words[i].Word))
            {
                return true;
            }

            if (i > 0 && words.Between(i - 1, i).IndexOfAny('.', ';', ':') >= 0)
            {
                return false;
            }
        }

        return false;
    }

    private static readonly HashSet<string> TimedAssessmentWords = new(
        ["scan", "scans", "pet", "ct", "mri", "spect", "ultrasound", "imaging", "biopsy", "biopsies", "sample", "samples", "sampling", "blood",
         "test", "tests", "testing", "questionnaire", "questionnaires", "assessment", "assessments", "measurement", "measurements", "evaluation"],
        StringComparer.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|last|final|\d+(?:st|nd|rd|th))$")]
    private static partial System.Text.RegularExpressions.Regex OrdinalWord();

    /// <summary>
    /// Whether the words after a therapy's name make it something else: what it caused, what is
    /// measured of it ("radiation monitoring", "-induced"), a product for its effects or protection
    /// from it ("Radiation Care Gel", "radiation board"), who gives it or where ("radiation
    /// doctors"), or its absence ("Radiation-Free Management", <see cref="HyphenFree"/>).
    /// </summary>
    internal static bool NamedAsSomethingElse(TermText words, int end) =>
        words.WordsFrom(end, 2).Any(NotGivenAfter.Contains) || HyphenFree(words, end) || Analogue(words, end);

    /// <summary>
    /// Whether "analog" or "analogue" follows the drug ending before word <paramref name="end"/>
    /// ("5-FU Analog based chemotherapy"): a drug like it, not the drug itself.
    /// </summary>
    internal static bool Analogue(TermText words, int end) =>
        words.WordsFrom(end, 1).Any(w => w is "analog" or "analogs" or "analogue" or "analogues");

    /// <summary>
    /// Whether "-free" is joined to the therapy ending before word <paramref name="end"/>
    /// ("Radiation-Free", "RT-free"): its absence; not "SBRT free-breathing", "nivolumab free of
    /// charge" (spaced) or "Radiotherapy-Free Breathing".
    /// </summary>
    private static bool HyphenFree(TermText words, int end) =>
        end > 0 && end < words.Words.Count && words.Words[end].Word == "free"
        && words.Between(end - 1, end).SequenceEqual("-")
        && !words.WordsFrom(end + 1, 1).Any(w => w is "breathing" or "breath");

    private static readonly HashSet<string> TimeWords = new(["day", "completion", "end", "start", "beginning"], StringComparer.Ordinal);

    internal static readonly HashSet<string> SequenceWords = new(["after", "following", "post"], StringComparer.Ordinal);

    private static readonly HashSet<string> NotGivenBefore = new(
        ["prior", "previous", "previously", "pretreated", "history", "after", "following", "post", "without", "no", "not", "omission", "omitting",
         "unsuitable", "unfit", "ineligible", "eligible", "contraindication", "contraindications", "contraindicated", "refractory", "resistant",
         "failed", "failure", "intolerant", "unlike", "instead", "than", "receiving", "received", "scatter", "scattered", "stray", "occupational",
         "timeliness", "waiting", "financial"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> NotGivenAfter = new(
        ["induced", "related", "associated", "dermatitis", "mucositis", "necrosis", "pneumonitis", "colitis", "myocarditis", "hepatitis",
         "toxicity", "toxicities", "injury", "exposure", "expression", "biomarker", "assay", "oncology", "naive", "pcr", "refractory", "uptake", "scintigraphy",
         "resistant", "resistance", "failure", "planning", "dosimetry", "calibration", "monitoring", "monitor", "protection", "protective",
         "shield", "shielding", "proctitis", "proctopathy", "enteritis", "cystitis", "fibrosis", "recall", "field", "fields", "score", "scores", "scale",
         "gel", "cream", "ointment", "lotion", "spray", "dressing", "dressings", "mouthwash", "balm", "emulsion",
         "board", "boards", "drape", "drapes", "apron", "aprons", "badge", "badges",
         "doctor", "doctors", "oncologist", "oncologists", "physician", "physicians", "therapist", "therapists", "technologist", "technologists",
         "nurse", "nurses", "department", "departments", "imaging"],
        StringComparer.Ordinal);
}
