using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review (issue 10) of the rules of vocabulary .126 (sets 117 and 118): a
/// radiation intervention whose name opens with "no", "without" or "none"; "IMPT" as proton beam
/// therapy; fractions said to come once or twice daily; the dose free text gives beside an RT's
/// name where another RT of the trial has a kind (and names that open with how often fractions
/// come); "with/without" and "with versus without" read by GivenInText.WithOrWithout; and the
/// detailed-description protocol rule's veto of background (StudyNormaliser.Background). Each
/// case asserts what a careful systematic reviewer would label (DOMAIN.md, LABELLING-GUIDE.md),
/// not what the code does.
/// </summary>
public class ReviewOfSession50RulesTests
{
    // ---- A radiation intervention whose name opens with "no", "without" or "none" ------------------

    [Fact]
    public void A_no_boost_arm_described_as_whole_breast_irradiation_gives_ebrt()
    {
        // The "no boost" arm still gets whole-breast RT: only the boost is withheld (guide rule 4: whole-breast RT is EBRT; 2 Gy fractions).
        var study = Normalise(Trial(
            "Tumour Bed Boost After Breast-Conserving Surgery", null,
            [Intervention("RADIATION", "Boost", "Electron boost of 16 Gy in 8 fractions to the tumour bed after whole breast irradiation"),
             Intervention("RADIATION", "No boost", "Whole breast irradiation 50 Gy in 25 fractions without a tumour bed boost")]));

        Assert.Equal("EBRT", study.Interventions[1].RtModality);
    }

    [Fact]
    public void A_no_boost_intervention_whose_arm_gives_whole_breast_irradiation_gives_ebrt()
    {
        // The arm, read for a radiation intervention that names no kind, gives whole-breast RT (guide rule 4) of 2 Gy fractions.
        var study = Normalise(Trial(
            "Boost Versus No Boost in Ductal Carcinoma In Situ", null,
            [Intervention("RADIATION", "Without boost", arms: ["Control"])],
            Arm("Control", "Whole-breast irradiation 50 Gy in 25 fractions over 5 weeks, with no boost to the tumour bed", "Radiation: Without boost")));

        Assert.Equal("EBRT", study.Interventions[0].RtModality);
    }

    [Fact]
    public void A_no_boost_name_that_states_whole_breast_irradiation_gives_ebrt()
    {
        // The name itself gives whole-breast RT, 40 Gy in 15 fractions (2.67 Gy: not hypofractionated by rule 5), EBRT by rule 4.
        Assert.Equal("EBRT", OnlyIntervention(Intervention("RADIATION", "No boost: whole breast irradiation 40 Gy in 15 fractions")).RtModality);
    }

    [Fact]
    public void A_radiotherapy_alone_arm_named_without_concurrent_chemotherapy_gives_ebrt()
    {
        // What is withheld is the chemotherapy; the name gives IMRT (guide rule 2: IMRT alone is EBRT).
        Assert.Equal("EBRT", OnlyIntervention(Intervention("RADIATION", "Without concurrent chemotherapy: IMRT alone")).RtModality);
    }

    [Fact]
    public void A_radiation_intervention_named_without_chemotherapy_gives_the_rt_its_description_states()
    {
        // The radiotherapy-alone arm of a chemoradiation trial: RT of no kind at 2 Gy fractions (the chemotherapy is what it lacks).
        var study = Normalise(Trial(
            "Concurrent Cisplatin in Elderly Patients With Head and Neck Cancer", null,
            [Intervention("DRUG", "Cisplatin", "Cisplatin 40 mg/m2 weekly during radiotherapy"),
             Intervention("RADIATION", "Without chemotherapy", "Radiotherapy alone, 66 Gy in 33 fractions to the primary tumour and involved nodes")]));

        Assert.Equal("RT, unspecified", study.Interventions[1].RtModality);
    }

    [Fact]
    public void No_elective_nodal_irradiation_described_as_involved_field_rt_gives_ebrt()
    {
        // The arm omits only the elective nodes; involved-field RT is EBRT (guide rule 4).
        var study = Normalise(Trial(
            "Elective Nodal Irradiation in Oesophageal Cancer", null,
            [Intervention("RADIATION", "Elective nodal irradiation", "Radiotherapy to the primary tumour and the elective nodal regions, 50.4 Gy in 28 fractions"),
             Intervention("RADIATION", "No elective nodal irradiation", "Involved-field radiotherapy to the primary tumour and involved lymph nodes only, 50.4 Gy in 28 fractions")]));

        Assert.Equal("EBRT", study.Interventions[1].RtModality);
    }

    [Fact]
    public void A_radiation_intervention_named_none_in_an_observation_arm_gives_no_rt()
    {
        // The control arm receives nothing: no RT.
        var study = Normalise(Trial(
            "Adjuvant Radiotherapy After Resection of Brain Metastases", null,
            [Intervention("RADIATION", "Stereotactic radiosurgery", arms: ["SRS"]), Intervention("RADIATION", "None", arms: ["Observation"])],
            Arm("SRS", "Radiosurgery to the resection cavity", "Radiation: Stereotactic radiosurgery"),
            Arm("Observation", "Observation with MRI every 3 months; no adjuvant radiotherapy", "Radiation: None")));

        Assert.Null(study.Interventions[1].RtModality);
    }

    // ---- "IMPT" ------------------------------------------------------------------------------------

    [Fact]
    public void A_physical_therapy_programme_abbreviated_impt_gives_no_rt()
    {
        // A rehabilitation programme whose acronym happens to be IMPT delivers no radiation.
        var terms = OnlyIntervention(Intervention("BEHAVIORAL", "Intensive Multimodal Physical Therapy (IMPT)", "Twelve weekly sessions of manual therapy and exercise for shoulder dysfunction after breast cancer treatment"));

        Assert.Null(terms.RtModality);
    }

    [Fact]
    public void Impt_or_imrt_gives_both_kinds()
    {
        // Guide rule 1: each alternative is a kind it gives; rule 3: IMPT is proton, IMRT is EBRT.
        Assert.Equal("EBRT + Proton", Kinds(OnlyIntervention(Intervention("RADIATION", "IMPT or IMRT", "Intensity-modulated proton therapy where available, otherwise intensity-modulated radiotherapy"))));
    }

    [Fact]
    public void An_impact_cohort_of_a_checkpoint_inhibitor_gives_no_rt()
    {
        // "IMPACT" is a trial acronym, not IMPT.
        var terms = OnlyIntervention(Intervention("DRUG", "Pembrolizumab (IMPACT cohort)", "Pembrolizumab 200 mg every 3 weeks"));

        Assert.Null(terms.RtModality);
        Assert.Equal(["pembrolizumab"], terms.Agents);
    }

    // ---- Fractions said to come once or twice daily, or weekly (RtDoseParser) ------------------------

    [Theory]
    // The count is of fractions; "over 3 weeks" after them changes nothing (1.5 Gy twice daily, Turrisi).
    [InlineData("Thoracic radiotherapy 45 Gy in 30 twice-daily fractions over 3 weeks", 45, 30)]
    // TBI for conditioning: six fractions, two a day.
    [InlineData("Total body irradiation 12 Gy in 6 twice daily fractions over 3 days", 12, 6)]
    // Five fractions, one a week, of 6 Gy each: 30 Gy.
    [InlineData("Elderly patients receive 5 weekly fractions of 6 Gy to the whole breast", 30, 5)]
    // A rate after the fraction word does not stop the count in words.
    [InlineData("Stereotactic radiotherapy 36 Gy in six fractions twice weekly", 36, 6)]
    // "once-weekly" is how often the fractions come, as "weekly" is.
    [InlineData("Palliative radiotherapy 24 Gy in 6 once-weekly fractions to the bladder", 24, 6)]
    public void Fractions_with_their_rate_are_counted(string text, double gy, int fractions)
    {
        // The regimen row completes a total from a count and a dose per fraction ("5 ... fractions of 6 Gy").
        Assert.Contains(RtDoseParser.Doses(text).Select(d => RtDoseParser.ToRegimen(d, 0, "test")),
            r => r.TotalDoseGyMin == gy && r.TotalDoseGyMax == gy && r.FractionsMin == fractions && r.FractionsMax == fractions);
    }

    [Fact]
    public void Two_daily_fractions_of_a_dose_are_a_rate_not_a_two_fraction_course()
    {
        // "two daily fractions of 1.5 Gy" is the twice-daily rate; no two-fraction 3 Gy course is stated.
        Assert.DoesNotContain(RtDoseParser.Doses("Radiotherapy is given as two daily fractions of 1.5 Gy, five days a week, to 45 Gy"), d => d.Fractions == (2, 2));
    }

    // ---- The dose given beside an RT's name, beside another RT of a kind ----------------------------

    [Fact]
    public void A_name_found_inside_another_arms_longer_name_does_not_take_its_dose()
    {
        // "thoracic radiotherapy" here is the hypofractionated arm's; the standard arm's 60 Gy has no stated fractions.
        var study = Normalise(Trial(
            "Hypofractionated Versus Standard Thoracic Radiotherapy in Stage III NSCLC",
            "Patients are randomised to hypofractionated thoracic radiotherapy 45 Gy in 15 fractions or standard thoracic radiotherapy to 60 Gy.",
            [Intervention("RADIATION", "Hypofractionated thoracic radiotherapy"), Intervention("RADIATION", "Thoracic radiotherapy")]));

        Assert.Equal(["Hypofractionated RT", "RT, unspecified"], study.Interventions.Select(i => i.RtModality));
    }

    [Fact]
    public void Respectively_gives_the_second_arm_the_second_dose()
    {
        // "respectively": conventional RT is the 66 Gy in 33 fractions (2 Gy), not SBRT's 54 Gy in 3.
        var study = Normalise(Trial(
            "SBRT Versus Conventional Radiotherapy for Inoperable Stage I NSCLC",
            "Patients are randomised to stereotactic body radiotherapy or conventional radiotherapy, 54 Gy in 3 fractions and 66 Gy in 33 fractions respectively.",
            [Intervention("RADIATION", "Stereotactic body radiotherapy"), Intervention("RADIATION", "Conventional radiotherapy")]));

        Assert.Equal("RT, unspecified", study.Interventions[1].RtModality);
    }

    [Fact]
    public void A_background_sentence_without_a_background_word_gives_no_dose_to_the_trials_arm()
    {
        // The 60 Gy in 20 fractions is the UK standard after CHHiP; this arm is conventionally fractionated (guide rule 7: RT, unspecified).
        var study = Normalise(Trial(
            "Prostate SBRT Versus Conventionally Fractionated Radiotherapy",
            "Following the CHHiP trial, prostate radiotherapy, 60 Gy in 20 fractions, became the standard of care in the UK. "
            + "Patients are randomised to prostate SBRT 36.25 Gy in 5 fractions or conventionally fractionated prostate radiotherapy.",
            [Intervention("RADIATION", "Prostate SBRT"), Intervention("RADIATION", "Prostate radiotherapy")]));

        Assert.Equal(["SBRT", "RT, unspecified"], study.Interventions.Select(i => i.RtModality));
    }

    [Fact]
    public void A_background_sentence_that_says_has_been_gives_no_dose()
    {
        // "has been the standard": others' practice, not this arm's (the arm's own schedule is not stated).
        var study = Normalise(Trial(
            "Prostate SBRT Versus Standard Radiotherapy",
            "Prostate radiotherapy, 60 Gy in 20 fractions, has been the UK standard since 2016. Patients are randomised to prostate SBRT 36.25 Gy in 5 fractions or prostate radiotherapy at the centre's usual schedule.",
            [Intervention("RADIATION", "Prostate SBRT"), Intervention("RADIATION", "Prostate radiotherapy")]));

        Assert.Equal("RT, unspecified", study.Interventions[1].RtModality);
    }

    [Fact]
    public void A_name_that_opens_with_daily_takes_the_dose_beside_it_not_a_later_daily_one()
    {
        // Daily adaptive RT names a technique (daily re-planning), not its rate: its dose is the 36 Gy in 6 fractions beside it (6 Gy: hypofractionated, rule 5); the 60 Gy in 30 daily fractions is the IMRT arm's.
        var study = Normalise(Trial(
            "MR-Guided Daily Adaptive Radiotherapy for Pancreatic Cancer",
            "Patients receive daily adaptive radiotherapy 36 Gy in 6 fractions or IMRT 60 Gy in 30 daily fractions.",
            [Intervention("RADIATION", "Daily Adaptive Radiotherapy"), Intervention("RADIATION", "IMRT")]));

        Assert.Equal(["Hypofractionated RT", "EBRT"], study.Interventions.Select(i => i.RtModality));
    }

    [Fact]
    public void Weekly_and_daily_radiotherapy_take_the_doses_beside_their_names()
    {
        // Each name is given its own schedule beside it: weekly 6 Gy fractions are hypofractionated (rule 5), daily 2 Gy ones are not.
        var study = Normalise(Trial(
            "Weekly Versus Daily Radiotherapy in Elderly Patients With Bladder Cancer",
            "Patients are randomised to weekly radiotherapy (36 Gy in 6 fractions of 6 Gy) or daily radiotherapy (55 Gy in 20 fractions).",
            [Intervention("RADIATION", "Weekly radiotherapy"), Intervention("RADIATION", "Daily radiotherapy")]));

        Assert.Equal("Hypofractionated RT", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Once_daily_thoracic_rt_takes_the_dose_said_to_come_once_daily()
    {
        // 45 Gy in 15 fractions once daily is 3 Gy a fraction (rule 5); the twice-daily arm's 1.5 Gy is not its.
        var study = Normalise(Trial(
            "Once Daily Hypofractionated Versus Twice Daily Thoracic Radiotherapy in Limited-Stage SCLC",
            "Patients are randomised to thoracic radiotherapy 45 Gy in 15 fractions once daily or thoracic radiotherapy 45 Gy in 30 fractions twice daily; "
            + "responders then receive prophylactic cranial irradiation 25 Gy in 10 fractions.",
            [Intervention("RADIATION", "Once Daily Thoracic Radiotherapy"), Intervention("RADIATION", "Twice Daily Thoracic Radiotherapy"), Intervention("RADIATION", "Prophylactic cranial irradiation")]));

        Assert.Equal(["Hypofractionated RT", "RT, unspecified", "EBRT"], study.Interventions.Select(i => i.RtModality));
    }

    [Fact]
    public void A_bid_name_takes_the_twice_daily_schedule_beside_the_acronym()
    {
        // "BID" says twice daily: its provenance is the twice-daily schedule (both 3.85 Gy, hypofractionated).
        var study = Normalise(Trial(
            "Whole Breast Irradiation vs Accelerated Partial Breast Irradiation Once or Twice Daily",
            "Patients receive whole breast irradiation 42.5 Gy in 16 fractions or APBI, 38.5 Gy in 10 once daily fractions or 38.5 Gy in 10 twice daily fractions.",
            [Intervention("RADIATION", "BID APBI"), Intervention("RADIATION", "Whole breast irradiation")]));

        Assert.Equal("Hypofractionated RT", study.Interventions[0].RtModality);
        Assert.Equal("38.5 Gy in 10 twice daily fractions", study.Sources.Single(s => s.Entity == "intervention" && s.EntityOrdinal == 0 && s.Field == NormalisedField.RtModality).Matched);
    }

    [Fact]
    public void Interventions_of_one_name_take_no_dose_beside_it()
    {
        // Two interventions named alike (one per arm) cannot tell whose dose it is: neither is guessed hypofractionated.
        var study = Normalise(Trial(
            "SBRT Plus Postoperative Radiotherapy in Oligometastatic Head and Neck Cancer",
            "All patients receive postoperative radiotherapy 60 Gy in 30 fractions; in the experimental arm, postoperative radiotherapy, 30 Gy in 5 fractions, is added to SBRT.",
            [Intervention("RADIATION", "Postoperative radiotherapy"), Intervention("RADIATION", "Postoperative radiotherapy"), Intervention("RADIATION", "SBRT")]));

        Assert.Equal(["RT, unspecified", "RT, unspecified", "SBRT"], study.Interventions.Select(i => i.RtModality));
    }

    // ---- "with/without", "with versus without", "with and without" ---------------------------------

    [Fact]
    public void A_title_of_chemotherapy_with_slash_without_thoracic_rt_gives_rt()
    {
        // One arm adds thoracic RT (of no kind) to the chemotherapy the trial lists.
        var free = Normalise(WithPurpose(Trial("Chemotherapy With/Without Thoracic Radiotherapy in Extensive-Stage Small Cell Lung Cancer", null,
            [Intervention("DRUG", "Etoposide and cisplatin")]), "TREATMENT")).FreeText;

        Assert.Equal("RT, unspecified", free?.RtModality);
    }

    [Fact]
    public void A_title_of_an_ici_with_versus_without_sbrt_gives_sbrt()
    {
        // "with versus without": the experimental arm gives SBRT.
        var free = Normalise(WithPurpose(Trial("Atezolizumab With Versus Without SBRT in Metastatic Urothelial Carcinoma", null,
            [Intervention("DRUG", "Atezolizumab")]), "TREATMENT")).FreeText;

        Assert.Equal("SBRT", free?.RtModality);
    }

    [Fact]
    public void A_title_of_patients_with_versus_without_prior_radiotherapy_gives_no_rt()
    {
        // The RT is the patients' history, a stratum, not what the trial gives.
        var free = Normalise(WithPurpose(Trial("Nivolumab in Melanoma Patients With Versus Without Prior Radiotherapy", null,
            [Intervention("DRUG", "Nivolumab")]), "TREATMENT")).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void An_exercise_trial_in_women_treated_with_versus_without_radiotherapy_gives_no_rt()
    {
        // Supportive care: the RT is where the patients are (what they had), not what the exercise trial gives.
        var free = Normalise(WithPurpose(Trial("Aerobic Exercise for Fatigue in Women Treated for Breast Cancer With Versus Without Radiotherapy", null,
            [Intervention("BEHAVIORAL", "Aerobic exercise")]), "SUPPORTIVE_CARE")).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_quality_of_life_study_of_survivors_with_versus_without_radiotherapy_observes_no_rt()
    {
        // Guide, per trial: quality of life of patients after RT is where they are, not RT the study observes.
        var free = Normalise(Observational("Quality of Life of Women Treated for Breast Cancer With Versus Without Radiotherapy")).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void Durvalumab_without_radiotherapy_alone_gives_no_rt()
    {
        // "without" on its own, no "with" before it: the RT is absent.
        var free = Normalise(WithPurpose(Trial("Durvalumab Without Radiotherapy in Unresectable Stage III NSCLC Unfit for Chemoradiation", null,
            [Intervention("DRUG", "Durvalumab")]), "TREATMENT")).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_nephrectomy_with_vs_without_sabr_gives_sbrt()
    {
        // "with vs. without": one arm gives SABR with the surgery.
        Assert.Equal("SBRT", OnlyIntervention(Intervention("PROCEDURE", "Cytoreductive nephrectomy with vs. without SABR")).RtModality);
    }

    [Fact]
    public void A_summary_that_randomises_to_an_ici_with_and_without_sbrt_gives_sbrt_in_a_record_of_no_intervention()
    {
        // What the trial gives: pembrolizumab, and in one arm SBRT.
        var free = Normalise(Trial("Metastatic Head and Neck Cancer",
            "Patients will be randomised to pembrolizumab with and without stereotactic body radiotherapy to one metastasis.", [])).FreeText;

        Assert.Equal("SBRT", free?.RtModality);
    }

    // ---- The detailed description's protocol sentences and background ------------------------------

    [Fact]
    public void A_protocol_sentence_that_says_consent_has_been_obtained_still_gives_its_kind()
    {
        // "has been obtained" times this trial's treatment; it is no background: the trial's RT is IMRT (EBRT, 2 Gy fractions).
        var study = Normalise(Described(Trial("Radiotherapy for Anal Cancer", null, [Intervention("RADIATION", "Radiotherapy")]),
            "After informed consent has been obtained, patients receive intensity-modulated radiotherapy to 54 Gy in 30 fractions with mitomycin and capecitabine."));

        Assert.Equal("EBRT", study.Interventions[0].RtModality);
    }

    [Fact]
    public void A_protocol_sentence_that_says_chemotherapy_cycles_have_been_completed_still_gives_its_kind()
    {
        // "have been completed" orders this trial's courses: the consolidative RT is proton beam therapy.
        var study = Normalise(Described(Trial("Consolidative Radiotherapy in Hodgkin Lymphoma", null, [Intervention("RADIATION", "Consolidative radiotherapy")]),
            "Once four cycles of chemotherapy have been completed, patients receive proton beam therapy 30 Gy (RBE) in 15 fractions to the initially involved sites."));

        Assert.Equal("Proton", study.Interventions[0].RtModality);
    }

    [Fact]
    public void A_protocol_sentence_that_says_image_guidance_is_routinely_used_still_gives_its_kind()
    {
        // "routinely" says how this trial's IMRT is delivered, not what others do.
        var study = Normalise(Described(Trial("Dose-Escalated Radiotherapy for Prostate Cancer", null, [Intervention("RADIATION", "Dose-escalated radiotherapy")]),
            "Cone-beam CT is routinely acquired before each fraction of intensity-modulated radiotherapy, 78 Gy in 39 fractions."));

        Assert.Equal("EBRT", study.Interventions[0].RtModality);
    }

    [Fact]
    public void A_background_sentence_that_says_sbrt_has_been_used_gives_no_kind()
    {
        // "has been used" is others' experience; this trial's RT is stated without a kind at 2 Gy fractions.
        var study = Normalise(Described(Trial("Radiotherapy for Liver Metastases", null, [Intervention("RADIATION", "Radiotherapy")]),
            "Stereotactic body radiotherapy has been used at 50 Gy in 5 fractions for liver metastases. Patients in this study receive radiotherapy to 60 Gy in 30 fractions."));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }
}
