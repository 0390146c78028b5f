using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrialEvidence.Api.Tests.Trials;

/// <summary>The shared records and one more: NCT04547452's design with a PD-1 x CTLA-4 bispecific (cadonilimab) as its drug.</summary>
public sealed class BispecificRecordFactory : EvidenceApiFactory
{
    public const string NctId = "NCT99100000";

    public BispecificRecordFactory()
    {
        var record = JsonNode.Parse(File.ReadAllText(SharedData.CtGovFile("reconstructed", "NCT04547452.json")))!;
        record["protocolSection"]!["identificationModule"]!["nctId"] = NctId;
        foreach (var intervention in record["protocolSection"]!["armsInterventionsModule"]!["interventions"]!.AsArray())
        {
            if (intervention!["type"]!.GetValue<string>() is "DRUG" or "BIOLOGICAL")
            {
                intervention["name"] = "Cadonilimab (AK104)";
                intervention["otherNames"] = new JsonArray();
                intervention["description"] = "PD-1/CTLA-4 bispecific antibody";
            }
        }

        var summary = ImportRecords(Database.WriteFile($"{NctId}.json", record.ToJsonString()));
        Assert.Empty(summary.Rejections);
    }
}

/// <summary>A reviewer asking for PD-1 (or CTLA-4) trials finds the bispecifics that block it.</summary>
public sealed class BispecificTests(BispecificRecordFactory factory) : IClassFixture<BispecificRecordFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<List<string>> Ids(string query)
    {
        using var response = await _client.GetAsync($"/api/trials?pageSize=500&{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("nctId").GetString()!)];
    }

    [Theory]
    [InlineData("target=PD-1")]
    [InlineData("target=CTLA-4")]
    [InlineData("agent=cadonilimab")]
    [InlineData("target=any&modality=any")]
    public async Task Target_filters_find_a_bispecific_by_each_checkpoint_it_blocks(string query)
    {
        Assert.Contains(BispecificRecordFactory.NctId, await Ids(query));
    }

    [Fact]
    public async Task Property_bispecific_lists_the_trials_of_bispecifics_only()
    {
        Assert.Equal([BispecificRecordFactory.NctId], await Ids("property=bispecific"));
    }

    [Fact]
    public async Task A_bispecific_is_not_found_by_a_checkpoint_it_does_not_block()
    {
        Assert.DoesNotContain(BispecificRecordFactory.NctId, await Ids("target=PD-L1"));
    }

    [Fact]
    public async Task The_trial_says_its_agent_is_a_bispecific_as_a_property_not_a_target()
    {
        var detail = JsonDocument.Parse(await _client.GetStringAsync($"/api/trials/{BispecificRecordFactory.NctId}")).RootElement;

        var drug = detail.GetProperty("normalised").GetProperty("interventions").EnumerateArray()
            .Single(i => i.GetProperty("agents").EnumerateArray().Any(a => a.GetString() == "cadonilimab"));
        Assert.Equal(["PD-1", "CTLA-4"], drug.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["bispecific"], drug.GetProperty("agentProperties").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Table_1_takes_the_class_filters_too()
    {
        var table = JsonDocument.Parse(await _client.GetStringAsync("/api/table1?modality=any&target=any")).RootElement;
        var listed = await Ids("modality=any&target=any");

        Assert.Equal(listed.Order(StringComparer.Ordinal), table.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("nctNumber").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_target_lists_the_allowed_values_each_quoted()
    {
        using var response = await _client.GetAsync("/api/trials?target=PD-2");
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("target")[0].GetString();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'ICI, unspecified'", message, StringComparison.Ordinal);
        Assert.EndsWith(", 'any'", message, StringComparison.Ordinal);
    }
}
