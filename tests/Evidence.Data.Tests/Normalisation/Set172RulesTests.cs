using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Gaps left from sets 172 and 155 (issue 10, vocabulary .177): a time to disease or tumour
/// progression is TTP, and one whose description counts death as an event is progression-free
/// survival; a "Rate of Resection" is a resection rate.
/// </summary>
public class Set172RulesTests
{
    private const string CountsDeath =
        "Time to disease progression or progression free survival (PFS) was defined as the interval between the day of randomization and the date of the first documentation of disease progression or date of death (from any cause), whichever occurs first.";

    /// <summary>
    /// NCT00701558 (set 172): "Time to Disease Progression", described as above, is PFS (both
    /// annotators); the same measure described by progression alone, or censoring the deaths, is
    /// the time to progression it names; and "death" in a time to progression's description is
    /// read only where the measure is a time to progression (an overall survival stays OS).
    /// </summary>
    [Theory]
    [InlineData("Time to Disease Progression", CountsDeath, "PFS")]
    [InlineData("Time to Disease Progression", "Time from randomization to the first documented disease progression per RECIST 1.1.", "TTP")]
    [InlineData("Time to Tumor Progression", "From randomization to radiological progression; patients who die without progression are censored at death.", "TTP")]
    [InlineData("Time to tumour progression", null, "TTP")]
    [InlineData("Time to Progression (TTP)", "Time from the first dose until progression or death, whichever occurs first.", "PFS")]
    [InlineData("Overall Survival", "Time from randomization until death from any cause or last follow-up.", "OS")]
    [InlineData("Time to recurrence", "From surgery until recurrence or death.", "DFS/RFS")]
    public void A_time_to_progression_that_counts_death_is_PFS(string measure, string? description, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure, description)).Outcomes[0].EndpointClass);
    }

    /// <summary>
    /// NCT05624918 (set 155): "Rate of Resection" is the conversion/resection endpoint that
    /// "resection rate" already was; a complication of resection stays safety.
    /// </summary>
    [Theory]
    [InlineData("Rate of Resection", "conversion/resection")]
    [InlineData("Resection rate", "conversion/resection")]
    [InlineData("Rate of grade 3 or higher complications after resection", "safety")]
    public void A_rate_of_resection_is_a_resection_rate(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }
}
