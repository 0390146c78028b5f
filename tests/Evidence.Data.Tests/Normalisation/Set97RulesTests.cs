using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 97's finding (issue 10): a mock treatment stands in for what it is not, as a sham does.</summary>
public class Set97RulesTests
{
    /// <summary>NCT05887284 (IMMO-LDRT02): low-dose RT against "mock radiation treatment" for osteoarthritis.</summary>
    [Theory]
    [InlineData("mock radiation treatment", null)]
    [InlineData("Sham irradiation", null)]
    [InlineData("low-dose radiation treatment", "RT, unspecified")]
    public void A_mock_radiation_treatment_gives_no_rt(string name, string? modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }
}
