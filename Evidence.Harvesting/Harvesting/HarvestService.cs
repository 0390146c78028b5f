using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using TrialEvidence.ClinicalTrialsGov;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Ingest;
using TrialEvidence.Data.Registry;
using TrialEvidence.Topics;

namespace TrialEvidence.Harvesting;

/// <summary>
/// Harvests one topic: the first time everything its query finds, afterwards only what changed
/// since the last complete harvest (minus a day). Each page's studies, the topic's membership and
/// the checkpoint (the next page token) are committed in one transaction, so a harvest stopped at
/// any moment resumes where it stopped and ends with the same database as an uninterrupted one.
/// A whole-registry topic's first harvest is the bulk download instead, streamed to disk beside
/// the database (resumable, <see cref="RegistryDownload"/>) and imported; imports are idempotent,
/// so one stopped midway is simply done again.
/// </summary>
public sealed partial class HarvestService(
    IClinicalTrialsGovApi api,
    RegistryDownload download,
    StudyImporter importer,
    EvidenceDatabase connections,
    HarvestRunStore runs,
    IOptionsMonitor<TopicsOptions> topics,
    IOptions<RegistryOptions> registry,
    IOptions<IngestOptions> ingest,
    IOptions<History.HistoryOptions> history,
    History.StudyHistory studyHistory,
    Euctr.IEuctrApi euctr,
    IOptions<Euctr.EuctrOptions> euctrOptions,
    TimeProvider clock,
    ILogger<HarvestService> logger)
{
    /// <exception cref="HarvestFailedException">The harvest failed; the run is recorded with the reason.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the run is recorded as interrupted and resumes next time.</exception>
    public Task<HarvestRun> HarvestAsync(string topicName, IProgress<HarvestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        HarvestAsync(topicName, ownerGone: false, progress, cancellationToken);

    /// <param name="ownerGone">
    /// The scheduler's cluster knows that the instance running the topic's harvest is gone (it
    /// stopped checking in): a run it left running is closed and resumed here, though its process,
    /// on another machine, cannot be seen from this one.
    /// </param>
    public async Task<HarvestRun> HarvestAsync(string topicName, bool ownerGone, IProgress<HarvestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var topic = topics.CurrentValue.Find(topicName) ?? throw new HarvestFailedException(
            topicName, null, $"there is no topic '{topicName}'; configured: {string.Join(", ", topics.CurrentValue.Topics.Select(t => t.Name))}");
        var run = Begin(topic, ownerGone: ownerGone);
        if (topic.IsEuctr)
        {
            await HarvestPagesAsync(run, progress, EuctrPages(run), cancellationToken).ConfigureAwait(false);
            Finish(run, HarvestOutcome.Succeeded, null);
            return runs.Latest(topic.Name)!;
        }

        if (run.Query == DownloadQuery)
        {
            await DownloadAndImportAsync(run, progress, cancellationToken).ConfigureAwait(false);
            Finish(run, HarvestOutcome.Succeeded, null);
            return runs.Latest(topic.Name)!;
        }

        try
        {
            await HarvestPagesAsync(run, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryStatusException ex) when (ex.Status == HttpStatusCode.BadRequest && run.ResumedFrom is not null && run.NextPageToken is not null)
        {
            // Page tokens do not live for ever: when the registry refuses the saved one, the
            // checkpoint is worthless and the harvest starts over (studies already stored stay).
            Finish(run, HarvestOutcome.Failed, $"the registry no longer accepts the saved page token; starting over ({ex.Message})");
            LogStartingOver(logger, topic.Name, run.Id);
            run = Begin(topic, allowResume: false);
            await HarvestPagesAsync(run, progress, cancellationToken).ConfigureAwait(false);
        }

        Finish(run, HarvestOutcome.Succeeded, null);
        await ReadEarlierVersionsAsync(topic.Name, run, cancellationToken).ConfigureAwait(false);
        return runs.Latest(topic.Name)!;
    }

    /// <summary>
    /// With History:Enabled, the versions the registry showed before this harvest found its new
    /// trials (best effort, after the run is recorded: a failure costs the trial its earlier
    /// history, never the harvest).
    /// </summary>
    private async Task ReadEarlierVersionsAsync(string topic, HarvestRun run, CancellationToken cancellationToken)
    {
        if (!history.Value.Enabled)
        {
            return;
        }

        foreach (var nctId in runs.FirstSeenIn(topic, [run.Id, .. run.ResumedFrom is { } resumed ? [resumed] : Array.Empty<long>()], history.Value.MaxTrialsPerHarvest))
        {
            await studyHistory.FetchEarlierAsync(nctId, cancellationToken).ConfigureAwait(false);
        }
    }

    private HarvestRun Begin(TopicOptions topic, bool allowResume = true, bool ownerGone = false)
    {
        var now = Now();
        var latest = runs.Latest(topic.Name);
        if (latest?.Outcome == HarvestOutcome.Running)
        {
            if (!ownerGone && ProcessOwner.IsAlive(latest.Owner))
            {
                throw AlreadyRunning(topic.Name, latest);
            }

            // Killed or crashed, before its first page, mid-harvest or after its last: close it.
            runs.Finish(latest.Id, HarvestOutcome.Interrupted, now, ownerGone
                ? $"the scheduler instance running it ({latest.Owner}) stopped checking in; another took the harvest over"
                : "the process running it stopped (killed or crashed)");
            latest = latest with { Outcome = HarvestOutcome.Interrupted };
        }

        var topicQuery = topic.IsEuctr
            ? JsonSerializer.Serialize(EuctrQuery(topic))
            : JsonSerializer.Serialize(StudySearch.From(topic.SearchParameters()).ToParameters());
        HarvestRun run;
        if (allowResume && latest is { NextPageToken: not null, Outcome: HarvestOutcome.Interrupted or HarvestOutcome.Failed } && latest.TopicQuery == topicQuery)
        {
            run = latest with { Id = 0, StartedAt = now, Outcome = HarvestOutcome.Running, ResumedFrom = latest.Id, Pages = 0, Owner = ProcessOwner.Current };
        }
        else if (topic.IsEuctr)
        {
            // EUCTR takes no new trials (CTIS does since 2023) and has no "changed since" search:
            // every harvest reads the search whole, and what did not change is stored as unchanged.
            run = new HarvestRun
            {
                Topic = topic.Name,
                Kind = HarvestKind.Full,
                StartedAt = now,
                HarvestStartedAt = now,
                Outcome = HarvestOutcome.Running,
                Query = topicQuery,
                TopicQuery = topicQuery,
                Owner = ProcessOwner.Current,
            };
        }
        else
        {
            var search = StudySearch.From(topic.SearchParameters());
            string? since = null;
            // Incremental only after a complete harvest of this same query: a changed query has
            // older matches that no date range would bring.
            if (runs.LastComplete(topic.Name) is { } last && last.TopicQuery == topicQuery)
            {
                // A day of overlap: the registry posts by date, and a harvest may start mid-day.
                since = last.Started.UtcDateTime.Date.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var range = $"AREA[LastUpdatePostDate]RANGE[{since},MAX]";
                search = search with { Advanced = search.Advanced is null ? range : $"({search.Advanced}) AND {range}" };
            }

            run = new HarvestRun
            {
                Topic = topic.Name,
                Kind = since is null ? HarvestKind.Full : HarvestKind.Incremental,
                StartedAt = now,
                HarvestStartedAt = now,
                Outcome = HarvestOutcome.Running,
                Query = since is null && topic.WholeRegistry ? DownloadQuery : JsonSerializer.Serialize(search.ToParameters()),
                TopicQuery = topicQuery,
                UpdatedSince = since,
                Owner = ProcessOwner.Current,
            };
        }

        // The unique index on running runs settles a race with another process starting the same topic.
        run = run with { Id = runs.TryStart(run) ?? throw AlreadyRunning(topic.Name, runs.Latest(topic.Name)!) };
        if (run.ResumedFrom is { } resumedFrom)
        {
            LogResumed(logger, topic.Name, run.Id, run.Kind, resumedFrom);
        }
        else
        {
            LogStarted(logger, topic.Name, run.Id, run.Kind);
        }

        return run;
    }

    /// <summary>The query of a run that is the bulk download (a full harvest of a whole-registry topic).</summary>
    private static readonly string DownloadQuery = JsonSerializer.Serialize(new Dictionary<string, string> { ["download"] = "studies/download?format=json.zip" });

    /// <summary>
    /// The bulk download, then its import with the topic's membership and the run's counts in
    /// each batch's transaction. The run's harvest start becomes the download's start, so the next
    /// (incremental) harvest asks for everything changed since the data was fetched (or since the
    /// release /version names, if that is older).
    /// </summary>
    private async Task DownloadAndImportAsync(HarvestRun run, IProgress<HarvestProgress>? progress, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(connections.WorkFolder, "downloads", run.Topic);
        var clock = Stopwatch.StartNew();
        try
        {
            var dataTimestamp = await RecordRegistryVersionAsync(run, cancellationToken).ConfigureAwait(false);
            var downloaded = await download.DownloadAsync(folder, new Progress<long>(bytes => LogDownloaded(logger, run.Topic, bytes / 1048576)), cancellationToken).ConfigureAwait(false);
            // The data is no newer than the download's start, nor than the release /version names.
            var dataFrom = DateTimeOffset.TryParse(dataTimestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var release) && release < downloaded.StartedAt
                ? release
                : downloaded.StartedAt;
            runs.SetHarvestStartedAt(run.Id, dataFrom.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            LogDownloadImporting(logger, run.Topic, downloaded.Bytes / 1048576, downloaded.ZipPath);
            var pages = 0;
            var summary = await Task.Run(
                () => importer.Import(
                    RecordSource.Expand([downloaded.ZipPath]),
                    new SyncProgress<ImportSummary>(imported => progress?.Report(new HarvestProgress(run.Topic, run.Id, ++pages, null, importer.BatchSize, imported.Read, clock.Elapsed))),
                    runs.PageWriter(run, null, null),
                    cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (summary.Rejections.FirstOrDefault(r => r.WholeSource) is { } broken)
            {
                RegistryDownload.Delete(folder);
                throw new RegistryResponseException($"the registry's bulk download cannot be read ({broken.Reason}); it was deleted and the next harvest downloads it again");
            }

            foreach (var rejection in summary.Rejections)
            {
                LogRejected(logger, run.Topic, rejection.ToString());
            }

            RegistryDownload.Delete(folder);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Finish(run, HarvestOutcome.Interrupted, "cancelled; the next run resumes the download, or imports it again (unchanged studies are skipped)");
            throw;
        }
        catch (Exception ex)
        {
            var reason = Describe(ex, run);
            Finish(run, HarvestOutcome.Failed, reason);
            throw new HarvestFailedException(run.Topic, run.Id, $"harvest of '{run.Topic}' failed (run {run.Id}): {reason}", ex);
        }
    }

    /// <summary>Reports on the thread that reports (the importer's writer), unlike <see cref="Progress{T}"/>.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private static HarvestFailedException AlreadyRunning(string topic, HarvestRun running) =>
        new(topic, running.Id, $"topic '{topic}' is being harvested already (run {running.Id}, by {running.Owner}); this harvest did not start");

    private Task HarvestPagesAsync(HarvestRun run, IProgress<HarvestProgress>? progress, CancellationToken cancellationToken)
    {
        var parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(run.Query)!;
        var search = StudySearch.From(parameters) with { PageSize = registry.Value.PageSize };
        return HarvestPagesAsync(
            run,
            progress,
            (token, cancel) => FetchPageAsync(search with { PageToken = token, CountTotal = token is null ? "true" : null }, cancel),
            cancellationToken);
    }

    /// <summary>
    /// The pages of a search, from the run's checkpoint on, each stored with the next checkpoint in
    /// its transaction; <paramref name="fetch"/> reads the page a checkpoint (null: the first) names.
    /// </summary>
    private async Task HarvestPagesAsync(HarvestRun run, IProgress<HarvestProgress>? progress, Func<string?, CancellationToken, Task<Page>> fetch, CancellationToken cancellationToken)
    {
        var clinicalTrialsGov = !IsEuctr(run);
        var token = run.NextPageToken;
        var clock = Stopwatch.StartNew();
        long pages = 0, studies = 0, studiesPerPage = 0;
        long? totalCount = run.TotalCount;
        var latest = new HarvestProgress(run.Topic, run.Id, pages, clinicalTrialsGov ? totalCount : null, 0, studies, TimeSpan.Zero);
        // A registry that fails is retried for minutes: say so (the run's row, for the page, and
        // the progress, for the command line) rather than look stuck.
        var retrying = false;
        using var retries = RegistryRetry.Observe(retry =>
        {
            retrying = true;
            runs.SetRetrying(run.Id, retry.ToString());
            progress?.Report(latest with { Elapsed = clock.Elapsed, Retry = retry });
        });
        try
        {
            if (clinicalTrialsGov)
            {
                await RecordRegistryVersionAsync(run, cancellationToken).ConfigureAwait(false);
            }

            if (retrying)
            {
                runs.SetRetrying(run.Id, null);
            }

            while (true)
            {
                var page = await fetch(token, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                totalCount ??= page.TotalCount;
                StorePage(run, page); // clears the run's retrying too
                page.Check?.Invoke();
                pages++;
                studies += page.Studies.Read;
                studiesPerPage = Math.Max(studiesPerPage, page.Studies.Read); // the registry's, not the size asked for
                // EUCTR counts trials and sends a record per member state: its total is no count of records.
                latest = new HarvestProgress(run.Topic, run.Id, pages, clinicalTrialsGov ? totalCount : null, (int)studiesPerPage, studies, clock.Elapsed);
                progress?.Report(latest);
                if (page.NextPageToken is null)
                {
                    return;
                }

                token = page.NextPageToken;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Finish(run, HarvestOutcome.Interrupted, "cancelled; the next run resumes from the last stored page");
            throw;
        }
        catch (Exception ex) when (ex is not RegistryStatusException { Status: HttpStatusCode.BadRequest } || run.ResumedFrom is null || !clinicalTrialsGov)
        {
            var reason = Describe(ex, run);
            Finish(run, HarvestOutcome.Failed, reason);
            throw new HarvestFailedException(run.Topic, run.Id, $"harvest of '{run.Topic}' failed (run {run.Id}): {reason}", ex);
        }
    }

    /// <summary>
    /// Notes which release of the registry's data the run reads (provenance). An unreachable
    /// registry fails the run here, with that reason; a /version that answers but cannot be used
    /// (an error status, an unexpected body) is logged and the harvest goes on without it.
    /// </summary>
    private async Task<string?> RecordRegistryVersionAsync(HarvestRun run, CancellationToken cancellationToken)
    {
        try
        {
            var version = await api.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            runs.SetRegistryDataTimestamp(run.Id, version.DataTimestamp);
            return version.DataTimestamp;
        }
        catch (Refit.ApiException ex)
        {
            var reason = ex.GetBaseException().Message;
            LogNoVersion(logger, run.Topic, run.Id, reason);
            return null;
        }
    }

    private async Task<Page> FetchPageAsync(StudySearch search, CancellationToken cancellationToken)
    {
        using var response = await api.SearchStudiesAsync(search, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await RegistryStatusException.FromAsync(response, cancellationToken).ConfigureAwait(false);
        }

        var source = response.RequestMessage?.RequestUri?.ToString() ?? "registry search";
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var reader = new StudyJsonReader(body, source) { MaxRecordBytes = ingest.Value.MaxRecordBytes };
        var studies = new IngestBatch();
        foreach (var json in reader.ReadStudies())
        {
            studies.Add(json, source);
        }

        if (!reader.IsSearchPage)
        {
            throw new MalformedJsonException(source, 0, 1, 1, "the registry's search answer is not a page of studies");
        }

        return new Page(studies, reader.NextPageToken, reader.TotalCount);
    }

    private void StorePage(HarvestRun run, Page page)
    {
        foreach (var rejection in page.Studies.Rejections)
        {
            LogRejected(logger, run.Topic, rejection.ToString());
        }

        runs.StorePage(run, page.Studies, page.NextPageToken, page.TotalCount);
    }

    private void Finish(HarvestRun run, string outcome, string? error)
    {
        runs.Finish(run.Id, outcome, Now(), error);
        LogFinished(logger, run.Topic, run.Id, outcome, error);
    }

    private string Now() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>One line a user can act on, without a stack trace.</summary>
    private string Describe(Exception ex, HarvestRun run)
    {
        // Refit wraps what the handlers threw; the cause is the first exception we know.
        for (var cause = ex; cause is not null; cause = cause.InnerException)
        {
            if (cause is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or RegistryStatusException
                or RegistryResponseException or MalformedJsonException or Data.Registries.RegistryFormatException or Euctr.EuctrMismatchException)
            {
                ex = cause;
                break;
            }
        }

        return IsEuctr(run) ? DescribeEuctrCause(ex) : DescribeCause(ex);
    }

    private string DescribeEuctrCause(Exception ex) => ex switch
    {
        HttpRequestException { InnerException: SocketException socket } =>
            $"cannot reach EUCTR at {euctrOptions.Value.BaseUrl} ({socket.SocketErrorCode}: {socket.Message})",
        HttpRequestException http => $"cannot reach EUCTR at {euctrOptions.Value.BaseUrl} ({http.Message})",
        TimeoutRejectedException => $"EUCTR did not answer in time (attempt timeout {euctrOptions.Value.AttemptTimeout})",
        _ => DescribeCause(ex),
    };

    private string DescribeCause(Exception ex) => ex switch
    {
        HttpRequestException { InnerException: SocketException socket } =>
            $"cannot reach the registry at {registry.Value.BaseUrl} ({socket.SocketErrorCode}: {socket.Message})",
        HttpRequestException http => $"cannot reach the registry at {registry.Value.BaseUrl} ({http.Message})",
        TimeoutRejectedException => $"the registry did not answer in time (attempt timeout {registry.Value.AttemptTimeout}, total {registry.Value.TotalTimeout})",
        BrokenCircuitException => $"too many registry failures in a row; requests are paused for {registry.Value.CircuitBreakerBreakDuration}",
        RegistryStatusException or RegistryResponseException or MalformedJsonException or Data.Registries.RegistryFormatException or Euctr.EuctrMismatchException => ex.Message,
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    private sealed record Page(IngestBatch Studies, string? NextPageToken, long? TotalCount)
    {
        /// <summary>What must hold once the page is stored, for the run to succeed (run after the page's commit).</summary>
        public Action? Check { get; init; }
    }

    /// <summary>The key under which an EUCTR topic's run query names its registry, beside the search form's parameters.</summary>
    public const string RegistryKey = "registry";

    private static SortedDictionary<string, string> EuctrQuery(TopicOptions topic) =>
        new(topic.Query.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal) { [RegistryKey] = TopicOptions.Euctr };

    private static bool IsEuctr(HarvestRun run) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(run.Query) is { } query && query.TryGetValue(RegistryKey, out var name) && name == TopicOptions.Euctr;

    /// <summary>
    /// An EUCTR search page by page. Each page is two requests: the search results page N (which
    /// trials it holds; the first also says how many were found) and page N's full-text download,
    /// which must hold exactly those trials, no more and no fewer, or the run fails there naming
    /// them. The checkpoint is the next page's number with the search it belongs to (the count
    /// found and the first page's trials): EUCTR pages by position, so a run resumed after the
    /// search changed starts again from page 1 rather than skip or repeat trials. At the end, the
    /// trials stored since the run (or the run it resumes) began must be as many as were found.
    /// </summary>
    private Func<string?, CancellationToken, Task<Page>> EuctrPages(HarvestRun run)
    {
        var query = JsonSerializer.Deserialize<Dictionary<string, string>>(run.Query)!;
        query.Remove(RegistryKey);
        EuctrSearch? search = null;
        var storedSince = runs.FirstOfChain(run);
        return async (token, cancellationToken) =>
        {
            var checkpoint = EuctrCheckpoint.Parse(token);
            var number = checkpoint?.Page ?? 1;
            var listing = await EuctrSearchPageAsync(query, number, cancellationToken).ConfigureAwait(false);
            if (search is null)
            {
                var first = number == 1 ? listing : await EuctrSearchPageAsync(query, 1, cancellationToken).ConfigureAwait(false);
                search = EuctrSearch.Of(first);
                if (checkpoint is not null && (checkpoint.Found != search.Found || checkpoint.FirstPage != search.FirstPage))
                {
                    // Not the search the checkpoint belongs to: its page N holds other trials now.
                    LogEuctrSearchChanged(logger, run.Topic, run.Id, checkpoint.Found, search.Found);
                    (number, listing, storedSince) = (1, first, run.Id);
                }
            }

            if (search.Found == 0)
            {
                return new Page(new IngestBatch(), null, 0);
            }

            if (listing.EudraCtNumbers.Count == 0)
            {
                throw new Euctr.EuctrMismatchException($"page {number} of EUCTR's search lists no trial, though the search found {search.Found:N0}; the search changed while it was read, or the page is not EUCTR's");
            }

            using var download = await euctr.DownloadPageAsync(query, number, cancellationToken).ConfigureAwait(false);
            if (!download.IsSuccessStatusCode)
            {
                throw await RegistryStatusException.FromAsync(download, cancellationToken).ConfigureAwait(false);
            }

            var source = download.RequestMessage?.RequestUri?.ToString() ?? $"EUCTR download page {number}";
            var body = await download.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var studies = Euctr.EuctrDownloadPage.Read(body, source, ingest.Value.MaxRecordBytes);
            var downloaded = studies.Studies.Select(s => Data.Studies.Registrations.KeyOf(s.Study.Record.NctId)).OfType<string>()
                .Select(key => key["EudraCT ".Length..]).ToHashSet(StringComparer.Ordinal);
            var listed = listing.EudraCtNumbers.ToHashSet(StringComparer.Ordinal);
            if (!downloaded.SetEquals(listed))
            {
                var missing = listed.Except(downloaded).Order(StringComparer.Ordinal).ToList();
                var extra = downloaded.Except(listed).Order(StringComparer.Ordinal).ToList();
                throw new Euctr.EuctrMismatchException(
                    $"page {number} of EUCTR's download does not hold the trials its search page lists"
                    + (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : string.Empty)
                    + (extra.Count > 0 ? $"; not listed: {string.Join(", ", extra)}" : string.Empty)
                    + "; nothing of the page was stored");
            }

            var pages = listing.Pages ?? search.Pages;
            if (number < pages)
            {
                return new Page(studies, new EuctrCheckpoint(number + 1, search.Found, search.FirstPage).ToString(), search.Found);
            }

            // The last page: every trial found must have been stored by now, by this run or the run it resumes.
            return new Page(studies, null, search.Found) { Check = () => CheckEuctrComplete(run, storedSince, search.Found) };
        };
    }

    private async Task<Data.Registries.EuctrSearchPage> EuctrSearchPageAsync(Dictionary<string, string> query, int number, CancellationToken cancellationToken)
    {
        using var response = await euctr.SearchAsync(query, number, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await RegistryStatusException.FromAsync(response, cancellationToken).ConfigureAwait(false);
        }

        await using var html = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return Data.Registries.EuctrSearchPage.Read(html);
    }

    /// <summary>Trials the search found but no page of it stored: the search changed while it was read (a trial moved to a page already read).</summary>
    private void CheckEuctrComplete(HarvestRun run, long storedSince, int found)
    {
        var stored = runs.TrialsStoredSince(run.Topic, storedSince);
        if (stored < found)
        {
            throw new Euctr.EuctrMismatchException(
                $"EUCTR's search found {found:N0} trials but its pages held {stored:N0}: the search changed while it was read; the next harvest reads it again from the start");
        }
    }

    /// <summary>The search a run reads: how many trials, how many pages, and which trials its first page holds.</summary>
    private sealed record EuctrSearch(int Found, int Pages, string FirstPage)
    {
        public static EuctrSearch Of(Data.Registries.EuctrSearchPage first) => new(
            first.TrialsFound,
            first.Pages ?? (first.TrialsFound == 0 || first.EudraCtNumbers.Count == 0 ? 0 : (first.TrialsFound + first.EudraCtNumbers.Count - 1) / first.EudraCtNumbers.Count),
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join(',', first.EudraCtNumbers))))[..16]);
    }

    /// <summary>An EUCTR run's checkpoint: the next page, of the search that found <paramref name="Found"/> trials with these on its first page.</summary>
    private sealed record EuctrCheckpoint(int Page, int Found, string FirstPage)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Page}|{Found}|{FirstPage}");

        /// <summary>Null for no checkpoint; one that is not of this form names page 1 of no known search.</summary>
        public static EuctrCheckpoint? Parse(string? token)
        {
            if (token is null)
            {
                return null;
            }

            var parts = token.Split('|');
            return parts.Length == 3
                   && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
                   && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var found)
                ? new EuctrCheckpoint(page, found, parts[2])
                : new EuctrCheckpoint(1, -1, string.Empty);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Harvest of {Topic} run {RunId}: EUCTR's search is not the one the checkpoint was saved in (found {Before} trials, now {Now}, or other trials first); reading it again from page 1")]
    private static partial void LogEuctrSearchChanged(ILogger logger, string topic, long runId, int before, int now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Harvest of {Topic} started: run {RunId}, {Kind}")]
    private static partial void LogStarted(ILogger logger, string topic, long runId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Harvest of {Topic} started: run {RunId}, {Kind}, resuming run {ResumedFrom} from its checkpoint")]
    private static partial void LogResumed(ILogger logger, string topic, long runId, string kind, long resumedFrom);

    [LoggerMessage(Level = LogLevel.Information, Message = "Harvest of {Topic} run {RunId} ended {Outcome} {Error}")]
    private static partial void LogFinished(ILogger logger, string topic, long runId, string outcome, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Harvest of {Topic}: a study was rejected: {Rejection}")]
    private static partial void LogRejected(ILogger logger, string topic, string rejection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Harvest of {Topic} run {RunId}: the registry's /version could not be read ({Reason})")]
    private static partial void LogNoVersion(ILogger logger, string topic, long runId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Harvest of {Topic}: {MiB} MiB of the registry's bulk download on disk")]
    private static partial void LogDownloaded(ILogger logger, string topic, long miB);

    [LoggerMessage(Level = LogLevel.Information, Message = "Harvest of {Topic}: importing the bulk download ({MiB} MiB, {Path})")]
    private static partial void LogDownloadImporting(ILogger logger, string topic, long miB, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Harvest of {Topic}: run {RunId} could not resume its saved page token; starting over")]
    private static partial void LogStartingOver(ILogger logger, string topic, long runId);
}
