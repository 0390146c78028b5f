-- 0012: facet counts under one filter, kept like facet_counts, so that a trial list with one
-- filter value (status=RECRUITING, phase=PHASE2, setting=metastatic, agent=...) counts its
-- facets from a few hundred rows instead of the studies it selects. For every study, each of
-- its values of a filterable facet (status, phase, setting, topic, endpoint, agent, target,
-- modality and their structured-only variants) is paired with each of its facet values:
-- facet_pairs counts the studies of each pair. The import updates the counts set-wise per batch
-- (StudyFacets); topic membership by trigger.

CREATE TABLE facet_pairs (
    facet       TEXT    NOT NULL,  -- the filter's facet and value
    value       TEXT    NOT NULL,
    other_facet TEXT    NOT NULL,  -- a facet value of the studies it selects
    other_value TEXT    NOT NULL,
    count       INTEGER NOT NULL,
    PRIMARY KEY (facet, value, other_facet, other_value)
) STRICT, WITHOUT ROWID;

-- A study joins a topic: its topic value pairs with each of its values, and each of its
-- filterable values with the topic value (the topic with itself once).
CREATE TRIGGER tr_study_facets_topic_paired AFTER INSERT ON study_facets WHEN NEW.facet = 'topic'
BEGIN
    INSERT INTO facet_pairs (facet, value, other_facet, other_value, count)
    SELECT NEW.facet, NEW.value, f.facet, f.value, 1 FROM study_facets f WHERE f.nct_id = NEW.nct_id
    UNION ALL
    SELECT f.facet, f.value, NEW.facet, NEW.value, 1 FROM study_facets f
    WHERE f.nct_id = NEW.nct_id AND NOT (f.facet = NEW.facet AND f.value = NEW.value)
      AND f.facet IN ('status', 'phase', 'setting', 'topic', 'endpoint', 'agent', 'target', 'modality', 'agent:structured', 'target:structured', 'modality:structured')
    ON CONFLICT (facet, value, other_facet, other_value) DO UPDATE SET count = count + excluded.count;
END;

CREATE TRIGGER tr_study_facets_topic_unpaired AFTER DELETE ON study_facets WHEN OLD.facet = 'topic'
BEGIN
    UPDATE facet_pairs SET count = count - 1
    WHERE (facet = OLD.facet AND value = OLD.value AND (other_facet, other_value) IN (SELECT f.facet, f.value FROM study_facets f WHERE f.nct_id = OLD.nct_id))
       OR (other_facet = OLD.facet AND other_value = OLD.value AND (facet, value) IN (SELECT f.facet, f.value FROM study_facets f WHERE f.nct_id = OLD.nct_id));
    UPDATE facet_pairs SET count = count - 1 WHERE facet = OLD.facet AND value = OLD.value AND other_facet = OLD.facet AND other_value = OLD.value;
END;

-- The studies already stored, with the statement as it stood at 0012.
INSERT INTO facet_pairs (facet, value, other_facet, other_value, count)
SELECT a.facet, a.value, b.facet, b.value, COUNT(*)
FROM study_facets a JOIN study_facets b ON b.nct_id = a.nct_id
WHERE a.facet IN ('status', 'phase', 'setting', 'topic', 'endpoint', 'agent', 'target', 'modality', 'agent:structured', 'target:structured', 'modality:structured')
GROUP BY 1, 2, 3, 4;
