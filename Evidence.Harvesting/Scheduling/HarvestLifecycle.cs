using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using TrialEvidence.Harvesting;
using TrialEvidence.Topics;

namespace TrialEvidence.Scheduling;

/// <summary>
/// At start-up, runs at once every topic that cannot wait for its next fire time: one never
/// harvested, one whose last run was interrupted, failed or left running by a process that is
/// gone (it resumes from its checkpoint), and
/// one whose scheduled time passed while the program was not running (a misfire across restarts).
/// At shutdown, stops taking fire times and interrupts running harvests, which then stop at once
/// instead of holding the process through their retries: alone, the next run resumes them; in a
/// cluster (PostgreSQL), another instance resumes them now (<see cref="HandOverAsync"/>).
/// </summary>
public sealed partial class HarvestLifecycle(
    ISchedulerFactory schedulers,
    HarvestRunStore runs,
    IOptionsMonitor<TopicsOptions> topics,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<HarvestLifecycle> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The scheduler starts with the host; jobs are triggered once everything has started.
        lifetime.ApplicationStarted.Register(() => _ = TriggerDueAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        // No more fire times here: a harvest handed over is taken by another instance, not by
        // this one on its way out.
        await scheduler.Standby(cancellationToken).ConfigureAwait(false);
        var clustered = (await scheduler.GetMetadata(cancellationToken).ConfigureAwait(false)).JobStoreClustered;
        foreach (var topic in topics.CurrentValue.Topics)
        {
            var job = HarvestJob.KeyFor(topic.Name);
            if (await scheduler.Interrupt(job, cancellationToken).ConfigureAwait(false) && clustered)
            {
                await HandOverAsync(scheduler, job, topic.Name, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A harvest interrupted because this instance stops (a restart, a deployment), in a cluster:
    /// a one-off trigger to run it now, which waits until the interrupted run has ended here and
    /// is then taken by another instance, which resumes the run from its checkpoint. (Alone, an
    /// instance resumes it at its next start.) Named after this instance: the trigger of the run
    /// being interrupted, if it is another's hand-over, is kept until that run ends.
    /// </summary>
    private async Task HandOverAsync(IScheduler scheduler, JobKey job, string topic, CancellationToken cancellationToken)
    {
        if (await TriggerNowAsync(scheduler, HarvestJob.HandOverKeyFor(topic, scheduler.SchedulerInstanceId), job, cancellationToken).ConfigureAwait(false))
        {
            LogHandedOver(logger, topic);
        }
    }

    /// <summary>Adds a one-off trigger of <paramref name="job"/> that fires now; false when one of that name is there already.</summary>
    private static async Task<bool> TriggerNowAsync(IScheduler scheduler, TriggerKey key, JobKey job, CancellationToken cancellationToken)
    {
        try
        {
            await scheduler.ScheduleJob(TriggerBuilder.Create().WithIdentity(key).ForJob(job).StartNow().Build(), default(ScheduleJobOptions), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            return false;
        }
    }

    /// <summary>Why a topic must run now, or null when its schedule can be waited for.</summary>
    /// <param name="scheduleFiresFrom">
    /// The first fire time of the topic's trigger in this scheduler (null when it has none). A
    /// fire time from then on is the trigger's own: it fires it, late if the scheduler was busy
    /// starting, so it is not missed; only a time before it passed while no trigger was there.
    /// </param>
    public static string? WhyNow(TopicOptions topic, HarvestRun? latest, DateTimeOffset now, DateTimeOffset? scheduleFiresFrom)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (latest is null)
        {
            return "never harvested";
        }

        if (latest.Outcome == HarvestOutcome.Running && ProcessOwner.IsAlive(latest.Owner))
        {
            // Under way in a live process (another instance of a cluster, which started it at a
            // fire time before this one started): a run now would only repeat it when it ends.
            return null;
        }

        if (latest.Outcome != HarvestOutcome.Succeeded)
        {
            return $"its last run ({latest.Id}) ended {latest.Outcome}";
        }

        var lastStart = DateTimeOffset.Parse(latest.StartedAt, System.Globalization.CultureInfo.InvariantCulture);
        var due = new CronExpression(topic.Schedule, TimeZoneInfo.Utc).GetNextValidTimeAfter(lastStart);
        return due is { } time && time < now && (scheduleFiresFrom is not { } firesFrom || time < firesFrom) ? $"its scheduled run of {time:u} was missed" : null;
    }

    private async Task TriggerDueAsync(CancellationToken cancellationToken)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
            foreach (var topic in topics.CurrentValue.Topics.Where(t => t.Enabled))
            {
                var latest = runs.Latest(topic.Name);
                if (WhyNow(topic, latest, clock.GetUtcNow(), await FirstFireAsync(scheduler, topic.Name, cancellationToken).ConfigureAwait(false)) is { } reason)
                {
                    // A trigger of one name per topic: instances of a cluster starting together
                    // add it once, and the harvest runs once.
                    if (await TriggerNowAsync(scheduler, HarvestJob.StartUpKeyFor(topic.Name), HarvestJob.KeyFor(topic.Name), cancellationToken).ConfigureAwait(false))
                    {
                        LogTriggered(logger, topic.Name, reason);
                    }
                    else
                    {
                        LogTriggeredElsewhere(logger, topic.Name);
                    }
                }
                else if (latest is { Outcome: HarvestOutcome.Running })
                {
                    LogUnderWay(logger, topic.Name, latest.Id, latest.Owner);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Failing to trigger early must not stop the program: the schedule still runs.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogTriggerFailed(logger, ex);
        }
    }

    /// <summary>
    /// The first fire time of the topic's cron trigger, computed as Quartz computes it when the
    /// trigger is stored: the first after one second before the trigger's start.
    /// </summary>
    private static async Task<DateTimeOffset?> FirstFireAsync(IScheduler scheduler, string topic, CancellationToken cancellationToken)
    {
        var schedule = await scheduler.GetTrigger(HarvestJob.ScheduleKeyFor(topic), cancellationToken).ConfigureAwait(false);
        return schedule?.GetFireTimeAfter(schedule.StartTimeUtc.AddSeconds(-1));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Harvesting {Topic} now: {Reason}")]
    private static partial void LogTriggered(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Harvesting {Topic} now: another instance of the cluster has triggered it")]
    private static partial void LogTriggeredElsewhere(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Not harvesting {Topic} now: run {RunId} is under way in {Owner}; the topic's next fire time harvests it again")]
    private static partial void LogUnderWay(ILogger logger, string topic, long runId, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: the harvest of {Topic} is handed over to another instance of the cluster, which resumes it")]
    private static partial void LogHandedOver(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not trigger the start-up harvests; topics wait for their schedule")]
    private static partial void LogTriggerFailed(ILogger logger, Exception exception);
}
