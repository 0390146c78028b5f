using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Facets;

namespace TrialEvidence.Api.Trials;

/// <summary>
/// The facet numbers of every study in memory (<see cref="FacetCodeSnapshot"/>) for the data
/// version they were read at, and, once a list is sorted by a column, every study's place in that
/// column's order (<see cref="FacetCodeSnapshot.LoadSortKeys"/>). A trial list counts its facets
/// (and pages) from them only while the database is at that version, checked before and after
/// its reads; otherwise it counts in SQL as before, and a new copy is read in the background.
/// While a harvest or import writes, the facet numbers are read at most every
/// <see cref="MinimumInterval"/>, a column's order at most every <see cref="SortKeysMinimumInterval"/>,
/// and each never for more than a tenth of the time.
/// </summary>
public sealed class FacetSnapshots(EvidenceDatabase connections, DataVersionWatcher versions, IOptions<ApiOptions> options, ILogger<FacetSnapshots> logger)
{
    /// <summary>The shortest time between two reads of a copy.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(5);

    private readonly Lazy<VersionedCopy<FacetCodeSnapshot>> _codes = new(() => new VersionedCopy<FacetCodeSnapshot>(
        connections, versions, logger, "facet numbers", connection => FacetCodeSnapshot.Load(connection), snapshot => (snapshot.Studies, snapshot.Bytes), MinimumInterval));

    private readonly ConcurrentDictionary<string, VersionedCopy<int[]>> _sortKeys = new(StringComparer.Ordinal);

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
        return Enabled && _codes.Value.TryCurrent(out snapshot, out version);
    }

    /// <summary>
    /// Every study's key in the order of <paramref name="column"/> (a column of the studies table,
    /// from the caller's own list), when read at <paramref name="version"/>; otherwise none, and a
    /// copy is read in the background.
    /// </summary>
    public bool TrySortKeys(string column, long version, out int[] keys)
    {
        keys = null!;
        return Enabled && SortCopy(column).TryCurrent(out keys, out var now) && now == version;
    }

    /// <summary>
    /// The shortest time between two reads of a column's order while the database changes: up to
    /// seven columns may be asked for, each read alone, so each waits longer than the facet numbers.
    /// </summary>
    public static readonly TimeSpan SortKeysMinimumInterval = TimeSpan.FromSeconds(30);

    private VersionedCopy<int[]> SortCopy(string column) => _sortKeys.GetOrAdd(column, c => new VersionedCopy<int[]>(
        connections, versions, logger, $"order of {c}", connection => FacetCodeSnapshot.LoadSortKeys(connection, c), k => (k.Count(key => key != FacetCodeSnapshot.NoValue), 4L * k.Length), SortKeysMinimumInterval));

    /// <summary>Whether the database is still at <paramref name="version"/>: reads made since it was seen are of the same state as the copy.</summary>
    public bool StillCurrent(long version) => VersionedCopy<FacetCodeSnapshot>.CurrentVersion(versions) == version;

    /// <summary>Reads the facet numbers now, and the orders of <paramref name="sortColumns"/>, whatever the interval (tests; lists otherwise start the reads).</summary>
    public Task LoadAsync(params string[] sortColumns) => Task.WhenAll(sortColumns.Select(c => SortCopy(c).LoadAsync()).Append(_codes.Value.LoadAsync()));

    /// <summary>
    /// A copy of something read from the whole database, tagged with the data version read before
    /// it: the copy is used only while the database is at that version, and read again in the
    /// background (one read at a time, at most once in its minimum interval and for no more than a
    /// tenth of the time) when it is not.
    /// </summary>
    private sealed class VersionedCopy<T>(
        EvidenceDatabase connections, DataVersionWatcher versions, ILogger logger, string what, Func<DbConnection, T?> read, Func<T, (int Studies, long Bytes)> size,
        TimeSpan minimumInterval)
        where T : class
    {
        private readonly Lock _gate = new();
        private Held? _held;
        private Task? _loading;
        private long _nextLoadTimestamp;

        public bool TryCurrent(out T copy, out long version)
        {
            copy = null!;
            version = 0;
            var held = Volatile.Read(ref _held);
            if (CurrentVersion(versions) is not { } now)
            {
                return false; // the version cannot be read: the list counts in SQL, which reports its own error
            }

            version = now;
            if (held is { Copy: { } current } && held.Version == version)
            {
                copy = current;
                return true;
            }

            // A copy that could not be made of this very state (rowids too sparse) is not tried again until it changes.
            if (held is not { Copy: null } || held.Version != version)
            {
                StartLoad();
            }

            return false;
        }

        public static long? CurrentVersion(DataVersionWatcher versions)
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
                var copy = read(connection);
                Volatile.Write(ref _held, new Held(copy, version));
                var (studies, bytes) = copy is null ? (0, 0L) : size(copy);
                LogRead(logger, what, studies, bytes, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, null);
            }
#pragma warning disable CA1031 // A background read that fails for any reason leaves lists counting in SQL; it must never fault unobserved.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // Lists keep counting in SQL; the next attempt waits as after a read.
                LogReadFailed(logger, what, ex);
            }
            finally
            {
                var took = Stopwatch.GetElapsedTime(started);
                var wait = took * 10 > minimumInterval ? took * 10 : minimumInterval;
                lock (_gate)
                {
                    _nextLoadTimestamp = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
                }
            }
        }

        private sealed record Held(T? Copy, long Version);
    }

    private static readonly Action<ILogger, string, int, long, long, Exception?> LogRead = LoggerMessage.Define<string, int, long, long>(
        LogLevel.Information, new EventId(1, "FacetNumbersRead"), "The {What} of {Studies} studies read into memory ({Bytes} bytes) in {Milliseconds} ms");

    private static readonly Action<ILogger, string, Exception?> LogReadFailed = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(2, "FacetNumbersNotRead"), "The {What} could not be read into memory; trial lists count in SQL");
}
