using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review (issue 10) of the rule of vocabulary .131: in a record of no
/// intervention, a purpose "to learn if" a therapy is read as "to determine if" is, and "help",
/// "helps", "control" and "controls" end the therapy tested as "improve" does. It broke ten of
/// these cases (a therapy cut off at "control" or "help"; blood levels, scans, past RT and
/// patient groups read as tested), so .131 was reverted; .132 reads only a modal, "help" and a
/// verb of treating ("can help to control"), and not a therapy followed by its levels, scans,
/// receipt or patients. Its four cases that .130 and .132 both fail are in docs/adding-a-topic.md
/// (the .132 entry), not here. Each case asserts what a careful systematic reviewer would label
/// (DOMAIN.md, LABELLING-GUIDE.md), not what the code does; each reads the free text as "RT kinds
/// | ICI agents | ICI class given".
/// </summary>
public class ReviewOfSession50cRulesTests
{
    private static string Read(string title, string summary)
    {
        var free = Normalise(Trial(title, summary, [])).FreeText;
        return $"{Kinds(free)} | {string.Join(" + ", free?.Agents ?? [])} | {(free?.GivesIci == true ? "ICI" : "")}";
    }

    // ---- What should be given: MD Anderson's "to learn if ... can help to control" -------------------

    [Fact]
    public void Learn_if_sbrt_given_with_pembrolizumab_can_help_to_control_gives_both()
    {
        // The purpose names the two therapies the trial gives before "can help": SBRT and pembrolizumab.
        Assert.Equal("SBRT | pembrolizumab | ICI", Read("Metastatic Non-Small Cell Lung Cancer",
            "The goal of this clinical research study is to learn if stereotactic body radiation therapy (SBRT) given with pembrolizumab can help to control non-small cell lung cancer that has spread."));
    }

    [Fact]
    public void Learn_if_adding_rt_to_a_checkpoint_inhibitor_can_help_to_control_gives_rt_and_the_class()
    {
        // RT of no stated kind is added to an ICI named by its class: "RT, unspecified" and the class, no agent.
        Assert.Equal("RT, unspecified |  | ICI", Read("Melanoma Brain Metastases",
            "The goal of this clinical research study is to learn if adding radiation therapy to an immune checkpoint inhibitor can help to control melanoma that has spread to the brain."));
    }

    [Fact]
    public void Whether_rt_to_control_the_primary_plus_pembrolizumab_improves_survival_gives_both()
    {
        // "to control the primary tumour" says what the RT is for; pembrolizumab is still part of what is tested.
        Assert.Equal("RT, unspecified | pembrolizumab | ICI", Read("Metastatic Non-Small Cell Lung Cancer",
            "To determine whether radiotherapy to control the primary tumour plus pembrolizumab improves overall survival in metastatic non-small cell lung cancer."));
    }

    [Fact]
    public void Whether_sbrt_that_may_help_plus_nivolumab_and_ipilimumab_improves_response_gives_all_three()
    {
        // "which may help recruit T cells" is an aside on the SBRT; the combination tested is SBRT, nivolumab and ipilimumab.
        Assert.Equal("SBRT | nivolumab + ipilimumab | ICI", Read("Microsatellite-Stable Colorectal Cancer",
            "To evaluate whether stereotactic body radiotherapy, which may help recruit T cells, combined with nivolumab and ipilimumab improves the response rate in microsatellite-stable colorectal cancer."));
    }

    [Fact]
    public void Whether_local_control_therapy_with_sbrt_added_to_pembrolizumab_improves_survival_gives_both()
    {
        // "Local control therapy" is the SBRT the trial adds to pembrolizumab: "control" here names the therapy, not its effect.
        Assert.Equal("SBRT | pembrolizumab | ICI", Read("Oligometastatic Non-Small Cell Lung Cancer",
            "To determine whether local control therapy with SBRT added to pembrolizumab improves overall survival in oligometastatic non-small cell lung cancer."));
    }

    // ---- What should not be given ----------------------------------------------------------------------

    [Fact]
    public void Learn_if_pembrolizumab_levels_can_help_predict_response_gives_nothing()
    {
        // Drug levels in blood are a biomarker of patients already treated, as "nivolumab levels in blood predict response" is.
        Assert.Equal(" |  | ", Read("Pharmacokinetics in Lung Cancer",
            "The goal of this research study is to learn if pembrolizumab levels in the blood can help doctors predict who will respond to treatment."));
    }

    [Fact]
    public void Whether_nivolumab_trough_concentrations_help_predict_response_gives_nothing()
    {
        // A concentration measured is not the therapy tested; "help" must not turn a biomarker sentence into a purpose.
        Assert.Equal(" |  | ", Read("Melanoma",
            "To determine whether nivolumab trough concentrations help predict response in advanced melanoma."));
    }

    [Fact]
    public void Whether_pembrolizumab_treated_patients_live_longer_than_historical_controls_gives_nothing()
    {
        // Pembrolizumab describes whom the study compares (a population), and "controls" is a noun here, not what a therapy does.
        Assert.Equal(" |  | ", Read("Brain Metastases in Lung Cancer",
            "To determine whether pembrolizumab-treated patients with brain metastases live longer than historical controls."));
    }

    [Fact]
    public void Whether_checkpoint_inhibitor_induced_adverse_events_help_predict_survival_gives_nothing()
    {
        // The adverse events are an outcome the ICI caused before; the sentence studies them as a marker, and gives no ICI.
        Assert.Equal(" |  | ", Read("Immune-Related Adverse Events",
            "To determine whether checkpoint inhibitor-induced immune-related adverse events help predict survival in lung cancer."));
    }

    [Fact]
    public void Learn_if_radioactive_iodine_scans_can_help_find_cancer_gives_no_rt()
    {
        // A diagnostic radioiodine scan is imaging, not radionuclide therapy (guide rule 10 concerns therapy given as a drug).
        Assert.Equal(" |  | ", Read("Differentiated Thyroid Cancer",
            "The goal of this clinical research study is to learn if radioactive iodine scans can help doctors find thyroid cancer that has spread."));
    }

    [Fact]
    public void Learn_if_the_radiation_dose_to_the_heart_can_help_predict_gives_no_rt()
    {
        // A dose received by an organ is not a therapy tested.
        Assert.Equal(" |  | ", Read("Cardiac Events After Lung Cancer Treatment",
            "The goal of this research study is to learn if the radiation dose to the heart can help predict heart problems after treatment for lung cancer."));
    }

    [Fact]
    public void Learn_if_rt_received_for_childhood_cancer_can_help_explain_heart_problems_gives_no_rt()
    {
        // RT received long ago is history and a cause (guide: a toxicity RT caused), not a therapy the study gives.
        Assert.Equal(" |  | ", Read("Heart Health in Adult Survivors of Childhood Cancer",
            "The goal of this research study is to learn if radiation therapy received for childhood cancer can help explain heart problems in adult survivors."));
    }

    [Fact]
    public void Learn_if_infliximab_can_help_to_control_colitis_caused_by_checkpoint_inhibitors_gives_no_ici()
    {
        // The ICI caused the colitis; the trial gives infliximab only.
        Assert.Equal(" |  | ", Read("Immune-Related Colitis",
            "The goal of this clinical research study is to learn if infliximab can help to control colitis caused by immune checkpoint inhibitors."));
    }

    [Fact]
    public void Learn_if_gabapentin_can_help_pain_control_in_patients_receiving_rt_gives_no_rt()
    {
        // "Pain control" is the outcome and the RT is where the patients are; gabapentin is what is tested.
        Assert.Equal(" |  | ", Read("Oral Mucositis in Head and Neck Cancer",
            "The goal of this research study is to learn if gabapentin can help pain control in patients receiving radiation therapy for head and neck cancer."));
    }

    [Fact]
    public void Learn_if_a_home_exercise_program_given_with_rt_can_help_patients_gives_no_rt()
    {
        // The exercise program is tested; the RT it accompanies is the patients' cancer treatment ("help patients").
        Assert.Equal(" |  | ", Read("Fatigue in Prostate Cancer",
            "The goal of this research study is to learn if a home exercise program given with radiation therapy can help patients with prostate cancer keep their strength."));
    }

    [Fact]
    public void Learn_if_radiation_therapy_patients_can_use_an_app_to_help_gives_no_rt()
    {
        // "Radiation therapy patients" is a population; the app is what is studied.
        Assert.Equal(" |  | ", Read("Symptom Reporting During Cancer Treatment",
            "The goal of this research study is to learn if radiation therapy patients can use a mobile app to help them report their symptoms."));
    }
}
