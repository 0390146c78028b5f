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
        var command = new Command("evaluate", "Measure the normaliser against hand-made labels (precision and recall per field)") { labels, records, all };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var report = NormalisationEvaluation.Run(RecordSource.Expand(parse.GetValue(records)!), parse.GetValue(labels)!, StudyNormaliser.Embedded);
            output.WriteLine($"Vocabulary {report.VocabularyVersion}");
            output.WriteLine($"{"field",-16}{"items",7}{"labelled",10}{"predicted",11}{"correct",9}{"precision",11}{"recall",8}{"accuracy",10}");
            foreach (var score in report.Scores)
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{score.Field,-16}{score.Items,7}{score.Labelled,10}{score.Predicted,11}{score.Correct,9}{score.Precision,11:0.000}{score.Recall,8:0.000}{score.Accuracy,10:0.000}"));
            }

            output.WriteLine($"RT dose statements: {report.DosesParsed} read, {report.DosesKeptRaw} kept raw (not guessed)");
            output.WriteLine($"{report.Disagreements.Count} disagreement(s){(report.UnmatchedLabels.Count > 0 ? $", {report.UnmatchedLabels.Count} label(s) for items not in the records" : string.Empty)}");
            foreach (var miss in parse.GetValue(all) ? report.Disagreements : report.Disagreements.Take(40))
            {
                output.WriteLine($"  {miss}");
            }

            foreach (var label in report.UnmatchedLabels)
            {
                output.WriteLine($"  no such item in the records: {label}");
            }

            WriteTrialScores(output, TrialEvaluation.Run(RecordSource.Expand(parse.GetValue(records)!), parse.GetValue(labels)!, StudyNormaliser.Embedded), parse.GetValue(all));

            return 0;
        });
        return command;
    }

    /// <summary>Trial-level scores (trials.csv), one block per half of the labels' split.</summary>
    private static void WriteTrialScores(TextWriter output, IReadOnlyList<TrialScore> scores, bool allMisses)
    {
        foreach (var half in scores.GroupBy(s => s.Half))
        {
            output.WriteLine();
            output.WriteLine($"Trials, {half.Key} half ({half.First().Trials} trials): what the whole record gives");
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
