using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// A second independent review (issue 10) of the rules of vocabulary .121 (sets 102 and 103, and
/// the mends of the first review of the sets 98-101 rules): radiosurgery named by what it does, a
/// total dose the free text schedules, sponsors responsible as "Sponsor" and the new organisation
/// words, the nutrition-word rule and DCF, "hypofractionated schedule" beside other kinds, image
/// guidance beside kinds beyond photons, "stereotactic" before hypofractionated RT, prescribed
/// doses (the clause, "will be treated with", the words that veto a sentence) and schedules dosed
/// beside their names. Each case asserts what a careful systematic reviewer would label
/// (DOMAIN.md, LABELLING-GUIDE.md), not what the code does.
/// </summary>
public class ReviewOfSession48bRulesTests
{
    private static string AgentList(InterventionTerms terms) => string.Join(",", terms.Agents.Order(StringComparer.Ordinal));

    // ---- Radiosurgery named by what it does ("radiosurgical", "gamma capsulotomy") -------------------

    /// <summary>LITT for radionecrosis after radiosurgery: the radiosurgery came before the trial.</summary>
    [Fact]
    public void Post_radiosurgical_necrosis_treated_by_laser_gives_no_rt()
    {
        // The trial gives laser ablation; "post-radiosurgical" says when the necrosis arose (guide: RT before the trial is not given).
        var study = Normalise(Trial("Laser Interstitial Thermal Therapy for Post-Radiosurgical Radionecrosis of Brain Metastases",
            "This study evaluates laser interstitial thermal therapy for biopsy-proven radionecrosis in patients previously treated for brain metastases.",
            [Intervention("DEVICE", "Laser interstitial thermal therapy")]));

        Assert.Equal("", Kinds(study.FreeText));
        Assert.Null(study.Interventions[0].RtModality);
    }

    /// <summary>Bevacizumab for necrosis after radiosurgery is a drug, not radiosurgery.</summary>
    [Fact]
    public void A_drug_for_radiosurgical_necrosis_is_no_rt()
    {
        // The intervention is bevacizumab; the necrosis it treats follows earlier radiosurgery (no RT given, guide rule 1 counts what the intervention gives).
        var terms = OnlyIntervention(Intervention("DRUG", "Bevacizumab", "Bevacizumab 7.5 mg/kg every 3 weeks for four doses for symptomatic radiosurgical necrosis."));

        Assert.Null(terms.RtModality);
    }

    /// <summary>The sham arm of a gamma ventral capsulotomy trial for OCD delivers no radiation.</summary>
    [Fact]
    public void A_sham_gamma_capsulotomy_gives_no_rt()
    {
        // A sham procedure gives no RT, whatever it imitates (a placebo is not the drug).
        var terms = OnlyIntervention(Intervention("RADIATION", "Sham gamma ventral capsulotomy"));

        Assert.Null(terms.RtModality);
    }

    // ---- A total dose that the free text schedules -------------------------------------------------

    /// <summary>Conventional RT "to 50 Gy" beside an SBRT arm of 50 Gy in 5 fractions: the 5 fractions are SBRT's.</summary>
    [Fact]
    public void A_total_dose_does_not_take_another_arms_schedule_of_the_same_total()
    {
        // The conventional arm states no fraction count: RT, unspecified (guide rule 5, "a dose without a fraction count is not enough").
        var study = Normalise(Trial("SBRT Versus Conventional Chemoradiotherapy for Locally Advanced Pancreatic Cancer",
            "Patients are randomised to stereotactic body radiotherapy of 50 Gy in 5 fractions or to conventional radiotherapy to 50 Gy with concurrent capecitabine.",
            [Intervention("RADIATION", "Conventional radiotherapy", "50 Gy with concurrent capecitabine"), Intervention("RADIATION", "Stereotactic body radiotherapy")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    /// <summary>A schedule of the same total that other trials tested is background, not the trial's.</summary>
    [Fact]
    public void A_total_dose_does_not_take_a_background_schedule_of_the_same_total()
    {
        // "Radiotherapy 60 Gy" with temozolomide: no fraction count of this trial's (guide rule 5); 60 Gy in 20 fractions is other trials'.
        var study = Normalise(Described(Trial("Radiotherapy With Temozolomide for Newly Diagnosed Glioblastoma", null,
            [Intervention("RADIATION", "Radiotherapy 60 Gy"), Intervention("DRUG", "Temozolomide")]),
            "Shortened courses, for example 60 Gy in 20 fractions, have been tested in other trials. In this trial, radiotherapy to 60 Gy is given with concurrent daily temozolomide."));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    /// <summary>Single-fraction and five-fraction palliative arms named by their totals, scheduled in the summary.</summary>
    [Theory]
    // "8 Gy Radiotherapy" given "8 Gy in 1 fraction": 8 Gy x 1 is hypofractionated (guide rule 5).
    [InlineData(0, "Hypofractionated RT")]
    // "20 Gy Radiotherapy" given "20 Gy in 5 fractions": 4 Gy fractions (guide rule 5).
    [InlineData(1, "Hypofractionated RT")]
    public void Totals_the_summary_schedules_take_their_schedules(int ordinal, string modality)
    {
        var study = Normalise(Trial("Single Versus Multiple Fraction Radiotherapy for Painful Bone Metastases",
            "Patients with painful bone metastases are randomised to 8 Gy in 1 fraction or 20 Gy in 5 fractions.",
            [Intervention("RADIATION", "8 Gy Radiotherapy"), Intervention("RADIATION", "20 Gy Radiotherapy")]));

        Assert.Equal(modality, study.Interventions[ordinal].RtModality);
    }

    // ---- Sponsors: responsible as "Sponsor", and the new organisation words --------------------------

    [Theory]
    // Persian surnames often end in the word "Asl" ("Hosseini Asl"): a person's name, not Azienda Sanitaria Locale (IsPerson's short-name rule).
    [InlineData("Masoud Hosseini Asl", "OTHER")]
    // Indian initials "P. C." (e.g. Prakash Chandra) with a title: a person, not a professional corporation.
    [InlineData("Dr. P. C. Sharma", "OTHER")]
    // The same initials written without spaces, as registries often do.
    [InlineData("P.C. Gupta", "OTHER")]
    public void A_person_whose_name_holds_a_new_organisation_word_is_a_person(string sponsor, string sponsorClass)
    {
        // A person is never the institution (Table 1: institution is an organisation).
        Assert.Equal($"the sponsor, {sponsor}, is a person; the record names no institution", Normalise(Sponsored(sponsor, sponsorClass, null)).Summary.Institution);
    }

    [Theory]
    // A person's name of class OTHER, responsible as "Sponsor", registered by Assiut University: the university is the institution.
    [InlineData("Mohamed Abdelhafez", "OTHER", "Assiut University", "Assiut University; the sponsor, Mohamed Abdelhafez, is a person")]
    // A person's name of no class, responsible as "Sponsor": still a person, and the registering hospital is the institution.
    [InlineData("Xiaodong Zhu", null, "Guangxi Medical University", "Guangxi Medical University; the sponsor, Xiaodong Zhu, is a person")]
    public void A_person_responsible_as_sponsor_is_still_a_person(string sponsor, string? sponsorClass, string organization, string institution)
    {
        // A two-word personal name is a person however the party is typed (DOMAIN.md: institution is the sponsor or main site).
        Assert.Equal(institution, Normalise(Sponsored(sponsor, sponsorClass, "SPONSOR", organization)).Summary.Institution);
    }

    /// <summary>Gustave Roussy, a French cancer centre with no organisation word in its name, responsible as Sponsor.</summary>
    [Fact]
    public void An_organisation_of_two_words_responsible_as_sponsor_is_the_institution()
    {
        // The lead sponsor is the institution (DOMAIN.md); "Gustave Roussy" is the centre, not a person.
        Assert.Equal("Gustave Roussy", Normalise(Sponsored("Gustave Roussy", "OTHER", "SPONSOR")).Summary.Institution);
    }

    // ---- The nutrition-word rule and DCF ----------------------------------------------------------------

    [Theory]
    // Enteral nutrition given with TPF induction: the intervention gives TPF too, so its drugs (guide: a regimen acronym gives its drugs).
    [InlineData("DRUG", "Enteral nutrition plus TPF induction chemotherapy", "cisplatin,docetaxel,fluorouracil")]
    // CAPOX given with oral nutritional supplements: capecitabine and oxaliplatin (guide: XELOX/CAPOX).
    [InlineData("DRUG", "CAPOX with oral nutritional supplements", "capecitabine,oxaliplatin")]
    // TACE with an epirubicin-lipiodol emulsion then FOLFOX by HAIC: the drugs the procedure's name names (guide: locoregional procedures list their drugs).
    [InlineData("PROCEDURE", "TACE (epirubicin-lipiodol emulsion) followed by FOLFOX-HAIC", "epirubicin,fluorouracil,oxaliplatin")]
    public void A_chemotherapy_regimen_beside_nutrition_words_keeps_its_drugs(string type, string name, string agents)
    {
        Assert.Equal(agents, AgentList(OnlyIntervention(Intervention(type, name))));
    }

    /// <summary>DCF in an oesophageal trial (JCOG1109's neoadjuvant DCF) is docetaxel, cisplatin and fluorouracil.</summary>
    [Fact]
    public void Dcf_neoadjuvant_chemotherapy_is_docetaxel_cisplatin_and_fluorouracil()
    {
        // A regimen acronym gives its drugs (guide); DCF before oesophagectomy is never pentostatin.
        var terms = OnlyIntervention(Intervention("DRUG", "Neoadjuvant DCF", "Three courses of DCF every 3 weeks followed by oesophagectomy."));

        Assert.Equal("cisplatin,docetaxel,fluorouracil", AgentList(terms));
    }

    // ---- "hypofractionated schedule" beside other kinds --------------------------------------------------

    [Theory]
    // "with or without temozolomide" compares no schedules: RT the record calls hypofractionated is hypofractionated RT (guide rule 5).
    [InlineData("Radiotherapy", "Radiotherapy in a hypofractionated schedule of 40 Gy in 15 fractions, with or without concomitant temozolomide according to MGMT status.", "Hypofractionated RT")]
    // Whole-breast RT "with or without boost" in a hypofractionated schedule: hypofractionated RT alone (guide rules 4, 5).
    [InlineData("Whole breast irradiation with or without tumour bed boost, hypofractionated schedule", null, "Hypofractionated RT")]
    // Two courses: conventionally dosed pelvic IMRT, then a hypofractionated boost: each course (guide rules 1, 2).
    [InlineData("Whole-pelvis IMRT 45 Gy in 25 fractions followed by a prostate boost in a hypofractionated schedule", null, "EBRT + Hypofractionated RT")]
    // Hypofractionated external beam, then an HDR brachytherapy boost: hypofractionated RT + brachytherapy (guide rules 1, 2, 5).
    [InlineData("External beam radiotherapy in a hypofractionated schedule followed by an HDR brachytherapy boost", null, "Brachytherapy + Hypofractionated RT")]
    // Either technique in one hypofractionated schedule: hypofractionated RT by either (guide rule 2, "Hypofractionated 3D-CRT or IMRT").
    [InlineData("3D-CRT or IMRT in a hypofractionated schedule (42.56 Gy in 16 fractions)", null, "Hypofractionated RT")]
    public void A_hypofractionated_schedule_gives_the_kinds_a_reviewer_labels(string name, string? description, string kinds)
    {
        Assert.Equal(kinds, Kinds(OnlyIntervention(Intervention("RADIATION", name, description))));
    }

    // ---- Image guidance beside kinds beyond photons ------------------------------------------------------

    [Theory]
    // Pelvic IGRT is the external-beam course before brachytherapy, not the guidance of it: EBRT + brachytherapy (guide rules 1, 2).
    [InlineData("Pelvic IGRT 45 Gy in 25 fractions followed by image-guided adaptive brachytherapy 28 Gy in 4 fractions", "Brachytherapy + EBRT")]
    // Nodal IGRT then an SBRT boost to the prostate: two courses (guide rule 1).
    [InlineData("IGRT to the pelvic lymph nodes followed by an SBRT boost to the prostate", "EBRT + SBRT")]
    public void An_image_guided_course_of_its_own_beside_another_kind_stays_a_course(string name, string kinds)
    {
        Assert.Equal(kinds, Kinds(OnlyIntervention(Intervention("RADIATION", name))));
    }

    // ---- "Stereotactic" before hypofractionated RT -------------------------------------------------------

    [Theory]
    // Stereotactic, MR-guided, hypofractionated: stereotactic RT, i.e. SBRT (guide rules 2, 8).
    [InlineData("Stereotactic MR-guided hypofractionated radiotherapy to the prostate", "SBRT")]
    // A stereotactic biopsy is surgery: the RT after it is hypofractionated RT (guide rule 5).
    [InlineData("Stereotactic biopsy followed by hypofractionated radiotherapy 40 Gy in 15 fractions", "Hypofractionated RT")]
    public void Stereotactic_before_hypofractionated_is_sbrt_only_where_it_qualifies_the_rt(string name, string kinds)
    {
        Assert.Equal(kinds, Kinds(OnlyIntervention(Intervention("RADIATION", name))));
    }

    // ---- A summary sentence that prescribes the sole RT's dose ------------------------------------------

    /// <summary>The kind is the subject of "will be delivered": before the verb, not after it.</summary>
    [Fact]
    public void A_kind_named_before_will_be_delivered_is_the_prescribed_kind()
    {
        // Pelvic IMRT of 45 Gy in 25 fractions is what the trial gives: EBRT (guide rule 2).
        var study = Normalise(Trial("Postoperative Radiotherapy for High-Risk Endometrial Cancer",
            "Intensity-modulated radiotherapy will be delivered to the pelvis to a dose of 45 Gy in 25 fractions.",
            [Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal("EBRT", Kinds(study.Interventions[0]));
    }

    /// <summary>The kind after a comma of the prescribing clause ("..., delivered with proton therapy").</summary>
    [Fact]
    public void A_kind_after_a_comma_of_the_prescribing_sentence_is_the_prescribed_kind()
    {
        // Pencil-beam scanning protons: proton beam therapy whatever the dose (guide rule 3).
        var study = Normalise(Trial("Radiotherapy for Skull Base Chordoma",
            "Patients will receive 74 Gy (RBE) in 37 fractions, delivered with pencil-beam scanning proton therapy.",
            [Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal("Proton", Kinds(study.Interventions[0]));
    }

    /// <summary>"standard" qualifying the chemotherapy before the RT, not the RT.</summary>
    [Fact]
    public void Standard_induction_chemotherapy_before_the_prescribed_rt_does_not_veto_it()
    {
        // IMRT 70 Gy in 33 fractions is what the trial gives: EBRT (guide rule 2).
        var study = Normalise(Trial("Radiotherapy After Induction Chemotherapy for Nasopharyngeal Carcinoma",
            "After standard induction chemotherapy, patients will receive intensity-modulated radiotherapy of 70 Gy in 33 fractions.",
            [Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal("EBRT", Kinds(study.Interventions[0]));
    }

    /// <summary>Re-irradiation of "previously irradiated" patients: "previously" is the patients' history, the proton therapy is the trial's.</summary>
    [Fact]
    public void Previously_irradiated_patients_do_not_veto_the_prescribed_rt()
    {
        // Proton re-irradiation: proton beam therapy (guide rule 3).
        var study = Normalise(Trial("Re-irradiation for Recurrent Head and Neck Cancer",
            "Patients with previously irradiated recurrent head and neck cancer will receive proton therapy to 60 Gy (RBE) in 30 fractions.",
            [Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal("Proton", Kinds(study.Interventions[0]));
    }

    /// <summary>An oligoprogression trial: the progression is why patients enter, the SBRT is what the trial gives.</summary>
    [Fact]
    public void Progression_that_defines_the_population_does_not_veto_the_prescribed_rt()
    {
        // SBRT to each progressing site (guide rule 8).
        var study = Normalise(Trial("Radiotherapy for Oligoprogressive Non-Small Cell Lung Cancer During Immunotherapy",
            "Patients with up to five sites of progression on immunotherapy will receive stereotactic body radiotherapy of up to 50 Gy to each progressing site.",
            [Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal("SBRT", Kinds(study.Interventions[0]));
    }

    /// <summary>"Many patients ... will be treated with" WBRT is background; the trial evaluates radiosurgery.</summary>
    [Fact]
    public void Will_be_treated_with_in_a_background_sentence_is_not_the_trials_rt()
    {
        // The trial's RT is radiosurgery (SBRT, guide rule 8); WBRT is what many patients get elsewhere.
        var study = Normalise(Trial("Radiotherapy for One to Three Brain Metastases",
            "Many patients with one to three brain metastases will be treated with whole brain radiotherapy of 37.5 Gy in 15 fractions, which impairs memory. The purpose of this study is to evaluate radiosurgery alone.",
            [Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal("SBRT", Kinds(study.Interventions[0]));
    }

    /// <summary>"In the event of" a skeletal event, salvage SBRT: a condition after the trial's prophylactic RT.</summary>
    [Fact]
    public void Will_be_treated_with_in_a_conditional_sentence_is_not_the_trials_rt()
    {
        // The trial's RT is prophylactic 20 Gy in 5 fractions, 4 Gy each: hypofractionated RT (guide rule 5); salvage SBRT is not it.
        var study = Normalise(Trial("Prophylactic Radiotherapy for Asymptomatic High-Risk Bone Metastases",
            "Patients are randomised to prophylactic radiotherapy of 20 Gy in 5 fractions or observation. In the event of a skeletal-related event, patients in either arm will be treated with stereotactic body radiotherapy of 24 Gy in 3 fractions.",
            [Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal("Hypofractionated RT", Kinds(study.Interventions[0]));
    }

    // ---- Schedules dosed beside their names --------------------------------------------------------------

    [Theory]
    // "without prior pelvic radiotherapy" is eligibility; 5x5 Gy is the short course's dose (guide rules 5, 6).
    [InlineData("Patients without prior pelvic radiotherapy are randomised to short-course RT (5x5 Gy) followed by chemotherapy or long-course chemoradiotherapy (50.4 Gy in 28 fractions).")]
    // "previously untreated" is the patients, not a previous schedule (guide rules 5, 6).
    [InlineData("Patients with previously untreated rectal cancer are randomised to short-course RT (5x5 Gy) followed by chemotherapy or long-course chemoradiotherapy (50.4 Gy in 28 fractions).")]
    public void Eligibility_words_do_not_veto_a_dose_beside_its_name(string summary)
    {
        var study = Normalise(Trial("Short-Course Versus Long-Course Preoperative Radiotherapy for Rectal Cancer", summary,
            [Intervention("RADIATION", "Short-course RT"), Intervention("RADIATION", "Long-course chemoradiotherapy")]));

        Assert.Equal("Hypofractionated RT", study.Interventions[0].RtModality);
    }
}
