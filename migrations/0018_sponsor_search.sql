-- 0018: sponsor=<words> (a substring of the lead sponsor's name, any case) found through a
-- trigram index instead of testing every study's sponsor: the FTS5 trigram tokenizer indexes
-- every three characters, so a quoted phrase of three or more finds the names that contain it
-- (TrialReads.Filters, which keeps the LIKE as the exact test). External content: the names stay
-- in studies; triggers keep the index as rows come, change sponsor and go.
CREATE VIRTUAL TABLE sponsor_search USING fts5 (
    lead_sponsor,
    content = 'studies',
    content_rowid = 'rowid',
    tokenize = 'trigram'
);

CREATE TRIGGER tr_studies_sponsor_indexed AFTER INSERT ON studies
BEGIN
    INSERT INTO sponsor_search (rowid, lead_sponsor) VALUES (NEW.rowid, NEW.lead_sponsor);
END;

CREATE TRIGGER tr_studies_sponsor_changed AFTER UPDATE OF lead_sponsor ON studies WHEN OLD.lead_sponsor IS NOT NEW.lead_sponsor
BEGIN
    INSERT INTO sponsor_search (sponsor_search, rowid, lead_sponsor) VALUES ('delete', OLD.rowid, OLD.lead_sponsor);
    INSERT INTO sponsor_search (rowid, lead_sponsor) VALUES (NEW.rowid, NEW.lead_sponsor);
END;

CREATE TRIGGER tr_studies_sponsor_gone AFTER DELETE ON studies
BEGIN
    INSERT INTO sponsor_search (sponsor_search, rowid, lead_sponsor) VALUES ('delete', OLD.rowid, OLD.lead_sponsor);
END;

-- The studies already stored.
INSERT INTO sponsor_search (sponsor_search) VALUES ('rebuild');
