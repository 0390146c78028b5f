using System.Data.Common;
using Dapper;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Search;

/// <summary>
/// PostgreSQL's full-text rows are written as SQLite's are (the same statements put the text in
/// study_search), then given their words: each row's <c>document</c> is made here from the text
/// as it stands, a registration's words joined to the study it is listed under included.
/// </summary>
internal static class PostgresSearchRows
{
    private const string SelectText = """
        SELECT rowid, titles, summary, conditions, interventions, sponsor
        FROM study_search WHERE rowid IN (SELECT rowid FROM studies WHERE nct_id IN (SELECT value FROM json_each(@Ids)))
        """;

    private const string SetDocument = "UPDATE study_search SET document = CAST(@Document AS tsvector) WHERE rowid = @Rowid";

    public static void WriteDocuments(DbConnection connection, DbTransaction transaction, string idsJson)
    {
        var rows = connection.Query<(long Rowid, string? Titles, string? Summary, string? Conditions, string? Interventions, string? Sponsor)>(
            SelectText, new { Ids = idsJson }, transaction);
        using var update = RowInsert.Prepare<(long Rowid, string? Titles, string? Summary, string? Conditions, string? Interventions, string? Sponsor)>(
            connection, transaction, SetDocument,
            ("Document", row => PostgresSearchDocument.Of(row.Titles, row.Summary, row.Conditions, row.Interventions, row.Sponsor)),
            ("Rowid", row => row.Rowid));
        update.Execute(rows.ToList());
    }
}
