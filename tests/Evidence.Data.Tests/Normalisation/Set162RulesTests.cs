using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 162's finding (issue 10, vocabulary .170): a measure that made the normaliser throw.</summary>
public class Set162RulesTests
{
    /// <summary>
    /// NCT01005043 (set 162): "feasibility, toxicity (tox) measured by the CTC Criteria ...": a
    /// safety term right after another class's, with no word between, made the test for "i.e." or
    /// "defined as" between them read a negative number of words and throw, so the record could not
    /// be normalised (nor imported, before .170). A comma list is neither the "and"/"or" pair nor a
    /// definition: the measure keeps its first class, feasibility's "other".
    /// </summary>
    [Theory]
    [InlineData("feasibility, toxicity (tox) measured by the CTC Criteria .Unacceptable:grade 4 tox.", "other")]
    [InlineData("feasibility toxicity", "other")]
    [InlineData("feasibility and toxicity", "safety")]
    public void A_safety_term_right_after_another_class_is_read_without_failing(string measure, string endpoint)
    {
        var study = Normalise(WithOutcome(measure));

        Assert.Equal(endpoint, study.Outcomes[0].EndpointClass);
        Assert.DoesNotContain(study.Sources, s => s.Field == "normaliser_error");
    }
}
