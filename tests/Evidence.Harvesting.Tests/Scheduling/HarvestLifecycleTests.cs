using TrialEvidence.Harvesting;
using TrialEvidence.Scheduling;
using TrialEvidence.Topics;

namespace TrialEvidence.Harvesting.Tests.Scheduling;

public class HarvestLifecycleTests
{
    private static readonly TopicOptions Daily = new() { Name = "hcc-irt", Schedule = "0 30 4 * * ?" };

    private static HarvestRun Run(string outcome, string startedAt) => new()
    {
        Id = 7,
        Topic = "hcc-irt",
        Kind = "full",
        StartedAt = startedAt,
        HarvestStartedAt = startedAt,
        TopicQuery = "{}",
        Outcome = outcome,
        Query = "{}",
        Owner = "host:1:1",
    };

    [Fact]
    public void A_topic_never_harvested_runs_at_once()
    {
        Assert.Equal("never harvested", HarvestLifecycle.WhyNow(Daily, null, DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData(HarvestOutcome.Failed)]
    [InlineData(HarvestOutcome.Interrupted)]
    [InlineData(HarvestOutcome.Running)]
    public void A_topic_whose_last_run_did_not_succeed_runs_at_once(string outcome)
    {
        var why = HarvestLifecycle.WhyNow(Daily, Run(outcome, "2026-11-26T04:30:00Z"), DateTimeOffset.Parse("2026-11-26T05:00:00Z"));

        Assert.Equal($"its last run (7) ended {outcome}", why);
    }

    [Fact]
    public void A_scheduled_time_missed_while_stopped_runs_at_once()
    {
        var why = HarvestLifecycle.WhyNow(Daily, Run(HarvestOutcome.Succeeded, "2026-11-25T04:30:00Z"), DateTimeOffset.Parse("2026-11-26T09:00:00Z"));

        Assert.Equal("its scheduled run of 2026-11-26 04:30:00Z was missed", why);
    }

    [Fact]
    public void A_topic_harvested_since_its_last_scheduled_time_waits_for_the_next()
    {
        Assert.Null(HarvestLifecycle.WhyNow(Daily, Run(HarvestOutcome.Succeeded, "2026-11-26T04:30:00Z"), DateTimeOffset.Parse("2026-11-26T09:00:00Z")));
    }
}
