-- 0024: one trial, several registrations (issue 14). A trial registered in more than one
-- registry (a ChiCTR record naming its NCT number, the member states' EUCTR records of one
-- EudraCT number) is listed once (Evidence.Data/Studies/Registrations.cs). study_keys holds each
-- study's trial keys: its own id's (an EUCTR record's: 'EudraCT ' and its number) and those of the
-- registry ids it names as secondary ids. Two studies sharing a key that one of them owns are
-- registrations of one trial; the group is listed under one of them, and the others have
-- studies.shown_as set to it: they keep their rows, versions and detail, and have no facet, code
-- or full-text rows, so lists, counts and searches show the trial once.
--   sqlite3 evidence.db "SELECT nct_id, shown_as FROM studies WHERE shown_as IS NOT NULL"

CREATE TABLE study_keys (
    key    TEXT    NOT NULL,  -- 'NCT03482102', 'ChiCTR2000034346', 'EudraCT 2005-002909-23'
    nct_id TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    own    INTEGER NOT NULL CHECK (own IN (0, 1)),  -- 1: the study's own id; 0: an id it names
    PRIMARY KEY (key, nct_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_study_keys_study ON study_keys (nct_id);

ALTER TABLE studies ADD COLUMN shown_as TEXT;
-- The few studies listed under another: a listed trial's other registrations for its row, and
-- the ids every list leaves out (read once per query, then tested by NCT id).
CREATE INDEX ix_studies_shown_as ON studies (shown_as, nct_id) WHERE shown_as IS NOT NULL;

-- A study listed again gets its topic rows back from its topic membership, read by the study.
CREATE INDEX ix_topic_studies_study ON topic_studies (nct_id);

-- A study listed under another has no facet rows: joining a topic adds none.
DROP TRIGGER tr_topic_studies_facet;
CREATE TRIGGER tr_topic_studies_facet AFTER INSERT ON topic_studies
WHEN (SELECT shown_as FROM studies WHERE nct_id = NEW.nct_id) IS NULL
BEGIN
    INSERT OR IGNORE INTO study_facets (nct_id, facet, value) VALUES (NEW.nct_id, 'topic', NEW.topic);
END;

-- The studies already stored: their keys as the import writes them, by the product's own rules
-- (registry_keys, registered on every connection the product opens, as sqlar_uncompress is;
-- Evidence.Data/Studies/Registrations.cs). Until now every stored study was a ClinicalTrials.gov
-- record and none names another's NCT number as a registration of its own, so none is listed
-- under another; a record of another registry imported from now on links to them by these keys.
INSERT OR IGNORE INTO study_keys (key, nct_id, own)
SELECT k.value ->> 0, s.nct_id, k.value ->> 1
FROM studies s
JOIN json_each(registry_keys(s.nct_id, (SELECT json_group_array(i.secondary_id) FROM secondary_ids i WHERE i.nct_id = s.nct_id))) k;
