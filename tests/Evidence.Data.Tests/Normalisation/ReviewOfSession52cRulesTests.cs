using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// A third independent review (issue 10) of vocabulary .141: a "Giving ..." sentence read whole and
/// past relative clauses; "Adding RT" only in a trial of adding or opening a title; "recurrence
/// rate", "time to recurrence" and "survival time" of something else; regional and nodal
/// recurrence as local control; "or not with" only after a combination; bare photons beside
/// another kind; a summary's list after a colon. Each case asserts what a careful systematic
/// reviewer would label (DOMAIN.md, LABELLING-GUIDE.md).
/// </summary>
public class ReviewOfSession52cRulesTests
{
    private static string? EndpointOf(string measure, string condition)
    {
        var protocol = WithConditions(WithOutcome(measure), condition);
        return Normalise(protocol).Outcomes[0].EndpointClass;
    }

    // ---- 1. "Giving ..." sentences ------------------------------------------------------------

    [Fact]
    public void Rt_a_giving_sentence_says_may_be_avoided_is_not_given()
    {
        // The trial gives neoadjuvant pembrolizumab; the RT after "may" is what it hopes to spare patients, not what it gives.
        var free = Normalise(Trial("Neoadjuvant Pembrolizumab in Resectable Head and Neck Cancer",
            "Giving pembrolizumab before surgery may shrink the tumor and may reduce the need for radiation therapy after surgery.", [])).FreeText;

        Assert.Equal("", Kinds(free));
        Assert.Equal(["pembrolizumab"], free?.Agents ?? []);
    }

    [Fact]
    public void Rt_in_a_who_clause_of_patients_history_is_not_given()
    {
        // "patients who have already received radiation therapy" is their history (guide: RT before the trial); the trial gives atezolizumab.
        var free = Normalise(Trial("Atezolizumab for Recurrent Non-Small Cell Lung Cancer",
            "Giving atezolizumab to patients who have already received radiation therapy to the chest may help control the cancer.", [])).FreeText;

        Assert.Equal("", Kinds(free));
        Assert.Equal(["atezolizumab"], free?.Agents ?? []);
    }

    [Fact]
    public void A_which_clause_naming_the_drugs_class_leaves_the_giving_sentence_given()
    {
        // "which are monoclonal antibodies" says what the drugs are; the sentence still gives both ICIs with SBRT.
        var free = Normalise(Trial("Ipilimumab, Nivolumab and SBRT in Metastatic Pancreatic Cancer",
            "Giving ipilimumab and nivolumab, which are monoclonal antibodies, with stereotactic body radiation therapy may work better in treating patients with metastatic pancreatic cancer.", [])).FreeText;

        Assert.Equal(Terms.Sbrt, free?.RtModality);
        Assert.Equal(["ipilimumab", "nivolumab"], (free?.Agents ?? []).Order(StringComparer.Ordinal));
    }

    // ---- 2. "Adding RT" / "Addition of RT" in a title ------------------------------------------

    [Fact]
    public void Efficacy_and_safety_of_adding_rt_to_chemotherapy_gives_rt()
    {
        // A randomised trial named for "the Efficacy and Safety of Adding Radiotherapy" irradiates its experimental arm.
        var study = Normalise(Trial("Efficacy and Safety of Adding Radiotherapy to Chemotherapy in De Novo Metastatic Nasopharyngeal Carcinoma", null,
            [Intervention("DRUG", "Gemcitabine and cisplatin")],
            Arm("Chemotherapy", "Gemcitabine 1 g/m2 days 1 and 8 with cisplatin 80 mg/m2 every 3 weeks for 6 cycles.", "Drug: Gemcitabine and cisplatin")));

        Assert.Equal(Terms.UnspecifiedRt, study.FreeText?.RtModality);
    }

    [Fact]
    public void The_addition_of_sbrt_opening_a_title_after_the_article_gives_sbrt()
    {
        // "The Addition of SBRT to Systemic Therapy" is the trial's intervention; the article before "Addition" changes nothing.
        var study = Normalise(Trial("The Addition of Stereotactic Body Radiotherapy to Systemic Therapy in Oligometastatic Breast Cancer", null,
            [Intervention("DRUG", "Standard systemic therapy")],
            Arm("Systemic therapy", "Endocrine therapy or chemotherapy chosen by the treating oncologist.", "Drug: Standard systemic therapy")));

        Assert.Equal(Terms.Sbrt, study.FreeText?.RtModality);
    }

    [Fact]
    public void Adding_sabr_after_an_acronym_and_colon_gives_it()
    {
        // A trial's acronym then "Adding SABR to ..." names the trial's intervention, as a title opening on "Adding" does.
        var study = Normalise(Trial("HALT-RCC: Adding Stereotactic Ablative Radiotherapy to Standard Systemic Therapy for Oligoprogressive Renal Cell Carcinoma", null,
            [Intervention("DRUG", "Standard systemic therapy")],
            Arm("Systemic therapy", "Tyrosine kinase inhibitor continued as per standard of care.", "Drug: Standard systemic therapy")));

        Assert.Equal(Terms.Sbrt, study.FreeText?.RtModality);
    }

    // ---- 3. Recurrence and survival-time terms ---------------------------------------------------

    [Fact]
    public void Early_recurrence_rate_after_hepatectomy_is_dfs()
    {
        // Early recurrence (within 2 years) after resection is the tumour's own recurrence, as RFS is.
        Assert.Equal(Terms.DiseaseFreeSurvival, EndpointOf("Early recurrence rate (within 2 years after hepatectomy)", "Hepatocellular Carcinoma"));
    }

    [Fact]
    public void Recurrence_rate_of_hepatocellular_carcinoma_is_dfs()
    {
        // "of hepatocellular carcinoma" names the tumour itself, not something else.
        Assert.Equal(Terms.DiseaseFreeSurvival, EndpointOf("Recurrence rate of hepatocellular carcinoma at 2 years", "Hepatocellular Carcinoma"));
    }

    [Fact]
    public void Biochemical_recurrence_rate_is_dfs()
    {
        // Biochemical (PSA) recurrence is the prostate cancer's own recurrence, labelled as bRFS is: DFS/RFS.
        Assert.Equal(Terms.DiseaseFreeSurvival, EndpointOf("Biochemical recurrence rate at 5 years (Phoenix definition)", "Prostate Cancer"));
    }

    [Fact]
    public void Average_survival_time_is_os()
    {
        // "Average" qualifies the patients' survival as "median" or "mean" does.
        Assert.Equal(Terms.OverallSurvival, EndpointOf("Average survival time", "Esophageal Cancer"));
    }

    [Fact]
    public void Postoperative_survival_time_is_os()
    {
        // The patients' survival after the operation is overall survival, timed from surgery.
        Assert.Equal(Terms.OverallSurvival, EndpointOf("Postoperative survival time", "Gastric Cancer"));
    }

    [Fact]
    public void Recurrence_free_survival_whose_events_include_regional_recurrence_is_dfs()
    {
        // RFS whose events are local, regional or distant recurrence or death is DFS/RFS; the regional recurrence is one of its events.
        Assert.Equal(Terms.DiseaseFreeSurvival, EndpointOf("Recurrence-free survival (local, regional recurrence or distant metastasis, or death)", "Breast Cancer"));
    }

    // ---- 4. "or not with" --------------------------------------------------------------------------

    [Fact]
    public void Radiotherapy_concomitant_or_not_with_an_ici_gives_it()
    {
        // "Concomitant or Not With Atezolizumab" is the French-English "with or without": one arm gives atezolizumab.
        var free = Normalise(Trial("Hypofractionated Radiotherapy Concomitant or Not With Atezolizumab in Elderly Patients With Glioblastoma", null, [])).FreeText;

        Assert.Equal(["atezolizumab"], free?.Agents ?? []);
    }

    [Fact]
    public void Sbrt_combined_or_not_with_pembrolizumab_gives_it()
    {
        // "Combined or Not With" is a combination's "with or without": one arm gives pembrolizumab.
        var free = Normalise(Trial("Stereotactic Body Radiotherapy Combined or Not With Pembrolizumab in Oligometastatic Melanoma", null, [])).FreeText;

        Assert.Equal(["pembrolizumab"], free?.Agents ?? []);
    }

    // ---- 5. Bare photons beside another kind -------------------------------------------------------

    [Fact]
    public void High_energy_photons_or_protons_as_alternatives_are_both_given()
    {
        // The plan chooses high-energy photons or protons for each patient: the intervention gives either (guide rule 1).
        Assert.Equal("EBRT + Proton", Kinds(OnlyIntervention(Intervention("RADIATION", "Radiotherapy",
            "Treatment with high-energy photons or protons to 60 Gy (RBE) in 30 fractions, according to the plan comparison."))));
    }

    [Fact]
    public void Photons_emitted_by_a_linac_alone_are_a_course_of_ebrt()
    {
        // No other kind is named: the linac's 6 MV photons are the course itself, external beam RT.
        Assert.Equal("EBRT", Kinds(OnlyIntervention(Intervention("RADIATION", "Conventional fractionation",
            "50 Gy in 25 fractions delivered with a linear accelerator emitting 6 MV photons."))));
    }

    [Fact]
    public void High_energy_pelvic_photons_before_a_brachytherapy_boost_are_a_course()
    {
        // External high-energy photons to the pelvis then an HDR boost are two courses (guide rule 1): Brachytherapy + EBRT.
        Assert.Equal("Brachytherapy + EBRT", Kinds(OnlyIntervention(Intervention("RADIATION", "Radiotherapy",
            "Whole pelvis treated with high-energy photons (18 MV), 45 Gy in 25 fractions, followed by a high-dose-rate brachytherapy boost of 7 Gy x 4."))));
    }

    [Fact]
    public void Conventional_nodal_photons_before_an_sbrt_boost_are_a_course()
    {
        // 45 Gy in 25 fractions of photons to the nodes is a conventional course beside the SBRT boost (guide rule 1): EBRT + SBRT.
        Assert.Equal("EBRT + SBRT", Kinds(OnlyIntervention(Intervention("RADIATION", "Radiotherapy",
            "Conventionally fractionated photons to the pelvic nodes (45 Gy in 25 fractions) followed by an SBRT boost to the prostate (19 Gy in 2 fractions)."))));
    }

    // ---- 6. A summary's list after a colon ----------------------------------------------------------

    [Fact]
    public void A_list_of_prior_treatment_after_a_colon_is_not_given()
    {
        // The list says what patients completed before durvalumab (PACIFIC-like, guide: RT before the trial); only durvalumab is given.
        var free = Normalise(Trial("Durvalumab Consolidation in Unresectable Stage III NSCLC",
            "All patients will receive durvalumab 1500 mg every 4 weeks for up to 12 months if they have completed one of the following: thoracic radiotherapy to at least 54 Gy, or concurrent chemoradiotherapy with a platinum doublet.", [])).FreeText;

        Assert.Equal("", Kinds(free));
        Assert.Equal(["durvalumab"], free?.Agents ?? []);
    }

    [Fact]
    public void A_list_of_earlier_local_treatment_after_a_colon_is_not_given()
    {
        // The brain metastases progressed after the listed local treatments, which were given before the trial; it gives pembrolizumab.
        var free = Normalise(Trial("Pembrolizumab for Progressive Melanoma Brain Metastases",
            "Patients will receive pembrolizumab 200 mg every 3 weeks if their brain metastases progressed after one of the following: stereotactic radiosurgery, whole-brain radiotherapy or surgical resection.", [])).FreeText;

        Assert.Equal("", Kinds(free));
        Assert.Equal(["pembrolizumab"], free?.Agents ?? []);
    }

    [Fact]
    public void A_regimen_listed_after_will_receive_and_a_colon_is_given()
    {
        // "Patients will receive:" introduces the trial's regimen: pembrolizumab with SBRT.
        var free = Normalise(Trial("Pembrolizumab and SBRT in Oligometastatic Urothelial Cancer",
            "Patients will receive: pembrolizumab 200 mg every 3 weeks and stereotactic body radiotherapy 24 Gy in 3 fractions to one lesion.", [])).FreeText;

        Assert.Equal(Terms.Sbrt, free?.RtModality);
        Assert.Equal(["pembrolizumab"], free?.Agents ?? []);
    }

    [Fact]
    public void A_numbered_regimen_list_after_a_colon_gives_every_item()
    {
        // Each numbered line after "Patients will receive:" is part of the regimen, the second as much as the first.
        var free = Normalise(Trial("Pembrolizumab and SBRT in Oligometastatic Urothelial Cancer",
            "Patients will receive:\n1. Pembrolizumab 200 mg every 3 weeks for up to 2 years.\n2. Stereotactic body radiotherapy, 24 Gy in 3 fractions, to one metastasis.", [])).FreeText;

        Assert.Equal(Terms.Sbrt, free?.RtModality);
        Assert.Equal(["pembrolizumab"], free?.Agents ?? []);
    }
}
