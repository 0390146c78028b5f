-- 0016: range filters that read an index instead of every study: minEnrollment/maxEnrollment
-- and startFrom/startTo (the start filter adds a year bound the index serves to its comparison
-- of partial dates, TrialReads.Filters). Each index also holds the rowid, so the facet counts of
-- such a selection read no studies row.
CREATE INDEX ix_studies_enrollment ON studies (enrollment_count);
CREATE INDEX ix_studies_start ON studies (start_date);
