using System.Text.Json.Nodes;

namespace TrialEvidence.ReplayRegistry.Tests.Version;

public sealed class VersionTests : RegistryTest
{
    [Fact]
    public async Task Reports_the_api_version_and_the_data_timestamp_a_test_sets()
    {
        Server.DataTimestamp = "2026-11-26T09:00:05";

        using var response = await Client.GetAsync("version");
        var version = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("2.0.5", (string?)version["apiVersion"]);
        Assert.Equal("2026-11-26T09:00:05", (string?)version["dataTimestamp"]);
    }
}
