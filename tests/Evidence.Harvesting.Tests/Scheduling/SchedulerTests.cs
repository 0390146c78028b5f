using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using TrialEvidence.Harvesting;
using TrialEvidence.ReplayRegistry;


namespace TrialEvidence.Harvesting.Tests.Scheduling;

public sealed class SchedulerTests : ReplayRegistryTest
{
    [Fact]
    public async Task A_failed_run_is_recorded_and_retried_at_the_next_fire_time_without_overlapping_runs()
    {
        using var database = new TempDatabase();
        var settings = HarvestTestHost.Settings(Registry.BaseAddress, database.Path);
        settings["Registry:MaxRetryAttempts"] = "1";
        settings["Topics:0:Enabled"] = "false"; // the shipped topic waits for its own schedule
        settings["Topics:1:Schedule"] = "0/2 * * * * ?"; // every two seconds
        // The first run (started at once: never harvested) meets a registry error and fails.
        Registry.InjectFault(Fault.InternalServerError, 2, request => request.Path == "/api/v2/studies");
        using var host = HarvestTestHost.Build(settings, withScheduler: true);
        var runs = host.Services.GetRequiredService<HarvestRunStore>();

        await host.StartAsync();
        var clock = Stopwatch.StartNew();
        while (!runs.Recent(HarvestTestHost.Everything, 50).Any(r => r.Outcome == HarvestOutcome.Succeeded) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        await host.StopAsync();

        var history = runs.Recent(HarvestTestHost.Everything, 50).OrderBy(r => r.Id).ToList();
        Assert.True(history.Count >= 2, $"{history.Count} run(s)");
        Assert.Equal(HarvestOutcome.Failed, history[0].Outcome);
        Assert.Contains("500", history[0].Error, StringComparison.Ordinal);
        Assert.Contains(history.Skip(1), r => r.Outcome == HarvestOutcome.Succeeded);
        foreach (var (earlier, later) in history.Zip(history.Skip(1)))
        {
            Assert.NotNull(earlier.FinishedAt);
            Assert.True(string.CompareOrdinal(later.StartedAt, earlier.FinishedAt) >= 0, $"run {later.Id} started before run {earlier.Id} finished");
        }
    }

    [Fact]
    public async Task Settings_of_the_wrong_type_stop_the_start_naming_each_before_anything_runs()
    {
        using var database = new TempDatabase();
        var settings = HarvestTestHost.Settings(Registry.BaseAddress, database.Path);
        settings["Scheduler:Enabled"] = "maybe";
        settings["Topics:1:Enabled"] = "sometimes";
        using var host = HarvestTestHost.Build(settings, withScheduler: true);

        var error = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync());

        var failures = error.InnerExceptions.OfType<Microsoft.Extensions.Options.OptionsValidationException>().SelectMany(e => e.Failures).Order(StringComparer.Ordinal);
        Assert.Equal(["Scheduler:Enabled: 'maybe' is not true or false", "Topics:1:Enabled: 'sometimes' is not true or false"], failures);
        Assert.Empty(Registry.Requests);
    }
}
