-- 0004: what the normaliser derives from each current record, and where each value came from.
-- Everything here is re-derived from study_versions.raw_json by 'renormalize'.

CREATE TABLE study_summaries (
    nct_id               TEXT PRIMARY KEY REFERENCES studies (nct_id) ON DELETE CASCADE,
    institution          TEXT,   -- Table 1 form: "United States (MGH)"
    country              TEXT,   -- the sponsor's country, else the country of most sites
    intervention_summary TEXT,   -- arms joined with " vs ", agents and RT with " + "
    rt_ici_sequence      TEXT NOT NULL CHECK (rt_ici_sequence IN ('concurrent', 'RT then ICI', 'ICI then RT', 'unknown')),
    vocabulary_version   TEXT NOT NULL,
    normalised_at        TEXT NOT NULL
) STRICT;

-- Provenance: each normalised value, the record field it was read from and the words matched.
CREATE TABLE normalised_terms (
    nct_id         TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    entity         TEXT    NOT NULL CHECK (entity IN ('intervention', 'primary_outcome', 'secondary_outcome', 'other_outcome', 'study')),
    entity_ordinal INTEGER NOT NULL,
    field          TEXT    NOT NULL,
    value          TEXT    NOT NULL,
    source_field   TEXT    NOT NULL,
    matched_text   TEXT    NOT NULL,
    PRIMARY KEY (nct_id, entity, entity_ordinal, field, value, source_field)
) STRICT, WITHOUT ROWID;

CREATE INDEX ix_interventions_agent ON interventions (agent);
CREATE INDEX ix_outcomes_endpoint_class ON outcomes (endpoint_class);
