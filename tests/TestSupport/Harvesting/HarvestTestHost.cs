using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrialEvidence.ClinicalTrialsGov;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Import;
using TrialEvidence.Harvesting;
using TrialEvidence.ReplayRegistry;
using TrialEvidence.Scheduling;
using Xunit;

namespace TrialEvidence.TestSupport.Harvesting;

/// <summary>
/// The harvesting services as the programs register them (appsettings.json, AddEvidenceDatabase,
/// AddHarvesting) against a replay registry on loopback and a real SQLite file, configured so
/// that back-off waits are milliseconds.
/// </summary>
public sealed class HarvestTestHost : IDisposable
{
    /// <summary>A topic whose query every study matches (each holds "NCT" in its id).</summary>
    public const string Everything = "everything";

    public const int PageSize = 7;

    private HarvestTestHost(TempDatabase database, IHost host)
    {
        Database = database;
        Host = host;
    }

    public TempDatabase Database { get; }

    public IHost Host { get; }

    public HarvestService Harvests => Host.Services.GetRequiredService<HarvestService>();

    public HarvestRunStore Runs => Host.Services.GetRequiredService<HarvestRunStore>();

    /// <summary>How many turns the crawl-delay limiter granted: every request that left for the registry took one.</summary>
    public long RegistryTurns => Host.Services.GetRequiredService<CrawlDelayRateLimiter>().GetStatistics()!.TotalSuccessfulLeases;

    public static Dictionary<string, string?> Settings(Uri registry, string databasePath) => new()
    {
        ["Database:Path"] = databasePath,
        ["Registry:BaseUrl"] = registry.ToString(),
        ["Registry:RequestsPerSecond"] = "200",
        ["Registry:PageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
        ["Registry:AttemptTimeout"] = "00:00:02", // a cold first request on a busy machine can take a second
        ["Registry:TotalTimeout"] = "00:00:30",
        ["Registry:MaxRetryAttempts"] = "4",
        ["Registry:RetryBaseDelay"] = "00:00:00.010",
        ["Registry:MaxRetryDelay"] = "00:00:00.250",
        ["Registry:CircuitBreakerMinimumThroughput"] = "1000",
        // Index 1: index 0 is the shipped hcc-irt topic of appsettings.json, which stays.
        ["Topics:1:Name"] = Everything,
        ["Topics:1:Schedule"] = "0 0 4 * * ?",
        ["Topics:1:Query:query.term"] = "NCT",
    };

    public static HarvestTestHost Create(Uri registry, TempDatabase? database = null, Action<Dictionary<string, string?>>? configure = null)
    {
        database ??= new TempDatabase();
        var settings = Settings(registry, database.Path);
        configure?.Invoke(settings);
        return new HarvestTestHost(database, Build(settings));
    }

    /// <summary>
    /// Records a succeeded full harvest of <paramref name="topic"/> that began and ended at
    /// <paramref name="at"/>, owned by no process ('test'): the last run the start-up check reads.
    /// </summary>
    public static void RecordSucceededRun(IDbConnection connection, string topic, DateTimeOffset at) =>
        connection.Execute(
            "INSERT INTO harvest_runs (topic, kind, started_at, harvest_started_at, finished_at, outcome, query, topic_query, owner) VALUES (@topic, 'full', @at, @at, @at, 'succeeded', '{}', '{}', 'test')",
            new { topic, at = at.ToString("O", CultureInfo.InvariantCulture) });

    /// <summary>
    /// A host with the programs' harvesting services over <paramref name="settings"/> (and
    /// appsettings.json), and <paramref name="more"/> services registered after them.
    /// </summary>
    public static IHost Build(IReadOnlyDictionary<string, string?> settings, bool withScheduler = false, Action<IServiceCollection>? more = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddEvidenceDatabase(builder.Configuration);
        builder.Services.AddHarvesting(builder.Configuration);
        if (withScheduler)
        {
            builder.Services.AddHarvestScheduling(builder.Configuration);
        }

        more?.Invoke(builder.Services);
        return builder.Build();
    }

    public Task<HarvestRun> HarvestAsync(string topic = Everything, IProgress<HarvestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Harvests.HarvestAsync(topic, progress, cancellationToken);

    /// <summary>The evidence a plain import of exactly the studies the registry serves produces.</summary>
    public static List<string> ImportedContent(ReplayRegistryServer registry)
    {
        using var database = new TempDatabase();
        var folder = Path.Combine(database.Directory, "served");
        Directory.CreateDirectory(folder);
        foreach (var (nctId, json) in registry.Studies)
        {
            File.WriteAllBytes(Path.Combine(folder, nctId + ".json"), json);
        }

        var summary = database.CreateImporter().Import(RecordSource.Expand([folder]));
        Assert.Empty(summary.Rejections);
        using var connection = database.Open();
        return EvidenceContent.Rows(connection);
    }

    public List<string> Content()
    {
        using var connection = Database.Open();
        return EvidenceContent.Rows(connection);
    }

    public void Dispose()
    {
        Host.Dispose();
        Database.Dispose();
    }
}
