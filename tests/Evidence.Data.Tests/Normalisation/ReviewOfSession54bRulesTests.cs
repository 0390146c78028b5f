using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review (issue 10) of vocabularies .151-.153, mended in .155: the setting guards
/// of .152, the late-effect words "dysfunction" and "sequelae" as safety (withdrawn), a device
/// that carries radioactive seeds, the terms "125I" (withdrawn) and "RTh", a radiation
/// intervention named only by its part of the trial, and "will be delivered with" a kind. Each
/// case asserts what a careful systematic reviewer would label (DOMAIN.md, LABELLING-GUIDE.md), not
/// what the code does; the old gaps it found are listed in docs/adding-a-topic.md, not kept here.
/// </summary>
public class ReviewOfSession54bRulesTests
{
    private static string? EndpointOf(string title, string measure, string[] conditions, params JsonObject[] interventions)
    {
        var protocol = WithConditions(WithPurpose(Trial(title, null, interventions), "TREATMENT"), conditions);
        protocol["outcomesModule"] = new JsonObject { ["primaryOutcomes"] = new JsonArray(new JsonObject { ["measure"] = measure }) };
        return Normalise(protocol).Outcomes[0].EndpointClass;
    }

    // ---- 1. "underwent" in summaries: the .152 guard drops the trial's own phase ----------------

    [Fact]
    public void Adjuvant_treatment_after_the_resection_patients_underwent_is_adjuvant()
    {
        // The classic adjuvant summary: the resection is history, the adjuvant CAPOX is the trial's.
        var settings = SettingsOf("Three Versus Six Months of CAPOX in Stage III Colon Cancer",
            "Patients who underwent curative resection will receive adjuvant CAPOX for 3 or 6 months.", null, "Colon Cancer");

        Assert.Contains(Terms.AdjuvantSetting, settings);
    }

    [Fact]
    public void A_post_neoadjuvant_trial_is_adjuvant()
    {
        // CREATE-X-like: the neoadjuvant chemotherapy is history, the randomised capecitabine is adjuvant.
        var settings = SettingsOf("Capecitabine or Observation in Triple-negative Breast Cancer With Residual Disease",
            "Patients who underwent neoadjuvant chemotherapy and surgery will be randomised to adjuvant capecitabine or observation.", null,
            "Triple Negative Breast Cancer");

        Assert.Contains(Terms.AdjuvantSetting, settings);
    }

    [Fact]
    public void A_completed_trial_whose_patients_underwent_its_neoadjuvant_treatment_is_neoadjuvant()
    {
        // Summaries of completed trials are often rewritten in the past tense (cf. NCT07132008's "the experimental group underwent four cycles of neoadjuvant CAPOX").
        var settings = SettingsOf("Short-course Radiotherapy Followed by CAPOX and Tislelizumab in Locally Advanced Rectal Cancer",
            "Patients in the experimental group underwent four cycles of neoadjuvant CAPOX chemotherapy plus tislelizumab followed by total mesorectal excision.",
            null, "Rectal Cancer");

        Assert.Contains(Terms.NeoadjuvantSetting, settings);
    }

    [Fact]
    public void A_staging_procedure_patients_underwent_does_not_make_the_trials_perioperative_treatment_history()
    {
        // "underwent" governs the staging laparoscopy; the perioperative FLOT is what the trial gives.
        var settings = SettingsOf("FLOT in Locally Advanced Gastric Cancer",
            "Patients who underwent diagnostic laparoscopy and have no peritoneal metastases will receive perioperative FLOT chemotherapy.", null,
            "Gastric Cancer");

        Assert.Contains(Terms.NeoadjuvantSetting, settings);
    }

    // ---- 2. Criteria: "underwent" as earlier treatment, "within N weeks" as an assessment ---------

    [Fact]
    public void A_criterion_of_the_resection_patients_underwent_with_postoperative_pathology_is_adjuvant()
    {
        // Chinese adjuvant HCC trials' usual criterion; "Postoperative pathology confirmed HCC" is whom the trial treats (DiseaseSetting's own comment).
        var settings = SettingsOf("Sintilimab in Hepatocellular Carcinoma With Microvascular Invasion", null,
            "Inclusion Criteria:\n* Underwent R0 hepatectomy, with postoperative pathology confirming hepatocellular carcinoma\n\nExclusion Criteria:\n* Prior systemic therapy",
            "Hepatocellular Carcinoma");

        Assert.Contains(Terms.AdjuvantSetting, settings);
    }

    [Fact]
    public void Randomisation_within_weeks_after_complete_resection_is_adjuvant()
    {
        // The window dates the trial's own start after surgery, not an assessment.
        var settings = SettingsOf("Pembrolizumab Versus Placebo in High-risk Stage II Melanoma", null,
            "Inclusion Criteria:\n* Randomisation within 12 weeks after complete resection\n\nExclusion Criteria:\n* Prior systemic therapy", "Melanoma");

        Assert.Contains(Terms.AdjuvantSetting, settings);
    }

    [Fact]
    public void A_window_trials_own_treatment_within_weeks_before_surgery_is_neoadjuvant()
    {
        // The criterion schedules the trial's preoperative pembrolizumab.
        var settings = SettingsOf("Pembrolizumab Window-of-Opportunity Study in Head and Neck Squamous Cell Carcinoma", null,
            "Inclusion Criteria:\n* Able to receive two doses of pembrolizumab within 6 weeks before surgery\n\nExclusion Criteria:\n* Distant metastases",
            "Head and Neck Squamous Cell Carcinoma");

        Assert.Contains(Terms.NeoadjuvantSetting, settings);
    }

    [Fact]
    public void A_liver_function_test_within_days_before_surgery_is_not_neoadjuvant()
    {
        var settings = SettingsOf("Nivolumab in Hepatocellular Carcinoma", null,
            "Inclusion Criteria:\n* Child-Pugh A liver function assessed within 7 days before surgery\n\nExclusion Criteria:\n* Distant metastases",
            "Hepatocellular Carcinoma");

        Assert.DoesNotContain(Terms.NeoadjuvantSetting, settings);
    }

    // ---- 3. "dysfunction" and "sequelae" ---------------------------------------------------------

    [Fact]
    public void Neurological_dysfunction_in_a_spinal_cord_compression_rt_trial_is_its_efficacy()
    {
        // Without "improvement": the dysfunction is the compression's; RT is given to relieve it.
        var endpoint = EndpointOf("Single Fraction Versus Multi-Fraction Radiotherapy for Metastatic Spinal Cord Compression",
            "Neurological dysfunction (Frankel grade) at 4 weeks", ["Spinal Cord Compression", "Bone Metastases"],
            Intervention("RADIATION", "Radiotherapy", "8 Gy in 1 fraction or 20 Gy in 5 fractions"));

        Assert.Equal(Terms.OtherEndpoint, endpoint);
    }

    [Fact]
    public void Executive_dysfunction_in_a_trial_of_a_drug_for_cognitive_impairment_is_its_efficacy()
    {
        // The title says "cognitive impairment", not "dysfunction": the namesSubject guard does not see it.
        var endpoint = EndpointOf("Methylphenidate for Cognitive Impairment in Patients With Primary Brain Tumours",
            "Executive dysfunction (Trail Making Test B) at 12 weeks", ["Glioma"], Intervention("DRUG", "Methylphenidate", "10 mg twice daily"));

        Assert.Equal(Terms.OtherEndpoint, endpoint);
    }

    [Fact]
    public void Ventricular_dysfunction_in_a_cardioprotection_trial_is_its_efficacy()
    {
        // Carvedilol is given to prevent trastuzumab's cardiotoxicity (registered as treatment, as many are).
        var endpoint = EndpointOf("Carvedilol for Prevention of Trastuzumab Cardiotoxicity in HER2-positive Breast Cancer",
            "Incidence of left ventricular systolic dysfunction", ["Breast Cancer"], Intervention("DRUG", "Carvedilol", "6.25 mg twice daily"));

        Assert.Equal(Terms.OtherEndpoint, endpoint);
    }

    [Fact]
    public void Ovarian_dysfunction_in_an_ovarian_protection_trial_is_its_efficacy()
    {
        var endpoint = EndpointOf("Goserelin for Ovarian Protection in Premenopausal Breast Cancer Patients Receiving Chemotherapy",
            "Rate of premature ovarian dysfunction at 2 years", ["Breast Cancer"],
            Intervention("DRUG", "Goserelin", "3.6 mg every 4 weeks during chemotherapy"), Intervention("DRUG", "Cyclophosphamide", "600 mg/m2"));

        Assert.Equal(Terms.OtherEndpoint, endpoint);
    }

    // ---- 4. A device that carries radioactive seeds ------------------------------------------------

    [Fact]
    public void Radioactive_seed_localisation_is_no_rt()
    {
        // RSL of non-palpable breast lesions: the I-125 seed marks the lesion for excision and is removed with it.
        var kinds = Kinds(OnlyIntervention(Intervention("DEVICE", "Radioactive seed localization",
            "An 18-gauge needle pre-loaded with a single I-125 seed (0.1-0.3 mCi) is placed into the non-palpable lesion under ultrasound guidance before surgery; the seed is removed with the surgical specimen.")));

        Assert.Equal("", kinds);
    }

    [Fact]
    public void A_control_stent_described_against_the_seed_loaded_one_is_no_rt()
    {
        var kinds = Kinds(OnlyIntervention(Intervention("DEVICE", "Uncovered metallic stent",
            "Uncovered self-expandable metallic stent alone; patients in the experimental arm receive the same stent loaded with 125I seeds.")));

        Assert.Equal("", kinds);
    }

    [Fact]
    public void An_eye_plaque_loaded_with_iodine_125_seeds_is_their_brachytherapy()
    {
        var kinds = Kinds(OnlyIntervention(Intervention("DEVICE", "Eye plaque", "A gold COMS plaque loaded with iodine-125 seeds, sutured to the sclera over the tumour.")));

        Assert.Equal("I-125 seed", kinds);
    }

    // ---- 5. "125I" and "RTh" ----------------------------------------------------------------------

    [Fact]
    public void Iothalamate_i125_for_measured_gfr_is_no_rt()
    {
        // A tracer of glomerular filtration (Glofil-125), given to dose or monitor chemotherapy.
        var kinds = Kinds(OnlyIntervention(Intervention("DRUG", "125I-iothalamate", "Measured GFR by plasma clearance of 125I-iothalamate before each cisplatin cycle")));

        Assert.Equal("", kinds);
    }

    [Fact]
    public void A_radioimmunoassay_study_observes_no_rt()
    {
        var kinds = Kinds(Normalise(Observational("Thyroglobulin by 125I Radioimmunoassay Versus Chemiluminescence in the Follow-up of Differentiated Thyroid Cancer")).FreeText);

        Assert.Equal("", kinds);
    }

    [Fact]
    public void Resistance_to_thyroid_hormone_is_no_rt()
    {
        // RTH: resistance to thyroid hormone (THRB mutations), a condition with registered natural-history studies.
        var kinds = Kinds(Normalise(Observational("Long-term Outcomes of Children With Resistance to Thyroid Hormone (RTH)")).FreeText);

        Assert.Equal("", kinds);
    }

    // ---- 6. A part label typed radiation; "will be delivered with" a kind --------------------------

    [Fact]
    public void A_radiotracer_cohort_of_a_basic_science_pet_study_is_no_rt()
    {
        // PET biodistribution studies type their tracer "Radiation" and register as basic science, not diagnostic.
        var protocol = WithPurpose(Trial("[18F]Fluciclovine PET Biodistribution in Prostate Cancer", null, [Intervention("RADIATION", "Cohort 1")]), "BASIC_SCIENCE");

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    [Fact]
    public void A_brachytherapy_like_dose_distribution_is_not_brachytherapy()
    {
        // "-like" compares: the RT is external beam of no named kind (VMAT is a technique, guide rule 2).
        var protocol = Trial("Radiotherapy for Prostate Cancer", "The radiation therapy will be delivered with a brachytherapy-like dose distribution using VMAT.",
            [Intervention("RADIATION", "Radiation therapy")]);

        Assert.Equal(Terms.UnspecifiedRt, Kinds(Normalise(protocol).Interventions[0]));
    }
}
