using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review (issue 10) of vocabulary .139: a bare record's "Giving ..." and "a trial
/// using ..." sentences; a title's RT that a consolidation ICI follows; cell and gene therapies by
/// INN stem; photons named alone. Each case asserts what a careful systematic reviewer would label
/// (DOMAIN.md, LABELLING-GUIDE.md), not what the code does.
/// </summary>
public class ReviewOfSession52RulesTests
{
    // ---- 1. "Giving ..." and "a trial using ..." in a record of no intervention and no arm -----

    [Fact]
    public void Giving_up_smoking_before_radiotherapy_gives_no_rt()
    {
        // "Giving up" smoking is the behaviour the trial supports; the radiotherapy is only the patients' treatment (guide: rt = no where RT is only where its patients are).
        var free = Normalise(Trial("Smoking Cessation Support for Patients With Head and Neck Cancer",
            "Giving up smoking before radiotherapy improves tumour control and reduces late toxicity. This study offers nicotine replacement and counselling from diagnosis.", [])).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_giving_sentence_of_usual_care_gives_no_rt()
    {
        // The sentence states the usual treatment the trial's patients cannot have; the trial gives pembrolizumab instead.
        var free = Normalise(Trial("Pembrolizumab After Surgery in High-Risk Cutaneous Squamous Cell Carcinoma",
            "Giving radiation therapy after surgery is the usual treatment, but many older patients cannot travel for daily sessions. This phase II trial studies how well pembrolizumab works in patients who are not candidates for it.", [])).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_giving_sentence_of_late_effects_gives_no_rt()
    {
        // Total-body irradiation is the survivors' past treatment whose late effects the growth-hormone trial treats.
        var free = Normalise(Trial("Growth Hormone in Childhood Cancer Survivors With Short Stature",
            "Giving total-body irradiation to young children can cause growth failure years later. This study tests whether daily growth hormone restores height velocity.", [])).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_giving_sentence_of_an_earlier_trials_result_gives_no_ici()
    {
        // CheckMate 067's result is background; the trial gives stereotactic radiosurgery and no ICI of its own.
        var free = Normalise(Trial("Stereotactic Radiosurgery for Melanoma Brain Metastases",
            "Giving nivolumab together with ipilimumab improved survival in the CheckMate 067 trial. This trial studies radiosurgery alone for patients with one to three brain metastases.", [])).FreeText;

        Assert.False(free?.GivesIci ?? false);
    }

    [Fact]
    public void An_nci_giving_sentence_gives_its_ici_and_rt()
    {
        // The US National Cancer Institute's rationale sentence names the regimen the trial gives: SBRT and durvalumab.
        var free = Normalise(Trial("Durvalumab and SBRT in Early-Stage Non-Small Cell Lung Cancer",
            "Giving durvalumab and stereotactic body radiation therapy together may kill more tumor cells than radiation alone.", [])).FreeText;

        Assert.Equal(Terms.Sbrt, free?.RtModality);
        Assert.Equal(["durvalumab"], free?.Agents ?? []);
    }

    [Fact]
    public void A_trial_using_a_questionnaire_gives_no_rt()
    {
        // The questionnaire is what the trial uses; radiotherapy is the patients' care during which fatigue is measured.
        var free = Normalise(Trial("Fatigue in Breast Cancer",
            "This is a multicentre trial using a questionnaire to measure fatigue in women receiving radiotherapy after lumpectomy.", [])).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_trial_using_ctdna_after_chemoradiotherapy_gives_no_rt()
    {
        // Chemoradiotherapy is completed before the ctDNA test that selects patients; the trial gives none.
        var free = Normalise(Trial("ctDNA-Guided Consolidation in Stage III NSCLC",
            "This is a phase II trial using circulating tumour DNA measured after completion of chemoradiotherapy to select patients for consolidation treatment.", [])).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_class_word_intervention_does_not_take_the_drug_of_a_background_giving_sentence()
    {
        // Pembrolizumab is the adjuvant standard the summary recalls; the trial's "PD-1 inhibitor" is of the physician's choice, so no agent.
        var study = Normalise(Trial("PD-1 Inhibitor With Radiosurgery for Melanoma Brain Metastases",
            "Giving pembrolizumab after surgery lowers the risk of recurrence in stage III melanoma. In this trial, the PD-1 inhibitor is chosen by the treating physician.",
            [Intervention("DRUG", "PD-1 inhibitor"), Intervention("RADIATION", "Stereotactic radiosurgery")]));

        Assert.Empty(study.Interventions[0].Agents);
    }

    // ---- 2. A title's RT that a consolidation ICI follows ---------------------------------------

    [Fact]
    public void Rt_during_and_after_which_the_maintenance_ici_is_given_is_the_trials()
    {
        // "Concurrent With and Following" gives the ICI during the chemoradiotherapy, so the trial gives it (the rule's own exception).
        var protocol = Trial("Sugemalimab Following Chemoradiotherapy in Stage III NSCLC", null,
            [Intervention("DRUG", "Sugemalimab")],
            Arm("Sugemalimab maintenance", "Sugemalimab 1200 mg every 3 weeks for up to 24 months.", "Drug: Sugemalimab"));
        protocol["identificationModule"]!["officialTitle"] = "A Phase II Study of Sugemalimab Given Concurrent With and Following Chemoradiotherapy in Unresectable Stage III NSCLC";

        Assert.Equal(Terms.UnspecifiedRt, Normalise(protocol).FreeText?.RtModality);
    }

    [Fact]
    public void Rt_alongside_and_after_which_the_ici_is_given_is_the_trials()
    {
        // "Alongside and After" gives durvalumab during the hypofractionated course; the maintenance label does not make it prior RT.
        var study = Normalise(Trial("Durvalumab Alongside and After Hypofractionated Radiotherapy in Muscle-Invasive Bladder Cancer", null,
            [Intervention("DRUG", "Durvalumab")],
            Arm("Durvalumab maintenance", "Durvalumab 1500 mg every 4 weeks.", "Drug: Durvalumab")));

        Assert.Equal(Terms.HypofractionatedRt, study.FreeText?.RtModality);
    }

    [Fact]
    public void A_randomised_addition_of_rt_after_a_maintenance_icis_following_is_given()
    {
        // "A Randomised Trial of Adding Low-Dose Thoracic Radiotherapy" makes the RT the trial's intervention, though "After" follows the ICI earlier in the title.
        var protocol = Trial("Thoracic Radiotherapy in Extensive-Stage Small Cell Lung Cancer", null,
            [Intervention("DRUG", "Durvalumab")],
            Arm("Durvalumab maintenance", "Durvalumab 1500 mg every 4 weeks until progression.", "Drug: Durvalumab"));
        protocol["identificationModule"]!["officialTitle"] = "Durvalumab Maintenance After Chemo-immunotherapy: a Randomised Trial of Adding Low-Dose Thoracic Radiotherapy";

        Assert.Equal(Terms.UnspecifiedRt, Normalise(protocol).FreeText?.RtModality);
    }

    [Fact]
    public void Consolidation_chemotherapy_beside_the_ici_does_not_make_the_ici_consolidation()
    {
        // The arm's consolidation is the gemcitabine-cisplatin's, not toripalimab's; with nothing calling the ICI consolidation, a title's "Following" RT stays the trial's (as Set130To131's own counter-case).
        var study = Normalise(Trial("Toripalimab Following Chemoradiotherapy in High-Risk Nasopharyngeal Carcinoma", null,
            [Intervention("DRUG", "Toripalimab"), Intervention("DRUG", "Gemcitabine"), Intervention("DRUG", "Cisplatin")],
            Arm("Toripalimab + consolidation chemotherapy", "Toripalimab 240 mg every 3 weeks with three cycles of gemcitabine and cisplatin.", "Drug: Toripalimab", "Drug: Gemcitabine", "Drug: Cisplatin")));

        Assert.Equal(Terms.UnspecifiedRt, study.FreeText?.RtModality);
    }

    // ---- 3. Cell and gene therapies by INN stem ------------------------------------------------

    [Fact]
    public void Prior_sipuleucel_t_does_not_make_the_trials_immunotherapy_another_kind()
    {
        // Sipuleucel-T is only an earlier therapy allowed at entry; "Immunotherapy" named alone stays an ICI of no target, as the existing convention reads it.
        var study = Normalise(Trial("Radiotherapy Plus Immunotherapy in Metastatic Castration-Resistant Prostate Cancer",
            "Patients previously treated with abiraterone, enzalutamide or sipuleucel-T are eligible.",
            [Intervention("DRUG", "Immunotherapy"), Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal([Terms.UnspecifiedIci], study.Interventions[0].Targets);
    }

    [Fact]
    public void An_excluded_car_t_product_does_not_make_the_trials_immunotherapy_another_kind()
    {
        // Axicabtagene ciloleucel is an exclusion, not the trial's therapy; "Immunotherapy" named alone stays an ICI of no target.
        var study = Normalise(Trial("Bridging Radiotherapy and Immunotherapy in Relapsed Hodgkin Lymphoma",
            "Patients who received axicabtagene ciloleucel or tisagenlecleucel are excluded.",
            [Intervention("DRUG", "Immunotherapy"), Intervention("RADIATION", "Involved-site radiotherapy")]));

        Assert.Equal([Terms.UnspecifiedIci], study.Interventions[0].Targets);
    }

    [Fact]
    public void Immunotherapy_given_as_t_vec_is_no_ici()
    {
        // T-VEC is talimogene laherparepvec, an oncolytic virus: the trial's immunotherapy is not a checkpoint inhibitor.
        var study = Normalise(Trial("Intratumoral Immunotherapy and Radiotherapy for In-Transit Melanoma", null,
            [Intervention("BIOLOGICAL", "Immunotherapy", "T-VEC injected into the in-transit lesions every 2 weeks."), Intervention("RADIATION", "Radiotherapy")]));

        Assert.Empty(study.Interventions[0].Targets);
    }

    // ---- 4. Photons named alone -----------------------------------------------------------------

    [Fact]
    public void Photons_of_photodynamic_therapy_are_no_rt()
    {
        // Photodynamic therapy uses visible laser light; its photons deliver no ionising radiation.
        Assert.Equal("", Kinds(OnlyIntervention(Intervention("PROCEDURE", "Photodynamic therapy",
            "Porfimer sodium is activated by 630 nm laser light; the absorbed photons generate singlet oxygen in the tumour."))));
    }

    [Fact]
    public void Red_photons_of_photobiomodulation_are_no_rt()
    {
        // Low-level laser therapy for mucositis is no radiotherapy.
        Assert.Equal("", Kinds(OnlyIntervention(Intervention("DEVICE", "Photobiomodulation",
            "A diode laser delivers red photons (660 nm) to the oral mucosa three times a week."))));
    }

    [Fact]
    public void Photons_a_gamma_camera_detects_are_no_rt()
    {
        // Imaging with a tracer's emitted photons gives no RT.
        Assert.Equal("", Kinds(OnlyIntervention(Intervention("DIAGNOSTIC_TEST", "Sentinel node scintigraphy",
            "A gamma camera detects the photons emitted by technetium-99m nanocolloid."))));
    }

    [Fact]
    public void A_planning_comparison_of_photons_gives_no_rt()
    {
        // A plan computed on the CT for comparison irradiates nobody.
        Assert.Equal("", Kinds(OnlyIntervention(Intervention("OTHER", "Treatment plan comparison",
            "Plans are computed for photons and for protons on the same planning CT; no patient is treated with the comparison plan."))));
    }

    [Fact]
    public void Photons_a_proton_description_compares_with_are_no_course()
    {
        // The photons are the comparison the description draws; the intervention gives proton therapy only (guide rule 3).
        Assert.Equal("Proton", Kinds(OnlyIntervention(Intervention("RADIATION", "Radiotherapy",
            "Pencil-beam proton therapy, which spares more of the heart than photons, 50 Gy(RBE) in 25 fractions."))));
    }

    [Fact]
    public void Photons_to_the_pelvis_before_an_sbrt_boost_are_a_course_of_ebrt()
    {
        // Pelvic photons then a stereotactic boost are two courses: EBRT + SBRT (guide rule 1).
        Assert.Equal("EBRT + SBRT", Kinds(OnlyIntervention(Intervention("RADIATION", "Photons",
            "Photons to the pelvic nodes, 45 Gy in 25 fractions, followed by an SBRT boost to the prostate."))));
    }

    [Fact]
    public void Kilovoltage_photons_to_a_skin_cancer_are_ebrt()
    {
        // Kilovoltage (superficial) RT is external beam in the vocabulary; "kV" here is no intraoperative source.
        Assert.Equal(Terms.Ebrt, Kinds(OnlyIntervention(Intervention("RADIATION", "Kilovoltage photons",
            "Kilovoltage photons to the basal cell carcinoma of the nose, 50 Gy in 25 daily fractions."))));
    }
}
