using System.Text.Json.Nodes;
using Dapper;

namespace TrialEvidence.Data.Tests.Changes;

/// <summary>
/// A newer version of a real record (NCT05147467, recruiting, 75 estimated, 11 sites) imported
/// over it: what study_changes keeps, and what it must not invent.
/// </summary>
public class StudyChangesTests
{
    private const string NctId = "NCT05147467";

    private static readonly string Template = File.ReadAllText(SharedData.CtGovFile($"{NctId}.json"));

    /// <summary>The record as the registry would serve it after an update posted on <paramref name="updated"/>, edited by <paramref name="edit"/>.</summary>
    public static string Version(string updated, Action<JsonNode>? edit = null) => LaterVersion.Of(Template, updated, edit);

    private static JsonNode Status(JsonNode record) => LaterVersion.StatusModule(record);

    private static JsonNode Design(JsonNode record) => record["protocolSection"]!["designModule"]!;

    /// <summary>Recruitment closed: active, not recruiting, 68 actual.</summary>
    public static readonly Action<JsonNode> Closed = LaterVersion.Status("ACTIVE_NOT_RECRUITING") + LaterVersion.Enrollment(68, "ACTUAL");

    /// <summary>The timeline of v1 (75 estimated), v2 (90 estimated, 2024-03-01) and v3 (closed at 68, 2024-06-30).</summary>
    private static readonly List<(string Field, string? Old, string? New, string? RegistryDate)> RaisedThenClosed =
    [
        ("enrollment.count", "75", "90", "2024-03-01"),
        ("status", "Recruiting", "Active, not recruiting", "2024-06-30"),
        ("enrollment.count", "90", "68", "2024-06-30"),
        ("enrollment.type", "Estimated", "Actual", "2024-06-30"),
    ];

    private static List<(string Field, string? Old, string? New, string? RegistryDate)> Changes(TempDatabase database) =>
        database.Open().Query<(string, string?, string?, string?)>(
            "SELECT field, old, new, registry_date FROM study_changes WHERE nct_id = @NctId ORDER BY id", new { NctId }).ToList();

    [Fact]
    public void A_later_version_with_new_enrollment_and_status_produces_exactly_those_changes()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", Version("2024-01-23")));

        var summary = database.Import(database.WriteFile("v2.json", Version("2024-06-30", Closed)));

        Assert.Equal(1L, summary.Counts.Changed);
        Assert.Equal(
            [
                ("status", "Recruiting", "Active, not recruiting", "2024-06-30"),
                ("enrollment.count", "75", "68", "2024-06-30"),
                ("enrollment.type", "Estimated", "Actual", "2024-06-30"),
            ],
            Changes(database));
        using var connection = database.Open();
        var versions = connection.Query<long>("SELECT id FROM study_versions WHERE nct_id = @NctId ORDER BY last_update_posted_date", new { NctId }).ToList();
        Assert.Equal(
            (versions[0], versions[1]),
            connection.QuerySingle<(long, long)>("SELECT DISTINCT from_version_id, to_version_id FROM study_changes"));
    }

    [Fact]
    public void The_first_version_of_a_trial_and_the_same_version_served_again_change_nothing()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", Version("2024-01-23")));
        database.Import(database.WriteFile("again.json", Version("2024-01-23", r => r["derivedSection"]!["miscInfoModule"]!["versionHolder"] = "2026-12-01")));
        database.Import(SharedData.CtGov);

        Assert.Empty(Changes(database));
    }

    [Fact]
    public void Versions_that_arrive_out_of_order_give_the_timeline_in_registry_order_as_history_and_no_false_change()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v3.json", Version("2024-09-01", Closed)));

        // Older versions arriving later: the first estimate, then one between.
        database.Import(database.WriteFile("v1.json", Version("2024-01-23")));
        database.Import(database.WriteFile("v2.json", Version("2024-05-01", LaterVersion.Status("SUSPENDED"))));

        Assert.Equal(
            [
                ("status", "Recruiting", "Suspended", "2024-05-01"),
                ("status", "Suspended", "Active, not recruiting", "2024-09-01"),
                ("enrollment.count", "75", "68", "2024-09-01"),
                ("enrollment.type", "Estimated", "Actual", "2024-09-01"),
            ],
            Changes(database).OrderBy(c => c.RegistryDate, StringComparer.Ordinal));
        using var connection = database.Open();
        Assert.Equal(3L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_versions"));
        Assert.Equal("ACTIVE_NOT_RECRUITING", connection.ExecuteScalar<string>("SELECT overall_status FROM studies"));
        Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_changes WHERE backfilled = 0")); // history: no webhook gets it as news
    }

    [Fact]
    public void Of_two_versions_with_the_same_date_the_second_is_history_and_changes_nothing()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", Version("2024-01-23")));

        database.Import(database.WriteFile("same-day.json", Version("2024-01-23", Closed)));

        Assert.Empty(Changes(database));
    }

    [Fact]
    public void A_version_that_leaves_a_field_out_does_not_change_it_to_nothing()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", Version("2024-01-23")));

        database.Import(database.WriteFile("trimmed.json", Version("2024-02-01", r =>
        {
            Design(r).AsObject().Remove("enrollmentInfo");
            Status(r).AsObject().Remove("overallStatus");
            Status(r).AsObject().Remove("primaryCompletionDateStruct");
        })));

        Assert.Empty(Changes(database));
    }

    [Fact]
    public void Versions_in_order_make_a_timeline_each_against_the_one_before()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", Version("2024-01-23")));
        database.Import(database.WriteFile("v2.json", Version("2024-03-01", LaterVersion.Enrollment(90, "ESTIMATED"))));
        database.Import(database.WriteFile("v3.json", Version("2024-06-30", Closed)));

        Assert.Equal(RaisedThenClosed, Changes(database));
    }

    [Fact]
    public void Sites_are_added_and_removed_by_facility_and_country()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", Version("2024-01-23")));
        var first = JsonNode.Parse(Template)!["protocolSection"]!["contactsLocationsModule"]!["locations"]![0]!;
        var removed = $"{first["facility"]}, {first["city"]}, {first["country"]}";

        database.Import(database.WriteFile("v2.json", Version("2024-03-01", r =>
        {
            var locations = r["protocolSection"]!["contactsLocationsModule"]!["locations"]!.AsArray();
            locations.RemoveAt(0);
            locations.Add(new JsonObject { ["facility"] = "Peking University Cancer Hospital", ["city"] = "Beijing", ["country"] = "China" });
            // A site's status moving, or its name in other case, is not a site added or removed.
            locations[0]!["status"] = "COMPLETED";
            locations[1]!["facility"] = locations[1]!["facility"]!.GetValue<string>().ToUpperInvariant();
        })));

        Assert.Equal(
            [("sites", removed, null, "2024-03-01"), ("sites", null, "Peking University Cancer Hospital, Beijing, China", "2024-03-01")],
            Changes(database));
    }

    [Fact]
    public void Interventions_outcomes_sponsor_dates_and_a_reason_for_stopping_are_named_by_field()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", Version("2024-01-23")));
        var template = JsonNode.Parse(Template)!;
        var outcome = template["protocolSection"]!["outcomesModule"]!["primaryOutcomes"]![0]!;

        database.Import(database.WriteFile("v2.json", Version("2024-03-01", r =>
        {
            Status(r)["overallStatus"] = "TERMINATED";
            Status(r)["whyStopped"] = "Sponsor decision";
            Status(r)["primaryCompletionDateStruct"] = new JsonObject { ["date"] = "2024-02-15", ["type"] = "ACTUAL" };
            r["protocolSection"]!["sponsorCollaboratorsModule"]!["leadSponsor"]!["name"] = "Ascentage Pharma (Suzhou) Co., Ltd.";
            r["protocolSection"]!["armsInterventionsModule"]!["interventions"]!.AsArray().Add(
                new JsonObject { ["type"] = "DRUG", ["name"] = "Rituximab" });
            r["protocolSection"]!["outcomesModule"]!["primaryOutcomes"]![0]!["timeFrame"] = "Up to 2 years";
        })));

        var changes = Changes(database);
        Assert.Equal(
            ["status", "whyStopped", "primaryCompletionDate", "sponsor", "interventions", "primaryOutcomes"],
            changes.Select(c => c.Field));
        Assert.Equal((null, "Sponsor decision"), (changes[1].Old, changes[1].New));
        Assert.EndsWith("(actual)", changes[2].New, StringComparison.Ordinal);
        Assert.Equal((null, "Drug: Rituximab"), (changes[4].Old, changes[4].New));
        Assert.Contains("time frame: Up to 2 years", changes[5].New, StringComparison.Ordinal);
        Assert.Contains(outcome["timeFrame"]!.GetValue<string>(), changes[5].Old, StringComparison.Ordinal);
    }

    [Fact]
    public void Eligibility_names_the_criteria_lines_removed_and_added_and_ignores_reflowed_text()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", Version("2024-01-23")));
        var criteria = JsonNode.Parse(Template)!["protocolSection"]!["eligibilityModule"]!["eligibilityCriteria"]!.GetValue<string>();

        database.Import(database.WriteFile("reflowed.json", Version("2024-02-01", r =>
            r["protocolSection"]!["eligibilityModule"]!["eligibilityCriteria"] = criteria.Replace("\n", "\n\n  ", StringComparison.Ordinal))));
        Assert.Empty(Changes(database));

        database.Import(database.WriteFile("v3.json", Version("2024-03-01", r =>
        {
            r["protocolSection"]!["eligibilityModule"]!["eligibilityCriteria"] = criteria + "\n* Prior treatment with a BCL-2 inhibitor is allowed";
            r["protocolSection"]!["eligibilityModule"]!["minimumAge"] = "12 Years";
        })));

        var changes = Changes(database);
        Assert.All(changes, c => Assert.Equal("eligibility", c.Field));
        Assert.Equal(2, changes.Count);
        Assert.StartsWith("12 Years", changes[0].New, StringComparison.Ordinal);
        Assert.Equal((null, "Added: Prior treatment with a BCL-2 inhibitor is allowed"), (changes[1].Old, changes[1].New));
    }

    [Fact]
    public void Versions_of_one_trial_in_consecutive_batches_of_an_import_are_each_compared_with_the_one_stored_before()
    {
        // Batches of one study: the importer reads each batch's current versions ahead while the
        // batch before is written, so what it read for v3 may already be stale (v1, not v2).
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", Version("2024-01-23")));
        var later = database.WriteFile("later.json", $"[{Version("2024-03-01", LaterVersion.Enrollment(90, "ESTIMATED"))},{Version("2024-06-30", Closed)}]");

        var summary = database.CreateImporter(batchSize: 1).Import(Data.Import.RecordSource.Expand([later]));

        Assert.Equal(2L, summary.Counts.Changed);
        Assert.Equal(RaisedThenClosed, Changes(database));
        using var connection = database.Open();
        Assert.Equal(
            0L,
            connection.ExecuteScalar<long>("""
                SELECT COUNT(*) FROM study_changes c
                WHERE c.from_version_id <> (SELECT MAX(v.id) FROM study_versions v WHERE v.nct_id = c.nct_id AND v.id < c.to_version_id)
                """));
    }

    [Fact]
    public void A_version_read_ahead_that_is_no_longer_current_is_not_compared_with()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", Version("2024-01-23")));
        using var connection = database.Open();
        var stale = Data.Changes.PreviousVersions.Read(connection, null, [NctId]); // v1, read ahead
        database.Import(database.WriteFile("v2.json", Version("2024-03-01", LaterVersion.Enrollment(90, "ESTIMATED"))));
        var v3 = Data.Studies.ParsedStudy.From(new Data.Registry.StudyJson(System.Text.Encoding.UTF8.GetBytes(Version("2024-06-30", Closed)), 0, 1));

        using (var transaction = connection.BeginTransaction())
        {
            new Data.Studies.StudyWriter(TimeProvider.System).WriteBatch(connection, transaction, [new Data.Studies.IncomingStudy(v3, "v3.json")], stale);
            transaction.Commit();
        }

        Assert.Contains(("enrollment.count", "90", "68", "2024-06-30"), Changes(database));
        Assert.DoesNotContain(("enrollment.count", "75", "68", "2024-06-30"), Changes(database));
    }

    [Fact]
    public void A_newer_fields_subset_or_trimmed_record_changes_nothing_it_leaves_out()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", Version("2024-01-23")));

        // Shaped like ../shared/ctgov/partial/*.fields-subset.json: no derived section, lists and
        // list items cut down, no date types, no locations.
        database.Import(database.WriteFile("subset.json", Version("2024-06-01", r =>
        {
            r.AsObject().Remove("derivedSection");
            var protocol = r["protocolSection"]!.AsObject();
            protocol.Remove("contactsLocationsModule");
            protocol.Remove("outcomesModule");
            protocol["armsInterventionsModule"]!.AsObject().Remove("armGroups");
            foreach (var intervention in protocol["armsInterventionsModule"]!["interventions"]!.AsArray())
            {
                intervention!.AsObject().Remove("type");
                intervention.AsObject().Remove("description");
            }

            Status(r)["startDateStruct"]!.AsObject().Remove("type");
            Status(r).AsObject().Remove("whyStopped");
            protocol["eligibilityModule"]!.AsObject().Remove("minimumAge");
        })));

        Assert.Empty(Changes(database));
    }

    [Fact]
    public void A_whole_record_that_no_longer_lists_sites_has_removed_them()
    {
        using var database = new TempDatabase();
        database.Import(database.WriteFile("v1.json", Version("2024-01-23")));
        var sites = JsonNode.Parse(Template)!["protocolSection"]!["contactsLocationsModule"]!["locations"]!.AsArray().Count;

        database.Import(database.WriteFile("v2.json", Version("2024-06-01", r => r["protocolSection"]!.AsObject().Remove("contactsLocationsModule"))));

        var changes = Changes(database);
        Assert.Equal(sites, changes.Count);
        Assert.All(changes, c => Assert.Equal(("sites", (string?)null), (c.Field, c.New)));
    }
}
