using System.Net;

namespace TrialEvidence.Api.Tests.Hostile;

/// <summary>What a browser is told about every answer of the real server (Kestrel on loopback), errors included.</summary>
public sealed class SecurityHeaderTests(HostileRecordsFactory factory) : IClassFixture<HostileRecordsFactory>
{
    private readonly HttpClient _client = factory.CreateLoopbackClient();

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/app.js", HttpStatusCode.OK)]
    [InlineData("/api/trials", HttpStatusCode.OK)]
    [InlineData("/api/table1?format=html", HttpStatusCode.OK)]
    [InlineData("/api/trials/NCT99000000/raw", HttpStatusCode.OK)]
    [InlineData("/api/trials?status=BOGUS", HttpStatusCode.BadRequest)]
    [InlineData("/api/trials?page=one", HttpStatusCode.BadRequest)]
    [InlineData("/api/trials/NCT09999999", HttpStatusCode.NotFound)]
    [InlineData("/no-such-file.html", HttpStatusCode.NotFound)]
    public async Task Every_answer_forbids_sniffing_framing_and_inline_script_and_names_no_server(string url, HttpStatusCode expected)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Matches("script-src '(self|none)';", policy); // the page runs its own script; Table 1's HTML file none
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), "the server names itself");
    }

    [Fact]
    public async Task The_api_reference_page_loads_and_cannot_be_framed()
    {
        using var response = await _client.GetAsync("/api/reference");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
