using TrialEvidence.Topics;

namespace TrialEvidence.Harvesting.Tests.Topics;

public class TopicsValidationTests
{
    private static TopicOptions Topic(string name = "hcc-irt", string schedule = "0 30 4 ? * MON-FRI", params (string, string)[] query) => new()
    {
        Name = name,
        Schedule = schedule,
        Query = (query.Length == 0 ? [("query.cond", "hepatocellular carcinoma")] : query).ToDictionary(q => q.Item1, q => q.Item2),
    };

    private static IEnumerable<string> Errors(params TopicOptions[] topics) =>
        new TopicsValidation().Validate(null, new TopicsOptions { Topics = [.. topics] }).Failures ?? [];

    [Fact]
    public void The_shipped_topic_is_valid()
    {
        Assert.Empty(Errors(Topic()));
    }

    [Fact]
    public void A_parameter_the_registry_does_not_have_is_named_with_the_allowed_ones()
    {
        var error = Assert.Single(Errors(Topic(query: ("filter.phase", "PHASE2"))));

        Assert.Contains("'filter.phase' is not a search parameter", error, StringComparison.Ordinal);
        Assert.Contains("filter.advanced", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("every day", "is not a Quartz cron expression")]
    [InlineData("0 4 * * *", "is not a Quartz cron expression")]
    public void A_bad_schedule_is_refused(string schedule, string message)
    {
        Assert.Contains(Errors(Topic(schedule: schedule)), e => e.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("HCC IRT")]
    [InlineData("")]
    [InlineData("-leading-hyphen")]
    public void Names_are_lower_case_words_joined_by_hyphens(string name)
    {
        Assert.Contains(Errors(Topic(name: name)), e => e.Contains("a name is 1-64 lower-case letters", StringComparison.Ordinal));
    }

    [Fact]
    public void A_whole_registry_topic_takes_no_query()
    {
        var mirror = new TopicOptions { Name = "mirror", Schedule = "0 0 3 * * ?", WholeRegistry = true };

        Assert.Empty(Errors(mirror));
        mirror.Query["query.cond"] = "cancer";
        Assert.Contains("WholeRegistry is true, so it takes no Query or Ids (it has query.cond)", Assert.Single(Errors(mirror)), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_names_and_empty_queries_are_refused()
    {
        var empty = Topic(name: "empty");
        empty.Query.Clear();

        var errors = Errors(Topic(), Topic(), empty).ToList();

        Assert.Contains(errors, e => e.Contains("'hcc-irt' is used 2 times", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'empty': Query is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_watch_list_is_a_topic_of_trial_ids_alone_and_each_must_be_an_nct_id()
    {
        var watch = new TopicOptions { Name = "my-trials", Schedule = "0 0 6 * * ?", Ids = ["NCT05147467", "nct03281889"] };

        Assert.Empty(Errors(watch));
        Assert.Equal("NCT05147467,NCT03281889", watch.SearchParameters()["filter.ids"]);

        watch.Ids.Add("NCT123");
        Assert.Contains("Ids must be NCT ids (NCT and 8 digits); not: 'NCT123'", Assert.Single(Errors(watch)), StringComparison.Ordinal);
        watch.Ids.RemoveAt(2);
        watch.Query["filter.ids"] = "NCT00000001";
        Assert.Contains("either as Ids or as Query filter.ids, not both", Assert.Single(Errors(watch)), StringComparison.Ordinal);
    }
}
