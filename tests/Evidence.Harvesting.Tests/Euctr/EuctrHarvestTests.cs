using Dapper;
using Microsoft.AspNetCore.Http;
using TrialEvidence.Data.Import;
using TrialEvidence.Harvesting;
using TrialEvidence.ReplayRegistry;

namespace TrialEvidence.Harvesting.Tests.Euctr;

/// <summary>
/// An EUCTR topic harvested from a replay of the register serving the real full-text download of
/// ../shared/registries/euctr (10 member-state records of 2 trials), one trial a page.
/// </summary>
public sealed class EuctrHarvestTests : IAsyncLifetime
{
    private const string Topic = "eu-trials";

    private static readonly string Download = SharedData.EuctrFile("euctr_fulltext_download_10records_2trials.txt");

    private ReplayRegistryServer _registry = null!;

    public async Task InitializeAsync() =>
        _registry = await ReplayRegistryServer.StartAsync(SharedData.CtGov, new ReplayRegistryOptions { EuctrFullText = [Download], EuctrPageSize = 1 });

    public async Task DisposeAsync() => await _registry.DisposeAsync();

    private static bool IsDownload(HttpRequest request) => request.Path.StartsWithSegments("/ctr-search/rest/download/full");

    private static bool IsEuctr(HttpRequest request) => request.Path.StartsWithSegments("/ctr-search");

    private List<RecordedRequest> Downloads() => _registry.Requests.Where(r => r.Path == "/ctr-search/rest/download/full").ToList();

    private HarvestTestHost Host(Action<Dictionary<string, string?>>? configure = null, TempDatabase? database = null) =>
        HarvestTestHost.Create(_registry.BaseAddress, database, settings =>
        {
            settings["Euctr:BaseUrl"] = new Uri(_registry.BaseAddress, "/").ToString();
            settings["Euctr:RequestsPerSecond"] = "200";
            settings["Euctr:AttemptTimeout"] = "00:00:02";
            settings["Euctr:MaxRetryAttempts"] = "3";
            settings["Euctr:RetryBaseDelay"] = "00:00:00.010";
            settings["Euctr:MaxRetryDelay"] = "00:00:00.100";
            settings["Topics:2:Name"] = Topic;
            settings["Topics:2:Schedule"] = "0 0 5 * * ?";
            settings["Topics:2:Registry"] = "EUCTR";
            settings["Topics:2:Query:query"] = "EudraCT";
            configure?.Invoke(settings);
        });

    /// <summary>The evidence that importing the download file itself stores.</summary>
    private static List<string> ImportedContent()
    {
        using var database = new TempDatabase();
        var summary = database.CreateImporter().Import(RecordSource.Expand([Download]));
        Assert.Empty(summary.Rejections);
        using var connection = database.Open();
        return EvidenceContent.Rows(connection);
    }

    [Fact]
    public async Task A_harvest_stores_every_member_state_record_as_importing_the_download_does_page_by_page()
    {
        using var host = Host();

        var run = await host.HarvestAsync(Topic);

        Assert.Equal((HarvestOutcome.Succeeded, "full", 2L, 2L), (run.Outcome, run.Kind, run.Pages, run.TotalCount));
        Assert.Equal(ImportedContent(), host.Content());
        Assert.Equal(["1", "2"], Downloads().Select(r => r.QueryValue("page")));
        Assert.All(Downloads(), r => Assert.Equal("EudraCT", r.QueryValue("query")));
        using var connection = host.Database.Open();
        var records = connection.Query<string>("SELECT nct_id FROM studies ORDER BY nct_id").ToList();
        Assert.Equal(8, records.Count);
        Assert.All(records, id => Assert.Equal("EUCTR", connection.ExecuteScalar<string>("SELECT registry FROM studies WHERE nct_id = @id", new { id })));
        Assert.Equal(records, connection.Query<string>("SELECT nct_id FROM topic_studies WHERE topic = @Topic ORDER BY nct_id", new { Topic }));
        // The member states' records of a trial are one trial: two listed.
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM studies WHERE shown_as IS NULL"));
        // Every version names the request it came from: the page of the download.
        Assert.All(connection.Query<string>("SELECT source FROM study_versions"), source =>
            Assert.Matches(@"/ctr-search/rest/download/full\?.*page=[12]", source));
    }

    [Fact]
    public async Task A_second_harvest_reads_the_search_again_and_stores_nothing_new()
    {
        using var host = Host();
        await host.HarvestAsync(Topic);
        var before = host.Content();

        var again = await host.HarvestAsync(Topic);

        Assert.Equal((HarvestOutcome.Succeeded, "full", 0L, 0L), (again.Outcome, again.Kind, again.StudiesNew, again.StudiesChanged));
        Assert.Equal(10, again.StudiesUnchanged);
        Assert.Equal(before, host.Content());
    }

    public static TheoryData<string> Faults() => ["503", "429", "reset", "truncated", "cut short", "slow"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failing_register_is_retried_and_nothing_is_lost_or_stored_twice(string fault)
    {
        using var host = Host();
        _registry.InjectFault(
            fault switch
            {
                "503" => Fault.ServiceUnavailable,
                "429" => Fault.TooManyRequests(0),
                "reset" => Fault.ConnectionReset,
                "truncated" => Fault.TruncatedBody,
                "cut short" => Fault.MalformedJson, // a whole 200 answer holding the first 40% of the download: a record cut short
                "slow" => Fault.Slow(TimeSpan.FromSeconds(4)), // longer than the 2 s attempt timeout
                _ => throw new ArgumentOutOfRangeException(nameof(fault)),
            },
            2,
            IsDownload);

        var run = await host.HarvestAsync(Topic);

        Assert.Equal(HarvestOutcome.Succeeded, run.Outcome);
        Assert.Equal(2, _registry.Requests.Count(r => r.Fault is not null));
        Assert.Equal(ImportedContent(), host.Content());
    }

    [Fact]
    public async Task A_failed_harvest_keeps_the_pages_it_stored_and_the_next_resumes_at_the_page_that_failed()
    {
        using var host = Host(s => s["Euctr:MaxRetryAttempts"] = "1");
        _registry.InjectFault(Fault.InternalServerError, 2, request => IsDownload(request) && request.Query["page"] == "2");

        var error = await Assert.ThrowsAsync<HarvestFailedException>(() => host.HarvestAsync(Topic));

        var failed = host.Runs.Latest(Topic)!;
        Assert.Equal((HarvestOutcome.Failed, 1L, "2"), (failed.Outcome, failed.Pages, failed.NextPageToken));
        Assert.Contains("500", failed.Error, StringComparison.Ordinal);
        Assert.Contains(failed.Error!, error.Message, StringComparison.Ordinal);
        using (var connection = host.Database.Open())
        {
            Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(DISTINCT substr(nct_id, 1, 14)) FROM studies"));
        }

        var downloadsBefore = Downloads().Count;
        var resumed = await host.HarvestAsync(Topic);

        Assert.Equal((HarvestOutcome.Succeeded, failed.Id), (resumed.Outcome, resumed.ResumedFrom));
        Assert.Equal(["2"], Downloads().Skip(downloadsBefore).Select(r => r.QueryValue("page")));
        Assert.Equal(ImportedContent(), host.Content());
    }

    [Fact]
    public async Task A_harvest_cancelled_after_a_page_resumes_from_the_next()
    {
        using var host = Host();
        using var cancel = new CancellationTokenSource();
        _registry.InjectFault(Fault.Slow(TimeSpan.FromSeconds(20)), 1, request => IsDownload(request) && request.Query["page"] == "2");
        var progress = new Progress(p =>
        {
            if (p.Pages == 1)
            {
                cancel.CancelAfter(TimeSpan.FromMilliseconds(200));
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.HarvestAsync(Topic, progress, cancel.Token));
        var interrupted = host.Runs.Latest(Topic)!;
        Assert.Equal((HarvestOutcome.Interrupted, 1L, "2"), (interrupted.Outcome, interrupted.Pages, interrupted.NextPageToken));

        var resumed = await host.HarvestAsync(Topic);

        Assert.Equal(interrupted.Id, resumed.ResumedFrom);
        Assert.Equal(ImportedContent(), host.Content());
    }

    [Fact]
    public async Task An_error_page_sent_as_a_download_fails_the_run_with_its_reason_and_stores_none_of_it()
    {
        using var host = Host(s => s["Euctr:MaxRetryAttempts"] = "1");
        await host.HarvestAsync(Topic);
        var before = host.Content();
        // Every answer of EUCTR from now on is an HTML page (a maintenance page sent with 200).
        await using var maintenance = await MaintenancePage.StartAsync();
        using var broken = Host(s => s["Euctr:BaseUrl"] = maintenance.BaseAddress.ToString(), host.Database);

        var error = await Assert.ThrowsAsync<HarvestFailedException>(() => broken.HarvestAsync(Topic));

        Assert.Contains("Trials with a EudraCT protocol", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a search results page", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, broken.Content());
    }

    [Fact]
    public async Task A_download_page_cut_short_on_every_attempt_fails_the_run_and_stores_none_of_that_page()
    {
        using var host = Host(s => s["Euctr:MaxRetryAttempts"] = "1");
        _registry.InjectFault(Fault.MalformedJson, 2, request => IsDownload(request) && request.Query["page"] == "2");

        var error = await Assert.ThrowsAsync<HarvestFailedException>(() => host.HarvestAsync(Topic));

        Assert.Contains("EUCTR full-text download", error.Message, StringComparison.Ordinal);
        Assert.Contains("line ", error.Message, StringComparison.Ordinal);
        using var connection = host.Database.Open();
        // Page 1's trial is stored; of page 2's, nothing.
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(DISTINCT substr(nct_id, 1, 14)) FROM studies"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM studies WHERE shown_as IS NULL"));
    }

    [Fact]
    public async Task A_search_that_finds_nothing_is_a_complete_harvest_of_no_trial()
    {
        using var host = Host(s => s["Topics:2:Query:query"] = "nowhere-to-be-found");

        var run = await host.HarvestAsync(Topic);

        Assert.Equal((HarvestOutcome.Succeeded, 0L, 0L), (run.Outcome, run.TotalCount, run.StudiesNew));
        Assert.Empty(Downloads());
    }

    [Fact]
    public async Task The_register_is_asked_at_its_own_pace_apart_from_clinicaltrials_gov()
    {
        using var host = Host(s => s["Euctr:RequestsPerSecond"] = "5");

        await host.HarvestAsync(Topic);

        var requests = _registry.Requests.Where(r => r.Path.StartsWith("/ctr-search", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, requests.Count); // the search, then two pages
        var span = requests[^1].ElapsedSince(requests[0]);
        Assert.True(span >= TimeSpan.FromMilliseconds(200 * (requests.Count - 1) * 0.85), $"{requests.Count} requests within {span.TotalMilliseconds:N0} ms");
        Assert.Equal(0, host.RegistryTurns); // ClinicalTrials.gov's limiter saw none of them
    }

    private sealed class Progress(Action<HarvestProgress> report) : IProgress<HarvestProgress>
    {
        public void Report(HarvestProgress value) => report(value);
    }
}
