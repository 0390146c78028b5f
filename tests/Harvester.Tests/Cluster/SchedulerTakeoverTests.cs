using Dapper;
using Microsoft.AspNetCore.Http;
using TrialEvidence.Harvester.Tests.Commands;
using TrialEvidence.ReplayRegistry;
using TrialEvidence.TestSupport.Harvesting;

namespace TrialEvidence.Harvester.Tests.Cluster;

/// <summary>
/// Two harvester processes with their schedulers on one PostgreSQL database: the one running a
/// harvest is killed (SIGKILL, no shutdown of any kind) and the other, once the cluster sees it
/// stop checking in, takes the harvest over and finishes it from its checkpoint.
/// </summary>
public sealed class SchedulerTakeoverTests : ReplayRegistryTest
{
    [SkippableFact]
    public async Task A_harvest_whose_process_is_killed_is_finished_by_the_other_instance()
    {
        using var database = new TempPostgresDatabase();
        // Every page after the first takes a second: the harvest is under way when its process dies.
        Registry.InjectFault(Fault.Slow(TimeSpan.FromSeconds(1)), times: 1000, when: r => r.Query.ContainsKey("pageToken"));
        var settings = HarvestTestHost.Settings(Registry.BaseAddress, "unused.db");
        settings["Database:Provider"] = "Postgres";
        settings["Database:ConnectionString"] = database.ConnectionString;
        settings["Topics:0:Enabled"] = "false";
        settings["Topics:1:Schedule"] = "0 0 4 ? * MON"; // weekly: the start-up trigger alone fires here
        settings["Registry:AttemptTimeout"] = "00:00:05";
        // The harvester's scheduler (no command), its settings on the command line.
        string[] arguments = [.. settings.Select(s => $"--{s.Key}={s.Value}")];
        using var first = HarvesterProcess.Start(arguments);
        using var second = HarvesterProcess.Start(arguments);
        using var connection = database.Open();

        // The run starts and stores a page or two; its owner is one of the two processes.
        var running = await Poll.Until(() => connection.QuerySingleOrDefault<(long Id, string Owner, long Pages)?>(
            "SELECT id, owner, pages FROM harvest_runs WHERE topic = 'everything' AND outcome = 'running' AND next_page_token IS NOT NULL"), TimeSpan.FromSeconds(60));
        var pid = int.Parse(running.Owner.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        var (killed, survivor) = pid == first.Id ? (first, second) : (second, first);
        Assert.Equal(pid, killed.Id);
        killed.Kill();
        killed.Process.WaitForExit();

        var finished = await Poll.Until(() => connection.QuerySingleOrDefault<(long Id, long? ResumedFrom)?>(
            "SELECT id, resumed_from FROM harvest_runs WHERE topic = 'everything' AND outcome = 'succeeded'"), TimeSpan.FromSeconds(90));

        Assert.Equal(running.Id, finished.ResumedFrom);
        Assert.Equal("interrupted", connection.ExecuteScalar<string>("SELECT outcome FROM harvest_runs WHERE id = @Id", new { running.Id }));
        Assert.Equal(Registry.Studies.Count, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM topic_studies WHERE topic = 'everything'"));
        Assert.Contains("Taking over the harvest of everything", survivor.Output, StringComparison.Ordinal);
        Assert.False(survivor.Process.HasExited);
    }
}
