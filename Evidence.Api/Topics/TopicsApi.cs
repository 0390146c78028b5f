using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Quartz;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Harvesting;
using TrialEvidence.Scheduling;
using TrialEvidence.Topics;

namespace TrialEvidence.Api.Topics;

/// <summary>/api/topics: the configured saved searches, their state, and a harvest on demand (API key).</summary>
public static class TopicsApi
{
    public static IEndpointRouteBuilder MapTopics(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/topics").WithTags("Topics");
        group.MapGet("/", List).WithSummary("Configured topics with their last harvest and study count");
        group.MapPost("/{name}/harvest", Harvest)
            .AddEndpointFilter<RequireApiKey>()
            .WithSummary($"Start a harvest of the topic now (header {RequireApiKey.Header})")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>404 for a topic that is not configured, naming those that are.</summary>
    internal static ProblemHttpResult TopicNotFound(TopicsOptions topics) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Topic not found",
            detail: $"Configured topics: {string.Join(", ", topics.Topics.Select(t => t.Name))}.");

    private static List<TopicState> List(IOptionsMonitor<TopicsOptions> topics, HarvestRunStore runs) =>
        topics.CurrentValue.Topics.Select(topic => State(topic, runs)).ToList();

    private static TopicState State(TopicOptions topic, HarvestRunStore runs) =>
        new(topic.Name, topic.Registry, topic.Enabled, topic.Schedule, topic.SearchParameters(), runs.TopicStudyCount(topic.Name), runs.Latest(topic.Name));

    private static async Task<Results<Accepted<TopicState>, ProblemHttpResult>> Harvest(
        string name,
        IOptionsMonitor<TopicsOptions> topics,
        IOptions<SchedulerOptions> scheduling,
        HarvestRunStore runs,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var topic = topics.CurrentValue.Find(name);
        if (topic is null)
        {
            return TopicNotFound(topics.CurrentValue);
        }

        if (!scheduling.Value.Enabled || services.GetService<ISchedulerFactory>() is not { } schedulers)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The scheduler is switched off",
                detail: $"Harvests run in the scheduler; set {SchedulerOptions.Section}:Enabled to true, or run 'harvest --topic' from the command line.");
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = HarvestJob.KeyFor(topic.Name);
        if (!topic.Enabled || !await scheduler.Exists(job, cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The topic is not scheduled",
                detail: $"Topic '{topic.Name}' is disabled or was added after start-up; enable it and restart.");
        }

        await scheduler.TriggerJob(job, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/harvests?topic={Uri.EscapeDataString(topic.Name)}", State(topic, runs));
    }
}

/// <summary>A topic as configured, how many studies its harvests found, and its last run.</summary>
public sealed record TopicState(string Name, string Registry, bool Enabled, string Schedule, IReadOnlyDictionary<string, string> Query, long Studies, HarvestRun? LastRun);
