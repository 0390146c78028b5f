using System.Collections.Immutable;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// GET /studies/download?format=json.zip: every study served, zipped in the registry's layout
/// (NN/NCT########.json, NN the id's last two digits). Range and If-Range are honoured (206), as
/// a resumable download needs; the zip is built once per set of studies, so its bytes and ETag
/// stay the same until a study changes.
/// </summary>
internal static class DownloadApi
{
    public static IEndpointRouteBuilder MapDownload(this IEndpointRouteBuilder api)
    {
        // A literal segment outranks /studies/{nctId}.
        api.MapGet("/studies/download", Download);
        return api;
    }

    private static Results<FileContentHttpResult, ContentHttpResult> Download(string? format, StudyStore store, DownloadCache cache)
    {
        if (format != "json.zip")
        {
            return PlainText.BadRequest($"format '{format}' is not served here; use format=json.zip");
        }

        var zip = cache.Of(store.Studies);
        return TypedResults.File(zip, "application/zip", "ctg-studies.json.zip", entityTag: EntityTags.Of(zip), enableRangeProcessing: true);
    }
}

/// <summary>The zip of the last set of studies asked for.</summary>
internal sealed class DownloadCache
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, StudyRecord>? _studies;
    private byte[] _zip = [];

    public byte[] Of(ImmutableDictionary<string, StudyRecord> studies)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(studies, _studies))
            {
                _zip = Zip(studies);
                _studies = studies;
            }

            return _zip;
        }
    }

    private static byte[] Zip(ImmutableDictionary<string, StudyRecord> studies)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (nctId, study) in studies.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                // A fixed time, so the same studies always give the same bytes.
                var entry = archive.CreateEntry($"{nctId[^2..]}/{nctId}.json", CompressionLevel.Fastest);
                entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(study.Json);
            }
        }

        return buffer.ToArray();
    }
}
