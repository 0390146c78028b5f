using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Http;
using TrialEvidence.Harvesting;
using TrialEvidence.ReplayRegistry;

namespace TrialEvidence.Harvesting.Tests.Harvesting;

public sealed class HarvestServiceTests : ReplayRegistryTest
{
    private static bool IsSearch(HttpRequest request) => request.Path.StartsWithSegments("/api/v2/studies") && !request.Path.Value!.Contains("/NCT", StringComparison.OrdinalIgnoreCase);

    private static bool IsLaterPage(HttpRequest request) => IsSearch(request) && request.Query.ContainsKey("pageToken");

    private List<RecordedRequest> Searches() => Registry.Requests.Where(r => r.Path == "/api/v2/studies").ToList();

    [Fact]
    public async Task A_full_harvest_stores_the_same_rows_as_importing_the_same_records()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress);

        var run = await host.HarvestAsync();

        Assert.Equal((HarvestOutcome.Succeeded, "full"), (run.Outcome, run.Kind));
        Assert.Equal(Registry.DataTimestamp, run.RegistryDataTimestamp);
        Assert.Equal(Registry.Studies.Count, run.StudiesNew);
        Assert.Equal((Registry.Studies.Count + HarvestTestHost.PageSize - 1) / HarvestTestHost.PageSize, run.Pages);
        Assert.Equal(Registry.Studies.Count, run.TotalCount);
        Assert.Equal(HarvestTestHost.ImportedContent(Registry), host.Content());
        using var connection = host.Database.Open();
        Assert.Equal(
            Registry.Studies.Keys.Order(StringComparer.Ordinal),
            connection.Query<string>("SELECT nct_id FROM topic_studies WHERE topic = 'everything' ORDER BY nct_id"));
        Assert.All(connection.Query<string>("SELECT source FROM study_versions"), source =>
            Assert.StartsWith(Registry.BaseAddress + "studies?", source, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Progress_counts_pages_of_the_size_the_registry_answers_with_when_it_is_smaller_than_asked()
    {
        const int servedPageSize = 3; // the host asks for 7
        await using var registry = await ReplayRegistryServer.StartAsync(SharedData.CtGov, new ReplayRegistryOptions { MaxPageSize = servedPageSize });
        using var host = HarvestTestHost.Create(registry.BaseAddress);
        List<string> reports = [];

        // A request that a loaded machine makes time out is retried, and reported as such; the
        // pages are what this test counts.
        var run = await host.HarvestAsync(progress: new Progress(p =>
        {
            if (p.Retry is null)
            {
                reports.Add(p.ToString());
            }
        }));

        var pages = (registry.Studies.Count + servedPageSize - 1) / servedPageSize;
        Assert.Equal(pages, run.Pages);
        Assert.Equal(
            Enumerable.Range(1, pages).Select(page => $"{HarvestTestHost.Everything}: page {page}/{pages}, "),
            reports.Select(report => report[..report.IndexOf(", ", StringComparison.Ordinal)] + ", "));
    }

    [Fact]
    public async Task A_run_shows_retrying_while_it_waits_to_retry_a_failed_request_and_not_after_one_succeeds()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress);
        Registry.InjectFault(Fault.ServiceUnavailable, 2, IsSearch);
        List<(string Outcome, string? Retrying)> whileRetrying = [];

        var run = await host.HarvestAsync(progress: new Progress(p =>
        {
            if (p.Retry is not null)
            {
                var latest = host.Runs.Latest(HarvestTestHost.Everything)!;
                whileRetrying.Add((latest.Outcome, latest.Retrying));
            }
        }));

        Assert.Equal(
            [1, 2],
            whileRetrying.Select(r => int.Parse(System.Text.RegularExpressions.Regex.Match(r.Retrying!, @"^registry request failed \(503 ServiceUnavailable\); retry (\d) of 4 in \d+ s$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(whileRetrying, r => Assert.Equal(HarvestOutcome.Running, r.Outcome));
        Assert.Equal((HarvestOutcome.Succeeded, (string?)null), (run.Outcome, run.Retrying));
    }

    [Fact]
    public async Task Requests_name_the_tool_and_its_version()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress);

        await host.HarvestAsync();

        Assert.All(Registry.Requests, r => Assert.StartsWith("TrialEvidence/0.1.0", r.UserAgent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_incremental_harvest_asks_only_for_studies_updated_since_the_last_complete_one_minus_a_day()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress);
        var first = await host.HarvestAsync();
        var changed = JsonNode.Parse(Registry.Studies["NCT03418623"])!;
        changed["protocolSection"]!["statusModule"]!["lastUpdatePostDateStruct"] = new JsonObject { ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd"), ["type"] = "ACTUAL" };
        changed["protocolSection"]!["statusModule"]!["overallStatus"] = "TERMINATED";
        Registry.Put(Encoding.UTF8.GetBytes(changed.ToJsonString()));
        var searchesBefore = Searches().Count;

        var second = await host.HarvestAsync();

        var since = DateTimeOffset.Parse(first.StartedAt).UtcDateTime.Date.AddDays(-1).ToString("yyyy-MM-dd");
        Assert.Equal(("incremental", since), (second.Kind, second.UpdatedSince));
        var request = Assert.Single(Searches().Skip(searchesBefore));
        Assert.Equal($"(AREA[LastUpdatePostDate]RANGE[{since},MAX])", "(" + request.QueryValue("filter.advanced") + ")");
        Assert.Equal((0L, 1L, 0L), (second.StudiesNew, second.StudiesChanged, second.StudiesUnchanged));
        using var connection = host.Database.Open();
        Assert.Equal("TERMINATED", connection.ExecuteScalar<string>("SELECT overall_status FROM studies WHERE nct_id = 'NCT03418623'"));
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_versions WHERE nct_id = 'NCT03418623'"));
    }

    public static TheoryData<string, int> Faults => new()
    {
        { "429", 2 }, { "503", 2 }, { "500", 2 }, { "403", 2 },
        { "reset", 2 }, { "slow", 2 }, { "truncated", 2 }, { "malformed", 2 },
    };

    private static Fault FaultNamed(string name) => name switch
    {
        "429" => Fault.TooManyRequests(retryAfterSeconds: 1),
        "503" => Fault.ServiceUnavailable,
        "500" => Fault.InternalServerError,
        "403" => Fault.Forbidden,
        "reset" => Fault.ConnectionReset,
        "slow" => Fault.Slow(TimeSpan.FromSeconds(4)), // longer than the 2 s attempt timeout
        "truncated" => Fault.TruncatedBody,
        "malformed" => Fault.MalformedJson,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Each_fault_is_survived_with_no_study_lost_or_duplicated(string fault, int times)
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress);
        Registry.InjectFault(FaultNamed(fault), times, IsLaterPage);

        var run = await host.HarvestAsync();

        Assert.Equal(HarvestOutcome.Succeeded, run.Outcome);
        Assert.Equal(times, Registry.Requests.Count(r => r.Fault is not null));
        Assert.Equal(HarvestTestHost.ImportedContent(Registry), host.Content());
        using var connection = host.Database.Open();
        Assert.Equal(Registry.Studies.Count, connection.ExecuteScalar<long>("SELECT COUNT(DISTINCT nct_id) FROM study_versions"));
        Assert.Equal(Registry.Studies.Count, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_versions"));
    }

    [Fact]
    public async Task Retry_after_is_honoured_up_to_the_configured_cap()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress, configure: s => s["Registry:RetryBaseDelay"] = "00:00:00.001");
        Registry.InjectFault(Fault.TooManyRequests(retryAfterSeconds: 1), 1, IsLaterPage);

        await host.HarvestAsync();

        var requests = Registry.Requests;
        var refused = requests.Single(r => r.Fault is not null);
        var retry = requests[requests.ToList().IndexOf(refused) + 1];
        // Retry-After said 1 s, capped by MaxRetryDelay at 250 ms; the 1 ms back-off alone would retry at once.
        Assert.True(retry.ElapsedSince(refused) >= TimeSpan.FromMilliseconds(240), $"retried after {retry.ElapsedSince(refused).TotalMilliseconds:N0} ms");
    }

    [Fact]
    public async Task A_harvest_cancelled_mid_page_and_resumed_equals_an_uninterrupted_one()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress);
        using var cancel = new CancellationTokenSource();
        // The third page hangs; the harvest is cancelled while it waits, after two stored pages.
        Registry.InjectFault(Fault.Slow(TimeSpan.FromSeconds(20)), 1, request => IsLaterPage(request) && Searches().Count >= 3);
        var progress = new Progress(p =>
        {
            if (p.Pages == 2)
            {
                cancel.CancelAfter(TimeSpan.FromMilliseconds(200));
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.HarvestAsync(progress: progress, cancellationToken: cancel.Token));
        var interrupted = host.Runs.Latest(HarvestTestHost.Everything)!;
        Assert.Equal((HarvestOutcome.Interrupted, 2L), (interrupted.Outcome, interrupted.Pages));
        var savedToken = interrupted.NextPageToken;
        var searchesBefore = Searches().Count;

        var resumed = await host.HarvestAsync();

        Assert.Equal((HarvestOutcome.Succeeded, interrupted.Id), (resumed.Outcome, resumed.ResumedFrom));
        Assert.Equal(interrupted.HarvestStartedAt, resumed.HarvestStartedAt);
        Assert.Equal(savedToken, Searches()[searchesBefore].QueryValue("pageToken"));
        Assert.Equal(HarvestTestHost.ImportedContent(Registry), host.Content());
    }

    [Fact]
    public async Task The_rate_limit_holds_between_requests()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress, configure: s => s["Registry:RequestsPerSecond"] = "10");

        await host.HarvestAsync();

        var searches = Searches();
        Assert.True(searches.Count >= 5, $"only {searches.Count} requests");
        // Every request took a turn from the limiter (spaced 100 ms apart: CrawlDelayRateLimiterTests),
        // and the arrivals span the turns; single gaps measured in the stand-in registry can be
        // shortened by a loaded machine delaying one arrival's timestamp.
        Assert.Equal(Registry.Requests.Count(r => r.Path.StartsWith("/api/v2/", StringComparison.Ordinal)), host.RegistryTurns);
        var span = searches[^1].ElapsedSince(searches[0]);
        Assert.True(span >= TimeSpan.FromMilliseconds(100 * (searches.Count - 1) * 0.85), $"{searches.Count} requests within {span.TotalMilliseconds:N0} ms");
    }

    [Fact]
    public async Task A_harvest_against_a_closed_port_fails_cleanly_and_is_recorded()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort()}/api/v2/");
        using var host = HarvestTestHost.Create(closed, configure: s => s["Registry:MaxRetryAttempts"] = "1");

        var error = await Assert.ThrowsAsync<HarvestFailedException>(() => host.HarvestAsync());

        Assert.Contains("cannot reach the registry at http://127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        var run = host.Runs.Latest(HarvestTestHost.Everything)!;
        Assert.Equal((HarvestOutcome.Failed, error.Message[(error.Message.IndexOf("): ", StringComparison.Ordinal) + 3)..]), (run.Outcome, run.Error));
        using var connection = host.Database.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM studies"));
    }

    [Fact]
    public async Task A_failed_harvest_keeps_what_it_stored_and_the_next_resumes_from_its_checkpoint()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress, configure: s => s["Registry:MaxRetryAttempts"] = "1");
        Registry.InjectFault(Fault.ServiceUnavailable, 2, request => IsLaterPage(request) && Searches().Count >= 3);

        await Assert.ThrowsAsync<HarvestFailedException>(() => host.HarvestAsync());
        var failed = host.Runs.Latest(HarvestTestHost.Everything)!;
        Assert.Equal((HarvestOutcome.Failed, 2L), (failed.Outcome, failed.Pages));
        Assert.Contains("503", failed.Error, StringComparison.Ordinal);

        var resumed = await host.HarvestAsync();

        Assert.Equal(failed.Id, resumed.ResumedFrom);
        Assert.Equal(HarvestTestHost.ImportedContent(Registry), host.Content());
    }

    [Fact]
    public async Task The_shipped_hcc_irt_topic_finds_the_review_trials_and_nothing_unrelated()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress);
        var reviewTrials = File.ReadAllLines(Path.Combine(SharedData.Folder, "table1-review.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        var recorded = reviewTrials.Where(Registry.Studies.ContainsKey).ToList();

        await host.HarvestAsync("hcc-irt");

        using var connection = host.Database.Open();
        var found = connection.Query<string>("SELECT nct_id FROM topic_studies WHERE topic = 'hcc-irt' ORDER BY nct_id").ToList();
        // Seven of the eight have a record here; NCT04611165 could not be rebuilt (see shared/ctgov/reconstructed/SOURCES.md).
        Assert.Equal(7, recorded.Count);
        Assert.Equal(recorded.Order(StringComparer.Ordinal), found);
    }

    [Fact]
    public async Task After_a_resumed_harvest_the_next_counts_from_when_the_harvest_began()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress);
        var topicQuery = System.Text.Json.JsonSerializer.Serialize(new SortedDictionary<string, string> { ["query.term"] = "NCT" });
        using (var connection = host.Database.Open())
        {
            // Began Monday, interrupted; resumed and completed Thursday.
            connection.Execute("""
                INSERT INTO harvest_runs (id, topic, kind, started_at, harvest_started_at, outcome, query, topic_query, pages, owner)
                VALUES (1, 'everything', 'full', '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z', 'interrupted', @q, @q, 3, 'gone:1:1'),
                       (2, 'everything', 'full', '2026-01-08T09:00:00Z', '2026-01-05T09:00:00Z', 'succeeded', @q, @q, 7, 'gone:1:1')
                """, new { q = topicQuery });
        }

        var next = await host.HarvestAsync();

        Assert.Equal(("incremental", "2026-01-04"), (next.Kind, next.UpdatedSince));
    }

    [Fact]
    public async Task A_changed_topic_query_gets_a_full_harvest()
    {
        using var first = HarvestTestHost.Create(Registry.BaseAddress);
        await first.HarvestAsync();
        using var changed = HarvestTestHost.Create(Registry.BaseAddress, first.Database, s => s["Topics:1:Query:query.term"] = "NCT0");

        var run = await changed.HarvestAsync();

        Assert.Equal(("full", (string?)null), (run.Kind, run.UpdatedSince));
    }

    [Fact]
    public async Task A_run_left_running_by_a_dead_process_before_its_first_page_is_closed_and_harvested_afresh()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress);
        RunningRun(host, owner: $"{Environment.MachineName}:{int.MaxValue}:1"); // this machine, no such process

        var run = await host.HarvestAsync();

        Assert.Equal((HarvestOutcome.Succeeded, "full", (long?)null), (run.Outcome, run.Kind, run.ResumedFrom));
        Assert.Equal(HarvestOutcome.Interrupted, host.Runs.Recent(HarvestTestHost.Everything, 5).Single(r => r.Id == 1).Outcome);
    }

    [Fact]
    public async Task A_topic_being_harvested_by_a_live_process_is_not_harvested_twice()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress);
        RunningRun(host, owner: ProcessOwner.Current);

        var error = await Assert.ThrowsAsync<HarvestFailedException>(() => host.HarvestAsync());

        Assert.Contains("is being harvested already (run 1", error.Message, StringComparison.Ordinal);
        Assert.Empty(Searches());
    }

    [Fact]
    public async Task Repeated_failures_open_the_circuit_and_stop_asking()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress, configure: s =>
        {
            s["Registry:CircuitBreakerMinimumThroughput"] = "2";
            s["Registry:CircuitBreakerFailureRatio"] = "0.5";
            s["Registry:MaxRetryAttempts"] = "6";
        });
        Registry.InjectFault(Fault.ServiceUnavailable, 20, IsSearch);

        var error = await Assert.ThrowsAsync<HarvestFailedException>(() => host.HarvestAsync());

        Assert.Contains("too many registry failures in a row; requests are paused", error.Message, StringComparison.Ordinal);
        // Six retries would make seven requests; the open circuit stopped them after a failure or two.
        Assert.InRange(Searches().Count, 1, 3);
    }

    /// <summary>Run 1 of the topic, left 'running' by <paramref name="owner"/> before its first page.</summary>
    private static void RunningRun(HarvestTestHost host, string owner)
    {
        using var connection = host.Database.Open();
        connection.Execute("""
            INSERT INTO harvest_runs (id, topic, kind, started_at, harvest_started_at, outcome, query, topic_query, owner)
            VALUES (1, 'everything', 'full', '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z', 'running', '{}', '{}', @owner)
            """, new { owner });
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Reports on the harvesting thread itself (System.Progress would post to the thread pool).</summary>
    private sealed class Progress(Action<HarvestProgress> report) : IProgress<HarvestProgress>
    {
        public void Report(HarvestProgress value) => report(value);
    }
}
