using Dapper;
using TrialEvidence.Webhooks;

namespace TrialEvidence.Harvesting.Tests.Webhooks;

/// <summary>Two processes delivering to one webhook (the API and a scheduler) on one database.</summary>
public sealed class WebhookStoreTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly TempDatabase _database = new();

    private readonly WebhookOptions _webhook = new() { Name = "coordinator", Url = "https://example.org/hook", Secret = "sixteen-characters" };

    public WebhookStoreTests()
    {
        _database.Import(SharedData.CtGovFile("NCT05147467.json"));
        Store().Register([_webhook.Name]);
        _database.Import(_database.WriteFile("v2.json", LaterVersion.OfShared("NCT05147467", "2024-06-30", LaterVersion.Status("COMPLETED"))));
    }

    public void Dispose() => _database.Dispose();

    private WebhookStore Store() => new(_database.Connections, TimeProvider.System);

    [Fact]
    public void A_delivery_one_process_is_sending_is_not_handed_to_another_until_that_round_ends()
    {
        var api = Store();
        var scheduler = Store();

        var sending = api.Next(_webhook, 100, Lease);
        var meanwhile = scheduler.Next(_webhook, 100, Lease);
        api.Failed(sending!.Id, 500, "the receiver answered 500", DateTimeOffset.UtcNow.AddSeconds(-1));
        var retried = scheduler.Next(_webhook, 100, Lease);

        Assert.NotNull(sending);
        Assert.Null(meanwhile);
        Assert.Equal(sending.Id, retried?.Id);
        Assert.Equal(sending.Body, retried!.Body);
        Assert.Equal(1L, _database.Open().ExecuteScalar<long>("SELECT COUNT(*) FROM webhook_deliveries"));
    }

    [Fact]
    public void A_delivery_given_back_by_a_stopping_process_is_due_at_once_and_a_lapsed_claim_too()
    {
        var first = Store().Next(_webhook, 100, Lease)!;
        Store().Release(first.Id);
        var afterRelease = Store().Next(_webhook, 100, TimeSpan.Zero); // claimed for no time: as if it lapsed
        var afterLapse = Store().Next(_webhook, 100, Lease);

        Assert.Equal(first.Id, afterRelease?.Id);
        Assert.Equal(first.Id, afterLapse?.Id);
    }

    [Fact]
    public void A_late_failure_of_a_delivered_delivery_does_not_undo_it()
    {
        var store = Store();
        var delivery = store.Next(_webhook, 100, Lease)!;

        store.Delivered(delivery.Id, 200);
        store.Failed(delivery.Id, 500, "a late answer of another attempt", DateTimeOffset.UtcNow.AddSeconds(-1));

        Assert.NotNull(_database.Open().ExecuteScalar<string?>("SELECT delivered_at FROM webhook_deliveries"));
        Assert.Null(store.Next(_webhook, 100, Lease));
    }
}
