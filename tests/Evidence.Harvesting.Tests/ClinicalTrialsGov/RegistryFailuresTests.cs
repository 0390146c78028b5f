using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Polly;
using TrialEvidence.ClinicalTrialsGov;

namespace TrialEvidence.Harvesting.Tests.ClinicalTrialsGov;

public class RegistryFailuresTests
{
    private static Outcome<HttpResponseMessage> Answer(HttpStatusCode status, RetryConditionHeaderValue? retryAfter = null)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.RetryAfter = retryAfter;
        return Outcome.FromResult(response);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.Forbidden, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.OK, false)]
    public void Transient_answers_are_retried_and_others_are_not(HttpStatusCode status, bool transient)
    {
        Assert.Equal(transient, RegistryFailures.IsTransient(Answer(status)));
    }

    [Fact]
    public void Cut_off_bodies_and_dropped_connections_are_transient()
    {
        Assert.True(RegistryFailures.IsTransient(Outcome.FromException<HttpResponseMessage>(new RegistryResponseException("cut off"))));
        Assert.True(RegistryFailures.IsTransient(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset"))));
    }

    [Fact]
    public void Retry_after_in_seconds_or_as_a_date_is_honoured_up_to_the_cap()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T12:00:00Z"));
        var cap = TimeSpan.FromMinutes(5);

        Assert.Equal(TimeSpan.FromSeconds(30), RegistryFailures.RetryAfter(Answer(HttpStatusCode.TooManyRequests, new(TimeSpan.FromSeconds(30))), cap, clock));
        Assert.Equal(TimeSpan.FromMinutes(2), RegistryFailures.RetryAfter(Answer(HttpStatusCode.ServiceUnavailable, new(DateTimeOffset.Parse("2026-11-26T12:02:00Z"))), cap, clock));
        Assert.Equal(cap, RegistryFailures.RetryAfter(Answer(HttpStatusCode.TooManyRequests, new(TimeSpan.FromHours(1))), cap, clock));
        Assert.Equal(TimeSpan.Zero, RegistryFailures.RetryAfter(Answer(HttpStatusCode.TooManyRequests, new(DateTimeOffset.Parse("2026-11-26T11:00:00Z"))), cap, clock));
        Assert.Null(RegistryFailures.RetryAfter(Answer(HttpStatusCode.ServiceUnavailable), cap, clock));
    }
}
