-- 0009: the disease as a review's Table 1 states it ("Unresectable Hepatocellular Carcinoma with
-- vascular invasion"), and the settings of the patients a trial enrols, one row each, so that
-- setting=metastatic is an indexed filter. Both are derived: rows appear with the next import of
-- a study or with 'renormalize' (every start warns while stored values come from an older vocabulary).

ALTER TABLE study_summaries ADD COLUMN disease TEXT;  -- NULL: a trial of no neoplasm, whose conditions are the disease

CREATE TABLE study_settings (
    nct_id  TEXT NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    setting TEXT NOT NULL,  -- a name of the vocabulary's diseaseSettings: unresectable, metastatic, adjuvant, ...
    PRIMARY KEY (nct_id, setting)
) STRICT, WITHOUT ROWID;

CREATE INDEX ix_study_settings_setting ON study_settings (setting, nct_id);
