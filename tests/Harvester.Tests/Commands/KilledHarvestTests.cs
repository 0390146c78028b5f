using System.Diagnostics;
using Dapper;
using Microsoft.AspNetCore.Http;
using TrialEvidence.Harvesting;
using TrialEvidence.ReplayRegistry;

namespace TrialEvidence.Harvester.Tests.Commands;

/// <summary>The harvester as a real process, stopped in the middle of a harvest: killed with SIGKILL, or interrupted with Ctrl+C.</summary>
public sealed class KilledHarvestTests : ReplayRegistryTest
{
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string?> Output = new();

    [Fact]
    public async Task A_harvest_killed_mid_page_resumes_from_its_checkpoint_to_the_same_database()
    {
        using var database = new TempDatabase();
        using (var harvester = await StartHarvestStuckOnThirdPageAsync(database))
        {
            harvester.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs
            await harvester.WaitForExitAsync();
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
            var clock = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", [$"-{signal}", harvester.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await harvester.WaitForExitAsync(limit.Token);
            Assert.Equal(130, harvester.ExitCode);
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
    private async Task<Process> StartHarvestStuckOnThirdPageAsync(TempDatabase database)
    {
        var searches = 0;
        Registry.InjectFault(Fault.Slow(TimeSpan.FromSeconds(60)), 1, request =>
            request.Path == "/api/v2/studies" && Interlocked.Increment(ref searches) == 3);
        var settings = HarvestTestHost.Settings(Registry.BaseAddress, database.Path);
        settings["Registry:AttemptTimeout"] = "00:01:30";
        settings["Registry:TotalTimeout"] = "00:02:00";
        var harvester = StartHarvester(["harvest", "--topic", HarvestTestHost.Everything, .. settings.Select(s => $"--{s.Key}={s.Value}")]);
        await WaitUntilAsync(() => Pages(database) >= 2, harvester, TimeSpan.FromSeconds(60));
        return harvester;
    }

    private static long Pages(TempDatabase database)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long?>("SELECT MAX(pages) FROM harvest_runs") ?? 0;
    }

    private static Process StartHarvester(IEnumerable<string> arguments)
    {
        // The SDK names its dotnet host in DOTNET_HOST_PATH; the test host process itself may not be dotnet.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HarvesterBuild());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Output.Enqueue(e.Data);
        process.ErrorDataReceived += (_, e) => Output.Enqueue(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// The harvester from its own build output (same configuration as these tests): its deps.json
    /// matches the files beside it there, which the test folder's mix of frameworks does not.
    /// </summary>
    private static string HarvesterBuild()
    {
        var testBuild = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(SharedData.RepositoryRoot, "Harvester", "bin", testBuild.Parent!.Name, testBuild.Name, "trialevidence-harvester.dll");
        Assert.True(File.Exists(path), $"the harvester is not built at {path}");
        return path;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Process process, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(process.HasExited, $"the harvester exited early with code {(process.HasExited ? process.ExitCode : 0)}: {string.Join('\n', Output)}");
            Assert.True(clock.Elapsed < limit, "the harvester stored no pages in time");
            await Task.Delay(50);
        }
    }
}
