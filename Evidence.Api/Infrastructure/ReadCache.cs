using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace TrialEvidence.Api.Infrastructure;

/// <summary>
/// Answers of the read endpoints (trial lists with their facets, Table 1 in every format) kept in
/// memory for as long as the database is unchanged: the key holds the data version
/// (<see cref="DataVersionWatcher"/>), so an answer is never served from before a change. The most used lists and tables of
/// a topic cost one read of a counter; anything else is computed as before. Bounded by
/// <see cref="ApiOptions.ReadCacheMegabytes"/> (0 switches it off).
/// </summary>
public sealed class ReadCache : IDisposable
{
    private readonly DataVersionWatcher _versions;
    private readonly MemoryCache? _cache;

    public ReadCache(DataVersionWatcher versions, IOptions<ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _versions = versions;
        var megabytes = options.Value.ReadCacheMegabytes;
        _cache = megabytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024 }) : null;
    }

    public bool Enabled => _cache is not null;

    /// <summary>Answers held now.</summary>
    public long Count => _cache?.Count ?? 0;

    /// <summary>The data version answers are kept under.</summary>
    public long DataVersion() => _versions.Current();

    public bool TryGet(string key, out CachedAnswer? answer)
    {
        answer = null;
        return _cache is not null && _cache.TryGetValue(key, out answer);
    }

    /// <summary>
    /// The key of a request at a data version: a hash of the version, the path and query and the
    /// Accept header, so that a long URL or header (up to the 8 KB the API takes) costs no more
    /// memory than a short one.
    /// </summary>
    public static string KeyFor(long dataVersion, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = $"{dataVersion}\n{request.Path}{request.QueryString}\n{request.Headers.Accept}";
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Counted per answer beside its bytes: the key, the entry and the headers kept.</summary>
    public const long EntryOverheadBytes = 1024;

    public void Set(string key, CachedAnswer answer, long bytes) =>
        _cache?.Set(key, answer, new MemoryCacheEntryOptions { Size = bytes + EntryOverheadBytes, SlidingExpiration = TimeSpan.FromMinutes(30) });

    /// <summary>Answers being computed, by key: a request that finds its own there waits for that answer.</summary>
    private readonly ConcurrentDictionary<string, Task<CachedAnswer?>> _computing = new(StringComparer.Ordinal);

    /// <summary>
    /// The computation of <paramref name="key"/> under way: another request's, or <paramref name="mine"/>
    /// when there is none (the caller then computes, and ends it with <see cref="Computed"/>).
    /// </summary>
    public Task<CachedAnswer?> Computing(string key, Task<CachedAnswer?> mine) => _computing.GetOrAdd(key, mine);

    public void Computed(string key, Task<CachedAnswer?> mine) => _computing.TryRemove(KeyValuePair.Create(key, mine));

    public void Dispose() => _cache?.Dispose();
}

/// <summary>An answer's bytes as sent, and the headers the endpoint set (X-Total-Count, ...).</summary>
public sealed record CachedAnswer(FileContentHttpResult Result, IReadOnlyList<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> Headers);

/// <summary>
/// Serves a GET from <see cref="ReadCache"/> when the same URL (and Accept header) was answered
/// at the same data version; otherwise runs the endpoint, once for the same requests arriving
/// while it runs, and keeps a successful answer.
/// </summary>
public sealed class ReadCacheFilter(ReadCache cache, IOptions<JsonOptions> json) : IEndpointFilter
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!cache.Enabled)
        {
            return await next(context);
        }

        var http = context.HttpContext;
        var key = ReadCache.KeyFor(cache.DataVersion(), http.Request);
        if (cache.TryGet(key, out var hit))
        {
            return Served(http, hit!);
        }

        // The same request at the same data version being answered already (a page opened by
        // many at once, after a harvest): its answer serves this one too, computed once. When it
        // keeps none (an error), this request is answered on its own.
        var mine = new TaskCompletionSource<CachedAnswer?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var computing = cache.Computing(key, mine.Task);
        if (computing != mine.Task)
        {
            return await computing.WaitAsync(http.RequestAborted) is { } shared ? Served(http, shared) : (await Answer(key, context, next)).Result;
        }

        try
        {
            var (result, kept) = await Answer(key, context, next);
            mine.SetResult(kept);
            return result;
        }
        catch
        {
            mine.TrySetResult(null);
            throw;
        }
        finally
        {
            cache.Computed(key, mine.Task);
        }
    }

    /// <summary>The endpoint's answer, and what of it is kept under <paramref name="key"/> (null for an error).</summary>
    private async Task<(object? Result, CachedAnswer? Kept)> Answer(string key, EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var before = http.Response.Headers.Select(h => h.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var result = await next(context);
        // A JSON answer is written to bytes once, here, and those bytes are sent now and on every
        // hit (as Ok<T> would write them: the API's JSON options, UTF-8 JSON), not serialised
        // again each time; a file is kept as it is; an error or a problem is not kept.
        object? kept = (result is INestedHttpResult nested ? nested.Result : result) switch
        {
            FileContentHttpResult file => file,
            IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: { } value } =>
                TypedResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.SerializerOptions), JsonContentType),
            _ => null,
        };
        if (kept is not FileContentHttpResult answer)
        {
            return (result, null);
        }

        var cached = new CachedAnswer(answer, [.. http.Response.Headers.Where(h => !before.Contains(h.Key))]);
        cache.Set(key, cached, answer.FileContents.Length);
        return (answer, cached);
    }

    private static FileContentHttpResult Served(HttpContext http, CachedAnswer answer)
    {
        foreach (var (name, value) in answer.Headers)
        {
            http.Response.Headers[name] = value;
        }

        return answer.Result;
    }
}
