using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Quartz;
using TrialEvidence.Data.Database;
using TrialEvidence.Harvesting;
using TrialEvidence.Scheduling;
using TrialEvidence.Topics;

namespace TrialEvidence.Api.Topics;

/// <summary>/api/topics: the configured saved searches, their state, and a harvest on demand (API key).</summary>
public static class TopicsApi
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static IEndpointRouteBuilder MapTopics(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/topics").WithTags("Topics");
        group.MapGet("/", List).WithSummary("Configured topics with their last harvest and study count");
        group.MapPost("/{name}/harvest", Harvest).WithSummary($"Start a harvest of the topic now (header {ApiKeyHeader})");
        return routes;
    }

    private static List<TopicState> List(IOptionsMonitor<TopicsOptions> topics, HarvestRunStore runs, SqliteConnectionFactory connections) =>
        topics.CurrentValue.Topics.Select(topic => State(topic, runs, connections)).ToList();

    private static TopicState State(TopicOptions topic, HarvestRunStore runs, SqliteConnectionFactory connections)
    {
        using var connection = connections.Open();
        return new TopicState(
            topic.Name,
            topic.Enabled,
            topic.Schedule,
            topic.Query,
            connection.ExecuteScalar<long>("SELECT COUNT(*) FROM topic_studies WHERE topic = @name", new { name = topic.Name }),
            runs.Latest(topic.Name));
    }

    private static async Task<Results<Accepted<TopicState>, ProblemHttpResult>> Harvest(
        string name,
        HttpRequest request,
        IOptions<ApiOptions> api,
        IOptionsMonitor<TopicsOptions> topics,
        HarvestRunStore runs,
        SqliteConnectionFactory connections,
        IOptions<SchedulerOptions> scheduling,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(api.Value.HarvestApiKey))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Harvests on demand are switched off",
                detail: "Set Api:HarvestApiKey in configuration to allow them.");
        }

        if (!KeyMatches(request.Headers[ApiKeyHeader].ToString(), api.Value.HarvestApiKey))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
                detail: $"Send the configured key in the {ApiKeyHeader} header.");
        }

        var topic = topics.CurrentValue.Find(name);
        if (topic is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Topic not found",
                detail: $"Configured topics: {string.Join(", ", topics.CurrentValue.Topics.Select(t => t.Name))}.");
        }

        if (!scheduling.Value.Enabled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The scheduler is switched off",
                detail: "Harvests run in the scheduler; set Scheduler:Enabled to true, or run 'harvest --topic' from the command line.");
        }

        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = HarvestJob.KeyFor(topic.Name);
        if (!topic.Enabled || !await scheduler.Exists(job, cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The topic is not scheduled",
                detail: $"Topic '{topic.Name}' is disabled or was added after start-up; enable it and restart.");
        }

        await scheduler.TriggerJob(job, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/harvests?topic={Uri.EscapeDataString(topic.Name)}", State(topic, runs, connections));
    }

    /// <summary>Constant-time comparison, so response timing does not reveal the key.</summary>
    private static bool KeyMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

public sealed record TopicState(string Name, bool Enabled, string Schedule, IReadOnlyDictionary<string, string> Query, long Studies, HarvestRun? LastRun);

/// <summary>The "Api" section of appsettings.json.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Key for POST /api/topics/{name}/harvest; empty switches the endpoint off. Keep it out of the repository.</summary>
    [System.ComponentModel.DataAnnotations.MinLength(16, ErrorMessage = "Api:HarvestApiKey must be at least 16 characters (or unset, which switches harvests on demand off)")]
    public string? HarvestApiKey { get; set; }
}
