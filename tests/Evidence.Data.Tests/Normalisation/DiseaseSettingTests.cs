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

    /// <summary>
    /// A review found "Colorectal Liver Metastases" written "Metastatic (no condition listed)": where
    /// no condition names a neoplasm of its own, metastases are the disease, named whole and once.
    /// </summary>
    [Fact]
    public void A_condition_of_metastases_alone_is_the_disease_named_whole()
    {
        Assert.Equal("Colorectal Liver Metastases", Summary(["Colorectal Liver Metastases"]).Disease);
        Assert.Equal("Leptomeningeal Metastasis", Summary(["Leptomeningeal Metastasis"], title: "Radiotherapy for Leptomeningeal Metastasis").Disease);
        Assert.Equal("Metastatic Breast Cancer", Summary(["Breast Cancer", "Brain Metastases"]).Disease);
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

    /// <summary>
    /// Adjuvant words that are not whom the trial treats: an outcome measured after surgery (sets
    /// 3, 38), a drug continued after the RT it is given with (sets 7, 8, 10, 17, 19); and words
    /// that are (a patient who consented to adjuvant therapy after surgery, set 33; a title's
    /// "Adjuvant Pembrolizumab After Radiation Therapy").
    /// </summary>
    [Theory]
    [InlineData("This trial will reduce postoperative complications and post-operative recurrence in resectable cancer.", null, new string[0])]
    [InlineData("Patients will then undergo regular postoperative survival follow-up.", null, new string[0])]
    [InlineData("We will give SBRT with concurrent and adjuvant temozolomide.", null, new string[0])]
    [InlineData("Atezolizumab is given concurrently with chemoradiotherapy, then continued as adjuvant treatment.", null, new string[0])]
    [InlineData(null, "Inclusion Criteria:\n* Complete response after radical surgery, and consented to postoperative adjuvant therapy", new[] { "adjuvant" })]
    [InlineData("This trial gives postoperative radiotherapy to resected tumours.", null, new[] { "adjuvant" })]
    // A review's cases: adjuvant trials all the same.
    [InlineData("This trial gives sintilimab to prevent postoperative recurrence of HCC with microvascular invasion.", null, new[] { "adjuvant" })]
    [InlineData("Patients will receive sintilimab starting on postoperative day 28.", null, new[] { "adjuvant" })]
    [InlineData("Neoadjuvant toripalimab will be given before surgery; toripalimab will then be continued as adjuvant therapy for up to 1 year.", null, new[] { "adjuvant", "neoadjuvant" })]
    public void Adjuvant_words_of_an_outcome_or_of_a_drug_continued_after_rt_are_not_the_setting(string? summary, string? criteria, string[] settings)
    {
        Assert.Equal(settings, Summary(["Glioblastoma"], summary: summary, criteria: criteria).Settings);
    }

    [Fact]
    public void An_adjuvant_title_after_radiation_therapy_is_adjuvant()
    {
        Assert.Equal(["adjuvant"], Summary(["Mesothelioma"], title: "Adjuvant Pembrolizumab After Radiation Therapy for Lung-Intact Malignant Pleural Mesothelioma").Settings);
    }

    /// <summary>
    /// Conversion, bridging and downstaging of no planned operation treat disease that cannot
    /// yet be resected or transplanted: not neoadjuvant (15 conversion trials of the label sets
    /// that no annotator tagged so); nor is a "Conversion Reaction". Downstaging for an operation
    /// the record names is.
    /// </summary>
    [Theory]
    [InlineData("Lenvatinib Plus TACE and PD-1 Inhibitors Versus TACE Alone as Conversion Therapy for Unresectable Hepatocellular Carcinoma", new[] { "unresectable" })]
    [InlineData("TACE and SBRT Followed by Double Immunotherapy for Downstaging Hepatocellular Carcinoma", new string[0])]
    [InlineData("Sequential TACE and SBRT Followed by ImmunoTherapy for Downstaging HCC for Hepatectomy", new[] { "neoadjuvant" })] // NCT03817736: for a planned operation
    [InlineData("Pembrolizumab and Chemoradiation for Downstaging of Muscle-invasive Bladder Cancer Before Radical Cystectomy", new[] { "neoadjuvant" })]
    [InlineData("Bridging Radiation Therapy Before CAR T-cell Infusion for Large B-cell Lymphoma", new string[0])]
    [InlineData("Hypnosis for Conversion Reaction in Cancer Survivors", new string[0])]
    [InlineData("Neoadjuvant Chemoradiotherapy Before Surgery for Rectal Cancer", new[] { "neoadjuvant" })]
    public void Conversion_downstaging_and_bridging_are_not_neoadjuvant(string title, string[] settings)
    {
        Assert.Equal(settings, Summary(["Cancer"], title: title).Settings);
    }

    /// <summary>
    /// Metastatic words that are not the patients' distant disease (sets 2, 3, 6, 24, 30, 32, 37):
    /// regional nodes, a risk or an outcome, an absence stated further back; and words that are.
    /// </summary>
    [Theory]
    [InlineData("Inclusion Criteria:\n* No evidence of extrahepatic metastatic disease", new string[0])]
    [InlineData("Inclusion Criteria:\n* No clinical evidence of metastatic spread", new string[0])]
    [InlineData("Inclusion Criteria:\n* Documentation of distant/metastatic disease-free status", new string[0])]
    [InlineData("Inclusion Criteria:\n* High risk for metastatic disease (cN2)", new string[0])]
    [InlineData("Inclusion Criteria:\n* Clinical T4 cancer with at least one unresectable metastatic regional lymph node", new[] { "unresectable" })]
    [InlineData("Inclusion Criteria:\n* SBRT to the primary tumour and metastatic lymph nodes is planned", new string[0])]
    [InlineData("Inclusion Criteria:\n* Locally advanced, metastatic / recurrence not accessible to curative treatment", new[] { "locally advanced", "metastatic" })]
    [InlineData("Inclusion Criteria:\n* Metastatic disease to the lung or liver, with or without lymph node involvement", new[] { "metastatic" })]
    [InlineData("Inclusion Criteria:\n* Risk of metastatic spread is not a criterion; patients have metastatic disease", new[] { "metastatic" })]
    [InlineData("Inclusion Criteria:\n* No CT or MRI evidence of metastatic disease", new string[0])]
    [InlineData("Inclusion Criteria:\n* At risk of developing distant metastatic disease", new string[0])]
    // A review's cases: metastatic patients all the same.
    [InlineData("Inclusion Criteria:\n* High-risk metastatic hormone-sensitive prostate cancer", new[] { "metastatic" })]
    [InlineData("Inclusion Criteria:\n* IMDC intermediate or poor risk metastatic clear cell RCC", new[] { "metastatic" })]
    [InlineData("Inclusion Criteria:\n* Denosumab to prevent SREs in metastatic prostate cancer", new[] { "metastatic" })]
    [InlineData("Inclusion Criteria:\n* Patients developing metastatic disease after surgery are eligible", new[] { "metastatic" })]
    [InlineData("Inclusion Criteria:\n* Measurable metastatic nodal and visceral disease", new[] { "metastatic" })]
    [InlineData("Inclusion Criteria:\n* At least one metastatic lymph node or visceral lesion measurable by RECIST", new[] { "metastatic" })]
    [InlineData("Inclusion Criteria:\n* Metastatic, platinum-free interval of at least 6 months", new[] { "metastatic" })]
    // A code review's cases.
    [InlineData("Inclusion Criteria:\n* Metastatic lymph node, liver or bone lesions", new[] { "metastatic" })]
    [InlineData("Inclusion Criteria:\n* No prior therapy and evidence of metastatic disease", new[] { "metastatic" })]
    [InlineData("Inclusion Criteria:\n* PCI to prevent brain metastases", new string[0])]
    public void Metastases_to_nodes_at_risk_or_absent_are_not_the_metastatic_setting(string criteria, string[] settings)
    {
        Assert.Equal(settings, Summary(["Cancer"], criteria: criteria).Settings);
    }

    [Fact]
    public void A_condition_of_lymph_node_metastasis_is_not_the_metastatic_setting()
    {
        Assert.Equal([], Summary(["Breast Cancer", "Lymph Node Metastasis"]).Settings ?? []);
        Assert.Equal(["metastatic"], Summary(["Breast Cancer", "Brain Metastases"]).Settings);
        Assert.Equal(["metastatic"], Summary(["Cervical Cancer", "Distant Lymph Node Metastasis"]).Settings);
        Assert.Equal(["metastatic"], Summary(["Breast Cancer", "Bone or Lymph Node Metastases"]).Settings);
        Assert.Equal(["metastatic"], Summary(["Prostate Cancer"], title: "SBRT for Non-regional Lymph Node Metastases").Settings);
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

    /// <summary>Sets 12, 26 and 30: "local advanced", "localized advanced" and "regionally advanced" are locally advanced, not "advanced".</summary>
    [Theory]
    [InlineData("Tislelizumab for Local Advanced Rectal Cancer")]
    [InlineData("Organ Preservation Therapy for Ultra-Low Localized Advanced Rectal Cancer")]
    [InlineData("Cemiplimab for Regionally Advanced Cutaneous Squamous Cell Carcinoma")]
    public void Spellings_of_locally_advanced_are_locally_advanced(string title)
    {
        Assert.Equal(["locally advanced"], Summary(["Cancer"], title: title).Settings);
    }

    /// <summary>Sets 9 and 22: "progressing on", "progressing through" and "relapse after" are progression after a therapy, as "progression on" is.</summary>
    [Theory]
    [InlineData("Inclusion Criteria:\n* Metastatic pancreatic adenocarcinoma progressing through first-line chemotherapy", true)]
    [InlineData("Inclusion Criteria:\n* Unresectable melanoma progressing on anti-PD-1 therapy", true)]
    [InlineData("Inclusion Criteria:\n* Relapse after chemotherapy or stem cell transplantation", true)]
    [InlineData("Inclusion Criteria:\n* Relapsed after surgery", false)] // still recurrent (a code review)
    [InlineData("Inclusion Criteria:\n* Hepatocellular carcinoma progressing after TACE", false)] // no systemic therapy
    public void Each_wording_of_progression_on_a_therapy_is_after_prior_systemic_therapy(string criteria, bool after)
    {
        var settings = Summary(["Cancer"], criteria: criteria).Settings!;

        Assert.Equal(after, settings.Contains("after prior systemic therapy"));
        Assert.Equal(criteria.Contains("Relapsed", StringComparison.Ordinal), settings.Contains("recurrent"));
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

    /// <summary>
    /// NCT04193696 (a review trial) and set 43: what others achieved "in recent years" is background;
    /// the title's "advanced" is the trial's, as the review writes it. Patients who "achieved"
    /// disease control in a sentence of the trial are its own.
    /// </summary>
    [Theory]
    [InlineData("In recent years, RT combined with immunotherapy has achieved certain curative effect in some patients with metastatic cancer.", new[] { "advanced" })]
    [InlineData("SBRT has been widely used in recent years as neoadjuvant and adjuvant therapy for patients with portal vein tumor thrombus.", new[] { "advanced" })]
    [InlineData("Patients with metastatic disease who achieved disease control after chemotherapy will be randomised.", new[] { "metastatic" })]
    public void What_others_achieved_in_recent_years_is_background(string summary, string[] settings)
    {
        Assert.Equal(settings, Summary(["Hepatocellular Carcinoma"], title: "RT Plus Anti-PD-1 for Patients With Advanced HCC", summary: summary).Settings);
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
