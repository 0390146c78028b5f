using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// A third independent review (issue 10) of vocabulary .159 against .158: above all its new rules
/// for a record of no intervention ("The trial is assessing if/whether X ...", "This clinical
/// trial/study uses X", "Pre-treated With"), and the guards .159 added to .157-.158's rules, in
/// wordings the two earlier reviews did not try. Each case is realistic registry wording and
/// asserts what a careful systematic reviewer would label (a therapy the patients had before, have
/// as care outside the trial, are measured on, or that the trial omits or stops, is not the
/// trial's), not what the code does.
/// </summary>
public class ReviewOfSession55cRulesTests
{
    private const string NeutralTitle = "A Multicentre Study in Solid Tumours";

    /// <summary>The RT the trial's free text gives; empty for none.</summary>
    private static string RtOf(NormalisedStudy study) => study.FreeText?.RtModality ?? "";

    /// <summary>A record of no intervention and no arm with a neutral title and this summary.</summary>
    private static NormalisedStudy BareSummary(string summary) => Normalise(Trial(NeutralTitle, summary, []));

    /// <summary>A record of no intervention and no arm with a neutral title and summary and this detailed description.</summary>
    private static NormalisedStudy BareDescription(string description) =>
        Normalise(Described(Trial(NeutralTitle, "The purpose of this study is described below.", []), description));

    // ---- 1. "The trial/study is assessing/evaluating/testing/investigating/examining if/whether X" (.159) ----

    [Fact]
    public void A_trial_testing_whether_rt_can_be_omitted_gives_no_rt()
    {
        // PRIMETIME/EUROPA-like single-arm omission: low-risk patients get endocrine therapy, no RT.
        var study = BareSummary("The trial is testing whether radiotherapy can be safely omitted in women aged 65 or over with low-risk early breast cancer who take endocrine therapy.");

        Assert.Equal("", RtOf(study));
    }

    [Fact]
    public void A_study_examining_if_a_biomarker_predicts_response_gives_no_ici()
    {
        // A biomarker study of patients on standard pembrolizumab: the old rule (TestedOrStudied)
        // already refused "whether nivolumab levels predict response".
        var study = BareSummary("The study is examining if PD-L1 expression in circulating tumour cells predicts response to pembrolizumab in patients with metastatic non-small cell lung cancer.");

        Assert.Equal("", IciOf(study));
    }

    [Fact]
    public void A_study_of_whether_the_microbiome_influences_ici_response_gives_no_ici()
    {
        var study = BareSummary("The study is investigating whether the gut microbiome influences the response to immune checkpoint inhibitors in patients with advanced melanoma.");

        Assert.Equal("", IciOf(study));
    }

    [Fact]
    public void A_study_of_ctdna_in_patients_treated_with_an_ici_gives_no_ici()
    {
        // Patients receive adjuvant durvalumab as standard care; the trial takes blood.
        var study = BareSummary("The study is assessing whether circulating tumour DNA can detect relapse earlier in patients treated with durvalumab after chemoradiotherapy for stage III lung cancer.");

        Assert.Equal("", IciOf(study));
        Assert.Equal("", RtOf(study));
    }

    [Fact]
    public void A_trial_testing_whether_stopping_an_ici_is_safe_gives_no_ici()
    {
        // Patients in response stop pembrolizumab after one year; the trial gives nothing.
        var study = BareSummary("The trial is testing whether it is safe to stop pembrolizumab after one year of treatment in patients whose melanoma has responded.");

        Assert.Equal("", IciOf(study));
    }

    [Fact]
    public void A_trial_testing_whether_exercise_during_rt_reduces_fatigue_gives_no_rt()
    {
        // The trial's exercise programme is not listed; the RT is the patients' standard care.
        var study = BareSummary("The trial is testing whether a home-based exercise programme during radiotherapy reduces fatigue in women with breast cancer.");

        Assert.Equal("", RtOf(study));
    }

    [Fact]
    public void A_trial_testing_whether_adding_an_ici_to_chemoradiotherapy_helps_gives_both()
    {
        // Control: the shape the rule is for.
        var study = BareSummary("The trial is testing whether the addition of pembrolizumab to chemoradiotherapy improves event-free survival compared with chemoradiotherapy alone.");

        Assert.Equal("pembrolizumab", string.Join(" + ", study.FreeText?.Agents ?? []));
        Assert.NotEqual("", RtOf(study));
    }

    [Fact]
    public void A_follow_up_of_another_trials_patients_gives_no_ici()
    {
        // Long-term follow-up of another trial's patients: what they received there is history.
        var study = BareSummary("The study is examining whether patients who took part in the CheckMate 067 trial, where they received nivolumab and ipilimumab, have late immune-related toxicities.");

        Assert.Equal("", IciOf(study));
    }

    // ---- 2. "This clinical trial/study uses X" (.159) --------------------------------------------------------

    [Fact]
    public void A_clinical_study_using_blood_samples_from_treated_patients_gives_no_ici()
    {
        var study = BareDescription("This clinical study uses blood samples from patients treated with nivolumab to find markers of response.");

        Assert.Equal("", IciOf(study));
    }

    [Fact]
    public void A_clinical_trial_using_questionnaires_in_patients_treated_with_rt_gives_no_rt()
    {
        var study = BareDescription("This clinical trial uses questionnaires to measure quality of life in patients with head and neck cancer treated with radiotherapy.");

        Assert.Equal("", RtOf(study));
    }

    [Fact]
    public void A_study_using_data_of_another_trial_gives_no_ici()
    {
        var study = BareSummary("This study uses data from the CheckMate 816 trial, in which patients received nivolumab with chemotherapy before surgery.");

        Assert.Equal("", IciOf(study));
    }

    [Fact]
    public void A_clinical_trial_using_mri_to_assess_response_to_rt_gives_no_rt()
    {
        var study = BareDescription("This clinical trial uses diffusion-weighted MRI to assess response to radiotherapy in patients with rectal cancer.");

        Assert.Equal("", RtOf(study));
    }

    [Fact]
    public void A_clinical_trial_using_a_randomised_design_to_compare_rt_gives_rt()
    {
        // Control: "uses" a design, then what it compares is what it gives.
        var study = BareDescription("This clinical trial uses a randomised design to compare stereotactic body radiotherapy with conventional radiotherapy for painful spinal metastases.");

        Assert.Equal(Terms.Sbrt, RtOf(study));
    }

    // ---- 3. "Pre-treated With" (.159) ------------------------------------------------------------------------

    [Fact]
    public void A_hyphenated_pre_treated_ici_in_a_bare_title_is_history()
    {
        // The record lists nothing; its title's subject is ipilimumab, nivolumab the patients' history.
        var study = Normalise(Trial("Ipilimumab in Advanced Melanoma Pre-treated With Nivolumab", null, []));

        Assert.Equal("ipilimumab", string.Join(" + ", study.FreeText?.Agents ?? []));
    }

    // ---- 4. The guards .159 added to .157-.158's rules ------------------------------------------------------

    [Fact]
    public void A_titles_ici_after_an_efficacy_heading_joined_to_a_listed_drug_is_given()
    {
        // Only apatinib is listed; the title's camrelizumab is given with it.
        var study = Treatment("Efficacy and Safety of Camrelizumab and Apatinib in Advanced Hepatocellular Carcinoma",
            Intervention("DRUG", "Apatinib"));

        Assert.Equal("camrelizumab", string.Join(" + ", study.FreeText?.Agents ?? []));
    }

    [Fact]
    public void A_titles_ici_after_a_listed_procedure_joined_to_a_listed_drug_is_given()
    {
        var study = Treatment("TACE, Tislelizumab and Lenvatinib for Unresectable Hepatocellular Carcinoma",
            Intervention("PROCEDURE", "TACE"), Intervention("DRUG", "Lenvatinib"));

        Assert.Equal("tislelizumab", string.Join(" + ", study.FreeText?.Agents ?? []));
    }

    [Fact]
    public void A_sensitiser_in_preoperative_chemoradiation_before_surgery_gives_rt()
    {
        // The trial gives the chemoradiation the sensitiser is for; surgery follows it.
        var study = Treatment("Sodium Glycididazole as a Radiation Sensitizer in Neoadjuvant Chemoradiotherapy Before Surgery for Locally Advanced Rectal Cancer",
            Intervention("DRUG", "Sodium Glycididazole"));

        Assert.NotEqual("", TrialKinds(study));
    }

    [Fact]
    public void An_assessment_guided_rt_in_an_assessments_only_record_gives_rt()
    {
        // The listed intervention is the assessment that picks each patient's RT course.
        var study = Treatment("Geriatric Assessment-Guided Hypofractionated Radiotherapy in Older Patients With Glioblastoma",
            Intervention("OTHER", "Comprehensive geriatric assessment"));

        Assert.Equal(Terms.HypofractionatedRt, TrialKinds(study));
    }

    [Fact]
    public void An_evaluation_of_an_rt_schedule_in_an_assessments_only_record_gives_rt()
    {
        var study = Treatment("Evaluation of Ultra-Hypofractionated Whole-Breast Radiotherapy in Women Over 70",
            Intervention("OTHER", "Quality of life questionnaire"));

        Assert.NotEqual("", TrialKinds(study));
    }

    [Fact]
    public void A_plainer_brief_title_does_not_undo_the_official_titles_one_kind()
    {
        // Brief titles are often plainer than official ones: the RT of no kind in the brief title
        // is the official title's SBRT, not another course.
        var protocol = Trial("Immune Response to Radiotherapy in Prostate Cancer",
            "All participants will be treated with radiation therapy and M9241.", [Intervention("DRUG", "M9241")]);
        protocol["identificationModule"]!["officialTitle"] = "T-Cell Clonality After Stereotactic Body Radiation Therapy Alone and in Combination With M9241 in Oligometastatic Prostate Cancer";
        var study = Normalise(protocol);

        Assert.Equal(Terms.Sbrt, RtOf(study));
    }
}
