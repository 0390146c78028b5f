using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// A stand-in for the ClinicalTrials.gov API v2 for tests: serves real recorded studies through the
/// same endpoints (/version, /studies, /studies/{nctId}, /studies/download) over loopback HTTP, with real paging,
/// studies that tests can change, injectable faults and a log of every request.
/// </summary>
public sealed class ReplayRegistryServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StudyStore _store;
    private readonly FaultQueue _faults;
    private readonly RequestLog _log;
    private readonly DataVersion _dataVersion;

    private ReplayRegistryServer(WebApplication app)
    {
        _app = app;
        _store = app.Services.GetRequiredService<StudyStore>();
        _faults = app.Services.GetRequiredService<FaultQueue>();
        _log = app.Services.GetRequiredService<RequestLog>();
        _dataVersion = app.Services.GetRequiredService<DataVersion>();
        BaseAddress = new Uri(new Uri(app.Urls.First()), "api/v2/");
    }

    /// <summary>The API root, e.g. http://127.0.0.1:PORT/api/v2/ (with the trailing slash, for relative URIs).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The studies served now, by NCT id in ordinal order, as their exact bytes (a snapshot; do not modify the arrays).</summary>
    public IReadOnlyDictionary<string, byte[]> Studies =>
        _store.Studies.ToImmutableSortedDictionary(study => study.Key, study => study.Value.Json, StringComparer.Ordinal);

    /// <summary>Every request received so far, in order of arrival (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _log.Snapshot();

    /// <summary>The dataTimestamp /version reports, yyyy-MM-ddTHH:mm:ss UTC like the registry; initially the start time.</summary>
    public string DataTimestamp
    {
        get => _dataVersion.Timestamp;
        set => _dataVersion.Timestamp = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Serves the studies in the *.json files below <paramref name="dataFolder"/> on a free loopback port.</summary>
    public static Task<ReplayRegistryServer> StartAsync(string dataFolder, CancellationToken cancellationToken = default) =>
        StartAsync(dataFolder, new ReplayRegistryOptions(), cancellationToken);

    /// <summary>
    /// Serves the studies in the *.json files below <paramref name="dataFolder"/>: single studies, search
    /// pages and arrays of studies. Of an NCT id found more than once, the version with the latest
    /// lastUpdatePostDate is served; of equal dates, the first in ordinal path order.
    /// </summary>
    /// <exception cref="InvalidDataException">A .json file is not valid JSON.</exception>
    public static Task<ReplayRegistryServer> StartAsync(
        string dataFolder, ReplayRegistryOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(StudyStore.FromVersions(StudyFolder.Read(dataFolder)), options, cancellationToken);

    /// <summary>Serves the given study objects (latest lastUpdatePostDate of each NCT id; of equals, the first).</summary>
    public static Task<ReplayRegistryServer> StartAsync(
        IEnumerable<byte[]> studies, ReplayRegistryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(studies);
        return StartAsync(StudyStore.FromVersions(studies.Select(ParseStudy)), options ?? new ReplayRegistryOptions(), cancellationToken);
    }

    /// <summary>Adds a study or replaces the one with its NCT id (e.g. by a newer version).</summary>
    /// <exception cref="ArgumentException">The bytes are not a study object with an NCT id.</exception>
    public void Put(byte[] studyJson)
    {
        ArgumentNullException.ThrowIfNull(studyJson);
        _store.Put(ParseStudy(studyJson.ToArray()));
    }

    /// <summary>The study disappears: GET answers 404 and searches no longer find it.</summary>
    public void Remove(string nctId) => _store.Remove(ParseNctId(nctId));

    /// <summary>The old id answers 301 to .../studies/{newNctId} and leaves search results.</summary>
    public void Retire(string oldNctId, string newNctId)
    {
        var (oldId, newId) = (ParseNctId(oldNctId), ParseNctId(newNctId));
        if (oldId == newId)
        {
            throw new ArgumentException("A study cannot be retired in favour of itself.", nameof(newNctId));
        }

        _store.Retire(oldId, newId);
    }

    /// <summary>
    /// Plays <paramref name="fault"/> for the next <paramref name="times"/> requests that satisfy
    /// <paramref name="when"/> (default: any request under /api/v2). Faults are played in the order injected.
    /// </summary>
    public void InjectFault(Fault fault, int times = 1, Func<HttpRequest, bool>? when = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        _faults.Add(fault, times, when ?? (request => request.Path.StartsWithSegments("/api/v2")));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<ReplayRegistryServer> StartAsync(
        StudyStore store, ReplayRegistryOptions options, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ReplayRegistryServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.ListenUrl.GetLeftPart(UriPartial.Authority));

        // HTTP/1.1 only: the truncated-body fault writes an HTTP/1.1 response straight to the socket.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http1));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddSingleton<IHostLifetime, EmbeddedHostLifetime>()
            .AddSingleton(options)
            .AddSingleton(options.TimeProvider)
            .AddSingleton(store)
            .AddSingleton(new FaultQueue())
            .AddSingleton(new RequestLog())
            .AddSingleton(new DownloadCache())
            .AddSingleton(EuctrTrials.Read(options.EuctrFullText))
            .AddSingleton(new DataVersion(
                options.TimeProvider.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)));

        var app = builder.Build();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.MapGroup("/api/v2")
            .MapVersion()
            .MapDownload()
            .MapStudyLookup()
            .MapStudySearch();
        app.MapHistory();
        app.MapEuctr();

        await app.StartAsync(cancellationToken);
        return new ReplayRegistryServer(app);
    }

    private static StudyRecord ParseStudy(byte[] json)
    {
        try
        {
            return StudyRecord.TryCreate(json)
                ?? throw new ArgumentException("Not a study: protocolSection.identificationModule.nctId is missing or not an NCT id.", nameof(json));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ArgumentException($"Not a JSON study object: {e.Message}", nameof(json), e);
        }
    }

    private static string ParseNctId(string nctId) =>
        NctId.TryNormalize(nctId, out var id) ? id : throw new ArgumentException($"'{nctId}' is not an NCT id.", nameof(nctId));
}
