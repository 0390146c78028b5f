-- 0001: the evidence core. Every distinct version of every registry record is kept verbatim in
-- study_versions; studies and its child tables hold the normalised current version.
-- A shipped migration is never edited: add a new numbered file instead.
-- Child tables are keyed by (nct_id, position) and WITHOUT ROWID: one b-tree per table, rows
-- of a study stored together, half the index work of a rowid table on import.

CREATE TABLE study_versions (
    id                      INTEGER PRIMARY KEY,
    nct_id                  TEXT    NOT NULL,
    version_holder          TEXT,
    last_update_posted_date TEXT,
    content_hash            TEXT    NOT NULL,
    fetched_at              TEXT    NOT NULL,
    source                  TEXT    NOT NULL,
    raw_json                TEXT    NOT NULL,
    UNIQUE (nct_id, content_hash)
) STRICT;

CREATE TABLE studies (
    nct_id                        TEXT    PRIMARY KEY,
    brief_title                   TEXT,
    official_title                TEXT,
    acronym                       TEXT,
    organization                  TEXT,
    org_study_id                  TEXT,
    overall_status                TEXT,
    last_known_status             TEXT,
    why_stopped                   TEXT,
    study_type                    TEXT,
    phase                         TEXT,
    allocation                    TEXT,
    intervention_model            TEXT,
    primary_purpose               TEXT,
    masking                       TEXT,
    enrollment_count              INTEGER,
    enrollment_type               TEXT,
    start_date                    TEXT,
    start_date_type               TEXT,
    primary_completion_date       TEXT,
    primary_completion_date_type  TEXT,
    completion_date               TEXT,
    completion_date_type          TEXT,
    first_posted_date             TEXT,
    last_update_posted_date       TEXT,
    lead_sponsor                  TEXT,
    lead_sponsor_class            TEXT,
    brief_summary                 TEXT,
    has_results                   INTEGER CHECK (has_results IN (0, 1)),
    version_holder                TEXT,
    current_version_id            INTEGER NOT NULL REFERENCES study_versions (id),
    updated_at                    TEXT    NOT NULL
) STRICT;

CREATE TABLE enrollment_snapshots (
    id                      INTEGER PRIMARY KEY,
    nct_id                  TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    version_id              INTEGER NOT NULL REFERENCES study_versions (id),
    version_holder          TEXT,
    last_update_posted_date TEXT,
    observed_at             TEXT    NOT NULL,
    count                   INTEGER,
    type                    TEXT
) STRICT;
CREATE INDEX ix_enrollment_snapshots_nct ON enrollment_snapshots (nct_id, last_update_posted_date);

CREATE TABLE conditions (
    nct_id  TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    name    TEXT    NOT NULL,
    PRIMARY KEY (nct_id, ordinal)
) STRICT, WITHOUT ROWID;

CREATE TABLE keywords (
    nct_id  TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    keyword TEXT    NOT NULL,
    PRIMARY KEY (nct_id, ordinal)
) STRICT, WITHOUT ROWID;

-- MeSH terms the registry derived (derivedSection.conditionBrowseModule / interventionBrowseModule).
-- browse_module is 'condition' or 'intervention'; relation is 'mesh' (a direct match) or 'ancestor'.
CREATE TABLE mesh_terms (
    nct_id        TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    browse_module TEXT    NOT NULL CHECK (browse_module IN ('condition', 'intervention')),
    relation      TEXT    NOT NULL CHECK (relation IN ('mesh', 'ancestor')),
    ordinal       INTEGER NOT NULL,
    mesh_id       TEXT,
    term          TEXT    NOT NULL,
    PRIMARY KEY (nct_id, browse_module, relation, ordinal)
) STRICT, WITHOUT ROWID;

CREATE TABLE interventions (
    nct_id           TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    ordinal          INTEGER NOT NULL,
    type             TEXT,
    name             TEXT,
    description      TEXT,
    other_names      TEXT,   -- JSON array of strings, e.g. ["Opdivo","BMS-936558"]
    arm_group_labels TEXT,   -- JSON array of the arm labels this intervention belongs to
    PRIMARY KEY (nct_id, ordinal)
) STRICT, WITHOUT ROWID;

CREATE TABLE arm_groups (
    nct_id             TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    ordinal            INTEGER NOT NULL,
    label              TEXT,
    type               TEXT,
    description        TEXT,
    intervention_names TEXT,  -- JSON array, as the registry writes them ("Drug: Nivolumab")
    PRIMARY KEY (nct_id, ordinal)
) STRICT, WITHOUT ROWID;

CREATE TABLE outcomes (
    nct_id      TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('primary', 'secondary', 'other')),
    ordinal     INTEGER NOT NULL,
    measure     TEXT,
    description TEXT,
    time_frame  TEXT,
    PRIMARY KEY (nct_id, kind, ordinal)
) STRICT, WITHOUT ROWID;

CREATE TABLE locations (
    nct_id    TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,
    facility  TEXT,
    city      TEXT,
    state     TEXT,
    zip       TEXT,
    country   TEXT,
    status    TEXT,
    latitude  REAL,
    longitude REAL,
    PRIMARY KEY (nct_id, ordinal)
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_locations_country ON locations (country);

CREATE TABLE secondary_ids (
    nct_id       TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    secondary_id TEXT    NOT NULL,
    type         TEXT,
    domain       TEXT,
    link         TEXT,
    PRIMARY KEY (nct_id, ordinal)
) STRICT, WITHOUT ROWID;

CREATE TABLE collaborators (
    nct_id  TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    name    TEXT    NOT NULL,
    class   TEXT,
    PRIMARY KEY (nct_id, ordinal)
) STRICT, WITHOUT ROWID;

CREATE INDEX ix_studies_status ON studies (overall_status);
CREATE INDEX ix_studies_last_update ON studies (last_update_posted_date);
