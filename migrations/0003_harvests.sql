-- 0003: harvests from the registry API: one row per run (which is also its checkpoint), which
-- studies each topic found, retired NCT ids, and the ETags the registry gave.

CREATE TABLE harvest_runs (
    id                 INTEGER PRIMARY KEY,
    topic              TEXT    NOT NULL,
    kind               TEXT    NOT NULL CHECK (kind IN ('full', 'incremental')),
    started_at         TEXT    NOT NULL,
    -- When the harvest this run belongs to began: a resumed run carries its first run's start,
    -- which is what the next incremental harvest counts from.
    harvest_started_at TEXT    NOT NULL,
    finished_at        TEXT,
    outcome            TEXT    NOT NULL CHECK (outcome IN ('running', 'succeeded', 'failed', 'interrupted')),
    -- The exact query of this run (JSON object of registry parameters, without paging), so an
    -- interrupted run resumes with the same question.
    query              TEXT    NOT NULL,
    -- The topic's own query (without the incremental date range): when it changes, the next
    -- harvest is a full one.
    topic_query        TEXT    NOT NULL,
    -- Incremental runs ask for LastUpdatePostDate on or after this date.
    updated_since      TEXT,
    resumed_from       INTEGER REFERENCES harvest_runs (id),
    -- The checkpoint: the page token to fetch next (NULL before the first page), committed in
    -- the same transaction as the previous page's studies.
    next_page_token    TEXT,
    pages              INTEGER NOT NULL DEFAULT 0,
    total_count        INTEGER,
    -- The registry's own data date (GET /version dataTimestamp) when the run started: which
    -- release of the registry the run's studies came from.
    registry_data_timestamp TEXT,
    studies_new        INTEGER NOT NULL DEFAULT 0,
    studies_changed    INTEGER NOT NULL DEFAULT 0,
    studies_unchanged  INTEGER NOT NULL DEFAULT 0,
    studies_rejected   INTEGER NOT NULL DEFAULT 0,
    error              TEXT,
    -- Which process runs it ("host:pid:start"), to tell a live run from one that was killed.
    owner              TEXT    NOT NULL
) STRICT;
CREATE INDEX ix_harvest_runs_topic ON harvest_runs (topic, id);
-- One running harvest per topic, across processes.
CREATE UNIQUE INDEX ux_harvest_runs_running ON harvest_runs (topic) WHERE outcome = 'running';

CREATE TABLE topic_studies (
    topic          TEXT    NOT NULL,
    nct_id         TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    first_seen_at  TEXT    NOT NULL,
    last_seen_at   TEXT    NOT NULL,
    first_run_id   INTEGER NOT NULL REFERENCES harvest_runs (id),
    last_run_id    INTEGER NOT NULL REFERENCES harvest_runs (id),
    PRIMARY KEY (topic, nct_id)
) STRICT, WITHOUT ROWID;

-- The registry answers 301 for a retired NCT id, pointing at the id that replaced it.
CREATE TABLE study_aliases (
    retired_nct_id TEXT PRIMARY KEY,
    nct_id         TEXT NOT NULL,
    seen_at        TEXT NOT NULL
) STRICT;

CREATE TABLE http_etags (
    url     TEXT PRIMARY KEY,
    etag    TEXT NOT NULL,
    seen_at TEXT NOT NULL
) STRICT;
