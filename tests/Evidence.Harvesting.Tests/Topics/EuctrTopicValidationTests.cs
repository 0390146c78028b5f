using TrialEvidence.Topics;

namespace TrialEvidence.Harvesting.Tests.Topics;

public class EuctrTopicValidationTests
{
    private static TopicOptions Euctr(params (string, string)[] query) => new()
    {
        Name = "hcc-euctr",
        Schedule = "0 0 5 ? * MON",
        Registry = TopicOptions.Euctr,
        Query = query.ToDictionary(q => q.Item1, q => q.Item2),
    };

    private static IReadOnlyList<string> Errors(TopicOptions topic) =>
        [.. new TopicsValidation().Validate(null, new TopicsOptions { Topics = [topic] }).Failures ?? []];

    [Fact]
    public void A_search_with_the_register_s_own_form_parameters_is_valid()
    {
        Assert.Empty(Errors(Euctr(("query", "hepatocellular carcinoma"), ("phase", "phase-two"), ("dateFrom", "2015-01-01"))));
    }

    [Fact]
    public void A_clinicaltrials_gov_parameter_is_refused_with_those_the_register_takes()
    {
        var error = Assert.Single(Errors(Euctr(("query.cond", "hepatocellular carcinoma"))));

        Assert.Contains("not 'query.cond'", error, StringComparison.Ordinal);
        Assert.Contains("query, age, gender, phase", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Nct_ids_and_whole_registry_belong_to_clinicaltrials_gov_topics()
    {
        var topic = Euctr(("query", "hepatocellular"));
        topic.Ids.Add("NCT03482102");

        Assert.Contains("WholeRegistry and Ids (NCT ids) are for ClinicalTrials.gov", Assert.Single(Errors(topic)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_search_or_value_is_refused()
    {
        Assert.Contains("Query is empty", Assert.Single(Errors(Euctr())), StringComparison.Ordinal);
        Assert.Contains("query has no value", Assert.Single(Errors(Euctr(("query", " ")))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("euctr")]
    [InlineData("ChiCTR")]
    public void A_registry_not_harvested_here_is_named_with_those_that_are(string registry)
    {
        var topic = Euctr(("query", "hepatocellular"));
        topic.Registry = registry;

        var error = Assert.Single(Errors(topic));

        Assert.Contains($"Registry '{registry}' is not one harvested here", error, StringComparison.Ordinal);
        Assert.Contains("\"ClinicalTrials.gov\" or \"EUCTR\"", error, StringComparison.Ordinal);
    }
}
