-- 0015: facet counts over a large or combined selection (q=radiotherapy: 10,000 studies of
-- 600,000) without a text seek and a grouping row per facet value of every selected study.
-- facet_ids numbers each facet value once; study_facet_codes holds, per study (keyed by the
-- studies rowid, which is also the full-text index's rowid), the numbers of its study_facets
-- rows as one short text ("3,17,240"). Counting reads one small row per selected study and adds
-- in the API (TrialReads); the numbers are named from facet_ids. With the NCT id beside them,
-- a page of words alone (q) is ordered from these rows too. The import writes a study's
-- codes with its facet rows (StudyFacets); topic membership by trigger, as its facet rows.
--   sqlite3 evidence.db "SELECT codes FROM study_facet_codes WHERE nct_id = 'NCT03482102'"

CREATE TABLE facet_ids (
    id    INTEGER PRIMARY KEY,
    facet TEXT NOT NULL,
    value TEXT NOT NULL,
    UNIQUE (facet, value)
) STRICT;

CREATE TABLE study_facet_codes (
    study_rowid INTEGER PRIMARY KEY,  -- studies.rowid (and study_search.rowid)
    nct_id      TEXT    NOT NULL,     -- so that a page of a selection is ordered without reading studies
    codes       TEXT    NOT NULL      -- facet_ids.id of each of the study's study_facets rows, comma-separated
) STRICT;

-- A study joins or leaves a topic: its codes follow its facet rows.
CREATE TRIGGER tr_study_facets_topic_coded AFTER INSERT ON study_facets WHEN NEW.facet = 'topic'
BEGIN
    INSERT OR IGNORE INTO facet_ids (facet, value) VALUES (NEW.facet, NEW.value);
    UPDATE study_facet_codes
    SET codes = (SELECT group_concat(i.id) FROM study_facets f JOIN facet_ids i ON i.facet = f.facet AND i.value = f.value WHERE f.nct_id = NEW.nct_id)
    WHERE study_rowid = (SELECT rowid FROM studies WHERE nct_id = NEW.nct_id);
END;

CREATE TRIGGER tr_study_facets_topic_uncoded AFTER DELETE ON study_facets WHEN OLD.facet = 'topic'
BEGIN
    UPDATE study_facet_codes
    SET codes = COALESCE((SELECT group_concat(i.id) FROM study_facets f JOIN facet_ids i ON i.facet = f.facet AND i.value = f.value WHERE f.nct_id = OLD.nct_id), '')
    WHERE study_rowid = (SELECT rowid FROM studies WHERE nct_id = OLD.nct_id);
END;

CREATE TRIGGER tr_studies_uncoded AFTER DELETE ON studies
BEGIN
    DELETE FROM study_facet_codes WHERE study_rowid = OLD.rowid;
END;

-- The studies already stored, with the statements as they stood at 0015.
INSERT OR IGNORE INTO facet_ids (facet, value) SELECT facet, value FROM facet_counts;
INSERT OR REPLACE INTO study_facet_codes (study_rowid, nct_id, codes)
SELECT s.rowid, s.nct_id, COALESCE((SELECT group_concat(i.id) FROM study_facets f JOIN facet_ids i ON i.facet = f.facet AND i.value = f.value WHERE f.nct_id = s.nct_id), '')
FROM studies s;
