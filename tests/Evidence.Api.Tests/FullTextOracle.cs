using System.Text.RegularExpressions;
using Dapper;
using TrialEvidence.Data.Search;

namespace TrialEvidence.Api.Tests;

/// <summary>
/// A test's own SQL that asks the full-text index with a literal FTS5 query, made to run on
/// either engine: the literal becomes a <see cref="FullTextQuery"/> parameter (a tsquery on PostgreSQL).
/// </summary>
internal static partial class FullTextOracle
{
    public static (string Sql, DynamicParameters Parameters) Lift(string sql, object? parameters = null)
    {
        var lifted = new DynamicParameters(parameters);
        var n = 0;
        var text = Literal().Replace(sql, m =>
        {
            var name = $"oracle_fts{n++}";
            lifted.Add(name, new FullTextQuery(m.Groups["query"].Value.Replace("''", "'", StringComparison.Ordinal)));
            return $"study_search MATCH @{name}";
        });
        return (text, lifted);
    }

    [GeneratedRegex(@"study_search MATCH '(?<query>(?:[^']|'')*)'")]
    private static partial Regex Literal();
}
