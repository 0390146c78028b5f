using System.Globalization;
using System.Text.RegularExpressions;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Harvester.Evaluation;

/// <summary>
/// Compares the normaliser with hand-made labels: interventions.csv (nct_id, name, agent,
/// agent_class, target, rt_modality, partner_class) and primary_outcomes.csv (nct_id, measure,
/// endpoint_class, landmark), keyed by the registry's own wording. Lists within a cell
/// ("nivolumab + ipilimumab") compare as sets; case and surrounding space do not count.
/// </summary>
public static partial class NormalisationEvaluation
{
    public static readonly string[] InterventionFields =
        [NormalisedField.Agent, NormalisedField.AgentClass, NormalisedField.Target, NormalisedField.RtModality, NormalisedField.PartnerClass];

    public static readonly string[] OutcomeFields = [NormalisedField.EndpointClass, "landmark"];

    public static EvaluationReport Run(IEnumerable<RecordSource> records, string labelsFolder, StudyNormaliser normaliser)
    {
        ArgumentNullException.ThrowIfNull(normaliser);
        var (interventions, outcomes, doses) = Predict(records, normaliser);
        var (scores, misses, unmatched) = Compare(labelsFolder, normaliser.Vocabulary, interventions, outcomes);
        return new EvaluationReport(normaliser.VocabularyVersion, scores, misses, unmatched, doses.Parsed, doses.Raw);
    }

    /// <summary>
    /// How far a second annotator's labels of the same records (<paramref name="secondFolder"/>)
    /// agree with the first's: the second scored as if it were the normaliser. Where two people
    /// reading the same record disagree, no normaliser can be measured more finely than they agree.
    /// Items only the first labelled are listed as <see cref="EvaluationReport.UnmatchedLabels"/>; a
    /// field only the first labels is not scored.
    /// </summary>
    public static EvaluationReport Agreement(string firstFolder, string secondFolder, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var (scores, misses, firstOnly) = Compare(
            firstFolder, vocabulary, InterventionLabels(secondFolder, vocabulary), ReadLabels(Path.Combine(secondFolder, OutcomeFile), "measure"));
        return new EvaluationReport(string.Empty, scores, misses, firstOnly, 0, 0);
    }

    private const string InterventionFile = "interventions.csv";

    private const string OutcomeFile = "primary_outcomes.csv";

    /// <summary>Scores of <paramref name="interventions"/> and <paramref name="outcomes"/> against the labels in <paramref name="labelsFolder"/>.</summary>
    private static (List<FieldScore> Scores, List<Disagreement> Misses, List<string> Unmatched) Compare(
        string labelsFolder,
        Vocabulary vocabulary,
        Dictionary<Key, Dictionary<string, string?>> interventions,
        Dictionary<Key, Dictionary<string, string?>> outcomes)
    {
        var misses = new List<Disagreement>();
        var interventionLabels = InterventionLabels(labelsFolder, vocabulary);
        var outcomeLabels = ReadLabels(Path.Combine(labelsFolder, OutcomeFile), "measure");
        var scores = Score(interventionLabels, interventions, InterventionFields, misses);
        scores.AddRange(Score(outcomeLabels, outcomes, OutcomeFields, misses));
        var unmatched = interventionLabels.Keys.Where(k => !interventions.ContainsKey(k))
            .Concat(outcomeLabels.Keys.Where(k => !outcomes.ContainsKey(k)))
            .Select(k => $"{k.NctId} / {k.Text}")
            .ToList();
        return (scores, misses, unmatched);
    }

    /// <summary>interventions.csv, each labelled agent by the vocabulary's name for it.</summary>
    private static Dictionary<Key, Dictionary<string, string?>> InterventionLabels(string labelsFolder, Vocabulary vocabulary)
    {
        var labels = ReadLabels(Path.Combine(labelsFolder, InterventionFile), "name");
        foreach (var label in labels.Values.Where(l => l.GetValueOrDefault(NormalisedField.Agent) is not null))
        {
            label[NormalisedField.Agent] = string.Join(Terms.ListSeparator, label[NormalisedField.Agent]!.Split(Terms.ListSeparator.Trim()).Select(a => EvaluationInputs.AgentName(a, vocabulary)));
        }

        return labels;
    }

    /// <summary>Normalised values of every intervention and primary outcome in the records, by (NCT id, wording).</summary>
    private static (Dictionary<Key, Dictionary<string, string?>> Interventions, Dictionary<Key, Dictionary<string, string?>> Outcomes, (int Parsed, int Raw) Doses) Predict(
        IEnumerable<RecordSource> records, StudyNormaliser normaliser)
    {
        var interventions = new Dictionary<Key, Dictionary<string, string?>>();
        var outcomes = new Dictionary<Key, Dictionary<string, string?>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int parsedDoses = 0, rawDoses = 0;
        foreach (var (record, normalised) in EvaluationInputs.Normalised(records, normaliser))
        {
            if (seen.Add(record.NctId))
            {
                parsedDoses += normalised.RtRegimens.Count(r => r.IsParsed);
                rawDoses += normalised.RtRegimens.Count(r => !r.IsParsed);
            }

            foreach (var (intervention, terms) in record.Interventions.Zip(normalised.Interventions))
            {
                interventions.TryAdd(new Key(record.NctId, intervention.Name ?? string.Empty), new Dictionary<string, string?>
                {
                    [NormalisedField.Agent] = Cell(terms.Agents),
                    [NormalisedField.AgentClass] = Cell(terms.AgentClasses),
                    [NormalisedField.Target] = Cell(terms.Targets),
                    [NormalisedField.RtModality] = Cell([.. terms.RtModalities]),
                    [NormalisedField.PartnerClass] = Cell(terms.PartnerClasses),
                });
            }

            foreach (var (outcome, terms) in record.Outcomes.Zip(normalised.Outcomes).Where(o => o.First.Kind == OutcomeKind.Primary))
            {
                outcomes.TryAdd(new Key(record.NctId, outcome.Measure ?? string.Empty), new Dictionary<string, string?>
                {
                    [NormalisedField.EndpointClass] = terms.EndpointClass == Terms.OtherEndpoint ? null : terms.EndpointClass,
                    ["landmark"] = terms.Landmark,
                });
            }
        }

        return (interventions, outcomes, (parsedDoses, rawDoses));
    }

    private static List<FieldScore> Score(
        Dictionary<Key, Dictionary<string, string?>> labels,
        Dictionary<Key, Dictionary<string, string?>> predictions,
        string[] fields,
        List<Disagreement> misses)
    {
        var scores = new List<FieldScore>();
        // A label file without a field's column does not label it (the ICTRP outcomes have no landmarks),
        // nor does a second annotator's file give it.
        foreach (var field in fields.Where(f => labels.Count > 0 && labels.Values.First().ContainsKey(f) && (predictions.Count == 0 || predictions.Values.First().ContainsKey(f))))
        {
            int labelled = 0, predicted = 0, correct = 0, agreements = 0, total = 0;
            foreach (var (key, label) in labels)
            {
                if (!predictions.TryGetValue(key, out var prediction))
                {
                    continue;
                }

                total++;
                var expected = Canonical(label[field]);
                var actual = Canonical(prediction.GetValueOrDefault(field));
                if (field == "landmark")
                {
                    (expected, actual) = (InMonths(expected), InMonths(actual));
                }

                labelled += expected is null ? 0 : 1;
                predicted += actual is null ? 0 : 1;
                if (expected == actual)
                {
                    agreements++;
                    correct += expected is null ? 0 : 1;
                }
                else
                {
                    misses.Add(new Disagreement(key.NctId, key.Text, field, label[field], prediction.GetValueOrDefault(field)));
                }
            }

            scores.Add(new FieldScore(field, total, labelled, predicted, correct, agreements));
        }

        return scores;
    }

    /// <summary>A list of values as the label files write one: joined with <see cref="Terms.ListSeparator"/>.</summary>
    private static string? Cell(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join(Terms.ListSeparator, values);

    /// <summary>A time point in months, as the normaliser states landmarks: a label's "4 years" or "one year" is "48 months" or "12 months".</summary>
    private static string? InMonths(string? landmark)
    {
        var years = landmark is null ? null : Years().Match(landmark);
        if (years is not { Success: true })
        {
            return landmark;
        }

        var count = years.Groups["n"].Value;
        var n = Array.IndexOf(NumberWords, count.ToLowerInvariant()) is var word and > 0 ? word : int.Parse(count, CultureInfo.InvariantCulture);
        return $"{n * 12} months";
    }

    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    [GeneratedRegex(@"^(?<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*(years?|yrs?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Years();

    /// <summary>Empty is "none"; "other" endpoints count as none; lists compare as sorted sets.</summary>
    private static string? Canonical(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Equals(Terms.OtherEndpoint, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return string.Join(Terms.ListSeparator, value.Split(Terms.ListSeparator.Trim()).Select(v => v.Trim().ToLowerInvariant()).Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal));
    }

    private static Dictionary<Key, Dictionary<string, string?>> ReadLabels(string path, string textColumn)
    {
        var labels = new Dictionary<Key, Dictionary<string, string?>>();
        if (!File.Exists(path))
        {
            // A label set may cover only interventions or only outcomes (records of another registry: outcomes and trial-level values).
            return labels;
        }

        foreach (var row in EvaluationInputs.LabelRows(path))
        {
            // Annotators write a list of values as "a + b" or "a;b"; both are one list.
            foreach (var field in InterventionFields.Concat(OutcomeFields).Where(f => row.GetValueOrDefault(f) is { } cell && cell.Contains(';')))
            {
                row[field] = string.Join(Terms.ListSeparator, row[field]!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }

            // Annotators write DOMAIN.md's names ("proton beam therapy", "conversion to resection"); compare the product's.
            if (row.GetValueOrDefault(NormalisedField.RtModality) is { } modality)
            {
                row[NormalisedField.RtModality] = EvaluationInputs.ModalityName(modality);
            }

            if (row.GetValueOrDefault(NormalisedField.EndpointClass) is { } endpoint)
            {
                row[NormalisedField.EndpointClass] = EvaluationInputs.EndpointName(endpoint);
            }

            labels.TryAdd(new Key(row["nct_id"]!, row[textColumn] ?? string.Empty), row);
        }

        return labels;
    }

    private sealed record Key(string NctId, string Text);
}

/// <summary>Precision and recall of one normalised field against the labels.</summary>
/// <param name="Items">Labelled items the normaliser also saw.</param>
/// <param name="Labelled">Items whose label has a value.</param>
/// <param name="Predicted">Items the normaliser gave a value.</param>
/// <param name="Correct">Items where both have the same value.</param>
/// <param name="Agreements">Items where both agree, including both empty.</param>
public sealed record FieldScore(string Field, int Items, int Labelled, int Predicted, int Correct, int Agreements)
{
    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;

    public double Recall => Labelled == 0 ? 1 : (double)Correct / Labelled;

    public double Accuracy => Items == 0 ? 1 : (double)Agreements / Items;
}

/// <summary>A label the normaliser does not reproduce.</summary>
public sealed record Disagreement(string NctId, string Item, string Field, string? Expected, string? Actual)
{
    public override string ToString() => Describe("labelled", "normalised");

    /// <summary>The disagreement with each side named (a second annotator's labels are not "normalised").</summary>
    public string Describe(string expectedBy, string actualBy) => $"{NctId} \"{Item}\" {Field}: {expectedBy} '{Expected}', {actualBy} '{Actual}'";
}

/// <param name="DosesParsed">RT dose statements read whole (first record of each NCT id).</param>
/// <param name="DosesKeptRaw">RT dose statements kept as raw text because they could not be read whole.</param>
public sealed record EvaluationReport(
    string VocabularyVersion,
    IReadOnlyList<FieldScore> Scores,
    IReadOnlyList<Disagreement> Disagreements,
    IReadOnlyList<string> UnmatchedLabels,
    int DosesParsed,
    int DosesKeptRaw);
