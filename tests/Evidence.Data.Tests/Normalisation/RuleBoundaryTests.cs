using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Where the rules of vocabulary 2026-12-03.60 and .61 stop (vocabulary 2026-12-03.62): inputs a
/// reviewer of those rules wrote to show them firing too widely or too narrowly, each read as a
/// reviewer of trials would. The texts are written for these tests; none is copied from a
/// labelled record.
/// </summary>
public class RuleBoundaryTests
{
    [Fact]
    public void A_who_clause_of_the_patients_condition_is_not_their_history()
    {
        var study = Normalise(Trial("Radiosurgery and Immunotherapy in Brain Metastases",
            "In patients who have brain metastases, stereotactic radiosurgery plus nivolumab will be given.", []));
        Assert.Equal(["nivolumab"], study.FreeText?.Agents);
        Assert.Equal("SBRT", study.FreeText?.RtModality);
    }

    [Fact]
    public void A_who_clause_ends_where_the_trial_starts_giving()
    {
        var study = Normalise(Trial("Consolidation After Surgery", null,
            [Intervention("DRUG", "Durvalumab", arms: ["Arm A"])],
            Arm("Arm A", "Patients who had complete resection undergo radiation therapy and receive durvalumab.")));
        Assert.Equal("RT, unspecified", study.FreeText?.RtModality);
    }

    [Fact]
    public void A_who_clause_runs_through_brackets_and_the_therapys_own_modifiers()
    {
        var summary = Normalise(Trial("Atezolizumab Plus RT in Lung Cancer",
            "This study evaluates the efficacy of atezolizumab in patients who have oligoprogressed on an anti-PD-1 agent (e.g., pembrolizumab or nivolumab).", []));
        Assert.Equal(["atezolizumab"], summary.FreeText?.Agents);

        var title = Normalise(Trial(
            "Durvalumab in Patients Who Have Not Progressed Following Definitive, Platinum-based, Concurrent Chemoradiation Therapy", null,
            [Intervention("DRUG", "Durvalumab")]));
        Assert.Null(title.FreeText?.RtModality);
    }

    [Fact]
    public void A_class_word_ici_takes_the_agent_an_arm_of_patients_with_a_condition_gets()
    {
        var study = Normalise(Trial("Immunotherapy in Lung Cancer", null,
            [Intervention("DRUG", "PD-1 inhibitor", arms: ["Arm A"])],
            Arm("Arm A", "Participants who have PD-L1 positive tumours get pembrolizumab every 3 weeks.")));
        Assert.Equal(["pembrolizumab"], study.Interventions[0].Agents);
    }

    [Theory]
    [InlineData("A Randomised Trial for Early Stage NSCLC Comparing SBRT to Surgery", "PROCEDURE", "Lobectomy", "SBRT")]
    [InlineData("Neoadjuvant Treatment for Rectal Cancer With Short Course Radiotherapy", null, null, "RT, unspecified")]
    public void A_for_in_a_title_does_not_hide_what_it_compares_or_gives_with(string title, string? type, string? name, string rt)
    {
        var study = Normalise(Trial(title, null, type is null ? [] : [Intervention(type, name!)]));
        Assert.Equal(rt, study.FreeText?.RtModality);
    }

    [Fact]
    public void Chemotherapy_given_with_a_named_ici_joins_it()
    {
        var study = Normalise(Trial("Chemotherapy Given With Nivolumab Before Surgery for Gastric Cancer", null, [Intervention("RADIATION", "Radiotherapy")]));
        Assert.Equal(["nivolumab"], study.FreeText?.Agents);
    }

    [Theory]
    [InlineData("Cost-Effectiveness of Stereotactic Radiotherapy in Lung Cancer")]
    [InlineData("Knowledge and Attitudes Towards Radiotherapy Among Cancer Survivors")]
    [InlineData("Radiotherapy Response Prediction With Radiomics in Rectal Cancer")]
    [InlineData("Interobserver Variability of Target Contouring in Radiotherapy")]
    public void A_title_that_studies_something_of_rt_before_naming_it_gives_none(string title)
    {
        Assert.Null(Normalise(Trial(title, null, [])).FreeText?.RtModality);
    }

    [Fact]
    public void The_dose_of_radiation_an_organ_receives_is_not_rt_given()
    {
        var study = Normalise(Trial("Atorvastatin and the Dose of Radiation to the Heart in Breast Cancer", null, [Intervention("DRUG", "Atorvastatin")]));
        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void A_summary_that_names_an_approved_ici_does_not_name_the_class_words_agent()
    {
        var study = Normalise(Trial("SBRT and Immunotherapy in NSCLC",
            "Pembrolizumab is approved for metastatic NSCLC. This study adds SBRT to an anti-PD-1 antibody.",
            [Intervention("RADIATION", "SBRT"), Intervention("DRUG", "Anti-PD-1 antibody")]));
        Assert.Empty(study.Interventions[1].Agents);
        Assert.Equal(["PD-1"], study.Interventions[1].Targets);
    }

    [Fact]
    public void An_unnamed_intervention_is_named_by_the_head_of_its_description()
    {
        var study = Normalise(WithArms([new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "DRUG",
            ["description"] = "Durvalumab 1500 mg every 4 weeks, starting within 42 days after chemoradiotherapy",
        }]));
        Assert.Null(study.Interventions[0].RtModality);
        Assert.Equal(["durvalumab"], study.Interventions[0].Agents);
    }

    [Theory]
    [InlineData("Prostatic arterial embolization")]
    [InlineData("Bronchial arterial embolization")]
    public void Arterial_embolization_outside_the_liver_is_not_locoregional_cancer_therapy(string name)
    {
        Assert.Empty(OnlyIntervention(Intervention("PROCEDURE", name)).PartnerClasses);
    }

    [Fact]
    public void A_pd1_vegf_bispecific_is_not_an_anti_vegf_partner()
    {
        Assert.DoesNotContain("anti-VEGF", OnlyIntervention(Intervention("DRUG", "Anti-PD-1/VEGF antibody")).PartnerClasses);
    }

    [Fact]
    public void Randomized_to_either_gives_both()
    {
        var study = Normalise(Trial("Adjuvant Immunotherapy", "Patients are randomized to either pembrolizumab or placebo.", []));
        Assert.Equal(["pembrolizumab"], study.FreeText?.Agents);
    }

    [Fact]
    public void A_grade_after_a_greater_than_sign_is_a_toxicity()
    {
        Assert.Equal("safety", Normalise(WithOutcome("Number of patients with > grade 2 pneumonitis")).Outcomes[0].EndpointClass);
    }
}
