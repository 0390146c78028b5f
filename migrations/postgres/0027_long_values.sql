-- 0027, as SQLite's 0027, and what PostgreSQL's B-tree needs for registry text of any length: an
-- index entry holds at most about 2,700 bytes (after compression), where SQLite has no such limit.

-- The country filter reads the country facet rows, so sites lose their index by country.
DROP INDEX ix_locations_country;

-- A normalised term's value may be the record's own text (an institution is the sponsor's name as
-- the record gives it): its rows are keyed by the value's MD5 in place of the value, which keeps
-- each term once as the primary key did. SchemaParityTests knows this one difference.
ALTER TABLE normalised_terms DROP CONSTRAINT normalised_terms_pkey;
CREATE UNIQUE INDEX ux_normalised_terms ON normalised_terms (nct_id, entity, entity_ordinal, field, md5(value), source_field);
