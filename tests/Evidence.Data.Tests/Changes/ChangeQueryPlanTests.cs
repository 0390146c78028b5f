using Dapper;
using TrialEvidence.Data.Changes;
using Xunit.Abstractions;

namespace TrialEvidence.Data.Tests.Changes;

/// <summary>
/// The change feed's query shapes read study_changes through an index, never every row: the feed
/// of a registry mirror grows by thousands of rows a day. Shapes with one value take the rows
/// newest first from the index; a list of fields, trials or a topic sorts the changes it selects.
/// </summary>
public sealed class ChangeQueryPlanTests(ITestOutputHelper output)
{
    public static TheoryData<string, ChangeQuery> Shapes => new()
    {
        { "everything", new ChangeQuery() },
        { "since", new ChangeQuery(Since: DateTimeOffset.UnixEpoch) },
        { "next page", new ChangeQuery(Before: new ChangeCursor("2026-12-01T00:00:00.0000000+00:00", 10)) },
        { "field", new ChangeQuery(Fields: ["status"]) },
        { "fields", new ChangeQuery(Fields: ["status", "sites"]) },
        { "one trial", new ChangeQuery(Ids: ["NCT05147467"]) },
        { "trials", new ChangeQuery(Ids: ["NCT05147467", "NCT03281889"]) },
        { "topic", new ChangeQuery(Topics: ["hcc-irt"]) },
        { "registrySince", new ChangeQuery(RegistrySince: "2024") },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_page_of_changes_is_read_through_an_index_without_a_scan_or_a_sort_of_every_change(string name, ChangeQuery query)
    {
        using var database = new TempDatabase();
        using var connection = database.Open();
        var (sql, parameters) = ChangeLog.PageSql(query, 101);

        var plan = connection.Query<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, parameters).Select(r => r.Detail).ToList();
        output.WriteLine($"{name}:\n  {string.Join("\n  ", plan)}");

        Assert.DoesNotContain(plan, step => step == "SCAN c");
        Assert.Contains(plan, step => step.Contains("c USING INDEX", StringComparison.Ordinal) || step.Contains("c USING COVERING INDEX", StringComparison.Ordinal));
        Assert.Equal(name is "fields" or "trials" or "topic", plan.Contains("USE TEMP B-TREE FOR ORDER BY"));
    }
}
