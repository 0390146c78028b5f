using System.CommandLine;
using System.Globalization;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Harvester.Evaluation;

namespace TrialEvidence.Harvester.Commands;

/// <summary><c>evaluate --labels FOLDER RECORDS...</c>: precision and recall of the normaliser against hand-made labels.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var labels = new Option<string>("--labels")
        {
            Description = "Folder with any of interventions.csv, primary_outcomes.csv and trials.csv",
            Required = true,
        }.OfFolderWithAny("interventions.csv", "primary_outcomes.csv", TrialEvaluation.LabelFile);
        var records = new Argument<string[]>("records") { Description = "Registry JSON files, folders or zips, or a WHO ICTRP XML export", Arity = ArgumentArity.OneOrMore }
            .RefusingUnknownOptions().OfExistingPaths();
        var all = new Option<bool>("--all-disagreements") { Description = "List every disagreement, not the first 40" };
        var second = new Option<string>("--second-labels")
        {
            Description = "Folder with a second annotator's labels of the same records: also print how far the two annotators agree",
        }.OfFolderWithAny("interventions.csv", "primary_outcomes.csv", TrialEvaluation.LabelFile);
        var command = new Command("evaluate", "Measure the normaliser against hand-made labels (precision and recall per field)") { labels, records, all, second };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var (folder, allMisses) = (parse.GetValue(labels)!, parse.GetValue(all));
            var report = NormalisationEvaluation.Run(RecordSource.Expand(parse.GetValue(records)!), folder, StudyNormaliser.Embedded);
            output.WriteLine($"Vocabulary {report.VocabularyVersion}");
            WriteItemScores(output, report, allMisses, "normalised", "no such item in the records");
            output.WriteLine($"RT dose statements: {report.DosesParsed} read, {report.DosesKeptRaw} kept raw (not guessed)");
            WriteTrialScores(output, TrialEvaluation.Run(RecordSource.Expand(parse.GetValue(records)!), folder, StudyNormaliser.Embedded), allMisses, "what the whole record gives");
            if (parse.GetValue(second) is { } secondFolder)
            {
                output.WriteLine();
                output.WriteLine($"Second annotator ({secondFolder}) against the labels: how far two people reading the same records agree");
                WriteItemScores(output, NormalisationEvaluation.Agreement(folder, secondFolder, StudyNormaliser.Embedded.Vocabulary), allMisses, "second", "labelled by the first annotator only");
                WriteTrialScores(output, TrialEvaluation.Agreement(folder, secondFolder, StudyNormaliser.Embedded.Vocabulary), allMisses, "the second annotator against the first");
            }

            return 0;
        });
        return command;
    }

    /// <summary>Per-intervention and per-outcome scores with their disagreements, the predicted side named <paramref name="predictedBy"/>.</summary>
    private static void WriteItemScores(TextWriter output, EvaluationReport report, bool allMisses, string predictedBy, string unmatched)
    {
        output.WriteLine($"{"field",-16}{"items",7}{"labelled",10}{"predicted",11}{"correct",9}{"precision",11}{"recall",8}{"accuracy",10}");
        foreach (var score in report.Scores)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{score.Field,-16}{score.Items,7}{score.Labelled,10}{score.Predicted,11}{score.Correct,9}{score.Precision,11:0.000}{score.Recall,8:0.000}{score.Accuracy,10:0.000}"));
        }

        output.WriteLine($"{report.Disagreements.Count} disagreement(s){(report.UnmatchedLabels.Count > 0 ? $", {report.UnmatchedLabels.Count} label(s) {unmatched}" : string.Empty)}");
        foreach (var miss in allMisses ? report.Disagreements : report.Disagreements.Take(40))
        {
            output.WriteLine($"  {miss.Describe("labelled", predictedBy)}");
        }

        foreach (var label in report.UnmatchedLabels)
        {
            output.WriteLine($"  {unmatched}: {label}");
        }
    }

    /// <summary>Trial-level scores (trials.csv), one block per half of the labels' split.</summary>
    private static void WriteTrialScores(TextWriter output, IReadOnlyList<TrialScore> scores, bool allMisses, string what)
    {
        foreach (var half in scores.GroupBy(s => s.Half))
        {
            output.WriteLine();
            output.WriteLine($"Trials, {half.Key} half ({half.First().Trials} trials): {what}");
            output.WriteLine($"{"field",-16}{"labelled",10}{"predicted",11}{"correct",9}{"precision",11}{"recall",8}{"from free text",16}");
            foreach (var score in half)
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{score.Field,-16}{score.Labelled,10}{score.Predicted,11}{score.Correct,9}{score.Precision,11:0.000}{score.Recall,8:0.000}{score.FromFreeText,16}"));
            }

            var misses = half.SelectMany(s => s.Misses).ToList();
            output.WriteLine($"{misses.Count} disagreement(s)");
            foreach (var miss in allMisses ? misses : misses.Take(40))
            {
                output.WriteLine($"  {miss}");
            }
        }
    }
}
