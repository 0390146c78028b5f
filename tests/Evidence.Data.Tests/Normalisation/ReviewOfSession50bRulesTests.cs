using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// A second independent review (issue 10) of the rules of vocabularies .127 to .129: the RT a
/// supportive-care or prevention title adds or gives "in treating"; an RT acronym defined in
/// brackets as other words; "MMC", "rPFS", "freedom from failure", "local progression-free
/// interval"; lirilumab, IGEV and DHAP; an investigator's or physician's choice of a kind of
/// treatment; a checkpoint blocker beside named agents in free text; "i.e.", "e.g.", "vs." and
/// "cf." inside a sentence; "with or without" after people treated or diagnosed; names that open
/// with "no" or "without"; the dose given beside an RT's name ("respectively", "became", rates).
/// Each case asserts what a careful systematic reviewer would label (DOMAIN.md,
/// LABELLING-GUIDE.md), not what the code does.
/// </summary>
public class ReviewOfSession50bRulesTests
{
    // ---- A supportive-care or prevention trial's titles -------------------------------------------

    [Fact]
    public void An_exercise_trial_in_women_receiving_chemotherapy_with_or_without_radiotherapy_gives_no_rt()
    {
        // The "with or without" says what the women receive outside the trial; an exercise trial gives no RT.
        var free = Normalise(WithPurpose(Trial("Aerobic Exercise for Fatigue in Women Receiving Chemotherapy With or Without Radiotherapy for Early Breast Cancer", null,
            [Intervention("BEHAVIORAL", "Supervised aerobic exercise")]), "SUPPORTIVE_CARE")).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_resistance_training_trial_in_men_receiving_adt_plus_radiotherapy_gives_no_rt()
    {
        // "ADT Plus Radiotherapy" is the men's cancer treatment; the trial gives resistance training only.
        var free = Normalise(WithPurpose(Trial("Resistance Training for Fatigue in Men Receiving Androgen Deprivation Therapy Plus Radiotherapy for Prostate Cancer", null,
            [Intervention("BEHAVIORAL", "Resistance training")]), "SUPPORTIVE_CARE")).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_nutrition_trial_in_patients_receiving_cisplatin_concurrent_with_radiotherapy_gives_no_rt()
    {
        // "Concurrent With Radiotherapy" describes the patients' chemoradiation; the trial gives a supplement.
        var free = Normalise(WithPurpose(Trial("Oral Nutritional Supplements for Weight Loss in Head and Neck Cancer Patients Receiving Weekly Cisplatin Chemotherapy Concurrent With Radiotherapy", null,
            [Intervention("DIETARY_SUPPLEMENT", "Oral nutritional supplement")]), "SUPPORTIVE_CARE")).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_mouthwash_plus_radiotherapy_versus_radiotherapy_alone_gives_no_rt()
    {
        // Both arms have the same RT as the patients' cancer treatment; the supportive-care trial gives the mouthwash (as "Radiotherapy Plus Cream" in Set117To121RulesTests).
        var free = Normalise(WithPurpose(Trial("Benzydamine Mouthwash Plus Radiotherapy Versus Radiotherapy Alone for Head and Neck Cancer", null,
            [Intervention("DRUG", "Benzydamine mouthwash")]), "SUPPORTIVE_CARE")).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_fatigue_drug_for_fatigue_from_radiation_therapy_in_treating_patients_gives_no_rt()
    {
        // The RT came before and caused the fatigue; the trial gives methylphenidate only.
        var free = Normalise(WithPurpose(Trial("Methylphenidate for Fatigue From Radiation Therapy in Treating Patients With Primary Brain Tumors", null,
            [Intervention("DRUG", "Methylphenidate")]), "SUPPORTIVE_CARE")).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_cream_in_treating_patients_undergoing_radiation_therapy_gives_no_rt()
    {
        // RT named after "in treating patients undergoing" is where the patients are, not an arm's treatment.
        var free = Normalise(WithPurpose(Trial("Calendula Cream Plus Standard Skin Care in Treating Patients Undergoing Radiation Therapy for Breast Cancer", null,
            [Intervention("OTHER", "Calendula cream")]), "SUPPORTIVE_CARE")).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_supportive_care_title_that_gives_whole_brain_rt_to_every_arm_gives_ebrt()
    {
        // Every arm gets whole-brain RT (guide rule 4: EBRT), with or without hippocampal avoidance; memantine is the support.
        var free = Normalise(WithPurpose(Trial("Memantine Hydrochloride and Whole-Brain Radiotherapy With or Without Hippocampal Avoidance in Treating Patients With Brain Metastases", null, []),
            "SUPPORTIVE_CARE")).FreeText;

        Assert.Equal("EBRT", free?.RtModality);
    }

    // ---- An RT acronym defined in brackets --------------------------------------------------------

    [Fact]
    public void Pulsed_reduced_dose_rate_prdr_reirradiation_is_ebrt()
    {
        // PRDR is external photon RT (the vocabulary's EBRT); the words it abbreviates spell RT the vocabulary does not list.
        Assert.Equal("EBRT", OnlyIntervention(Intervention("RADIATION", "Pulsed Reduced Dose Rate (PRDR) Re-irradiation")).RtModality);
    }

    [Fact]
    public void Stereotactic_body_radio_therapy_spelled_with_a_hyphen_is_sbrt()
    {
        // The bracketed SBRT is defined by its own words, hyphen or not: stereotactic body RT.
        Assert.Equal("SBRT", OnlyIntervention(Intervention("RADIATION", "Stereotactic Body Radio-Therapy (SBRT)")).RtModality);
    }

    [Fact]
    public void Photobiomodulation_therapy_abbreviated_pbt_is_not_proton_therapy()
    {
        // A light therapy for mucositis that abbreviates itself PBT delivers no radiation.
        Assert.Equal("", Kinds(OnlyIntervention(Intervention("DEVICE", "Photobiomodulation Therapy (PBT)", "Intraoral low-level laser, 660 nm, three times a week during radiotherapy"))));
    }

    // ---- Vocabulary of .127 to .129 ------------------------------------------------------------------

    [Fact]
    public void Mmc_as_a_clinics_acronym_is_no_mitomycin()
    {
        // "MMC" here is the Multidisciplinary Melanoma Clinic of a follow-up arm, defined in brackets; no drug is given.
        Assert.Empty(OnlyIntervention(Intervention("OTHER", "Standard follow-up at the Multidisciplinary Melanoma Clinic (MMC)")).Agents);
    }

    [Fact]
    public void Freedom_from_local_failure_is_local_control()
    {
        // Local failure is the local-control endpoint, not disease-free survival.
        Assert.Equal("local control", Normalise(WithOutcome("Freedom from local failure at 2 years")).Outcomes[0].EndpointClass);
    }

    [Fact]
    public void Locoregional_progression_free_interval_is_local_control()
    {
        // As "local progression-free interval" and "locoregional progression-free survival" are.
        Assert.Equal("local control", Normalise(WithOutcome("Locoregional progression-free interval")).Outcomes[0].EndpointClass);
    }

    [Fact]
    public void Radiographic_pfs_per_pcwg3_is_pfs()
    {
        // rPFS by PCWG3 is radiographic progression-free survival.
        Assert.Equal("PFS", Normalise(WithOutcome("rPFS per PCWG3 assessed by blinded independent central review")).Outcomes[0].EndpointClass);
    }

    [Fact]
    public void Lirilumab_with_nivolumab_in_a_title_of_no_intervention_gives_both_targets()
    {
        // Both antibodies are given: KIR (lirilumab, as the annotators of set 121 count it) and PD-1.
        var free = Normalise(Trial("A Phase 2 Study of Lirilumab in Combination With Nivolumab in Relapsed Classical Hodgkin Lymphoma", null, [])).FreeText;

        Assert.Equal(["KIR", "PD-1"], free?.Targets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_investigators_choice_of_salvage_regimens_gives_every_regimens_drugs()
    {
        // R-ICE is ifosfamide, carboplatin, etoposide; R-GDP gemcitabine, cisplatin (steroid left out); R-DHAP cytarabine, cisplatin.
        var study = Normalise(Trial("Pembrolizumab Versus Salvage Chemotherapy in Relapsed Diffuse Large B-Cell Lymphoma", null,
            [Intervention("DRUG", "Pembrolizumab", arms: ["Pembrolizumab"]), Intervention("DRUG", "Investigator's choice of chemotherapy", arms: ["Salvage chemotherapy"])],
            Arm("Pembrolizumab", "Pembrolizumab 200 mg IV every 3 weeks", "Drug: Pembrolizumab"),
            Arm("Salvage chemotherapy", "Investigator's choice of chemotherapy: R-ICE, R-GDP or R-DHAP for 2 to 3 cycles", "Drug: Investigator's choice of chemotherapy")));

        Assert.Equal(["carboplatin", "cisplatin", "cytarabine", "etoposide", "gemcitabine", "ifosfamide"], study.Interventions[1].Agents.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Treatment_of_physicians_choice_gives_the_chemotherapy_its_arm_lists()
    {
        // KEYNOTE-119's comparator: capecitabine, eribulin, gemcitabine or vinorelbine are its agents.
        var study = Normalise(Trial("Pembrolizumab Versus Treatment of Physician's Choice in Metastatic Triple-Negative Breast Cancer", null,
            [Intervention("DRUG", "Pembrolizumab", arms: ["Pembrolizumab"]), Intervention("DRUG", "Treatment of Physician's Choice", arms: ["TPC"])],
            Arm("Pembrolizumab", "Pembrolizumab 200 mg IV every 3 weeks", "Drug: Pembrolizumab"),
            Arm("TPC", "Capecitabine, eribulin, gemcitabine or vinorelbine, as chosen by the physician before randomisation", "Drug: Treatment of Physician's Choice")));

        Assert.Equal(["capecitabine", "eribulin", "gemcitabine", "vinorelbine"], study.Interventions[1].Agents.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_physicians_choice_of_immunotherapy_gives_the_checkpoint_inhibitors_its_arm_lists()
    {
        // The kind named is immunotherapy: the arm's nivolumab and pembrolizumab, not its chemotherapy alternative.
        var study = Normalise(Trial("SBRT Plus Standard Immunotherapy Versus Standard Immunotherapy in Oligoprogressive Melanoma", null,
            [Intervention("RADIATION", "SBRT", arms: ["SBRT"]), Intervention("DRUG", "Physician's choice of immunotherapy", arms: ["SBRT", "Control"])],
            Arm("SBRT", "SBRT 8 Gy x 3 to progressing lesions with physician's choice of immunotherapy (nivolumab or pembrolizumab)", "Radiation: SBRT", "Drug: Physician's choice of immunotherapy"),
            Arm("Control", "Physician's choice of immunotherapy (nivolumab or pembrolizumab); dacarbazine if immunotherapy is stopped", "Drug: Physician's choice of immunotherapy")));

        Assert.Equal(["nivolumab", "pembrolizumab"], study.Interventions[1].Agents.Order(StringComparer.Ordinal));
    }

    // ---- A checkpoint blocker beside named agents in free text ------------------------------------

    [Fact]
    public void A_blocker_of_another_checkpoint_named_beside_the_agents_is_a_target()
    {
        // The trial gives nivolumab and an anti-TIGIT antibody with SBRT: PD-1 and TIGIT.
        var free = Normalise(Trial("SBRT With Nivolumab and an Anti-TIGIT Antibody in Metastatic NSCLC",
            "Patients will receive nivolumab plus an anti-TIGIT antibody with stereotactic body radiotherapy to one lesion.", [])).FreeText;

        Assert.Equal(["PD-1", "TIGIT"], free?.Targets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_slashed_pathway_that_restates_pembrolizumabs_mechanism_adds_no_target()
    {
        // "a PD-1/PD-L1 inhibitor" describes pembrolizumab itself, which blocks PD-1 only.
        var free = Normalise(Trial("Pembrolizumab and SBRT in Oligometastatic Head and Neck Cancer",
            "Patients will receive pembrolizumab, a PD-1/PD-L1 inhibitor, with stereotactic body radiotherapy to all metastases.", [])).FreeText;

        Assert.Equal(["PD-1"], free?.Targets);
    }

    [Fact]
    public void A_prior_class_the_patients_progressed_on_adds_no_target()
    {
        // Anti-PD-L1 therapy is what the patients progressed on; the trial gives ipilimumab and nivolumab.
        var free = Normalise(Trial("Ipilimumab and Nivolumab With Radiotherapy in Urothelial Cancer Refractory to Anti-PD-L1 Therapy",
            "Patients whose disease progressed on anti-PD-L1 antibodies will receive ipilimumab and nivolumab with radiotherapy.", [])).FreeText;

        Assert.Equal(["CTLA-4", "PD-1"], free?.Targets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_title_of_an_agent_after_a_blocker_that_failed_adds_no_target()
    {
        // The anti-CTLA-4 antibody is the failed prior therapy; the trial gives pembrolizumab with SBRT.
        var free = Normalise(Trial("Pembrolizumab Plus SBRT in Melanoma After Failure of Anti-CTLA-4 Antibody", null, [])).FreeText;

        Assert.Equal(["PD-1"], free?.Targets);
    }

    [Fact]
    public void A_marker_stained_with_an_anti_pd_l1_antibody_adds_no_target()
    {
        // The 22C3 anti-PD-L1 antibody is the assay of PD-L1 expression; the trial gives pembrolizumab only.
        var free = Normalise(Trial("Pembrolizumab With SBRT in PD-L1 Positive NSCLC",
            "Patients with PD-L1 expression of 1% or more by the 22C3 anti-PD-L1 antibody will receive pembrolizumab with stereotactic body radiotherapy.", [])).FreeText;

        Assert.Equal(["PD-1"], free?.Targets);
    }

    [Fact]
    public void A_lag3_marker_stained_with_a_lag3_antibody_adds_no_target()
    {
        // "LAG3 antibody" (17B4) is the immunohistochemistry of the enrolment marker; the trial gives nivolumab only.
        var free = Normalise(Trial("Nivolumab and SBRT in LAG3-Positive Melanoma",
            "Patients with LAG3 expression by the 17B4 LAG3 antibody will receive nivolumab with stereotactic body radiotherapy.", [])).FreeText;

        Assert.Equal(["PD-1"], free?.Targets);
    }

    // ---- Abbreviations inside a sentence ----------------------------------------------------------

    [Fact]
    public void A_sentence_that_ends_with_the_regimen_cf_still_ends()
    {
        // "CF" is cisplatin and fluorouracil ending the history sentence; the next sentence gives this trial's IMRT (EBRT).
        var study = Normalise(Described(Trial("Radiotherapy After Induction Chemotherapy in Nasopharyngeal Carcinoma", null, [Intervention("RADIATION", "Radiotherapy")]),
            "Eligible patients may have received prior induction chemotherapy with TPF or CF. Intensity-modulated radiotherapy is then given to 70 Gy in 33 fractions with weekly cisplatin."));

        Assert.Equal("EBRT", study.Interventions[0].RtModality);
    }

    [Fact]
    public void A_sentence_that_ends_with_vs_for_vestibular_schwannoma_still_ends()
    {
        // "VS" is the tumour; the next sentence gives this trial's proton beam therapy.
        var study = Normalise(Described(Trial("Radiotherapy for Growing Vestibular Schwannoma", null, [Intervention("RADIATION", "Radiotherapy")]),
            "Patients must not have been previously treated for their VS. Proton beam therapy is given to 54 Gy (RBE) in 30 fractions to the tumour."));

        Assert.Equal("Proton", study.Interventions[0].RtModality);
    }

    [Fact]
    public void An_i_e_inside_a_protocol_sentence_does_not_bring_prior_into_the_protocols_step()
    {
        // "no prior systemic therapy" is who is eligible; the sentence's treatment is this trial's IMRT (EBRT).
        var study = Normalise(Described(Trial("Radiotherapy With Temozolomide in Elderly Glioblastoma", null, [Intervention("RADIATION", "Radiotherapy")]),
            "Patients with no prior systemic therapy (i.e. treatment-naive) receive intensity-modulated radiotherapy to 60 Gy in 30 fractions with concurrent temozolomide."));

        Assert.Equal("EBRT", study.Interventions[0].RtModality);
    }

    [Fact]
    public void A_sentence_that_really_ends_with_etc_still_ends()
    {
        // "etc." closes the list of prior treatments; the next sentence gives this trial's SBRT.
        var study = Normalise(Described(Trial("Radiotherapy for Oligoprogressive Renal Cell Carcinoma", null, [Intervention("RADIATION", "Radiotherapy")]),
            "Patients may have received prior sunitinib, pazopanib, nivolumab etc. Stereotactic body radiotherapy is given to 40 Gy in 5 fractions to each progressing lesion."));

        Assert.Equal("SBRT", study.Interventions[0].RtModality);
    }

    [Fact]
    public void A_vs_title_of_two_drugs_with_radiation_therapy_in_treating_patients_gives_rt()
    {
        // Both arms give RT with cisplatin or cetuximab ("in treating"): the trial gives RT of no kind.
        var free = Normalise(WithPurpose(Trial("Cisplatin vs. Cetuximab With Radiation Therapy in Treating Patients With Head and Neck Cancer", null,
            [Intervention("DRUG", "Cisplatin"), Intervention("BIOLOGICAL", "Cetuximab")]), "TREATMENT")).FreeText;

        Assert.Equal("RT, unspecified", free?.RtModality);
    }

    // ---- "with or without" after people treated or diagnosed --------------------------------------

    [Fact]
    public void A_randomised_title_of_patients_treated_with_pembrolizumab_with_or_without_srt_gives_sbrt()
    {
        // "Randomised": one arm adds stereotactic RT (SBRT, guide rule 8) to the pembrolizumab the patients are treated with.
        var free = Normalise(Trial("A Randomised Trial in Melanoma Patients Treated With Pembrolizumab With or Without Stereotactic Radiotherapy to One Lesion", null, [])).FreeText;

        Assert.Equal("SBRT", free?.RtModality);
    }

    [Fact]
    public void A_trial_of_patients_treated_with_temozolomide_with_or_without_hypofractionated_rt_gives_it()
    {
        // A treatment trial that lists temozolomide: the "with or without" is the randomised arm's hypofractionated RT, not the patients' history.
        var free = Normalise(WithPurpose(Trial("A Trial of Elderly Glioblastoma Patients Treated With Temozolomide With or Without Hypofractionated Radiotherapy", null,
            [Intervention("DRUG", "Temozolomide")]), "TREATMENT")).FreeText;

        Assert.Equal("Hypofractionated RT", free?.RtModality);
    }

    [Fact]
    public void Patients_previously_treated_with_chemotherapy_with_or_without_radiotherapy_is_history()
    {
        // The RT is what the patients had before the nivolumab trial.
        var free = Normalise(WithPurpose(Trial("Nivolumab in Patients Previously Treated With Chemotherapy With or Without Radiotherapy for Recurrent Cervical Cancer", null,
            [Intervention("DRUG", "Nivolumab")]), "TREATMENT")).FreeText;

        Assert.Null(free?.RtModality);
    }

    // ---- A radiation intervention whose name opens with "no" or "without" --------------------------

    [Fact]
    public void A_radiation_intervention_named_no_adjuvant_radiotherapy_gives_no_rt()
    {
        // The observation arm's "No adjuvant radiotherapy" withholds the RT and gives nothing else.
        var study = Normalise(Trial("Adjuvant Radiotherapy Versus Observation After Resection of Gastric Cancer", null,
            [Intervention("RADIATION", "Adjuvant radiotherapy", arms: ["Radiotherapy"]), Intervention("RADIATION", "No adjuvant radiotherapy", arms: ["Observation"])],
            Arm("Radiotherapy", "Adjuvant radiotherapy 45 Gy in 25 fractions", "Radiation: Adjuvant radiotherapy"),
            Arm("Observation", "Observation after surgery", "Radiation: No adjuvant radiotherapy")));

        Assert.Null(study.Interventions[1].RtModality);
    }

    [Fact]
    public void A_radiation_intervention_named_no_pci_gives_no_rt()
    {
        // The surveillance arm omits prophylactic cranial irradiation: no RT.
        var study = Normalise(Trial("MRI Surveillance With or Without Prophylactic Cranial Irradiation in Small Cell Lung Cancer", null,
            [Intervention("RADIATION", "PCI", arms: ["PCI"]), Intervention("RADIATION", "No PCI", arms: ["MRI surveillance"])],
            Arm("PCI", "Prophylactic cranial irradiation 25 Gy in 10 fractions", "Radiation: PCI"),
            Arm("MRI surveillance", "Brain MRI every 3 months", "Radiation: No PCI")));

        Assert.Null(study.Interventions[1].RtModality);
    }

    [Fact]
    public void A_no_radiotherapy_name_that_says_what_the_arm_gets_instead_after_a_colon_gives_no_rt()
    {
        // After the colon the arm gets chemotherapy alone: still no RT.
        Assert.Null(OnlyIntervention(Intervention("RADIATION", "No radiotherapy: chemotherapy alone")).RtModality);
    }

    [Fact]
    public void Without_rt_with_the_arm_in_brackets_gives_no_rt()
    {
        // "(observation)" names what the arm does instead of RT.
        Assert.Null(OnlyIntervention(Intervention("RADIATION", "Without RT (observation)")).RtModality);
    }

    // ---- The dose given beside an RT's name --------------------------------------------------------

    [Fact]
    public void Respectively_of_assessment_times_does_not_hide_the_dose_beside_the_name()
    {
        // "respectively" pairs the assessment times; palliative radiotherapy is 20 Gy in 5 fractions (4 Gy: rule 5).
        var study = Normalise(Trial("SBRT Versus Palliative Radiotherapy for Painful Spinal Metastases",
            "Patients are randomised to SBRT 24 Gy in 2 fractions or palliative radiotherapy 20 Gy in 5 fractions, with pain and quality of life assessed at 4 and 12 weeks respectively.",
            [Intervention("RADIATION", "SBRT"), Intervention("RADIATION", "Palliative radiotherapy")]));

        Assert.Equal(["SBRT", "Hypofractionated RT"], study.Interventions.Select(i => i.RtModality));
    }

    [Fact]
    public void Became_of_the_patients_disease_does_not_make_the_trials_sentence_background()
    {
        // "became painful" describes this trial's patients; palliative radiotherapy is 20 Gy in 5 fractions (rule 5).
        var study = Normalise(Trial("SBRT Versus Palliative Radiotherapy for Spinal Metastases",
            "In patients whose spinal metastases became painful despite analgesics, palliative radiotherapy 20 Gy in 5 fractions is compared with SBRT 24 Gy in 2 fractions.",
            [Intervention("RADIATION", "SBRT"), Intervention("RADIATION", "Palliative radiotherapy")]));

        Assert.Equal(["SBRT", "Hypofractionated RT"], study.Interventions.Select(i => i.RtModality));
    }

    [Fact]
    public void A_rate_named_after_the_dose_still_picks_the_arms_schedule()
    {
        // "Twice Daily Thoracic Radiotherapy" takes 45 Gy in 30 fractions twice daily (1.5 Gy: rule 7); the once-daily arm's 3 Gy is hypofractionated.
        var study = Normalise(Trial("Twice Daily Versus Once Daily Thoracic Radiotherapy in Limited-Stage SCLC With Durvalumab",
            "Patients are randomised to 45 Gy in 15 fractions once daily or 45 Gy in 30 fractions twice daily of thoracic radiotherapy; all patients receive IMRT.",
            [Intervention("RADIATION", "Twice Daily Thoracic Radiotherapy"), Intervention("RADIATION", "Once Daily Thoracic Radiotherapy"), Intervention("RADIATION", "IMRT")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }
}
