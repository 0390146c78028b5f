using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TrialEvidence.TestSupport;

/// <summary>A digest of every row of every evidence table, to prove that an operation changed nothing.</summary>
public static class DatabaseFingerprint
{
    public static readonly string[] Tables =
    [
        "studies", "study_versions", "enrollment_snapshots", "conditions", "keywords", "mesh_terms",
        "interventions", "arm_groups", "outcomes", "locations", "secondary_ids", "collaborators",
    ];

    public static string Of(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var text = new StringBuilder();
        foreach (var table in Tables)
        {
            // Table names come from the constant list above, never from input.
            foreach (IDictionary<string, object?> row in connection.Query($"SELECT * FROM {table} ORDER BY 1, 2, 3"))
            {
                text.Append(table).Append('|').AppendJoin('|', row.Values.Select(v => v?.ToString() ?? "NULL")).Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static Dictionary<string, long> RowCounts(SqliteConnection connection) =>
        Tables.ToDictionary(t => t, t => connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {t}"));
}
