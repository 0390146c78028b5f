-- 0007: what a running harvest is waiting for when the registry fails and it retries, e.g.
-- "registry request failed (Connection refused); retry 2 of 6 in 8 s"; NULL once a request
-- succeeds and when the run ends. The page shows it, so an offline harvest does not look stuck.

ALTER TABLE harvest_runs ADD COLUMN retrying TEXT;
