using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using TrialEvidence.ReplayRegistry.Tests.Search;

namespace TrialEvidence.ReplayRegistry.Tests.Faults;

public sealed class FaultTests : RegistryTest
{
    [Fact]
    public async Task Too_many_requests_answers_429_with_retry_after_in_seconds()
    {
        Server.InjectFault(Fault.TooManyRequests(retryAfterSeconds: 7));

        using var response = await Client.GetAsync("studies");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task Error_status_faults_answer_their_status_in_plain_text(HttpStatusCode status)
    {
        Server.InjectFault(status switch
        {
            HttpStatusCode.ServiceUnavailable => Fault.ServiceUnavailable,
            HttpStatusCode.InternalServerError => Fault.InternalServerError,
            _ => Fault.Forbidden,
        });

        using var response = await Client.GetAsync("studies/NCT03203304");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Connection_reset_fails_the_request_without_a_response()
    {
        // A fresh connection: on a reused one, SocketsHttpHandler would quietly retry the request once.
        Server.InjectFault(Fault.ConnectionReset);

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.GetAsync("studies/NCT03203304"));
    }

    [Fact]
    public async Task Connection_closed_ends_the_stream_where_the_answer_should_begin()
    {
        Server.InjectFault(Fault.ConnectionClosed);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(Server.BaseAddress.Host, Server.BaseAddress.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET {Server.BaseAddress.AbsolutePath}version HTTP/1.1\r\nHost: {Server.BaseAddress.Authority}\r\n\r\n"));

        var received = await socket.ReceiveAsync(new byte[1024], SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, received); // a FIN, not a reset: a reset would throw here
        var request = Assert.Single(Server.Requests);
        Assert.Equal((Fault.ConnectionClosed, (int?)null), (request.Fault, request.StatusCode));
    }

    [Fact]
    public async Task Connection_closed_makes_the_http_client_send_the_request_again_by_itself()
    {
        Server.InjectFault(Fault.ConnectionClosed);

        using var response = await Client.GetAsync("version");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Fault.ConnectionClosed, null], Server.Requests.Select(r => r.Fault));
    }

    [Fact]
    public async Task Slow_answer_outlasts_a_client_with_a_short_timeout()
    {
        Server.InjectFault(Fault.Slow(TimeSpan.FromSeconds(30)));
        Client.Timeout = TimeSpan.FromMilliseconds(300);

        await Assert.ThrowsAsync<TaskCanceledException>(() => Client.GetAsync("studies/NCT03203304"));
    }

    [Fact]
    public async Task Slow_answer_arrives_normally_after_the_delay()
    {
        Server.InjectFault(Fault.Slow(TimeSpan.FromMilliseconds(300)));
        var started = Stopwatch.GetTimestamp();

        using var response = await Client.GetAsync("studies/NCT03203304");

        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(250));
        Assert.Equal(Server.Studies["NCT03203304"], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Truncated_body_declares_the_full_length_but_delivers_only_half()
    {
        Server.InjectFault(Fault.TruncatedBody);

        using var response = await Client.GetAsync("studies/NCT03203304", HttpCompletionOption.ResponseHeadersRead);
        var declared = response.Content.Headers.ContentLength;
        using var received = new MemoryStream();
        var failure = await Record.ExceptionAsync(async () => await (await response.Content.ReadAsStreamAsync()).CopyToAsync(received));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Server.Studies["NCT03203304"].Length, declared);
        Assert.IsAssignableFrom<IOException>(failure);
        Assert.Equal(declared / 2, received.Length);
    }

    [Fact]
    public async Task Malformed_json_is_a_complete_200_that_does_not_parse()
    {
        Server.InjectFault(Fault.MalformedJson);

        using var response = await Client.GetAsync(SearchClient.StudiesUri(("pageSize", "3")));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task A_fault_is_played_the_given_number_of_times_then_service_resumes()
    {
        Server.InjectFault(Fault.ServiceUnavailable, times: 2);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Client.GetAsync("version");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task Faults_are_played_in_the_order_injected()
    {
        Server.InjectFault(Fault.Forbidden);
        Server.InjectFault(Fault.TooManyRequests(1));

        using var first = await Client.GetAsync("version");
        using var second = await Client.GetAsync("version");

        Assert.Equal(HttpStatusCode.Forbidden, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task A_fault_waits_for_a_request_its_condition_selects()
    {
        Server.InjectFault(Fault.InternalServerError, when: request => request.Query.ContainsKey("pageToken"));

        var first = await Client.SearchAsync(("pageSize", "5"));
        using var second = await Client.GetAsync(SearchClient.StudiesUri(("pageSize", "5"), ("pageToken", first.NextPageToken!)));

        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
    }
}
