-- 0022: imports recorded like harvests (issue 13), so the page shows where the data came from:
-- one row per `harvester import`, written when it starts and updated when it ends.
CREATE TABLE import_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT    NOT NULL,
    finished_at TEXT,
    outcome     TEXT    NOT NULL CHECK (outcome IN ('running', 'succeeded', 'failed', 'interrupted')),
    -- What was imported, as the command was given it (files, folders, zips): a JSON array.
    paths       TEXT    NOT NULL,
    sources     INTEGER NOT NULL DEFAULT 0,
    studies_read      INTEGER NOT NULL DEFAULT 0,
    studies_new       INTEGER NOT NULL DEFAULT 0,
    studies_changed   INTEGER NOT NULL DEFAULT 0,
    studies_unchanged INTEGER NOT NULL DEFAULT 0,
    studies_rejected  INTEGER NOT NULL DEFAULT 0,
    -- Why it failed or stopped; for a finished import with rejections, the first one.
    error       TEXT
) STRICT;
