-- 0026: how many trials each word of the full-text index is in (FTS5's own vocabulary table over
-- study_search; nothing stored). A trial's page suggests other registries' records with similar
-- titles, weighing the words they share by how rare they are (Evidence.Api/Trials/SimilarTitles.cs).
--   sqlite3 evidence.db "SELECT term, doc FROM study_search_terms WHERE term = 'sintilimab'"

CREATE VIRTUAL TABLE study_search_terms USING fts5vocab (study_search, 'row');
