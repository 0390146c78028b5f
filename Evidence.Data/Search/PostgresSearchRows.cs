using System.Data.Common;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace TrialEvidence.Data.Search;

/// <summary>
/// PostgreSQL's full-text rows are written as SQLite's are (the same statements put the text in
/// study_search), then given their words: each row's <c>document</c> is made here from the text
/// as it stands, a registration's words joined to the study it is listed under included.
/// </summary>
internal static class PostgresSearchRows
{
    private const int RowsPerBatch = 200;

    private const string SelectText = """
        SELECT rowid, titles, summary, conditions, interventions, sponsor
        FROM study_search WHERE rowid IN (SELECT rowid FROM studies WHERE nct_id IN (SELECT value FROM json_each(@Ids)))
        """;

    private const string SetDocument = "UPDATE study_search SET document = CAST(@document AS tsvector) WHERE rowid = @rowid";

    public static void WriteDocuments(DbConnection connection, DbTransaction transaction, string idsJson)
    {
        var rows = connection.Query<(long Rowid, string? Titles, string? Summary, string? Conditions, string? Interventions, string? Sponsor)>(
            SelectText, new { Ids = idsJson }, transaction).ToList();
        var postgres = (NpgsqlConnection)connection;
        foreach (var chunk in rows.Chunk(RowsPerBatch))
        {
            using var batch = new NpgsqlBatch(postgres);
            foreach (var row in chunk)
            {
                var command = new NpgsqlBatchCommand(SetDocument);
                command.Parameters.Add(new NpgsqlParameter("document", NpgsqlDbType.Text)
                {
                    Value = PostgresSearchDocument.Of(row.Titles, row.Summary, row.Conditions, row.Interventions, row.Sponsor),
                });
                command.Parameters.Add(new NpgsqlParameter("rowid", NpgsqlDbType.Bigint) { Value = row.Rowid });
                batch.BatchCommands.Add(command);
            }

            batch.ExecuteNonQuery();
        }
    }
}
