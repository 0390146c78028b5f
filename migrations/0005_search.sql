-- 0005: full-text search over each current record: titles, acronym, summary, conditions,
-- keywords, interventions (names, other names, normalised agents) and sponsor. Rebuilt with
-- the other derived rows whenever a version becomes current, and by 'renormalize'.
-- Its rowid is the studies row's rowid, so rows are found and replaced without a scan.

CREATE VIRTUAL TABLE study_search USING fts5 (
    nct_id UNINDEXED,
    titles,
    summary,
    conditions,
    interventions,
    sponsor,
    tokenize = 'unicode61 remove_diacritics 2'
);
