using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// A second independent review (issue 10) of vocabulary .140: a bare record's "Giving ..." read
/// only before "may"; consolidation of another therapy; "Adding RT" in titles; megavoltage;
/// "recurrence rate", "time to recurrence", "survival time" and "morbidity" as endpoints; a term
/// defined ("i.e.") as safety; "or not with"; bare photons beside another kind. Each case asserts
/// what a careful systematic reviewer would label (DOMAIN.md, LABELLING-GUIDE.md).
/// </summary>
public class ReviewOfSession52bRulesTests
{
    private static string? EndpointOf(string measure, string condition, string? purpose = null)
    {
        var protocol = WithConditions(WithOutcome(measure), condition);
        return Normalise(purpose is null ? protocol : WithPurpose(protocol, purpose)).Outcomes[0].EndpointClass;
    }

    // ---- 1. "Giving ..." in a record of no intervention ---------------------------------------

    [Fact]
    public void A_giving_sentence_with_a_relative_clause_before_may_still_gives_its_sbrt()
    {
        // The NCI rationale sentence gives durvalumab with SBRT; "that is designed" describes the antibody, not what giving it is.
        var free = Normalise(Trial("Immunotherapy in Treating Patients With Early-Stage Non-Small Cell Lung Cancer",
            "Giving durvalumab, an antibody that is designed to block PD-L1, together with stereotactic body radiation therapy may kill more tumor cells than radiation therapy alone.", [])).FreeText;

        Assert.Equal(Terms.Sbrt, free?.RtModality);
    }

    [Fact]
    public void Rt_named_after_may_in_a_giving_sentence_is_still_the_trials()
    {
        // "Giving nivolumab may help radiation therapy work better": the trial gives nivolumab with the RT it helps.
        var free = Normalise(Trial("Nivolumab in Treating Older Patients With Newly Diagnosed Glioblastoma",
            "Giving nivolumab may help radiation therapy work better in killing tumor cells.", [])).FreeText;

        Assert.Equal(Terms.UnspecifiedRt, free?.RtModality);
    }

    // ---- 2. "Adding RT" in a title ---------------------------------------------------------------

    [Fact]
    public void A_survey_of_preferences_about_adding_rt_gives_no_rt()
    {
        // A discrete-choice survey asks about adding RT; it irradiates nobody (guide: RT only where the patients are is rt = no).
        var study = Normalise(Trial("Patient Preferences About Adding Radiotherapy to Endocrine Therapy After Breast-Conserving Surgery: A Discrete Choice Survey", null,
            [Intervention("OTHER", "Discrete choice questionnaire")],
            Arm("Survey", "Women aged 70 or over complete an online discrete choice questionnaire.", "Other: Discrete choice questionnaire")));

        Assert.Null(study.FreeText?.RtModality);
    }

    // ---- 3. Megavoltage ----------------------------------------------------------------------------

    [Fact]
    public void Megavoltage_cone_beam_ct_is_no_rt()
    {
        // Megavoltage cone-beam CT is imaging for set-up verification, no course of RT.
        Assert.Equal("", Kinds(OnlyIntervention(Intervention("DIAGNOSTIC_TEST", "Megavoltage cone-beam CT", "Daily megavoltage cone-beam imaging to verify the position of the prostate."))));
    }

    [Fact]
    public void Megavoltage_portal_images_are_no_rt()
    {
        // Portal images taken with the megavoltage beam check the set-up; the intervention is an imaging protocol.
        Assert.Equal("", Kinds(OnlyIntervention(Intervention("OTHER", "Weekly megavoltage portal imaging", "Megavoltage portal images are acquired weekly and compared with digitally reconstructed radiographs."))));
    }

    // ---- 3. Recurrence, survival time, morbidity ---------------------------------------------------

    [Fact]
    public void Recurrence_of_a_malignant_pleural_effusion_is_other()
    {
        // A pleurodesis trial counts the effusion's re-accumulation, not the cancer's recurrence (DFS/RFS is of the tumour).
        Assert.Equal(Terms.OtherEndpoint, EndpointOf("Pleural effusion recurrence rate at 30 days", "Malignant Pleural Effusion"));
    }

    [Fact]
    public void Recurrence_of_a_keloid_after_radiotherapy_is_other()
    {
        // A keloid is no cancer: its recurrence after excision and RT is the trial's own efficacy, "other".
        Assert.Equal(Terms.OtherEndpoint, EndpointOf("Keloid recurrence rate at 12 months", "Keloid"));
    }

    [Fact]
    public void Time_to_recurrence_of_pain_after_palliative_rt_is_other()
    {
        // The pain's recurrence after single-fraction RT for bone metastases is a symptom endpoint, not disease-free survival.
        Assert.Equal(Terms.OtherEndpoint, EndpointOf("Time to recurrence of pain at the treated site", "Bone Metastases"));
    }

    [Fact]
    public void Regional_nodal_recurrence_rate_is_local_control()
    {
        // Regional (nodal) recurrence is locoregional failure, which DOMAIN.md's local control covers, as "regional control" and "locoregional recurrence" already are.
        Assert.Equal("local control", EndpointOf("Regional nodal recurrence rate at 5 years", "Breast Cancer"));
    }

    [Fact]
    public void Survival_time_of_dental_implants_is_other()
    {
        // The implants' survival in irradiated bone is no patient's survival.
        Assert.Equal(Terms.OtherEndpoint, EndpointOf("Implant survival time", "Osteoradionecrosis of the Jaw"));
    }

    [Fact]
    public void Survival_time_of_transfused_red_cells_is_other()
    {
        // The survival of gamma-irradiated red cells in circulation measures the blood product, not the patients.
        Assert.Equal(Terms.OtherEndpoint, EndpointOf("Red cell survival time (51Cr-labelled)", "Transfusion"));
    }

    [Fact]
    public void Postoperative_morbidity_in_a_prehabilitation_trial_is_other()
    {
        // Prehabilitation aims to prevent postoperative complications: in a supportive-care trial they are what it is for, not the safety of a treatment it gives (guide).
        Assert.Equal(Terms.OtherEndpoint, EndpointOf("Postoperative morbidity (Clavien-Dindo grade II or higher)", "Lung Cancer", "SUPPORTIVE_CARE"));
    }

    // ---- 4. A term defined as safety ---------------------------------------------------------------

    [Fact]
    public void A_feasibility_defined_as_completion_that_mentions_toxicity_after_is_other()
    {
        // The feasibility counts completed fractions; the toxicity after the semicolon is another outcome, not its definition.
        Assert.Equal(Terms.OtherEndpoint, EndpointOf("Feasibility (i.e. the proportion of patients who complete all fractions; toxicity is a secondary outcome)", "Rectal Cancer"));
    }

    // ---- 5. "or not with" -------------------------------------------------------------------------

    [Fact]
    public void Chemoradiotherapy_associated_or_not_with_nivolumab_gives_it()
    {
        // "Associated or Not With" is the French-English "with or without": one arm gives nivolumab.
        var free = Normalise(Trial("Chemoradiotherapy Associated or Not With Nivolumab in Locally Advanced Cervical Cancer", null, [])).FreeText;

        Assert.Equal(["nivolumab"], free?.Agents ?? []);
    }

    [Fact]
    public void Patients_treated_or_not_with_an_ici_are_not_given_it()
    {
        // "Patients Treated or Not With Pembrolizumab" describes the patients' past treatment; the trial gives radiosurgery only.
        var free = Normalise(Trial("Stereotactic Radiosurgery for Brain Metastases in Patients Previously Treated or Not With Pembrolizumab", null, [])).FreeText;

        Assert.False(free?.GivesIci ?? false);
    }

    // ---- 6. Bare photons beside another kind --------------------------------------------------------

    [Fact]
    public void Pelvic_photons_before_a_brachytherapy_boost_are_a_course_of_ebrt()
    {
        // External photons then an HDR boost are two courses (guide rule 1): Brachytherapy + EBRT.
        Assert.Equal("Brachytherapy + EBRT", Kinds(OnlyIntervention(Intervention("RADIATION", "Radiotherapy",
            "Pelvic photons, 45 Gy in 25 fractions, followed by a high-dose-rate brachytherapy boost to the cervix."))));
    }

    [Fact]
    public void Photons_before_a_carbon_ion_boost_are_a_course_of_ebrt()
    {
        // Photons to the nodes and a carbon ion boost to the tumour are two courses (guide rules 1 and 3).
        Assert.Equal("Carbon ion + EBRT", Kinds(OnlyIntervention(Intervention("RADIATION", "Radiotherapy",
            "Photons 50 Gy in 25 fractions to the elective nodes, followed by a carbon ion boost of 24 Gy (RBE) in 8 fractions."))));
    }

    [Fact]
    public void Photons_with_protons_reserved_for_some_patients_are_both_alternatives()
    {
        // Photons for most, protons where the heart dose is too high: the intervention gives either, so both kinds (guide rule 1).
        Assert.Equal("EBRT + Proton", Kinds(OnlyIntervention(Intervention("RADIATION", "Radiotherapy",
            "Photons to the breast and regional nodes; protons are used for patients whose mean heart dose would exceed 4 Gy."))));
    }

    [Fact]
    public void A_dosimetric_planning_comparison_of_photons_and_protons_gives_no_rt()
    {
        // The plans are computed on images only; the comparison irradiates nobody.
        Assert.Equal("", Kinds(OnlyIntervention(Intervention("OTHER", "Dosimetric planning study",
            "Virtual plans with photons and with pencil-beam protons are computed on each patient's planning CT and compared for dose to the hippocampus."))));
    }
}
