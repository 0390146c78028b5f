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

    /// <summary>
    /// A daily topic whose last run began two days ago missed yesterday's fire time while the
    /// program was not running: it runs once at start-up. One harvested an hour ago waits: its
    /// schedule's next time is tomorrow, and nothing runs now.
    /// </summary>
    [Theory]
    [InlineData(48, 1)]
    [InlineData(1, 0)]
    public async Task A_fire_time_missed_while_stopped_runs_once_at_start_up_and_one_not_yet_due_waits(int hoursSinceLastRun, int runsAtStartUp)
    {
        using var database = new TempDatabase();
        using (var connection = database.Open())
        {
            HarvestTestHost.RecordSucceededRun(connection, HarvestTestHost.Everything, DateTimeOffset.UtcNow.AddHours(-hoursSinceLastRun));
        }

        var settings = HarvestTestHost.Settings(Registry.BaseAddress, database.Path);
        settings["Topics:0:Enabled"] = "false";
        // Daily, an hour and a half from now: the trigger's first time is not this test's.
        settings["Topics:1:Schedule"] = $"0 {DateTimeOffset.UtcNow.AddMinutes(90).Minute} {DateTimeOffset.UtcNow.AddMinutes(90).Hour} * * ?";
        using var host = HarvestTestHost.Build(settings, withScheduler: true);
        var runs = host.Services.GetRequiredService<HarvestRunStore>();

        await host.StartAsync();
        var clock = Stopwatch.StartNew();
        while (runs.Recent(HarvestTestHost.Everything, 50).Count(r => r.Owner != "test" && r.Outcome == HarvestOutcome.Succeeded) < runsAtStartUp && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // time for a second run, if one were coming
        await host.StopAsync();

        var started = runs.Recent(HarvestTestHost.Everything, 50).Where(r => r.Owner != "test").ToList();
        Assert.Equal(runsAtStartUp, started.Count);
        Assert.All(started, r => Assert.Equal(HarvestOutcome.Succeeded, r.Outcome));
    }

    /// <summary>
    /// A fire time that comes while the program is still starting (here a service that takes
    /// four seconds; a cluster's instances took two in CI) is fired by the topic's trigger once
    /// the program has started, late, and the start-up check that runs then does not take it for
    /// a missed one and harvest it a second time.
    /// </summary>
    [Fact]
    public async Task A_fire_time_that_comes_while_the_program_starts_is_harvested_once()
    {
        using var database = new TempDatabase();
        using (var connection = database.Open())
        {
            // Harvested just now: only the schedule is due.
            HarvestTestHost.RecordSucceededRun(connection, HarvestTestHost.Everything, DateTimeOffset.UtcNow);
        }

        var settings = HarvestTestHost.Settings(Registry.BaseAddress, database.Path);
        settings["Topics:0:Enabled"] = "false";
        settings["Topics:1:Schedule"] = "0/3 * * * * ?"; // every third second
        var built = DateTimeOffset.UtcNow;
        using var host = HarvestTestHost.Build(settings, withScheduler: true, more: services => services.AddHostedService<SlowToStart>());
        var runs = host.Services.GetRequiredService<HarvestRunStore>();

        await host.StartAsync();
        var started = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(4));
        await host.StopAsync();
        var stopped = DateTimeOffset.UtcNow;

        var harvests = runs.Recent(HarvestTestHost.Everything, 50).Where(r => r.Owner != "test").OrderBy(r => r.Id)
            .Select(r => DateTimeOffset.Parse(r.StartedAt, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // Fire times (every third second) since the trigger was made, as the host was built.
        long FireTimesTo(DateTimeOffset at) => at.ToUnixTimeSeconds() / 3;
        // The case under test happened: a fire time came while the program started (Quartz fires
        // it once everything has started, late).
        Assert.True(FireTimesTo(started) > FireTimesTo(built));
        // At most one harvest per fire time; the start-up check would add one for the first.
        var fireTimes = FireTimesTo(stopped) - FireTimesTo(built);
        Assert.True(
            harvests.Count >= 1 && harvests.Count <= fireTimes,
            $"{harvests.Count} harvests in {fireTimes} fire times, begun at {string.Join(", ", harvests.Select(at => at.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    /// <summary>A service whose start takes four seconds; Quartz fires nothing until the program has started.</summary>
    private sealed class SlowToStart : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.Delay(TimeSpan.FromSeconds(4), cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
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
