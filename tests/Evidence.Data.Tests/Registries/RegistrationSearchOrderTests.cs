using Dapper;
using TrialEvidence.Data.Tests.Facets;

namespace TrialEvidence.Data.Tests.Registries;

/// <summary>
/// A hidden registration's words find its trial (migration 0025) whatever the order the
/// registrations arrive in: the listed registration's full-text row must hold the text of every
/// registration listed under it, also when the one listed under it was stored first, as a trial
/// of its own, and when the trial's primary changes.
/// </summary>
public sealed class RegistrationSearchOrderTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private const string Nct = "NCT03418623";

    private string Export(string file, params IctrpTrial[] trials) =>
        IctrpFixture.Write(Path.Combine(_database.Directory, file), trials);

    /// <summary>The trials a full-text query finds, as the API asks the index (a study's row is its studies row's rowid).</summary>
    private List<string> Found(string words)
    {
        using var connection = _database.Open();
        return [.. connection.Query<string>(
            "SELECT s.nct_id FROM studies s WHERE s.rowid IN (SELECT rowid FROM study_search WHERE study_search MATCH @words) ORDER BY 1", new { words })];
    }

    [Fact]
    public void The_words_of_a_chictr_record_stored_before_its_nct_record_find_the_trial()
    {
        // The ChiCTR record first (ICTRP exports are often loaded before a ClinicalTrials.gov refresh), then the NCT record.
        _database.Import(Export("chictr.xml", new IctrpTrial("ChiCTR2000099999", "ChiCTR", "Zanubrutinib registered in China too", SecondaryIds: Nct)));
        Assert.Equal(["ChiCTR2000099999"], Found("China"));

        _database.Import(SharedData.CtGovFile($"{Nct}.json"));

        using (var connection = _database.Open())
        {
            Assert.Equal(Nct, connection.ExecuteScalar<string>("SELECT shown_as FROM studies WHERE nct_id = 'ChiCTR2000099999'"));
            FacetConsistency.AssertHolds(connection);
        }

        // The ChiCTR title's word must find the one trial, listed under its NCT record.
        Assert.Equal([Nct], Found("China"));
    }

    [Fact]
    public void The_words_of_the_former_primary_find_the_trial_when_another_registration_becomes_its_primary()
    {
        // Two registrations of one trial and no NCT record: listed under the one updated last.
        _database.Import(Export("chictr.xml", new IctrpTrial("ChiCTR2000099999", "ChiCTR", "Zanubrutinib registered in China too", Refreshed: "1 December 2026")));
        _database.Import(Export("eu.xml", new IctrpTrial("EUCTR2019-001234-56-DE", "EU Clinical Trials Register", "The German record of it", Refreshed: "1 November 2026", SecondaryIds: "ChiCTR2000099999")));
        Assert.Equal(["ChiCTR2000099999"], Found("German"));
        Assert.Equal(["ChiCTR2000099999"], Found("China"));

        // The EUCTR record is refreshed last: the trial is now listed under it.
        _database.Import(Export("eu2.xml", new IctrpTrial("EUCTR2019-001234-56-DE", "EU Clinical Trials Register", "The German record of it", Refreshed: "3 December 2026", SecondaryIds: "ChiCTR2000099999")));

        using (var connection = _database.Open())
        {
            Assert.Equal("EUCTR2019-001234-56-DE", connection.ExecuteScalar<string>("SELECT shown_as FROM studies WHERE nct_id = 'ChiCTR2000099999'"));
        }

        Assert.Equal(["EUCTR2019-001234-56-DE"], Found("German"));
        Assert.Equal(["EUCTR2019-001234-56-DE"], Found("China"));
    }
}
