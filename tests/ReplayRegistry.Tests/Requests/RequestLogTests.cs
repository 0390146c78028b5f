using System.Net;
using TrialEvidence.ReplayRegistry.Tests.Search;

namespace TrialEvidence.ReplayRegistry.Tests.Requests;

public sealed class RequestLogTests : RegistryTest
{
    [Fact]
    public async Task Records_each_request_with_its_headers_and_the_answer_it_got()
    {
        Client.DefaultRequestHeaders.UserAgent.ParseAdd("TrialEvidence/0.1");
        using var first = await Client.GetAsync("studies/NCT03203304");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "studies/NCT03203304");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await Client.SendAsync(conditional);

        var requests = Server.Requests;

        Assert.Equal(2, requests.Count);
        Assert.All(requests, request =>
        {
            Assert.Equal("GET", request.Method);
            Assert.Equal("/api/v2/studies/NCT03203304", request.Path);
            Assert.Equal("TrialEvidence/0.1", request.UserAgent);
        });
        Assert.Equal((200, null), (requests[0].StatusCode, requests[0].IfNoneMatch));
        Assert.Equal((304, first.Headers.ETag!.Tag), (requests[1].StatusCode, requests[1].IfNoneMatch));
        Assert.True(requests[1].ElapsedSince(requests[0]) >= TimeSpan.Zero);
    }

    [Fact]
    public async Task Records_the_search_parameters_sent()
    {
        const string Incremental = "AREA[LastUpdatePostDate]RANGE[2026-11-24,MAX]";
        await Client.SearchAsync(("filter.advanced", Incremental), ("pageSize", "1000"));

        var request = Assert.Single(Server.Requests);

        Assert.Equal(Incremental, request.QueryValue("filter.advanced"));
        Assert.Null(request.QueryValue("pageToken"));
        Assert.StartsWith("?filter.advanced=", request.QueryString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_the_fault_played_and_no_status_when_the_connection_was_dropped()
    {
        Server.InjectFault(Fault.TooManyRequests(3));
        Server.InjectFault(Fault.ConnectionReset);
        using var limited = await Client.GetAsync("version");
        using var fresh = NewClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => fresh.GetAsync("version"));
        using var normal = await Client.GetAsync("version");

        var requests = Server.Requests;

        Assert.Equal((429, Fault.TooManyRequests(3)), (requests[0].StatusCode, requests[0].Fault));
        Assert.Equal((null, Fault.ConnectionReset), (requests[1].StatusCode, requests[1].Fault));
        Assert.Equal((200, null), (requests[2].StatusCode, requests[2].Fault));
    }

    [Fact]
    public async Task Arrival_times_and_the_initial_data_timestamp_come_from_the_time_provider()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 26, 9, 0, 5, TimeSpan.Zero));
        await using var server = await ReplayRegistryServer.StartAsync(SharedFolder.CtGov, new ReplayRegistryOptions { TimeProvider = clock });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await client.GetAsync("version");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(clock.Now, Assert.Single(server.Requests).ArrivedAt);
        Assert.Equal("2026-11-26T09:00:05", server.DataTimestamp);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now => now;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
