using System.Text.RegularExpressions;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// What a trial gives that its structured interventions do not say: RT named only in the title
/// or summary ("SBRT ... 40 Gy in 5 fractions"), an ICI only in the title ("RT + Anti-PD-1").
/// Read only when the interventions name no RT (or no ICI), never for an observational study (it
/// assigns nothing), and only from the trial's own description of itself:
/// its titles and its arms' labels and descriptions say what it gives; the brief summary only
/// tells the kind of RT they name; never the eligibility criteria. A sentence that names therapy as something other than the trial's (prior or failed
/// treatment, an exclusion, background, a contrast) is passed over: precision matters as much as
/// recall. The values are kept apart as <see cref="Ordinal"/> -1, so a reviewer sees they came
/// from free text.
/// </summary>
internal sealed partial class FreeTextEvidence(VocabularyMatchers vocabulary)
{
    /// <summary>The intervention ordinal under which values derived from free text are stored.</summary>
    public const int Ordinal = InterventionTerms.FreeTextOrdinal;

    private const string Summary = "descriptionModule.briefSummary";

    public InterventionTerms? Derive(StudyRecord record, IReadOnlyList<InterventionTerms> structured, List<TermSource> sources)
    {
        var needRt = !structured.Any(i => i.RtModality is not null);
        var needIci = !structured.Any(i => i.GivesIci);
        // An observational study assigns nothing; a record that does not say its type is read.
        if (string.Equals(record.StudyType, "OBSERVATIONAL", StringComparison.OrdinalIgnoreCase) || (!needRt && !needIci))
        {
            return null;
        }

        var modalities = new List<(string Field, TermMatch<string> Match)>();
        var summaryModalities = new List<(string Field, TermMatch<string> Match)>();
        var agents = new List<(string Field, TermMatch<AgentEntry> Match)>();
        var classes = new List<(string Field, TermMatch<string> Match)>();
        foreach (var (field, sentence) in OwnSentences(record))
        {
            var words = TermText.Of(sentence);
            if (field == Summary)
            {
                // A summary also describes who the patients are and what they already receive
                // ("during treatment with episcleral brachytherapy") and cites drugs as background;
                // it only tells the kind of RT that a title or an arm says the trial gives.
                summaryModalities.AddRange(needRt ? vocabulary.RtModalities.Matches(words).Select(m => (field, m)) : []);
                continue;
            }

            if (needRt)
            {
                modalities.AddRange(vocabulary.RtModalities.Matches(words).Select(m => (field, m)));
            }

            if (needIci)
            {
                agents.AddRange(vocabulary.Agents.Matches(words).Where(m => m.Value.Class == Terms.Ici).Select(m => (field, m)));
                classes.AddRange(vocabulary.IciClasses.Matches(words).Select(m => (field, m)));
            }
        }

        if (modalities.Count > 0)
        {
            modalities.AddRange(summaryModalities);
        }

        var modality = vocabulary.MostSpecificModality(modalities.Select(m => m.Match));
        var ici = agents.DistinctBy(a => a.Match.Value.Name).ToList();
        var iciClass = ici.Count == 0 ? classes.FirstOrDefault() : default;
        if (modality is null && ici.Count == 0 && iciClass.Match is null)
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

        if (iciClass.Match is { } cls)
        {
            sources.Add(new TermSource("study", 0, NormalisedField.Target, cls.Value, iciClass.Field, cls.Matched));
        }

        var givesIci = ici.Count > 0 || iciClass.Match is not null;
        return new InterventionTerms(
            Ordinal,
            [.. ici.Select(a => a.Match.Value.Name)],
            givesIci ? [Terms.Ici] : [],
            ici.Count > 0 ? [.. ici.SelectMany(a => a.Match.Value.Targets).Distinct()] : iciClass.Match is { } target ? [target.Value] : [],
            modality?.Value,
            [],
            ici.Any(a => a.Match.Value.Bispecific) ? [Terms.Bispecific] : []);
    }

    /// <summary>The sentences in which the trial describes what it gives, with their fields.</summary>
    private static IEnumerable<(string Field, string Sentence)> OwnSentences(StudyRecord record)
    {
        var texts = new List<(string Field, string? Text)>
        {
            ("identificationModule.briefTitle", record.BriefTitle),
            ("identificationModule.officialTitle", record.OfficialTitle),
            (Summary, record.BriefSummary),
        };
        foreach (var arm in record.ArmGroups)
        {
            texts.Add(($"armGroups[{arm.Ordinal}].label", arm.Label));
            texts.Add(($"armGroups[{arm.Ordinal}].description", arm.Description));
        }

        return texts
            .SelectMany(t => Sentences().Split(t.Text ?? string.Empty).Select(sentence => (t.Field, Sentence: sentence.Trim())))
            .Where(s => s.Sentence.Length > 0 && !NotTheTrialsOwn().IsMatch(s.Sentence));
    }

    [GeneratedRegex(@"(?<=[.;:!?])\s+|\n+")]
    private static partial Regex Sentences();

    /// <summary>
    /// Words that make a sentence about therapy other than the trial's: given before (prior,
    /// previous, history of, pretreated), failed (refractory, resistant, progressed on, failure
    /// of, intolerant), excluded (exclusion, ineligible, contraindicated, not eligible), or
    /// background and contrast (approved, unlike, instead of, rather than, compared with historical).
    /// </summary>
    [GeneratedRegex(
        @"\b(prior|previous(ly)?|history of|pre-?treated|refractory|resistan(t|ce)|progress(ed|ion) (on|after|following)|failed|failure of|intoleran(t|ce)|exclu(de|ded|sion)|ineligible|not eligible|contraindicat\w*|approved|unlike|instead of|rather than|historical)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex NotTheTrialsOwn();
}
