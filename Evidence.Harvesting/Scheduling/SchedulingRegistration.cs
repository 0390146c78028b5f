using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using TrialEvidence.Data.Configuration;
using TrialEvidence.Data.Database;
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
        var database = configuration.GetSection(DatabaseOptions.Section);
        var clustered = Enum.TryParse<DatabaseProvider>(database[nameof(DatabaseOptions.Provider)], ignoreCase: true, out var provider)
            && provider == DatabaseProvider.Postgres && database[nameof(DatabaseOptions.ConnectionString)] is { Length: > 0 };
        // In a cluster, an instance looks for triggers another added (a harvest handed over) every
        // 5 s when it has none due, instead of Quartz's 30.
        IEnumerable<KeyValuePair<string, string?>> properties = clustered
            ? [new("quartz.scheduler.instanceName", ClusteredSchedulerName), new("quartz.scheduler.idleWaitTime", "5000")]
            : [];
        services.AddQuartz(properties, quartz =>
        {
            if (clustered)
            {
                // On PostgreSQL several instances (API or scheduler) may share the database: the
                // jobs and triggers are kept there and the instances form one cluster, so each fire
                // time is taken by one of them, and a harvest whose instance stops checking in is
                // run again (resuming from its checkpoint) by another.
                // Quartz makes its own tables (qrtz_*) when they are missing.
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(NpgsqlFactory.Instance, PostgresConnectionString.Parse(database[nameof(DatabaseOptions.ConnectionString)]!).ConnectionString);
                    store.ProvisionSchema();
                    store.ConfigureStore(options => options.StoreJobDataAsStrings = true);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = ClusterCheckin;
                        cluster.CheckinMisfireThreshold = ClusterCheckin * 3;
                    });
                });
            }

            foreach (var topic in topics.Topics.Where(t => t.Enabled && CronExpression.TryParse(t.Schedule, out _)))
            {
                var job = HarvestJob.KeyFor(topic.Name);
                quartz.AddJob<HarvestJob>(j => j
                    .WithIdentity(job)
                    .RequestRecovery(clustered)
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

    /// <summary>The cluster's name in qrtz_ tables: the instances that share it share the jobs.</summary>
    public const string ClusteredSchedulerName = "TrialEvidence";

    /// <summary>How often an instance tells the cluster it lives; three missed and its harvests are taken over.</summary>
    public static readonly TimeSpan ClusterCheckin = TimeSpan.FromSeconds(5);

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
