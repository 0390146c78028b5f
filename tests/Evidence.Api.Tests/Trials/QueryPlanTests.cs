using Dapper;
using TrialEvidence.Api.Trials;
using TrialEvidence.Data.Database;
using Xunit.Abstractions;

namespace TrialEvidence.Api.Tests.Trials;

/// <summary>
/// How the engine runs each filter of the trial list (issue 11): a filter that reads every study,
/// or every row of a child table, does not stay fast at 600,000 studies. Each shape's plan is
/// checked; the shapes that still scan are listed with the reason, so a new scan fails here and
/// a fixed one must leave the list. SQLite's plans are read from EXPLAIN QUERY PLAN. PostgreSQL
/// chooses by its statistics, and on the test's few studies rightly reads tables whole; so its
/// plans are asked for with sequential scans (and, for the order of a page, sorts) switched off,
/// and a sequential scan of a large table that is left means that no index can serve the filter
/// (<see cref="PostgresPlan"/>).
/// </summary>
public sealed class QueryPlanTests(EvidenceApiFactory factory, ITestOutputHelper output) : ApiTest(factory)
{
    /// <summary>Filters that still read every study, and why. Remove an entry when its filter is indexed.</summary>
    private static readonly Dictionary<string, string> KnownScans = new(StringComparer.Ordinal)
    {
        ["sponsor, two characters"] = "a substring of fewer than three characters has no trigram to look up in sponsor_search",
    };

    private bool ScansStudies(string name, string sql, object parameters)
    {
        using var connection = Factory.OpenDatabase();
        if (TestProvider.IsPostgres)
        {
            var nodes = PostgresPlan.Of(connection, sql, parameters);
            output.WriteLine($"{name}:\n  {string.Join("\n  ", nodes)}");
            return PostgresPlan.ScansALargeTable(nodes);
        }

        var plan = connection.Query<(long Id, long Parent, long NotUsed, string Detail)>($"EXPLAIN QUERY PLAN {sql}", parameters).Select(r => r.Detail).ToList();
        output.WriteLine($"{name}:\n  {string.Join("\n  ", plan)}");
        // "SCAN s", or "SCAN s USING [COVERING] INDEX ..." without a condition: every study is read.
        return plan.Any(step => step == "SCAN s" || (step.StartsWith("SCAN s USING ", StringComparison.Ordinal) && !step.Contains('(', StringComparison.Ordinal)));
    }

    public static TheoryData<string, TrialFilters> Shapes => new()
    {
        { "status", new TrialFilters { Status = ["RECRUITING"] } },
        { "phase", new TrialFilters { Phase = ["PHASE2"] } },
        { "updatedSince", new TrialFilters { UpdatedSince = "2025-01-01" } },
        { "q", new TrialFilters { Q = "sintilimab" } },
        { "sponsor", new TrialFilters { Sponsor = ["university"] } },
        { "sponsor, two characters", new TrialFilters { Sponsor = ["of"] } },
        { "country", new TrialFilters { Country = ["China"] } },
        { "agent", new TrialFilters { Agent = ["sintilimab"] } },
        { "target", new TrialFilters { Target = ["PD-1"] } },
        { "modality", new TrialFilters { Modality = ["SBRT"] } },
        { "endpoint", new TrialFilters { Endpoint = ["ORR"] } },
        { "setting", new TrialFilters { Setting = ["metastatic"] } },
        { "topic", new TrialFilters { Topic = ["hcc-irt"] } },
        { "target=any", new TrialFilters { Target = ["any"] } },
        { "agent&freeText=exclude", new TrialFilters { Agent = ["sintilimab"], FreeText = "exclude" } },
        { "property", new TrialFilters { Property = ["bispecific"] } },
        { "minEnrollment", new TrialFilters { MinEnrollment = 100 } },
        { "startFrom", new TrialFilters { StartFrom = "2019" } },
        { "startTo", new TrialFilters { StartTo = "2019-05" } },
        { "maxEnrollment", new TrialFilters { MaxEnrollment = 40 } },
        { "country, any case", new TrialFilters { Country = ["china"] } },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_filter_finds_its_studies_through_an_index_or_is_a_known_scan(string name, TrialFilters filters)
    {
        var selection = TrialReads.Select(filters);

        var scansStudies = ScansStudies(name, $"SELECT s.nct_id FROM studies s WHERE {selection.Where}", selection.Parameters);

        Assert.True(
            scansStudies == KnownScans.ContainsKey(name),
            scansStudies ? $"{name} reads every study (see the test's output for the plan)" : $"{name} no longer scans: remove it from KnownScans");
    }

    public static TheoryData<string, TrialFilters> Combinations => new()
    {
        { "status&phase", new TrialFilters { Status = ["RECRUITING", "COMPLETED"], Phase = ["PHASE2"] } },
        { "phase&setting", new TrialFilters { Phase = ["PHASE2"], Setting = ["unresectable"] } },
        { "agent&endpoint", new TrialFilters { Agent = ["durvalumab"], Endpoint = ["ORR", "PFS"] } },
        { "topic&status&target", new TrialFilters { Topic = ["hcc-irt"], Status = ["RECRUITING"], Target = ["PD-1"] } },
        { "modality&freeText=exclude&phase", new TrialFilters { Modality = ["SBRT"], FreeText = "exclude", Phase = ["PHASE2"] } },
    };

    /// <summary>
    /// Several filters: the one that selects fewest studies (by the maintained counts) reads them
    /// from an index, the others test each (EXISTS); the same trials as each filter listing its own.
    /// </summary>
    [Theory]
    [MemberData(nameof(Combinations))]
    public void Several_filters_are_driven_by_the_narrowest_and_select_the_same_trials(string name, TrialFilters filters)
    {
        using var connection = Factory.OpenDatabase();
        var planned = TrialReads.Select(connection, filters);
        var unplanned = TrialReads.Select(filters);

        Assert.False(ScansStudies(name, $"SELECT s.nct_id FROM studies s WHERE {planned.Where}", planned.Parameters), $"{name} reads every study");
        if (!TestProvider.IsPostgres)
        {
            var plan = connection.Query<(long Id, long Parent, long NotUsed, string Detail)>(
                $"EXPLAIN QUERY PLAN SELECT s.nct_id FROM studies s WHERE {planned.Where}", planned.Parameters).Select(r => r.Detail).ToList();
            // The registrations listed under another's (a few, from their partial index) are a list too, of no filter.
            var lists = plan.Where((step, i) => step.Contains("LIST SUBQUERY", StringComparison.Ordinal)
                && !(i + 1 < plan.Count && plan[i + 1].Contains("ix_studies_shown_as", StringComparison.Ordinal)));
            Assert.True(lists.Count() <= 1, "more than one filter lists all its studies");
        }

        Assert.Equal(
            connection.Query<string>(connection.Sql($"SELECT s.nct_id FROM studies s WHERE {unplanned.Where} ORDER BY 1"), unplanned.Parameters),
            connection.Query<string>(connection.Sql($"SELECT s.nct_id FROM studies s WHERE {planned.Where} ORDER BY 1"), planned.Parameters));
    }

    [Fact]
    public void The_filter_that_selects_fewest_drives()
    {
        var filters = new TrialFilters { Status = ["COMPLETED"], Phase = ["PHASE2"] };
        Dictionary<(string, string), long> fewerPhase2 = new() { [("status", "COMPLETED")] = 500, [("phase", "PHASE2")] = 20 };
        Dictionary<(string, string), long> fewerCompleted = new() { [("status", "COMPLETED")] = 20, [("phase", "PHASE2")] = 500 };

        var byPhase = TrialReads.Select(filters, fewerPhase2).Where;
        var byStatus = TrialReads.Select(filters, fewerCompleted).Where;

        Assert.Contains("s.nct_id IN (SELECT f.nct_id FROM study_facets f WHERE f.facet = 'phase'", byPhase, StringComparison.Ordinal);
        Assert.Contains("s.overall_status = @p0", byPhase, StringComparison.Ordinal);
        Assert.Contains("s.nct_id IN (SELECT f.nct_id FROM study_facets f WHERE f.facet = 'status'", byStatus, StringComparison.Ordinal);
        Assert.Contains("EXISTS (SELECT 1 FROM study_facets f WHERE f.nct_id = s.nct_id AND f.facet = 'phase'", byStatus, StringComparison.Ordinal);
    }

    /// <summary>
    /// The ids of a page in the default order (NCT id) come in that order from an index, for no
    /// filter and for a status, so a broad selection is never sorted as a whole.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("RECRUITING")]
    public void A_page_in_nct_order_is_read_in_order_without_sorting_the_selection(string status)
    {
        var selection = TrialReads.Select(status.Length == 0 ? new TrialFilters() : new TrialFilters { Status = [status] });

        AssertReadInOrder($"SELECT s.nct_id FROM studies s WHERE {selection.Where} ORDER BY s.nct_id ASC LIMIT 20", selection.Parameters, "COVERING INDEX");
    }

    /// <summary>
    /// Newest, largest or latest-started first (migration 0017): the whole registry's first page
    /// is read in the sort's order from an index, not sorted.
    /// </summary>
    [Theory]
    [InlineData("-updated")]
    [InlineData("-enrollment")]
    [InlineData("-start")]
    public void A_page_sorted_descending_by_date_or_enrollment_is_read_in_order_from_an_index(string sort)
    {
        var selection = TrialReads.Select(new TrialFilters());

        AssertReadInOrder($"SELECT s.nct_id FROM studies s WHERE {selection.Where} ORDER BY {TrialReads.OrderBy(sort)} LIMIT 20", selection.Parameters, "COVERING INDEX ix_studies_");
    }

    /// <summary>The page comes from an index in its order: no sort of the selection (on PostgreSQL, none when sorting is switched off).</summary>
    private void AssertReadInOrder(string sql, object parameters, string sqliteIndex)
    {
        using var connection = Factory.OpenDatabase();
        if (TestProvider.IsPostgres)
        {
            var nodes = PostgresPlan.Of(connection, sql, parameters, sortsOff: true);
            output.WriteLine(string.Join("\n", nodes));
            Assert.DoesNotContain(nodes, n => n.Type == "Sort");
            Assert.False(PostgresPlan.ScansALargeTable(nodes));
            return;
        }

        var plan = connection.Query<(long Id, long Parent, long NotUsed, string Detail)>($"EXPLAIN QUERY PLAN {sql}", parameters).Select(r => r.Detail).ToList();
        output.WriteLine(string.Join("\n", plan));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains(sqliteIndex, StringComparison.Ordinal));
    }
}
