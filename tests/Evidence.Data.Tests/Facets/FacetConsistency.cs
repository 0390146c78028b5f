using Dapper;
using Microsoft.Data.Sqlite;

namespace TrialEvidence.Data.Tests.Facets;

/// <summary>
/// The list's maintained structures against a recount: facet_counts and facet_pairs against the
/// facet rows, each listed study's codes against its facet rows, and no list rows at all for a
/// registration listed under another of its trial (studies.shown_as).
/// </summary>
public static class FacetConsistency
{
    public static List<(string Facet, string Value, long Count)> Maintained(SqliteConnection connection) =>
        [.. connection.Query<(string, string, long)>("SELECT facet, value, count FROM facet_counts WHERE count > 0 ORDER BY 1, 2")];

    public static List<(string Facet, string Value, long Count)> Recounted(SqliteConnection connection) =>
        [.. connection.Query<(string, string, long)>("SELECT facet, value, COUNT(*) FROM study_facets GROUP BY 1, 2 ORDER BY 1, 2")];

    public static List<(string, string, string, string, long)> MaintainedPairs(SqliteConnection connection) =>
        [.. connection.Query<(string, string, string, string, long)>("SELECT facet, value, other_facet, other_value, count FROM facet_pairs WHERE count <> 0 ORDER BY 1, 2, 3, 4")];

    public static List<(string, string, string, string, long)> RecountedPairs(SqliteConnection connection) =>
        [.. connection.Query<(string, string, string, string, long)>(
            "SELECT a.facet, a.value, b.facet, b.value, COUNT(*) FROM study_facets a JOIN study_facets b USING (nct_id) WHERE a.facet IN (SELECT value FROM json_each(@facets)) GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
            new { facets = System.Text.Json.JsonSerializer.Serialize(TrialEvidence.Data.Facets.StudyFacets.FilterFacets) })];

    /// <summary>Each study's facet rows, as its codes name them (study_facet_codes, facet_ids; migration 0015), keyed by its rowid and NCT id.</summary>
    public static List<(long, string, string)> Coded(SqliteConnection connection) =>
        [.. connection.Query<(long, string, string)>("""
            SELECT c.study_rowid, c.nct_id, COALESCE((SELECT group_concat(facet || '=' || value, ';') FROM (
                SELECT i.facet, i.value FROM json_each('[' || c.codes || ']') j JOIN facet_ids i ON i.id = j.value ORDER BY 1, 2)), '')
            FROM study_facet_codes c ORDER BY 1
            """)];

    public static List<(long, string, string)> FacetRowsByStudy(SqliteConnection connection) =>
        [.. connection.Query<(long, string, string)>("""
            SELECT s.rowid, s.nct_id, COALESCE((SELECT group_concat(facet || '=' || value, ';') FROM (
                SELECT f.facet, f.value FROM study_facets f WHERE f.nct_id = s.nct_id ORDER BY 1, 2)), '')
            FROM studies s WHERE s.shown_as IS NULL ORDER BY 1
            """)];

    public static void AssertHolds(SqliteConnection connection)
    {
        Assert.Equal(Recounted(connection), Maintained(connection));
        Assert.Equal(RecountedPairs(connection), MaintainedPairs(connection));
        Assert.Equal(FacetRowsByStudy(connection), Coded(connection));
        Assert.Equal(0, connection.ExecuteScalar<long>("""
            SELECT (SELECT COUNT(*) FROM study_facets f JOIN studies s USING (nct_id) WHERE s.shown_as IS NOT NULL)
                 + (SELECT COUNT(*) FROM study_facet_codes c JOIN studies s ON s.rowid = c.study_rowid WHERE s.shown_as IS NOT NULL)
                 + (SELECT COUNT(*) FROM study_search f JOIN studies s ON s.rowid = f.rowid WHERE s.shown_as IS NOT NULL)
            """));
    }
}
