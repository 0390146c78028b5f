using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrialEvidence.ClinicalTrialsGov;
using TrialEvidence.Data.Import;

namespace TrialEvidence.Harvesting;

/// <summary>A finished bulk download: the zip, and when its download began (the registry's data is at least that recent).</summary>
public sealed record DownloadedRegistry(string ZipPath, DateTimeOffset StartedAt, long Bytes);

/// <summary>
/// Streams the registry's bulk download to <c>{folder}/ctg-studies.json.zip</c>, resumable: bytes
/// go to a <c>.part</c> file beside it, and a download cut off (a dropped connection, a killed
/// process) continues from the bytes on disk with <c>Range</c>, guarded by <c>If-Range</c> with the
/// ETag of the first answer, so that a registry that has published a new release meanwhile sends
/// the new zip whole instead of the rest of the old one. A finished file must be a whole zip
/// (<see cref="ZipEnds"/>); one that is not is deleted, and the error says so.
/// </summary>
public sealed partial class RegistryDownload(IClinicalTrialsGovDownload api, IOptions<RegistryOptions> registry, TimeProvider clock, ILogger<RegistryDownload> logger)
{
    public const string FileName = "ctg-studies.json.zip";

    /// <summary>How often a transfer cut off mid-body is resumed before the download fails (the run can be started again, and resumes).</summary>
    public int MaxResumes { get; init; } = 20;

    public async Task<DownloadedRegistry> DownloadAsync(string folder, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var (zip, part, etagFile, startedFile) = Files(folder);
        if (File.Exists(zip))
        {
            // Finished by an earlier run that stopped before its import did: import it.
            return new DownloadedRegistry(zip, ReadStarted(startedFile, File.GetLastWriteTimeUtc(zip)), new FileInfo(zip).Length);
        }

        if (!File.Exists(startedFile) || !File.Exists(part))
        {
            await File.WriteAllTextAsync(startedFile, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }

        for (var resumes = 0; ; resumes++)
        {
            // Without the ETag of the bytes on disk they cannot be matched to a release: start over.
            var etag = File.Exists(etagFile) ? await File.ReadAllTextAsync(etagFile, cancellationToken).ConfigureAwait(false) : string.Empty;
            var have = File.Exists(part) && etag.Length > 0 ? new FileInfo(part).Length : 0;
            try
            {
                await TransferAsync(part, etagFile, have, have > 0 ? etag : null, progress, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested && resumes < MaxResumes)
            {
                LogCutOff(logger, File.Exists(part) ? new FileInfo(part).Length : 0, ex.Message);
                await Task.Delay(registry.Value.RetryBaseDelay, clock, cancellationToken).ConfigureAwait(false);
            }
        }

        CheckZip(part);
        File.Move(part, zip, overwrite: true);
        File.Delete(etagFile);
        var started = ReadStarted(startedFile, clock.GetUtcNow());
        return new DownloadedRegistry(zip, started, new FileInfo(zip).Length);
    }

    /// <summary>Deletes a download and its bookkeeping (after it has been imported).</summary>
    public static void Delete(string folder)
    {
        var (zip, part, etag, started) = Files(folder);
        foreach (var file in new[] { zip, part, etag, started })
        {
            File.Delete(file);
        }
    }

    /// <summary>The finished zip, the bytes of one being downloaded, the ETag they came with, and when the download began.</summary>
    private static (string Zip, string Part, string ETag, string Started) Files(string folder)
    {
        var zip = Path.Combine(folder, FileName);
        return (zip, zip + ".part", zip + ".part.etag", zip + ".part.started");
    }

    /// <summary>One request: the whole zip, or the rest of it; returns when the file is complete.</summary>
    private async Task TransferAsync(string part, string etagFile, long have, string? etag, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var response = await api.DownloadAsync(have > 0 ? $"bytes={have}-" : null, etag, cancellationToken).ConfigureAwait(false);
        long offset;
        switch (response.StatusCode)
        {
            case HttpStatusCode.PartialContent when response.Content.Headers.ContentRange is { From: { } from } && from == have
                                                    && (response.Headers.ETag is null || response.Headers.ETag.ToString() == etag):
                offset = have;
                LogResumed(logger, have);
                break;
            case HttpStatusCode.OK:
                // The whole zip: the first request, a server that ignores Range, or a new release.
                offset = 0;
                break;
            case HttpStatusCode.RequestedRangeNotSatisfiable when have > 0 && response.Content.Headers.ContentRange is { Length: { } length } && length == have:
                return; // every byte is here already
            case HttpStatusCode.PartialContent:
            case HttpStatusCode.RequestedRangeNotSatisfiable:
                File.Delete(part); // a range other than asked for: start over
                File.Delete(etagFile);
                throw new IOException($"the registry answered {(int)response.StatusCode} with range {response.Content.Headers.ContentRange} to a request from byte {have}; starting over");
            default:
                throw await RegistryStatusException.FromAsync(response, cancellationToken).ConfigureAwait(false);
        }

        var expected = response.Content.Headers.ContentLength is { } contentLength ? offset + contentLength : (long?)null;
        await using (var file = new FileStream(part, offset == 0 ? FileMode.Create : FileMode.Append, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            if (offset == 0)
            {
                // Only once the old bytes are gone: a process killed between the two never resumes old bytes under a new ETag.
                await File.WriteAllTextAsync(etagFile, response.Headers.ETag?.ToString() ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[1 << 16];
            var reported = file.Length;
            // A connection that stops sending without closing (a NAT or proxy dropping state) is
            // given up after the attempt timeout without a byte, and the download resumes.
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            while (true)
            {
                stall.CancelAfter(registry.Value.AttemptTimeout);
                int read;
                try
                {
                    read = await body.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new IOException($"no byte arrived for {registry.Value.AttemptTimeout} (at byte {file.Length:N0})");
                }

                if (read == 0)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                if (file.Length - reported >= 32L << 20)
                {
                    reported = file.Length;
                    progress?.Report(reported);
                }
            }

            progress?.Report(file.Length);
        }

        var got = new FileInfo(part).Length;
        if (expected is { } total && got != total)
        {
            throw new IOException($"the download ended at byte {got:N0} of {total:N0}");
        }
    }

    private static void CheckZip(string path)
    {
        try
        {
            ZipEnds.Check(path);
        }
        catch (InvalidDataException ex)
        {
            var size = new FileInfo(path).Length;
            Delete(Path.GetDirectoryName(path)!);
            throw new RegistryResponseException($"the registry's bulk download ({size:N0} bytes) is not a zip ({ex.Message}); it was deleted and the next harvest downloads it again", ex);
        }
    }

    private static DateTimeOffset ReadStarted(string startedFile, DateTimeOffset fallback) =>
        File.Exists(startedFile) && DateTimeOffset.TryParse(File.ReadAllText(startedFile), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var started)
            ? started
            : fallback;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The registry download was cut off at byte {Bytes}: {Reason}; resuming")]
    private static partial void LogCutOff(ILogger logger, long bytes, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming the registry download from byte {Bytes}")]
    private static partial void LogResumed(ILogger logger, long bytes);
}
