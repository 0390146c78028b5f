using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using TrialEvidence.ReplayRegistry;
using TrialEvidence.Harvesting;

namespace TrialEvidence.Harvesting.Tests.Postgres;

/// <summary>
/// Two instances with their schedulers on, on one PostgreSQL database (Quartz's clustered job
/// store): every fire time of a topic is harvested once, by one of them, and so is a topic both
/// find never harvested at start-up.
/// </summary>
public sealed class ClusteredSchedulerTests : ReplayRegistryTest
{
    private Dictionary<string, string?> Settings(TempPostgresDatabase database, string schedule)
    {
        var settings = HarvestTestHost.Settings(Registry.BaseAddress, "unused.db");
        settings["Database:Provider"] = "Postgres";
        settings["Database:ConnectionString"] = database.ConnectionString;
        settings["Topics:0:Enabled"] = "false"; // the shipped topic: not this test's
        settings["Topics:1:Schedule"] = schedule;
        return settings;
    }

    [SkippableFact]
    public async Task Two_instances_harvest_each_fire_time_of_a_topic_once()
    {
        using var database = new TempPostgresDatabase();
        using (var connection = database.Open())
        {
            // Harvested just now: nothing is due at start-up, only the schedule fires.
            HarvestTestHost.RecordSucceededRun(connection, HarvestTestHost.Everything, DateTimeOffset.UtcNow);
        }

        var settings = Settings(database, "0/3 * * * * ?"); // every third second
        using var first = HarvestTestHost.Build(settings, withScheduler: true);
        using var second = HarvestTestHost.Build(settings, withScheduler: true);
        var from = DateTimeOffset.UtcNow;
        await first.StartAsync();
        await second.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(4));
        long instances;
        using (var connection = database.Open())
        {
            instances = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM qrtz_scheduler_state");
        }

        await Task.Delay(TimeSpan.FromSeconds(8));
        await first.StopAsync();
        await second.StopAsync();
        var to = DateTimeOffset.UtcNow;

        using var runs = database.Open();
        var harvests = runs.Query<(string StartedAt, string FinishedAt, string Outcome, long? ResumedFrom)>(
                "SELECT started_at, finished_at, outcome, resumed_from FROM harvest_runs WHERE topic = 'everything' AND owner <> 'test' ORDER BY id")
            .Select(r => (Started: At(r.StartedAt), Finished: At(r.FinishedAt), r.Outcome, r.ResumedFrom))
            .ToList();
        // The fire times of the schedule while both ran: at most one harvest each. A harvest the
        // first instance handed over when it stopped is that harvest: resumed by the second from
        // its checkpoint, or begun again where it was stopped before its first page (the run after
        // an interrupted one; only a stop interrupts here). Two instances each firing them would
        // harvest twice as often.
        var fireTimes = (to.ToUnixTimeSeconds() / 3) - ((from.ToUnixTimeSeconds() + 2) / 3) + 1;
        Assert.Equal(2, instances);
        var fired = harvests.Where((r, i) => r.ResumedFrom is null && !(i > 0 && harvests[i - 1].Outcome == HarvestOutcome.Interrupted)).Count();
        Assert.True(
            fired >= 3 && fired <= fireTimes,
            $"{fired} harvests fired in {fireTimes} fire times: {string.Join("; ", harvests.Select(r => $"{r.Started:HH:mm:ss.fff}-{r.Finished:HH:mm:ss.fff} {r.Outcome} resumed from {r.ResumedFrom}"))}");
        // Each succeeded, or was interrupted by an instance's stop.
        Assert.All(harvests, r => Assert.Contains(r.Outcome, new[] { HarvestOutcome.Succeeded, HarvestOutcome.Interrupted }));
        // One at a time across the cluster: a fire time that comes while a harvest runs waits for it.
        Assert.All(harvests.Zip(harvests.Skip(1)), pair => Assert.True(pair.Second.Started >= pair.First.Finished, $"{pair.Second.Started:O} began before {pair.First.Finished:O} ended"));
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task A_topic_that_two_instances_find_never_harvested_at_start_up_is_harvested_once()
    {
        using var database = new TempPostgresDatabase();
        var settings = Settings(database, "0 0 4 ? * MON"); // weekly: only the start-up trigger fires here
        using var first = HarvestTestHost.Build(settings, withScheduler: true);
        using var second = HarvestTestHost.Build(settings, withScheduler: true);

        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        using var connection = database.Open();
        while (DateTime.UtcNow < deadline
               && connection.ExecuteScalar<long>("SELECT COUNT(*) FROM harvest_runs WHERE topic = 'everything' AND outcome = 'succeeded'") == 0)
        {
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(3)); // time for a second run, if one were coming
        await first.StopAsync();
        await second.StopAsync();

        Assert.Equal(
            [(HarvestOutcome.Succeeded, "full")],
            connection.Query<(string, string)>("SELECT outcome, kind FROM harvest_runs WHERE topic = 'everything' ORDER BY id"));
    }

    /// <summary>
    /// A restart or a deployment stops the instance running a harvest: it hands the harvest over,
    /// and the other instance resumes it from its checkpoint now, not at the next fire time.
    /// </summary>
    [SkippableFact]
    public async Task A_harvest_whose_instance_stops_gracefully_is_resumed_by_the_other_at_once()
    {
        using var database = new TempPostgresDatabase();
        // Every page after the first takes a second: the harvest is under way when its instance stops.
        Registry.InjectFault(Fault.Slow(TimeSpan.FromSeconds(1)), times: 1000, when: r => r.Query.ContainsKey("pageToken"));
        var settings = Settings(database, "0 0 4 ? * MON"); // weekly: only the start-up trigger fires here
        settings["Registry:AttemptTimeout"] = "00:00:05";
        using var first = HarvestTestHost.Build(settings, withScheduler: true);
        using var second = HarvestTestHost.Build(settings, withScheduler: true);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        using var connection = database.Open();

        var running = await Poll.Until(() => connection.QuerySingleOrDefault<long?>(
            "SELECT id FROM harvest_runs WHERE topic = 'everything' AND outcome = 'running' AND next_page_token IS NOT NULL"), TimeSpan.FromSeconds(60));
        var owner = await Harvesting(first) ? first : await Harvesting(second) ? second : null;
        Assert.NotNull(owner);
        var stopped = DateTimeOffset.UtcNow;
        await owner.StopAsync();

        var resumed = await Poll.Until(() => connection.QuerySingleOrDefault<long?>(
            "SELECT id FROM harvest_runs WHERE topic = 'everything' AND outcome = 'succeeded' AND resumed_from = @running", new { running }), TimeSpan.FromSeconds(60));
        var waited = DateTimeOffset.UtcNow - stopped;
        await (owner == first ? second : first).StopAsync();

        Assert.Equal(HarvestOutcome.Interrupted, connection.ExecuteScalar<string>("SELECT outcome FROM harvest_runs WHERE id = @running", new { running }));
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM harvest_runs WHERE topic = 'everything'"));
        Assert.Equal(Registry.Studies.Count, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM topic_studies WHERE topic = 'everything'"));
        Assert.True(resumed > running);
        Assert.True(waited < TimeSpan.FromSeconds(45), $"resumed {waited.TotalSeconds:F0} s after the stop");
    }

    private static async Task<bool> Harvesting(IHost host) =>
        (await (await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).GetMetadata()).LocalExecutingJobs > 0;
}
