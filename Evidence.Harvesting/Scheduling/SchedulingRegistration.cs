using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using TrialEvidence.Topics;

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
        services.AddOptions<SchedulerOptions>().Bind(section);
        if (!(section.Get<SchedulerOptions>() ?? new SchedulerOptions()).Enabled)
        {
            return services;
        }

        // The jobs are made from the topics now, before options validation runs at start: a topic
        // with a schedule that is not cron gets no trigger here and is named by TopicsValidation.
        var topics = configuration.Get<TopicsOptions>() ?? new TopicsOptions();
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
}
