using Dapper;
using TrialEvidence.Data.Studies;
using TrialEvidence.Data.Tests.Facets;

namespace TrialEvidence.Data.Tests.Registries;

/// <summary>
/// One trial registered twice is listed once (issue 14): a ChiCTR record that names a stored NCT
/// record's id among its secondary ids, in either order of arrival, and parted again when a later
/// version stops naming it. The ChiCTR records are ICTRP exports written here around a real
/// record of ../shared/ctgov (the shared registries hold no trial registered in both).
/// </summary>
public sealed class RegistrationsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private const string Nct = "NCT03418623";

    /// <summary>An ICTRP export of one ChiCTR trial, naming <paramref name="secondaryIds"/>.</summary>
    private string ChiCtrExport(string id, string secondaryIds, string refreshed = "1 December 2026", string file = "chictr.xml") =>
        IctrpFixture.Write(
            Path.Combine(_database.Directory, file),
            new IctrpTrial(id, "ChiCTR", "Zanubrutinib registered in China too", refreshed, TargetSize: "Experimental group:30;Control group:30;", SecondaryIds: secondaryIds));

    private List<(string Id, string? ShownAs)> Listing()
    {
        using var connection = _database.Open();
        return [.. connection.Query<(string, string?)>("SELECT nct_id, shown_as FROM studies ORDER BY nct_id")];
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_chictr_record_naming_a_stored_nct_record_is_listed_under_it_in_either_order(bool nctFirst)
    {
        var chictr = ChiCtrExport("ChiCTR2000099999", $"{Nct.ToLowerInvariant()};SPONSOR-PROTOCOL-1");
        _database.Import(nctFirst ? SharedData.CtGovFile($"{Nct}.json") : chictr);
        _database.Import(nctFirst ? chictr : SharedData.CtGovFile($"{Nct}.json"));

        Assert.Equal([("ChiCTR2000099999", Nct), (Nct, null)], Listing());
        using var connection = _database.Open();
        FacetConsistency.AssertHolds(connection);
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'total'"));
        // The one trial is registered in both: registry=ChiCTR finds it too, under its NCT record.
        Assert.Equal([("ChiCTR", Nct), ("ClinicalTrials.gov", Nct)], connection.Query<(string, string)>("SELECT value, nct_id FROM study_facets WHERE facet = 'registry' ORDER BY 1"));
    }

    [Fact]
    public void A_later_version_that_no_longer_names_the_other_parts_them_again()
    {
        _database.Import(SharedData.CtGovFile($"{Nct}.json"));
        _database.Import(ChiCtrExport("ChiCTR2000099999", Nct));

        _database.Import(ChiCtrExport("ChiCTR2000099999", "SPONSOR-PROTOCOL-1", refreshed: "2 December 2026", file: "later.xml"));

        Assert.Equal([("ChiCTR2000099999", null), (Nct, null)], Listing());
        using var connection = _database.Open();
        FacetConsistency.AssertHolds(connection);
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'total'"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'registry' AND value = 'ChiCTR'"));
        Assert.Equal(1, connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM study_search f JOIN studies s ON s.rowid = f.rowid WHERE s.nct_id = 'ChiCTR2000099999'"));
    }

    [Fact]
    public void The_listed_record_no_longer_naming_the_other_parts_them_again()
    {
        // The NCT record names the ChiCTR one (which names nothing); a later NCT version drops it.
        static System.Text.Json.Nodes.JsonArray Ids(params string[] ids) =>
            [.. ids.Select(id => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["id"] = id })];
        _database.Import(ChiCtrExport("ChiCTR2000099999", "SPONSOR-PROTOCOL-1"));
        _database.Import(_database.WriteFile("v1.json", LaterVersion.OfShared(Nct, "2024-01-01", r => r["protocolSection"]!["identificationModule"]!["secondaryIdInfos"] = Ids("ChiCTR2000099999"))));
        Assert.Equal([("ChiCTR2000099999", Nct), (Nct, null)], Listing());

        _database.Import(_database.WriteFile("v2.json", LaterVersion.OfShared(Nct, "2024-02-01", r => r["protocolSection"]!["identificationModule"]!["secondaryIdInfos"] = Ids())));

        Assert.Equal([("ChiCTR2000099999", null), (Nct, null)], Listing());
        using var connection = _database.Open();
        FacetConsistency.AssertHolds(connection);
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'total'"));
    }

    [Fact]
    public void Two_records_that_only_both_name_a_third_id_are_not_joined()
    {
        // Neither owns the id they share: a guess, not a registration.
        _database.Import(ChiCtrExport("ChiCTR2000099998", "NCT09999999", file: "a.xml"));
        _database.Import(ChiCtrExport("ChiCTR2000099999", "NCT09999999", file: "b.xml"));

        Assert.Equal([("ChiCTR2000099998", null), ("ChiCTR2000099999", null)], Listing());
    }

    [Fact]
    public void A_trial_joined_through_a_third_registration_is_one_group()
    {
        // An EUCTR record names the ChiCTR one, which names the NCT record: one trial in three registries.
        IctrpFixture.Write(Path.Combine(_database.Directory, "eu.xml"), new IctrpTrial("EUCTR2019-001234-56-DE", "EU Clinical Trials Register", "The German record", SecondaryIds: "ChiCTR2000099999"));
        _database.Import(Path.Combine(_database.Directory, "eu.xml"));
        _database.Import(SharedData.CtGovFile($"{Nct}.json"));
        _database.Import(ChiCtrExport("ChiCTR2000099999", Nct, file: "a.xml"));

        Assert.Equal([("ChiCTR2000099999", Nct), ("EUCTR2019-001234-56-DE", Nct), (Nct, null)], Listing());
        using var connection = _database.Open();
        FacetConsistency.AssertHolds(connection);
        Assert.Equal(["ChiCTR", "ClinicalTrials.gov", "EUCTR"], connection.Query<string>("SELECT value FROM study_facets WHERE facet = 'registry' ORDER BY 1"));
    }

    [Fact]
    public void Two_records_of_one_registry_joined_through_others_are_each_listed_as_themselves()
    {
        // ChiCTR B names ChiCTR A, which names the NCT record: two ChiCTR records of one trial is a
        // contradiction, not a registration, so nothing is listed under another.
        _database.Import(ChiCtrExport("ChiCTR2000099998", "ChiCTR2000099999", file: "b.xml"));
        _database.Import(SharedData.CtGovFile($"{Nct}.json"));
        _database.Import(ChiCtrExport("ChiCTR2000099999", Nct, file: "a.xml"));

        Assert.Equal([("ChiCTR2000099998", null), ("ChiCTR2000099999", null), (Nct, null)], Listing());
        using var connection = _database.Open();
        FacetConsistency.AssertHolds(connection);
    }

    [Fact]
    public void A_listed_under_registration_joining_a_topic_adds_no_facet_row()
    {
        _database.Import(SharedData.CtGovFile($"{Nct}.json"));
        _database.Import(ChiCtrExport("ChiCTR2000099999", Nct));
        using var connection = _database.Open();

        var run = connection.QuerySingle<long>(
            "INSERT INTO harvest_runs (topic, kind, started_at, harvest_started_at, outcome, query, topic_query, owner) VALUES ('t', 'full', @now, @now, 'succeeded', '{}', '{}', 'test') RETURNING id",
            new { now = "2026-12-04T00:00:00Z" });
        connection.Execute(
            "INSERT INTO topic_studies (topic, nct_id, first_seen_at, last_seen_at, first_run_id, last_run_id) VALUES ('t', @id, @now, @now, @run, @run)",
            new { id = "ChiCTR2000099999", now = "2026-12-04T00:00:00Z", run });

        FacetConsistency.AssertHolds(connection);
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_facets WHERE nct_id = 'ChiCTR2000099999'"));
    }

    [Theory]
    [InlineData("2014-005181-30", "EudraCT 2014-005181-30")]
    [InlineData("EUCTR2014-005181-30-DE", "EudraCT 2014-005181-30")]
    [InlineData("EudraCT 2014-005181-30", "EudraCT 2014-005181-30")]
    [InlineData("nct03418623", Nct)]
    [InlineData("ChiCTR-TRC-12002345", "ChiCTR-TRC-12002345")]
    [InlineData("2022-501883-17-00", null)] // an EU CT (CTIS) number, not EudraCT's
    [InlineData("SPONSOR-PROTOCOL-1", null)]
    [InlineData("U10CA180821", null)]
    public void A_secondary_id_stands_for_a_trial_key_only_when_it_is_a_registry_id(string id, string? key)
    {
        Assert.Equal(key, Registrations.KeyOf(id));
    }
}
