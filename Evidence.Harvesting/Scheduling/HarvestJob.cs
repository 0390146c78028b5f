using Microsoft.Extensions.Logging;
using Quartz;
using TrialEvidence.Harvesting;

namespace TrialEvidence.Scheduling;

/// <summary>
/// Harvests one topic when its trigger fires. Never two runs of one topic at once; a failure is
/// already recorded in harvest_runs by the service, is logged here and never reaches the
/// scheduler: the next fire time is the retry.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class HarvestJob(HarvestService harvests, ILogger<HarvestJob> logger) : IJob
{
    public const string TopicKey = "topic";

    public static JobKey KeyFor(string topic) => new($"harvest-{topic}", "harvests");

    public static TriggerKey ScheduleKeyFor(string topic) => new($"harvest-{topic}-schedule", "harvests");

    /// <summary>The one-off trigger of a harvest that cannot wait for its schedule (HarvestLifecycle).</summary>
    public static TriggerKey StartUpKeyFor(string topic) => new($"harvest-{topic}-now", "harvests");

    /// <summary>The one-off trigger of a harvest handed over by an instance of a cluster that stops (HarvestLifecycle).</summary>
    public static TriggerKey HandOverKeyFor(string topic, string instance) => new($"harvest-{topic}-from-{instance}", "harvests");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var topic = context.MergedJobDataMap.GetString(TopicKey) ?? context.JobDetail.Key.Name;
        try
        {
            // Recovering: the cluster re-runs the job of an instance that stopped checking in.
            if (context.Recovering)
            {
                LogTakenOver(logger, topic);
            }

            var run = await harvests.HarvestAsync(topic, ownerGone: context.Recovering, progress: null, cancellationToken).ConfigureAwait(false);
            LogSucceeded(logger, topic, run.Id, run.Pages, run.StudiesNew, run.StudiesChanged);
        }
        catch (HarvestFailedException ex)
        {
            LogFailed(logger, ex.Message, await NextScheduledAsync(context, topic, cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogInterrupted(logger, topic);
        }
#pragma warning disable CA1031 // A job must never take the scheduler down; the failure is logged with its stack.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUnexpected(logger, ex, topic, await NextScheduledAsync(context, topic, CancellationToken.None).ConfigureAwait(false));
        }
    }

    /// <summary>The topic's next cron time (a start-up run fires from a one-off trigger, which has none).</summary>
    private static async Task<DateTimeOffset?> NextScheduledAsync(IJobExecutionContext context, string topic, CancellationToken cancellationToken)
    {
        var schedule = await context.Scheduler.GetTrigger(ScheduleKeyFor(topic), cancellationToken).ConfigureAwait(false);
        return schedule?.NextFireTimeUtc;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking over the harvest of {Topic}: the scheduler instance running it stopped checking in")]
    private static partial void LogTakenOver(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Harvest of {Topic} succeeded: run {RunId}, {Pages} pages, {New} new and {Changed} changed studies")]
    private static partial void LogSucceeded(ILogger logger, string topic, long runId, long pages, long @new, long changed);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Reason}. Next attempt: {NextFire}")]
    private static partial void LogFailed(ILogger logger, string reason, DateTimeOffset? nextFire);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Harvest of {Topic} was interrupted by shutdown; the next run resumes it")]
    private static partial void LogInterrupted(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Harvest of {Topic} failed unexpectedly. Next attempt: {NextFire}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string topic, DateTimeOffset? nextFire);
}
