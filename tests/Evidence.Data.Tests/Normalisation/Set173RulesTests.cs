using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 173's finding (issue 10, vocabulary .176): a recommended dose, as a phase I trial finds it, is a safety endpoint.</summary>
public class Set173RulesTests
{
    /// <summary>
    /// NCT00702182 and NCT00702572 (set 173): "Define the recommended dose of oral navelbine with
    /// erlotinib", "Establish the phase II recommended dose (P2RD) of Vorinostat ...": dose finding
    /// rests on dose-limiting toxicity, so safety, as "recommended phase 2 dose (RP2D)" already was
    /// (both annotators).
    /// </summary>
    [Theory]
    [InlineData("Define the recommended dose of oral navelbine with erlotinib", "safety")]
    [InlineData("Establish the phase II recommended dose (P2RD) of Vorinostat when administered in combination with carboplatin", "safety")]
    [InlineData("Recommended phase 2 dose (RP2D)", "safety")]
    [InlineData("Overall survival", "OS")]
    public void A_recommended_dose_is_a_safety_endpoint(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }
}
