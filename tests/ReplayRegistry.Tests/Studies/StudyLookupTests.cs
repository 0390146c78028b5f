using System.Net;
using TrialEvidence.ReplayRegistry.Tests.Search;

namespace TrialEvidence.ReplayRegistry.Tests.Studies;

public sealed class StudyLookupTests : RegistryTest
{
    [Fact]
    public async Task Serves_a_study_byte_for_byte_as_json_with_a_strong_etag()
    {
        // The 1.5 MB PALLAS record, with CRLF line ends.
        using var response = await Client.GetAsync("studies/NCT02513394");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Server.Studies["NCT02513394"], await response.Content.ReadAsByteArrayAsync());
        Assert.False(response.Headers.ETag?.IsWeak ?? true);
    }

    [Fact]
    public async Task Accepts_nct_ids_in_any_case()
    {
        using var response = await Client.GetAsync("studies/nct03203304");

        Assert.Equal(Server.Studies["NCT03203304"], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_gets_304_without_a_body()
    {
        using var first = await Client.GetAsync("studies/NCT03203304");
        using var request = new HttpRequestMessage(HttpMethod.Get, "studies/NCT03203304");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_new_version_gets_a_new_etag_so_the_old_one_no_longer_matches()
    {
        using var first = await Client.GetAsync("studies/NCT03316872");
        var newer = RecordedStudies.WithLastUpdate(Server.Studies["NCT03316872"], "2026-11-20");
        Server.Put(newer);
        using var request = new HttpRequestMessage(HttpMethod.Get, "studies/NCT03316872");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(newer, await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Unknown_id_gets_404_in_plain_text()
    {
        using var response = await Client.GetAsync("studies/NCT99999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("NCT1234567")]
    [InlineData("NCT123456789")]
    [InlineData("12345678")]
    public async Task Malformed_id_gets_400_in_plain_text(string id)
    {
        using var response = await Client.GetAsync($"studies/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Retired_id_answers_301_to_its_successor_and_leaves_search()
    {
        Server.Retire("NCT04547452", "NCT04167293");
        using var noRedirects = NewClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        using var response = await noRedirects.GetAsync("studies/NCT04547452");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(new Uri(Server.BaseAddress, "studies/NCT04167293"), response.Headers.Location);
        Assert.DoesNotContain("NCT04547452", (await Client.SearchAsync(("pageSize", "1000"))).NctIds);
    }

    [Fact]
    public async Task Removed_study_gets_404_and_leaves_search()
    {
        Server.Remove("NCT03203304");

        using var response = await Client.GetAsync("studies/NCT03203304");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("NCT03203304", (await Client.SearchAsync(("pageSize", "1000"))).NctIds);
    }
}
