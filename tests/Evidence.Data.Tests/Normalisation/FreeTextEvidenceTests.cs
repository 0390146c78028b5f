using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// RT and ICIs that a trial names only in its titles, summary or arms. The texts are written
/// for these tests, in the registry's manner; none is copied from a labelled record.
/// </summary>
public class FreeTextEvidenceTests
{
    private static JsonObject Trial(string? title, string? summary = null, JsonObject[]? interventions = null, JsonObject[]? arms = null, string type = "INTERVENTIONAL")
    {
        var protocol = WithArms(interventions ?? [], arms ?? []);
        protocol["identificationModule"] = new JsonObject { ["nctId"] = "NCT00000001", ["briefTitle"] = title };
        protocol["descriptionModule"] = new JsonObject { ["briefSummary"] = summary };
        protocol["designModule"] = new JsonObject { ["studyType"] = type };
        return protocol;
    }

    [Fact]
    public void Rt_named_only_in_the_title_is_the_trials_and_says_where_it_was_read()
    {
        var study = Normalise(Trial("Stereotactic Body Radiotherapy With Toripalimab for Liver Metastases", interventions: [Intervention("DRUG", "Toripalimab")]));

        Assert.Equal("SBRT", study.FreeText?.RtModality);
        Assert.Empty(study.FreeText!.Agents); // the ICI is in the structured interventions already
        var source = Assert.Single(study.Sources, s => s.Entity == "study" && s.Field == NormalisedField.RtModality);
        Assert.Equal(("identificationModule.briefTitle", "Stereotactic Body Radiotherapy"), (source.SourceField, source.Matched));
        Assert.Equal("Toripalimab + SBRT", study.Summary.InterventionSummary);
    }

    [Fact]
    public void A_summary_tells_the_kind_of_rt_that_the_title_names()
    {
        var study = Normalise(Trial(
            "Radiotherapy and Durvalumab in Unresectable Hepatocellular Carcinoma",
            "Patients receive stereotactic body radiotherapy, 40 Gy in 5 fractions, then durvalumab every 4 weeks.",
            [Intervention("BIOLOGICAL", "Durvalumab")]));

        Assert.Equal("SBRT", study.FreeText?.RtModality);
    }

    [Fact]
    public void With_no_interventions_the_title_gives_the_class_and_the_table_1_cell()
    {
        var study = Normalise(Trial("RT Combined With Anti-PD-1 Antibody for Advanced Hepatocellular Carcinoma"));

        Assert.Equal("RT, unspecified", study.FreeText?.RtModality);
        Assert.Equal(["PD-1"], study.FreeText!.Targets);
        Assert.Equal([Terms.Ici], study.FreeText.AgentClasses);
        Assert.Equal("anti-PD-1 + RT", study.Summary.InterventionSummary);
    }

    [Fact]
    public void An_arm_that_names_the_agent_gives_it()
    {
        var study = Normalise(Trial(
            "Consolidation After Chemoradiation in Stage III Disease",
            interventions: [Intervention("RADIATION", "Chemoradiation")],
            arms: [Arm("Arm A: pembrolizumab consolidation", "Pembrolizumab 200 mg every 3 weeks for 1 year", "Chemoradiation")]));

        Assert.Equal(["pembrolizumab"], study.FreeText?.Agents);
        Assert.Equal(["PD-1"], study.FreeText!.Targets);
    }

    [Theory]
    [InlineData("SBRT for Patients Previously Treated With Nivolumab", null)]
    [InlineData("Nivolumab in Patients Refractory to Radiotherapy", null)]
    [InlineData("Exercise During Hospitalisation", "During treatment with episcleral brachytherapy, patients stay a week in isolation.")]
    [InlineData("Exercise During Hospitalisation", "Pembrolizumab and nivolumab are approved for this cancer.")]
    [InlineData("Liver Resection Unlike Radiotherapy Keeps the Tissue for Pathology", null)]
    [InlineData("Quality of Life After Prior Stereotactic Radiotherapy", null)]
    [InlineData("A Diet to Reduce Fatigue", "Patients excluded if they received an immune checkpoint inhibitor in the last 6 months.")]
    public void Therapy_named_as_prior_failed_excluded_background_or_contrast_is_not_the_trials(string title, string? summary)
    {
        var study = Normalise(Trial(title, summary, [Intervention("BEHAVIORAL", "Exercise programme")]));

        Assert.Null(study.FreeText);
    }

    [Fact]
    public void An_observational_study_assigns_no_therapy_whatever_its_title()
    {
        Assert.Null(Normalise(Trial("Cranial Radiotherapy Outcomes in a Registry of Children", type: "OBSERVATIONAL")).FreeText);
    }

    [Fact]
    public void Structured_rt_and_ici_leave_the_free_text_unread()
    {
        var study = Normalise(Trial(
            "Proton Therapy Versus SBRT With Nivolumab",
            interventions: [Intervention("RADIATION", "SBRT"), Intervention("DRUG", "Nivolumab")]));

        Assert.Null(study.FreeText);
    }
}
