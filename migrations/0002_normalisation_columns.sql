-- 0002: room for the normalised fields (filled by the normaliser, re-derivable from raw versions).
-- All nullable: NULL means "not normalised yet", never "absent in the registry".

ALTER TABLE interventions ADD COLUMN agent TEXT;          -- canonical generic name, e.g. nivolumab
ALTER TABLE interventions ADD COLUMN agent_class TEXT;    -- e.g. ICI, anti-VEGF, TKI
ALTER TABLE interventions ADD COLUMN target TEXT;         -- e.g. PD-1, PD-L1, CTLA-4
ALTER TABLE interventions ADD COLUMN rt_modality TEXT;    -- e.g. SBRT, EBRT, SIRT
ALTER TABLE interventions ADD COLUMN partner_class TEXT;  -- e.g. anti-VEGF, TKI, chemotherapy

ALTER TABLE outcomes ADD COLUMN endpoint_class TEXT;      -- e.g. ORR, PFS, OS, safety
ALTER TABLE outcomes ADD COLUMN endpoint_landmark TEXT;   -- e.g. 6 months

-- RT dose and fractionation parsed from intervention or arm text; one row per stated regimen.
CREATE TABLE rt_regimens (
    nct_id             TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    ordinal            INTEGER NOT NULL,
    source_field       TEXT    NOT NULL,  -- where the text came from, e.g. interventions[2].description
    raw_text           TEXT    NOT NULL,
    total_dose_gy_min  REAL,
    total_dose_gy_max  REAL,
    fractions_min      INTEGER,
    fractions_max      INTEGER,
    dose_per_fraction_gy_min REAL,
    dose_per_fraction_gy_max REAL,
    bed10_gy_min       REAL,
    bed10_gy_max       REAL,
    eqd2_gy_min        REAL,
    eqd2_gy_max        REAL,
    PRIMARY KEY (nct_id, ordinal)
) STRICT, WITHOUT ROWID;

