using System.Text.Json;

namespace TrialEvidence.Api.Tests.Trials;

/// <summary>
/// A trial's page suggests other registries' records with similar titles that name no id in
/// common, over the WHO ICTRP export of ../shared (COVID-19 trials of ChiCTR and
/// ClinicalTrials.gov, March 2020) beside ../shared/ctgov: ChiCTR2000030841 and NCT04264858 are
/// both "immunoglobulin from cured patients in acute severe 2019-nCoV pneumonia, an exploratory
/// study", sponsored by Wuhan's Union Hospital of Tongji Medical College, and neither cites the other.
/// </summary>
public sealed class SimilarTitlesTests(RegistriesFactory factory) : IClassFixture<RegistriesFactory>
{
    private const string ChiCtr = "ChiCTR2000030841";
    private const string Nct = "NCT04264858";

    private readonly HttpClient _client = factory.CreateClient();

    private async Task<List<JsonElement>> Similar(string id) =>
        [.. (await _client.GetJson($"/api/trials/{id}/similar")).EnumerateArray()];

    [Theory]
    [InlineData(ChiCtr, Nct, "ClinicalTrials.gov")]
    [InlineData(Nct, ChiCtr, "ChiCTR")]
    public async Task A_record_of_another_registry_with_the_same_rare_title_words_is_suggested_both_ways_and_not_joined(string id, string other, string registry)
    {
        var suggested = Assert.Single(await Similar(id), s => s.GetProperty("id").GetString() == other);

        Assert.Equal(registry, suggested.GetProperty("registry").GetString());
        Assert.InRange(suggested.GetProperty("similarity").GetDouble(), 0.5, 1.0);
        Assert.Contains("Union", suggested.GetProperty("sponsor").GetString(), StringComparison.OrdinalIgnoreCase);
        // A suggestion, not a registration: each is still listed as itself.
        var detail = await _client.GetJson($"/api/trials/{id}");
        Assert.Equal([id], detail.GetProperty("registrations").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Suggestions_are_of_other_registries_above_the_threshold_best_first_and_few()
    {
        foreach (var id in new[] { ChiCtr, Nct, "ChiCTR2000030138", "NCT04273646", "NCT04292340" })
        {
            var own = (await _client.GetJson($"/api/trials/{id}")).GetProperty("record").GetProperty("registry").GetString();
            var similar = await Similar(id);

            Assert.InRange(similar.Count, 0, 5);
            Assert.All(similar, s =>
            {
                Assert.NotEqual(own, s.GetProperty("registry").GetString());
                Assert.InRange(s.GetProperty("similarity").GetDouble(), 0.5, 1.0);
            });
            var scores = similar.Select(s => s.GetProperty("similarity").GetDouble()).ToList();
            Assert.Equal(scores.OrderDescending(), scores);
        }
    }

    [Fact]
    public async Task A_trial_not_stored_is_a_404_naming_it()
    {
        var problem = await _client.GetJson("/api/trials/NCT09999999/similar", System.Net.HttpStatusCode.NotFound);

        Assert.Contains("NCT09999999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trial_of_another_topic_has_no_suggestion_and_a_registration_of_the_same_trial_is_none()
    {
        // The HCC trial shares no rare title word with the COVID-19 records of other registries.
        Assert.Empty(await Similar("NCT03482102"));
        // Joined by its secondary id, the ChiCTR registration is a registration, not a suggestion.
        Assert.DoesNotContain(await Similar(RegistriesFactory.LinkedTo), s => s.GetProperty("id").GetString() == RegistriesFactory.Linked);
    }
}
