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

    private static List<(string Study, string Topic)> TopicRows(Microsoft.Data.Sqlite.SqliteConnection connection) =>
        [.. connection.Query<(string, string)>("SELECT nct_id, value FROM study_facets WHERE facet = 'topic' ORDER BY 1, 2")];

    [Fact]
    public void A_registration_listed_under_another_that_joins_a_topic_puts_its_trial_in_the_topic()
    {
        _database.Import(SharedData.CtGovFile($"{Nct}.json"));
        _database.Import(ChiCtrExport("ChiCTR2000099999", Nct));
        using var connection = _database.Open();

        TopicMembership.Join(connection, "t", "ChiCTR2000099999");

        // The trial, listed under its NCT record, is in the topic that found its ChiCTR registration.
        FacetConsistency.AssertHolds(connection);
        Assert.Equal([(Nct, "t")], TopicRows(connection));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_facets WHERE nct_id = 'ChiCTR2000099999'"));
    }

    [Fact]
    public void A_trial_found_by_a_topic_through_one_registration_leaves_it_when_that_registration_parts()
    {
        _database.Import(ChiCtrExport("ChiCTR2000099999", Nct));
        using (var connection = _database.Open())
        {
            TopicMembership.Join(connection, "t", "ChiCTR2000099999");
        }

        // The NCT record arrives: the ChiCTR one, and its topic, go under it; then it stops naming it.
        _database.Import(SharedData.CtGovFile($"{Nct}.json"));
        using (var connection = _database.Open())
        {
            Assert.Equal([(Nct, "t")], TopicRows(connection));
            FacetConsistency.AssertHolds(connection);
        }

        _database.Import(ChiCtrExport("ChiCTR2000099999", "SPONSOR-PROTOCOL-1", refreshed: "2 December 2026", file: "later.xml"));

        using var after = _database.Open();
        FacetConsistency.AssertHolds(after);
        Assert.Equal([("ChiCTR2000099999", "t")], TopicRows(after));
    }

    /// <summary>The trials a full-text query finds, as the API asks the index (a study's row is its studies row's rowid).</summary>
    private List<string> Found(string words)
    {
        using var connection = _database.Open();
        return [.. connection.Query<string>(
            "SELECT s.nct_id FROM studies s WHERE s.rowid IN (SELECT rowid FROM study_search WHERE study_search MATCH @words) ORDER BY 1", new { words })];
    }

    [Fact]
    public void The_words_of_a_registration_listed_under_another_find_the_trial_and_follow_its_versions()
    {
        _database.Import(SharedData.CtGovFile($"{Nct}.json"));
        Assert.Empty(Found("China"));

        _database.Import(ChiCtrExport("ChiCTR2000099999", Nct));

        // "Zanubrutinib registered in China too" is the ChiCTR record's title alone.
        Assert.Equal([Nct], Found("China"));
        Assert.Equal([Nct], Found("zanubrutinib"));

        // A later version of the ChiCTR record, with another title, changes what finds the trial.
        IctrpFixture.Write(
            Path.Combine(_database.Directory, "retitled.xml"),
            new IctrpTrial("ChiCTR2000099999", "ChiCTR", "Zanubrutinib given in Shenzhen", "3 December 2026", TargetSize: "Experimental group:30;Control group:30;", SecondaryIds: Nct));
        _database.Import(Path.Combine(_database.Directory, "retitled.xml"));

        Assert.Equal([Nct], Found("Shenzhen"));
        Assert.Empty(Found("China"));

        // Parted again, the ChiCTR record is found as itself.
        _database.Import(ChiCtrExport("ChiCTR2000099999", "SPONSOR-PROTOCOL-1", refreshed: "4 December 2026", file: "parted.xml"));

        Assert.Equal(["ChiCTR2000099999"], Found("China"));
        using var connection = _database.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM registration_text"));
    }

    [Fact]
    public void Renormalizing_leaves_the_search_of_a_trial_with_several_registrations_as_it_was()
    {
        _database.Import(SharedData.CtGovFile($"{Nct}.json"));
        _database.Import(ChiCtrExport("ChiCTR2000099999", Nct));
        using var connection = _database.Open();
        var before = connection.Query<string>("SELECT json_array(rowid, nct_id, titles, summary, conditions, interventions, sponsor) FROM study_search ORDER BY rowid").ToList();

        new TrialEvidence.Data.Normalisation.Renormaliser(_database.Connections, TimeProvider.System).Run(TrialEvidence.Data.Normalisation.StudyNormaliser.Embedded);

        Assert.Equal(before, connection.Query<string>("SELECT json_array(rowid, nct_id, titles, summary, conditions, interventions, sponsor) FROM study_search ORDER BY rowid"));
        Assert.Equal([Nct], Found("China"));
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
