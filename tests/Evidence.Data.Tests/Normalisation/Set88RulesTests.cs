using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 88's findings (issue 10): a technique's RT in a title that gives it a hypofractionated schedule.</summary>
public class Set88RulesTests
{
    /// <summary>NCT02257827: "IMRT" in "Trial Comparing Intensity Modulated Radiotherapy Versus Conformal Radiotherapy to Treat Prostate Cancer With Hypofractionated Schedule" (70 Gy/25 fx).</summary>
    [Theory]
    [InlineData("Trial Comparing Intensity Modulated Radiotherapy Versus Conformal Radiotherapy to Treat Prostate Cancer With Hypofractionated Schedule", "Hypofractionated RT")]
    [InlineData("Hypofractionated Versus Conventionally Fractionated IMRT for Prostate Cancer", "EBRT")] // the schedules are compared
    [InlineData("Intensity Modulated Radiotherapy for Prostate Cancer", "EBRT")]
    public void A_technique_in_a_title_of_a_hypofractionated_schedule_is_hypofractionated_rt(string title, string modality)
    {
        var protocol = Trial(title, null, [Intervention("RADIATION", "IMRT")]);

        Assert.Equal(modality, Normalise(protocol).Interventions[0].RtModality);
    }

    /// <summary>Two RT interventions: the title's schedule may be one arm's.</summary>
    [Fact]
    public void Two_rt_interventions_keep_their_techniques()
    {
        var protocol = Trial("IMRT Versus 3D-CRT With Hypofractionated Schedule", null, [Intervention("RADIATION", "IMRT"), Intervention("RADIATION", "3D-CRT")]);

        Assert.All(Normalise(protocol).Interventions, i => Assert.Equal("EBRT", i.RtModality));
    }
}
