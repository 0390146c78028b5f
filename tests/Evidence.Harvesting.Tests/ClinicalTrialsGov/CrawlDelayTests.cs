using System.Globalization;
using TrialEvidence.ReplayRegistry;

namespace TrialEvidence.Harvesting.Tests.ClinicalTrialsGov;

/// <summary>The crawl delay as the registry sees it: the time between requests arriving.</summary>
public sealed class CrawlDelayTests : ReplayRegistryTest
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);

    public static TheoryData<string> DroppedConnections => [nameof(Fault.ConnectionReset), nameof(Fault.ConnectionClosed)];

    /// <summary>
    /// A reset is retried by the resilience pipeline; a connection closed where the answer should
    /// begin is sent again by SocketsHttpHandler itself, below every handler, within milliseconds
    /// (21 ms in the issue). Either way the request sent again waits for its turn.
    /// </summary>
    [Theory]
    [MemberData(nameof(DroppedConnections))]
    public async Task A_request_sent_again_after_a_dropped_connection_still_waits_the_crawl_delay(string dropped)
    {
        var fault = dropped == nameof(Fault.ConnectionReset) ? Fault.ConnectionReset : Fault.ConnectionClosed;
        await WarmUpRegistryAsync();
        var before = Registry.Requests.Count;
        using var host = HarvestTestHost.Create(Registry.BaseAddress, configure: s =>
            s["Registry:RequestsPerSecond"] = (1 / Interval.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        // The search is dropped twice: first on the connection /version used, then on the next one.
        Registry.InjectFault(fault, 2, request => request.Path == "/api/v2/studies");

        await host.HarvestAsync("hcc-irt");

        var requests = Registry.Requests.Skip(before).ToList();
        Assert.Equal(2, requests.Count(r => r.Fault == fault));
        Assert.Equal(4, requests.Count); // /version, the search dropped twice, then answered
        AssertSpacedByTheCrawlDelay(requests);
    }

    /// <summary>
    /// Each request arrived at least the crawl delay after the one before, less a margin for the
    /// registry's own latency on a busy machine; a request sent again at once arrives within milliseconds.
    /// </summary>
    private static void AssertSpacedByTheCrawlDelay(List<RecordedRequest> requests)
    {
        var gaps = requests.Zip(requests.Skip(1), (earlier, later) => (later, gap: later.ElapsedSince(earlier))).ToList();
        Assert.All(gaps, g => Assert.True(
            g.gap >= Interval * 0.75,
            $"{g.later.Path} ({g.later.Fault?.ToString() ?? "answered"}) arrived {g.gap.TotalMilliseconds:N0} ms after the request before it; the crawl delay is {Interval.TotalMilliseconds:N0} ms"));
    }

    /// <summary>The registry's first answer is slow (JIT); that latency would shorten the first gap measured.</summary>
    private async Task WarmUpRegistryAsync()
    {
        using var client = new HttpClient { BaseAddress = Registry.BaseAddress };
        (await client.GetAsync("version")).Dispose();
    }
}
