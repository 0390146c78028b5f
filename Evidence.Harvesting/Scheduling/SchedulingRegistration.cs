using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using TrialEvidence.Topics;

namespace TrialEvidence.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>A Quartz job per enabled topic with a cron trigger in UTC; a missed fire runs once, as soon as possible.</summary>
    public static IServiceCollection AddHarvestScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var topics = configuration.Get<TopicsOptions>() ?? new TopicsOptions();
        services.AddQuartz(quartz =>
        {
            foreach (var topic in topics.Topics.Where(t => t.Enabled))
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
