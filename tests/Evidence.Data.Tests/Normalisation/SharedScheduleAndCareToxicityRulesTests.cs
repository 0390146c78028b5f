using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules from set 36's unseen records (vocabulary 2026-12-03.54): one RT shared by arms of
/// different schedules, and the toxicity a trial measures of care it does not give. The texts are
/// written for these tests; none is copied from a labelled record.
/// </summary>
public class SharedScheduleAndCareToxicityRulesTests
{
    [Fact]
    public void One_rt_shared_by_arms_of_different_schedules_takes_the_hypofractionated_one()
    {
        var study = Normalise(WithArms([Intervention("RADIATION", "Radiotherapy", arms: ["Short", "Long"])],
            Arm("Short", "30 Gy/5 fractions over one week", "Radiation: Radiotherapy"),
            Arm("Long", "50 Gy/25 fractions over five weeks", "Radiation: Radiotherapy")));
        Assert.Equal(["Hypofractionated RT"], study.Interventions[0].RtModalities);
    }

    [Fact]
    public void One_rt_shared_by_arms_of_conventional_schedules_stays_of_no_kind()
    {
        var study = Normalise(WithArms([Intervention("RADIATION", "Radiotherapy", arms: ["Short", "Long"])],
            Arm("Short", "40 Gy/20 fractions", "Radiation: Radiotherapy"),
            Arm("Long", "50 Gy/25 fractions", "Radiation: Radiotherapy")));
        Assert.Equal(["RT, unspecified"], study.Interventions[0].RtModalities);
    }

    [Theory]
    [InlineData("BEHAVIORAL", "Geriatric assessment", "other")] // the toxicity of chemotherapy the trial does not give
    [InlineData("DRUG", "XYZ-123", "safety")] // a drug the vocabulary does not know is still a treatment
    [InlineData("PROCEDURE", "Surgery", "safety")]
    public void Graded_toxicity_is_safety_only_in_a_trial_that_gives_a_treatment(string type, string name, string endpoint)
    {
        var protocol = WithOutcome("Clinician-rated grade 3-5 toxicity");
        protocol["armsInterventionsModule"] = WithArms([Intervention(type, name)])["armsInterventionsModule"]!.DeepClone();
        Assert.Equal(endpoint, Normalise(protocol).Outcomes[0].EndpointClass);
    }
}
