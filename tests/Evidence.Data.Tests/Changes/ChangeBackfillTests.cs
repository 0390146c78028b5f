using System.Text.Json.Nodes;
using Dapper;
using TrialEvidence.Data.Changes;

namespace TrialEvidence.Data.Tests.Changes;

/// <summary>backfill-changes over versions stored without their changes, or arrived out of order.</summary>
public class ChangeBackfillTests
{
    private static readonly Action<JsonNode> Suspended = LaterVersion.Status("SUSPENDED");

    private static readonly Action<JsonNode> Closed = StudyChangesTests.Closed;

    private static List<(string Field, string? Old, string? New, string? RegistryDate, long Backfilled)> Rows(TempDatabase database) =>
        database.Open().Query<(string, string?, string?, string?, long)>(
            "SELECT field, old, new, registry_date, backfilled FROM study_changes ORDER BY registry_date, id").ToList();

    [Fact]
    public void Versions_stored_before_changes_were_kept_get_their_timeline_in_registry_order_once()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", StudyChangesTests.Version("2024-01-23")));
        database.Import(database.WriteFile("v2.json", StudyChangesTests.Version("2024-05-01", Suspended)));
        database.Import(database.WriteFile("v3.json", StudyChangesTests.Version("2024-09-01", Closed)));
        database.Open().Execute("DELETE FROM study_changes"); // as a database from before migration 0020 holds them

        var first = new ChangeBackfill(database.Connections).Run();
        var second = new ChangeBackfill(database.Connections).Run();

        Assert.Equal(
            [
                ("status", "Recruiting", "Suspended", "2024-05-01", 1L),
                ("status", "Suspended", "Active, not recruiting", "2024-09-01", 1L),
                ("enrollment.count", "75", "68", "2024-09-01", 1L),
                ("enrollment.type", "Estimated", "Actual", "2024-09-01", 1L),
            ],
            Rows(database));
        Assert.Equal((1L, 4L, 0L), (first.Studies, first.Added, first.Removed));
        Assert.Equal((0L, 0L), (second.Added, second.Removed));
    }

    [Fact]
    public void A_version_that_arrives_between_two_others_splits_their_change_into_history()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", StudyChangesTests.Version("2024-01-23")));
        database.Import(database.WriteFile("v3.json", StudyChangesTests.Version("2024-09-01", Closed + Suspended)));
        Assert.Equal(3, Rows(database).Count);

        database.Import(database.WriteFile("v2.json", StudyChangesTests.Version("2024-05-01", Suspended)));

        Assert.Equal(
            [
                ("status", "Recruiting", "Suspended", "2024-05-01", 1L),
                ("enrollment.count", "75", "68", "2024-09-01", 1L),
                ("enrollment.type", "Estimated", "Actual", "2024-09-01", 1L),
            ],
            Rows(database));
        var again = new ChangeBackfill(database.Connections).Run();
        Assert.Equal((0L, 0L), (again.Added, again.Removed));
    }

    [Fact]
    public void Rows_stored_live_for_consecutive_versions_are_kept_as_they_are()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", StudyChangesTests.Version("2024-01-23")));
        database.Import(database.WriteFile("v2.json", StudyChangesTests.Version("2024-09-01", Closed)));
        var before = Rows(database);

        var summary = new ChangeBackfill(database.Connections).Run();

        Assert.Equal((0L, 0L), (summary.Added, summary.Removed));
        Assert.Equal(before, Rows(database));
        Assert.All(before, row => Assert.Equal(0L, row.Backfilled));
    }

    [Fact]
    public void A_version_without_dates_is_left_out_of_the_timeline()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", StudyChangesTests.Version("2024-01-23")));
        // The same record trimmed to a few fields, without its dates (as a fields= subset comes).
        database.Import(database.WriteFile("subset.json", StudyChangesTests.Version("2024-01-23", r =>
        {
            r.AsObject().Remove("derivedSection");
            r["protocolSection"]!["statusModule"]!.AsObject().Remove("lastUpdatePostDateStruct");
            r["protocolSection"]!.AsObject().Remove("contactsLocationsModule");
            r["protocolSection"]!["statusModule"]!["overallStatus"] = "COMPLETED"; // what a comparison with it would call a change
        })));

        new ChangeBackfill(database.Connections).Run();

        Assert.Empty(Rows(database));
    }
}
