-- 0025: a trial's registrations listed under another (studies.shown_as, 0024) are found by the
-- words of their own records too: a search for a word that only the ChiCTR registration's title
-- holds finds the trial under its NCT record. Each such registration's search text is kept in
-- registration_text, and its trial's full-text row (study_search) holds it after the listed
-- record's own text; the lists keep one row per trial and the search index one row per listed
-- study, so searching costs what it did.
--   sqlite3 evidence.db "SELECT nct_id, titles FROM registration_text"

CREATE TABLE registration_text (
    nct_id        TEXT NOT NULL PRIMARY KEY REFERENCES studies (nct_id) ON DELETE CASCADE,
    titles        TEXT NOT NULL,
    summary       TEXT NOT NULL,
    conditions    TEXT NOT NULL,
    interventions TEXT NOT NULL,
    sponsor       TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The registrations listed under another before this migration, from their rows (the next write
-- of a trial, or 'renormalize', writes the same text from the record itself).
INSERT INTO registration_text (nct_id, titles, summary, conditions, interventions, sponsor)
SELECT s.nct_id,
       concat_ws(' | ', s.brief_title, s.official_title, s.acronym),
       COALESCE(s.brief_summary, ''),
       concat_ws(' | ',
           (SELECT group_concat(name, ' | ') FROM conditions c WHERE c.nct_id = s.nct_id),
           (SELECT group_concat(keyword, ' | ') FROM keywords k WHERE k.nct_id = s.nct_id),
           (SELECT group_concat(term, ' | ') FROM mesh_terms m WHERE m.nct_id = s.nct_id AND m.browse_module = 'condition' AND m.relation = 'mesh')),
       concat_ws(' | ',
           (SELECT group_concat(concat_ws(' | ', i.name, (SELECT group_concat(o.value, ' | ') FROM json_each(i.other_names) o)), ' | ') FROM interventions i WHERE i.nct_id = s.nct_id),
           (SELECT group_concat(v.value, ' | ') FROM intervention_values v WHERE v.nct_id = s.nct_id AND v.field <> 'agent_class')),
       concat_ws(' | ', s.lead_sponsor, (SELECT group_concat(name, ' | ') FROM collaborators o WHERE o.nct_id = s.nct_id))
FROM studies s
WHERE s.shown_as IS NOT NULL;

-- Their trials' full-text rows: the listed record's own text, then theirs.
CREATE TABLE listed_search_0025 AS
SELECT f.rowid AS id, f.nct_id, f.titles, f.summary, f.conditions, f.interventions, f.sponsor
FROM study_search f
WHERE f.nct_id IN (SELECT shown_as FROM studies WHERE shown_as IS NOT NULL);

DELETE FROM study_search WHERE rowid IN (SELECT id FROM listed_search_0025);

INSERT INTO study_search (rowid, nct_id, titles, summary, conditions, interventions, sponsor)
SELECT p.id, p.nct_id,
       concat_ws(' | ', p.titles, (SELECT group_concat(r.titles, ' | ') FROM registration_text r JOIN studies h ON h.nct_id = r.nct_id WHERE h.shown_as = p.nct_id)),
       concat_ws(' | ', p.summary, (SELECT group_concat(r.summary, ' | ') FROM registration_text r JOIN studies h ON h.nct_id = r.nct_id WHERE h.shown_as = p.nct_id)),
       concat_ws(' | ', p.conditions, (SELECT group_concat(r.conditions, ' | ') FROM registration_text r JOIN studies h ON h.nct_id = r.nct_id WHERE h.shown_as = p.nct_id)),
       concat_ws(' | ', p.interventions, (SELECT group_concat(r.interventions, ' | ') FROM registration_text r JOIN studies h ON h.nct_id = r.nct_id WHERE h.shown_as = p.nct_id)),
       concat_ws(' | ', p.sponsor, (SELECT group_concat(r.sponsor, ' | ') FROM registration_text r JOIN studies h ON h.nct_id = r.nct_id WHERE h.shown_as = p.nct_id))
FROM listed_search_0025 p;

DROP TABLE listed_search_0025;

-- A trial is in the topics any of its registrations is in: a registration listed under another
-- gives that one its topic rows (an EUCTR topic finds the trial it found under its NCT record).
-- The import writes the same rows (Evidence.Data/Facets/StudyFacets.cs, RestoreTopics).
DROP TRIGGER tr_topic_studies_facet;
CREATE TRIGGER tr_topic_studies_facet AFTER INSERT ON topic_studies
BEGIN
    INSERT OR IGNORE INTO study_facets (nct_id, facet, value)
    VALUES (COALESCE((SELECT shown_as FROM studies WHERE nct_id = NEW.nct_id), NEW.nct_id), 'topic', NEW.topic);
END;

DROP TRIGGER tr_topic_studies_facet_gone;
CREATE TRIGGER tr_topic_studies_facet_gone AFTER DELETE ON topic_studies
BEGIN
    DELETE FROM study_facets
    WHERE nct_id = COALESCE((SELECT shown_as FROM studies WHERE nct_id = OLD.nct_id), OLD.nct_id) AND facet = 'topic' AND value = OLD.topic
      AND NOT EXISTS (SELECT 1 FROM topic_studies t WHERE t.nct_id = study_facets.nct_id AND t.topic = OLD.topic)
      AND NOT EXISTS (SELECT 1 FROM studies h JOIN topic_studies t ON t.nct_id = h.nct_id WHERE h.shown_as = study_facets.nct_id AND t.topic = OLD.topic);
END;

INSERT OR IGNORE INTO study_facets (nct_id, facet, value)
SELECT s.shown_as, 'topic', t.topic FROM topic_studies t JOIN studies s ON s.nct_id = t.nct_id WHERE s.shown_as IS NOT NULL;
