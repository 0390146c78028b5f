using System.Data.Common;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Data.Facets;

/// <summary>
/// study_facet_codes (migration 0015) held in memory as arrays indexed by the studies' rowid:
/// each study's facet numbers and its place in NCT order. A broad selection (q=radiotherapy,
/// 10,000 studies of 600,000) then costs its rowids and an addition per facet number, not a
/// b-tree seek per study (about a microsecond each, and every page of the table read) and a
/// sort of its NCT ids. Read in one transaction, so it is one state of the database; whoever
/// holds it checks that the database has not changed since (FacetSnapshots in the API).
/// </summary>
public sealed class FacetCodeSnapshot
{
    private readonly int[] _starts;   // the codes of rowid r are _codes[_starts[r].._starts[r + 1]]
    private readonly int[] _codes;
    private readonly int[] _ranks;    // the place of rowid r in NCT order, from 1; 0: no study has rowid r
    private readonly int[] _inOrder;  // the rowids in NCT order: _inOrder[_ranks[r] - 1] == r

    private FacetCodeSnapshot(int[] starts, int[] codes, int[] ranks, int[] inOrder)
    {
        _starts = starts;
        _codes = codes;
        _ranks = ranks;
        _inOrder = inOrder;
        Studies = inOrder.Length;
    }

    /// <summary>The studies held.</summary>
    public int Studies { get; }

    /// <summary>Memory the arrays take, in bytes.</summary>
    public long Bytes => 4L * (_starts.Length + _codes.Length + _ranks.Length + _inOrder.Length);

    /// <summary>
    /// Rowids more than this many times the number of studies (after many deletions) would make
    /// the arrays mostly empty: <see cref="Load"/> then gives none and the SQL counts instead.
    /// </summary>
    public const int MaxRowidsPerStudy = 4;

    /// <summary>
    /// Reads every row of study_facet_codes in one read transaction of <paramref name="connection"/>;
    /// none when the rowids are too sparse to index by (see <see cref="MaxRowidsPerStudy"/>).
    /// </summary>
    public static FacetCodeSnapshot? Load(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var transaction = EvidenceDatabase.BeginRead(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*), COALESCE(MAX(study_rowid), 0) FROM study_facet_codes";
        long count, maxRowid;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            count = reader.GetInt64(0);
            maxRowid = reader.GetInt64(1);
        }

        if (maxRowid > (MaxRowidsPerStudy * count) + 1024 || maxRowid >= int.MaxValue / 2)
        {
            return null;
        }

        var slots = (int)maxRowid + 1;
        var starts = new int[slots + 1];
        var codes = new List<int>(capacity: checked((int)count * 12));
        var ids = new string[count];
        var rowids = new int[count];
        command.CommandText = "SELECT study_rowid, nct_id, codes FROM study_facet_codes ORDER BY study_rowid";
        using (var reader = command.ExecuteReader())
        {
            var row = 0;
            var next = 0; // the first rowid whose start is not yet written
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rowid = (int)reader.GetInt64(0);
                for (; next <= rowid; next++)
                {
                    starts[next] = codes.Count;
                }

                ids[row] = reader.GetString(1);
                rowids[row++] = rowid;
                codes.AddRange(CommaNumbers.Parse(reader.GetString(2)).Where(code => code > 0).Select(code => checked((int)code)));
            }

            for (; next <= slots; next++)
            {
                starts[next] = codes.Count;
            }

            if (row != count)
            {
                // Counted and read in one transaction: the rows cannot differ.
                throw new InvalidOperationException($"study_facet_codes held {count} rows and {row} were read");
            }
        }

        transaction.Commit(); // after the reader is closed: PostgreSQL's connection runs one command at a time

        // NCT order as SQLite sorts text (BINARY: bytes of UTF-8, the same order as ordinal UTF-16 for these ids).
        Array.Sort(ids, rowids, StringComparer.Ordinal);
        var ranks = new int[slots];
        for (var i = 0; i < rowids.Length; i++)
        {
            ranks[rowids[i]] = i + 1;
        }

        return new FacetCodeSnapshot(starts, [.. codes], ranks, rowids);
    }

    /// <summary>Whether a study with this rowid is held.</summary>
    public bool Holds(long rowid) => rowid >= 0 && rowid < _ranks.Length && _ranks[rowid] != 0;

    /// <summary>
    /// How many of the studies <paramref name="rowids"/> hold each facet number, indexed by the
    /// number (facet_ids.id); rowids not held count nothing. Each rowid is counted as often as given.
    /// </summary>
    public int[] Count(ReadOnlySpan<long> rowids)
    {
        var counts = NewCounts();
        foreach (var rowid in rowids)
        {
            if (Holds(rowid))
            {
                TallyStudy(ref counts, rowid);
            }
        }

        return counts;
    }

    /// <summary>The facet numbers of the study with rowid <paramref name="rowid"/> (held).</summary>
    private ReadOnlySpan<int> CodesOf(long rowid) => _codes.AsSpan(_starts[rowid], _starts[rowid + 1] - _starts[rowid]);

    /// <summary>Adds one to the count of each facet number of the study with rowid <paramref name="rowid"/>.</summary>
    private void TallyStudy(ref int[] counts, long rowid)
    {
        foreach (var code in CodesOf(rowid))
        {
            Tally(ref counts, code);
        }
    }

    /// <summary>The most groups <see cref="Select"/> takes: one bit each.</summary>
    public const int MaxGroups = 32;

    /// <summary>
    /// The rowids, in rowid order, of the studies that hold at least one facet number of every
    /// group in <paramref name="groups"/> (the values of one filter are alternatives; different
    /// filters must all hold): a selection by facet values made over every study held, without a
    /// read of the database. A group with no numbers selects nothing.
    /// </summary>
    public long[] Select(IReadOnlyList<IReadOnlyCollection<int>> groups)
    {
        if (GroupBits(groups) is not var (bitsOf, all))
        {
            return [];
        }

        var selected = new List<long>();
        for (var rowid = 0; rowid < _ranks.Length; rowid++)
        {
            if (_ranks[rowid] != 0 && Covers(rowid, bitsOf, all))
            {
                selected.Add(rowid);
            }
        }

        return [.. selected];
    }

    /// <summary>
    /// What <see cref="Select"/>, <see cref="Count"/> and <see cref="Page"/> in NCT order give
    /// together, in one pass over the studies in NCT order (descending when asked): the counts of
    /// the selected studies' facet numbers and the rowids of their page (<paramref name="limit"/>
    /// after the first <paramref name="offset"/>), with no list of the selection built or sorted.
    /// </summary>
    public (int[] Counts, long[] Page) SelectInOrder(IReadOnlyList<IReadOnlyCollection<int>> groups, long offset, int limit, bool descending)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var counts = NewCounts();
        if (GroupBits(groups) is not var (bitsOf, all))
        {
            return (counts, []);
        }

        var page = new List<long>(limit);
        var seen = 0L;
        for (var k = 0; k < _inOrder.Length; k++)
        {
            var rowid = _inOrder[descending ? _inOrder.Length - 1 - k : k];
            if (!Covers(rowid, bitsOf, all))
            {
                continue;
            }

            TallyStudy(ref counts, rowid);
            if (seen++ >= offset && page.Count < limit)
            {
                page.Add(rowid);
            }
        }

        return (counts, [.. page]);
    }

    /// <summary>
    /// The groups each facet number belongs to, as bits, and the bits of all the groups; none
    /// when a group has no numbers (it selects nothing). No groups select every study.
    /// </summary>
    private static (uint[] BitsOf, uint All)? GroupBits(IReadOnlyList<IReadOnlyCollection<int>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(groups.Count, MaxGroups);
        if (groups.Any(g => g.Count == 0))
        {
            return null;
        }

        var bitsOf = new uint[Math.Max(0, groups.SelectMany(g => g).DefaultIfEmpty(0).Max()) + 1];
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var code in groups[g].Where(code => code >= 0))
            {
                bitsOf[code] |= 1u << g;
            }
        }

        return (bitsOf, groups.Count == MaxGroups ? uint.MaxValue : (1u << groups.Count) - 1);
    }

    /// <summary>Whether the facet numbers of <paramref name="rowid"/> hold a number of every group (<see cref="GroupBits"/>).</summary>
    private bool Covers(int rowid, uint[] bitsOf, uint all)
    {
        var bits = 0u;
        foreach (var code in CodesOf(rowid))
        {
            bits |= (uint)code < (uint)bitsOf.Length ? bitsOf[code] : 0;
        }

        return bits == all;
    }

    /// <summary>Counts indexed by facet number, room for the usual few hundred numbers; <see cref="Tally"/> grows them.</summary>
    public static int[] NewCounts() => new int[256];

    /// <summary>Adds one to the count of facet number <paramref name="code"/>, growing <paramref name="counts"/> where the number is past its end.</summary>
    public static void Tally(ref int[] counts, int code)
    {
        if ((uint)code >= (uint)counts.Length)
        {
            Array.Resize(ref counts, Math.Max(code + 1, counts.Length * 2));
        }

        counts[code]++;
    }

    /// <summary>
    /// The rowids of a page of <paramref name="rowids"/> in NCT order (descending when asked), or,
    /// with <paramref name="keys"/> (<see cref="LoadSortKeys"/>), in the order of that column,
    /// descending when asked, studies without a value last and ties in NCT order (as
    /// <c>ORDER BY column NULLS LAST, nct_id</c>): <paramref name="limit"/> of them after the
    /// first <paramref name="offset"/>. Rowids not held are left out.
    /// </summary>
    public long[] Page(ReadOnlySpan<long> rowids, long offset, int limit, bool descending, int[]? keys = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        // Each held rowid beside its place: the column's key (turned round to sort descending, no
        // value after every value either way) above, its NCT rank below; sorted by place.
        var places = new long[rowids.Length];
        var held = new long[rowids.Length];
        var count = 0;
        foreach (var rowid in rowids)
        {
            if (!Holds(rowid))
            {
                continue;
            }

            long rank = _ranks[rowid];
            if (keys is null)
            {
                places[count] = descending ? -rank : rank;
            }
            else
            {
                var key = rowid < keys.Length ? keys[rowid] : NoValue;
                var first = key == NoValue ? int.MaxValue : descending ? int.MaxValue - 1 - key : key;
                places[count] = ((long)first << 32) | rank;
            }

            held[count++] = rowid;
        }

        if (offset >= count)
        {
            return [];
        }

        var wanted = (int)Math.Min(offset + limit, count);
        if (wanted * 8L < count)
        {
            // An early page of a broad selection: only its first places are kept (a heap of them),
            // not every place sorted.
            var first = new PriorityQueue<long, long>(wanted + 1);
            for (var i = 0; i < count; i++)
            {
                if (first.Count < wanted)
                {
                    first.Enqueue(held[i], -places[i]);
                }
                else if (first.TryPeek(out _, out var worst) && places[i] < -worst)
                {
                    first.DequeueEnqueue(held[i], -places[i]);
                }
            }

            count = 0;
            while (first.TryDequeue(out var rowid, out var negated))
            {
                places[count] = -negated;
                held[count++] = rowid;
            }
        }

        places.AsSpan(0, count).Sort(held.AsSpan(0, count));
        return held.AsSpan((int)offset, (int)Math.Min(limit, count - offset)).ToArray();
    }

    /// <summary>The key of a study without a value in the column (<see cref="LoadSortKeys"/>).</summary>
    public const int NoValue = -1;

    /// <summary>
    /// Each study's place among the distinct values of <paramref name="column"/> of studies, in
    /// SQLite's order (equal values share a key, from 0), indexed by rowid; <see cref="NoValue"/>
    /// where it has none. <paramref name="column"/> must be a column name of the caller's own
    /// list, never input. Read in one transaction of <paramref name="connection"/>.
    /// </summary>
    public static int[] LoadSortKeys(DbConnection connection, string column, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        if (!column.All(c => char.IsAsciiLetterLower(c) || c == '_'))
        {
            throw new ArgumentException($"not a column name: {column}", nameof(column));
        }

        using var transaction = EvidenceDatabase.BeginRead(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(rowid), 0) FROM studies";
        var keys = new int[checked((int)(long)command.ExecuteScalar()! + 1)];
        Array.Fill(keys, NoValue);
        command.CommandText = $"SELECT rowid, {column} FROM studies WHERE {column} IS NOT NULL ORDER BY {column}";
        using var reader = command.ExecuteReader();
        var key = -1;
        object? previous = null;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var value = reader.GetValue(1);
            if (!value.Equals(previous))
            {
                key++;
                previous = value;
            }

            keys[reader.GetInt64(0)] = key;
        }

        return keys;
    }
}
