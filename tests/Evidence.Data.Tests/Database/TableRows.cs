using Dapper;
using Microsoft.Data.Sqlite;

namespace TrialEvidence.Data.Tests.Database;

/// <summary>A table's rows as text, to compare two databases table by table.</summary>
internal static class TableRows
{
    /// <summary>Every row of a table as text, in a fixed order (rowids included where other tables refer to them).</summary>
    public static List<string> Of(SqliteConnection connection, string table)
    {
        var rowid = table is "studies" or "study_search" ? "rowid, " : string.Empty;
        return connection.Query($"SELECT {rowid}* FROM {table}")
            .Select(row => string.Join('|', ((IDictionary<string, object?>)row).Values.Select(Text)))
            .Order(StringComparer.Ordinal)
            .ToList();

        static string Text(object? value) => value switch
        {
            null => "NULL",
            byte[] bytes => Convert.ToHexString(bytes),
            double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }
}
