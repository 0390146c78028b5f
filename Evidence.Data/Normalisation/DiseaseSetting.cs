using System.Text.RegularExpressions;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// The disease as a review's Table 1 states it: the setting of the patients a trial of a neoplasm
/// enrols (unresectable, metastatic, with vascular invasion, after prior systemic therapy,
/// adjuvant...) and the conditions, "Unresectable Hepatocellular Carcinoma with vascular
/// invasion". Settings come from the conditions, keywords, titles, descriptions (less their
/// background sentences: "approved for", "showed"; of the detailed description, only sentences
/// about the trial) and the inclusion criteria; never from the exclusion criteria, and not where the words before them
/// deny them ("no metastases", "without vascular invasion", "non-metastatic"). "Advanced" is
/// kept only when nothing more exact is said; a setting of prior therapy only when a systemic
/// therapy is named near it (progression after TACE is not after systemic therapy).
/// </summary>
internal sealed partial class DiseaseSetting(VocabularyMatchers vocabulary)
{
    private const int SystemicTherapyWindow = 10;

    /// <summary>The settings, in the vocabulary's order, and the cell; no cell for a trial of no neoplasm (its conditions are the disease).</summary>
    public (IReadOnlyList<string> Settings, string? Cell) Derive(StudyRecord record, List<TermSource> sources)
    {
        // Outside oncology the conditions are the disease, as the registry writes them.
        if (!vocabulary.IsNeoplasmTrialOrTitled(record))
        {
            return ([], null);
        }

        var diseases = Diseases(record);
        var found = new Dictionary<string, (string Field, string Matched)>(StringComparer.Ordinal);
        foreach (var (field, sentence) in Sentences(record))
        {
            var words = TermText.Of(sentence);
            var namesDisease = field.StartsWith("conditionsModule.", StringComparison.Ordinal) || RecordFields.IsTitle(field);
            if (field.StartsWith("descriptionModule.", StringComparison.Ordinal)
                && (vocabulary.BackgroundWords.Matches(words).Count > 0 || (field == RecordFields.DetailedDescription && !words.Words.Any(w => OwnWords.Contains(w.Word)))))
            {
                // "Sorafenib is approved for advanced HCC": what others found or use, not whom this
                // trial enrols. A detailed description is mostly such background ("for patients with
                // metastatic ESCC, pembrolizumab improved overall survival"): only its sentences
                // about the trial ("This trial will enrol...") count.
                continue;
            }

            var criterion = field == RecordFields.EligibilityCriteria;
            // A phase of treatment is not the trial's where a criterion says it was earlier
            // treatment or dates an assessment by it.
            foreach (var match in vocabulary.DiseaseSettings.Matches(words))
            {
                var setting = match.Value.Setting;
                if (!found.ContainsKey(setting.Name) && (namesDisease || !match.Value.NameOnly) && !IsDenied(words, match.Position, match.Words)
                    && (!setting.NeedsSystemicTherapy || NamesSystemicTherapy(words, match.Position))
                    && !(setting.PhaseOfTreatment && criterion && EarlierTreatment(words, match.Position))
                    && !(setting.Name == Terms.NeoadjuvantSetting && criterion && DatesAnAssessment(words, match.Position))
                    && !SaysOtherThanThePatients(setting.Name, words, match.Position, match.Words))
                {
                    found[setting.Name] = (field, match.Matched);
                }
            }
        }

        var settings = vocabulary.Vocabulary.DiseaseSettings
            .Where(s => found.ContainsKey(s.Name) && !(s.OnlyWithout ?? []).Any(found.ContainsKey))
            .ToList();
        foreach (var setting in settings)
        {
            var (field, matched) = found[setting.Name];
            sources.Add(new TermSource("study", 0, NormalisedField.DiseaseSetting, setting.Name, field, matched));
        }

        // A disease that is metastases says "metastatic" itself: "Colorectal Liver Metastases", not "Metastatic Colorectal Liver Metastases".
        return ([.. settings.Select(s => s.Name)], Cell([.. settings.Where(s => !(diseases.OfMetastases && s.Name == Terms.MetastaticSetting))], diseases.Diseases));
    }

    private const string Or = " or ";

    private const string NoCondition = "(no condition listed)";

    /// <summary>"Unresectable/metastatic Hepatocellular Carcinoma with vascular invasion (adjuvant)".</summary>
    private static string? Cell(List<DiseaseSettingEntry> settings, List<string> diseases)
    {
        var before = string.Join("/", settings.Where(s => s.Place == DiseaseSettingEntry.Before).Select(s => s.Cell ?? s.Name));
        var after = string.Join(", ", settings.Where(s => s.Place != DiseaseSettingEntry.Before).Select(s => s.Cell ?? s.Name));
        var disease = diseases.Count > 0 ? string.Join(Or, diseases) : NoCondition;
        var cell = string.Join(' ', new[] { before, disease, after }.Where(part => part.Length > 0));
        return cell == NoCondition ? null : char.ToUpperInvariant(cell[0]) + cell[1..];
    }

    /// <summary>
    /// The conditions without the setting words they carry ("Advanced HCC" is HCC), those that are
    /// only a setting left out; where some name a neoplasm, only those (registries also list
    /// "Immunotherapy" or "SBRT" as conditions); where none does, conditions of metastases whole,
    /// with <c>OfMetastases</c> set.
    /// </summary>
    private (List<string> Diseases, bool OfMetastases) Diseases(StudyRecord record)
    {
        var diseases = new List<string>();
        var metastases = new List<string>();
        foreach (var condition in record.Conditions)
        {
            var text = TermText.Of(condition);
            var matches = vocabulary.DiseaseSettings.Matches(text);
            var spans = matches
                .Select(m => (Start: text.Words[m.Position].Start, End: text.Words[m.Position].Start + m.Matched.Length))
                .ToList();
            var rest = condition;
            foreach (var (start, end) in spans.OrderByDescending(s => s.Start))
            {
                rest = rest[..start] + rest[end..];
            }

            rest = Spaces().Replace(rest, " ").Trim(' ', ',', ';', '-', '/', '(', ')');
            if (vocabulary.NamesNeoplasm(rest) || (spans.Count == 0 && rest.Length > 0))
            {
                diseases.Add(rest);
            }
            else if (rest.Length > 0 && matches.Any(m => m.Value.NameOnly))
            {
                metastases.Add(Spaces().Replace(condition, " ").Trim());
            }
        }

        // "Colorectal Liver Metastases", "Leptomeningeal Metastasis": where no condition names a
        // neoplasm of its own, the metastases are the disease, named whole (not "Colorectal
        // Liver"); beside "Breast Cancer", "Brain Metastases" is what makes it metastatic.
        var neoplasms = diseases.Where(vocabulary.NamesNeoplasm).ToList();
        return neoplasms.Count == 0 && metastases.Count > 0
            ? ([.. metastases.Distinct(StringComparer.OrdinalIgnoreCase)], true)
            : ([.. (neoplasms.Count > 0 ? neoplasms : diseases).Distinct(StringComparer.OrdinalIgnoreCase)], false);
    }

    /// <summary>
    /// Whether the words around the setting deny it: one of the three before ("no", "without",
    /// "non-", "free of"; five where "or" or "and" with no comma stands right before it), or
    /// "free" right after it ("metastasis-free survival" is an endpoint, not the patients).
    /// "Progression-free survival in metastatic HCC" is metastatic.
    /// </summary>
    private static bool IsDenied(TermText words, int position, int length)
    {
        // A denial reaches across "or" and "and" to the setting after them ("not including
        // neoadjuvant or adjuvant therapy"), not across a comma ("not resectable, or metastatic").
        var coordinated = position > 1 && words.Words[position - 1].Word is "or" or "and"
            && words.Between(position - 2, position - 1).IndexOfAny(',', ';') < 0;
        var before = words.WordsBefore(position, coordinated ? 5 : 3).ToList();
        var freeOf = before.Count >= 2 && before[^2] == "free" && before[^1] == "of";
        var freeAfter = position + length < words.Words.Count && words.Words[position + length].Word == "free";
        return before.Any(Denials.Contains) || freeOf || freeAfter;
    }

    /// <summary>
    /// Whether a phase of treatment at word <paramref name="position"/> of a criterion is the
    /// patient's earlier treatment: a word of earlier treatment up to ten words before it ("prior
    /// treatment with a platinum-containing chemotherapy in the adjuvant setting", "unless given in
    /// the neoadjuvant or adjuvant settings"), with no word of what the trial plans between
    /// ("received gastrectomy and are scheduled for adjuvant chemotherapy", "after radical
    /// surgery, and consented to postoperative adjuvant therapy" are the trial's).
    /// </summary>
    private static bool EarlierTreatment(TermText words, int position)
    {
        for (var i = position - 1; i >= Math.Max(0, position - 10); i--)
        {
            var word = words.Words[i].Word;
            if (PlannedWords.Contains(word))
            {
                return false;
            }

            if (PriorTherapyWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the words of a setting at <paramref name="position"/> do not give that setting: they
    /// say something other than whom the trial treats (<see cref="AdjuvantWordsOfNoPatients"/>,
    /// <see cref="NotDistantDisease"/>), or name downstaging of no planned operation. Downstaging
    /// is neoadjuvant where the eight words after it in its sentence name an operation
    /// ("Downstaging HCC for Hepatectomy", "Downstaging of Bladder Cancer Before Radical
    /// Cystectomy"); on its own, as conversion therapy, it treats disease not resectable yet.
    /// </summary>
    private bool SaysOtherThanThePatients(string setting, TermText words, int position, int length) => setting switch
    {
        Terms.AdjuvantSetting => AdjuvantWordsOfNoPatients(words, position, length),
        Terms.MetastaticSetting => NotDistantDisease(words, position, length),
        Terms.NeoadjuvantSetting => words.Words[position].Word is "downstaging" or "down" && !words.WordsFrom(position + length, 8).Any(SurgeryWords.Contains),
        _ => false,
    };

    private static readonly HashSet<string> SurgeryWords = new(
        ["surgery", "resection", "hepatectomy", "cystectomy", "esophagectomy", "oesophagectomy", "gastrectomy", "prostatectomy", "mastectomy", "lobectomy",
         "pancreatectomy", "pneumonectomy", "nephrectomy", "colectomy", "hysterectomy", "excision", "operation", "transplantation", "transplant", "tme"],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether metastatic words at <paramref name="position"/> say something other than that the
    /// trial's patients have distant disease: metastases to regional nodes only, a risk or an
    /// outcome, or their absence beyond the three words <see cref="IsDenied"/> reads.
    /// </summary>
    private static bool NotDistantDisease(TermText words, int position, int length) =>
        (words.Words[position].Word.StartsWith("metasta", StringComparison.Ordinal) && RegionalNodesOnly(words, position, length))
        || RiskOrOutcome(words, position, length)
        || DeniedEvidence(words, position);

    /// <summary>
    /// "SBRT to the primary tumour and metastatic lymph nodes", "Lymph Node Metastasis": nodes
    /// only; not "metastatic nodal and visceral disease", "metastatic lymph node or visceral
    /// lesion", "bone or lymph node metastases", nor "distant" or "non-regional" lymph node
    /// metastases.
    /// </summary>
    private static bool RegionalNodesOnly(TermText words, int position, int length)
    {
        // A list of sites that includes nodes is distant disease: "metastatic lymph node, liver or
        // bone lesions", "bone or lymph node metastases".
        var after = words.WordsFrom(position + length, 5).ToList();
        var before = words.WordsBefore(position, 4).ToList();
        var nodesAfter = after is [var first, ..] && NodeWords.Contains(first) && !after.Any(w => w is "and" or "or" or "visceral");
        var nodesBefore = before is [.., var last] && NodeWords.Contains(last)
            && !before.Any(w => w is "distant" or "non" or "extraregional" or "nonregional" or "and" or "or" or "visceral");
        return nodesAfter || nodesBefore;
    }

    private static readonly HashSet<string> NodeWords = new(["lymph", "node", "nodes", "nodal", "regional"], StringComparer.Ordinal);

    /// <summary>
    /// A risk or an outcome: "high risk for metastatic disease", "at risk of developing distant
    /// metastatic disease", "to prevent metastatic spread", "the occurrence of distant metastatic
    /// relapse", "to prevent brain metastases", "metastatic rates", "metastatic disease-free
    /// status"; not a risk group
    /// ("high-risk metastatic prostate cancer"), "to prevent SREs in metastatic prostate cancer" or
    /// "patients developing metastatic disease after surgery".
    /// </summary>
    private static bool RiskOrOutcome(TermText words, int position, int length)
    {
        var before = words.WordsBefore(position, 5).ToList();
        while (before is [.., "distant" or "developing" or "new" or "further" or "brain" or "bone" or "liver" or "lung" or "hepatic" or "pulmonary" or "cerebral"])
        {
            before.RemoveAt(before.Count - 1);
        }

        var risk = before is [.., "prevent" or "prevents" or "preventing"] or [.., "risk" or "prevention" or "development" or "occurrence" or "incidence", "of" or "for"];
        var end = position + length;
        var rate = end < words.Words.Count && words.Words[end].Word is "rate" or "rates";
        var diseaseFree = end + 1 < words.Words.Count && words.Words[end].Word == "disease" && words.Words[end + 1].Word == "free"
            && words.Between(end - 1, end).Trim().Length == 0 && words.Between(end, end + 1).Trim("- ").Length == 0;
        return risk || rate || diseaseFree;
    }

    /// <summary>"No evidence of extrahepatic metastatic disease", "no CT or MRI evidence of metastatic disease": a denial up to four words before "evidence", not one joined to it by "and" or "or".</summary>
    private static bool DeniedEvidence(TermText words, int position)
    {
        var before = words.WordsBefore(position, 4).ToList();
        var at = before.LastIndexOf("evidence");
        if (at < 0)
        {
            return false;
        }

        // The denial of this evidence, not of something joined before it ("no prior therapy and
        // evidence of metastatic disease"); "no CT or MRI evidence" denies it.
        var denial = words.WordsBefore(position - (before.Count - at), 4).ToList();
        return denial is not [.., "and" or "or"] && denial.Any(Denials.Contains);
    }

    /// <summary>
    /// Whether adjuvant words at <paramref name="position"/> say something other than whom the
    /// trial treats: an outcome measured after surgery ("postoperative complications",
    /// "post-operative follow-up"; not the recurrence an adjuvant trial prevents, "to prevent
    /// postoperative recurrence"), or a drug given with RT and continued after it ("concurrent and
    /// adjuvant temozolomide"; "continued as adjuvant treatment" in a sentence that names RT).
    /// "Postoperative pathology confirmed HCC" in a criterion is whom the trial treats, and a
    /// title's "Adjuvant Pembrolizumab After Radiation Therapy" is adjuvant, as the annotators
    /// read both.
    /// </summary>
    private bool AdjuvantWordsOfNoPatients(TermText words, int position, int length)
    {
        var next = position + length < words.Words.Count ? words.Words[position + length].Word : null;
        var before = words.WordsBefore(position, 3).ToList();
        // "Post-operative" is the two words "post" and "operative".
        return words.Words[position].Word switch
        {
            "postoperative" or "post" => next is not null && MeasuredAfterSurgery.Contains(next)
                && !(next is "recurrence" or "recurrences" && before.Any(PreventionWords.Contains)),
            "adjuvant" => before is [.., "concurrent" or "concomitant" or "concurrently" or "concomitantly", "and"]
                || (before is [.., "continued" or "continue", "as"] && vocabulary.RtKindMatches(words).Count > 0),
            _ => false,
        };
    }

    /// <summary>Words of an adjuvant trial's aim before the recurrence it prevents.</summary>
    private static readonly HashSet<string> PreventionWords = new(
        ["prevent", "prevents", "preventing", "prevention", "reduce", "reducing", "lower", "lowering", "decrease", "decreasing", "risk", "against"],
        StringComparer.Ordinal);

    /// <summary>What is measured or happens after an operation, not whom a trial treats: "postoperative complications".</summary>
    private static readonly HashSet<string> MeasuredAfterSurgery = new(
        ["complication", "complications", "recurrence", "recurrences", "outcome", "outcomes", "follow", "followup", "survival", "wound", "wounds", "pain",
         "morbidity", "mortality", "nausea", "infection", "infections", "recovery", "delirium", "bleeding", "stay", "hospital", "fistula", "leak",
         "leakage", "ileus"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> PriorTherapyWords = new(
        ["prior", "previous", "previously", "received", "receipt", "given", "completed", "history", "after"], StringComparer.Ordinal);

    /// <summary>
    /// Whether a criterion's "before surgery" at <paramref name="position"/> dates an assessment,
    /// not a treatment: a window of time right before it in a criterion whose subject, before it,
    /// is a test ("Child-Pugh A liver function assessed within 7 days prior to resection") and
    /// that names no giving of treatment; not a treatment's timing ("the
    /// first vaccination at least 2 weeks before surgery", "two doses of pembrolizumab within 6
    /// weeks before surgery").
    /// </summary>
    private static bool DatesAnAssessment(TermText words, int position) =>
        position > 1 && words.Words[position - 1].Word is "day" or "days" or "week" or "weeks" or "hour" or "hours" or "month" or "months"
        && words.WordsBefore(position - 1, 3).Contains("within")
        && words.Words.Take(position).Any(w => AssessmentWords.Contains(w.Word))
        && !words.Words.Any(w => DosingWords.Contains(w.Word));

    /// <summary>Words of giving a treatment, by which a criterion's window is the treatment's timing, not a test's (<see cref="DatesAnAssessment"/>).</summary>
    private static readonly HashSet<string> DosingWords = new(
        ["receive", "received", "receiving", "dose", "doses", "treatment", "treated", "start", "randomisation", "randomization", "administered", "given", "take",
         "taking", "cycle", "cycles", "fraction", "fractions", "mg", "daily", "weekly", "infusion", "therapy", "radiotherapy", "chemotherapy"],
        StringComparer.Ordinal);

    /// <summary>Words of a test or an assessment in a criterion ("assessed", "laboratory", "scan").</summary>
    private static readonly HashSet<string> AssessmentWords = new(
        ["assessed", "assessment", "function", "test", "tests", "laboratory", "scan", "scans", "obtained", "measured", "imaging", "evaluation", "evaluated"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> PlannedWords = new(
        ["scheduled", "planned", "planning", "candidate", "candidates", "eligible", "suitable", "will", "undergo", "undergoing", "receiving", "requiring",
         "consent", "consented", "consenting", "agree", "agreed", "agrees", "willing"],
        StringComparer.Ordinal);

    /// <summary>Words of a sentence about the trial itself: what it will do, aims at, whom it enrols.</summary>
    private static readonly HashSet<string> OwnWords = new(
        ["this", "we", "our", "will", "aim", "aims", "aimed", "designed", "enrol", "enroll", "enrols", "enrolls", "enrolled", "enrolling", "enrollment", "enrolment",
         "recruit", "recruits", "recruited", "recruiting", "eligible", "randomized", "randomised", "randomly", "investigate", "investigates", "evaluate",
         "evaluates", "explore", "explores", "assess", "assesses", "compare", "compares", "participants", "subjects", "receive", "receiving", "undergo",
         "present", "current"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> Denials = new(["no", "not", "non", "without", "absence", "absent", "excluding", "neither", "nor"], StringComparer.Ordinal);

    /// <summary>Whether a systemic therapy (a drug, a drug class, or words such as "systemic", "first-line") is named just after the setting's words.</summary>
    private bool NamesSystemicTherapy(TermText words, int position)
    {
        var window = TermText.Of(string.Join(' ', words.Words.Skip(position).Take(SystemicTherapyWindow).Select(w => w.Word)));
        return vocabulary.Agents.Matches(window).Count > 0
            || vocabulary.IciClassMatches(window).Count > 0
            || vocabulary.PartnerClasses.Matches(window).Any(m => m.Value != Terms.Locoregional)
            || vocabulary.SystemicTherapyWords.Matches(window).Count > 0;
    }

    /// <summary>The sentences that describe whom the trial enrols, with their fields: the inclusion criteria, not the exclusion criteria.</summary>
    private static IEnumerable<(string Field, string Sentence)> Sentences(StudyRecord record)
    {
        var texts = new List<(string Field, string? Text)>();
        texts.AddRange(record.Conditions.Select((c, i) => ($"conditionsModule.conditions[{i}]", (string?)c)));
        texts.AddRange(record.Keywords.Select((k, i) => ($"conditionsModule.keywords[{i}]", (string?)k)));
        texts.Add((RecordFields.BriefTitle, record.BriefTitle));
        texts.Add((RecordFields.OfficialTitle, record.OfficialTitle));
        texts.Add((RecordFields.BriefSummary, record.BriefSummary));
        texts.Add((RecordFields.DetailedDescription, record.DetailedDescription));
        texts.Add((RecordFields.EligibilityCriteria, Inclusion(record.EligibilityCriteria)));
        return TermText.Sentences(texts);
    }

    /// <summary>The criteria before "Exclusion Criteria".</summary>
    private static string? Inclusion(string? criteria)
    {
        if (criteria is null)
        {
            return null;
        }

        var exclusion = ExclusionHeading().Match(criteria);
        return exclusion.Success ? criteria[..exclusion.Index] : criteria;
    }

    [GeneratedRegex(@"exclusion\s+criteria", RegexOptions.IgnoreCase)]
    private static partial Regex ExclusionHeading();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
