using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 70's findings (issue 10): "ultrafractionated" schedules, a schedule-only name whose
/// description names the kind that delivers it, and titles that compare something other than RT.
/// </summary>
public class Set70RulesTests
{
    /// <summary>NCT06568705: "Ultrafractionated Radiation Treatment" (26 Gy in 5 fractions), as the annotators of sets 61 and 70 read it.</summary>
    [Theory]
    [InlineData("Ultrafractionated Radiation Treatment", "Hypofractionated RT")]
    [InlineData("Ultra-fractionated whole breast radiotherapy", "Hypofractionated RT")]
    [InlineData("Ultrahypofractionated radiotherapy", "Hypofractionated RT")]
    [InlineData("Ultra low dose radiotherapy", "RT, unspecified")] // a dose, not a schedule
    [InlineData("Non-ultrafractionated radiotherapy", "RT, unspecified")]
    public void An_ultrafractionated_schedule_is_hypofractionated(string name, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    /// <summary>Set 44's NCT05021237 (PULSAR): a schedule-only name whose description names SAbR.</summary>
    [Theory]
    [InlineData("Ultra-fractionated radiation therapy", "Implemented by adaptive MRI-guided SAbR in 5 treatments", "SBRT")]
    [InlineData("Hypofractionated radiotherapy", "Delivered with protons, 60 Gy (RBE) in 20 fractions", "Proton")]
    [InlineData("Hypofractionated radiotherapy", "Delivered with IMRT, 42.5 Gy in 16 fractions", "Hypofractionated RT")] // a technique is no kind of its own (guide rule 2)
    public void A_schedule_only_name_takes_the_kind_its_description_delivers_it_by(string name, string description, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name, description)).RtModality);
    }

    [Fact]
    public void A_schedule_only_name_keeps_its_schedule_beside_an_arm_s_other_kind()
    {
        // The arm describes both interventions: its SBRT is the other one's.
        var study = Normalise(WithArms(
            [Intervention("RADIATION", "Hypofractionated Radiation Therapy", arms: ["Combined"]), Intervention("RADIATION", "SBRT", arms: ["Combined"])],
            Arm("Combined", "SBRT to the primary followed by hypofractionated radiotherapy to the nodes", "Radiation: Hypofractionated Radiation Therapy", "Radiation: SBRT")));

        Assert.Equal(Terms.HypofractionatedRt, study.Interventions[0].RtModality);
    }

    /// <summary>NCT03280719 (PRO-SURF): a title that compares positions, not RT.</summary>
    [Theory]
    [InlineData("Whole Breast Irradiation: Prone Compared to Supine Position", "EBRT")]
    [InlineData("Whole Breast Irradiation Versus Partial Breast Radiotherapy", "RT, unspecified")] // compares RT
    public void Several_rt_of_no_kind_take_a_title_s_kind_unless_it_compares_rt(string title, string modality)
    {
        var study = Normalise(Trial(title, null, [Intervention("RADIATION", "Prone Radiotherapy"), Intervention("RADIATION", "Supine Radiotherapy")]));

        Assert.All(study.Interventions, i => Assert.Equal(modality, i.RtModality));
    }
}
