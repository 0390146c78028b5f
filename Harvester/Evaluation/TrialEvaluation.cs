using TrialEvidence.Data.Import;
using TrialEvidence.Data.Normalisation;

namespace TrialEvidence.Harvester.Evaluation;

/// <summary>
/// Compares what the normaliser says a whole trial gives (RT and its kinds, ICIs, their agents
/// and targets) with trials.csv, labels a reviewer made reading the whole record, on each half
/// of the labels' split (development: what the normaliser may be tuned on; evaluation: scored
/// to report only). Yes/no fields score the "yes" answers; list fields score (trial, value) pairs.
/// </summary>
public static class TrialEvaluation
{
    public const string LabelFile = "trials.csv";

    public const string Development = "development";

    public const string Evaluation = "evaluation";

    public static readonly string[] Fields = ["rt", "rt_modality", "ici", "agents", "targets", "setting", "institution"];

    /// <summary>What Table 1's institution cell names when the record names only a person: "person: name", as the labels write it.</summary>
    private const string PersonPrefix = "person: ";

    /// <summary>Scores per half, or none when <paramref name="labelsFolder"/> has no trials.csv.</summary>
    public static IReadOnlyList<TrialScore> Run(IEnumerable<RecordSource> records, string labelsFolder, StudyNormaliser normaliser)
    {
        ArgumentNullException.ThrowIfNull(normaliser);
        var path = Path.Combine(labelsFolder, LabelFile);
        if (!File.Exists(path))
        {
            return [];
        }

        var (labels, columns) = ReadLabels(path, normaliser.Vocabulary);
        var predictions = Predict(records, normaliser, labels.Keys.ToHashSet(StringComparer.Ordinal));
        return Score(labels, columns, predictions, "normalised");
    }

    /// <summary>
    /// How far a second annotator's trials.csv (in <paramref name="secondFolder"/>) agrees with the
    /// first's, the second scored as if it were the normaliser; none when either folder has no trials.csv.
    /// </summary>
    public static IReadOnlyList<TrialScore> Agreement(string firstFolder, string secondFolder, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var (first, second) = (Path.Combine(firstFolder, LabelFile), Path.Combine(secondFolder, LabelFile));
        if (!File.Exists(first) || !File.Exists(second))
        {
            return [];
        }

        var (labels, columns) = ReadLabels(first, vocabulary);
        var (others, otherColumns) = ReadLabels(second, vocabulary);
        columns.IntersectWith(otherColumns);
        return Score(labels, columns, others, "second");
    }

    /// <summary>Scores of <paramref name="predictions"/> against <paramref name="labels"/>, per half and per field the labels have a column for.</summary>
    private static List<TrialScore> Score(Dictionary<string, TrialValues> labels, HashSet<string> columns, Dictionary<string, TrialValues> predictions, string predictedBy)
    {
        var scores = new List<TrialScore>();
        foreach (var half in labels.Values.Select(l => l.Half).Distinct().Order(StringComparer.Ordinal))
        {
            var trials = labels.Values.Where(l => l.Half == half && predictions.ContainsKey(l.NctId)).ToList();
            // A label file without a field's column does not label it (the ICTRP labels have no setting or institution).
            foreach (var field in Fields.Where(f => columns.Contains(ColumnOf(f))))
            {
                int labelled = 0, predicted = 0, correct = 0, fromText = 0;
                var misses = new List<string>();
                foreach (var trial in trials)
                {
                    var expected = trial.Values[field];
                    var prediction = predictions[trial.NctId];
                    var actual = prediction.Values[field];
                    labelled += expected.Count;
                    predicted += actual.Count;
                    correct += expected.Intersect(actual, StringComparer.OrdinalIgnoreCase).Count();
                    fromText += actual.Count(v => prediction.FromFreeText.Contains((field, v)));
                    if (!expected.SetEquals(actual))
                    {
                        misses.Add($"{trial.NctId} {field}: labelled '{string.Join("; ", expected.Order())}', {predictedBy} '{string.Join("; ", actual.Order())}'");
                    }
                }

                scores.Add(new TrialScore(half, field, trials.Count, labelled, predicted, correct, fromText, misses));
            }
        }

        return scores;
    }

    private static Dictionary<string, TrialValues> Predict(IEnumerable<RecordSource> records, StudyNormaliser normaliser, HashSet<string> wanted)
    {
        var classOf = normaliser.Vocabulary.Agents.ToDictionary(a => a.Name, a => a.Class, StringComparer.Ordinal);
        var predictions = new Dictionary<string, TrialValues>(StringComparer.Ordinal);
        foreach (var (record, normalised) in EvaluationInputs.Normalised(records, normaliser))
        {
            if (wanted.Contains(record.NctId) && !predictions.ContainsKey(record.NctId))
            {
                var fromText = normalised.FreeText is { } text
                    ? Values([text], classOf).SelectMany(f => f.Value.Select(v => (f.Key, v))).ToHashSet()
                    : [];
                var values = Values([.. normalised.AllInterventionTerms], classOf);
                values["setting"] = (normalised.Summary.Settings ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
                values["institution"] = Institution(normalised, record.LeadSponsor);
                predictions[record.NctId] = new TrialValues(record.NctId, string.Empty, values, fromText);
            }
        }

        return predictions;
    }

    /// <summary>What <paramref name="interventions"/> give, field by field, as the labels write it.</summary>
    private static Dictionary<string, HashSet<string>> Values(IReadOnlyList<InterventionTerms> interventions, Dictionary<string, string> classOf)
    {
        var modalities = interventions.SelectMany(i => i.RtModalities).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["rt"] = Yes(modalities.Count > 0),
            ["rt_modality"] = modalities,
            ["ici"] = Yes(interventions.Any(i => i.GivesIci)),
            ["agents"] = interventions.SelectMany(i => i.Agents).Where(a => classOf.GetValueOrDefault(a) == Terms.Ici).ToHashSet(StringComparer.OrdinalIgnoreCase),
            ["targets"] = interventions.SelectMany(i => i.Targets).ToHashSet(StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>
    /// The institution Table 1 names, compared by its words alone (case and punctuation aside):
    /// the one a normalised source gives, or "person: name" where the cell says the sponsor is a
    /// person and the record names no institution.
    /// </summary>
    private static HashSet<string> Institution(NormalisedStudy normalised, string? sponsor)
    {
        var named = normalised.Sources.FirstOrDefault(s => s.Field == NormalisedField.Institution)?.Value;
        var value = named ?? (normalised.Summary.Institution is not null && sponsor is not null ? PersonPrefix + sponsor : null);
        return value is null ? new(StringComparer.Ordinal) : new([InstitutionKey(value)], StringComparer.Ordinal);
    }

    private static string InstitutionKey(string institution) =>
        institution.StartsWith(PersonPrefix, StringComparison.Ordinal) ? PersonPrefix + TermText.Key(institution[PersonPrefix.Length..]) : TermText.Key(institution);

    private static HashSet<string> Yes(bool yes) => yes ? new(["yes"], StringComparer.OrdinalIgnoreCase) : new(StringComparer.OrdinalIgnoreCase);

    private static string ColumnOf(string field) => field == "setting" ? "setting_tags" : field;

    private static (Dictionary<string, TrialValues> Labels, HashSet<string> Columns) ReadLabels(string path, Vocabulary vocabulary)
    {
        var labels = new Dictionary<string, TrialValues>(StringComparer.Ordinal);
        var columns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in EvaluationInputs.LabelRows(path))
        {
            columns.UnionWith(row.Keys);
            var nctId = row["nct_id"]!;
            var values = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
            {
                // A column the file lacks reads as empty; Score leaves such a field unscored.
                ["rt"] = Yes(row.GetValueOrDefault("rt") == "yes"),
                ["rt_modality"] = List(row.GetValueOrDefault("rt_modality")).Select(m => EvaluationInputs.ModalityName(m)).ToHashSet(StringComparer.OrdinalIgnoreCase),
                ["ici"] = Yes(row.GetValueOrDefault("ici") == "yes"),
                ["agents"] = List(row.GetValueOrDefault("agents")).Select(a => EvaluationInputs.AgentName(a, vocabulary)).ToHashSet(StringComparer.OrdinalIgnoreCase),
                ["targets"] = List(row.GetValueOrDefault("targets")),
                ["setting"] = List(row.GetValueOrDefault("setting_tags")),
                ["institution"] = string.IsNullOrWhiteSpace(row.GetValueOrDefault("institution")) ? new(StringComparer.Ordinal) : new([InstitutionKey(row["institution"]!.Trim())], StringComparer.Ordinal),
            };
            labels[nctId] = new TrialValues(nctId, row.GetValueOrDefault("half") ?? Development, values, []);
        }

        return (labels, columns);
    }

    private static HashSet<string> List(string? cell) =>
        (cell ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <param name="FromFreeText">(field, value) pairs derived from free text, not structured fields.</param>
    private sealed record TrialValues(string NctId, string Half, Dictionary<string, HashSet<string>> Values, HashSet<(string Field, string Value)> FromFreeText);
}

/// <summary>Precision and recall of one trial-level field on one half of the labels.</summary>
/// <param name="Trials">Labelled trials of the half found in the records.</param>
/// <param name="Labelled">Values the labels give (a "yes", or one list entry).</param>
/// <param name="Predicted">Values the normaliser gives.</param>
/// <param name="Correct">Values both give.</param>
/// <param name="FromFreeText">Predicted values derived from free text (title, summary, arms), counted apart.</param>
public sealed record TrialScore(string Half, string Field, int Trials, int Labelled, int Predicted, int Correct, int FromFreeText, IReadOnlyList<string> Misses)
{
    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;

    public double Recall => Labelled == 0 ? 1 : (double)Correct / Labelled;
}
