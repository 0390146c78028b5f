using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TrialEvidence.Api.Tests.Webhooks;

/// <summary>
/// Changes stored by an import reach a webhook receiver on loopback through the running API:
/// signed, retried with the same delivery id while the receiver fails, and still delivered by
/// the next API started on the same database after the first one stops.
/// </summary>
public sealed class WebhookDeliveryTests : IDisposable
{
    private const string Secret = "a-receivers-secret-of-some-length";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ApiDatabase _database = new();

    public WebhookDeliveryTests() => _database.Import(SharedData.CtGov);

    public void Dispose() => _database.Dispose();

    /// <summary>The API on the test's database with one webhook to <paramref name="url"/>, quick to poll and retry.</summary>
    private sealed class Api(ApiDatabase database, Uri url, IReadOnlyDictionary<string, string>? more = null) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            database.Configure(builder);
            builder.UseSetting("Scheduler:Enabled", "false");
            builder.UseSetting("Webhooks:0:Name", "coordinator");
            builder.UseSetting("Webhooks:0:Url", url.ToString());
            builder.UseSetting("Webhooks:0:Secret", Secret);
            builder.UseSetting("WebhookDelivery:PollInterval", "00:00:00.100");
            builder.UseSetting("WebhookDelivery:RetryBaseDelay", "00:00:00.050");
            builder.UseSetting("WebhookDelivery:MaxRetryAttempts", "1");
            builder.UseSetting("WebhookDelivery:MaxRoundDelay", "00:00:00.500");
            foreach (var (key, value) in more ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }
        }
    }

    /// <summary>NCT05147467 closes: status, enrollment count and type change, posted 2024-06-30.</summary>
    private void ImportClosedVersion()
    {
        var summary = _database.Import(_database.WriteFile("NCT05147467-v2.json", LaterVersion.OfShared(
            "NCT05147467", "2024-06-30", LaterVersion.Status("ACTIVE_NOT_RECRUITING") + LaterVersion.Enrollment(68, "ACTUAL"))));
        Assert.Equal(1L, summary.Counts.Changed);
    }

    private static bool SignedWith(LoopbackReceiver.Request request, string secret) =>
        request.Signature == "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), request.Body));

    private static List<string> Changes(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => $"{c.GetProperty("nctId")} {c.GetProperty("field")}: {c.GetProperty("old")} -> {c.GetProperty("new")}")
            .ToList();
    }

    [Fact]
    public async Task A_receiver_that_fails_its_first_attempts_gets_each_change_signed_under_one_delivery_id()
    {
        await using var receiver = await LoopbackReceiver.Start(failFirst: 3);
        using var api = new Api(_database, receiver.Url);
        using var client = api.CreateClient(); // starts the API: the webhook is registered at the newest change

        ImportClosedVersion(); // another process's import, as the harvester command would store it
        var requests = await receiver.WaitFor(r => r.Any(x => x.Answered == 200), Patience);

        Assert.True(requests.Count >= 4, $"{requests.Count} requests");
        Assert.Equal([500, 500, 500, 200], requests.Take(4).Select(r => r.Answered));
        var delivery = Assert.Single(requests.Select(r => r.Delivery).Distinct());
        Assert.True(Guid.TryParse(delivery, out _));
        Assert.All(requests, r => Assert.True(SignedWith(r, Secret), "signed with the webhook's secret"));
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body));
        Assert.All(requests, r => Assert.Equal(("coordinator", "application/json"), (r.Webhook, r.ContentType.Split(';')[0])));
        Assert.False(SignedWith(requests[0], Secret + "x"));
        Assert.Equal(
            ["NCT05147467 status: Recruiting -> Active, not recruiting", "NCT05147467 enrollment.count: 75 -> 68", "NCT05147467 enrollment.type: Estimated -> Actual"],
            Changes(requests[^1].Body));

        // The delivery log tells the same story.
        var log = JsonDocument.Parse(await client.GetStringAsync("/api/webhooks/deliveries")).RootElement;
        var entry = Assert.Single(log.EnumerateArray());
        Assert.Equal(delivery, entry.GetProperty("id").GetString());
        Assert.Equal(4, entry.GetProperty("attempts").GetInt32());
        Assert.Equal(200, entry.GetProperty("lastStatus").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, entry.GetProperty("deliveredAt").ValueKind);
        var webhooks = await client.GetStringAsync("/api/webhooks");
        Assert.DoesNotContain(Secret, webhooks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_pending_when_the_api_stops_is_sent_by_the_next_one_under_the_same_id()
    {
        await using var receiver = await LoopbackReceiver.Start(failFirst: int.MaxValue);
        using (var first = new Api(_database, receiver.Url))
        {
            using var client = first.CreateClient();
            ImportClosedVersion();
            await receiver.WaitFor(r => r.Count >= 2, Patience);
        }

        var failed = receiver.Requests.Count;
        receiver.FailFirst = 0;
        receiver.Requests.Clear();
        using var second = new Api(_database, receiver.Url);
        using var _ = second.CreateClient();
        var requests = await receiver.WaitFor(r => r.Any(x => x.Answered == 200), Patience);

        Assert.True(failed >= 2, $"{failed} failed attempts before the restart");
        var delivered = Assert.Single(requests, r => r.Answered == 200);
        Assert.True(SignedWith(delivered, Secret));
        Assert.Equal(3, Changes(delivered.Body).Count);
        using var connection = _database.Open();
        Assert.Equal(delivered.Delivery, Dapper.SqlMapper.ExecuteScalar<string>(connection, "SELECT id FROM webhook_deliveries"));
    }

    [Fact]
    public async Task A_webhook_narrowed_to_fields_gets_only_those_and_starts_from_when_it_was_configured()
    {
        ImportClosedVersion(); // stored before the webhook exists: not news to it
        await using var receiver = await LoopbackReceiver.Start(failFirst: 0);
        using var api = new Api(_database, receiver.Url, new Dictionary<string, string> { ["Webhooks:0:Fields:0"] = "enrollment.count" });
        using var client = api.CreateClient();

        _database.Import(_database.WriteFile("NCT03281889-v2.json", LaterVersion.OfShared(
            "NCT03281889", "2022-04-20", LaterVersion.Status("COMPLETED") + LaterVersion.Enrollment(24, "ACTUAL"))));
        var requests = await receiver.WaitFor(r => r.Count > 0, Patience);
        await Task.Delay(500); // a moment for anything else that would (wrongly) follow

        var request = Assert.Single(receiver.Requests);
        Assert.Equal(["NCT03281889 enrollment.count: 20 -> 24"], Changes(request.Body));
        Assert.NotEmpty(requests);
    }
}
