using TrialEvidence.Data.Import;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Harvester.Evaluation;

namespace TrialEvidence.Harvester.Tests.Evaluation;

/// <summary>
/// The normaliser against hand-made labels (Labels/*.csv: every intervention and primary outcome
/// of the records in ../shared/ctgov, labelled by reading the records, independently of the code).
/// </summary>
public sealed class NormalisationEvaluationTests
{
    private static readonly string Labels = Path.Combine(AppContext.BaseDirectory, "Evaluation", "Labels");

    private static readonly Lazy<EvaluationReport> Report = new(() =>
        NormalisationEvaluation.Run(RecordSource.Expand([SharedData.CtGov]), Labels, StudyNormaliser.Embedded));

    [Theory]
    [InlineData("agent")]
    [InlineData("target")]
    [InlineData("rt_modality")]
    [InlineData("endpoint_class")]
    public void Precision_and_recall_reach_0_98(string field)
    {
        var score = Report.Value.Scores.Single(s => s.Field == field);
        var misses = string.Join("\n", Report.Value.Disagreements.Where(d => d.Field == field));

        Assert.True(score.Labelled > 0, $"no labels for {field}");
        Assert.True(score.Precision >= 0.98, $"{field} precision {score.Precision:0.000}\n{misses}");
        Assert.True(score.Recall >= 0.98, $"{field} recall {score.Recall:0.000}\n{misses}");
    }

    [Fact]
    public void Every_label_names_an_item_of_the_records()
    {
        Assert.Empty(Report.Value.UnmatchedLabels);
        Assert.True(Report.Value.Scores.Single(s => s.Field == "agent").Items >= 130);
        Assert.True(Report.Value.Scores.Single(s => s.Field == "endpoint_class").Items >= 100);
    }

    [Fact]
    public void A_list_written_with_semicolons_is_the_same_list()
    {
        var folder = Directory.CreateTempSubdirectory("labels-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "interventions.csv"), """
                nct_id,name,agent,agent_class,target,rt_modality,partner_class,note
                NCT05431270,Pembrolizumab + Carboplatin + Pemetrexed,pemetrexed;carboplatin; pembrolizumab,chemotherapy;ICI,PD-1,,chemotherapy,
                NCT05431270,Carboplatin + Pemetrexed,carboplatin;gemcitabine,chemotherapy,,,chemotherapy,
                """);

            var report = NormalisationEvaluation.Run(RecordSource.Expand([Path.Combine(SharedData.CtGov, "search-biomcp-keytruda-limit3.json")]), folder, StudyNormaliser.Embedded);

            var agent = report.Scores.Single(s => s.Field == "agent");
            Assert.Equal((2, 1), (agent.Labelled, agent.Correct));
            Assert.Equal(1.0, report.Scores.Single(s => s.Field == "agent_class").Precision);
            var miss = Assert.Single(report.Disagreements, d => d.Field == "agent");
            Assert.Equal("carboplatin + gemcitabine", miss.Expected);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
