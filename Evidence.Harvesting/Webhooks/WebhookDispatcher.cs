using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrialEvidence.Webhooks;

/// <summary>
/// Delivers stored changes to the configured webhooks while the API or the scheduler runs: every
/// <see cref="WebhookDeliveryOptions.PollInterval"/> it looks for each webhook's next delivery and
/// POSTs it, signed, through the "webhooks" HttpClient (Polly: quick retries with back-off, a
/// time limit per attempt). A round that still fails is tried again later, each wait twice the
/// last up to <see cref="WebhookDeliveryOptions.MaxRoundDelay"/>, for as long as it takes: a
/// webhook's deliveries go in order, at least once, across restarts.
/// </summary>
public sealed partial class WebhookDispatcher(
    WebhookStore store,
    IHttpClientFactory clients,
    IOptions<WebhooksOptions> webhooks,
    IOptions<WebhookDeliveryOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string ClientName = "webhooks";
    public const string SignatureHeader = "X-TrialEvidence-Signature";
    public const string DeliveryHeader = "X-TrialEvidence-Delivery";
    public const string WebhookHeader = "X-TrialEvidence-Webhook";

    /// <summary>sha256=, then the lower-case hex HMAC-SHA256 of <paramref name="body"/> keyed with <paramref name="secret"/>.</summary>
    public static string Signature(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>How long a process holds a delivery it sends: every attempt and retry of one round, and a margin.</summary>
    private TimeSpan Lease =>
        (options.Value.AttemptTimeout * (options.Value.MaxRetryAttempts + 1))
        + (options.Value.RetryBaseDelay * Math.Pow(2, options.Value.MaxRetryAttempts + 1))
        + TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var configured = webhooks.Value.Webhooks;
        if (configured.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            foreach (var webhook in configured)
            {
                try
                {
                    await DeliverDue(webhook, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The database busy or gone for a moment: the next tick tries again; nothing is lost.
                    LogDispatchFailed(logger, webhook.Name, ex);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Sends the webhook's due deliveries one after another, until none is due or one fails.</summary>
    private async Task DeliverDue(WebhookOptions webhook, CancellationToken cancellationToken)
    {
        while (store.Next(webhook, options.Value.MaxChangesPerDelivery, Lease) is { } delivery)
        {
            bool delivered;
            try
            {
                delivered = await Send(webhook, delivery, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                store.Release(delivery.Id); // stopping: the next process takes it up at once, not after the claim lapses
                throw;
            }

            if (!delivered)
            {
                return;
            }
        }
    }

    private async Task<bool> Send(WebhookOptions webhook, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        request.Headers.Add(SignatureHeader, Signature(webhook.Secret, body));
        request.Headers.Add(DeliveryHeader, delivery.Id);
        request.Headers.Add(WebhookHeader, webhook.Name);
        int? status = null;
        string error;
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                store.Delivered(delivery.Id, status.Value);
                LogDelivered(logger, delivery.Id, delivery.Changes, webhook.Name);
                return true;
            }

            error = $"the receiver answered {status} {response.ReasonPhrase}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            error = ex.Message;
        }

        var wait = TimeSpan.FromTicks(Math.Min(
            options.Value.MaxRoundDelay.Ticks,
            options.Value.RetryBaseDelay.Ticks * (1L << (int)Math.Min(delivery.Rounds + 1, 30))));
        store.Failed(delivery.Id, status, error, clock.GetUtcNow() + wait);
        LogFailed(logger, delivery.Id, webhook.Name, error, wait);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} ({Changes} changes) delivered to {Webhook}")]
    private static partial void LogDelivered(ILogger logger, string deliveryId, long changes, string webhook);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {Webhook} failed ({Reason}); trying again in {Wait}")]
    private static partial void LogFailed(ILogger logger, string deliveryId, string webhook, string reason, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Webhook}: could not look for changes to deliver; trying again at the next tick")]
    private static partial void LogDispatchFailed(ILogger logger, string webhook, Exception exception);
}

/// <summary>Logs every POST of a delivery (inside the retries, so each retry is one row of the delivery log).</summary>
public sealed class WebhookAttemptLog(WebhookStore store, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.Headers.TryGetValues(WebhookDispatcher.DeliveryHeader, out var values) ? values.FirstOrDefault() : null;
        var started = clock.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (id is not null)
            {
                store.LogAttempt(id, (int)response.StatusCode, response.IsSuccessStatusCode ? null : response.ReasonPhrase ?? "failed", clock.GetElapsedTime(started));
            }

            return response;
        }
        catch (Exception ex) when (id is not null)
        {
            store.LogAttempt(id, null, ex.Message, clock.GetElapsedTime(started));
            throw;
        }
    }
}
