using Microsoft.Extensions.Time.Testing;
using TrialEvidence.ClinicalTrialsGov;

namespace TrialEvidence.Harvesting.Tests.ClinicalTrialsGov;

public class CrawlDelayRateLimiterTests
{
    [Fact]
    public async Task A_request_waits_until_the_interval_after_the_previous_grant()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new CrawlDelayRateLimiter(TimeSpan.FromSeconds(1), clock);

        using var first = await limiter.AcquireAsync();
        var second = limiter.AcquireAsync().AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(50);
        var waitedEnough = second.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        using var lease = await second.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(first.IsAcquired);
        Assert.False(waitedEnough, "the second request went before the crawl delay was over");
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public void Attempting_takes_a_turn_only_when_one_is_free_and_asking_for_none_takes_nothing()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new CrawlDelayRateLimiter(TimeSpan.FromSeconds(1), clock);

        using var probe = limiter.AttemptAcquire(0);
        using var first = limiter.AttemptAcquire(1);
        using var second = limiter.AttemptAcquire(1);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var third = limiter.AttemptAcquire(1);

        Assert.Equal((true, true, false, true), (probe.IsAcquired, first.IsAcquired, second.IsAcquired, third.IsAcquired));
    }
}
