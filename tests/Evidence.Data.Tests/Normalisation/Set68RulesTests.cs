using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 68's findings (issue 10): a definition of RT that offers alternatives, chemoradiation
/// before a placebo-controlled ICI, an observational study's RT, and a drug's description that is
/// the trial's protocol.
/// </summary>
public class Set68RulesTests
{
    /// <summary>NCT04671667: "Radiation therapy uses high energy radiation or protons to kill tumor cells" names no one kind.</summary>
    [Theory]
    [InlineData("Radiation therapy uses high energy radiation or protons to kill tumor cells and shrink tumors.", null)]
    [InlineData("Radiation therapy uses high energy x-rays to kill tumor cells and shrink tumors.", "EBRT")]
    [InlineData("Radiation therapy uses protons to kill tumor cells.", "Proton")]
    public void A_kind_offered_beside_rt_of_no_kind_does_not_define_the_trial_s_rt(string summary, string? defined)
    {
        var study = Normalise(Trial("Pembrolizumab Compared to Chemotherapy With Radiation", summary, [Intervention("RADIATION", "Radiation Therapy"), Intervention("DRUG", "Pembrolizumab")]));

        Assert.Equal(defined ?? Terms.UnspecifiedRt, study.Interventions[0].RtModality);
    }

    /// <summary>NCT06256588 (JADE): "Dostarlimab vs Placebo After Chemoradiation", interventions dostarlimab and placebo.</summary>
    [Fact]
    public void Rt_a_placebo_controlled_ici_follows_in_the_title_is_before_the_trial()
    {
        var study = Normalise(Trial(
            "A Study of Dostarlimab vs Placebo After Chemoradiation in Adult Participants With Head and Neck Cancer",
            null,
            [Intervention("DRUG", "Dostarlimab"), Intervention("DRUG", "Placebo")]));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void Rt_an_ici_follows_in_the_title_is_given_without_a_placebo()
    {
        var study = Normalise(Trial("Dostarlimab After Chemoradiation in Head and Neck Cancer", null, [Intervention("DRUG", "Dostarlimab")]));

        Assert.Equal(Terms.UnspecifiedRt, study.FreeText?.RtModality);
    }

    /// <summary>NCT07344597: an observational study of "radiotherapy" (a device) whose title names its schedule.</summary>
    [Fact]
    public void An_observational_study_s_title_gives_the_kind_of_its_registered_rt()
    {
        var protocol = Trial("Prospective Comparative Study of Hypofractionated Adjuvant Radiotherapy in 2 Virsus 3 Weeks in Breast Cancer", null, [Intervention("DEVICE", "radiotherapy")]);
        protocol["designModule"] = new JsonObject { ["studyType"] = "OBSERVATIONAL" };

        Assert.Equal(Terms.HypofractionatedRt, Normalise(protocol).Interventions[0].RtModality);
    }

    [Fact]
    public void An_observational_study_s_title_gives_no_rt_its_interventions_do_not()
    {
        var protocol = Trial("Outcomes After Stereotactic Radiotherapy and Nivolumab", null, [Intervention("OTHER", "Questionnaire")]);
        protocol["designModule"] = new JsonObject { ["studyType"] = "OBSERVATIONAL" };

        Assert.Null(Normalise(protocol).FreeText);
    }

    /// <summary>NCT06537011: "AK112", whose description is the protocol: "the patients will be given chemoradiotherapy or radiotherapy alone".</summary>
    [Fact]
    public void A_drug_s_description_of_what_the_patients_will_be_given_gives_the_trial_s_rt()
    {
        var study = Normalise(Trial("AK112 Plus AP Regimen for Operable Head and Neck Cancer", null, [Intervention("DRUG", "AK112",
            "1. The patients are given AK112 combined with AP regimen every 3 weeks for 3 cycles before operation.\n3.4-6 weeks after the surgery, the patients will be given chemoradiotherapy or radiotherapy alone decided on the conditon after surgery.")]));

        Assert.Equal(Terms.UnspecifiedRt, study.FreeText?.RtModality);
        Assert.Empty(study.Interventions[0].AlsoRtModalities);
        Assert.Null(study.Interventions[0].RtModality);
    }

    [Theory]
    [InlineData("BSC will be administered as deemed appropriate, and could include pain management (including palliative radiotherapy).")] // NCT02603432: another treatment's
    [InlineData("Treatment will be administered during the whole radiotherapy period.")] // NCT04699487: timed by the patients' RT
    [InlineData("Patients will receive pembrolizumab after completing radiotherapy.")] // before it
    public void Other_words_of_a_drug_s_description_give_no_rt(string description)
    {
        var study = Normalise(Trial("A Study of Pembrolizumab", null, [Intervention("DRUG", "Pembrolizumab", description)]));

        Assert.Null(study.FreeText?.RtModality);
    }
}
