-- 0027: sites are no longer looked up by country. The country filter reads the country facet rows
-- (study_facets, 0010), so ix_locations_country only cost every site's write. (On PostgreSQL it
-- also refused a country longer than a B-tree entry may be; see migrations/postgres/0027.)

DROP INDEX ix_locations_country;
