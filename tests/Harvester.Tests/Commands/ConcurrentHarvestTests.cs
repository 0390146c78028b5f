using Dapper;
using TrialEvidence.Harvesting;
using TrialEvidence.ReplayRegistry;

namespace TrialEvidence.Harvester.Tests.Commands;

/// <summary>Harvester processes sharing one database: one harvest of a topic at a time, across processes.</summary>
public sealed class ConcurrentHarvestTests : ReplayRegistryTest
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task While_a_scheduler_process_harvests_a_topic_another_scheduler_leaves_it_and_a_cli_harvest_refuses_it()
    {
        using var database = new TempDatabase();
        // The scheduler's harvest of the topic stores its first page, then waits for the second.
        var searches = 0;
        Registry.InjectFault(Fault.Slow(TimeSpan.FromSeconds(60)), 1, request =>
            request.Path == "/api/v2/studies" && Interlocked.Increment(ref searches) == 2);
        var settings = Settings(database);
        using var scheduler = HarvesterProcess.Start(settings);
        await scheduler.WaitUntilAsync(() => RunsOfTheTopic(database) is [{ Outcome: HarvestOutcome.Running, Pages: 1 }], Limit, "its harvest stored a page");

        // The second scheduler leaves the run under way to the first rather than queue another
        // behind it (its next fire time, if the run is still going, is refused like the cli's).
        using var secondScheduler = HarvesterProcess.Start(settings);
        await secondScheduler.WaitUntilAsync(
            () => secondScheduler.Output.Contains($"Not harvesting {HarvestTestHost.Everything} now: run 1 is under way in {Environment.MachineName}:{scheduler.Id}:", StringComparison.Ordinal),
            Limit,
            "it left the topic to the run under way");
        using var cli = HarvesterProcess.Start(["harvest", "--topic", HarvestTestHost.Everything, .. settings]);
        var exitCode = await cli.ExitCodeAsync(Limit);

        Assert.Equal(1, exitCode);
        Assert.Contains(
            $"error: topic '{HarvestTestHost.Everything}' is being harvested already (run 1, by {Environment.MachineName}:{scheduler.Id}:",
            cli.Output,
            StringComparison.Ordinal);
        var run = Assert.Single(RunsOfTheTopic(database));
        Assert.Equal((HarvestOutcome.Running, 1L), (run.Outcome, run.Pages));
        Assert.StartsWith($"{Environment.MachineName}:{scheduler.Id}:", run.Owner, StringComparison.Ordinal);
        Assert.Equal(2, Volatile.Read(ref searches)); // neither of the others asked the registry for the topic
    }

    /// <summary>The test settings as --Section:Key=value arguments, with only the test's topic enabled.</summary>
    private List<string> Settings(TempDatabase database)
    {
        var settings = HarvestTestHost.Settings(Registry.BaseAddress, database.Path);
        settings["Topics:0:Enabled"] = "false";
        settings["Registry:AttemptTimeout"] = "00:01:30";
        settings["Registry:TotalTimeout"] = "00:02:00";
        return [.. settings.Select(s => $"--{s.Key}={s.Value}")];
    }

    private static List<HarvestRun> RunsOfTheTopic(TempDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<HarvestRun>(
            "SELECT id AS Id, topic AS Topic, kind AS Kind, started_at AS StartedAt, harvest_started_at AS HarvestStartedAt, outcome AS Outcome, " +
            "query AS Query, topic_query AS TopicQuery, pages AS Pages, owner AS Owner FROM harvest_runs WHERE topic = @topic ORDER BY id",
            new { topic = HarvestTestHost.Everything }).ToList();
    }
}
