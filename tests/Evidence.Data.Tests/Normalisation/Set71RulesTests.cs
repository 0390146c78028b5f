using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 71's findings (issue 10): the x-rays a summary defines RT by, beside other external beam,
/// and external beam stated in hypofractionated doses.
/// </summary>
public class Set71RulesTests
{
    /// <summary>NCT00085735: "Craniospinal Irradiation" and "Radiation Therapy" beside "Involved-Field Radiation Therapy", under "Radiation therapy uses high-energy x-rays".</summary>
    [Theory]
    [InlineData("Involved-Field Radiation Therapy", "EBRT")] // the sibling's kind is the x-rays' kind
    [InlineData("Stereotactic Body Radiation Therapy", "EBRT")] // the SBRT is the sibling's own kind; the x-rays define this one (sets 78 and 92)
    public void Rt_of_no_kind_takes_the_summary_s_x_rays_beside_other_external_beam(string sibling, string modality)
    {
        var study = Normalise(Trial(
            "Radiation Therapy Regimens With Chemotherapy in Medulloblastoma",
            "This trial compares radiation therapy regimens. Radiation therapy uses high-energy x-rays to damage tumor cells.",
            [Intervention("RADIATION", "Craniospinal Irradiation"), Intervention("RADIATION", sibling)]));

        Assert.Equal(modality, study.Interventions[0].RtModality);
    }

    /// <summary>NCT06409910: one "Radiotherapy" whose arms give "External beam radiotherapy 30 Gy in 5 fractions" and "... 54 Gy in 20 fractions" (guide rules 4 and 5).</summary>
    [Fact]
    public void External_beam_in_hypofractionated_doses_is_hypofractionated_rt()
    {
        var study = Normalise(WithArms(
            [Intervention("RADIATION", "Radiotherapy", arms: ["Arm 1", "Arm 2"])],
            Arm("Arm 2", "External beam radiotherapy 30 Gy in 5 fractions to prostate bed delivered on alternate days.", "Radiation: Radiotherapy"),
            Arm("Arm 1", "External beam radiotherapy 54 Gy in 20 fractions to prostate bed delivered daily.", "Radiation: Radiotherapy")));

        Assert.Equal(Terms.HypofractionatedRt, study.Interventions[0].RtModality);
    }

    [Fact]
    public void External_beam_in_conventional_doses_stays_ebrt()
    {
        var study = Normalise(WithArms(
            [Intervention("RADIATION", "Radiotherapy", arms: ["Arm 1"])],
            Arm("Arm 1", "External beam radiotherapy 50 Gy in 25 fractions.", "Radiation: Radiotherapy")));

        Assert.Equal(Terms.Ebrt, study.Interventions[0].RtModality);
    }
}
