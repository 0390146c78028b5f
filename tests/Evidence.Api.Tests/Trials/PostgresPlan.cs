using System.Data.Common;
using System.Text.Json;
using Dapper;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Api.Tests.Trials;

/// <summary>
/// PostgreSQL's plan of a query, as the nodes of EXPLAIN (FORMAT JSON), asked for with sequential
/// scans (and, when told, sorts) switched off. On the tests' few studies the planner rightly
/// reads tables whole; so switched, a sequential scan or a sort still in the plan is one that no
/// index can spare, whatever the tables hold. (What it cannot tell: a plan that reads a whole
/// index because, on so few rows, that costs least. At scale PostgreSQL's statistics decide.)
/// </summary>
public static class PostgresPlan
{
    /// <summary>Tables that grow with the registry (the others hold one row per facet value, topic or run).</summary>
    public static readonly IReadOnlySet<string> LargeTables = new HashSet<string>(StringComparer.Ordinal)
    {
        "studies", "study_facets", "study_facet_codes", "intervention_values", "interventions", "outcomes", "locations",
        "normalised_terms", "study_search", "study_settings", "topic_studies", "study_versions", "study_keys", "study_summaries",
    };

    public sealed record Node(string Type, string? Relation, string? Index, string? Condition)
    {

        public override string ToString() =>
            $"{Type}{(Relation is null ? "" : $" on {Relation}")}{(Index is null ? "" : $" using {Index}")}{(Condition is null ? "" : $" ({Condition})")}";
    }

    /// <summary>The plan of <paramref name="sql"/> (SQLite's dialect, through <c>connection.Sql</c>), every node, depth first.</summary>
    public static List<Node> Of(DbConnection connection, string sql, object parameters, bool sortsOff = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var transaction = connection.BeginTransaction();
        connection.Execute("SET LOCAL enable_seqscan = off", transaction: transaction);
        if (sortsOff)
        {
            connection.Execute("SET LOCAL enable_sort = off", transaction: transaction);
        }

        var json = connection.ExecuteScalar<string>("EXPLAIN (FORMAT JSON) " + connection.Sql(sql), parameters, transaction)!;
        using var plan = JsonDocument.Parse(json);
        var nodes = new List<Node>();
        Walk(plan.RootElement[0].GetProperty("Plan"), nodes);
        return nodes;
    }

    /// <summary>Whether the plan reads a large table whole, with a sequential scan.</summary>
    public static bool ScansALargeTable(IEnumerable<Node> nodes) =>
        nodes.Any(n => n.Type == "Seq Scan" && n.Relation is { } table && LargeTables.Contains(table));

    private static void Walk(JsonElement node, List<Node> nodes)
    {
        nodes.Add(new Node(
            node.GetProperty("Node Type").GetString()!,
            node.TryGetProperty("Relation Name", out var relation) ? relation.GetString() : null,
            node.TryGetProperty("Index Name", out var index) ? index.GetString() : null,
            node.TryGetProperty("Index Cond", out var condition) ? condition.GetString() : null));
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Walk(child, nodes);
            }
        }
    }
}
