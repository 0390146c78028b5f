using System.Text.Json;

namespace TrialEvidence.Api.Tests.Trials;

/// <summary>
/// The WHO ICTRP export of ../shared beside ../shared/ctgov, and one trial registered in the German
/// registry (DRKS, which writes "Sjögren") and in ClinicalTrials.gov (whose records long had to be
/// ASCII: "Sjogren"), each citing no id of the other.
/// </summary>
public sealed class DiacriticsFactory : EvidenceApiFactory
{
    public const string Drks = "DRKS00012345";

    public const string Nct = "NCT09876543";

    public DiacriticsFactory()
    {
        var pair = IctrpFixture.Write(
            Path.Combine(Database.Directory, "pair.xml"),
            new IctrpTrial(Drks, "German Clinical Trials Register", "Rituximab in primary Sjögren's syndrome"),
            new IctrpTrial(Nct, "ClinicalTrials.gov", "Rituximab in Primary Sjogren's Syndrome"));
        Import(SharedData.IctrpExport, pair);
    }
}

/// <summary>
/// Similar titles (/api/trials/{id}/similar) weigh words by the full-text index, which folds
/// diacritics (unicode61 remove_diacritics 2): "Sjögren" and "Sjogren" are one word to it, and a
/// search for either finds both records. Two titles that are the same words to the index must be
/// suggested as the same title.
/// </summary>
public sealed class SimilarTitlesDiacriticsTests(DiacriticsFactory factory) : IClassFixture<DiacriticsFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData(DiacriticsFactory.Drks, DiacriticsFactory.Nct)]
    [InlineData(DiacriticsFactory.Nct, DiacriticsFactory.Drks)]
    public async Task A_title_differing_only_by_a_diacritic_the_index_ignores_is_suggested(string id, string other)
    {
        // The index itself: both records hold the one word.
        var found = await _client.GetJson("/api/trials?q=sjogren&pageSize=50");
        Assert.Equal(2, found.GetProperty("total").GetInt64());

        var similar = (await _client.GetJson($"/api/trials/{id}/similar")).EnumerateArray().ToList();

        var suggested = Assert.Single(similar, s => s.GetProperty("id").GetString() == other);
        // The same words, as the index sees them: the same title.
        Assert.Equal(1.0, suggested.GetProperty("similarity").GetDouble());
    }
}
