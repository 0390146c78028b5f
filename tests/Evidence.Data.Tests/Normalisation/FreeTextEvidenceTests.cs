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

    /// <summary>A trial whose one intervention is durvalumab and whose one arm says what else it gives, and when.</summary>
    private static NormalisedStudy DurvalumabTrial(string title, string arm) => Normalise(Trial(
        title,
        interventions: [Intervention("DRUG", "Durvalumab", arms: ["Durvalumab"])],
        arms: [Arm("Durvalumab", arm, "Drug: Durvalumab")]));

    /// <summary>Set 17 (DUART, NCT04249362): the arms say the RT was received before study entry.</summary>
    [Fact]
    public void A_titles_rt_that_the_ici_follows_is_not_given_where_the_arms_name_it_as_received_before()
    {
        var before = DurvalumabTrial("Study of Durvalumab Following Radiation Therapy in Stage III NSCLC", "Patients received standard radiotherapy (60 Gy) prior to study entry.");
        var given = DurvalumabTrial("Study of Durvalumab Following Radiation Therapy in Stage III NSCLC", "Patients receive radiotherapy, then durvalumab every 4 weeks.");

        Assert.Null(before.FreeText?.RtModality);
        Assert.Equal("RT, unspecified", given.FreeText?.RtModality);
    }

    /// <summary>Set 18 (DURVALUNG, NCT05617963): the title says maintenance; the arm only "after".</summary>
    [Fact]
    public void An_arms_rt_that_a_titles_maintenance_ici_follows_is_not_given()
    {
        var maintenance = DurvalumabTrial("Durvalumab Maintenance After Thoracic Chemoradiotherapy in Limited Small Cell Lung Cancer", "Durvalumab every 4 weeks after thoracic chemoradiotherapy.");
        var combination = DurvalumabTrial("Durvalumab and Thoracic Chemoradiotherapy in Limited Small Cell Lung Cancer", "Durvalumab every 4 weeks after thoracic chemoradiotherapy.");

        Assert.Null(maintenance.FreeText?.RtModality);
        Assert.Equal("RT, unspecified", combination.FreeText?.RtModality);
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

    /// <summary>Set 57 (NCT03949231): checkpoints joined by slashes to a class word, in a title as in an intervention.</summary>
    [Theory]
    [InlineData("Infusion of PD1/PDL1 Inhibitor Via Hepatic Arterial Versus Vein for Advanced Hepatocellular Carcinoma", new[] { "PD-1", "PD-L1" })]
    [InlineData("Anti-PD-1/PD-L1/CTLA-4 Antibodies Plus Lenvatinib for Advanced Hepatocellular Carcinoma", new[] { "PD-1", "PD-L1", "CTLA-4" })]
    [InlineData("PD-L1 Inhibitor Plus Lenvatinib for Advanced Hepatocellular Carcinoma", new[] { "PD-L1" })]
    public void A_title_gives_each_checkpoint_its_slashes_join_to_the_class_word(string title, string[] targets)
    {
        var study = Normalise(Trial(title));

        Assert.Equal(targets.Order(StringComparer.Ordinal), study.FreeText!.Targets.Order(StringComparer.Ordinal));
    }

    /// <summary>Set 57 (NCT05343325): a record of no intervention and no arm whose summary says what patients "are scheduled to" receive.</summary>
    [Theory]
    [InlineData("The eligible patients are scheduled to administered neoadjuvant low-dose radiotherapy, tislelizumab, combined with albumin-bound paclitaxel and cisplatin for two cycles.", new[] { "tislelizumab" })]
    [InlineData("Eligible patients are scheduled to receive tislelizumab and cisplatin for two cycles.", new[] { "tislelizumab" })]
    [InlineData("Patients who had been scheduled to receive nivolumab before enrolment are excluded.", new string[0])]
    public void A_summary_gives_what_patients_are_scheduled_to_receive(string summary, string[] agents)
    {
        var study = Normalise(Trial("Neoadjuvant Low-dose Radiotherapy Combined With Chemoimmunotherapy in Locally Advanced HNSCC", summary));

        Assert.Equal(agents, study.FreeText?.Agents ?? []);
        Assert.Equal("RT, unspecified", study.FreeText?.RtModality);
    }

    [Fact]
    public void An_arm_that_names_the_agent_gives_it()
    {
        var study = Normalise(Trial(
            "Consolidation in Stage III Disease",
            interventions: [Intervention("RADIATION", "Chemoradiation")],
            arms: [Arm("Arm A: pembrolizumab consolidation", "Pembrolizumab 200 mg every 3 weeks for 1 year", "Chemoradiation")]));

        Assert.Equal(["pembrolizumab"], study.FreeText?.Agents);
        Assert.Equal(["PD-1"], study.FreeText!.Targets);
    }

    [Theory]
    [InlineData("Exercise for Patients Previously Treated With Nivolumab and SBRT", null)]
    [InlineData("Exercise in Patients Refractory to Radiotherapy and PD-1 Inhibitors", null)]
    [InlineData("Exercise During Hospitalisation", "During treatment with episcleral brachytherapy, patients stay a week in isolation.")]
    [InlineData("Exercise During Hospitalisation", "Pembrolizumab with radiotherapy is approved for this cancer; patients exercise daily.")]
    [InlineData("Radiation Dermatitis Cream in Breast Cancer", null)]
    [InlineData("Radiation-Induced Lymphopenia and Outcomes", null)]
    [InlineData("RT-PCR Screening for Circulating Tumour Cells", null)]
    [InlineData("Salvage Radiotherapy (SRT) With or Without Enzalutamide", null)]
    [InlineData("Vedolizumab for ICI-Induced Colitis", null)]
    [InlineData("Programmed Death-1 Expression as a Biomarker in Gastric Cancer", null)]
    [InlineData("Infliximab for Nivolumab-Related Pneumonitis After Radiotherapy", null)]
    [InlineData("Survey of Patients Receiving Immune Checkpoint Inhibitors and Radiotherapy", null)]
    [InlineData("Surgery in Patients Unsuitable for SBRT or Anti-PD-1 Therapy", null)]
    [InlineData("Chemotherapy Without Radiotherapy or Nivolumab", null)]
    public void Therapy_named_but_not_given_by_the_trial_is_not_read_as_the_trials(string title, string? summary)
    {
        var study = Normalise(Trial(title, summary, [Intervention("BEHAVIORAL", "Exercise programme")]));

        Assert.Null(study.FreeText);
    }

    [Theory]
    [InlineData("Participants previously treated with a PD-1/PD-L1 inhibitor receive drug X.")]
    [InlineData("Patients who previously received immune checkpoint (PD-1/PD-L1) inhibitor therapy.")]
    [InlineData("Patients apply the gel from the first day of radiation therapy until 1 week after completion of radiation therapy.")]
    public void An_arm_that_names_therapy_as_history_or_as_a_point_in_time_does_not_give_it(string armDescription)
    {
        var study = Normalise(Trial(
            "Drug X in Urothelial Cancer",
            interventions: [Intervention("DRUG", "Drug X", arms: ["Cohort 1"])],
            arms: [Arm("Cohort 1", armDescription, "Drug: Drug X")]));

        Assert.Null(study.FreeText);
    }

    [Fact]
    public void Rt_that_an_arm_gives_and_times_the_ici_by_is_still_given()
    {
        var study = Normalise(Trial(
            "A Phase II Trial in Hepatocellular Carcinoma",
            interventions: [Intervention("DRUG", "Nivolumab", arms: ["Arm A"])],
            arms: [Arm("Arm A", "Nivolumab 240 mg every 2 weeks, starting on the first day of stereotactic body radiotherapy", "Drug: Nivolumab")]));

        Assert.Equal("SBRT", study.FreeText?.RtModality);
    }

    [Fact]
    public void An_ici_an_arm_gives_from_day_1_is_still_given()
    {
        var study = Normalise(Trial(
            "A Phase II Trial in Hepatocellular Carcinoma",
            interventions: [Intervention("RADIATION", "SBRT", arms: ["Arm A"])],
            arms: [Arm("Arm A", "SBRT 8 Gy x 5 fractions. Starting on day 1 patients receive pembrolizumab 200 mg every 3 weeks.", "Radiation: SBRT")]));

        Assert.Equal(["pembrolizumab"], study.FreeText?.Agents);
    }

    [Fact]
    public void A_title_that_names_rt_alone_is_not_read_it_may_be_about_rt_not_giving_it()
    {
        Assert.Null(Normalise(Trial("Imaging Before Radiotherapy in Lung Cancer", interventions: [Intervention("DIAGNOSTIC_TEST", "FDG-PET")])).FreeText);
    }

    [Theory]
    [InlineData("SBRT Plus Camrelizumab for Sorafenib-Refractory Hepatocellular Carcinoma")]
    [InlineData("SBRT and Camrelizumab After Progression on Sorafenib")]
    [InlineData("Camrelizumab Starting One Week After SBRT")]
    public void Words_about_the_patients_history_do_not_hide_the_trials_own_rt(string title)
    {
        var study = Normalise(Trial(title, interventions: [Intervention("DRUG", "Camrelizumab")]));

        Assert.Equal("SBRT", study.FreeText?.RtModality);
    }

    [Fact]
    public void Every_ici_class_a_title_names_is_kept()
    {
        var study = Normalise(Trial("Radiotherapy Plus Anti-PD-1 and Anti-CTLA-4 Antibodies in Melanoma"));

        Assert.Equal(["PD-1", "CTLA-4"], study.FreeText?.Targets);
    }

    [Fact]
    public void What_an_arm_names_joins_that_arm_only_so_the_comparison_stays()
    {
        var study = Normalise(Trial(
            "Pembrolizumab With or Without SBRT in Lung Cancer",
            interventions: [Intervention("DRUG", "Pembrolizumab", arms: ["A", "B"])],
            arms: [Arm("A", "Pembrolizumab plus SBRT to one lesion", "Pembrolizumab"), Arm("B", "Pembrolizumab alone", "Pembrolizumab")]));

        Assert.Equal("SBRT", study.FreeText?.RtModality);
        Assert.Equal("Pembrolizumab + SBRT vs Pembrolizumab", study.Summary.InterventionSummary);
    }

    [Fact]
    public void A_titles_rt_is_the_trials_but_joins_no_arm_of_a_comparison()
    {
        var study = Normalise(Trial(
            "SBRT Plus Sintilimab Versus Observation",
            interventions: [Intervention("DRUG", "Sintilimab", arms: ["A"])],
            arms: [Arm("A", "Sintilimab every 3 weeks", "Sintilimab"), Arm("B", "No treatment")]));

        Assert.Equal("SBRT", study.FreeText?.RtModality);
        Assert.Equal("Sintilimab", study.Summary.InterventionSummary);
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
