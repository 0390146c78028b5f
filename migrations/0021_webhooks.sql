-- 0021: delivering changes to webhooks (issue 12). study_changes is the outbox: its rows are
-- written in the same transaction as the version they come from, by whichever process stored it,
-- and their ids only grow. Each webhook keeps its position in it (webhook_cursors, set to the
-- newest change when the webhook is first configured); the running API or scheduler takes the
-- next changes after that position into a delivery, stored with its body before the first
-- attempt, so every retry, in this process or after a restart, sends the same body under the
-- same delivery id, until the receiver answers 2xx.
CREATE TABLE webhook_cursors (
    webhook        TEXT    PRIMARY KEY,
    last_change_id INTEGER NOT NULL,
    registered_at  TEXT    NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE webhook_deliveries (
    id              TEXT    PRIMARY KEY,
    webhook         TEXT    NOT NULL,
    first_change_id INTEGER NOT NULL,
    last_change_id  INTEGER NOT NULL,
    changes         INTEGER NOT NULL,
    body            TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    rounds          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    last_attempt_at TEXT,
    last_status     INTEGER,
    last_error      TEXT,
    delivered_at    TEXT
) STRICT;

-- The delivery log: every POST, the quick retries of a round included.
CREATE TABLE webhook_attempts (
    id           INTEGER PRIMARY KEY,
    delivery_id  TEXT    NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at TEXT    NOT NULL,
    status       INTEGER,
    error        TEXT,
    duration_ms  INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_webhook_attempts_delivery ON webhook_attempts (delivery_id, id);
CREATE INDEX ix_webhook_deliveries_webhook ON webhook_deliveries (webhook, created_at);
CREATE INDEX ix_webhook_deliveries_pending ON webhook_deliveries (webhook, created_at) WHERE delivered_at IS NULL;
