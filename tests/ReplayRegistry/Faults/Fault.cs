namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// A failure the replay registry plays instead of its normal answer (Slow: before it), injected
/// with <see cref="ReplayRegistryServer.InjectFault"/>. Faults are values: compare a
/// <see cref="RecordedRequest.Fault"/> with the fault injected.
/// </summary>
public abstract record Fault
{
    private protected Fault()
    {
    }

    /// <summary>429 with Retry-After in seconds, as the registry answers at peak hours.</summary>
    public static Fault TooManyRequests(int retryAfterSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        return new TooManyRequestsFault(retryAfterSeconds);
    }

    /// <summary>503 with a plain-text body.</summary>
    public static Fault ServiceUnavailable { get; } = new ErrorStatusFault(503);

    /// <summary>500 with a plain-text body.</summary>
    public static Fault InternalServerError { get; } = new ErrorStatusFault(500);

    /// <summary>403 with a plain-text body; the registry sends occasional 403s.</summary>
    public static Fault Forbidden { get; } = new ErrorStatusFault(403);

    /// <summary>The connection is closed without any response.</summary>
    public static Fault ConnectionReset { get; } = new ConnectionResetFault();

    /// <summary>
    /// The connection is closed gracefully (FIN, not a reset) where the response should begin, as
    /// when a server or proxy closes a keep-alive connection the request crossed. SocketsHttpHandler
    /// sends a request without a body again by itself after this, on a new connection.
    /// </summary>
    public static Fault ConnectionClosed { get; } = new ConnectionClosedFault();

    /// <summary>Waits <paramref name="delay"/> (unless the client gives up first), then answers normally.</summary>
    public static Fault Slow(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new SlowFault(delay);
    }

    /// <summary>200 whose Content-Length is that of the normal body, but only its first half arrives before the connection closes.</summary>
    public static Fault TruncatedBody { get; } = new TruncatedBodyFault();

    /// <summary>A complete 200 application/json response whose body is the first 40% of the normal one: not JSON.</summary>
    public static Fault MalformedJson { get; } = new MalformedJsonFault();
}

internal sealed record TooManyRequestsFault(int RetryAfterSeconds) : Fault;

internal sealed record ErrorStatusFault(int StatusCode) : Fault;

internal sealed record ConnectionResetFault : Fault;

internal sealed record ConnectionClosedFault : Fault;

internal sealed record SlowFault(TimeSpan Delay) : Fault;

internal sealed record TruncatedBodyFault : Fault;

internal sealed record MalformedJsonFault : Fault;
