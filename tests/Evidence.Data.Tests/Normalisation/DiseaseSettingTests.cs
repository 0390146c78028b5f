using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>The disease cell with the setting of the patients, from conditions, titles, descriptions and inclusion criteria (issue 10).</summary>
public class DiseaseSettingTests
{
    private static StudySummary Summary(string[] conditions, string? title = null, string? summary = null, string? criteria = null, string? description = null)
    {
        var protocol = WithArms([]);
        protocol["conditionsModule"] = new JsonObject { ["conditions"] = new JsonArray([.. conditions.Select(c => (JsonNode)c)]) };
        protocol["identificationModule"] = new JsonObject { ["nctId"] = "NCT00000001", ["briefTitle"] = title };
        protocol["descriptionModule"] = new JsonObject { ["briefSummary"] = summary, ["detailedDescription"] = description };
        protocol["eligibilityModule"] = new JsonObject { ["eligibilityCriteria"] = criteria };
        return Normalise(protocol).Summary;
    }

    [Fact]
    public void The_setting_in_a_title_comes_before_the_disease()
    {
        var summary = Summary(["Hepatocellular Carcinoma"], title: "SBRT and Nivolumab in Unresectable HCC");

        Assert.Equal(["unresectable"], summary.Settings);
        Assert.Equal("Unresectable Hepatocellular Carcinoma", summary.Disease);
    }

    [Fact]
    public void A_partial_record_with_no_conditions_or_titles_takes_its_setting_from_a_summary_that_names_a_neoplasm()
    {
        // What a fields= subset or a trimmed copy leaves: the summary alone says what the trial is of.
        var neoplasm = Summary([], summary: "Patients with locally advanced head and neck squamous cell carcinoma receive induction therapy.");
        var other = Summary([], summary: "Patients with locally advanced knee osteoarthritis receive physiotherapy.");

        Assert.Equal(["locally advanced"], neoplasm.Settings);
        Assert.Empty(other.Settings!);
    }

    [Fact]
    public void A_condition_of_metastases_alone_makes_a_trial_of_a_neoplasm_whose_setting_is_read()
    {
        var metastases = Summary(["Leptomeningeal Metastasis"], title: "Intrathecal Pemetrexed With Concurrent Radiotherapy for Leptomeningeal Metastasis");
        var other = Summary(["Knee Osteoarthritis"], title: "Exercise for Knee Osteoarthritis in Metastatic Cancer Survivors");

        Assert.Equal(["metastatic"], metastases.Settings);
        Assert.Empty(other.Settings!);
    }

    [Fact]
    public void Setting_words_inside_a_condition_are_taken_out_of_the_disease_and_a_condition_that_is_only_a_setting_is_dropped()
    {
        var summary = Summary(["Advanced Hepatocellular Carcinoma", "Portal Vein Tumor Thrombus"]);

        Assert.Equal(["advanced", "vascular invasion"], summary.Settings);
        Assert.Equal("Advanced Hepatocellular Carcinoma with vascular invasion", summary.Disease);
    }

    [Fact]
    public void Conditions_that_name_no_neoplasm_are_left_out_of_a_neoplasm_trials_disease()
    {
        var summary = Summary(["Immunotherapy", "Stage IV HCC", "SBRT"]);

        Assert.Equal(["metastatic"], summary.Settings);
        Assert.Equal("Metastatic HCC", summary.Disease);
    }

    [Theory]
    [InlineData("Progression-Free Survival of SBRT and Nivolumab in Metastatic HCC", "metastatic")]
    [InlineData("Recurrence-Free Survival With Adjuvant Atezolizumab After Resection", "adjuvant")]
    public void An_endpoint_named_in_a_title_does_not_deny_the_setting_after_it(string title, string setting)
    {
        Assert.Contains(setting, Summary(["Hepatocellular Carcinoma"], title: title).Settings!);
    }

    [Theory]
    [InlineData("Inclusion Criteria:\n* Free of metastatic disease on CT")]
    [InlineData("Inclusion Criteria:\n* Primary endpoint: metastatic-free survival")]
    public void Free_of_a_setting_or_a_setting_free_endpoint_is_not_the_setting(string criteria)
    {
        Assert.DoesNotContain("metastatic", Summary(["Hepatocellular Carcinoma"], criteria: criteria).Settings!);
    }

    [Fact]
    public void Advanced_gives_way_to_a_more_exact_setting()
    {
        var summary = Summary(["Hepatocellular Carcinoma"], title: "Sintilimab and SBRT in Advanced Metastatic HCC");

        Assert.Equal(["metastatic"], summary.Settings);
    }

    /// <summary>Set 21 (uveal melanoma): the patient's earlier treatment is not the trial's phase of treatment.</summary>
    [Theory]
    [InlineData("Inclusion Criteria:\n* No prior systemic therapy; this does not include any therapies given in the adjuvant setting", new string[0])]
    [InlineData("Inclusion Criteria:\n* Prior neoadjuvant chemotherapy is allowed\n* Metastatic disease", new[] { "metastatic" })]
    [InlineData("Inclusion Criteria:\n* Completely resected stage III melanoma, within 12 weeks of surgery", new[] { "adjuvant" })] // the trial's own setting
    public void A_criterion_about_earlier_treatment_does_not_give_adjuvant_or_neoadjuvant(string criteria, string[] settings)
    {
        Assert.Equal(settings, Summary(["Melanoma"], criteria: criteria).Settings);
    }

    /// <summary>Set 25 (AZTEC): a denial reaches across "or" to the setting after it.</summary>
    [Theory]
    [InlineData("Inclusion Criteria:\n* No more than one line of chemotherapy (not including neoadjuvant or adjuvant therapy)", new string[0])]
    [InlineData("Inclusion Criteria:\n* Without vascular invasion or extrahepatic spread", new string[0])]
    [InlineData("Inclusion Criteria:\n* Not suitable for resection, or metastatic disease", new[] { "unresectable", "metastatic" })] // a comma ends the denial
    public void A_denial_reaches_across_or_to_the_setting_after_it(string criteria, string[] settings)
    {
        Assert.Equal(settings, Summary(["Breast Cancer"], criteria: criteria).Settings);
    }

    [Fact]
    public void Exclusion_criteria_and_denied_settings_do_not_count()
    {
        var summary = Summary(
            ["Hepatocellular Carcinoma"],
            criteria: "Inclusion Criteria:\n* Child-Pugh A\n* No extrahepatic metastatic disease\n* Without vascular invasion\n\nExclusion Criteria:\n* Unresectable tumour invading the main portal vein");

        Assert.Empty(summary.Settings!);
        Assert.Equal("Hepatocellular Carcinoma", summary.Disease);
    }

    [Fact]
    public void Progression_counts_as_after_prior_systemic_therapy_only_with_a_systemic_therapy_named_after_it()
    {
        var afterSorafenib = Summary(["Hepatocellular Carcinoma"], criteria: "Inclusion Criteria:\n* Radiological progression after sorafenib");
        var afterTace = Summary(["Hepatocellular Carcinoma"], criteria: "Inclusion Criteria:\n* Progression after TACE of the target lesion");

        Assert.Equal(["after prior systemic therapy"], afterSorafenib.Settings);
        Assert.Equal("Hepatocellular Carcinoma after prior systemic therapy", afterSorafenib.Disease);
        Assert.Empty(afterTace.Settings!);
    }

    [Fact]
    public void Background_sentences_of_the_summary_say_nothing_of_the_trials_patients()
    {
        var summary = Summary(
            ["Hepatocellular Carcinoma"],
            summary: "Nivolumab has been approved for advanced HCC after sorafenib. This study gives SBRT before resection.");

        Assert.Equal(["neoadjuvant"], summary.Settings);
        Assert.Equal("Hepatocellular Carcinoma (neoadjuvant)", summary.Disease);
    }

    /// <summary>Set 15 (NCT04644250, NCT07340502): a detailed description is mostly what others found.</summary>
    [Fact]
    public void A_detailed_description_gives_settings_only_in_sentences_about_the_trial()
    {
        var summary = Summary(
            ["Esophageal Squamous Cell Carcinoma"],
            description: "In KEYNOTE-181, for patients with metastatic ESCC, pembrolizumab improved overall survival. "
                + "About 10% of patients have disease progression after chemoradiotherapy. "
                + "This trial will enrol patients with locally advanced ESCC for neoadjuvant chemoradiotherapy with toripalimab.");

        Assert.Equal(["locally advanced", "neoadjuvant"], summary.Settings);
        Assert.Equal(["locally advanced"], Summary(["Esophageal Squamous Cell Carcinoma"], description: "The study enrolls patients with locally advanced ESCC.").Settings);
        Assert.Equal(["unresectable"], Summary(["Esophageal Squamous Cell Carcinoma"], description: "The current study investigates toripalimab in unresectable ESCC.").Settings);
    }

    [Fact]
    public void Metastases_named_in_the_criteria_as_a_subgroup_do_not_make_the_trial_metastatic_but_in_a_condition_they_do()
    {
        var subgroup = Summary(["Glioma"], criteria: "Inclusion Criteria:\n* ALT <= 5 x ULN in patients with liver metastases");
        var condition = Summary(["Non-small Cell Lung Cancer", "Brain Metastases"]);

        Assert.Empty(subgroup.Settings!);
        Assert.Equal(["metastatic"], condition.Settings);
        Assert.Equal("Metastatic Non-small Cell Lung Cancer", condition.Disease);
    }

    [Fact]
    public void A_trial_of_no_neoplasm_has_no_setting_and_its_conditions_stay_the_disease()
    {
        var summary = Summary(["Asthma"], title: "Relapsed asthma after failed inhaled steroid therapy", criteria: "Inclusion Criteria:\n* adjuvant therapy allowed");

        Assert.Empty(summary.Settings!);
        Assert.Null(summary.Disease);
    }

    [Fact]
    public void A_record_without_conditions_is_a_trial_of_a_neoplasm_when_its_title_names_one()
    {
        var protocol = WithArms([]);
        protocol["identificationModule"] = new JsonObject { ["nctId"] = "NCT00000001", ["briefTitle"] = "RT+ Anti-PD-1 for Patients With Advanced HCC" };

        var summary = Normalise(protocol).Summary;

        Assert.Equal(["advanced"], summary.Settings);
        Assert.Equal("Advanced (no condition listed)", summary.Disease);
    }

    [Fact]
    public void Each_setting_keeps_the_field_and_words_it_came_from()
    {
        var protocol = WithArms([]);
        protocol["conditionsModule"] = new JsonObject { ["conditions"] = new JsonArray("Hepatocellular Carcinoma") };
        protocol["eligibilityModule"] = new JsonObject { ["eligibilityCriteria"] = "Inclusion Criteria:\n* HCC with PVTT" };

        var source = Assert.Single(Normalise(protocol).Sources, s => s.Field == NormalisedField.DiseaseSetting);

        Assert.Equal(("vascular invasion", "eligibilityModule.eligibilityCriteria", "PVTT"), (source.Value, source.SourceField, source.Matched));
    }
}
