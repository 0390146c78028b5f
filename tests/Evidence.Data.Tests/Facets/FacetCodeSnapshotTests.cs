using Dapper;
using TrialEvidence.Data.Facets;

namespace TrialEvidence.Data.Tests.Facets;

/// <summary>
/// study_facet_codes held in memory (FacetCodeSnapshot, issue 11): what it counts over any set of
/// studies is what their study_facets rows count, and its pages are SQLite's NCT order.
/// </summary>
public sealed class FacetCodeSnapshotTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public FacetCodeSnapshotTests() => Assert.Empty(_database.Import(SharedData.CtGov).Rejections);

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Counts_over_any_studies_equal_their_facet_rows()
    {
        using var connection = _database.Open();
        var snapshot = FacetCodeSnapshot.Load(connection)!;
        var rowids = connection.Query<long>("SELECT rowid FROM studies ORDER BY rowid").ToList();
        Assert.Equal(rowids.Count, snapshot.Studies);
        var random = new Random(11);
        foreach (var subset in new[] { rowids, rowids.Where((_, i) => i % 3 == 0).ToList(), rowids.OrderBy(_ => random.Next()).Take(7).ToList(), [] })
        {
            var counts = snapshot.Count(subset.ToArray());
            var expected = connection.Query<(long Id, long Count)>(
                """
                SELECT i.id, COUNT(*) FROM studies s JOIN study_facets f ON f.nct_id = s.nct_id JOIN facet_ids i ON i.facet = f.facet AND i.value = f.value
                WHERE s.rowid IN (SELECT value FROM json_each(@ids)) GROUP BY i.id ORDER BY i.id
                """,
                new { ids = System.Text.Json.JsonSerializer.Serialize(subset) }).ToList();
            Assert.Equal(expected, counts.Select((count, id) => ((long)id, (long)count)).Where(c => c.Item2 > 0).ToList());
        }
    }

    [Theory]
    [InlineData(0, 20, false)]
    [InlineData(5, 10, false)]
    [InlineData(0, 20, true)]
    [InlineData(30, 10, true)]
    [InlineData(1000, 10, false)] // past the end: an empty page
    [InlineData(0, 2, false)] // an early page of many: only the first places kept
    [InlineData(1, 2, true)]
    public void Pages_are_in_sqlites_nct_order(int offset, int limit, bool descending)
    {
        using var connection = _database.Open();
        var snapshot = FacetCodeSnapshot.Load(connection)!;
        var selected = connection.Query<long>("SELECT rowid FROM studies WHERE rowid % 2 = 1").ToArray();
        var expected = connection.Query<long>(
            $"SELECT rowid FROM studies WHERE rowid % 2 = 1 ORDER BY nct_id {(descending ? "DESC" : "ASC")} LIMIT @limit OFFSET @offset", new { limit, offset }).ToList();

        Assert.Equal(expected, snapshot.Page(selected, offset, limit, descending));
    }

    [Fact]
    public void A_selection_by_facet_numbers_is_every_study_holding_one_of_each_group()
    {
        using var connection = _database.Open();
        var snapshot = FacetCodeSnapshot.Load(connection)!;
        int[] Ids(string facet) => [.. connection.Query<int>("SELECT id FROM facet_ids WHERE facet = @facet", new { facet })];
        long[] Studies(string where) => [.. connection.Query<long>(
            $"SELECT s.rowid FROM studies s WHERE {where} ORDER BY s.rowid")];
        const string Has = "EXISTS (SELECT 1 FROM study_facets f JOIN facet_ids i ON i.facet = f.facet AND i.value = f.value WHERE f.nct_id = s.nct_id AND i.id IN ({0}))";
        string HasAny(int[] ids) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Has, string.Join(",", ids.Append(-1)));
        var statuses = Ids("status");
        var phases = Ids("phase");
        var twoStatuses = statuses.Take(2).ToArray();
        Assert.True(statuses.Length >= 2 && phases.Length >= 2);

        // The values of one group are alternatives; groups must all hold.
        Assert.Equal(Studies(HasAny(twoStatuses)), snapshot.Select([twoStatuses]));
        Assert.Equal(Studies($"{HasAny(twoStatuses)} AND {HasAny(phases[..1])}"), snapshot.Select([twoStatuses, phases[..1]]));
        Assert.NotEmpty(snapshot.Select([statuses]));
        Assert.Empty(snapshot.Select([statuses, []])); // a group no study can hold selects nothing
        Assert.Equal(snapshot.Studies, snapshot.Select([]).Length);
    }

    [Theory]
    [InlineData(0, 20, false)]
    [InlineData(3, 5, true)]
    [InlineData(1000, 10, false)] // past the end: an empty page, the counts all the same
    public void Selecting_in_nct_order_counts_and_pages_as_the_three_steps_do(int offset, int limit, bool descending)
    {
        using var connection = _database.Open();
        var snapshot = FacetCodeSnapshot.Load(connection)!;
        var statuses = connection.Query<int>("SELECT id FROM facet_ids WHERE facet = 'status'").Take(3).ToArray();
        var phases = connection.Query<int>("SELECT id FROM facet_ids WHERE facet = 'phase'").ToArray();
        IReadOnlyCollection<int>[] groups = [statuses, phases];
        var selected = snapshot.Select(groups);
        Assert.NotEmpty(selected);

        var (counts, page) = snapshot.SelectInOrder(groups, offset, limit, descending);

        Assert.Equal(snapshot.Page(selected, offset, limit, descending), page);
        Assert.Equal(Counted(snapshot.Count(selected)), Counted(counts));
    }

    /// <summary>The facet numbers counted and their counts (arrays may differ in length beyond the last).</summary>
    private static List<(int Number, int Count)> Counted(int[] counts) => [.. counts.Select((count, number) => (number, count)).Where(c => c.count > 0)];

    [Theory]
    [InlineData("brief_title", false)]
    [InlineData("brief_title", true)]
    [InlineData("enrollment_count", true)]
    [InlineData("enrollment_count", false)]
    [InlineData("start_date", true)]
    [InlineData("phase", false)] // many ties, broken by NCT id; studies without a phase last
    public void Pages_in_a_columns_order_are_sqlites(string column, bool descending)
    {
        using var connection = _database.Open();
        var snapshot = FacetCodeSnapshot.Load(connection)!;
        var keys = FacetCodeSnapshot.LoadSortKeys(connection, column);
        var selected = connection.Query<long>("SELECT rowid FROM studies WHERE rowid % 3 <> 1").ToArray();
        // Pages of 20, and early pages of 3 (only the first places kept, not all sorted).
        foreach (var (offset, limit) in new[] { (0, 20), (7, 20), (25, 20), (0, 3), (2, 3) })
        {
            var expected = connection.Query<long>(
                $"SELECT rowid FROM studies WHERE rowid % 3 <> 1 ORDER BY {column} {(descending ? "DESC" : "ASC")} NULLS LAST, nct_id LIMIT @limit OFFSET @offset", new { offset, limit }).ToList();

            Assert.Equal(expected, snapshot.Page(selected, offset, limit, descending, keys));
        }
    }

    [Fact]
    public void A_sort_column_must_be_a_plain_name()
    {
        using var connection = _database.Open();
        Assert.Throws<ArgumentException>(() => FacetCodeSnapshot.LoadSortKeys(connection, "brief_title; DROP TABLE studies"));
    }

    [Fact]
    public void A_rowid_not_held_counts_nothing_and_is_left_out_of_pages()
    {
        using var connection = _database.Open();
        var snapshot = FacetCodeSnapshot.Load(connection)!;
        var last = connection.ExecuteScalar<long>("SELECT MAX(rowid) FROM studies");
        long[] missing = [last + 1, last + 1000, -1];

        Assert.All(missing, rowid => Assert.False(snapshot.Holds(rowid)));
        Assert.All(snapshot.Count(missing), count => Assert.Equal(0, count));
        Assert.Empty(snapshot.Page(missing, 0, 20, descending: false));
    }

    [Fact]
    public void Rowids_too_sparse_to_index_by_give_no_snapshot()
    {
        using var connection = _database.Open();
        var studies = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_facet_codes");
        // After many deletions the rowids can run far past the number of studies: arrays indexed by them would be mostly empty.
        connection.Execute(
            "UPDATE study_facet_codes SET study_rowid = @far WHERE study_rowid = (SELECT MAX(study_rowid) FROM study_facet_codes)",
            new { far = (FacetCodeSnapshot.MaxRowidsPerStudy * studies) + 2000 });

        Assert.Null(FacetCodeSnapshot.Load(connection));
    }

    [Theory]
    [InlineData("3,17,240", new long[] { 3, 17, 240 })]
    [InlineData("42", new long[] { 42 })]
    [InlineData("", new long[0])]
    [InlineData(null, new long[0])]
    [InlineData("3,,5", new long[] { 3, 0, 5 })] // a study of no facet numbers between two others
    public void Comma_joined_numbers_read_as_group_concat_writes_them(string? joined, long[] expected) =>
        Assert.Equal(expected, CommaNumbers.Parse(joined));
}
