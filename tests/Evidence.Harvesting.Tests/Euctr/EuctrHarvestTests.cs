using System.Text;
using System.Text.RegularExpressions;
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
        Assert.Equal((HarvestOutcome.Failed, 1L, "2"), (failed.Outcome, failed.Pages, failed.NextPageToken?.Split('|')[0]));
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
        Assert.Equal((HarvestOutcome.Interrupted, 1L, "2"), (interrupted.Outcome, interrupted.Pages, interrupted.NextPageToken?.Split('|')[0]));

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
        var page = "<!DOCTYPE html>\n<html><head><title>Maintenance</title></head><body><p>The register is being updated; please come back later.</p></body></html>\n"u8.ToArray();
        await using var maintenance = await EuctrStub.StartAsync(page, _ => page);
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
        Assert.Equal(4, requests.Count); // each of the two pages: its search page, then its download
        // The arrivals span the turns they took, less one interval of slack, as in CrawlDelayTests:
        // the first arrival, on a new connection, can reach the stand-in register late on a busy
        // machine (a CI run saw the four within 473 ms of 600 ms of turns), while the limiter
        // paces the sends. One sent without waiting would leave a span near zero.
        var span = requests[^1].ElapsedSince(requests[0]);
        Assert.True(span >= TimeSpan.FromMilliseconds(200 * (requests.Count - 2)), $"{requests.Count} requests within {span.TotalMilliseconds:N0} ms");
        Assert.Equal(0, host.RegistryTurns); // ClinicalTrials.gov's limiter saw none of them
    }

    private const string TrialA = "2022-002568-62"; // the download's first trial: page 1, one trial a page

    private const string TrialB = "2021-002179-21"; // its second: page 2

    /// <summary>A full-text download of the shared file's header and the records of the trials given, in that order, each renumbered as given.</summary>
    private static string DownloadOf(params (string Trial, string As)[] trials)
    {
        var text = File.ReadAllText(Download, Encoding.UTF8);
        var starts = Regex.Matches(text, @"^Summary\r?\nEudraCT Number: (?<number>\S+)", RegexOptions.Multiline);
        var result = new StringBuilder(text[..starts[0].Index]);
        foreach (var (trial, renumbered) in trials)
        {
            for (var i = 0; i < starts.Count; i++)
            {
                if (starts[i].Groups["number"].Value == trial)
                {
                    var end = i + 1 < starts.Count ? starts[i + 1].Index : text.Length;
                    result.Append(text[starts[i].Index..end].Replace(trial, renumbered, StringComparison.Ordinal));
                }
            }
        }

        return result.ToString();
    }

    /// <summary>The EudraCT numbers of the trials the topic's harvests found (topic_studies holds a record per member state).</summary>
    private static List<string> TopicTrials(HarvestTestHost host)
    {
        using var connection = host.Database.Open();
        return connection.Query<string>(
            "SELECT DISTINCT substr(nct_id, 6, 14) FROM topic_studies WHERE topic = @Topic ORDER BY 1", new { Topic }).ToList();
    }

    /// <summary>
    /// EUCTR pages by offset (page N is trials 20N-19 to 20N of the search), so a page number saved
    /// as a checkpoint names other trials once the search finds more or fewer than it did: a trial
    /// the search lost or gained before the checkpoint moves the trials after it by one. Here a run
    /// fails after page 1 (trial A); before it resumes at page 2, the search changes. Whatever
    /// resuming costs, a run that ends "succeeded" must hold every trial the search now finds.
    /// </summary>
    [Theory]
    [InlineData("lost")]   // trial A left the search (e.g. a status filter): B is now page 1; the checkpoint, page 2, is past the end
    [InlineData("gained")] // a trial X now comes first: X is page 1, A page 2, B page 3
    public async Task A_harvest_resumed_after_the_search_changed_stores_every_trial_the_search_finds(string change)
    {
        using var host = Host(s => s["Euctr:MaxRetryAttempts"] = "1");
        _registry.InjectFault(Fault.InternalServerError, 2, request => IsDownload(request) && request.Query["page"] == "2");
        await Assert.ThrowsAsync<HarvestFailedException>(() => host.HarvestAsync(Topic));
        Assert.StartsWith("2|", host.Runs.Latest(Topic)!.NextPageToken, StringComparison.Ordinal);
        Assert.Equal([TrialA], TopicTrials(host));

        const string TrialX = "2022-009999-99";
        var served = change == "lost" ? DownloadOf((TrialB, TrialB)) : DownloadOf((TrialA, TrialX), (TrialA, TrialA), (TrialB, TrialB));
        var file = Path.Combine(host.Database.Directory, $"euctr-{change}.txt");
        await File.WriteAllTextAsync(file, served, new UTF8Encoding(false));
        await using var changed = await ReplayRegistryServer.StartAsync(SharedData.CtGov, new ReplayRegistryOptions { EuctrFullText = [file], EuctrPageSize = 1 });
        using var resuming = Host(s => s["Euctr:BaseUrl"] = new Uri(changed.BaseAddress, "/").ToString(), host.Database);

        var resumed = await resuming.HarvestAsync(Topic);

        Assert.Equal(HarvestOutcome.Succeeded, resumed.Outcome);
        string[] found = change == "lost" ? [TrialB] : [TrialX, TrialA, TrialB];
        // Fails: "lost" stores an empty page 2 and succeeds without B; "gained" stores A again and B, never X.
        Assert.All(found, trial => Assert.Contains(trial, TopicTrials(resuming)));
    }

    /// <summary>
    /// The search page says which trials a page holds (its check boxes), and the download of that
    /// page is a separate request: if the two disagree (the download read the query or the paging
    /// otherwise, or the order changed between the requests), the records stored are not the ones
    /// the search found. Here the register's real search page for 2015-000590-12 (1 trial, that one)
    /// is answered by a download of two other trials (the real download file).
    /// </summary>
    [Fact]
    public async Task A_download_holding_trials_the_search_page_does_not_list_is_not_stored_as_the_topic_s()
    {
        var searchPage = await File.ReadAllBytesAsync(SharedData.EuctrFile("search_query_2015-000590-12_2019.html"));
        var download = await File.ReadAllBytesAsync(Download);
        await using var register = await EuctrStub.StartAsync(searchPage, _ => download);
        using var host = Host(s =>
        {
            s["Euctr:BaseUrl"] = register.BaseAddress.ToString();
            s["Topics:2:Query:query"] = "2015-000590-12";
        });

        try
        {
            await host.HarvestAsync(Topic);
        }
        catch (HarvestFailedException)
        {
            // Failing the run, with the trials that disagree named, is one right answer.
        }

        var run = host.Runs.Latest(Topic)!;
        // Fails: the run succeeds, found 1 trial, and the topic holds 2 others, none of them the one found.
        Assert.Empty(TopicTrials(host).Except(["2015-000590-12"]));
        Assert.True(run.Outcome != HarvestOutcome.Succeeded || TopicTrials(host).Contains("2015-000590-12"), $"run {run.Outcome} without the trial the search listed");
    }

    /// <summary>
    /// The other face of the same gap: a download that ends cleanly after a whole record but holds
    /// fewer trials than the search page lists (a register that stops writing after an error, a
    /// trial whose full text it cannot render) passes every check, since only an empty download is
    /// refused. Here the search page (the real one, made to list A and B: 2 trials, one page) is
    /// answered by a download of A alone.
    /// </summary>
    [Fact]
    public async Task A_download_missing_a_trial_the_search_page_lists_does_not_end_a_succeeded_harvest()
    {
        var listsAandB = await ListingAandB();
        var listed = TrialEvidence.Data.Registries.EuctrSearchPage.Read(new MemoryStream(Encoding.UTF8.GetBytes(listsAandB)));
        Assert.Equal(2, listed.TrialsFound);
        Assert.Equal([TrialA, TrialB], listed.EudraCtNumbers);
        var onlyA = Encoding.UTF8.GetBytes(DownloadOf((TrialA, TrialA)));
        await using var register = await EuctrStub.StartAsync(Encoding.UTF8.GetBytes(listsAandB), _ => onlyA);
        using var host = Host(s => s["Euctr:BaseUrl"] = register.BaseAddress.ToString());

        try
        {
            await host.HarvestAsync(Topic);
        }
        catch (HarvestFailedException)
        {
            // Failing the run (it resumes at the page), naming the trial missing, is one right answer.
        }

        var run = host.Runs.Latest(Topic)!;
        // Fails: the run succeeds with TotalCount 2 and only A's records; B is silently lost.
        Assert.True(run.Outcome != HarvestOutcome.Succeeded || TopicTrials(host).Contains(TrialB), $"run {run.Outcome}, found {run.TotalCount} trials, the topic holds {string.Join(", ", TopicTrials(host))}");
    }

    /// <summary>
    /// A trial EUCTR lists as run outside the EEA ("Clinical Trial Type: Outside EU/EEA", keyed
    /// -3rd) has no sections N and P: the register's own protocol page of one
    /// (../shared/registries/euctr/EUCTR2011-005852-33-3rd_protocol.html) ends with G and "H.4 Third
    /// Country in which the Trial was first authorised". This is that record in the download's
    /// form. The download check takes a record that does not end with "P. End of Trial" for a
    /// download cut short, so every attempt at a page holding such a trial is "cut short", and the
    /// run fails there on every resume: the topic never completes and no later page is harvested.
    /// </summary>
    private const string OutsideEeaRecord = """
        Summary
        EudraCT Number: 2011-005852-33
        Sponsor's Protocol Code Number: CCOA566B2306
        Clinical Trial Type: Outside EU/EEA
        Date on which this record was first entered in the EudraCT database: 2016-04-11
        Link: https://www.clinicaltrialsregister.eu/ctr-search/trial/2011-005852-33/3rd/

        A. Protocol Information
        A.2 EudraCT number: 2011-005852-33
        A.3 Full title of the trial: An open-label, single-arm study to evaluate the efficacy, safety and PK of artemether-lumefantrine Dispersible Tablet in the treatment of acute uncomplicated Plasmodium falciparum malaria in infants <5 kg Body Weight
        A.4.1 Sponsor's protocol code number: CCOA566B2306
        A.7 Trial is part of a Paediatric Investigation Plan: Yes
        A.8 EMA Decision number of Paediatric Investigation Plan: P/177/2010

        B. Sponsor Information
        B.Sponsor: 1
        B.1.1 Name of Sponsor: Novartis Pharma AG
        B.1.3.4 Country: Switzerland
        B.3.1 and B.3.2 Status of the sponsor: Commercial

        D. IMP Identification
        D.IMP: 1
        D.1.2 and D.1.3 IMP Role: Test
        D.3.1 Product name: artemether-lumefantrine

        E. General Information on the Trial
        E.1 Medical condition or disease under investigation
        E.1.1 Medical condition(s) being investigated: The purpose of the study is to obtain efficacy, safety and pharmacokinetic (PK) data following treatment with artemether-lumefantrine dispersible tablet in infants < 5 kg of body weight (BW) with uncomplicated falciparum malaria.
        E.1.1.1 Medical condition in easily understood language: Malaria, Falciparum
        E.7 Trial type and phase
        E.7.2 Therapeutic exploratory (Phase II): Yes
        E.8.6.2 Trial being conducted completely outside of the EEA: Yes
        E.8.6.3 Specify the countries outside of the EEA in which trial sites are planned: Benin
        Burkina Faso

        F. Population of Trial Subjects
        F.2.1 Female: Yes
        F.2.2 Male: Yes
        F.4.2.2 In the whole clinical trial: 30

        G. Investigator Networks to be involved in the Trial

        H.4 Third Country in which the Trial was first authorised
        H.4.1 Third Country in which the trial was first authorised: Burkina Faso


        """;

    [Fact]
    public async Task A_page_holding_a_trial_run_outside_the_eea_is_harvested()
    {
        // The record is read as a trial when it ends as an EEA record does: only its lack of section P is refused.
        var withP = DownloadOf() + OutsideEeaRecord.TrimEnd() + "\n\nP. End of Trial\nP. End of Trial Status: Completed\n";
        Assert.Single(TrialEvidence.Data.Registries.EuctrFullText.ReadStudies(new MemoryStream(Encoding.UTF8.GetBytes(withP))));
        var file = Path.Combine(Path.GetTempPath(), $"euctr-3rd-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, DownloadOf((TrialA, TrialA)) + OutsideEeaRecord, new UTF8Encoding(false));
        try
        {
            await using var register = await ReplayRegistryServer.StartAsync(SharedData.CtGov, new ReplayRegistryOptions { EuctrFullText = [file], EuctrPageSize = 1 });
            using var host = Host(s => s["Euctr:BaseUrl"] = new Uri(register.BaseAddress, "/").ToString());

            // Fails: HarvestFailedException "... the record of 2011-005852-33 ... does not end with its section P (End of Trial): the download was cut short".
            var run = await host.HarvestAsync(Topic);

            Assert.Equal(HarvestOutcome.Succeeded, run.Outcome);
            Assert.Contains("2011-005852-33", TopicTrials(host));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_download_that_disagrees_with_its_search_page_fails_the_run_naming_the_trials_and_stores_none_of_the_page()
    {
        var listsAandB = await ListingAandB();
        var aAndX = Encoding.UTF8.GetBytes(DownloadOf((TrialA, TrialA), (TrialB, "2020-000001-01")));
        await using var register = await EuctrStub.StartAsync(Encoding.UTF8.GetBytes(listsAandB), _ => aAndX);
        using var host = Host(s => s["Euctr:BaseUrl"] = register.BaseAddress.ToString());

        var error = await Assert.ThrowsAsync<HarvestFailedException>(() => host.HarvestAsync(Topic));

        Assert.Contains($"page 1 of EUCTR's download does not hold the trials its search page lists; missing: {TrialB}; not listed: 2020-000001-01", error.Message, StringComparison.Ordinal);
        Assert.Empty(TopicTrials(host));
        var run = host.Runs.Latest(Topic)!;
        Assert.Equal((HarvestOutcome.Failed, 0L), (run.Outcome, run.Pages));
    }

    /// <summary>The register's real search page for 2015-000590-12, made to list trials A and B (2 found, one page).</summary>
    private static async Task<string> ListingAandB() =>
        (await File.ReadAllTextAsync(SharedData.EuctrFile("search_query_2015-000590-12_2019.html")))
            .Replace("Trials with a EudraCT protocol (1)", "Trials with a EudraCT protocol (2)", StringComparison.Ordinal)
            .Replace("name=\"enchx\" value=\"2015-000590-12\"", $"name=\"enchx\" value=\"{TrialA}\"/><input type=\"checkbox\" name=\"enchx\" value=\"{TrialB}\"", StringComparison.Ordinal);

    private sealed class Progress(Action<HarvestProgress> report) : IProgress<HarvestProgress>
    {
        public void Report(HarvestProgress value) => report(value);
    }
}
