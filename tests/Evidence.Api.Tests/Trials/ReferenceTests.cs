using System.Net;

namespace TrialEvidence.Api.Tests.Trials;

public sealed class ReferenceTests(EvidenceApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        var document = await GetJson("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/trials", paths);
        Assert.Contains("/api/trials/{nctId}", paths);
        Assert.Contains("/api/trials/{nctId}/versions", paths);
        Assert.Contains("/api/trials/{nctId}/raw", paths);
        Assert.Contains("/api/table1", paths);
        Assert.Contains("/api/topics", paths);
        Assert.Contains("/api/topics/{name}/harvest", paths);
        Assert.Contains("/api/harvests", paths);
        Assert.Contains("/api/trials/{nctId}/changes", paths);
        Assert.Contains("/api/changes", paths);
        Assert.Contains("/api/changes.atom", paths);
    }

    [Fact]
    public async Task The_interactive_reference_and_the_page_are_served()
    {
        using var reference = await Client.GetAsync("/api/reference");
        using var page = await Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<table id=\"table1\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
