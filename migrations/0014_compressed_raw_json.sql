-- 0014: raw JSON kept compressed. A version stored from now on has its record in raw, in
-- SQLite's sqlar format (the zlib stream of the bytes received, or the bytes themselves when
-- that is not smaller), and its size in raw_size; its raw_json is ''. Versions stored before keep
-- raw_json as they were (rewriting a registry-sized table here would take the migration minutes).
-- Read any version's record as text through the view study_versions_json: the sqlite3 shell
-- has sqlar_uncompress built in, and the product registers the same function on its connections.
--   sqlite3 evidence.db "SELECT json_extract(raw_json, '$.protocolSection.statusModule.overallStatus')
--                        FROM study_versions_json WHERE nct_id = 'NCT03482102'"

ALTER TABLE study_versions ADD COLUMN raw BLOB;
ALTER TABLE study_versions ADD COLUMN raw_size INTEGER;

CREATE VIEW study_versions_json AS
SELECT id, nct_id, version_holder, last_update_posted_date, content_hash, fetched_at, source,
       CASE WHEN raw IS NULL THEN raw_json ELSE CAST(sqlar_uncompress(raw, raw_size) AS TEXT) END AS raw_json
FROM study_versions;
