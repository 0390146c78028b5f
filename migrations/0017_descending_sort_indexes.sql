-- 0017: the trial list newest, largest or latest-started first (sort=-updated, -enrollment,
-- -start) read in order from an index instead of sorting every selected study: each index is
-- in the sort's own order (the column descending, NULLs last as a descending sort puts them,
-- then the NCT id ascending as the tie-break). They replace the indexes of 0001 and 0016 on
-- the same columns, which the range filters (updatedSince, minEnrollment, startFrom) use as well.
DROP INDEX ix_studies_last_update;
CREATE INDEX ix_studies_last_update ON studies (last_update_posted_date DESC, nct_id);
DROP INDEX ix_studies_enrollment;
CREATE INDEX ix_studies_enrollment ON studies (enrollment_count DESC, nct_id);
DROP INDEX ix_studies_start;
CREATE INDEX ix_studies_start ON studies (start_date DESC, nct_id);
