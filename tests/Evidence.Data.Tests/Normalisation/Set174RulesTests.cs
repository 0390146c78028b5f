using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 174's finding (issue 10, vocabulary .177): a response rate "in PSA" is the marker's response, not a tumour's.</summary>
public class Set174RulesTests
{
    /// <summary>
    /// NCT00705822 (set 174): "Response rate over 50% in PSA" counts the patients whose PSA falls by
    /// half, a PSA response (both annotators: other), as "PSA response rate" already was; PSA that
    /// says whom a tumour's response is measured in, or further on, leaves it ORR.
    /// </summary>
    [Theory]
    [InlineData("Response rate over 50% in PSA", "other")]
    [InlineData("Response rate of PSA", "other")]
    [InlineData("PSA response rate", "other")]
    [InlineData("Overall response rate of pain at the treated site", "other")]
    [InlineData("Objective response rate by RECIST in patients with a PSA above 10", "ORR")]
    [InlineData("Objective response rate in patients with measurable disease", "ORR")]
    public void A_response_rate_in_PSA_is_the_markers(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }
}
