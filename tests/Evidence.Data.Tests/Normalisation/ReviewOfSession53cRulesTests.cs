using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review (issue 10) of vocabulary .149: in a record of no interventions and no
/// arms, a summary's purpose "to see if" or "to find out whether" a therapy helps gives that
/// therapy (FreeTextEvidence.TestedOrStudied), as "to learn if" did. Each case asserts what a
/// careful systematic reviewer would label (DOMAIN.md, LABELLING-GUIDE.md), not what the code
/// does; each reads the free text as "RT kinds | ICI agents | ICI class given".
/// </summary>
public class ReviewOfSession53cRulesTests
{
    private static string Read(string title, string summary)
    {
        var free = Normalise(Trial(title, summary, [])).FreeText;
        return $"{Kinds(free)} | {string.Join(" + ", free?.Agents ?? [])} | {(free?.GivesIci == true ? "ICI" : "")}";
    }

    // ---- The trial's own regimen ------------------------------------------------------------------

    [Fact]
    public void See_if_nivolumab_given_with_radiosurgery_can_help_control_gives_both()
    {
        // The purpose names what the bare record gives before "can help control": nivolumab and radiosurgery (SBRT, guide rule 8).
        Assert.Equal("SBRT | nivolumab | ICI", Read("Melanoma Metastatic to the Brain",
            "The purpose of this study is to see if nivolumab given with stereotactic radiosurgery can help control melanoma that has spread to the brain."));
    }

    [Fact]
    public void Find_out_whether_atezolizumab_added_to_chemoradiation_improves_survival_gives_both()
    {
        // Atezolizumab added to chemoradiation is the regimen tested; chemoradiation is RT of no stated kind.
        Assert.Equal("RT, unspecified | atezolizumab | ICI", Read("Limited-Stage Small Cell Lung Cancer",
            "The main purpose of this study is to find out whether atezolizumab added to chemoradiation improves survival in people with limited-stage small cell lung cancer."));
    }

    [Fact]
    public void Find_out_if_lower_dose_radiotherapy_with_nivolumab_reduces_swallowing_problems_gives_both()
    {
        // The de-escalated RT and the nivolumab given with it are what the trial tests; "reduces" is what it hopes they do.
        Assert.Equal("RT, unspecified | nivolumab | ICI", Read("HPV-Positive Oropharyngeal Cancer",
            "We want to find out if lower dose radiotherapy given with nivolumab reduces long-term swallowing problems in HPV-positive throat cancer."));
    }

    // ---- "to see if" / "find out whether" about something else -----------------------------------

    [Fact]
    public void Find_out_whether_responders_to_pembrolizumab_after_rt_live_longer_gives_nothing()
    {
        // The question is about patients who respond, a prognostic observation; nothing is said to be given by this study.
        Assert.Equal(" |  | ", Read("Non-Small Cell Lung Cancer",
            "The purpose of this study is to find out whether patients whose tumours respond to pembrolizumab after radiotherapy live longer."));
    }

    [Fact]
    public void See_if_pd_l1_testing_identifies_who_benefits_from_rt_and_atezolizumab_gives_nothing()
    {
        // A biomarker study: PD-L1 testing is what is studied, RT and atezolizumab are what its patients may benefit from.
        Assert.Equal(" |  | ", Read("Bladder Cancer Biomarkers",
            "The purpose of this study is to see if PD-L1 testing of tumour samples can identify patients who benefit from radiotherapy and atezolizumab, in order to improve how patients are selected."));
    }

    [Fact]
    public void Find_out_whether_tumour_mutational_burden_predicts_response_gives_nothing()
    {
        // Tumour mutational burden is a biomarker of response to treatment the patients receive elsewhere; no therapy is tested.
        Assert.Equal(" |  | ", Read("Melanoma Biomarkers",
            "The goal of this study is to find out whether tumour mutational burden predicts response to nivolumab and ipilimumab after radiotherapy."));
    }

    [Fact]
    public void See_if_radiotherapy_can_be_avoided_after_response_to_pembrolizumab_gives_no_rt()
    {
        // A trial of avoiding RT in responders gives no RT; "avoiding radiotherapy" is the rule's own example of what is not given.
        var free = Normalise(Trial("Rectal Cancer With Mismatch Repair Deficiency",
            "The purpose of this study is to see if radiotherapy can be avoided in patients whose tumours disappear after pembrolizumab, which would reduce long-term side effects.", [])).FreeText;

        Assert.Equal("", Kinds(free));
    }

    [Fact]
    public void Find_out_whether_radiotherapy_can_be_left_out_gives_no_rt()
    {
        // Leaving RT out for complete responders is de-escalation by omission: the trial gives no RT to these patients.
        var free = Normalise(Trial("Early Triple-Negative Breast Cancer",
            "This study aims to find out whether radiotherapy can be safely left out for patients whose cancer responds completely to pembrolizumab, which may improve quality of life.", [])).FreeText;

        Assert.Equal("", Kinds(free));
    }

    [Fact]
    public void Find_out_whether_past_lung_radiotherapy_increases_pneumonitis_on_pembrolizumab_gives_nothing()
    {
        // RT the patients had in the past is a risk factor studied, and pembrolizumab is what they are on: neither is given (guide, per trial).
        Assert.Equal(" |  | ", Read("Pneumonitis in Lung Cancer",
            "The aim of this study is to find out whether radiotherapy to the lung in the past increases the risk of pneumonitis in patients treated with pembrolizumab."));
    }

    [Fact]
    public void An_earlier_trial_that_wanted_to_see_if_ipilimumab_with_rt_helps_is_not_this_trials()
    {
        // What an earlier trial tested is background; this study only collects blood samples.
        Assert.Equal(" |  | ", Read("Immune Markers in Melanoma",
            "In an earlier trial, doctors wanted to see if ipilimumab with radiation therapy could help control melanoma, and some tumours shrank. This study will collect blood samples from patients with melanoma."));
    }

    [Fact]
    public void Mouse_studies_to_see_if_rt_with_anti_pd_1_increases_immunity_are_not_this_trials()
    {
        // Animal experiments in the background are not what this study gives; it measures immune cells in blood.
        Assert.Equal(" |  | ", Read("Immune Cells in Soft Tissue Sarcoma",
            "Researchers have used mice to see if radiotherapy with anti-PD-1 antibodies increases tumour immunity. This study will measure immune cells in the blood of patients with sarcoma."));
    }

    [Fact]
    public void Find_out_whether_patients_prefer_sbrt_or_surgery_gives_nothing()
    {
        // A preference study asks patients which they would choose; it gives neither.
        Assert.Equal(" |  | ", Read("Treatment Preferences in Early Lung Cancer",
            "The purpose of this study is to find out whether patients with early lung cancer prefer stereotactic radiotherapy or surgery."));
    }

    [Fact]
    public void See_if_sbrt_or_surgery_is_preferred_and_a_joint_visit_reduces_regret_gives_nothing()
    {
        // A decision study: SBRT and surgery are the options discussed, the joint visit is what is tested; no RT is given.
        Assert.Equal(" |  | ", Read("Shared Decision Making in Early Lung Cancer",
            "The purpose of this study is to see if SBRT or surgery is the treatment patients prefer, and whether a joint visit with both specialists reduces decision regret."));
    }
}
