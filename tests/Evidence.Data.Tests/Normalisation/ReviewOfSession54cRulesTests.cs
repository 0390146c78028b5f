using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// A third independent review (issue 10) of the rules of vocabularies .151-.155 as they stand after
/// two rounds of review: a radiation intervention named only by its part of the trial, a sentence
/// that says what will deliver the trial's RT, a device that carries radioactive seeds, "RTh",
/// a radiation intervention named "Proton", and a criterion's "within N days before surgery" as an
/// assessment's date; mended in .156. Each case asserts what a careful systematic reviewer would
/// label (DOMAIN.md, LABELLING-GUIDE.md), not what the code does; its one old gap is listed in
/// docs/adding-a-topic.md, not kept here.
/// </summary>
public class ReviewOfSession54cRulesTests
{
    // ---- 1. A part label typed radiation, with no description and no arm ---------------------------

    [Fact]
    public void A_photobiomodulation_group_typed_radiation_is_no_rt()
    {
        // Older records of laser therapy for oral mucositis type the laser "Radiation" and name
        // interventions by group; the title names the light, not imaging (LightWords, not ImagingWords).
        var protocol = WithPurpose(Trial("Photobiomodulation for Prevention of Oral Mucositis in Head and Neck Cancer",
            "Low-level laser therapy (660 nm, 40 mW) applied daily to the oral mucosa of patients receiving chemoradiotherapy.",
            [Intervention("RADIATION", "Group 1"), Intervention("OTHER", "Group 2")]), "SUPPORTIVE_CARE");

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    [Fact]
    public void A_shock_wave_group_typed_radiation_is_no_rt()
    {
        // "Radial" shock wave therapy is often typed "Radiation" by its registrants.
        var protocol = WithPurpose(Trial("Radial Extracorporeal Shock Wave Therapy Versus Therapeutic Ultrasound in Plantar Fasciitis", null,
            [Intervention("RADIATION", "Group A"), Intervention("OTHER", "Group B")]), "TREATMENT");

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    [Fact]
    public void An_occupational_exposure_cohort_typed_radiation_is_no_rt()
    {
        // An observational study's exposure typed "Radiation": the workers' scatter dose, not a treatment.
        var protocol = Observational("Lens Opacities in Interventional Cardiologists Exposed to Occupational Radiation", null,
            [Intervention("RADIATION", "Group 1"), Intervention("OTHER", "Group 2")]);

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    [Fact]
    public void A_thermal_ablation_group_typed_radiation_is_no_rt()
    {
        // Microwave and radiofrequency energy typed "Radiation" (electromagnetic radiation), named by group.
        var protocol = WithPurpose(Trial("Microwave Ablation Versus Radiofrequency Ablation of Benign Thyroid Nodules", null,
            [Intervention("RADIATION", "Group A"), Intervention("RADIATION", "Group B")]), "TREATMENT");

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    // ---- 2. "will be delivered with" a kind --------------------------------------------------------

    [Fact]
    public void The_primary_tumours_conventional_course_is_not_the_metastases_sbrt()
    {
        // Oligometastatic trial: the sentence says how the metastases are treated; the primary's
        // 60 Gy in 30 fractions is another course, of no kind its words name.
        var protocol = WithPurpose(Trial("Radiotherapy to the Primary Tumour and All Metastases in Oligometastatic Non-small Cell Lung Cancer",
            "Radiotherapy will be delivered with SBRT to all sites of metastatic disease. The primary tumour will receive 60 Gy in 30 fractions.",
            [Intervention("RADIATION", "Radiotherapy to the primary tumour", "60 Gy in 30 fractions"),
             Intervention("RADIATION", "Radiotherapy to metastatic sites", "30-50 Gy in 3-5 fractions")]), "TREATMENT");

        Assert.Equal(Terms.UnspecifiedRt, Kinds(Normalise(protocol).Interventions[0]));
    }

    [Fact]
    public void Radiotherapy_delivered_using_protons_with_pencil_beam_scanning_is_proton_therapy()
    {
        var protocol = WithPurpose(Trial("Re-irradiation of Recurrent Head and Neck Cancer",
            "Radiotherapy will be delivered using protons with pencil-beam scanning to 60 Gy(RBE) in 30 fractions.",
            [Intervention("RADIATION", "Re-irradiation")]), "TREATMENT");

        Assert.Equal("Proton", Kinds(Normalise(protocol).Interventions[0]));
    }

    // ---- 3. A device that carries radioactive seeds ------------------------------------------------

    [Fact]
    public void A_rectal_spacer_placed_before_seed_implantation_is_no_rt()
    {
        // The spacer is a device of its own; the seeds are the brachytherapy intervention's.
        var kinds = Kinds(OnlyIntervention(Intervention("DEVICE", "SpaceOAR hydrogel",
            "Hydrogel spacer injected transperineally between the prostate and rectum before implantation of needles containing I-125 seeds.")));

        Assert.Equal("", kinds);
    }

    [Fact]
    public void A_post_implant_mri_of_the_prostate_containing_seeds_is_no_rt()
    {
        // Imaging for post-implant dosimetry: the seed rule answers before the imaging guard does.
        var kinds = Kinds(OnlyIntervention(Intervention("DEVICE", "Post-implant MRI",
            "3 Tesla MRI of the prostate containing the implanted I-125 seeds, 30 days after implantation, for post-implant dosimetry.")));

        Assert.Equal("", kinds);
    }

    [Fact]
    public void Radioactive_seed_guided_excision_is_no_rt()
    {
        // RSL described without the word "localization": the seed marks the lesion and is excised with it.
        var kinds = Kinds(OnlyIntervention(Intervention("DEVICE", "Radioactive seed-guided excision",
            "A needle pre-loaded with an I-125 seed is placed in the non-palpable breast lesion under ultrasound guidance; the surgeon excises the lesion and the seed together, guided by a gamma probe.")));

        Assert.Equal("", kinds);
    }

    [Fact]
    public void A_stent_with_seeds_embedded_in_its_jacket_gives_their_brachytherapy()
    {
        // "embedded" after the seeds, not before them.
        var kinds = Kinds(OnlyIntervention(Intervention("DEVICE", "Irradiation stent",
            "A covered self-expandable biliary stent with 125I seeds embedded in its outer jacket.")));

        Assert.Equal("I-125 seed", kinds);
    }

    // ---- 4. "RTh" ----------------------------------------------------------------------------------

    [Fact]
    public void Retinal_thickness_abbreviated_rth_is_no_rt()
    {
        // Ophthalmology writes retinal thickness "RTh" beside central subfield thickness.
        var protocol = WithPurpose(WithConditions(Trial("Ranibizumab Versus Bevacizumab for Diabetic Macular Edema",
            "The primary aim is to compare the change in retinal thickness (RTh) measured by optical coherence tomography after three monthly injections.",
            [Intervention("DRUG", "Ranibizumab", "0.5 mg intravitreal injection")]), "Diabetic Macular Edema"), "TREATMENT");

        Assert.Equal("", TrialKinds(Normalise(protocol)));
    }

    [Fact]
    public void Retinal_thickness_abbreviated_rth_in_a_mek_inhibitor_trial_is_no_rt()
    {
        // The same abbreviation in an oncology trial: MEK inhibitors' serous retinopathy is monitored by OCT.
        var protocol = WithPurpose(WithConditions(Trial("Binimetinib and Encorafenib in BRAF V600-mutant Metastatic Melanoma",
            "Serous retinopathy will be monitored by retinal thickness (RTh) on optical coherence tomography at every cycle.",
            [Intervention("DRUG", "Binimetinib", "45 mg twice daily"), Intervention("DRUG", "Encorafenib", "450 mg once daily")]), "Melanoma"), "TREATMENT");

        Assert.Equal("", TrialKinds(Normalise(protocol)));
    }

    [Fact]
    public void Rth_in_a_head_and_neck_title_is_radiotherapy()
    {
        var kinds = Kinds(Normalise(Observational("Concurrent Rth With Weekly Cisplatin in Elderly Patients With Head and Neck Cancer")).FreeText);

        Assert.Equal(Terms.UnspecifiedRt, kinds);
    }

    // ---- 5. "Proton" ------------------------------------------------------------------------------

    [Fact]
    public void A_proton_radiography_image_in_a_diagnostic_study_is_no_rt()
    {
        // A low-dose proton image to verify range before treatment: imaging, as the part-label rule
        // already reads a diagnostic study's "radiation".
        var protocol = WithPurpose(Trial("Proton Radiography for In Vivo Range Verification", null, [Intervention("RADIATION", "Proton")]), "DIAGNOSTIC");

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    [Fact]
    public void A_radiation_typed_proton_spectroscopy_is_no_rt()
    {
        // Proton (1H) MR spectroscopy typed "Radiation" and named by its nucleus; its description says imaging.
        var protocol = WithPurpose(Trial("Metabolic Response of Glioblastoma to Chemoradiotherapy", null,
            [Intervention("RADIATION", "Proton", "Proton magnetic resonance spectroscopy (1H-MRS) of the tumour at baseline and 6 weeks")]), "BASIC_SCIENCE");

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    // ---- 6. A criterion's "within N weeks before surgery" -----------------------------------------

    [Fact]
    public void Cycles_of_the_trials_drug_administered_within_weeks_before_surgery_are_neoadjuvant()
    {
        var settings = SettingsOf("Nivolumab in Resectable Non-small Cell Lung Cancer", null,
            "Inclusion Criteria:\n* Two cycles of nivolumab administered within 4 weeks before surgery, with tumour response evaluated by CT\n\nExclusion Criteria:\n* Distant metastases",
            "Non-small Cell Lung Cancer");

        Assert.Contains(Terms.NeoadjuvantSetting, settings);
    }

    [Fact]
    public void Sbrt_fractions_within_weeks_prior_to_resection_are_neoadjuvant()
    {
        var settings = SettingsOf("Stereotactic Radiotherapy and Lobectomy for Early Lung Cancer", null,
            "Inclusion Criteria:\n* Able to complete 5 fractions of SBRT within 2 weeks prior to resection, with pulmonary function adequate for lobectomy\n\nExclusion Criteria:\n* Prior thoracic radiotherapy",
            "Non-small Cell Lung Cancer");

        Assert.Contains(Terms.NeoadjuvantSetting, settings);
    }

    [Fact]
    public void A_window_drug_taken_within_weeks_before_surgery_is_neoadjuvant()
    {
        var settings = SettingsOf("Letrozole Window Study in Postmenopausal Breast Cancer", null,
            "Inclusion Criteria:\n* Willing to take letrozole 2.5 mg daily for at least 14 days within 4 weeks before surgery, with a research biopsy obtained at surgery\n\nExclusion Criteria:\n* Prior endocrine therapy",
            "Breast Cancer");

        Assert.Contains(Terms.NeoadjuvantSetting, settings);
    }

    [Fact]
    public void A_staging_scan_within_days_prior_to_surgery_is_not_neoadjuvant()
    {
        var settings = SettingsOf("Postoperative Radiotherapy in Pathological N2 Non-small Cell Lung Cancer", null,
            "Inclusion Criteria:\n* Staging CT scan of the chest and abdomen obtained within 28 days prior to surgery\n\nExclusion Criteria:\n* Distant metastases",
            "Non-small Cell Lung Cancer");

        Assert.DoesNotContain(Terms.NeoadjuvantSetting, settings);
    }
}
