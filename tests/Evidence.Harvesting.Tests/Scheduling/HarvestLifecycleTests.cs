using TrialEvidence.Harvesting;
using TrialEvidence.Scheduling;
using TrialEvidence.Topics;

namespace TrialEvidence.Harvesting.Tests.Scheduling;

public class HarvestLifecycleTests
{
    private static readonly TopicOptions Daily = new() { Name = "hcc-irt", Schedule = "0 30 4 * * ?" };

    /// <summary>A process of this machine that is not running: pid 1 did not start at tick 1.</summary>
    private static readonly string Gone = $"{Environment.MachineName}:1:1";

    private static HarvestRun Run(string outcome, string startedAt, string? owner = null) => new()
    {
        Id = 7,
        Topic = "hcc-irt",
        Kind = "full",
        StartedAt = startedAt,
        HarvestStartedAt = startedAt,
        TopicQuery = "{}",
        Outcome = outcome,
        Query = "{}",
        Owner = owner ?? Gone,
    };

    [Fact]
    public void A_topic_never_harvested_runs_at_once()
    {
        Assert.Equal("never harvested", HarvestLifecycle.WhyNow(Daily, null, DateTimeOffset.UtcNow, scheduleFiresFrom: null));
    }

    [Theory]
    [InlineData(HarvestOutcome.Failed)]
    [InlineData(HarvestOutcome.Interrupted)]
    [InlineData(HarvestOutcome.Running)]
    public void A_topic_whose_last_run_did_not_succeed_runs_at_once(string outcome)
    {
        var why = HarvestLifecycle.WhyNow(Daily, Run(outcome, "2026-11-26T04:30:00Z"), DateTimeOffset.Parse("2026-11-26T05:00:00Z"), scheduleFiresFrom: null);

        Assert.Equal($"its last run (7) ended {outcome}", why);
    }

    /// <summary>
    /// A run under way in a live process (the other instance of a cluster, which took a fire time
    /// while this one started) is not one to resume: a start-up run would repeat it once it ends.
    /// </summary>
    [Fact]
    public void A_topic_whose_run_is_under_way_in_a_live_process_waits()
    {
        Assert.Null(HarvestLifecycle.WhyNow(Daily, Run(HarvestOutcome.Running, "2026-11-26T04:30:00Z", ProcessOwner.Current), DateTimeOffset.Parse("2026-11-26T04:30:01Z"), scheduleFiresFrom: null));
    }

    [Fact]
    public void A_scheduled_time_missed_while_stopped_runs_at_once()
    {
        // The program started at 08:59: its trigger fires from 2026-11-27 04:30.
        var why = HarvestLifecycle.WhyNow(Daily, Run(HarvestOutcome.Succeeded, "2026-11-25T04:30:00Z"), DateTimeOffset.Parse("2026-11-26T09:00:00Z"), DateTimeOffset.Parse("2026-11-27T04:30:00Z"));

        Assert.Equal("its scheduled run of 2026-11-26 04:30:00Z was missed", why);
        Assert.Equal(why, HarvestLifecycle.WhyNow(Daily, Run(HarvestOutcome.Succeeded, "2026-11-25T04:30:00Z"), DateTimeOffset.Parse("2026-11-26T09:00:00Z"), scheduleFiresFrom: null));
    }

    /// <summary>
    /// The trigger was stored at 04:29:59 and the start-up check ran at 04:30:01, after the fire
    /// time: the trigger fires 04:30 itself (late if need be), so a start-up run would harvest that
    /// time twice, one run after the other (seen in a cluster of two, whose start takes seconds).
    /// </summary>
    [Fact]
    public void A_scheduled_time_that_passed_while_starting_is_the_trigger_s_not_missed()
    {
        Assert.Null(HarvestLifecycle.WhyNow(Daily, Run(HarvestOutcome.Succeeded, "2026-11-25T04:30:00Z"), DateTimeOffset.Parse("2026-11-26T04:30:01Z"), DateTimeOffset.Parse("2026-11-26T04:30:00Z")));
        Assert.Equal(
            "its scheduled run of 2026-11-26 04:30:00Z was missed",
            HarvestLifecycle.WhyNow(Daily, Run(HarvestOutcome.Succeeded, "2026-11-25T04:30:00Z"), DateTimeOffset.Parse("2026-11-26T04:30:01Z"), DateTimeOffset.Parse("2026-11-27T04:30:00Z")));
    }

    [Fact]
    public void A_topic_harvested_since_its_last_scheduled_time_waits_for_the_next()
    {
        Assert.Null(HarvestLifecycle.WhyNow(Daily, Run(HarvestOutcome.Succeeded, "2026-11-26T04:30:00Z"), DateTimeOffset.Parse("2026-11-26T09:00:00Z"), DateTimeOffset.Parse("2026-11-27T04:30:00Z")));
    }
}
