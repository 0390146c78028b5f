-- 0028: the trial list sorts "column DESC NULLS LAST, nct_id" (TrialReads.OrderBy). A PostgreSQL
-- index in DESC order puts NULLs first, so it could not give that order and every study was
-- sorted for a page; SQLite's DESC already puts NULLs last. (SQLite's 0028 changes nothing.)

DROP INDEX ix_studies_last_update;
CREATE INDEX ix_studies_last_update ON studies (last_update_posted_date DESC NULLS LAST, nct_id);
DROP INDEX ix_studies_enrollment;
CREATE INDEX ix_studies_enrollment ON studies (enrollment_count DESC NULLS LAST, nct_id);
DROP INDEX ix_studies_start;
CREATE INDEX ix_studies_start ON studies (start_date DESC NULLS LAST, nct_id);
