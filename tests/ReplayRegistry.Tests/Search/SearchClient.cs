using System.Net;
using System.Text.Json.Nodes;

namespace TrialEvidence.ReplayRegistry.Tests.Search;

internal sealed record SearchPage(IReadOnlyList<string> NctIds, JsonNode Json, byte[] Body)
{
    public string? NextPageToken => (string?)Json["nextPageToken"];

    public int? TotalCount => (int?)Json["totalCount"];
}

internal static class SearchClient
{
    /// <summary>GET studies?{parameters}, URL-encoding each value; expects 200.</summary>
    public static async Task<SearchPage> SearchAsync(this HttpClient client, params (string Name, string Value)[] parameters)
    {
        using var response = await client.GetAsync(StudiesUri(parameters));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        var json = JsonNode.Parse(body)!;
        return new SearchPage(json["studies"]!.AsArray().Select(study => RecordedStudies.NctId(study!)).ToList(), json, body);
    }

    public static string StudiesUri(params (string Name, string Value)[] parameters) =>
        "studies?" + string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
}
