using System.Diagnostics;
using Microsoft.Extensions.Options;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Facets;

namespace TrialEvidence.Api.Trials;

/// <summary>
/// The facet numbers of every study in memory (<see cref="FacetCodeSnapshot"/>) for the data
/// version they were read at. A trial list counts its facets from them only while the database
/// is at that version, checked before and after its reads; otherwise it counts in SQL as before,
/// and a new copy is read in the background. While a harvest or import writes, copies are read
/// at most every <see cref="MinimumInterval"/> and never for more than a tenth of the time.
/// </summary>
public sealed class FacetSnapshots(SqliteConnectionFactory connections, DataVersionWatcher versions, IOptions<ApiOptions> options, ILogger<FacetSnapshots> logger)
{
    /// <summary>The shortest time between two reads of a copy.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private Held? _held;
    private Task? _loading;
    private long _nextLoadTimestamp;
    private long _answered;

    public bool Enabled => options.Value.FacetCodesInMemory;

    /// <summary>How many lists were answered from the copy (<see cref="Answered"/>), for tests and diagnostics.</summary>
    public long AnsweredFromMemory => Interlocked.Read(ref _answered);

    /// <summary>Counts a list answered from the copy.</summary>
    public void Answered() => Interlocked.Increment(ref _answered);

    /// <summary>The copy, when it is of the database as it is now; otherwise none, and a new copy is read in the background.</summary>
    public bool TryCurrent(out FacetCodeSnapshot snapshot, out long version)
    {
        snapshot = null!;
        version = 0;
        if (!Enabled)
        {
            return false;
        }

        var held = Volatile.Read(ref _held);
        if (CurrentVersion() is not { } now)
        {
            return false; // the version cannot be read: the list counts in SQL, which reports its own error
        }

        version = now;
        if (held is { Snapshot: { } current } && held.Version == version)
        {
            snapshot = current;
            return true;
        }

        // A copy that could not be made of this very state (rowids too sparse) is not tried again until it changes.
        if (held is not { Snapshot: null } || held.Version != version)
        {
            StartLoad();
        }

        return false;
    }

    /// <summary>Whether the database is still at <paramref name="version"/>: reads made since it was seen are of the same state as the copy.</summary>
    public bool StillCurrent(long version) => CurrentVersion() == version;

    private long? CurrentVersion()
    {
        try
        {
            return versions.Current();
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or DatabaseUnavailableException)
        {
            return null;
        }
    }

    /// <summary>Reads a copy now, whatever the interval (tests; lists otherwise start the first read).</summary>
    public Task LoadAsync()
    {
        lock (_gate)
        {
            _nextLoadTimestamp = 0;
        }

        return StartLoad() ?? Task.CompletedTask;
    }

    private Task? StartLoad()
    {
        lock (_gate)
        {
            if (_loading is { IsCompleted: false })
            {
                return _loading;
            }

            if (Stopwatch.GetTimestamp() < _nextLoadTimestamp)
            {
                return null;
            }

            _loading = Task.Run(Load);
            return _loading;
        }
    }

    private void Load()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // The version first: a commit between it and the read makes the copy newer than its
            // version says, never older, so it is only ever passed over.
            var version = versions.Current();
            using var connection = connections.Open();
            var snapshot = FacetCodeSnapshot.Load(connection);
            Volatile.Write(ref _held, new Held(snapshot, version));
            LogRead(logger, snapshot?.Studies ?? 0, snapshot?.Bytes ?? 0, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, null);
        }
#pragma warning disable CA1031 // A background read that fails for any reason leaves lists counting in SQL; it must never fault unobserved.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Lists keep counting in SQL; the next attempt waits as after a read.
            LogReadFailed(logger, ex);
        }
        finally
        {
            var took = Stopwatch.GetElapsedTime(started);
            var wait = took * 10 > MinimumInterval ? took * 10 : MinimumInterval;
            lock (_gate)
            {
                _nextLoadTimestamp = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
            }
        }
    }

    private static readonly Action<ILogger, int, long, long, Exception?> LogRead = LoggerMessage.Define<int, long, long>(
        LogLevel.Information, new EventId(1, "FacetNumbersRead"), "Facet numbers of {Studies} studies read into memory ({Bytes} bytes) in {Milliseconds} ms");

    private static readonly Action<ILogger, Exception?> LogReadFailed = LoggerMessage.Define(
        LogLevel.Warning, new EventId(2, "FacetNumbersNotRead"), "Facet numbers could not be read into memory; trial lists count them in SQL");

    private sealed record Held(FacetCodeSnapshot? Snapshot, long Version);
}
