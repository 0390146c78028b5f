using System.Globalization;
using System.Text.RegularExpressions;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Harvester.Evaluation;
using TrialEvidence.Harvester.Tests.Commands;

namespace TrialEvidence.Harvester.Tests.Evaluation;

/// <summary>
/// The normaliser against trial-level labels (Labels/trials.csv, made blind, split into a
/// development and an evaluation half before any tuning; see Labels/trials-NOTES.md).
/// </summary>
public sealed partial class TrialEvaluationTests
{
    private static readonly string Labels = Path.Combine(AppContext.BaseDirectory, "Evaluation", "Labels");

    private static readonly Lazy<IReadOnlyList<TrialScore>> Scores = new(() =>
        TrialEvaluation.Run(RecordSource.Expand([SharedData.CtGov]), Labels, StudyNormaliser.Embedded));

    [Fact]
    public void Every_labelled_trial_is_found_in_the_records_and_scored_in_one_half()
    {
        var labelled = File.ReadLines(Path.Combine(Labels, TrialEvaluation.LabelFile)).Count() - 1;
        var byHalf = Scores.Value.GroupBy(s => s.Half).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal([TrialEvaluation.Development, TrialEvaluation.Evaluation], byHalf.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(labelled, byHalf.Values.Sum(half => half[0].Trials));
        Assert.All(byHalf.Values, half => Assert.Equal(TrialEvaluation.Fields, half.Select(s => s.Field)));
        Assert.All(Scores.Value, s => Assert.InRange(s.Correct, 0, Math.Min(s.Labelled, s.Predicted)));
    }

    [Theory]
    [InlineData("rt")]
    [InlineData("rt_modality")]
    [InlineData("ici")]
    [InlineData("agents")]
    [InlineData("targets")]
    [InlineData("setting")]
    [InlineData("institution")]
    public void On_the_development_half_precision_and_recall_reach_0_98(string field)
    {
        var score = Scores.Value.Single(s => s.Half == TrialEvaluation.Development && s.Field == field);

        Assert.True(score.Labelled > 0, $"no development labels for {field}");
        Assert.True(score.Precision >= 0.98 && score.Recall >= 0.98, string.Create(
            CultureInfo.InvariantCulture, $"{field}: precision {score.Precision:0.000}, recall {score.Recall:0.000}\n{string.Join("\n", score.Misses)}"));
    }

    [Fact]
    public void Evaluate_prints_both_halves()
    {
        var run = CliRun.Invoke("evaluate", "--labels", Labels, SharedData.CtGov);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Trials, development half (35 trials)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Trials, evaluation half (34 trials)", run.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Records of another registry (WHO ICTRP, 289 trials in three sets labelled blind:
    /// Labels/ictrp*/NOTES.md): evaluate reads the XML export and scores outcomes and trials. Each
    /// set was scored once unseen (figures in its NOTES.md) and then tuned on, so each is now a
    /// development set whose endpoint classes must stay at 0.98.
    /// </summary>
    [Theory]
    [InlineData("ictrp", 263, 14, 100)]
    [InlineData("ictrp-2", 223, 24, 100)]
    [InlineData("ictrp-3", 215, 26, 89)]
    public void Evaluate_scores_records_of_another_registry_from_its_xml_export(string set, int outcomes, int classed, int trials)
    {
        var run = CliRun.Invoke(
            "evaluate", "--labels", Path.Combine(Labels, set), Path.Combine(SharedData.Folder, "registries", "ictrp", "ICTRP-Results_18Mar2020_part1.xml"));

        Assert.Equal(0, run.ExitCode);
        var endpoint = Assert.Single(EndpointLine().Matches(run.Output));
        Assert.Equal(outcomes, int.Parse(endpoint.Groups["outcomes"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(classed, int.Parse(endpoint.Groups["labelled"].Value, CultureInfo.InvariantCulture));
        Assert.True(
            double.Parse(endpoint.Groups["precision"].Value, CultureInfo.InvariantCulture) >= 0.98 && double.Parse(endpoint.Groups["recall"].Value, CultureInfo.InvariantCulture) >= 0.98,
            endpoint.Value);
        Assert.Contains($"Trials, unseen half ({trials} trials)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("setting", run.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Oncology records rebuilt from public registry pages (Evaluation/Reconstructed*), labelled blind, scored once unseen and then tuned on (NOTES.md beside
    /// each set's labels): whether a trial gives an ICI, which and with what target must stay at
    /// 0.98 now.
    /// </summary>
    [Theory]
    [InlineData("reconstructed", "Reconstructed", 39)]
    [InlineData("reconstructed-2", "Reconstructed-2", 40)]
    [InlineData("reconstructed-3", "Reconstructed-3", 40)]
    [InlineData("reconstructed-4", "Reconstructed-4", 40)]
    [InlineData("reconstructed-5", "Reconstructed-5", 39)]
    [InlineData("reconstructed-6", "Reconstructed-6", 40)]
    [InlineData("reconstructed-7", "Reconstructed-7", 40)]
    [InlineData("reconstructed-8", "Reconstructed-8", 40)]
    [InlineData("reconstructed-9", "Reconstructed-9", 40)]
    [InlineData("reconstructed-10", "Reconstructed-10", 40)]
    [InlineData("reconstructed-11", "Reconstructed-11", 20)]
    [InlineData("reconstructed-12", "Reconstructed-12", 28)]
    [InlineData("reconstructed-13", "Reconstructed-13", 18)]
    [InlineData("reconstructed-14", "Reconstructed-14", 15)]
    [InlineData("reconstructed-15", "Reconstructed-15", 20)]
    [InlineData("reconstructed-16", "Reconstructed-16", 18)]
    [InlineData("reconstructed-17", "Reconstructed-17", 20)]
    [InlineData("reconstructed-18", "Reconstructed-18", 16)]
    [InlineData("reconstructed-19", "Reconstructed-19", 20)]
    [InlineData("reconstructed-20", "Reconstructed-20", 20)]
    [InlineData("reconstructed-21", "Reconstructed-21", 29)]
    [InlineData("reconstructed-22", "Reconstructed-22", 26)]
    [InlineData("reconstructed-23", "Reconstructed-23", 30)]
    [InlineData("reconstructed-24", "Reconstructed-24", 29)]
    [InlineData("reconstructed-25", "Reconstructed-25", 29)]
    [InlineData("reconstructed-26", "Reconstructed-26", 27)]
    [InlineData("reconstructed-27", "Reconstructed-27", 24)]
    [InlineData("reconstructed-28", "Reconstructed-28", 25)]
    [InlineData("reconstructed-29", "Reconstructed-29", 26)]
    [InlineData("reconstructed-30", "Reconstructed-30", 15)]
    [InlineData("reconstructed-31", "Reconstructed-31", 15)]
    [InlineData("reconstructed-32", "Reconstructed-32", 18)]
    [InlineData("reconstructed-33", "Reconstructed-33", 19)]
    [InlineData("reconstructed-34", "Reconstructed-34", 22)]
    [InlineData("reconstructed-36", "Reconstructed-36", 25)]
    [InlineData("reconstructed-37", "Reconstructed-37", 25)]
    [InlineData("reconstructed-38", "Reconstructed-38", 25)]
    [InlineData("reconstructed-39", "Reconstructed-39", 30)]
    [InlineData("reconstructed-40", "Reconstructed-40", 26)]
    [InlineData("reconstructed-41", "Reconstructed-41", 25)]
    [InlineData("reconstructed-42", "Reconstructed-42", 27)]
    [InlineData("reconstructed-43", "Reconstructed-43", 27)]
    [InlineData("reconstructed-44", "Reconstructed-44", 26)]
    [InlineData("reconstructed-45", "Reconstructed-45", 28)]
    [InlineData("reconstructed-46", "Reconstructed-46", 18)]
    [InlineData("reconstructed-47", "Reconstructed-47", 25)]
    [InlineData("reconstructed-48", "Reconstructed-48", 4)]
    [InlineData("reconstructed-49", "Reconstructed-49", 26)]
    [InlineData("reconstructed-50", "Reconstructed-50", 28)]
    [InlineData("reconstructed-51", "Reconstructed-51", 29)]
    [InlineData("reconstructed-52", "Reconstructed-52", 22)]
    [InlineData("reconstructed-53", "Reconstructed-53", 16)]
    [InlineData("reconstructed-54", "Reconstructed-54", 25)]
    [InlineData("reconstructed-56", "Reconstructed-56", 17)]
    [InlineData("reconstructed-57", "Reconstructed-57", 32)]
    [InlineData("reconstructed-58", "Reconstructed-58", 30)]
    [InlineData("reconstructed-59", "Reconstructed-59", 29)]
    [InlineData("reconstructed-60", "Reconstructed-60", 21)]
    [InlineData("reconstructed-61", "Reconstructed-61", 31)]
    [InlineData("reconstructed-63", "Reconstructed-63", 26)]
    [InlineData("reconstructed-64", "Reconstructed-64", 30)]
    [InlineData("reconstructed-65", "Reconstructed-65", 21)]
    [InlineData("reconstructed-66", "Reconstructed-66", 26)]
    [InlineData("reconstructed-67", "Reconstructed-67", 27)]
    [InlineData("reconstructed-68", "Reconstructed-68", 32)]
    [InlineData("reconstructed-69", "Reconstructed-69", 26)]
    [InlineData("reconstructed-70", "Reconstructed-70", 21)]
    [InlineData("reconstructed-71", "Reconstructed-71", 38)]
    [InlineData("reconstructed-72", "Reconstructed-72", 13)]
    [InlineData("reconstructed-73", "Reconstructed-73", 17)]
    [InlineData("reconstructed-74", "Reconstructed-74", 24)]
    [InlineData("reconstructed-75", "Reconstructed-75", 21)]
    [InlineData("reconstructed-76", "Reconstructed-76", 13)]
    [InlineData("reconstructed-77", "Reconstructed-77", 16)]
    [InlineData("reconstructed-78", "Reconstructed-78", 15)]
    [InlineData("reconstructed-79", "Reconstructed-79", 20)]
    [InlineData("reconstructed-80", "Reconstructed-80", 17)]
    [InlineData("reconstructed-81", "Reconstructed-81", 19)]
    [InlineData("reconstructed-82", "Reconstructed-82", 23)]
    [InlineData("reconstructed-83", "Reconstructed-83", 22)]
    [InlineData("reconstructed-84", "Reconstructed-84", 19)]
    [InlineData("reconstructed-85", "Reconstructed-85", 20)]
    [InlineData("reconstructed-86", "Reconstructed-86", 23)]
    [InlineData("reconstructed-87", "Reconstructed-87", 21)]
    [InlineData("reconstructed-88", "Reconstructed-88", 17)]
    [InlineData("reconstructed-89", "Reconstructed-89", 21)]
    [InlineData("reconstructed-90", "Reconstructed-90", 17)]
    [InlineData("reconstructed-91", "Reconstructed-91", 19)]
    [InlineData("reconstructed-92", "Reconstructed-92", 16)]
    [InlineData("reconstructed-93", "Reconstructed-93", 17)]
    [InlineData("reconstructed-94", "Reconstructed-94", 22)]
    [InlineData("reconstructed-95", "Reconstructed-95", 14)]
    [InlineData("reconstructed-96", "Reconstructed-96", 20)]
    [InlineData("reconstructed-97", "Reconstructed-97", 12)]
    [InlineData("reconstructed-98", "Reconstructed-98", 17)]
    [InlineData("reconstructed-99", "Reconstructed-99", 21)]
    [InlineData("reconstructed-100", "Reconstructed-100", 23)]
    [InlineData("reconstructed-101", "Reconstructed-101", 22)]
    [InlineData("reconstructed-102", "Reconstructed-102", 20)]
    [InlineData("reconstructed-103", "Reconstructed-103", 22)]
    [InlineData("reconstructed-104", "Reconstructed-104", 19)]
    [InlineData("reconstructed-105", "Reconstructed-105", 13)]
    [InlineData("reconstructed-106", "Reconstructed-106", 9)]
    [InlineData("reconstructed-107", "Reconstructed-107", 19)]
    [InlineData("reconstructed-108", "Reconstructed-108", 20)]
    [InlineData("reconstructed-109", "Reconstructed-109", 18)]
    [InlineData("reconstructed-110", "Reconstructed-110", 16)]
    [InlineData("reconstructed-111", "Reconstructed-111", 22)]
    [InlineData("reconstructed-112", "Reconstructed-112", 17)]
    [InlineData("reconstructed-113", "Reconstructed-113", 11)]
    [InlineData("reconstructed-114", "Reconstructed-114", 19)]
    // Set 115 is scored, not held to 0.98 here: not tuned on, its ici precision is 0.857 (Labels/reconstructed-115/NOTES.md).
    [InlineData("reconstructed-116", "Reconstructed-116", 19)]
    [InlineData("reconstructed-117", "Reconstructed-117", 21)]
    [InlineData("reconstructed-118", "Reconstructed-118", 11)]
    [InlineData("reconstructed-119", "Reconstructed-119", 9)]
    [InlineData("reconstructed-120", "Reconstructed-120", 22)]
    [InlineData("reconstructed-121", "Reconstructed-121", 24)]
    [InlineData("reconstructed-122", "Reconstructed-122", 23)]
    [InlineData("reconstructed-123", "Reconstructed-123", 22)]
    [InlineData("reconstructed-124", "Reconstructed-124", 21)]
    [InlineData("reconstructed-125", "Reconstructed-125", 15)]
    [InlineData("reconstructed-126", "Reconstructed-126", 21)]
    [InlineData("reconstructed-127", "Reconstructed-127", 15)]
    [InlineData("reconstructed-128", "Reconstructed-128", 21)]
    [InlineData("reconstructed-129", "Reconstructed-129", 7)]
    [InlineData("reconstructed-130", "Reconstructed-130", 18)]
    // Set 131 is scored, not held to 0.98 here: not tuned on, its ici precision is 0.500 (Labels/reconstructed-131/NOTES.md).
    [InlineData("reconstructed-132", "Reconstructed-132", 13)]
    [InlineData("reconstructed-133", "Reconstructed-133", 15)]
    [InlineData("reconstructed-134", "Reconstructed-134", 14)]
    [InlineData("reconstructed-135", "Reconstructed-135", 17)]
    [InlineData("reconstructed-136", "Reconstructed-136", 25)]
    [InlineData("reconstructed-137", "Reconstructed-137", 19)]
    [InlineData("reconstructed-139", "Reconstructed-139", 14)]
    [InlineData("reconstructed-140", "Reconstructed-140", 14)]
    [InlineData("reconstructed-141", "Reconstructed-141", 20)]
    [InlineData("reconstructed-142", "Reconstructed-142", 9)]
    [InlineData("reconstructed-143", "Reconstructed-143", 14)]
    [InlineData("reconstructed-144", "Reconstructed-144", 13)]
    [InlineData("reconstructed-145", "Reconstructed-145", 17)]
    [InlineData("reconstructed-146", "Reconstructed-146", 26)]
    [InlineData("reconstructed-147", "Reconstructed-147", 34)]
    [InlineData("reconstructed-148", "Reconstructed-148", 30)]
    [InlineData("reconstructed-149", "Reconstructed-149", 34)]
    [InlineData("reconstructed-150", "Reconstructed-150", 20)]
    [InlineData("reconstructed-151", "Reconstructed-151", 43)]
    [InlineData("reconstructed-152", "Reconstructed-152", 45)]
    [InlineData("reconstructed-153", "Reconstructed-153", 36)]
    [InlineData("reconstructed-154", "Reconstructed-154", 46)]
    [InlineData("reconstructed-155", "Reconstructed-155", 45)]
    [InlineData("reconstructed-156", "Reconstructed-156", 44)]
    [InlineData("reconstructed-157", "Reconstructed-157", 27)]
    [InlineData("reconstructed-158", "Reconstructed-158", 30)]
    [InlineData("reconstructed-159", "Reconstructed-159", 20)]
    [InlineData("reconstructed-160", "Reconstructed-160", 28)]
    [InlineData("reconstructed-161", "Reconstructed-161", 35)]
    [InlineData("reconstructed-162", "Reconstructed-162", 32)]
    [InlineData("reconstructed-163", "Reconstructed-163", 21)]
    [InlineData("reconstructed-164", "Reconstructed-164", 11)]
    [InlineData("reconstructed-165", "Reconstructed-165", 17)]
    [InlineData("reconstructed-167", "Reconstructed-167", 15)]
    [InlineData("reconstructed-168", "Reconstructed-168", 17)]
    [InlineData("reconstructed-169", "Reconstructed-169", 7)]
    [InlineData("reconstructed-170", "Reconstructed-170", 27)]
    [InlineData("reconstructed-171", "Reconstructed-171", 5)]
    [InlineData("reconstructed-172", "Reconstructed-172", 20)]
    [InlineData("reconstructed-173", "Reconstructed-173", 6)]
    [InlineData("reconstructed-174", "Reconstructed-174", 14)]
    [InlineData("reconstructed-175", "Reconstructed-175", 24)]
    [InlineData("reconstructed-176", "Reconstructed-176", 15)]
    [InlineData("reconstructed-177", "Reconstructed-177", 22)]
    [InlineData("reconstructed-178", "Reconstructed-178", 13)]
    [InlineData("reconstructed-179", "Reconstructed-179", 3)]
    [InlineData("reconstructed-180", "Reconstructed-180", 5)]
    // Set 166 is scored, not held to 0.98 here: not tuned on, its one predicted ICI is the patients' own treatment (Labels/reconstructed-166/NOTES.md).
    // Set 138 is scored, not held to 0.98 here: not tuned on, its one predicted ICI is the patients' own treatment (Labels/reconstructed-138/NOTES.md).
    public void Evaluate_scores_the_reconstructed_oncology_records(string labels, string records, int trials)
    {
        var run = CliRun.Invoke("evaluate", "--labels", Path.Combine(Labels, labels), Path.Combine(AppContext.BaseDirectory, "Evaluation", records));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Trials, unseen half ({trials} trials)", run.Output, StringComparison.Ordinal);
        foreach (var field in new[] { "ici", "agents", "targets" })
        {
            var line = Assert.Single(TrialLines().Matches(run.Output), m => m.Groups["field"].Value == field);
            Assert.True(double.Parse(line.Groups["precision"].Value, CultureInfo.InvariantCulture) >= 0.98, line.Value);
        }
    }

    /// <summary>
    /// Sets 49-180 were labelled a second time, blind to the first labels
    /// (Labels/reconstructed-N/second-annotator): every trial, intervention and outcome of the
    /// first labels is labelled again, so how far two people agree is measured on all of them.
    /// </summary>
    [Theory]
    [InlineData(49, 26)]
    [InlineData(50, 28)]
    [InlineData(51, 29)]
    [InlineData(52, 22)]
    [InlineData(53, 16)]
    [InlineData(54, 25)]
    [InlineData(55, 17)]
    [InlineData(56, 17)]
    [InlineData(57, 32)]
    [InlineData(58, 30)]
    [InlineData(59, 29)]
    [InlineData(60, 21)]
    [InlineData(61, 31)]
    [InlineData(62, 33)]
    [InlineData(63, 26)]
    [InlineData(64, 30)]
    [InlineData(65, 21)]
    [InlineData(66, 26)]
    [InlineData(67, 27)]
    [InlineData(68, 32)]
    [InlineData(69, 26)]
    [InlineData(70, 21)]
    [InlineData(71, 38)]
    [InlineData(72, 13)]
    [InlineData(73, 17)]
    [InlineData(74, 24)]
    [InlineData(75, 21)]
    [InlineData(76, 13)]
    [InlineData(77, 16)]
    [InlineData(78, 15)]
    [InlineData(79, 20)]
    [InlineData(80, 17)]
    [InlineData(81, 19)]
    [InlineData(82, 23)]
    [InlineData(83, 22)]
    [InlineData(84, 19)]
    [InlineData(85, 20)]
    [InlineData(86, 23)]
    [InlineData(87, 21)]
    [InlineData(88, 17)]
    [InlineData(89, 21)]
    [InlineData(90, 17)]
    [InlineData(91, 19)]
    [InlineData(92, 16)]
    [InlineData(93, 17)]
    [InlineData(94, 22)]
    [InlineData(95, 14)]
    [InlineData(96, 20)]
    [InlineData(97, 12)]
    [InlineData(98, 17)]
    [InlineData(99, 21)]
    [InlineData(100, 23)]
    [InlineData(101, 22)]
    [InlineData(102, 20)]
    [InlineData(103, 22)]
    [InlineData(104, 19)]
    [InlineData(105, 13)]
    [InlineData(106, 9)]
    [InlineData(107, 19)]
    [InlineData(108, 20)]
    [InlineData(109, 18)]
    [InlineData(110, 16)]
    [InlineData(111, 22)]
    [InlineData(112, 17)]
    [InlineData(113, 11)]
    [InlineData(114, 19)]
    [InlineData(115, 21)]
    [InlineData(116, 19)]
    [InlineData(117, 21)]
    [InlineData(118, 11)]
    [InlineData(119, 9)]
    [InlineData(120, 22)]
    [InlineData(121, 24)]
    [InlineData(122, 23)]
    [InlineData(123, 22)]
    [InlineData(124, 21)]
    [InlineData(125, 15)]
    [InlineData(126, 21)]
    [InlineData(127, 15)]
    [InlineData(128, 21)]
    [InlineData(129, 7)]
    [InlineData(130, 18)]
    [InlineData(131, 9)]
    [InlineData(132, 13)]
    [InlineData(133, 15)]
    [InlineData(134, 14)]
    [InlineData(135, 17)]
    [InlineData(136, 25)]
    [InlineData(137, 19)]
    [InlineData(138, 25)]
    [InlineData(139, 14)]
    [InlineData(140, 14)]
    [InlineData(141, 20)]
    [InlineData(142, 9)]
    [InlineData(143, 14)]
    [InlineData(144, 13)]
    [InlineData(145, 17)]
    [InlineData(146, 26)]
    [InlineData(147, 34)]
    [InlineData(148, 30)]
    [InlineData(149, 34)]
    [InlineData(150, 20)]
    [InlineData(151, 43)]
    [InlineData(152, 45)]
    [InlineData(153, 36)]
    [InlineData(154, 46)]
    [InlineData(155, 45)]
    [InlineData(156, 44)]
    [InlineData(157, 27)]
    [InlineData(158, 30)]
    [InlineData(159, 20)]
    [InlineData(160, 28)]
    [InlineData(161, 35)]
    [InlineData(162, 32)]
    [InlineData(163, 21)]
    [InlineData(164, 11)]
    [InlineData(165, 17)]
    [InlineData(166, 15)]
    [InlineData(167, 15)]
    [InlineData(168, 17)]
    [InlineData(169, 7)]
    [InlineData(170, 27)]
    [InlineData(171, 5)]
    [InlineData(172, 20)]
    [InlineData(173, 6)]
    [InlineData(174, 14)]
    [InlineData(175, 24)]
    [InlineData(176, 15)]
    [InlineData(177, 22)]
    [InlineData(178, 13)]
    [InlineData(179, 3)]
    [InlineData(180, 5)]
    public void A_second_annotators_labels_cover_the_same_records(int set, int trials)
    {
        var first = Path.Combine(Labels, $"reconstructed-{set}");
        var run = CliRun.Invoke(
            "evaluate", "--labels", first, Path.Combine(AppContext.BaseDirectory, "Evaluation", $"Reconstructed-{set}"), "--second-labels", Path.Combine(first, "second-annotator"));

        Assert.Equal(0, run.ExitCode);
        var second = run.Output[run.Output.IndexOf("Second annotator", StringComparison.Ordinal)..];
        Assert.Contains($"Trials, unseen half ({trials} trials): the second annotator against the first", second, StringComparison.Ordinal);
        Assert.DoesNotContain("no such item in the records", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("labelled by the first annotator only", run.Output, StringComparison.Ordinal);
        var items = NormalisationEvaluation.Agreement(first, Path.Combine(first, "second-annotator"), StudyNormaliser.Embedded.Vocabulary);
        var scored = NormalisationEvaluation.Run(RecordSource.Expand([Path.Combine(AppContext.BaseDirectory, "Evaluation", $"Reconstructed-{set}")]), first, StudyNormaliser.Embedded);
        foreach (var field in new[] { "agent", "endpoint_class" })
        {
            // Set 55's records have no outcomes, so neither label file has any.
            Assert.Equal(scored.Scores.SingleOrDefault(s => s.Field == field)?.Items, items.Scores.SingleOrDefault(s => s.Field == field)?.Items);
        }
    }

    [GeneratedRegex(@"(?m)^(?<field>\w+)\s+\d+\s+\d+\s+\d+\s+(?<precision>[\d.]+)\s+(?<recall>[\d.]+)\s+\d+\s*$")]
    private static partial Regex TrialLines();

    [GeneratedRegex(@"endpoint_class\s+(?<outcomes>\d+)\s+(?<labelled>\d+)\s+\d+\s+\d+\s+(?<precision>[\d.]+)\s+(?<recall>[\d.]+)")]
    private static partial Regex EndpointLine();
}
