using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 165's finding (issue 10, vocabulary .172): a time point that is the last of several assessments is no landmark.</summary>
public class Set165RulesTests
{
    /// <summary>
    /// NCT00087815 (set 165): eight measures "... at baseline, every 30 days during treatment, at
    /// the end of treatment, and then at 1, 2, and 4 months after treatment": when each is
    /// assessed, not one time point a rate is read at (both annotators: no landmark). A single
    /// time point still is one.
    /// </summary>
    [Theory]
    [InlineData("Vasogenic edema volume by MRI at baseline, every 30 days during treatment, at the end of treatment, and then at 1, 2, and 4 months after treatment", null)]
    [InlineData("Overall survival at 6 or 12 months", null)]
    [InlineData("Change of thyroid hormone levels from baseline at 1,3,6 and 12 month", null)]
    [InlineData("Overall survival at 12 months", "12 months")]
    [InlineData("2-year progression-free survival rate", "24 months")]
    public void The_last_of_several_assessment_times_is_no_landmark(string measure, string? landmark)
    {
        Assert.Equal(landmark, Normalise(WithOutcome(measure)).Outcomes[0].Landmark);
    }
}
