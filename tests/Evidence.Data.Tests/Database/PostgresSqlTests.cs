using TrialEvidence.Data.Database;

namespace TrialEvidence.Data.Tests.Database;

/// <summary>Each SQLite idiom PostgresSql rewrites, and what it must leave alone.</summary>
public sealed class PostgresSqlTests
{
    [Theory]
    [InlineData(
        "INSERT OR IGNORE INTO t (a) VALUES (@A)",
        "INSERT INTO t (a) VALUES (@A) ON CONFLICT DO NOTHING")]
    [InlineData(
        "INSERT OR IGNORE INTO t (a) SELECT a FROM u\n    ",
        "INSERT INTO t (a) SELECT a FROM u ON CONFLICT DO NOTHING\n    ")]
    [InlineData(
        "DELETE FROM t WHERE a = 1; INSERT OR IGNORE INTO t (a) VALUES (2); UPDATE t SET a = 3",
        "DELETE FROM t WHERE a = 1; INSERT INTO t (a) VALUES (2) ON CONFLICT DO NOTHING; UPDATE t SET a = 3")]
    [InlineData(
        "SELECT 1 FROM f WHERE +f.facet IN (SELECT value FROM json_each(@F)) AND f.key = +v.field",
        "SELECT 1 FROM f WHERE f.facet IN (SELECT value FROM json_each(@F)) AND f.key = v.field")]
    [InlineData("SELECT count + 1, a+b FROM t", "SELECT count + 1, a+b FROM t")]
    [InlineData("WHERE s.lead_sponsor LIKE '%' || @p || '%' ESCAPE '\\'", "WHERE s.lead_sponsor ILIKE '%' || @p || '%' ESCAPE '\\'")]
    [InlineData("SELECT CAST(value AS INTEGER), CAST(x AS REAL) FROM t", "SELECT CAST(value AS bigint), CAST(x AS double precision) FROM t")]
    [InlineData("SELECT group_concat(i.id) FROM i", "SELECT string_agg(CAST(i.id AS text), ',') FROM i")]
    [InlineData(
        "SELECT group_concat(concat_ws(' | ', a, b), ' | ') FROM t",
        "SELECT string_agg(CAST(concat_ws(' | ', a, b) AS text), ' | ') FROM t")]
    [InlineData(
        "SELECT group_concat(i.id, ',' ORDER BY f.facet, f.value) FROM f",
        "SELECT string_agg(CAST(i.id AS text), ',' ORDER BY f.facet, f.value) FROM f")]
    [InlineData(
        "SELECT json_group_array(json_array(a, b)) FROM t",
        "SELECT COALESCE(json_agg(json_build_array(a,b)), '[]'::json) FROM t")]
    [InlineData(
        "SELECT json_group_array(DISTINCT COALESCE(v.via, s.registry)) FROM v",
        "SELECT COALESCE(json_agg(DISTINCT COALESCE(v.via, s.registry)), '[]'::json) FROM v")]
    [InlineData(
        "JOIN v ON v.nct_id = j.value ->> 0 AND (facet, value) IN (SELECT value ->> 0, value->>1 FROM json_each(@k))",
        "JOIN v ON v.nct_id = (j.value::jsonb ->> 0) AND (facet, value) IN (SELECT (value::jsonb ->> 0), (value::jsonb ->> 1) FROM json_each(@k))")]
    public void Sqlite_idioms_are_rewritten(string sqlite, string postgres) =>
        Assert.Equal(postgres, PostgresSql.From(sqlite));

    [Theory]
    [InlineData("SELECT 'INSERT OR IGNORE INTO; LIKE +a group_concat(x)' FROM t")]
    [InlineData("SELECT \"LIKE\" FROM t -- a comment; LIKE +x\n")]
    [InlineData("INSERT INTO t (a) VALUES ('it''s; LIKE')")]
    public void Literals_names_and_comments_are_left_as_they_are(string sql) =>
        Assert.Equal(sql, PostgresSql.From(sql));

    [Fact]
    public void The_full_text_index_is_asked_through_its_tsquery_and_ranked_as_fts5_ranks()
    {
        Assert.Equal(
            "SELECT rowid FROM study_search WHERE document @@ CAST(@match AS tsquery) ORDER BY ts_rank_cd(document, CAST(@match AS tsquery)) DESC LIMIT 30",
            PostgresSql.From("SELECT rowid FROM study_search WHERE study_search MATCH @match ORDER BY rank LIMIT 30"));
        Assert.Equal(
            "s.rowid IN (SELECT rowid FROM studies WHERE lead_sponsor ILIKE '%' || replace(replace(replace(@p1, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')",
            PostgresSql.From("s.rowid IN (SELECT rowid FROM sponsor_search WHERE sponsor_search MATCH '\"' || replace(@p1, '\"', '\"\"') || '\"')"));
    }

    [Fact]
    public void A_full_text_match_it_does_not_know_is_refused_rather_than_sent_wrong() =>
        Assert.Throws<NotSupportedException>(() => PostgresSql.From("SELECT rowid FROM study_search WHERE study_search MATCH 'literal'"));
}

/// <summary>FTS5 queries as the API makes them, and the tsqueries PostgreSQL is given for them.</summary>
public sealed class FullTextQueryTests
{
    [Theory]
    [InlineData("\"hepatocellular\" \"PD-1\"", "('hepatocellular') & ('pd' <-> '1')")]
    [InlineData("asthma OR melanoma", "('asthma') | ('melanoma')")]
    [InlineData("\"liver\" NOT \"sorafenib\"", "('liver') & !('sorafenib')")]
    [InlineData("\"cancer\" OR \"carcinoma\" \"liver\"", "('cancer') | ('carcinoma') & ('liver')")]
    [InlineData("titles : (\"Sjögren\" OR \"immunoglobulin\")", "(('sjogren':A) | ('immunoglobulin':A))")]
    [InlineData("\"-\" OR \"x\"", "('-') | ('x')")]
    [InlineData("\"a \"\"quoted\"\" word\"", "('a' <-> 'quoted' <-> 'word')")]
    public void A_query_asks_postgres_what_it_asks_fts5(string fts5, string tsquery) =>
        Assert.Equal(tsquery, new TrialEvidence.Data.Search.FullTextQuery(fts5).TsQuery);
}
