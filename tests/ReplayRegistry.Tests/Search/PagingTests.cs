using System.Net;

namespace TrialEvidence.ReplayRegistry.Tests.Search;

public sealed class PagingTests(RunningRegistry registry) : IClassFixture<RunningRegistry>
{
    private ReplayRegistryServer Server => registry.Server;

    private HttpClient Client => registry.Client;

    [Fact]
    public async Task Pages_of_seven_return_every_study_once_as_its_exact_bytes_until_a_page_without_token()
    {
        var seen = new List<string>();
        var pages = 1;
        var page = await Client.SearchAsync(("pageSize", "7"), ("countTotal", "true"));
        Assert.Equal(Server.Studies.Count, page.TotalCount);
        while (true)
        {
            Assert.InRange(page.NctIds.Count, 1, 7);
            foreach (var nctId in page.NctIds)
            {
                Assert.True(page.Body.AsSpan().IndexOf(Server.Studies[nctId]) > 0, $"{nctId} is not served as its exact bytes");
            }

            seen.AddRange(page.NctIds);
            if (page.NextPageToken is not { } token)
            {
                break;
            }

            page = await Client.SearchAsync(("pageSize", "7"), ("countTotal", "true"), ("pageToken", token));
            pages++;
            Assert.Null(page.TotalCount);
        }

        Assert.Equal(Server.Studies.Keys, seen);
        Assert.Equal((seen.Count + 6) / 7, pages);
    }

    [Fact]
    public async Task Pages_hold_ten_studies_and_no_total_count_unless_asked_otherwise()
    {
        var page = await Client.SearchAsync();

        Assert.Equal(Server.Studies.Keys.Take(10), page.NctIds);
        Assert.Null(page.TotalCount);
        Assert.NotNull(page.NextPageToken);
    }

    [Fact]
    public async Task Page_size_may_change_between_pages_as_the_registry_allows()
    {
        var first = await Client.SearchAsync(("pageSize", "3"));
        var second = await Client.SearchAsync(("pageSize", "5"), ("pageToken", first.NextPageToken!));

        Assert.Equal(Server.Studies.Keys.Skip(3).Take(5), second.NctIds);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-5")]
    [InlineData("ten")]
    public async Task Page_size_outside_1_to_1000_gets_400_in_plain_text(string pageSize)
    {
        using var response = await Client.GetAsync($"studies?pageSize={pageSize}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("pageSize", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_garbage_page_token_gets_400()
    {
        using var response = await Client.GetAsync("studies?pageToken=ZVt07cGHkvI2wRk2CJf6_LLq14bEL8swd7KrgP4dnDeTsPkw");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_page_token_of_another_search_gets_400()
    {
        var page = await Client.SearchAsync(("query.cond", "cancer"), ("pageSize", "1"));

        using var response = await Client.GetAsync(SearchClient.StudiesUri(("query.cond", "asthma"), ("pageToken", page.NextPageToken!)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Each_page_reflects_the_studies_at_the_time_it_is_asked_for()
    {
        await using var server = await ReplayRegistryServer.StartAsync(SharedFolder.CtGov);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var first = await client.SearchAsync(("pageSize", "5"));
        server.Remove(server.Studies.Keys.First());

        var second = await client.SearchAsync(("pageSize", "5"), ("pageToken", first.NextPageToken!));

        // Offsets are positions in the current result, as in any offset-paged API: one study slides back a page.
        Assert.Equal(server.Studies.Keys.Skip(5).Take(5), second.NctIds);
    }
}
