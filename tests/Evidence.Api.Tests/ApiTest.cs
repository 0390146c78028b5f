using System.Net.Http.Json;
using System.Text.Json;

namespace TrialEvidence.Api.Tests;

/// <summary>One application and database for a test class; tests read, never change, its data.</summary>
public abstract class ApiTest(EvidenceApiFactory factory) : IClassFixture<EvidenceApiFactory>
{
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected EvidenceApiFactory Factory { get; } = factory;

    protected HttpClient Client { get; } = factory.CreateClient();

    protected Task<JsonElement> GetJson(string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK) => Client.GetJson(url, expected);

    protected Task<T?> Get<T>(string url) => Client.GetFromJsonAsync<T>(url, Json);
}
