using System.Threading.RateLimiting;

namespace TrialEvidence.ClinicalTrialsGov;

/// <summary>
/// Grants one request at a time, each at least <see cref="Interval"/> after the previous grant:
/// a crawl delay, as the registry's robots.txt asks. A token bucket only keeps the average rate
/// and lets two requests through back to back at a replenishment boundary; this never does.
/// Waiters take turns on a semaphore (roughly, not strictly, in arrival order).
/// </summary>
public sealed class CrawlDelayRateLimiter(TimeSpan interval, TimeProvider clock) : RateLimiter
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private long _nextGrant; // clock timestamp before which no request may start
    private long _granted;
    private long _refused;

    public TimeSpan Interval { get; } = interval;

    public override TimeSpan? IdleDuration => null;

    /// <summary>How many turns were granted and refused: every request that left the process took one turn.</summary>
    public override RateLimiterStatistics? GetStatistics() => new()
    {
        TotalSuccessfulLeases = Interlocked.Read(ref _granted),
        TotalFailedLeases = Interlocked.Read(ref _refused),
        CurrentAvailablePermits = clock.GetTimestamp() >= Volatile.Read(ref _nextGrant) ? 1 : 0,
    };

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount is 0 or 1, true, nameof(permitCount));
        if (!_turn.Wait(0))
        {
            Interlocked.Increment(ref _refused);
            return Lease.Refused;
        }

        try
        {
            if (clock.GetTimestamp() < _nextGrant)
            {
                Interlocked.Increment(ref _refused);
                return Lease.Refused;
            }

            // A request for no permits only asks whether one is free now; it takes no turn.
            if (permitCount == 1)
            {
                Grant();
            }

            return Lease.Granted;
        }
        finally
        {
            _turn.Release();
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount is 0 or 1, true, nameof(permitCount));
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = clock.GetElapsedTime(clock.GetTimestamp(), _nextGrant);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }

            Grant();
            return Lease.Granted;
        }
        finally
        {
            _turn.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _turn.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Grant()
    {
        _nextGrant = clock.GetTimestamp() + (long)(Interval.TotalSeconds * clock.TimestampFrequency);
        Interlocked.Increment(ref _granted);
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
