using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using TrialEvidence.ReplayRegistry;
using TrialEvidence.TestSupport.Harvesting;

namespace TrialEvidence.Api.Tests.Infrastructure;

/// <summary>
/// Two API processes, each with its scheduler on, share one PostgreSQL database (an institution's
/// server with two instances behind a proxy): each fire time of a topic's schedule is harvested
/// by one of them, and when the one running a harvest is killed (SIGKILL: no shutdown of any
/// kind), the other takes the harvest over and finishes it from its checkpoint.
/// </summary>
public sealed class ClusteredApiTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private ReplayRegistryServer _registry = null!;

    public async Task InitializeAsync() => _registry = await ReplayRegistryServer.StartAsync(SharedData.CtGov);

    public async Task DisposeAsync() => await _registry.DisposeAsync();

    [SkippableFact]
    public async Task A_scheduled_harvest_runs_once_and_the_other_instance_finishes_it_when_its_owner_is_killed()
    {
        Skip.IfNot(TestProvider.IsPostgres, "API instances share a database only on PostgreSQL: this runs in the suite's PostgreSQL pass (TRIALEVIDENCE_TEST_PROVIDER=postgres)");
        using var database = new ApiDatabase(postgres: true);
        // One fire time, far enough ahead for both instances to start and for the topic's first
        // harvest (start-up: never harvested) to end.
        var fireAt = DateTimeOffset.UtcNow.AddSeconds(40);
        var settings = HarvestTestHost.Settings(_registry.BaseAddress, "unused.db");
        settings.Remove("Database:Path"); // the database's own
        settings["Scheduler:Enabled"] = "true";
        settings["Topics:0:Enabled"] = "false";
        settings["Topics:1:Schedule"] = fireAt.ToString("s m H d M ? yyyy", CultureInfo.InvariantCulture);
        settings["Registry:AttemptTimeout"] = "00:00:05";
        var environment = database.Environment(settings.ToDictionary(s => ApiDatabase.Variable(s.Key), s => s.Value!));
        var addresses = new[] { ApiProcess.FreePort(), ApiProcess.FreePort() }.Select(p => new Uri($"http://127.0.0.1:{p}/")).ToList();
        using var first = ApiProcess.Start(new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = addresses[0].ToString() });
        using var second = ApiProcess.Start(new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = addresses[1].ToString() });
        using var connection = database.Open();

        // Start-up: the topic was never harvested; both instances find so, one harvests it.
        await Poll.Until(() => connection.ExecuteScalar<long?>("SELECT id FROM harvest_runs WHERE topic = 'everything' AND outcome = 'succeeded'"), Patience);
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM harvest_runs WHERE topic = 'everything'"));

        // Before the fire time, the registry updates every study, and every page after the first
        // then takes a second: the scheduled (incremental) harvest is under way when its owner dies.
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var updated = _registry.Studies.Where(s => JsonNode.Parse(s.Value)?["protocolSection"]?["statusModule"] is not null).Select(s => s.Key).ToList();
        foreach (var id in updated)
        {
            _registry.Put(Encoding.UTF8.GetBytes(LaterVersion.Of(Encoding.UTF8.GetString(_registry.Studies[id]), today)));
        }

        _registry.InjectFault(Fault.Slow(TimeSpan.FromSeconds(1)), times: 1000, when: r => r.Query.ContainsKey("pageToken"));
        Assert.True(DateTimeOffset.UtcNow < fireAt, "the start-up harvest ended after the fire time: give it longer");
        var running = await Poll.Until(() => connection.QuerySingleOrDefault<(long Id, string Owner)?>(
            "SELECT id, owner FROM harvest_runs WHERE topic = 'everything' AND outcome = 'running' AND next_page_token IS NOT NULL"), Patience);
        var pid = int.Parse(running.Owner.Split(':')[1], CultureInfo.InvariantCulture);
        var (killed, survivor, survivorAddress) = pid == first.Id ? (first, second, addresses[1]) : (second, first, addresses[0]);
        Assert.Equal(pid, killed.Id);
        killed.Kill();

        var finished = await Poll.Until(() => connection.QuerySingleOrDefault<(long Id, long? ResumedFrom)?>(
            "SELECT id, resumed_from FROM harvest_runs WHERE topic = 'everything' AND outcome = 'succeeded' AND id > @Id", new { running.Id }), Patience);

        Assert.Equal(running.Id, finished.ResumedFrom);
        Assert.Equal("interrupted", connection.ExecuteScalar<string>("SELECT outcome FROM harvest_runs WHERE id = @Id", new { running.Id }));
        // The one fire time gave one harvest (and its resumption): three runs in all.
        Assert.Equal(3, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM harvest_runs WHERE topic = 'everything'"));
        // Every update is stored, whichever instance stored its page.
        Assert.True(updated.Count > 2 * HarvestTestHost.PageSize, $"{updated.Count} studies updated");
        Assert.Equal(updated.Count, connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM studies WHERE nct_id = ANY(@updated) AND last_update_posted_date = @today", new { updated, today }));
        Assert.Equal(_registry.Studies.Count, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM topic_studies WHERE topic = 'everything'"));
        Assert.Contains(survivor.Output, line => line.Contains("Taking over the harvest of everything", StringComparison.Ordinal));
        Assert.False(survivor.HasExited);
        using var http = new HttpClient();
        using var topics = await http.GetAsync(new Uri(survivorAddress, "/api/topics"));
        Assert.Equal(HttpStatusCode.OK, topics.StatusCode);
    }
}
