-- 0011: filters by a facet value (phase=PHASE2) find their studies through study_facets
-- instead of testing every study's phase list.
CREATE INDEX ix_study_facets_value ON study_facets (facet, value, nct_id);
