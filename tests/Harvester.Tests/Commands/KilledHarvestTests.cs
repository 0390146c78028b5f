using System.Diagnostics;
using Dapper;
using Microsoft.AspNetCore.Http;
using TrialEvidence.Harvesting;
using TrialEvidence.ReplayRegistry;

namespace TrialEvidence.Harvester.Tests.Commands;

/// <summary>The harvester as a real process, stopped in the middle of a harvest: killed with SIGKILL, or interrupted with Ctrl+C.</summary>
public sealed class KilledHarvestTests : ReplayRegistryTest
{
    [Fact]
    public async Task A_harvest_killed_mid_page_resumes_from_its_checkpoint_to_the_same_database()
    {
        using var database = new TempDatabase();
        using (var harvester = await StartHarvestStuckOnThirdPageAsync(database))
        {
            harvester.Kill();
            await harvester.ExitCodeAsync(TimeSpan.FromSeconds(30));
        }

        using var connection = database.Open();
        Assert.Equal("running", connection.ExecuteScalar<string>("SELECT outcome FROM harvest_runs WHERE id = 1"));
        using var host = HarvestTestHost.Create(Registry.BaseAddress, database);

        var resumed = await host.HarvestAsync();

        Assert.Equal((HarvestOutcome.Succeeded, 1L), (resumed.Outcome, resumed.ResumedFrom));
        Assert.Equal(HarvestOutcome.Interrupted, host.Runs.Recent(HarvestTestHost.Everything, 10).Single(r => r.Id == 1).Outcome);
        Assert.Equal(HarvestTestHost.ImportedContent(Registry), host.Content());
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_stops_a_harvest_at_once_with_exit_code_130_and_the_next_run_resumes_it(string signal)
    {
        using var database = new TempDatabase();
        using (var harvester = await StartHarvestStuckOnThirdPageAsync(database))
        {
            // A process started with SIGINT ignored (a background job of a shell without job
            // control, e.g. "nohup ... &") passes that on to its children, and no handler can catch it.
            Assert.False(
                signal == "INT" && IgnoresSignal(harvester.Id, 2),
                "the harvester ignores SIGINT because these tests were started with SIGINT ignored (in the background without job control); run them in the foreground");
            var clock = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", [$"-{signal}", harvester.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            Assert.Equal(130, await harvester.ExitCodeAsync(TimeSpan.FromSeconds(30)));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"it took {clock.Elapsed} to stop");
        }

        using var host = HarvestTestHost.Create(Registry.BaseAddress, database);
        Assert.Equal(HarvestOutcome.Interrupted, host.Runs.Recent(HarvestTestHost.Everything, 10).Single(r => r.Id == 1).Outcome);

        var resumed = await host.HarvestAsync();

        Assert.Equal((HarvestOutcome.Succeeded, 1L), (resumed.Outcome, resumed.ResumedFrom));
        Assert.Equal(HarvestTestHost.ImportedContent(Registry), host.Content());
    }

    /// <summary>
    /// The harvester as a process, harvesting into <paramref name="database"/> once it has stored
    /// two pages: the third never comes in time, so whatever stops it arrives while it waits.
    /// </summary>
    private async Task<HarvesterProcess> StartHarvestStuckOnThirdPageAsync(TempDatabase database)
    {
        var searches = 0;
        Registry.InjectFault(Fault.Slow(TimeSpan.FromSeconds(60)), 1, request =>
            request.Path == "/api/v2/studies" && Interlocked.Increment(ref searches) == 3);
        var settings = HarvestTestHost.Settings(Registry.BaseAddress, database.Path);
        settings["Registry:AttemptTimeout"] = "00:01:30";
        settings["Registry:TotalTimeout"] = "00:02:00";
        var harvester = HarvesterProcess.Start(["harvest", "--topic", HarvestTestHost.Everything, .. settings.Select(s => $"--{s.Key}={s.Value}")]);
        await harvester.WaitUntilAsync(() => Pages(database) >= 2, TimeSpan.FromSeconds(60), "it stored two pages");
        return harvester;
    }

    /// <summary>Whether process <paramref name="pid"/> ignores signal <paramref name="number"/> (Linux: SigIgn in /proc/PID/status).</summary>
    private static bool IgnoresSignal(int pid, int number)
    {
        var status = $"/proc/{pid}/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) : null;
        return line is not null
            && (ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & (1UL << (number - 1))) != 0;
    }

    private static long Pages(TempDatabase database)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long?>("SELECT MAX(pages) FROM harvest_runs") ?? 0;
    }
}
