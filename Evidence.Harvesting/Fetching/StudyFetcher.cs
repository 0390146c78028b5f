using System.Globalization;
using System.Net;
using Dapper;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Registry;
using TrialEvidence.Data.Studies;
using TrialEvidence.ClinicalTrialsGov;
using TrialEvidence.Harvesting;

namespace TrialEvidence.Fetching;

/// <summary>What fetching one NCT id did.</summary>
public sealed record FetchResult(string RequestedNctId, string NctId, string Outcome, string? RetiredInto);

/// <summary>
/// Fetches single studies by NCT id (GET /studies/{id}), for curated lists and checks of one
/// trial. Sends If-None-Match with the ETag the registry last gave for the URL (304: nothing to
/// do), and follows a 301 for a retired id to the id that replaced it, recording the alias.
/// </summary>
public sealed class StudyFetcher(IClinicalTrialsGovApi api, SqliteConnectionFactory connections, StudyWriter writer, TimeProvider clock)
{
    private const int MaxRedirects = 3;

    public async Task<FetchResult> FetchAsync(string nctId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nctId);
        var requested = nctId.Trim().ToUpperInvariant();
        if (!NctId.IsValid(requested))
        {
            throw new ArgumentException($"'{nctId}' is not an NCT id (NCT followed by 8 digits)", nameof(nctId));
        }

        var current = requested;
        string? retiredInto = null;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            var etag = KnownEtag(current);
            using var response = await api.GetStudyAsync(current, etag, cancellationToken).ConfigureAwait(false);
            var url = response.RequestMessage?.RequestUri?.ToString() ?? current;
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotModified:
                    return new FetchResult(requested, current, "unchanged (304)", retiredInto);
                case HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect or HttpStatusCode.Found:
                    var target = RedirectTarget(response) ?? throw new RegistryStatusException(response.StatusCode, $"{url} moved without saying where");
                    RecordAlias(current, target);
                    retiredInto = target;
                    current = target;
                    continue;
                case HttpStatusCode.OK:
                    return new FetchResult(requested, current, await StoreAsync(response, url, cancellationToken).ConfigureAwait(false), retiredInto);
                default:
                    throw await RegistryStatusException.FromAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new RegistryStatusException(HttpStatusCode.MovedPermanently, $"{requested} redirects more than {MaxRedirects} times");
    }

    private async Task<string> StoreAsync(HttpResponseMessage response, string url, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var study = new StudyJsonReader(body, url).ReadStudies().Single();
        var parsed = ParsedStudy.From(study);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var outcome = writer.WriteBatch(connection, transaction, [new IncomingStudy(parsed, url)])[0];
        if (response.Headers.ETag is { } etag)
        {
            connection.Execute("""
                INSERT INTO http_etags (url, etag, seen_at) VALUES (@url, @etag, @now)
                ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, seen_at = excluded.seen_at
                """, new { url = EtagKey(parsed.Record.NctId), etag = etag.ToString(), now = Now() }, transaction);
        }

        transaction.Commit();
        return outcome.ToString().ToLowerInvariant();
    }

    private string? KnownEtag(string nctId)
    {
        using var connection = connections.Open();
        return connection.QuerySingleOrDefault<string?>("SELECT etag FROM http_etags WHERE url = @url", new { url = EtagKey(nctId) });
    }

    private void RecordAlias(string retired, string replacement)
    {
        using var connection = connections.Open();
        connection.Execute("""
            INSERT INTO study_aliases (retired_nct_id, nct_id, seen_at) VALUES (@retired, @replacement, @now)
            ON CONFLICT (retired_nct_id) DO UPDATE SET nct_id = excluded.nct_id, seen_at = excluded.seen_at
            """, new { retired, replacement, now = Now() });
    }

    private static string? RedirectTarget(HttpResponseMessage response) => NctId.FindIn(response.Headers.Location?.ToString());

    /// <summary>ETags are kept per study resource, whatever base address reached it.</summary>
    private static string EtagKey(string nctId) => $"studies/{nctId}";

    private string Now() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
