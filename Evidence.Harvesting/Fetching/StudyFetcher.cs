using System.Net;
using Microsoft.Extensions.Options;
using TrialEvidence.Data.Ingest;
using TrialEvidence.Data.Registry;
using TrialEvidence.Data.Studies;
using TrialEvidence.ClinicalTrialsGov;

namespace TrialEvidence.Fetching;

/// <summary>What fetching one NCT id did.</summary>
public sealed record FetchResult(string RequestedNctId, string NctId, string Outcome, string? RetiredInto);

/// <summary>
/// Fetches single studies by NCT id (GET /studies/{id}), for curated lists and checks of one
/// trial. Sends If-None-Match with the ETag the registry last gave for the URL (304: nothing to
/// do), and follows a 301 for a retired id to the id that replaced it, recording the alias.
/// </summary>
public sealed class StudyFetcher(IClinicalTrialsGovApi api, FetchStore store, IOptions<IngestOptions> ingest)
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
            var etag = store.KnownEtag(current);
            using var response = await api.GetStudyAsync(current, etag, cancellationToken).ConfigureAwait(false);
            var url = response.RequestMessage?.RequestUri?.ToString() ?? current;
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotModified:
                    return new FetchResult(requested, current, "unchanged (304)", retiredInto);
                case HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect or HttpStatusCode.Found:
                    var target = RedirectTarget(response) ?? throw new RegistryStatusException(response.StatusCode, $"{url} moved without saying where");
                    store.RecordAlias(current, target);
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
        var fetched = new IngestBatch(1);
        foreach (var json in new StudyJsonReader(body, url) { MaxRecordBytes = ingest.Value.MaxRecordBytes }.ReadStudies())
        {
            fetched.Add(json, url);
        }

        var outcome = store.Store(fetched, response.Headers.ETag?.ToString());
        return outcome.ToString().ToLowerInvariant();
    }

    private static string? RedirectTarget(HttpResponseMessage response) => NctId.FindIn(response.Headers.Location?.ToString());
}
