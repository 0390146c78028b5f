-- 0013: a page of the trials of one status, in NCT order, read from the index alone
-- (status=RECRUITING over 600,000 studies: no sort of the whole selection).
DROP INDEX ix_studies_status;
CREATE INDEX ix_studies_status ON studies (overall_status, nct_id);
