-- 0020: what changed between a record's versions, one row per field (or per list item), so
-- research coordinators can follow trials over time (issue 12). The batch writer adds the rows
-- in the same transaction as the version that replaces the current one; a version kept as
-- history (older than the current one, or of the same dates) adds none. `backfill-changes`
-- fills them for versions stored before this migration or arrived out of order (backfilled = 1:
-- history, which webhooks do not deliver as news).
-- AUTOINCREMENT: ids only grow, even after rows are deleted, so a webhook's position (the last
-- id it was given) never passes a change stored later.
CREATE TABLE study_changes (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    nct_id          TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    from_version_id INTEGER NOT NULL REFERENCES study_versions (id),
    to_version_id   INTEGER NOT NULL REFERENCES study_versions (id),
    field           TEXT    NOT NULL,
    old             TEXT,
    new             TEXT,
    registry_date   TEXT,
    observed_at     TEXT    NOT NULL,
    backfilled      INTEGER NOT NULL DEFAULT 0 CHECK (backfilled IN (0, 1))
) STRICT;

-- A trial's timeline; the feed across trials, newest first (and since a time); by field.
CREATE INDEX ix_study_changes_nct ON study_changes (nct_id, observed_at, id);
CREATE INDEX ix_study_changes_observed ON study_changes (observed_at, id);
CREATE INDEX ix_study_changes_field ON study_changes (field, observed_at, id);
CREATE INDEX ix_study_changes_to_version ON study_changes (to_version_id);
