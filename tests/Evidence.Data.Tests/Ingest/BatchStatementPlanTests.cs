using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Tests.Ingest;

/// <summary>
/// Every statement that reads or deletes the rows of a batch's studies (those that expand the
/// batch's ids with <c>json_each(@Ids)</c>) must reach each study's rows by its NCT id or rowid,
/// never through another index of a table that grows with the registry (issue 11): a facet
/// count that read every study's "status" rows, or an intervention-value look-up that read every
/// study's agents, made each batch's cost grow with the database: a 600,000-study import took
/// 1,827 s with them and 1,058 s without. The statements are found in Evidence.Data itself (every string
/// constant, static string or string array field), so a new one held in a field is checked without
/// being listed here; a statement written inline in a method is not seen. The database has no statistics (the product never runs
/// ANALYZE), so SQLite plans here as it does on a registry-sized file.
/// </summary>
public sealed partial class BatchStatementPlanTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>String constants, static strings and static string arrays of Evidence.Data that hold a statement over a batch's ids.</summary>
    public static TheoryData<string, string> BatchStatements()
    {
        var data = new TheoryData<string, string>();
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in typeof(StudyWriter).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(all))
            {
                var texts = field switch
                {
                    { IsLiteral: true, FieldType: var t } when t == typeof(string) => [(string)field.GetRawConstantValue()!],
                    { IsInitOnly: true, FieldType: var t } when t == typeof(string) => [(string?)field.GetValue(null)],
                    { IsInitOnly: true, FieldType: var t } when t == typeof(string[]) => (string?[]?)field.GetValue(null) ?? [],
                    _ => Array.Empty<string?>(),
                };
                foreach (var (text, index) in texts.Select((text, index) => (text, index)))
                {
                    foreach (var statement in Statements(text ?? string.Empty).Where(s => s.Contains("json_each(@Ids)", StringComparison.Ordinal)))
                    {
                        data.Add($"{type.Name}.{field.Name}{(texts.Length > 1 ? $"[{index}]" : string.Empty)}", statement);
                    }
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_statements_over_a_batch_are_found()
    {
        var names = BatchStatements().Select(row => (string)row[0]).ToList();

        // The writer's look-ups, its deletions of child rows, the normalised rows' deletions and the facet statements.
        Assert.Contains(names, name => name.StartsWith("StudyWriter.SelectKnownVersions", StringComparison.Ordinal));
        Assert.Contains(names, name => name.StartsWith("NormalisationWriter.DeleteStatements", StringComparison.Ordinal));
        Assert.Contains(names, name => name.StartsWith("StudyFacets.CountPairs", StringComparison.Ordinal));
        Assert.Contains(names, name => name.StartsWith("StudyFacets.Insert", StringComparison.Ordinal));
        Assert.Contains(names, name => name.StartsWith("StudyFacets.DeleteDerivedRows", StringComparison.Ordinal));
        Assert.Contains(names, name => name.StartsWith("Renormaliser.SelectCurrent", StringComparison.Ordinal));
        Assert.True(names.Count >= 24, $"only {names.Count} statements found: {string.Join(", ", names)}");
    }

    [Theory]
    [MemberData(nameof(BatchStatements))]
    public void A_statement_over_a_batch_reads_only_the_batchs_rows(string name, string statement)
    {
        _database.Import(SharedData.CtGov);
        using var connection = _database.Open();
        var perStudy = PerStudyTables(connection);
        var aliases = Aliases(statement);

        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        foreach (var parameter in Parameter().Matches(statement).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            command.Parameters.AddWithValue(parameter, "[]");
        }

        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        var steps = plan.Select(detail => Step().Match(detail)).Where(m => m.Success).ToList();
        Assert.NotEmpty(steps);
        foreach (var step in steps)
        {
            var table = aliases.GetValueOrDefault(step.Groups["name"].Value, step.Groups["name"].Value);
            if (!perStudy.Contains(table))
            {
                continue;
            }

            // A virtual table (the full-text index) is reached by rowid where FTS5's plan string is "=".
            // An automatic index is built by reading the whole table, each time the statement runs.
            Assert.DoesNotContain("AUTOMATIC", step.Value, StringComparison.Ordinal);
            // study_keys is also read by the batch's trial keys (a key is held by the few registrations
            // of one trial), and studies by the batch's ids in shown_as (the other registrations of a
            // batch's trials, from a partial index of those few).
            var constraint = step.Groups["constraint"].Value;
            var keyed = step.Groups["verb"].Value == "SEARCH"
                ? KeyedBy().IsMatch(constraint) || (table == "study_keys" && constraint.StartsWith("key=", StringComparison.Ordinal))
                  || (table == "studies" && constraint.StartsWith("shown_as=", StringComparison.Ordinal))
                : step.Groups["virtual"].Success && step.Groups["virtual"].Value.StartsWith('=');
            Assert.True(keyed, $"{name}: {step.Value} reads {table} by more than the batch's studies.\n{statement}\nplan:\n{string.Join("\n", plan)}");
        }
    }

    /// <summary>Tables with a row per study or more: those with an nct_id or study_rowid column, and the studies' search index.</summary>
    private static HashSet<string> PerStudyTables(SqliteConnection connection) =>
        [.. connection.Query<string>("""
            SELECT m.name FROM sqlite_schema m
            WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name IN ('nct_id', 'study_rowid'))
            """)];

    /// <summary>The table behind each alias of a statement ("intervention_values v" gives v).</summary>
    private static Dictionary<string, string> Aliases(string statement) =>
        Alias().Matches(statement)
            .Where(m => m.Groups["alias"].Success && !Keywords.Contains(m.Groups["alias"].Value.ToUpperInvariant()))
            .GroupBy(m => m.Groups["alias"].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Groups["table"].Value, StringComparer.Ordinal);

    private static readonly HashSet<string> Keywords = ["WHERE", "ON", "JOIN", "USING", "GROUP", "ORDER", "LIMIT", "UNION", "LEFT", "INNER", "CROSS", "SET", "VALUES", "AS"];

    /// <summary>The statements of a text, split at the semicolons that end them.</summary>
    private static IEnumerable<string> Statements(string text) =>
        text.Split(';').Select(s => s.Trim()).Where(s => StatementStart().IsMatch(s));

    /// <summary>A whole statement, not a fragment that statements are built of ("(SELECT value FROM json_each(@Ids))").</summary>
    [GeneratedRegex(@"^(?:SELECT|INSERT|DELETE|UPDATE|WITH)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatementStart();

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^(?<verb>SCAN|SEARCH) (?<name>\w+)(?: VIRTUAL TABLE INDEX \d+:(?<virtual>\S*))?(?:[^(]*\((?<constraint>[^)]*)\))?")]
    private static partial Regex Step();

    /// <summary>A look-up by the study: its NCT id or its rowid leads the constraint.</summary>
    [GeneratedRegex(@"^(?:nct_id|rowid|study_rowid)\b")]
    private static partial Regex KeyedBy();

    [GeneratedRegex(@"\b(?:FROM|JOIN|INTO|UPDATE)\s+(?<table>\w+)(?:\s+(?:AS\s+)?(?<alias>\w+))?", RegexOptions.IgnoreCase)]
    private static partial Regex Alias();
}
