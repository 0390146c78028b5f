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

-- Studies stored before this migration are indexed here, from their rows (later writes and
-- 'renormalize' rebuild each study's entry from its record).
INSERT INTO study_search (rowid, nct_id, titles, summary, conditions, interventions, sponsor)
SELECT s.rowid,
       s.nct_id,
       concat_ws(' | ', s.brief_title, s.official_title, s.acronym),
       COALESCE(s.brief_summary, ''),
       concat_ws(' | ',
           (SELECT group_concat(name, ' | ') FROM conditions c WHERE c.nct_id = s.nct_id),
           (SELECT group_concat(keyword, ' | ') FROM keywords k WHERE k.nct_id = s.nct_id),
           (SELECT group_concat(term, ' | ') FROM mesh_terms m WHERE m.nct_id = s.nct_id AND m.browse_module = 'condition' AND m.relation = 'mesh')),
       (SELECT group_concat(concat_ws(' | ', i.name, i.other_names, i.agent, i.target, i.rt_modality, i.partner_class), ' | ')
          FROM interventions i WHERE i.nct_id = s.nct_id),
       concat_ws(' | ', s.lead_sponsor, (SELECT group_concat(name, ' | ') FROM collaborators o WHERE o.nct_id = s.nct_id))
FROM studies s;
