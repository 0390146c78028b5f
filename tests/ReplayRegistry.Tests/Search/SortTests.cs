using System.Net;

namespace TrialEvidence.ReplayRegistry.Tests.Search;

public sealed class SortTests(RunningRegistry registry) : IClassFixture<RunningRegistry>
{
    private ReplayRegistryServer Server => registry.Server;

    private HttpClient Client => registry.Client;

    [Fact]
    public async Task Default_order_is_nct_id_ascending()
    {
        var page = await Client.SearchAsync(("pageSize", "1000"));

        Assert.Equal(Server.Studies.Keys.Order(StringComparer.Ordinal), page.NctIds);
    }

    [Fact]
    public async Task Nct_id_descending_reverses_it()
    {
        var page = await Client.SearchAsync(("pageSize", "1000"), ("sort", "NCTId:desc"));

        Assert.Equal(Server.Studies.Keys.Order(StringComparer.Ordinal).Reverse(), page.NctIds);
    }

    [Theory]
    [InlineData("LastUpdatePostDate", true)]
    [InlineData("LastUpdatePostDate:desc", true)]
    [InlineData("LastUpdatePostDate:asc", false)]
    public async Task Last_update_sorts_newest_first_by_default_with_undated_studies_last(string sort, bool newestFirst)
    {
        var page = await Client.SearchAsync(("pageSize", "1000"), ("sort", sort));

        var dates = page.NctIds.Select(id => RecordedStudies.LastUpdatePostDate(RecordedStudies.Parse(Server.Studies[id]))).ToList();
        var dated = dates.TakeWhile(date => date is not null).ToList();
        Assert.All(dates.Skip(dated.Count), date => Assert.Null(date));
        var expected = newestFirst ? dated.OrderDescending(StringComparer.Ordinal) : dated.Order(StringComparer.Ordinal);
        Assert.Equal(expected, dated);
        Assert.Equal(Server.Studies.Count, page.NctIds.Count);
    }

    [Theory]
    [InlineData("EnrollmentCount")]
    [InlineData("NCTId:up")]
    [InlineData("NCTId,LastUpdatePostDate,NCTId")]
    public async Task Unsupported_sorts_get_400(string sort)
    {
        using var response = await Client.GetAsync(SearchClient.StudiesUri(("sort", sort)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
