using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Normalisation;

/// <summary>The vocabulary compiled into matchers, once per vocabulary.</summary>
public sealed class VocabularyMatchers
{
    public VocabularyMatchers(Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        Vocabulary = vocabulary;
        var rules = vocabulary.Rules;
        var agentsByName = vocabulary.Agents.ToDictionary(a => a.Name, StringComparer.Ordinal);
        Agents = new(
            vocabulary.Agents.SelectMany(a => a.Synonyms.Append(a.Name).Select(term => (term, a)))
                .Concat(vocabulary.Coformulations.Concat(vocabulary.Regimens).SelectMany(c => c.Names.SelectMany(term => c.Agents.Select(agent => (term, agentsByName[agent]))))),
            nearSpellings: vocabulary.Agents.Select(a => (a.Name, a)),
            rules,
            otherNames: vocabulary.OtherGenericNames)
        {
            AcronymsMayBeRedefined = true,
        };
        IciClasses = new(vocabulary.IciClassTerms.SelectMany(c => c.Terms.SelectMany(WithPlural).Select(term => (term, c.Target))), rules: rules);
        IciTargets = [.. vocabulary.IciClassTerms.Where(c => c.Target != Terms.UnspecifiedIci).Select(c => (TermText.Key(c.Target), c.Target))];
        // The one-word names of RT and of a partner class are matched misspelt too ("Radiotherpay",
        // "chemotherpay"), as drugs' generic names are (NearSpelling: long words only).
        var partnerTerms = vocabulary.PartnerClassTerms.SelectMany(m => m.Terms.Select(term => (term, m.Name))).ToList();
        PartnerClasses = new(partnerTerms, nearSpellings: partnerTerms.Where(t => OneWord(t.term)), rules: rules, otherNames: NotPartnerMisspellings);
        var rtTerms = vocabulary.RtModalities.SelectMany(m => m.Terms.Concat(m.Courses ?? []).Select(term => (term, m.Name))).ToList();
        RtModalities = new(rtTerms, nearSpellings: rtTerms.Where(t => OneWord(t.term)), rules: rules, otherNames: NotRtMisspellings) { AcronymsMayBeRedefined = true };
        Locoregional = new(vocabulary.Locoregional.SelectMany(m => m.Terms.Select(term => (term, m.Name))), rules: rules);
        Endpoints = vocabulary.Endpoints.Select(e => (e.Class, new TermMatcher<string>(e.Terms.Select(t => (t, e.Class)), rules: rules))).ToList();
        OrganisationWords = new(vocabulary.OrganisationWords.Select(word => (word, word)));
        NeoplasmWords = new(vocabulary.UnknownIci.NeoplasmWords.Select(word => (word, word)));
        DiseaseSettings = new(vocabulary.DiseaseSettings.SelectMany(s =>
            s.Terms.Select(term => (term, (s, false))).Concat((s.NameTerms ?? []).Select(term => (term, (s, true))))));
        PersonWords = new(vocabulary.PersonWords.Select(word => (word, word)));
        BackgroundWords = new(vocabulary.BackgroundWords.Select(word => (word, word)));
        // "In-111" (indium) only as written: "in 111 patients" is no isotope.
        ImagingWords = new(vocabulary.ImagingWords.Select(word => (word, word)), rules: new TermRules([], rules.CaseSensitive));
        LightWords = new(vocabulary.LightWords.Select(word => (word, word)));
        SystemicTherapyWords = new(vocabulary.SystemicTherapyWords.Select(word => (word, word)));
        Complications = new(vocabulary.ComplicationTerms.Select(term => (term, term)));
        _modalityRank = vocabulary.RtModalities.Select((m, rank) => (m.Name, rank)).ToDictionary(m => m.Name, m => m.rank, StringComparer.Ordinal);
        _modalityFamily = vocabulary.RtModalities.ToDictionary(m => m.Name, m => m.Family, StringComparer.Ordinal);
        _modalityOfFamily = vocabulary.RtModalities.Where(m => m.Family is not null).GroupBy(m => m.Family!).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        _drugDelivering = vocabulary.Locoregional.Where(l => l.DeliversDrugs).Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        _rtCourses = vocabulary.RtModalities.SelectMany(m => m.Courses ?? []).Select(TermText.Key).ToHashSet(StringComparer.Ordinal);
        _regimenNames = vocabulary.Regimens.SelectMany(r => r.Names).Select(TermText.Key).ToHashSet(StringComparer.Ordinal);
    }

    private readonly HashSet<string> _regimenNames;

    /// <summary>Whether matched text is a regimen's name ("TPF", "FOLFOX"), not a drug's.</summary>
    public bool IsRegimenName(string matched) => _regimenNames.Contains(TermText.Key(matched));

    /// <summary>
    /// Real words within two edits of an RT term that are not it: hyperfractionation is the
    /// opposite of hypofractionation, and a radiosurgeon gives radiosurgery.
    /// </summary>
    private static readonly string[] NotRtMisspellings = ["hyperfractionation", "hyperfractionated", "radiosurgeon", "radiosurgeons"];

    /// <summary>Real words within two edits of a partner-class term that are not it: an antiandrogen is hormone therapy, not antiangiogenic.</summary>
    private static readonly string[] NotPartnerMisspellings = ["antiandrogenic", "antiandrogens"];

    /// <summary>Whether a term is one word ("radiotherapy", not "stereotactic body radiotherapy"): only such are matched misspelt.</summary>
    private static bool OneWord(string term) => TermText.Of(term).Words.Count == 1;

    private readonly Dictionary<string, int> _modalityRank;
    private readonly Dictionary<string, string?> _modalityFamily;
    private readonly HashSet<string> _rtCourses;
    private readonly HashSet<string> _drugDelivering;

    /// <summary>The most specific modality of each family (the first the vocabulary lists).</summary>
    private readonly Dictionary<string, string> _modalityOfFamily;

    private const string ExternalBeamFamily = "external beam";
    private const string ProtonFamily = "proton";
    private const string CarbonIonFamily = "carbon ion";

    public Vocabulary Vocabulary { get; }

    /// <summary>Whether a locoregional procedure delivers drugs (<see cref="NamedTerms.DeliversDrugs"/>).</summary>
    public bool DeliversDrugs(string locoregional) => _drugDelivering.Contains(locoregional);

    /// <summary>
    /// A class term and its plural ("PD-L1 monoclonal antibody", "... antibodies"; "PD-1 mAb",
    /// "... mAbs"): registrants write either. A term ending in a digit or an "s" has none.
    /// </summary>
    private static IEnumerable<string> WithPlural(string term)
    {
        yield return term;
        if (term.Length < 2 || !char.IsLetter(term[^1]) || term.EndsWith('s'))
        {
            yield break;
        }

        yield return term.EndsWith('y') && !"aeiou".Contains(term[^2], StringComparison.Ordinal) ? term[..^1] + "ies" : term + "s";
    }

    public TermMatcher<AgentEntry> Agents { get; }

    /// <summary>Class words ("PD-1 inhibitor") to the target they imply.</summary>
    public TermMatcher<string> IciClasses { get; }

    /// <summary>The classes that name a checkpoint, where any does; otherwise all ("ICI, unspecified" alone).</summary>
    public static List<T> NamedCheckpointsFirst<T>(List<T> classes, Func<T, string> target)
    {
        var named = classes.Where(c => target(c) != Terms.UnspecifiedIci).ToList();
        return named.Count > 0 ? named : classes;
    }

    /// <summary>
    /// The checkpoint classes a text names, reading "PD-(L)1" (PD-1 or PD-L1, as registrants
    /// write a class that takes both) as both targets.
    /// </summary>
    public List<TermMatch<string>> IciClassMatches(TermText text)
    {
        List<TermMatch<string>> classes = [.. IciClasses.Matches(text).Where(m => !IsCompanyCode(text, m)).SelectMany(m => m.Value == "PD-L1" && m.Matched.Contains("(L)", StringComparison.OrdinalIgnoreCase)
            ? [m, m with { Value = "PD-1" }]
            : new[] { m })];
        return MayJoinCheckpoint(text.Original) && JoinedCheckpoints(text, classes) is { Count: > 0 } joined ? [.. classes, .. joined] : classes;
    }

    /// <summary>
    /// A checkpoint written bare, as the drug that blocks it, joined to a therapy by "+", "plus" or
    /// "combined with" ("Apatinib Combined With PD-1", "SOX+PD-1", "PD-1 Plus Chemotherapy",
    /// "TACE+Lenvatinib+PD-1"): registrants, Chinese ones above all, name the antibody by its
    /// checkpoint. Not the checkpoint as a property or a marker ("PD-L1+ patients", "PD-L1
    /// positive", "PD-1 expressing cells", "PD-1 and CTLA-4 pathways"): the other side of the joiner
    /// must be a therapy the vocabulary knows, or a word for one.
    /// </summary>
    private List<TermMatch<string>> JoinedCheckpoints(TermText text, List<TermMatch<string>> classes)
    {
        var joined = new List<TermMatch<string>>();
        // The text's therapies, matched once and only where a bare checkpoint stands in it.
        var therapies = new Lazy<List<(int Start, int End)>>(() => TherapySpans(text));
        for (var i = 0; i < text.Words.Count; i++)
        {
            if (CheckpointSpelled(text, i, backward: false) is not var (target, count)
                || classes.Any(c => i < c.Position + c.Words && c.Position < i + count)
                || (i > 0 && text.Words[i - 1].Word == "anti")
                || !EndsAsDrug(text, i + count, therapies))
            {
                continue;
            }

            var end = i + count;
            // The therapy it is joined to must be given: "Progressing After Platinum-based
            // Chemotherapy Plus PD-1" names a regimen before the trial, the checkpoint with it.
            if ((JoinerBefore(text, i) is { } left && therapies.Value.Any(t => t.End == left && GivenInText.IsGiven(text, t.Start, t.End)))
                || (JoinerAfter(text, end) is { } right && therapies.Value.Any(t => t.Start == right && GivenInText.IsGiven(text, t.Start, t.End))))
            {
                joined.Add(new TermMatch<string>(target, text.Original[text.Words[i].Start..text.Words[end - 1].End], i, count));
            }

            i = end - 1;
        }

        return joined;
    }

    /// <summary>Whether a text may hold a bare checkpoint joined to a therapy: a cheap test before the words are spelled.</summary>
    private static bool MayJoinCheckpoint(string text) =>
        (text.Contains("PD", StringComparison.OrdinalIgnoreCase) || text.Contains("CTLA", StringComparison.OrdinalIgnoreCase))
        && (text.Contains('+') || text.Contains("plus", StringComparison.OrdinalIgnoreCase) || text.Contains("combined", StringComparison.OrdinalIgnoreCase));

    /// <summary>The word after the therapy a joiner before word <paramref name="position"/> joins it to ("SOX+", "Apatinib Combined With", "lenvatinib plus").</summary>
    private static int? JoinerBefore(TermText text, int position) =>
        position >= 1 && text.Between(position - 1, position).Trim() is "+" or "＋" ? position
        : position >= 2 && text.Words[position - 1].Word == "plus" ? position - 1
        : position >= 3 && text.Words[position - 2].Word == "combined" && text.Words[position - 1].Word == "with" ? position - 2
        : position >= 4 && text.WordsFrom(position - 3, 3).SequenceEqual(["in", "combination", "with"]) ? position - 3
        : null;

    /// <summary>The first word of the therapy a joiner after the checkpoint ending before word <paramref name="end"/> joins it to ("+CRT", "Plus Chemotherapy").</summary>
    private static int? JoinerAfter(TermText text, int end) =>
        end < text.Words.Count && text.Between(end - 1, end).Trim() is "+" or "＋" ? end
        : end + 1 < text.Words.Count && text.Words[end].Word == "plus" ? end + 1
        : end + 2 < text.Words.Count && text.Words[end].Word == "combined" && text.Words[end + 1].Word == "with" ? end + 2
        : end + 3 < text.Words.Count && text.WordsFrom(end, 3).SequenceEqual(["in", "combination", "with"]) ? end + 3
        : null;

    /// <summary>The spans of the therapies a text names: drugs, regimens, RT, partner classes, locoregional procedures and words for a treatment.</summary>
    private List<(int Start, int End)> TherapySpans(TermText text) =>
        [.. Agents.Matches(text).Select(m => (m.Position, m.Position + m.Words))
            .Concat(RtModalities.Matches(text).Select(m => (m.Position, m.Position + m.Words)))
            .Concat(PartnerClasses.Matches(text).Select(m => (m.Position, m.Position + m.Words)))
            .Concat(Locoregional.Matches(text).Select(m => (m.Position, m.Position + m.Words)))
            .Concat(text.Words.Select((w, i) => (w.Word, i)).Where(w => TreatmentWords.Contains(w.Word)).Select(w => (w.i, w.i + 1)))];

    private static readonly HashSet<string> TreatmentWords = new(
        ["therapy", "treatment", "chemotherapy", "chemoradiotherapy", "chemoradiation", "radiotherapy", "surgery", "resection", "ablation", "tablets", "capsules", "regimen"],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether a bare checkpoint ending before word <paramref name="end"/> ends as a drug's name
    /// does: at the end of the text, before a comma or bracket, a joiner to a therapy ("PD-1 +
    /// Radical Radiotherapy"), or a word that goes on to the trial's setting or treatment ("in",
    /// "for", "to", "treatment"). Not before what makes it a marker, a cell or another product
    /// ("PD-L1 Testing", "PD-1 Knockout T Cells", "PD-L1 CAR-T", "PD-L1-Guided", "CTLA4-Ig",
    /// "PD-L1+ Tumour Sampling", "PD-L1 positive", "PD-L1 as Prognostic Markers").
    /// </summary>
    private static bool EndsAsDrug(TermText text, int end, Lazy<List<(int Start, int End)>> therapies)
    {
        if (end >= text.Words.Count)
        {
            return true;
        }

        var between = text.Between(end - 1, end);
        var next = text.Words[end].Word;
        return between.IndexOfAny("+＋") >= 0 ? JoinerAfter(text, end) is { } right && therapies.Value.Any(t => t.Start == right)
            : between.IndexOfAny("/-") >= 0 ? false
            : between.IndexOfAny(",;()") >= 0 || DrugFollowers.Contains(next)
                // "and"/"or" go on to another therapy ("PD-1 and Lenvatinib"), not to a marker ("PD-L1 and CD8 Density").
                || (next is "and" or "or" && therapies.Value.Any(t => t.Start == end + 1));
    }

    /// <summary>Words that follow a drug's name and go on to its setting, schedule or what it is joined to.</summary>
    private static readonly HashSet<string> DrugFollowers = new(
        ["in", "for", "to", "versus", "vs", "plus", "combined", "followed", "then", "treatment", "therapy", "immunotherapy", "maintenance", "monotherapy"],
        StringComparer.Ordinal);

    /// <summary>Whether a kind of RT is radioembolisation (SIRT/TARE), given into the arteries of a tumour.</summary>
    public bool IsRadioembolisation(string modality) => _modalityFamily.GetValueOrDefault(modality) is RadioembolisationFamily;

    private const string RadioembolisationFamily = "radioembolisation";

    /// <summary>Whether a kind of RT is given from outside the body (EBRT, SBRT, hypofractionated, particles), not from a source placed in it or a drug.</summary>
    public bool IsExternal(string modality) =>
        modality == Terms.UnspecifiedRt || _modalityFamily.GetValueOrDefault(modality) is ExternalBeamFamily or ProtonFamily or CarbonIonFamily;

    /// <summary>
    /// Each ICI class term of a text with the checkpoints written with slashes beside it
    /// (<see cref="SlashedTargets"/>), the class term first ("PD-1/PD-L1 inhibitor": PD-L1's class
    /// term, then PD-1).
    /// </summary>
    public List<List<TermMatch<string>>> IciClassGroups(TermText text) =>
        [.. IciClassMatches(text).Select(m => SlashedTargets(text, m).Prepend(m).ToList())];

    /// <summary>
    /// The checkpoints written with slashes beside a class term: "anti-PD-1/PD-L1 antibodies" and
    /// "PD-1/PD-L1 inhibitor" name PD-1 and PD-L1, "PD-1/PD-L1/CTLA-4 inhibitors" all three.
    /// </summary>
    private IEnumerable<TermMatch<string>> SlashedTargets(TermText text, TermMatch<string> match)
    {
        for (var start = match.Position; start > 0 && Slash(text, start - 1, start) && CheckpointSpelled(text, start - 1, backward: true) is ({ } target, var words);)
        {
            start -= words;
            yield return new TermMatch<string>(target, text.Original[text.Words[start].Start..text.Words[start + words - 1].End], start, words);
        }

        for (var next = match.Position + match.Words; next < text.Words.Count && Slash(text, next - 1, next) && CheckpointSpelled(text, next, backward: false) is ({ } target, var words);)
        {
            yield return new TermMatch<string>(target, text.Original[text.Words[next].Start..text.Words[next + words - 1].End], next, words);
            next += words;
        }
    }

    /// <summary>Whether only a slash stands between word <paramref name="left"/> and word <paramref name="right"/>.</summary>
    private static bool Slash(TermText text, int left, int right) =>
        text.Between(left, right).Trim() is "/";

    /// <summary>
    /// An acronym run into a number is a development code, not a class word: "ICI 176,334" is
    /// bicalutamide under Imperial Chemical Industries' code, not an immune checkpoint inhibitor.
    /// </summary>
    private static bool IsCompanyCode(TermText text, TermMatch<string> match)
    {
        var next = match.Position + match.Words;
        if (!match.Matched.All(char.IsUpper) || next >= text.Words.Count)
        {
            return false;
        }

        // A code's number has three digits or more ("ICI 182780", "ICI 176,334"); "ICI 2 weeks
        // after SBRT" and "ICI (2 cycles)" are the class with a count.
        var number = text.Words[next].Word;
        return number.Length >= CodeDigits && number.All(char.IsAsciiDigit);
    }

    private const int CodeDigits = 3;

    /// <summary>The checkpoints by their match keys ("pdl1": PD-L1), for a checkpoint written alone after a slash.</summary>
    public IReadOnlyList<(string Key, string Target)> IciTargets { get; }

    /// <summary>
    /// The checkpoint whose name the words of <paramref name="text"/> spell from word
    /// <paramref name="position"/> on (or, <paramref name="backward"/>, up to it), and how many
    /// words it takes ("PD-L1": "pd", "l1").
    /// </summary>
    public (string Target, int Words)? CheckpointSpelled(TermText text, int position, bool backward)
    {
        foreach (var (key, target) in IciTargets)
        {
            var spelled = string.Empty;
            var words = 0;
            for (var i = position; i >= 0 && i < text.Words.Count && spelled.Length < key.Length; i += backward ? -1 : 1, words++)
            {
                spelled = backward ? text.Words[i].Word + spelled : spelled + text.Words[i].Word;
            }

            if (spelled == key)
            {
                return (target, words);
            }
        }

        return null;
    }

    /// <summary>Class words of partner therapies ("TKIs") to the class.</summary>
    public TermMatcher<string> PartnerClasses { get; }

    /// <summary>RT wordings to modality names; the specific modalities are listed before "RT, unspecified".</summary>
    public TermMatcher<string> RtModalities { get; }

    public TermMatcher<string> Locoregional { get; }

    /// <summary>One matcher per endpoint class, in the vocabulary's order of precedence.</summary>
    public IReadOnlyList<(string Class, TermMatcher<string> Matcher)> Endpoints { get; }

    public TermMatcher<string> OrganisationWords { get; }

    /// <summary>Settings by wording; <c>NameOnly</c> for wordings that count only where the trial names its disease.</summary>
    public TermMatcher<(DiseaseSettingEntry Setting, bool NameOnly)> DiseaseSettings { get; }

    public TermMatcher<string> PersonWords { get; }

    public TermMatcher<string> BackgroundWords { get; }

    /// <summary>Diagnostic imaging procedures (<see cref="Vocabulary.ImagingWords"/>).</summary>
    public TermMatcher<string> ImagingWords { get; }

    /// <summary>Light sources (<see cref="Vocabulary.LightWords"/>).</summary>
    public TermMatcher<string> LightWords { get; }

    public TermMatcher<string> SystemicTherapyWords { get; }

    /// <summary>Complications of a treatment (<see cref="Vocabulary.ComplicationTerms"/>).</summary>
    public TermMatcher<string> Complications { get; }

    /// <summary>Words that make a condition a neoplasm ("carcinoma", "NSCLC").</summary>
    public TermMatcher<string> NeoplasmWords { get; }

    /// <summary>Whether <paramref name="text"/> names a neoplasm (one of <see cref="NeoplasmWords"/>).</summary>
    public bool NamesNeoplasm(string? text) => NeoplasmWords.Matches(TermText.Of(text)).Count > 0;

    /// <summary>Whether a trial's conditions, or their MeSH terms, name a neoplasm.</summary>
    public bool IsNeoplasmTrial(StudyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Conditions.Any(NamesNeoplasm) || record.MeshTerms.Any(t => t.BrowseModule == "condition" && NamesNeoplasm(t.Term));
    }

    /// <summary>
    /// A trial whose conditions (or their MeSH terms) name a neoplasm or metastases; one that lists
    /// no conditions (a trimmed or partial record), whose titles or brief summary do.
    /// </summary>
    public bool IsNeoplasmTrialOrTitled(StudyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Conditions.Count > 0
            ? IsNeoplasmTrial(record) || record.Conditions.Any(NamesMetastases)
            : TitlesNameNeoplasm(record) || NamesNeoplasm(record.BriefSummary);
    }

    /// <summary>Whether <paramref name="condition"/> names metastases ("Leptomeningeal Metastasis", "Oligometastatic Disease"), of whatever primary: a neoplasm to the setting reader.</summary>
    private bool NamesMetastases(string condition) =>
        DiseaseSettings.Matches(TermText.Of(condition)).Any(m => m.Value.Setting.Name == Terms.MetastaticSetting);

    /// <summary>
    /// Whether a trial may be of a neoplasm, so that a response it measures may be a tumour's:
    /// its conditions or its titles name one, or it names neither (it does not say what it is of).
    /// </summary>
    public bool MayBeNeoplasmTrial(StudyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return IsNeoplasmTrial(record) || TitlesNameNeoplasm(record)
            || (record.Conditions.Count == 0 && string.IsNullOrWhiteSpace(record.BriefTitle) && string.IsNullOrWhiteSpace(record.OfficialTitle));
    }

    private bool TitlesNameNeoplasm(StudyRecord record) => NamesNeoplasm(record.BriefTitle) || NamesNeoplasm(record.OfficialTitle);

    private static readonly Lazy<VocabularyMatchers> EmbeddedMatchers = new(() => new VocabularyMatchers(Vocabulary.Embedded));

    public static VocabularyMatchers Embedded => EmbeddedMatchers.Value;

    /// <summary>Whether two kinds of RT are of one family other than external beam (brachytherapy and iodine-125 seeds).</summary>
    public bool SameFamily(string kind, string other) =>
        _modalityFamily[kind] is { } family and not ExternalBeamFamily && string.Equals(_modalityFamily[other], family, StringComparison.Ordinal);

    /// <summary>The most specific RT modality among the matches ("RT, unspecified" only when nothing more is said).</summary>
    public TermMatch<string>? MostSpecificModality(IEnumerable<TermMatch<string>> matches)
    {
        return matches.OrderBy(m => _modalityRank[m.Value]).ThenBy(m => m.Position).FirstOrDefault();
    }

    /// <summary>
    /// The RT a text names, read as kinds: "hypofractionated" before RT of no kind or a technique
    /// is hypofractionated RT (<see cref="HypofractionatedBefore"/>); "proton" before another RT
    /// word adds proton therapy ("Proton SBRT"); a photon technique that says how another kind it
    /// names is delivered ("SBRT delivered with VMAT", "SABR using IMRT") or that qualifies a
    /// particle beam ("Intensity-modulated proton therapy") is not a kind of its own. A technique
    /// "followed by", "preceded by" or "combined with" another kind is a course of its own.
    /// </summary>
    public List<TermMatch<string>> RtKindMatches(TermText text)
    {
        var matches = RtModalities.Matches(text).Select(m => StereotacticGuided(text, m) ?? HypofractionatedBefore(text, m) ?? m).ToList();
        matches.AddRange(matches.Select(m => ProtonBefore(text, m)).OfType<TermMatch<string>>().ToList());
        matches.AddRange(matches.Select(m => StereotacticParticle(text, m)).OfType<TermMatch<string>>().ToList());
        matches.AddRange(matches.Select(m => ElidedKind(text, m, matches)).OfType<TermMatch<string>>().ToList());
        var particle = matches.Any(m => _modalityFamily[m.Value] is ProtonFamily or CarbonIonFamily);
        if (matches.Any(IsScheduleOnly))
        {
            matches = ScheduleQualifies(text, matches);
        }

        return [.. matches.Where(m => !(m.Value == Terms.Ebrt && (DeliversAnother(text, m, matches) || QualifiesParticle(m, matches) || (particle && IsImageGuidance(m)) || GuidesKindBefore(text, m, matches)
                || AbbreviatesKind(text, m, matches) || AlternativeTechnique(text, m, matches) || GuidesAnother(text, m, matches) || QualifiesKindAfter(text, m, matches)
                || BeamOfAnother(text, m, matches)))
            && !AmongSources(text, m) && !RenamedMoreSpecifically(text, m, matches) && !CardiacCrt(text, m))];
    }

    /// <summary>
    /// "CRT" of the heart: a device ("CRT-D", "CRT-P") or written beside cardiac words ("Cardiac
    /// CT and CRT", "biventricular pacing (CRT)"): cardiac resynchronization therapy, not chemoradiotherapy.
    /// </summary>
    private static bool CardiacCrt(TermText text, TermMatch<string> match) =>
        match.Matched == "CRT"
        && ((match.Position + 1 < text.Words.Count && text.Words[match.Position + 1].Word is "d" or "p" && text.Between(match.Position, match.Position + 1).Trim() is "-")
            || text.Words.Any(w => CardiacWords.Contains(w.Word)));

    private static readonly HashSet<string> CardiacWords = new(
        ["cardiac", "heart", "pacing", "pacemaker", "biventricular", "resynchronization", "resynchronisation", "defibrillator", "lbbb"], StringComparer.Ordinal);

    /// <summary>
    /// SBRT beside a particle beam that "stereotactic" or "stereotactic body" qualifies
    /// ("Stereotactic Body Proton Therapy", "stereotactic carbon ion radiotherapy"): proton or
    /// carbon ion and SBRT, as "proton SBRT" is (labelling guide rule 3). Not "stereotactic body"
    /// of anything else ("Stereotactic body frame").
    /// </summary>
    private TermMatch<string>? StereotacticParticle(TermText text, TermMatch<string> match)
    {
        if (_modalityFamily.GetValueOrDefault(match.Value) is not (ProtonFamily or CarbonIonFamily))
        {
            return null;
        }

        return text.WordsBefore(match.Position, 2).ToList() switch
        {
            ["stereotactic", "body"] => new TermMatch<string>(Terms.Sbrt, "stereotactic body", match.Position - 2, 2),
            [.., "stereotactic"] => new TermMatch<string>(Terms.Sbrt, "stereotactic", match.Position - 1, 1),
            _ => null,
        };
    }

    /// <summary>
    /// Whether another kind renames this one, more specifically, across "also known as", "known
    /// as", "also called" or "aka" ("ultra-hypofractionated radiation therapy, also known as
    /// stereotactic body radiation therapy"): one RT by two names, the more specific its kind.
    /// </summary>
    private bool RenamedMoreSpecifically(TermText text, TermMatch<string> match, List<TermMatch<string>> matches) =>
        matches.Any(other => other.Value != match.Value && _modalityRank[other.Value] < _modalityRank[match.Value]
            && (other.Position > match.Position
                ? RenamingWords(text, match.Position + match.Words, other.Position)
                : RenamingWords(text, other.Position + other.Words, match.Position)));

    /// <summary>Whether the words from <paramref name="start"/> to <paramref name="end"/> say that what follows is another name of what precedes.</summary>
    private static bool RenamingWords(TermText text, int start, int end) =>
        end > start && text.WordsFrom(start, end - start).ToList() is ["also", "known", "as"] or ["known", "as"] or ["also", "called"] or ["aka"] or ["otherwise", "known", "as"];

    /// <summary>
    /// Whether photons named alone ("Photon", not "photon therapy") are the beam of another kind
    /// the text gives, not a course of EBRT: of the stereotactic RT beside them ("Proton or Photon
    /// SBRT", "SBRT with protons or photons"), low-energy photons of RT during surgery ("IORT with low-energy
    /// photons"), or, beside another kind, the photons its source emits or it is compared with
    /// ("an iridium-192 source emitting high energy photons", "proton therapy, which spares
    /// normal tissue compared with high energy photons"). Photons as a course ("Whole pelvis
    /// treated with high-energy photons (18 MV), 45 Gy in 25 fractions, followed by a
    /// brachytherapy boost", "a linear accelerator emitting 6 MV photons"), as the alternative to
    /// protons ("Proton/Photon RT", "high-energy photons or protons") and an intervention named
    /// "Photon" are EBRT.
    /// </summary>
    private static bool BeamOfAnother(TermText text, TermMatch<string> photons, List<TermMatch<string>> matches) =>
        TermText.Key(photons.Matched) is "photon" or "photons"
        && (matches.Any(m => m.Value == Terms.Sbrt && BeamOf(text, photons, m)) || text.WordsBefore(photons.Position, 2).ToList() is [.., "low", "energy"] or ["low", _]
            || (matches.Any(m => BeyondPhotonSchedule(m.Value)) && !matches.Any(m => BeyondPhotonSchedule(m.Value) && AlternativeBeams(text, m, photons))
                && Enumerable.Range(Math.Max(0, photons.Position - 4), Math.Min(4, photons.Position)).Any(i => text.Words[i].Word is "emitting" or "emits" or "emitted" or "compared" or "relative"
                    || (text.Words[i].Word == "than" && !text.WordsFrom(i + 1, 1).Any(w => char.IsDigit(w[0]))))));

    /// <summary>
    /// Whether photons are the beam of the stereotactic RT beside them: within four words of it,
    /// with no number or course word between ("Proton or Photon SBRT", "SBRT with protons or
    /// photons"; not "photons to the pelvic nodes (45 Gy in 25 fractions) followed by an SBRT boost").
    /// </summary>
    private static bool BeamOf(TermText text, TermMatch<string> photons, TermMatch<string> stereotactic) =>
        text.WordsBetween(photons, stereotactic) is { Count: <= 4 } between && !between.Any(w => char.IsDigit(w[0]) || w is "followed" or "then" or "boost" or "to");

    /// <summary>Whether two beams are named side by side as alternatives: "Proton/Photon", "photons or protons", "proton and photon", "Proton vs Photon".</summary>
    private static bool AlternativeBeams(TermText text, TermMatch<string> one, TermMatch<string> other) =>
        text.WordsBetween(one, other) is [] or ["or"] or ["and"] or ["vs"] or ["versus"];

    /// <summary>
    /// Whether a technique guides or carries another kind right after it ("MR-Linac Guided
    /// Stereotactic Body Radiotherapy", "Linac-based SRS"): the technique of that kind (guide rule 2).
    /// </summary>
    private static bool GuidesAnother(TermText text, TermMatch<string> technique, List<TermMatch<string>> matches)
    {
        var after = technique.Position + technique.Words;
        var words = text.WordsFrom(after, 1).ToList();
        var next = words is ["guided" or "based"] ? after + 1 : -1;
        return next > 0 && matches.Any(m => m.Position == next && BeyondPhotonSchedule(m.Value));
    }

    /// <summary>
    /// Whether a kind says more than photons of a technique or a schedule (SBRT, a particle,
    /// brachytherapy): the kind that a technique or schedule word describes how to deliver.
    /// </summary>
    internal static bool BeyondPhotonSchedule(string modality) =>
        modality is not (Terms.Ebrt or Terms.UnspecifiedRt or Terms.HypofractionatedRt);

    /// <summary>
    /// Whether a technique is the other of two that one schedule word qualifies ("Hypofractionated
    /// 3D-CRT or IMRT": hypofractionated RT by either technique, guide rule 2): joined by "or",
    /// "and" or a slash to a technique that "hypofractionated" made hypofractionated RT.
    /// </summary>
    private static bool AlternativeTechnique(TermText text, TermMatch<string> technique, List<TermMatch<string>> matches) =>
        StudyNormaliser.NamesTechnique(technique.Matched)
        && matches.Any(m => m.Value == Terms.HypofractionatedRt && m.Position + m.Words < technique.Position && StudyNormaliser.NamesTechnique(m.Matched)
            && text.WordsFrom(m.Position + m.Words, technique.Position - m.Position - m.Words).ToList() is [] or ["or"] or ["and"]);

    /// <summary>
    /// Whether a technique stands right before a stereotactic or hypofractionated RT as the words
    /// that qualify it, nothing between ("External Beam Hypofractionated Radiotherapy", "IMRT
    /// hypofractionated radiotherapy"): it delivers that kind (guide rule 2), as "Hypofractionated
    /// External Beam Radiotherapy" does. Not a hyphenated pair of courses or a boost ("Whole-pelvis
    /// IMRT-SBRT boost"), nor RT named by what it treats ("WBRT SRS boost").
    /// </summary>
    private static bool QualifiesKindAfter(TermText text, TermMatch<string> technique, List<TermMatch<string>> matches) =>
        StudyNormaliser.NamesDeliveryTechnique(technique.Matched) && !IsImageGuidance(technique)
        && matches.Any(m => m.Position == technique.Position + technique.Words && m.Value is Terms.HypofractionatedRt or Terms.Sbrt
            && text.Between(technique.Position + technique.Words - 1, m.Position).Trim() is ""
            // "IMRT SBRT boost": a boost is a course of its own after the technique's.
            && !text.WordsFrom(m.Position + m.Words, 1).Any(w => w is "boost" or "boosts"));

    /// <summary>
    /// Whether an EBRT term in brackets abbreviates the phrase of another kind right before it
    /// ("Hypofractionated Image guided External Beam Radiation Therapy (EBRT)"): the phrase's kind
    /// is the one it gives, as a technique's is (guide rule 2).
    /// </summary>
    private static bool AbbreviatesKind(TermText text, TermMatch<string> ebrt, List<TermMatch<string>> matches) =>
        ebrt.Position > 0 && text.Between(ebrt.Position - 1, ebrt.Position).Trim() is "("
        && matches.Any(m => m.Position + m.Words == ebrt.Position && m.Value is not (Terms.Ebrt or Terms.UnspecifiedRt));

    /// <summary>
    /// Whether a kind (not RT itself, the list's subject) stands in a list of what radiation may
    /// use, not what the text gives: "or other sources" or "or other types of radiation" after it, or a source beside it across a
    /// comma, "or" or "and" in a list that names gamma rays or neutrons ("Radiation therapy uses
    /// high energy x-rays, gamma rays, neutrons, protons or other sources"), or particles and seeds
    /// ("Radiation therapy uses high energy x-rays, particles, or radioactive seeds"). A kind with the rays
    /// it uses ("SBRT with 6MV X-rays", "Using 6-MV X-rays, IMRT", "unlike x-rays, protons") is
    /// what the text gives.
    /// </summary>
    private static bool AmongSources(TermText text, TermMatch<string> match)
    {
        if (match.Value == Terms.UnspecifiedRt)
        {
            return false;
        }

        var end = match.Position + match.Words;
        if (text.WordsFrom(end, 3).ToList() is ["or" or "and", "other", "sources"]
            || text.WordsFrom(end, 5).ToList() is ["or" or "and", "other", "types" or "kinds" or "forms", "of", "radiation" or "energy"])
        {
            return true;
        }

        var window = text.WordsBefore(match.Position, SourceListWords).Concat(text.WordsFrom(end, SourceListWords)).ToList();
        if (!window.Contains("neutrons") && !window.Contains("gamma") && !(window.Contains("particles") && window.Contains("seeds")))
        {
            return false;
        }

        var before = match.Position - 1;
        var joinedBefore = before >= 0 && text.Words[before].Word is "or" or "and";
        before -= joinedBefore ? 1 : 0;
        var after = end;
        var joinedAfter = after < text.Words.Count && text.Words[after].Word is "or" or "and";
        after += joinedAfter ? 1 : 0;
        return (before >= 0 && SourceWords.Contains(text.Words[before].Word) && (joinedBefore || text.Between(before, match.Position).Contains(',')))
            || (after < text.Words.Count && (SourceWords.Contains(text.Words[after].Word) || text.WordsFrom(after, 2).ToList() is ["gamma" or "x", "rays"])
                && (joinedAfter || text.Between(end - 1, end).IndexOfAny([',', '/']) >= 0));
    }

    /// <summary>How far around a kind a list of radiation sources is looked for.</summary>
    private const int SourceListWords = 6;

    /// <summary>The sources of radiation a list of what RT may use names beside its kinds ("x-rays, gamma rays, neutrons").</summary>
    private static readonly HashSet<string> SourceWords = new(["rays", "neutrons", "electrons", "particles", "photons"], StringComparer.Ordinal);

    /// <summary>A technique introduced by "using", "via", "with" or "by" (not "followed by", "combined with") after another kind.</summary>
    private static bool DeliversAnother(TermText text, TermMatch<string> technique, List<TermMatch<string>> matches)
    {
        // A frequency between says how often image guidance is used ("with daily IGRT"); a course
        // given daily beside another kind is a course of its own ("HDR brachytherapy with daily
        // external beam radiotherapy").
        var before = text.WordsBefore(technique.Position, 3).ToList();
        before = before is [.., "daily" or "weekly" or "online"] && IsImageGuidance(technique) ? before[..^1] : before.Count == 3 ? before[1..] : before;
        var introduced = before.Count > 0 && (before[^1] is "using" or "via"
            || (before[^1] is "with" or "by" && (before.Count < 2 || before[0] is not ("followed" or "preceded" or "combined" or "along" or "together" or "plus" or "then"))));
        return introduced && matches.Any(other => other.Position < technique.Position && other.Value is not (Terms.Ebrt or Terms.UnspecifiedRt));
    }

    /// <summary>Whether an external-beam match is image guidance ("IGRT", "image-guided radiotherapy"): how a beam is aimed, not a kind of its own beside a particle.</summary>
    private static bool IsImageGuidance(TermMatch<string> match) =>
        match.Value == Terms.Ebrt && (match.Matched.Contains("IGRT", StringComparison.OrdinalIgnoreCase) || match.Matched.Contains("image", StringComparison.OrdinalIgnoreCase)
            || match.Matched.Contains("SGRT", StringComparison.OrdinalIgnoreCase) || match.Matched.Contains("surface", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// What a schedule named with no RT word ("hypofractionated schedule") qualifies: the RT
    /// before it. Of SBRT or another kind beyond photons it adds nothing ("SBRT in a
    /// hypofractionated regimen"), nor where the text compares ("IMRT After Prostatectomy:
    /// Standard vs. Hypofractionated Schedules"); the external beam before it, back to a course
    /// that follows another ("followed by", "then"), is hypofractionated RT alone ("3D-CRT or IMRT
    /// in a hypofractionated schedule", guide rule 4), not an earlier course ("Whole-pelvis IMRT
    /// ... followed by a prostate boost in a hypofractionated schedule").
    /// </summary>
    private static List<TermMatch<string>> ScheduleQualifies(TermText text, List<TermMatch<string>> matches)
    {
        var compared = text.Words.Any(w => w.Word is "vs" or "versus" or "compared" or "comparing");
        var dropped = new HashSet<TermMatch<string>>();
        foreach (var schedule in matches.Where(IsScheduleOnly).ToList())
        {
            var before = matches.Where(m => m.Position + m.Words <= schedule.Position && !IsScheduleOnly(m)).OrderByDescending(m => m.Position).ToList();
            if (compared || (before.Count > 0 && BeyondPhotonSchedule(before[0].Value)))
            {
                dropped.Add(schedule);
                continue;
            }

            foreach (var ebrt in before.TakeWhile(m => m.Value is Terms.Ebrt or Terms.UnspecifiedRt).Where(m => m.Value == Terms.Ebrt))
            {
                if (text.WordsFrom(ebrt.Position + ebrt.Words, schedule.Position - ebrt.Position - ebrt.Words).Any(w => w is "followed" or "then"))
                {
                    break;
                }

                dropped.Add(ebrt);
            }
        }

        return [.. matches.Where(m => !dropped.Contains(m))];
    }

    /// <summary>
    /// Whether image or surface guidance follows a kind beyond photons it guides ("SBRT with IGRT",
    /// "SBRT with surface-guided radiotherapy (SGRT)"): not a course of its own, as one before it
    /// is ("Pelvic IGRT ... followed by image-guided adaptive brachytherapy").
    /// </summary>
    private static bool GuidesKindBefore(TermText text, TermMatch<string> guidance, List<TermMatch<string>> matches) =>
        IsImageGuidance(guidance) && matches.Any(m => BeyondPhotonSchedule(m.Value) && m.Position + m.Words <= guidance.Position
            && text.WordsFrom(m.Position + m.Words, guidance.Position - m.Position - m.Words).ToList() is ["with" or "using" or "under", .. var rest]
            && rest.All(w => w is "image" or "surface" or "guided" or "radiotherapy" or "radiation" or "therapy" or "igrt" or "sgrt"));

    /// <summary>A hypofractionated schedule named with no RT word ("hypofractionated regimen", "hypofractionated schedule").</summary>
    private static bool IsScheduleOnly(TermMatch<string> match) =>
        match.Value == Terms.HypofractionatedRt && TermText.Of(match.Matched).Words is [.., (var last, _, _)]
        && last is "regimen" or "regimens" or "schedule" or "schedules" or "scheme";

    /// <summary>A photon technique word right before a particle beam ("Intensity-modulated proton therapy").</summary>
    private bool QualifiesParticle(TermMatch<string> technique, List<TermMatch<string>> matches) =>
        matches.Any(m => m.Position == technique.Position + technique.Words && _modalityFamily[m.Value] is ProtonFamily or CarbonIonFamily);

    /// <summary>
    /// "Proton" just before another RT word ("Proton Stereotactic Body Radiation Therapy",
    /// "Proton SBRT"): proton therapy too, beside the kind it qualifies; so is "proton" as the
    /// first of two alternatives that share the second's words ("Proton or heavy ion radiation
    /// therapy", "proton or photon radiotherapy", "proton or photon SBRT"), or the first of two
    /// courses ("proton plus carbon-ion radiotherapy"). ("Carbon ion" is a term of its own.)
    /// </summary>
    private TermMatch<string>? ProtonBefore(TermText text, TermMatch<string> match)
    {
        var at = match.Position - 1;
        if (at >= 2 && match.Value != Terms.UnspecifiedRt && text.Words[at].Word is "photon" or "photons"
            && text.Words[at - 1].Word is "or" or "and" && IsProton(text.Words[at - 2].Word))
        {
            // "Proton or Photon SBRT": the photon alternative qualifies the kind both share. Before
            // words of no kind ("proton or photon RT") the photon is not skipped, and the rule
            // below reads "proton or" only where the photon words are a term of their own
            // ("photon radiotherapy").
            at--;
        }

        var alternative = at >= 1 && text.Words[at].Word is "or" or "and" or "plus" or "versus" or "vs" && IsProton(text.Words[at - 1].Word);
        if (alternative)
        {
            at--;
        }
        else if (_modalityFamily[match.Value] is ProtonFamily or CarbonIonFamily || at < 0 || !IsProton(text.Words[at].Word))
        {
            return null;
        }

        if (_modalityOfFamily.GetValueOrDefault(ProtonFamily) is not { } proton || _modalityFamily[match.Value] is ProtonFamily)
        {
            return null;
        }

        var word = text.Words[at];
        return new TermMatch<string>(proton, text.Original[word.Start..word.End], at);

        static bool IsProton(string word) => word is "proton" or "protons";
    }

    /// <summary>
    /// "Stereotactic" before RT of no kind with only the imaging that guides it between
    /// ("Stereotactic MRI-guided Radiation Therapy", "Stereotactic MR-guided adaptive radiotherapy",
    /// "stereotactic magnetic resonance imaging (MRI)-guided adaptive radiotherapy"),
    /// or right before hypofractionated RT ("Stereotactic hypofractionated RT"): stereotactic RT
    /// (SBRT, guide rule 8), as "stereotactic radiation therapy" is.
    /// </summary>
    private TermMatch<string>? StereotacticGuided(TermText text, TermMatch<string> match)
    {
        var hypofractionated = match.Value == Terms.HypofractionatedRt;
        if (!(match.Value == Terms.UnspecifiedRt || hypofractionated) || match.Position < (hypofractionated ? 1 : 2))
        {
            return null;
        }

        // Seven words: "stereotactic magnetic resonance imaging (MRI)-guided adaptive radiotherapy".
        for (var i = match.Position - 1; i >= Math.Max(0, match.Position - 7); i--)
        {
            // Not across the end of a sentence ("... on a stereotactic CT. Daily online adaptive
            // radiotherapy then delivers 78 Gy in 39 fractions").
            if (text.Between(i, i + 1).IndexOfAny(".;") >= 0)
            {
                return null;
            }

            var word = text.Words[i].Word;
            if (word is "stereotactic" or "stereotaxic")
            {
                // "Stereotactic hypofractionated RT 5x7Gy" is SBRT too (guide rule 8); not
                // "non-stereotactic hypofractionated radiotherapy".
                var end = match.Position + match.Words;
                return (i < match.Position - 1 || hypofractionated) && !(i > 0 && text.Words[i - 1].Word == "non") && _modalityFamily.ContainsKey(Terms.Sbrt)
                    ? new TermMatch<string>(Terms.Sbrt, text.Original[text.Words[i].Start..text.Words[end - 1].End], i, end - i)
                    : null;
            }

            if (word is not ("mri" or "mr" or "guided" or "image" or "ct" or "pet" or "adaptive" or "online" or "daily" or "based" or "linac" or "magnetic" or "resonance" or "imaging"))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Whether the word before <paramref name="at"/> negates it ("non-hypofractionated", "not hypofractionated", "without").</summary>
    private static bool NegatedAt(TermText text, int at) =>
        at > 0 && text.Words[at - 1].Word is "non" or "not" or "no" or "without";

    /// <summary>
    /// "Hypofractionated" (or "Stereotactic") compared with the schedule of the RT word after it
    /// ("Hypofractionated Versus Conventional Radiotherapy", "hypofractionated or conventionally
    /// fractionated RT", "Between Hypofractionated and Conventional Radiotherapy", "Stereotactic
    /// Versus Conventional Radiotherapy"): the RT word is the other arm's
    /// (<see cref="HypofractionatedBefore"/>), and the elided one before it is hypofractionated RT
    /// (or SBRT, guide rule 8), a kind of its own (guide rule 1). Not where the word is already a
    /// term ("Hypofractionation versus ...") or is negated ("non-hypofractionated"); "and" only
    /// where a schedule word follows it ("hypofractionated and conventional radiotherapy").
    /// </summary>
    private static TermMatch<string>? ElidedKind(TermText text, TermMatch<string> match, List<TermMatch<string>> matches)
    {
        if (match.Value is not (Terms.UnspecifiedRt or Terms.Ebrt))
        {
            return null;
        }

        for (var i = match.Position - 1; i >= Math.Max(1, match.Position - 3); i--)
        {
            var word = text.Words[i].Word;
            if (word is "or" or "versus" or "vs" || (word == "and" && i < match.Position - 1))
            {
                var at = i - 1;
                var elided = text.Words[at].Word switch
                {
                    "hypofractionated" or "hypofractionation" => Terms.HypofractionatedRt,
                    "stereotactic" => Terms.Sbrt,
                    _ => null,
                };
                return elided is not null && !NegatedAt(text, at)
                    && !matches.Any(m => m.Position <= at && at < m.Position + m.Words)
                    ? new TermMatch<string>(elided, text.Original[text.Words[at].Start..text.Words[at].End], at)
                    : null;
            }

            if (word is not ("conventional" or "conventionally" or "standard" or "fractionated" or "normofractionated" or "normo"))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// "Hypofractionated" a few words before RT of no kind or a photon technique
    /// ("Hypofractionated Postoperative Radiotherapy", "Hypofractionated Image-Guided Radiation
    /// Therapy"): hypofractionated RT, delivered by that technique. Before SBRT it says what SBRT
    /// is and changes nothing. "Ultrafractionated" (or "ultra-fractionated") is ultra-hypofractionated
    /// ("Ultrafractionated Radiation Treatment", 26 Gy in 5 fractions), as annotators of sets 61 and
    /// 70 read it.
    /// </summary>
    private static TermMatch<string>? HypofractionatedBefore(TermText text, TermMatch<string> match)
    {
        if (match.Value is not (Terms.UnspecifiedRt or Terms.Ebrt))
        {
            return null;
        }

        for (var i = match.Position - 1; i >= Math.Max(0, match.Position - 3); i--)
        {
            // "hypofractionated or conventional radiotherapy", "hypofractionated versus
            // conventionally fractionated RT": the RT word is the other arm's.
            if (text.Words[i].Word is "or" or "versus" or "vs" or "and" or "conventional" or "conventionally" or "standard")
            {
                return null;
            }

            if ((text.Words[i].Word is "hypofractionated" or "hypofractionation" or "hypo" or "ultrafractionated" or "ultrahypofractionated"
                    || (text.Words[i].Word is "fractionated" && i > 0 && text.Words[i - 1].Word == "ultra"))
                && !NegatedAt(text, i))
            {
                var end = match.Position + match.Words;
                return new TermMatch<string>(Terms.HypofractionatedRt, text.Original[text.Words[i].Start..text.Words[end - 1].End], i, end - i);
            }
        }

        return null;
    }

    /// <summary>
    /// Every kind of RT that <paramref name="matches"/> give, most specific first: each course
    /// ("pelvic IMRT followed by a CyberKnife boost": SBRT and EBRT) and each alternative ("IMRT or
    /// SBRT"); "RT, unspecified" only where they name no kind, or as a course of its own ("SBRT and
    /// low-dose RT"). Within one intervention a particle beam is its photon technique
    /// ("intensity-modulated proton therapy with IGRT": proton therapy), but not its fractionation
    /// ("proton SBRT": proton therapy and SBRT); across a trial "photon or proton" is two kinds. A
    /// technique that delivers another kind ("SBRT delivered with VMAT") is left out before this,
    /// by <see cref="RtKindMatches"/>. In a family other than external beam
    /// the most specific kind is the one ("iodine-125 seed brachytherapy": I-125 seed).
    /// </summary>
    public List<TermMatch<string>> RtKinds(IEnumerable<TermMatch<string>> matches)
    {
        var list = matches.ToList();
        // Each external-beam kind is a course or an alternative of its own; in another family the
        // most specific is the one ("iodine-125 seed brachytherapy" is I-125 seeds).
        var kinds = list.Where(m => m.Value != Terms.UnspecifiedRt)
            .GroupBy(m => _modalityFamily[m.Value] is { } family and not ExternalBeamFamily ? family : m.Value, StringComparer.Ordinal)
            .Select(kind => MostSpecificModality(kind)!)
            .OrderBy(m => _modalityRank[m.Value])
            .ToList();
        if (kinds.Count > 0)
        {
            // A low-dose or conventionally fractionated course is EBRT where the text names EBRT
            // ("low-dose radiotherapy with IMRT").
            if (kinds.All(m => m.Value != Terms.Ebrt)
                && list.FirstOrDefault(m => m.Value == Terms.UnspecifiedRt && _rtCourses.Contains(TermText.Key(m.Matched))) is { } course)
            {
                kinds.Add(course);
            }

            return kinds;
        }

        return MostSpecificModality(list) is { } other ? [other] : [];
    }
}
