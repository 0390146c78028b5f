using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrialEvidence.Data.Changes;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Ingest;
using TrialEvidence.Data.Registry;

namespace TrialEvidence.History;

/// <summary>What reading a trial's earlier versions stored.</summary>
public sealed record HistoryOutcome(string NctId, int Listed, int Stored, string? Problem);

/// <summary>
/// Stores the versions of a trial the registry showed before TrialEvidence first saw it, from the
/// website's version history: each version older than the oldest stored, as received, kept as
/// history (it is older, so it never becomes current), then the trial's changes rebuilt in
/// registry order (by the batch writer). Any failure (an error answer, a shape not as described, a version without its
/// date) leaves the trial with no earlier history and is reported, not thrown.
/// </summary>
public sealed partial class StudyHistory(
    IClinicalTrialsGovHistory client,
    StudyIngest ingest,
    EvidenceDatabase connections,
    IOptions<HistoryOptions> options,
    ILogger<StudyHistory> logger)
{
    public async Task<HistoryOutcome> FetchEarlierAsync(string nctId, CancellationToken cancellationToken)
    {
        try
        {
            return await FetchAsync(nctId, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // best effort by design: whatever goes wrong costs the trial its earlier history, never the harvest
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogNoHistory(logger, nctId, ex.Message);
            return new HistoryOutcome(nctId, 0, 0, ex.Message);
        }
    }

    private async Task<HistoryOutcome> FetchAsync(string nctId, CancellationToken cancellationToken)
    {
        using var listing = await client.VersionsAsync(nctId, cancellationToken).ConfigureAwait(false);
        Ensure(listing);
        var entries = new List<(int Version, string Date)>();
        using (var document = JsonDocument.Parse(await listing.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)))
        {
            foreach (var change in document.RootElement.GetProperty("history").GetProperty("changes").EnumerateArray())
            {
                entries.Add((change.GetProperty("version").GetInt32(), change.GetProperty("date").GetString() ?? throw new InvalidDataException("a version without its date")));
            }
        }

        string? oldest;
        using (var connection = connections.Open())
        {
            oldest = connection.ExecuteScalar<string?>(connection.Sql("SELECT MIN(last_update_posted_date) FROM study_versions WHERE nct_id = @nctId"), new { nctId });
        }

        // The newest of them when there are more than may be read: those just before the first
        // stored version say most of what changed since.
        var earlier = entries.Where(e => oldest is null || string.CompareOrdinal(e.Date, oldest) < 0)
            .OrderByDescending(e => e.Version).Take(options.Value.MaxVersionsPerTrial).OrderBy(e => e.Version).ToList();
        var batch = new IngestBatch(earlier.Count);
        foreach (var (version, _) in earlier)
        {
            using var response = await client.VersionAsync(nctId, version, cancellationToken).ConfigureAwait(false);
            Ensure(response);
            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            // The study object as the registry wrote it inside the answer (GetRawText is the original text).
            var study = Encoding.UTF8.GetBytes(document.RootElement.GetProperty("study").GetRawText());
            batch.Add(new StudyJson(study, 0, 0), response.RequestMessage?.RequestUri?.AbsoluteUri ?? $"history/{nctId}/{version}");
        }

        if (batch.Rejections.Count > 0 || batch.Studies.Any(s => s.Study.Record.NctId != nctId || s.Study.Record.LastUpdatePostedDate is null))
        {
            throw new InvalidDataException(batch.Rejections.Count > 0
                ? $"a version is not a usable record ({batch.Rejections[0].Reason})"
                : "a version is of another trial or has no last update date");
        }

        // Older than what is stored: kept as history, and the writer makes the trial's changes follow them.
        var stored = ingest.Store(batch);
        LogStored(logger, nctId, stored.New + stored.Changed, entries.Count);
        return new HistoryOutcome(nctId, entries.Count, (int)(stored.New + stored.Changed), null);
    }

    private static void Ensure(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"the version history answered {(int)response.StatusCode} {response.ReasonPhrase}"));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Version history of {NctId}: {Stored} earlier version(s) stored of {Listed} listed")]
    private static partial void LogStored(ILogger logger, string nctId, long stored, int listed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Version history of {NctId} not read ({Reason}); the trial has no earlier history")]
    private static partial void LogNoHistory(ILogger logger, string nctId, string reason);
}
