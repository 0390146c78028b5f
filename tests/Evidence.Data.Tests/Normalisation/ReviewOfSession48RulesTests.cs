using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review of the rules of vocabulary .120 (sets 98-101): stereotactic
/// hypofractionated RT, schedules dosed beside their names, a summary sentence that prescribes a
/// dose (the sole RT's kind, a record of no intervention's dose), immunoradiotherapy,
/// hypofractionated regimens and schedules, TPF and DCF with the regimen-code exception, and
/// surface-guided RT. Each case asserts what a careful systematic reviewer would label
/// (DOMAIN.md, LABELLING-GUIDE.md), not what the code does.
/// </summary>
public class ReviewOfSession48RulesTests
{
    // ---- Stereotactic and hypofractionated words (vocabulary) -----------------------------------

    [Theory]
    // "Non-stereotactic" says the RT is not stereotactic: hypofractionated RT, not SBRT (guide rule 5).
    [InlineData("Non-stereotactic hypofractionated radiotherapy", "Hypofractionated RT")]
    // Stereotactic hypofractionated RT to a cavity is FSRT/HSRT: SBRT (guide rule 8).
    [InlineData("Stereotactic hypofractionated radiotherapy (SHRT) to the resection cavity", "SBRT")]
    // Two courses, whole-brain then a stereotactic boost: EBRT + SBRT (guide rules 1, 4, 8).
    [InlineData("Whole brain radiotherapy followed by stereotactic hypofractionated radiotherapy boost", "EBRT + SBRT")]
    // Alternatives by lesion size: each kind the intervention gives (guide rule 1).
    [InlineData("Stereotactic radiosurgery or hypofractionated radiotherapy", "Hypofractionated RT + SBRT")]
    // A hypofractionated course with an SBRT boost: both courses (guide rule 1).
    [InlineData("Hypofractionated radiotherapy with a stereotactic body radiotherapy boost", "Hypofractionated RT + SBRT")]
    // Whole-breast RT the record calls hypofractionated is hypofractionated RT alone (guide rules 4, 5).
    [InlineData("Whole breast irradiation, hypofractionated schedule", "Hypofractionated RT")]
    // SBRT is itself hypofractionated; its schedule adds no second kind (guide rule 8, as "hypofractionated stereotactic RT").
    [InlineData("Stereotactic body radiotherapy in a hypofractionated regimen", "SBRT")]
    public void Stereotactic_and_hypofractionated_words_give_the_kinds_a_reviewer_labels(string name, string kinds)
    {
        Assert.Equal(kinds, Kinds(OnlyIntervention(Intervention("RADIATION", name))));
    }

    [Theory]
    // Surface guidance positions the patient for the SBRT it delivers: a technique, not a second kind (guide rule 2).
    [InlineData("SBRT with surface-guided radiotherapy (SGRT)", "SBRT")]
    // The same with image guidance, which the normaliser already read as a technique (guide rule 2).
    [InlineData("SBRT with image-guided radiotherapy (IGRT)", "SBRT")]
    public void Guidance_that_delivers_sbrt_is_not_a_kind_of_its_own(string name, string kinds)
    {
        Assert.Equal(kinds, Kinds(OnlyIntervention(Intervention("RADIATION", name))));
    }

    // ---- TPF and DCF, and the regimen-code exception ----------------------------------------------

    [Theory]
    // Nutricia's "Enteral Nutritional Suspension (TPF)" (Nutrison Fibre) is a feed, not docetaxel/cisplatin/fluorouracil.
    [InlineData("DIETARY_SUPPLEMENT", "Enteral nutritional suspension (TPF)", "")]
    // The same product code as set 98's, written with an en dash as registries often paste it.
    [InlineData("DIETARY_SUPPLEMENT", "Enteral nutritional emulsion (TPF\u2013T)", "")]
    // "TPF-based" induction is the TPF regimen (guide: a regimen acronym gives its drugs).
    [InlineData("DRUG", "TPF-based induction chemotherapy", "docetaxel,cisplatin,fluorouracil")]
    public void Tpf_is_the_regimen_only_where_it_is_chemotherapy(string type, string name, string agents)
    {
        Assert.Equal(agents, string.Join(",", OnlyIntervention(Intervention(type, name)).Agents));
    }

    /// <summary>"CAPOX-B" is CAPOX plus bevacizumab (CAIRO3's notation): the regimen's drugs stay.</summary>
    [Fact]
    public void A_regimen_with_a_one_letter_partner_suffix_keeps_its_drugs()
    {
        // A regimen acronym gives its drugs (guide); "-B" adds bevacizumab, it does not make CAPOX another code.
        var agents = OnlyIntervention(Intervention("DRUG", "CAPOX-B")).Agents;

        Assert.Contains("capecitabine", agents);
        Assert.Contains("oxaliplatin", agents);
    }

    /// <summary>DCF is also 2'-deoxycoformycin, pentostatin's old name in leukaemia trials.</summary>
    [Fact]
    public void Dcf_as_pentostatin_is_not_docetaxel_cisplatin_and_fluorouracil()
    {
        // The drug is pentostatin, named with its other names; nothing in it is docetaxel, cisplatin or fluorouracil.
        var terms = OnlyIntervention(Intervention("DRUG", "Pentostatin", otherNames: ["DCF", "2'-deoxycoformycin", "Nipent"]));

        Assert.Equal("pentostatin", string.Join(",", terms.Agents));
    }

    // ---- Immunoradiotherapy --------------------------------------------------------------------

    [Theory]
    // "Chemoimmunoradiotherapy" in one word is chemoradiotherapy with an ICI: RT of no kind, as "immunoradiotherapy" now is.
    [InlineData("Chemoimmunoradiotherapy With Toripalimab for Locally Advanced Cervical Cancer", "Toripalimab", "RT, unspecified")]
    // "Immunoradiation" joined to the ICI the trial gives: RT of no kind.
    [InlineData("Camrelizumab-based Immunoradiation for Locally Advanced Oesophageal Squamous Cell Carcinoma", "Camrelizumab", "RT, unspecified")]
    // Consolidation "after" immunoradiotherapy: the RT came before the trial (guide: RT before the trial), as PACIFIC's.
    [InlineData("Sintilimab Consolidation After Immunoradiotherapy in Limited-Stage Small Cell Lung Cancer", "Sintilimab", "")]
    public void Immunoradiotherapy_in_a_title_is_rt_only_where_the_trial_gives_it(string title, string drug, string kinds)
    {
        Assert.Equal(kinds, Kinds(Normalise(Trial(title, null, [Intervention("DRUG", drug)])).FreeText));
    }

    /// <summary>A supportive-care trial of a probiotic during pelvic immunoradiotherapy gives no RT (background RT).</summary>
    [Fact]
    public void Immunoradiotherapy_a_supportive_care_trial_supports_patients_through_is_not_given()
    {
        // Supportive-care trials during RT: rt = no (set 101's annotators, NCT06970236).
        var study = Normalise(WithPurpose(Trial("Probiotics for the Prevention of Diarrhoea During Pelvic Immunoradiotherapy", null,
            [Intervention("DIETARY_SUPPLEMENT", "Probiotic capsules")]), "SUPPORTIVE_CARE"));

        Assert.Null(study.FreeText?.RtModality);
    }

    /// <summary>An observational study of patients receiving immunoradiotherapy follows them through it.</summary>
    [Fact]
    public void Immunoradiotherapy_observational_patients_receive_is_not_given()
    {
        // The title's people are "receiving" it: where they are, not what the study gives (FollowsPatientsThrough).
        var study = Normalise(Observational("Circulating Tumour DNA in Patients Receiving Immunoradiotherapy for Oesophageal Cancer"));

        Assert.Null(study.FreeText?.RtModality);
    }

    // ---- Schedules dosed beside their names --------------------------------------------------------

    [Theory]
    // "standard or shortened radiotherapy (26 Gy in 5 fractions)": the dose is the shortened arm's; standard states none (guide rule 6).
    [InlineData(0, "RT, unspecified")]
    // The shortened arm's own dose, fractions of 5.2 Gy: hypofractionated (guide rule 5).
    [InlineData(1, "Hypofractionated RT")]
    public void A_dose_after_two_names_joined_by_or_is_the_second_names(int ordinal, string modality)
    {
        var study = Normalise(Trial("Standard Versus Shortened Radiotherapy After Breast-Conserving Surgery",
            "Women with early breast cancer are randomised to standard or shortened radiotherapy (26 Gy in 5 fractions over one week) after breast-conserving surgery.",
            [Intervention("RADIATION", "Standard radiotherapy"), Intervention("RADIATION", "Shortened radiotherapy")]));

        Assert.Equal(modality, study.Interventions[ordinal].RtModality);
    }

    /// <summary>A background sentence of the detailed description does not take the trial's schedule from an arm.</summary>
    [Fact]
    public void A_historical_dose_beside_a_name_in_the_description_is_not_the_trials()
    {
        // The summary gives both timings only hypofractionated schedules (30/10, 36/12 Gy); 66 Gy/33 is history (guide rule 5).
        var study = Normalise(Described(Trial("Preoperative Versus Postoperative Hypofractionated Radiotherapy for Extremity Sarcoma",
            "Patients with extremity soft tissue sarcoma are randomised to radiotherapy before or after surgery, given as 30 Gy in 10 fractions or 36 Gy in 12 fractions.",
            [Intervention("RADIATION", "Preoperative radiotherapy"), Intervention("RADIATION", "Postoperative radiotherapy")]),
            "Historically, postoperative radiotherapy 66 Gy in 33 fractions was the standard for extremity sarcoma. This trial tests shorter schedules."));

        Assert.Equal("Hypofractionated RT", study.Interventions[1].RtModality);
    }

    [Theory]
    // A dose set off by commas is still beside its name: 5 x 5 Gy is hypofractionated (guide rules 5, 6).
    [InlineData("Short-course RT", "Long-course chemoradiotherapy",
        "Patients are randomised to short-course RT, 5 x 5 Gy, followed by chemotherapy, or long-course chemoradiotherapy, 50.4 Gy in 28 fractions.")]
    // One-word names ("SCRT", "LCRT") dosed in brackets right after them: SCRT's 5 x 5 Gy (guide rule 6).
    [InlineData("SCRT", "LCRT",
        "Patients receive SCRT (5 x 5 Gy) followed by consolidation chemotherapy or LCRT (50.4 Gy in 28 fractions) with capecitabine.")]
    // The dose before the name ("5 x 5 Gy short-course radiotherapy") is as much its own (guide rule 6).
    [InlineData("Short-course radiotherapy", "Long-course chemoradiotherapy",
        "Patients are randomised to 5 x 5 Gy short-course radiotherapy or to 50 Gy long-course chemoradiotherapy with capecitabine.")]
    public void A_short_course_dosed_beside_its_name_in_other_ways_is_hypofractionated(string shortName, string longName, string summary)
    {
        var study = Normalise(Trial("Short-Course Versus Long-Course Preoperative Radiotherapy for Rectal Cancer", summary,
            [Intervention("RADIATION", shortName), Intervention("RADIATION", longName)]));

        Assert.Equal("Hypofractionated RT", study.Interventions[0].RtModality);
    }

    [Theory]
    // "short-course RT (5 × 5 Gy)", written with a multiplication sign: the short course's own dose, 5 Gy fractions (guide rules 5, 6).
    [InlineData(0, "Hypofractionated RT")]
    // "long-course RT (25 × 2 Gy)": 2 Gy fractions, not hypofractionated (guide rule 5).
    [InlineData(1, "RT, unspecified")]
    public void Schedules_dosed_with_a_multiplication_sign_take_their_own_doses(int ordinal, string modality)
    {
        var study = Normalise(Trial("Preoperative Radiotherapy Schedules in Rectal Cancer",
            "Patients are randomised to short-course RT (5 \u00d7 5 Gy) with delayed surgery or long-course RT (25 \u00d7 2 Gy) with capecitabine.",
            [Intervention("RADIATION", "Short-course RT"), Intervention("RADIATION", "Long-course RT")]));

        Assert.Equal(modality, study.Interventions[ordinal].RtModality);
    }

    // ---- A summary sentence that prescribes the dose: the sole RT's kind ---------------------------

    /// <summary>A comparison proton plan made for each patient of an IMRT trial is planning, not a second course.</summary>
    [Fact]
    public void A_comparative_plan_in_the_prescribing_sentence_is_not_given()
    {
        // The trial gives IMRT (EBRT, guide rule 2); the proton plan is only calculated.
        var study = Normalise(Trial("Radiotherapy for HPV-Positive Oropharyngeal Cancer",
            "This study evaluates intensity-modulated radiotherapy for HPV-positive oropharyngeal cancer. Patients will receive 70 Gy in 35 fractions, and a comparative proton therapy plan will be generated for each patient.",
            [Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal("EBRT", Kinds(study.Interventions[0]));
    }

    /// <summary>Salvage radiosurgery "in case of intracranial progression" is after the trial's RT.</summary>
    [Fact]
    public void Rt_prescribed_at_progression_is_not_the_trials()
    {
        // The trial gives hippocampal-avoidance WBRT (EBRT, guide rule 4); salvage after progression is not its RT.
        var study = Normalise(Trial("Radiotherapy in Treating Patients With Brain Metastases From Small Cell Lung Cancer",
            "This study evaluates hippocampal-avoidance whole brain radiotherapy for patients with brain metastases. In case of intracranial progression, patients will receive stereotactic radiosurgery of 20 Gy.",
            [Intervention("RADIATION", "Radiation therapy")]));

        Assert.Equal("EBRT", Kinds(study.Interventions[0]));
    }

    /// <summary>"In routine practice, patients will receive whole brain radiotherapy": what usual care gives, not the trial.</summary>
    [Fact]
    public void Rt_of_routine_practice_is_not_the_trials()
    {
        // The trial gives radiosurgery (SBRT, guide rule 8); the WBRT sentence is background.
        var study = Normalise(Trial("Radiation Therapy for One to Four Brain Metastases",
            "This study evaluates stereotactic radiosurgery for patients with one to four brain metastases. In routine practice, patients will receive whole brain radiotherapy of 37.5 Gy in 15 fractions.",
            [Intervention("RADIATION", "Radiation therapy")]));

        Assert.Equal("SBRT", Kinds(study.Interventions[0]));
    }

    /// <summary>"will be treated with" prescribes as "will receive" does.</summary>
    [Fact]
    public void Will_be_treated_with_prescribes_the_kind()
    {
        // VMAT delivering 78 Gy in 39 fractions: EBRT (guide rule 2).
        var study = Normalise(Trial("Radiotherapy for Localised Prostate Cancer",
            "Patients will be treated with 78 Gy in 39 fractions using volumetric modulated arc therapy.",
            [Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal("EBRT", Kinds(study.Interventions[0]));
    }

    /// <summary>A prescribing sentence that names SBRT with its single 8 Gy fraction: SBRT, not hypofractionated RT.</summary>
    [Fact]
    public void Sbrt_prescribed_with_its_dose_stays_sbrt()
    {
        // A named kind is kept: SBRT is SBRT whatever its fraction size (guide rule 8; set 98's "stereotactic hypofractionated RT").
        var study = Normalise(Trial("Radiotherapy for Painful Bone Metastases",
            "Patients will receive 8 Gy in a single fraction with stereotactic body radiotherapy.",
            [Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal("SBRT", Kinds(study.Interventions[0]));
    }

    /// <summary>A supportive-care trial whose registered RT intervention the summary prescribes (as NCT00566852's WBRT).</summary>
    [Fact]
    public void Registered_rt_of_a_supportive_care_trial_takes_the_prescribed_kind()
    {
        // The trial delivers the RT as a registered intervention: its kind is labelled (set precedent NCT00566852), IMRT is EBRT.
        var study = Normalise(WithPurpose(Trial("Benzydamine Mouthwash for Oral Mucositis in Head and Neck Cancer",
            "Patients will receive 70 Gy in 35 fractions of intensity-modulated radiotherapy and will rinse with benzydamine or placebo three times daily.",
            [Intervention("DRUG", "Benzydamine mouthwash"), Intervention("RADIATION", "Radiotherapy")]), "SUPPORTIVE_CARE"));

        Assert.Equal("EBRT", Kinds(study.Interventions[1]));
    }

    /// <summary>An observational study's registered RT is what it observes; its prescribing sentence says which.</summary>
    [Fact]
    public void Registered_rt_of_an_observational_study_takes_the_prescribed_kind()
    {
        // Conformal RT is EBRT; neither 25/5 beside 50/25 makes every dose hypofractionated (guide rules 1, 5).
        var study = Normalise(Observational("Blood Biomarkers of Response in Locally Advanced Rectal Cancer",
            "Blood samples will be collected before, during and after radiotherapy. Patients will receive 25 Gy in 5 fractions or 50 Gy in 25 fractions of conformal radiotherapy as decided by their physician.",
            [Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal("EBRT", Kinds(study.Interventions[0]));
    }

    // ---- A summary sentence that prescribes the dose: a record of no intervention ----------------

    /// <summary>Palliative RT "at progression" is after the trial's chemoradiotherapy, whose dose is not stated.</summary>
    [Fact]
    public void A_dose_prescribed_at_progression_does_not_dose_the_trials_rt()
    {
        // Chemoradiotherapy of no stated dose is RT of no kind (guide rules 5, 6); 20 Gy/5 after progression is not the trial's.
        var study = Normalise(Trial("Durvalumab With Concurrent Chemoradiotherapy for Unresectable Stage III NSCLC",
            "All patients will receive durvalumab with concurrent chemoradiotherapy. At progression, patients will receive 20 Gy in 5 fractions to symptomatic sites.", []));

        Assert.Equal("RT, unspecified", study.FreeText?.RtModality);
    }

    /// <summary>"will be delivered" with 10 Gy fractions in a record of no intervention titled by its IGRT.</summary>
    [Fact]
    public void A_dose_that_will_be_delivered_doses_the_records_rt()
    {
        // Hypofractionated IGRT is hypofractionated RT (guide rules 2, 5).
        var study = Normalise(Trial("Image-Guided Radiotherapy for Oligometastatic Prostate Cancer",
            "This study evaluates image-guided radiotherapy for men with up to three metastases. A total dose of 30 Gy in 3 fractions will be delivered to each metastasis.", []));

        Assert.Equal("Hypofractionated RT", study.FreeText?.RtModality);
    }
}
