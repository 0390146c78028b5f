using System.Net;

namespace TrialEvidence.ReplayRegistry.Tests.Search;

public sealed class LastUpdateRangeTests(RunningRegistry registry) : IClassFixture<RunningRegistry>
{
    private ReplayRegistryServer Server => registry.Server;

    private HttpClient Client => registry.Client;

    [Theory]
    [InlineData("AREA[LastUpdatePostDate]RANGE[2020-01-01,2023-06-27]", "2020-01-01", "2023-06-27")]
    [InlineData("AREA[LastUpdatePostDate]RANGE[2025-01-08, MAX]", "2025-01-08", "9999-12-31")]
    [InlineData("AREA[LastUpdatePostDate]RANGE[MIN,2014-05-21]", "0001-01-01", "2014-05-21")]
    [InlineData("AREA[LastUpdatePostDate]RANGE[2019-01-01,MAX] AND AREA[LastUpdatePostDate]RANGE[MIN,2020-12-31]", "2019-01-01", "2020-12-31")]
    public async Task Returns_exactly_the_studies_last_updated_in_the_inclusive_range(string filter, string from, string to)
    {
        var page = await Client.SearchAsync(("filter.advanced", filter), ("pageSize", "1000"));

        var expected = Server.Studies
            .Where(study => RecordedStudies.LastUpdatePostDate(RecordedStudies.Parse(study.Value)) is { } date
                && string.CompareOrdinal(date, from) >= 0 && string.CompareOrdinal(date, to) <= 0)
            .Select(study => study.Key)
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, page.NctIds);
    }

    [Fact]
    public async Task A_study_put_with_a_later_date_is_found_by_the_next_incremental_query()
    {
        await using var server = await ReplayRegistryServer.StartAsync(SharedFolder.CtGov);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        server.Put(RecordedStudies.WithLastUpdate(server.Studies["NCT03316872"], "2026-11-25"));

        var page = await client.SearchAsync(("filter.advanced", "AREA[LastUpdatePostDate]RANGE[2026-11-24,MAX]"));

        Assert.Equal(["NCT03316872"], page.NctIds);
    }

    [Theory]
    [InlineData("AREA[Phase]PHASE2")]
    [InlineData("AREA[LastUpdatePostDate]RANGE[2020-01-01,2020-13-01]")]
    [InlineData("AREA[LastUpdatePostDate]RANGE[2020-01-01,MAX] OR AREA[LastUpdatePostDate]RANGE[MIN,2010-01-01]")]
    [InlineData("AREA[StudyFirstPostDate]RANGE[2020-01-01,MAX]")]
    public async Task Advanced_filters_it_cannot_evaluate_get_400_rather_than_being_ignored(string filter)
    {
        using var response = await Client.GetAsync(SearchClient.StudiesUri(("filter.advanced", filter)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
