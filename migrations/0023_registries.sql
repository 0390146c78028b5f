-- 0023: records of registries other than ClinicalTrials.gov (ChiCTR, EUCTR, through WHO ICTRP
-- or their pages). A study stays keyed by nct_id, which now holds the registry's own id
-- ("ChiCTR2000034346", "EUCTR2005-002909-23-PT"); registry names the registry that issued it,
-- and registry_status keeps that registry's status words where they are not ClinicalTrials.gov's
-- codes ("Not Recruiting"; overall_status holds a code only where the words say exactly that).
-- The registry is a facet and a filter (registry=ChiCTR), counted and paired as status is.
--   sqlite3 evidence.db "SELECT registry, COUNT(*) FROM studies GROUP BY registry"

ALTER TABLE studies ADD COLUMN registry TEXT NOT NULL DEFAULT 'ClinicalTrials.gov';
ALTER TABLE studies ADD COLUMN registry_status TEXT;

-- via: the portal a record was read through ('WHO ICTRP'), NULL for a record read from its own
-- registry. A record from its registry outranks a portal's copy of it whatever their dates; the
-- copy stays a version (traceable), and changes follow the registry's own versions only.
ALTER TABLE studies ADD COLUMN via TEXT;
ALTER TABLE study_versions ADD COLUMN via TEXT;

-- The topic triggers pair a study's filterable facets with its topic: registry is one now.
DROP TRIGGER tr_study_facets_topic_paired;
CREATE TRIGGER tr_study_facets_topic_paired AFTER INSERT ON study_facets WHEN NEW.facet = 'topic'
BEGIN
    INSERT INTO facet_pairs (facet, value, other_facet, other_value, count)
    SELECT NEW.facet, NEW.value, f.facet, f.value, 1 FROM study_facets f WHERE f.nct_id = NEW.nct_id
    UNION ALL
    SELECT f.facet, f.value, NEW.facet, NEW.value, 1 FROM study_facets f
    WHERE f.nct_id = NEW.nct_id AND NOT (f.facet = NEW.facet AND f.value = NEW.value)
      AND f.facet IN ('status', 'phase', 'setting', 'topic', 'endpoint', 'agent', 'target', 'modality', 'agent:structured', 'target:structured', 'modality:structured', 'registry')
    ON CONFLICT (facet, value, other_facet, other_value) DO UPDATE SET count = count + excluded.count;
END;

-- The studies already stored (all ClinicalTrials.gov's): their registry facet row (counted by
-- trigger), its pairs both ways, and their codes.
INSERT OR IGNORE INTO study_facets (nct_id, facet, value) SELECT nct_id, 'registry', registry FROM studies;

INSERT INTO facet_pairs (facet, value, other_facet, other_value, count)
SELECT a.facet, a.value, b.facet, b.value, COUNT(*)
FROM study_facets a JOIN study_facets b ON b.nct_id = a.nct_id
WHERE a.facet = 'registry'
   OR (b.facet = 'registry' AND a.facet IN ('status', 'phase', 'setting', 'topic', 'endpoint', 'agent', 'target', 'modality', 'agent:structured', 'target:structured', 'modality:structured'))
GROUP BY 1, 2, 3, 4
ON CONFLICT (facet, value, other_facet, other_value) DO UPDATE SET count = count + excluded.count;

INSERT OR IGNORE INTO facet_ids (facet, value) SELECT DISTINCT facet, value FROM study_facets WHERE facet = 'registry';
UPDATE study_facet_codes
SET codes = COALESCE((SELECT group_concat(i.id) FROM study_facets f JOIN facet_ids i ON i.facet = f.facet AND i.value = f.value
                      WHERE f.nct_id = study_facet_codes.nct_id), '');
