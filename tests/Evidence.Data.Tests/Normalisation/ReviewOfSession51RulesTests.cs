using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review (issue 10) of vocabulary .133: RT of no kind becomes EBRT where every
/// kind the record names anywhere is external beam; lists of what radiation may use ("or other
/// types", "x-rays/gamma rays", "particles, or radioactive seeds"). Each case asserts what a
/// careful systematic reviewer would label (DOMAIN.md, LABELLING-GUIDE.md), not what the code does.
/// Its seven regressions are mended at .134; three cases that .132 reads wrong too are listed in
/// docs/adding-a-topic.md instead of here.
/// </summary>
public class ReviewOfSession51RulesTests
{
    // ---- Where the bare RT should not become EBRT ----------------------------------------------

    [Fact]
    public void Radioactive_iodine_beside_external_radiation_exposure_stays_of_no_kind()
    {
        // Radioiodine is radionuclide therapy (guide rule 10); "external radiation exposure" of carers is shielding, not a course of RT.
        var study = Normalise(Trial("Radioactive Iodine Ablation After Total Thyroidectomy for Low-Risk Differentiated Thyroid Cancer",
            "After radioactive iodine, patients stay in a shielded room to limit the external radiation exposure of family members and staff.",
            [Intervention("RADIATION", "Radioactive iodine", "Oral capsule of 1.1 GBq given 4 weeks after surgery.")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Xofigo_typed_as_radiation_does_not_take_the_external_beam_of_the_background()
    {
        // Xofigo is radium-223 (guide rule 10); the external beam the summary names is the alternative for a single painful site.
        var study = Normalise(Trial("Xofigo for Symptomatic Bone Metastases From Castration-Resistant Prostate Cancer",
            "External beam radiotherapy relieves pain at a single site; patients with many painful bone metastases need a systemic treatment.",
            [Intervention("RADIATION", "Xofigo", "Six intravenous injections every 4 weeks.")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Electrons_given_during_surgery_do_not_take_the_comparators_whole_breast_irradiation()
    {
        // A single fraction of electrons to the open tumour bed is intraoperative electron RT, "RT, unspecified" by the vocabulary; whole-breast irradiation is the other arm's.
        var study = Normalise(Trial("Single-Dose Radiotherapy During Breast-Conserving Surgery Versus Postoperative Whole-Breast Irradiation",
            "Women aged 50 or over with small breast cancers are randomised between the two approaches.",
            [Intervention("RADIATION", "Radiotherapy during surgery", "A single fraction of electrons is delivered to the tumour bed while the breast is open, before wound closure.", arms: ["Experimental"]),
             Intervention("RADIATION", "Whole-breast irradiation", "Postoperative course over 3 to 5 weeks.", arms: ["Standard"])],
            Arm("Experimental", "Radiotherapy during surgery", "Radiotherapy during surgery"),
            Arm("Standard", "Whole-breast irradiation after surgery", "Whole-breast irradiation")));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
        Assert.Equal("EBRT", study.Interventions[1].RtModality);
    }

    [Fact]
    public void An_ioert_boost_that_may_replace_whole_breast_irradiation_stays_of_no_kind()
    {
        // IOERT is intraoperative electron RT ("RT, unspecified"); whole-breast irradiation is the standard it may replace, not the trial's RT.
        var study = Normalise(Trial("Radiotherapy to the Tumour Bed Alone in Early Breast Cancer",
            "Whole-breast irradiation over 3 to 5 weeks is the standard after breast-conserving surgery. This trial tests whether IOERT alone can replace it.",
            [Intervention("RADIATION", "Radiotherapy", "IOERT to the tumour bed at the time of lumpectomy.")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Reirradiation_after_a_first_course_of_imrt_stays_of_no_kind()
    {
        // The IMRT is the primary treatment before the trial; how the recurrence is re-irradiated (photons, protons, SBRT) is not stated.
        var study = Normalise(Trial("Reirradiation for Locally Recurrent Nasopharyngeal Carcinoma",
            "All patients were treated with intensity-modulated radiotherapy for their primary tumour and have now recurred within the irradiated volume.",
            [Intervention("RADIATION", "Re-irradiation")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void A_second_course_to_previously_irradiated_vertebrae_stays_of_no_kind()
    {
        // The conventional external beam RT was the first course months earlier; the trial's second course names no kind.
        var study = Normalise(Trial("Second Course of Radiotherapy for Painful Spinal Metastases in a Previously Irradiated Field",
            "Patients had conventional external beam radiotherapy to the same vertebrae at least 6 months earlier and have recurrent pain.",
            [Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void A_historical_cohort_treated_with_whole_brain_rt_does_not_give_the_trials_rt_its_kind()
    {
        // Whole-brain RT is what the historical controls had; the trial's RT for 1-10 metastases is not described.
        var study = Normalise(Trial("Radiotherapy for One to Ten Brain Metastases From Small Cell Lung Cancer",
            "Cognitive function and survival will be compared with a historical cohort of patients treated with whole-brain radiotherapy at our institution.",
            [Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Total_skin_electron_reserved_for_widespread_disease_does_not_give_local_rt_its_kind()
    {
        // Total skin electron beam therapy is the treatment for widespread disease the trial does not give; its local RT of single plaques names no kind.
        var study = Normalise(Trial("Radiotherapy for Single Plaques of Mycosis Fungoides",
            "Total skin electron beam therapy is reserved for widespread disease; this trial treats one to three symptomatic plaques.",
            [Intervention("RADIATION", "Local radiotherapy")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Chest_x_rays_and_image_guided_biopsy_give_no_kind()
    {
        // Chest x-rays, CT and an image-guided biopsy are imaging, not RT; nothing names the RT's kind.
        var study = Normalise(Trial("Palliative Thoracic Radiotherapy for Symptomatic Lung Cancer",
            "Diagnosis is confirmed by image-guided biopsy. Response will be assessed with chest x-rays and CT scans every 3 months.",
            [Intervention("RADIATION", "Palliative radiotherapy")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void A_hydrogel_spacer_trial_in_men_planned_for_imrt_gives_no_rt()
    {
        // The trial gives a spacer; the IMRT is the men's standard treatment, not the trial's (guide: RT only where the patients are).
        var free = Normalise(WithPurpose(Trial("Hydrogel Spacer to Reduce Rectal Toxicity in Men Receiving Radiotherapy for Prostate Cancer",
            "Men planned for intensity-modulated radiotherapy to the prostate have a hydrogel spacer injected between the prostate and the rectum.",
            [Intervention("DEVICE", "Hydrogel spacer")]), "SUPPORTIVE_CARE")).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_mucositis_trial_in_patients_receiving_imrt_gives_no_rt()
    {
        // Radiation-induced mucositis is a toxicity; the laser is the trial's treatment, the IMRT the patients' own.
        var free = Normalise(WithPurpose(Trial("Photobiomodulation for Radiation-Induced Oral Mucositis in Head and Neck Cancer",
            "Patients receiving intensity-modulated radiotherapy to the oral cavity receive daily low-level laser to the mucosa.",
            [Intervention("DEVICE", "Low-level laser")]), "SUPPORTIVE_CARE")).FreeText;

        Assert.Null(free?.RtModality);
    }

    // ---- Lists of what radiation may use -----------------------------------------------------

    [Fact]
    public void Whole_breast_irradiation_and_other_forms_of_local_therapy_is_still_whole_breast_irradiation()
    {
        // "and other forms of local therapy" adds treatments, it does not make whole-breast irradiation a list of radiation sources (guide rule 4: EBRT).
        var study = Normalise(Trial("Endocrine Therapy With or Without Radiotherapy After Lumpectomy in Women Aged 70 or Over", null,
            [Intervention("RADIATION", "Radiotherapy", "Whole-breast irradiation and other forms of local therapy as per institutional guidelines."),
             Intervention("DRUG", "Endocrine therapy")]));

        Assert.Equal("EBRT", study.Interventions[0].RtModality);
    }

    // ---- Where it should ------------------------------------------------------------------------

    [Fact]
    public void A_protocol_that_plans_every_patient_with_3d_crt_gives_ebrt()
    {
        // 3D-CRT is the trial's technique for every arm and the only kind named (guide rule 2: a technique alone is EBRT).
        var study = Normalise(Described(
            Trial("Radiotherapy With or Without Cetuximab in Elderly Patients With Head and Neck Cancer", "Patients are randomised to radiotherapy alone or with weekly cetuximab.",
                [Intervention("RADIATION", "Radiotherapy"), Intervention("DRUG", "Cetuximab")]),
            "All patients are planned with 3D-CRT on a CT simulation scan."));

        Assert.Equal("EBRT", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Adjuvant_external_beam_whose_benefit_is_untested_is_the_trials_rt()
    {
        // The RT the trial randomises is the adjuvant external beam RT whose benefit "no randomised trial has tested": EBRT.
        var study = Normalise(Trial("Radiotherapy Versus Observation After Surgery for Atypical Meningioma",
            "Whether adjuvant external beam radiotherapy improves local control after gross total resection is unknown; no randomised trial has tested it.",
            [Intervention("RADIATION", "Radiotherapy"), Intervention("OTHER", "Observation")]));

        Assert.Equal("EBRT", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Free_text_rt_beside_imrt_background_gives_ebrt()
    {
        // The titles give RT; the only kind the record names is IMRT, the technique of such chemoradiation (the annotators of sets 55 and 110).
        var free = Normalise(Trial("Nimotuzumab Plus Concurrent Chemoradiotherapy for Locally Advanced Nasopharyngeal Carcinoma",
            "Intensity-modulated radiotherapy has improved local control; distant metastasis is now the main failure.", [])).FreeText;

        Assert.Equal("EBRT", free?.RtModality);
    }
}
