using System.Net;
using System.Text.Json;

namespace TrialEvidence.Api.Tests;

public static class HttpJson
{
    /// <summary>GETs <paramref name="url"/>, checks the status (the body is in the message when it differs) and parses the JSON.</summary>
    public static async Task<JsonElement> GetJson(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
