using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Data.Registry;
using TrialEvidence.Data.Studies;

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

    public static readonly string[] Fields = ["rt", "rt_modality", "ici", "agents", "targets"];

    /// <summary>
    /// The labels write RT kinds as ../shared/DOMAIN.md names them; the vocabulary has shorter
    /// names for the same kinds. This is a table of names, not of decisions: each pair is one modality.
    /// </summary>
    private static readonly Dictionary<string, string> ModalityNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["proton beam therapy"] = "Proton",
        ["carbon ion"] = "Carbon ion",
        ["SIRT/TARE"] = "SIRT",
        ["brachytherapy"] = "Brachytherapy",
        ["iodine-125 seed implantation"] = "I-125 seed",
        ["hypofractionated RT"] = "Hypofractionated RT",
    };

    /// <summary>Scores per half, or none when <paramref name="labelsFolder"/> has no trials.csv.</summary>
    public static IReadOnlyList<TrialScore> Run(IEnumerable<RecordSource> records, string labelsFolder, StudyNormaliser normaliser)
    {
        ArgumentNullException.ThrowIfNull(normaliser);
        var path = Path.Combine(labelsFolder, LabelFile);
        if (!File.Exists(path))
        {
            return [];
        }

        var labels = ReadLabels(path);
        var predictions = Predict(records, normaliser, labels.Keys.ToHashSet(StringComparer.Ordinal));
        var scores = new List<TrialScore>();
        foreach (var half in labels.Values.Select(l => l.Half).Distinct().Order(StringComparer.Ordinal))
        {
            var trials = labels.Values.Where(l => l.Half == half && predictions.ContainsKey(l.NctId)).ToList();
            foreach (var field in Fields)
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
                    correct += expected.Intersect(actual).Count();
                    fromText += actual.Count(v => prediction.FromFreeText.Contains((field, v)));
                    if (!expected.SetEquals(actual))
                    {
                        misses.Add($"{trial.NctId} {field}: labelled '{string.Join("; ", expected.Order())}', normalised '{string.Join("; ", actual.Order())}'");
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
        foreach (var source in records)
        {
            using var stream = source.Open();
            foreach (var json in new StudyJsonReader(stream, source.Name).ReadStudies())
            {
                var record = ParsedStudy.From(json).Record;
                if (!wanted.Contains(record.NctId) || predictions.ContainsKey(record.NctId))
                {
                    continue;
                }

                var normalised = normaliser.Normalise(record);
                var interventions = normalised.AllInterventionTerms.ToList();
                var modalities = interventions.Select(i => i.RtModality).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
                var values = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
                {
                    ["rt"] = Yes(modalities.Count > 0),
                    ["rt_modality"] = modalities,
                    ["ici"] = Yes(interventions.Any(i => i.GivesIci)),
                    ["agents"] = interventions.SelectMany(i => i.Agents).Where(a => classOf.GetValueOrDefault(a) == Terms.Ici).ToHashSet(StringComparer.OrdinalIgnoreCase),
                    ["targets"] = interventions.SelectMany(i => i.Targets).ToHashSet(StringComparer.OrdinalIgnoreCase),
                };
                var fromText = normalised.FreeText is not { } text ? [] : new HashSet<(string, string)>(
                    new[] { ("rt", text.RtModality is null ? null : "yes"), ("rt_modality", text.RtModality), ("ici", text.GivesIci ? "yes" : null) }
                        .Concat(text.Agents.Select(a => ("agents", (string?)a)))
                        .Concat(text.Targets.Select(t => ("targets", (string?)t)))
                        .Where(p => p.Item2 is not null)
                        .Select(p => (p.Item1, p.Item2!)));
                predictions[record.NctId] = new TrialValues(record.NctId, string.Empty, values, fromText);
            }
        }

        return predictions;
    }

    private static HashSet<string> Yes(bool yes) => yes ? new(["yes"], StringComparer.OrdinalIgnoreCase) : new(StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, TrialValues> ReadLabels(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = false });
        var labels = new Dictionary<string, TrialValues>(StringComparer.Ordinal);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var nctId = csv.GetField("nct_id")!;
            var values = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
            {
                ["rt"] = Yes(csv.GetField("rt") == "yes"),
                ["rt_modality"] = List(csv.GetField("rt_modality")).Select(m => ModalityNames.GetValueOrDefault(m, m)).ToHashSet(StringComparer.OrdinalIgnoreCase),
                ["ici"] = Yes(csv.GetField("ici") == "yes"),
                ["agents"] = List(csv.GetField("agents")),
                ["targets"] = List(csv.GetField("targets")),
            };
            labels[nctId] = new TrialValues(nctId, csv.GetField("half") ?? Development, values, []);
        }

        return labels;
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
