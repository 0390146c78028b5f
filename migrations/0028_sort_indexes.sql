-- 0028: nothing to change on SQLite. PostgreSQL's twin (migrations/postgres/0028) makes its sort
-- indexes put NULLs last when descending, as SQLite's already do (a NULL is SQLite's smallest
-- value), so that a page sorted -updated, -enrollment or -start is read in order from them.
SELECT 1;
