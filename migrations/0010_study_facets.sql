-- 0010: facet counts that do not scan. Each study's facet values (status, phase, country,
-- agent, target, modality, endpoint, setting, topic, and 'total') are rows of study_facets,
-- written with the study's derived rows (StudyFacets); facet_counts keeps, for every value,
-- how many studies have it, maintained by triggers as rows come and go. The unfiltered trial
-- list reads facet_counts (a few hundred rows) instead of counting 600,000 studies; a filtered
-- one counts study_facets over the studies it selects.
-- Facets of values read from free text: 'agent' counts every value, 'agent:structured' only the
-- structured interventions' (what freeText=exclude counts); likewise target and modality.

CREATE TABLE study_facets (
    nct_id TEXT NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    facet  TEXT NOT NULL,
    value  TEXT NOT NULL,
    PRIMARY KEY (nct_id, facet, value)
) STRICT, WITHOUT ROWID;

CREATE TABLE facet_counts (
    facet TEXT    NOT NULL,
    value TEXT    NOT NULL,
    count INTEGER NOT NULL,  -- studies with this value now; 0 once the last is gone
    PRIMARY KEY (facet, value)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER tr_study_facets_counted AFTER INSERT ON study_facets
BEGIN
    INSERT INTO facet_counts (facet, value, count) VALUES (NEW.facet, NEW.value, 1)
    ON CONFLICT (facet, value) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER tr_study_facets_uncounted AFTER DELETE ON study_facets
BEGIN
    UPDATE facet_counts SET count = count - 1 WHERE facet = OLD.facet AND value = OLD.value;
END;

-- Topic membership changes with harvests, not with a study's version: its own triggers.
CREATE TRIGGER tr_topic_studies_facet AFTER INSERT ON topic_studies
BEGIN
    INSERT OR IGNORE INTO study_facets (nct_id, facet, value) VALUES (NEW.nct_id, 'topic', NEW.topic);
END;

CREATE TRIGGER tr_topic_studies_facet_gone AFTER DELETE ON topic_studies
BEGIN
    DELETE FROM study_facets WHERE nct_id = OLD.nct_id AND facet = 'topic' AND value = OLD.topic;
END;

-- The studies already stored. The import writes the same rows (Evidence.Data/Facets/StudyFacets.cs);
-- this copy is the statement as it stood at 0010, as a migration must be.
INSERT OR IGNORE INTO study_facets (nct_id, facet, value)
          SELECT nct_id, 'topic', topic FROM topic_studies
UNION ALL SELECT nct_id, 'total', '' FROM studies
UNION ALL SELECT nct_id, 'status', overall_status FROM studies WHERE overall_status IS NOT NULL
UNION ALL SELECT s.nct_id, 'phase', p.value FROM studies s
          JOIN json_each('["EARLY_PHASE1","PHASE1","PHASE2","PHASE3","PHASE4","NA"]') p ON ('/' || s.phase || '/') LIKE '%/' || p.value || '/%'
UNION ALL SELECT nct_id, 'country', country FROM locations WHERE country IS NOT NULL
UNION ALL SELECT nct_id, 'country', country FROM study_summaries WHERE country IS NOT NULL
UNION ALL SELECT nct_id, CASE field WHEN 'rt_modality' THEN 'modality' ELSE field END, value
          FROM intervention_values WHERE field IN ('agent', 'target', 'rt_modality')
UNION ALL SELECT nct_id, CASE field WHEN 'rt_modality' THEN 'modality' ELSE field END || ':structured', value
          FROM intervention_values WHERE field IN ('agent', 'target', 'rt_modality') AND ordinal <> -1
UNION ALL SELECT nct_id, 'endpoint', endpoint_class FROM outcomes WHERE kind = 'primary' AND endpoint_class IS NOT NULL
UNION ALL SELECT nct_id, 'setting', setting FROM study_settings;
