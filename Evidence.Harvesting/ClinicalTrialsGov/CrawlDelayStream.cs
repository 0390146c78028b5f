namespace TrialEvidence.ClinicalTrialsGov;

/// <summary>
/// The crawl delay where requests leave the process: one HTTP/1.1 connection's plaintext stream,
/// which holds back the first bytes of each request until the limiter grants it a turn.
/// </summary>
/// <remarks>
/// Why here and not in the resilience pipeline or a DelegatingHandler: SocketsHttpHandler sends a
/// request again by itself, below every handler, when the server closes the connection where the
/// answer should begin (HttpConnection marks a request without a body as retryable on that early
/// end of stream; HttpConnectionPool then sends it again on another connection, up to 3 times; no
/// setting turns this off). Those requests never pass a DelegatingHandler or Polly; every byte
/// of them passes this stream (SocketsHttpHandler.PlaintextStreamFilter, after TLS).
/// HTTP/1.1 sends one request at a time on a connection and writes the next only after reading the
/// answer to the last, so the first write on a connection, and the first after answer bytes were
/// read, begin a request. HTTP/2 would multiplex requests on one stream; <see cref="Filter"/>
/// refuses it rather than let requests past uncounted.
/// </remarks>
internal sealed class CrawlDelayStream(Stream inner, CrawlDelayRateLimiter limiter) : Stream
{
    private readonly CancellationTokenSource _closed = new();
    private volatile bool _nextWriteBeginsRequest = true;

    /// <summary>The handler's PlaintextStreamFilter: every connection it opens to the registry is paced by <paramref name="limiter"/>.</summary>
    public static Func<SocketsHttpPlaintextStreamFilterContext, CancellationToken, ValueTask<Stream>> Filter(CrawlDelayRateLimiter limiter) =>
        (context, _) => context.NegotiatedHttpVersion.Major == 1
            ? ValueTask.FromResult<Stream>(new CrawlDelayStream(context.PlaintextStream, limiter))
            : throw new NotSupportedException($"The crawl delay paces HTTP/1.x connections only; this one is HTTP/{context.NegotiatedHttpVersion}.");

    public override bool CanRead => inner.CanRead;

    public override bool CanWrite => inner.CanWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_nextWriteBeginsRequest)
        {
            // The handler cancels a request by disposing its connection, not through this token.
            using var waitOrClose = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
            using var turn = await limiter.AcquireAsync(1, waitOrClose.Token).ConfigureAwait(false);
            _nextWriteBeginsRequest = false;
        }

        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (read > 0)
        {
            _nextWriteBeginsRequest = true;
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Ends a wait for a turn (how the handler cancels). The source is left undisposed: a
            // write may still be linking to it, and without a timer it holds nothing to release.
            _closed.Cancel();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
