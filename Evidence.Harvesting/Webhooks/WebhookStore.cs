using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using TrialEvidence.Data.Changes;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Webhooks;

/// <summary>A delivery as stored: its id (X-TrialEvidence-Delivery), the body every attempt sends, the rounds of attempts so far, and when it is due (or its claim lapses).</summary>
public sealed record WebhookDelivery(string Id, string Webhook, long FirstChangeId, long LastChangeId, long Changes, string Body, long Rounds, string NextAttemptAt);

/// <summary>One row of the delivery log, as GET /api/webhooks/deliveries shows it.</summary>
public sealed record WebhookDeliveryLog(
    string Id, string Webhook, long Changes, string CreatedAt, long Attempts, string? LastAttemptAt, long? LastStatus, string? LastError, string? DeliveredAt, string? NextAttemptAt);

/// <summary>
/// The webhooks' state in the database: each webhook's position in study_changes (the outbox),
/// its deliveries (one at a time, in order), and every attempt to send one.
/// </summary>
public sealed class WebhookStore(EvidenceDatabase connections, TimeProvider clock)
{
    /// <summary>
    /// Gives each webhook not seen before the newest change as its position: a webhook receives
    /// what is stored after it was first configured, by any process that has it in its settings.
    /// </summary>
    public void Register(IEnumerable<string> webhooks)
    {
        using var connection = connections.Open();
        connection.Execute(connection.Sql(
            """
            INSERT OR IGNORE INTO webhook_cursors (webhook, last_change_id, registered_at)
            SELECT value, (SELECT COALESCE(MAX(id), 0) FROM study_changes), @Now FROM json_each(@Names)
            """),
            new { Names = JsonSerializer.Serialize(webhooks), Now = Now() });
    }

    /// <summary>
    /// The webhook's next delivery to send, claimed for <paramref name="lease"/>: the oldest not
    /// yet delivered when it is due (its wait after a failed round is over, and no process holds
    /// it), or else a new one of the next changes after the webhook's position (which moves past
    /// them in the same transaction). Null when there is nothing to send now. Claimed under the
    /// write lock, so two processes (the API and a scheduler) never send one delivery at once nor
    /// make two of the same changes; a claim that is never released (a killed process) lapses.
    /// </summary>
    public WebhookDelivery? Next(WebhookOptions webhook, int maxChanges, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        using var connection = connections.Open();
        var now = Now();
        if (Pending(connection, null, webhook.Name) is { } waiting
            ? string.CompareOrdinal(waiting.NextAttemptAt, now) > 0
            : (connection.ExecuteScalar<long?>(connection.Sql("SELECT MAX(id) FROM study_changes")) ?? 0)
              <= (connection.ExecuteScalar<long?>(connection.Sql("SELECT last_change_id FROM webhook_cursors WHERE webhook = @Name"), new { webhook.Name }) ?? long.MaxValue))
        {
            return null; // the usual answer, read without taking the write lock
        }

        using var transaction = connections.BeginWrite(connection);
        now = Now();
        var claimedUntil = At(clock.GetUtcNow() + lease);
        if (Pending(connection, transaction, webhook.Name) is { } pending)
        {
            if (string.CompareOrdinal(pending.NextAttemptAt, now) > 0)
            {
                return null; // waiting after a failed round, or being sent by another process
            }

            connection.Execute(connection.Sql("UPDATE webhook_deliveries SET next_attempt_at = @ClaimedUntil WHERE id = @Id"), new { ClaimedUntil = claimedUntil, pending.Id }, transaction);
            transaction.Commit();
            return pending;
        }

        var position = connection.ExecuteScalar<long?>(connection.Sql("SELECT last_change_id FROM webhook_cursors WHERE webhook = @Name"), new { webhook.Name }, transaction);
        if (position is null)
        {
            return null; // not registered (configured after this process started): Register first
        }

        var upTo = connection.ExecuteScalar<long?>(connection.Sql("SELECT MAX(id) FROM study_changes"), transaction: transaction) ?? 0;
        var changes = ChangeLog.After(connection, transaction, position.Value, upTo, webhook.Topics, webhook.Fields, maxChanges);
        // Past the changes taken, or, when fewer than asked were left, past every change read
        // (those of other topics and fields included), so they are not looked at again.
        var moveTo = changes.Count == maxChanges ? changes[^1].Id : upTo;
        connection.Execute(connection.Sql("UPDATE webhook_cursors SET last_change_id = @MoveTo WHERE webhook = @Name"), new { MoveTo = moveTo, webhook.Name }, transaction);
        WebhookDelivery? delivery = null;
        if (changes.Count > 0)
        {
            delivery = new WebhookDelivery(
                Guid.CreateVersion7().ToString(), webhook.Name, changes[0].Id, changes[^1].Id, changes.Count, WebhookBody.Write(webhook.Name, changes), 0, now);
            connection.Execute(connection.Sql(
                """
                INSERT INTO webhook_deliveries (id, webhook, first_change_id, last_change_id, changes, body, created_at, next_attempt_at)
                VALUES (@Id, @Webhook, @FirstChangeId, @LastChangeId, @Changes, @Body, @Now, @ClaimedUntil)
                """),
                new { delivery.Id, delivery.Webhook, delivery.FirstChangeId, delivery.LastChangeId, delivery.Changes, delivery.Body, Now = now, ClaimedUntil = claimedUntil },
                transaction);
        }

        transaction.Commit();
        return delivery;
    }

    /// <summary>Gives a claimed delivery back, due now (this process stops while sending it).</summary>
    public void Release(string id)
    {
        using var connection = connections.Open();
        connection.Execute(connection.Sql("UPDATE webhook_deliveries SET next_attempt_at = @Now WHERE id = @id AND delivered_at IS NULL"), new { id, Now = Now() });
    }

    /// <summary>The receiver took it (a 2xx answer).</summary>
    public void Delivered(string id, int status) => Finish(id, status, error: null, nextAttemptAt: null);

    /// <summary>A round of attempts failed; the next round is due at <paramref name="nextAttemptAt"/>.</summary>
    public void Failed(string id, int? status, string error, DateTimeOffset nextAttemptAt) => Finish(id, status, error, nextAttemptAt);

    /// <summary>One POST of a delivery, whatever its outcome (every retry is one).</summary>
    public void LogAttempt(string deliveryId, int? status, string? error, TimeSpan duration)
    {
        using var connection = connections.Open();
        connection.Execute(connection.Sql(
            """
            INSERT INTO webhook_attempts (delivery_id, attempted_at, status, error, duration_ms)
            VALUES (@DeliveryId, @Now, @Status, @Error, @DurationMs)
            """),
            new { DeliveryId = deliveryId, Now = Now(), Status = status, Error = error, DurationMs = (long)duration.TotalMilliseconds });
    }

    /// <summary>The newest deliveries first, of one webhook or all.</summary>
    public IReadOnlyList<WebhookDeliveryLog> Log(string? webhook, int limit)
    {
        using var connection = connections.Open();
        return [.. connection.Query<WebhookDeliveryLog>(connection.Sql(
            """
            SELECT id AS Id, webhook AS Webhook, changes AS Changes, created_at AS CreatedAt,
                   (SELECT COUNT(*) FROM webhook_attempts a WHERE a.delivery_id = d.id) AS Attempts,
                   last_attempt_at AS LastAttemptAt, last_status AS LastStatus, last_error AS LastError, delivered_at AS DeliveredAt,
                   next_attempt_at AS NextAttemptAt
            FROM webhook_deliveries d
            WHERE @Webhook IS NULL OR webhook = @Webhook
            ORDER BY created_at DESC, id DESC
            LIMIT @Limit
            """),
            new { Webhook = webhook, Limit = limit }).Select(d => d.DeliveredAt is null ? d : d with { NextAttemptAt = null })];
    }

    private void Finish(string id, int? status, string? error, DateTimeOffset? nextAttemptAt)
    {
        using var connection = connections.Open();
        var now = Now();
        connection.Execute(connection.Sql(
            """
            UPDATE webhook_deliveries
            SET rounds = rounds + 1, last_attempt_at = @Now, last_status = @Status, last_error = @Error,
                delivered_at = CASE WHEN @Error IS NULL THEN @Now END,
                next_attempt_at = COALESCE(@NextAttemptAt, next_attempt_at)
            WHERE id = @Id AND delivered_at IS NULL
            """),
            new { Id = id, Now = now, Status = status, Error = error, NextAttemptAt = nextAttemptAt is { } at ? At(at) : null });
    }

    private static WebhookDelivery? Pending(DbConnection connection, DbTransaction? transaction, string webhook) =>
        connection.QueryFirstOrDefault<WebhookDelivery>(connection.Sql(
            """
            SELECT id AS Id, webhook AS Webhook, first_change_id AS FirstChangeId, last_change_id AS LastChangeId, changes AS Changes,
                   body AS Body, rounds AS Rounds, next_attempt_at AS NextAttemptAt
            FROM webhook_deliveries WHERE webhook = @webhook AND delivered_at IS NULL
            ORDER BY created_at, id LIMIT 1
            """),
            new { webhook },
            transaction);

    private string Now() => At(clock.GetUtcNow());

    private static string At(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>What a webhook receives: <c>{"webhook": name, "changes": [the change objects of /api/changes]}</c>.</summary>
public static class WebhookBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(string webhook, IReadOnlyList<ChangeEntry> changes) =>
        JsonSerializer.Serialize(new { webhook, changes }, Json);
}
