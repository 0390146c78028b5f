using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using TrialEvidence.Topics;
using TrialEvidence.Data.Configuration;

namespace TrialEvidence.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>
    /// When <see cref="SchedulerOptions.Enabled"/>: a Quartz job per enabled topic with a cron
    /// trigger in UTC (a missed fire runs once, as soon as possible), the Quartz hosted service
    /// and <see cref="HarvestLifecycle"/>. The options are registered either way, so that the
    /// API can say why a harvest on demand is refused.
    /// </summary>
    public static IServiceCollection AddHarvestScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SchedulerOptions.Section);
        services.AddOptions<SchedulerOptions>().BindKnownSettings(section).ValidateOnStart();
        // Read here, to know what to register; a value that is not true or false is reported
        // with the other settings' problems when the host starts.
        if (bool.TryParse(section[nameof(SchedulerOptions.Enabled)], out var enabled) && !enabled)
        {
            return services;
        }

        // The jobs are made from the topics now, before options validation runs at start: a topic
        // with a schedule that is not cron gets no trigger here and is named by TopicsValidation.
        var topics = TopicsToSchedule(configuration);
        services.AddQuartz(quartz =>
        {
            foreach (var topic in topics.Topics.Where(t => t.Enabled && CronExpression.TryParse(t.Schedule, out _)))
            {
                var job = HarvestJob.KeyFor(topic.Name);
                quartz.AddJob<HarvestJob>(j => j
                    .WithIdentity(job)
                    .UsingJobData(HarvestJob.TopicKey, topic.Name)
                    .WithDescription($"Harvest topic {topic.Name} from ClinicalTrials.gov"));
                quartz.AddTrigger(t => t
                    .ForJob(job)
                    .WithIdentity(HarvestJob.ScheduleKeyFor(topic.Name))
                    .WithCronSchedule(topic.Schedule, cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHostedService<HarvestLifecycle>();
        return services;
    }

    /// <summary>
    /// The topics as configured, or none when they cannot be read (a value of the wrong type):
    /// the start-up check then names the problem, instead of registration failing with the binder's.
    /// </summary>
    private static TopicsOptions TopicsToSchedule(IConfiguration configuration)
    {
        try
        {
            return configuration.Get<TopicsOptions>() ?? new TopicsOptions();
        }
        catch (InvalidOperationException)
        {
            return new TopicsOptions();
        }
    }
}
