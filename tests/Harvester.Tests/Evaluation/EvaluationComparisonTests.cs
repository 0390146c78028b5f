using TrialEvidence.Data.Import;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Harvester.Evaluation;

namespace TrialEvidence.Harvester.Tests.Evaluation;

/// <summary>
/// How a label and the normaliser's value are compared: a landmark in years is the same time
/// point as the months the normaliser states, and an agent's code or case is the same agent.
/// </summary>
public sealed class EvaluationComparisonTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("te-eval-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private IEnumerable<RecordSource> Record() => RecordSource.Expand([Write("NCT00000009.json", """
        {"protocolSection": {
          "identificationModule": {"nctId": "NCT00000009", "briefTitle": "BMS-936559 in Solid Tumours"},
          "designModule": {"studyType": "INTERVENTIONAL"},
          "armsInterventionsModule": {"interventions": [{"type": "BIOLOGICAL", "name": "BMS-936559"}]},
          "outcomesModule": {"primaryOutcomes": [{"measure": "2-year overall survival rate"}]}
        }}
        """)]);

    [Theory]
    [InlineData("2 years", true)]
    [InlineData("Two years", true)] // set 21's labeller wrote the number as a word
    [InlineData("3 years", false)]
    public void A_landmark_labelled_in_years_matches_the_same_time_point_in_months(string labelled, bool matches)
    {
        Write("interventions.csv", "nct_id,name,agent,agent_class,target,rt_modality,partner_class,note\nNCT00000009,BMS-936559,bms-936559,ICI,PD-L1,,,\n");
        Write("primary_outcomes.csv", $"nct_id,measure,endpoint_class,landmark,note\nNCT00000009,2-year overall survival rate,OS,{labelled},\n");

        var report = NormalisationEvaluation.Run(Record(), _folder, StudyNormaliser.Embedded);

        var landmark = report.Scores.Single(s => s.Field == "landmark");
        Assert.Equal((1, 1, matches ? 1 : 0), (landmark.Labelled, landmark.Predicted, landmark.Correct));
        Assert.Equal(!matches, report.Disagreements.Any(d => d.Field == "landmark"));
        Assert.DoesNotContain(report.Disagreements, d => d.Field == "agent");
    }

    [Fact]
    public void An_agent_labelled_by_a_code_the_vocabulary_lists_is_that_agent()
    {
        Write("interventions.csv", "nct_id,name,agent,agent_class,target,rt_modality,partner_class,note\nNCT00000009,BMS-936559,mdx-1105,ICI,PD-L1,,,\n");
        Write("primary_outcomes.csv", "nct_id,measure,endpoint_class,landmark,note\n");

        var report = NormalisationEvaluation.Run(Record(), _folder, StudyNormaliser.Embedded);

        var agent = report.Scores.Single(s => s.Field == "agent");
        Assert.Equal((1, 1, 1), (agent.Labelled, agent.Predicted, agent.Correct));
    }

    [Fact]
    public void A_trials_agents_labelled_by_another_spelling_count_as_correct()
    {
        Write("trials.csv", "nct_id,half,rt,rt_modality,ici,agents,targets,bispecific,other_agents,evidence_fields,disease_setting,setting_tags,institution,intervention_cell,note\n"
            + "NCT00000009,unseen,no,,yes,mdx-1105,PD-L1,no,,interventions,,,,BMS-936559,\n");

        var scores = TrialEvaluation.Run(Record(), _folder, StudyNormaliser.Embedded);

        var agents = scores.Single(s => s.Field == "agents");
        Assert.Equal((1, 1, 1), (agents.Labelled, agents.Predicted, agents.Correct));
    }

    [Fact]
    public void A_second_annotators_labels_are_scored_against_the_first_with_each_sides_names_mapped_alike()
    {
        const string Header = "nct_id,name,agent,agent_class,target,rt_modality,partner_class,note\n";
        Write("interventions.csv", Header + "NCT00000009,BMS-936559,bms-936559,ICI,PD-L1,,,\nNCT00000009,Proton radiotherapy,,,,proton beam therapy,,\n");
        var second = Directory.CreateDirectory(Path.Combine(_folder, "second")).FullName;
        File.WriteAllText(Path.Combine(second, "interventions.csv"), Header + "NCT00000009,BMS-936559,MDX-1105,ICI,PD-1,,,\nNCT00000009,Proton radiotherapy,,,,Proton,,\nNCT00000009,Only the second saw this,,,,EBRT,,\n");
        const string TrialHeader = "nct_id,half,rt,rt_modality,ici,agents,targets,bispecific,other_agents,evidence_fields,disease_setting,setting_tags,institution,intervention_cell,note\n";
        Write("trials.csv", TrialHeader + "NCT00000009,unseen,yes,proton beam therapy,yes,BMS-936559,PD-L1,no,,interventions,,metastatic,,,\n");
        File.WriteAllText(Path.Combine(second, "trials.csv"), TrialHeader + "NCT00000009,unseen,yes,Proton,yes,mdx-1105,PD-L1,no,,interventions,,metastatic;recurrent,,,\n");

        var items = NormalisationEvaluation.Agreement(_folder, second, StudyNormaliser.Embedded.Vocabulary);
        var trials = TrialEvaluation.Agreement(_folder, second, StudyNormaliser.Embedded.Vocabulary);

        // The agent written by its code and the proton modality by DOMAIN.md's name are the same values; the target is not.
        Assert.Equal((2, 1, 1, 0), Counts(items.Scores.Single(s => s.Field == "target")));
        Assert.Equal((2, 1, 1, 1), Counts(items.Scores.Single(s => s.Field == "rt_modality")));
        Assert.Equal((2, 1, 1, 1), Counts(items.Scores.Single(s => s.Field == "agent")));
        var miss = Assert.Single(items.Disagreements);
        Assert.Equal("NCT00000009 \"BMS-936559\" target: first 'PD-L1', second 'PD-1'", miss.Describe("first", "second"));
        var setting = trials.Single(s => s.Field == "setting");
        Assert.Equal((1, 2, 1), (setting.Labelled, setting.Predicted, setting.Correct));
        Assert.Equal("NCT00000009 setting: labelled 'metastatic', second 'metastatic; recurrent'", Assert.Single(setting.Misses));
        Assert.All(trials.Where(s => s.Field != "setting"), s => Assert.Empty(s.Misses));
    }

    private static (int Items, int Labelled, int Predicted, int Correct) Counts(FieldScore score) => (score.Items, score.Labelled, score.Predicted, score.Correct);

    [Fact]
    public void A_field_the_second_annotator_did_not_label_is_not_scored_and_items_only_the_first_labelled_are_listed()
    {
        Write("interventions.csv", "nct_id,name,agent,agent_class,target,rt_modality,partner_class,note\nNCT00000009,BMS-936559,bms-936559,ICI,PD-L1,,chemotherapy,\nNCT00000009,Surgery,,,,,,\n");
        var second = Directory.CreateDirectory(Path.Combine(_folder, "second")).FullName;
        File.WriteAllText(Path.Combine(second, "interventions.csv"), "nct_id,name,agent,agent_class,target,rt_modality,note\nNCT00000009,BMS-936559,bms-936559,ICI,PD-L1,,\n");
        Write("trials.csv", "nct_id,half,rt,rt_modality,ici,agents,targets,setting_tags\nNCT00000009,unseen,no,,yes,BMS-936559,PD-L1,metastatic\n");
        File.WriteAllText(Path.Combine(second, "trials.csv"), "nct_id,half,rt,rt_modality,ici,agents\nNCT00000009,unseen,no,,yes,BMS-936559\n");

        var items = NormalisationEvaluation.Agreement(_folder, second, StudyNormaliser.Embedded.Vocabulary);
        var trials = TrialEvaluation.Agreement(_folder, second, StudyNormaliser.Embedded.Vocabulary);

        Assert.DoesNotContain(items.Scores, s => s.Field == "partner_class");
        Assert.Empty(items.Disagreements);
        Assert.Equal(["NCT00000009 / Surgery"], items.UnmatchedLabels);
        Assert.Equal(["rt", "rt_modality", "ici", "agents"], trials.Select(t => t.Field));
        Assert.All(trials, t => Assert.Empty(t.Misses));
    }
}
