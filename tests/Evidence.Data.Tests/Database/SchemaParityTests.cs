using Dapper;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Data.Tests.Database;

/// <summary>
/// SQLite's migrations and PostgreSQL's give the same tables, views and columns, of matching
/// types, nullability and keys: the product's SQL reads one schema on either.
/// </summary>
public sealed class SchemaParityTests
{
    /// <summary>SQLite's FTS5 index of studies.lead_sponsor: on PostgreSQL a pg_trgm index on that column, no table.</summary>
    private static readonly HashSet<string> SqliteOnly = ["sponsor_search"];

    /// <summary>
    /// PostgreSQL's stand-in for SQLite's PRAGMA data_version, and the clustered scheduler's store
    /// (qrtz_*: a SQLite database serves one process, whose scheduler keeps its jobs in memory).
    /// </summary>
    private static bool PostgresOnlyTable(string table) => table == "data_version" || table.StartsWith("qrtz_", StringComparison.Ordinal);

    /// <summary>What PostgreSQL keeps as columns that SQLite has implicitly (rowid) or in its FTS5 index (the words).</summary>
    private static readonly HashSet<(string, string)> PostgresOnly =
        [("studies", "rowid"), ("study_search", "rowid"), ("study_search", "document")];

    /// <summary>Columns of JSON lists: TEXT on SQLite, jsonb on PostgreSQL.</summary>
    private static readonly HashSet<(string, string)> Json =
        [("interventions", "other_names"), ("interventions", "arm_group_labels"), ("arm_groups", "intervention_names"), ("study_versions_json", "raw_json")];

    [Fact]
    public void Every_postgres_migration_after_the_first_has_a_sqlite_twin_and_both_end_at_the_same_version()
    {
        var sqlite = Migration.Embedded.Select(m => m.Version).ToList();
        var postgres = Migration.EmbeddedPostgres.Select(m => m.Version).ToList();
        Assert.Equal(26, postgres[0]);
        Assert.Equal(sqlite.Where(v => v >= postgres[0]), postgres);
        Assert.Equal(sqlite[^1], postgres[^1]);
    }

    [SkippableFact]
    public void Both_providers_have_the_same_tables_and_columns()
    {
        using var postgres = new TempPostgresDatabase();
        using var sqlite = new TempDatabase();

        var left = SqliteColumns(sqlite);
        var right = PostgresColumns(postgres);
        Assert.Equal(
            left.Keys.Where(t => !SqliteOnly.Contains(t)).Order(StringComparer.Ordinal),
            right.Keys.Where(t => !PostgresOnlyTable(t)).Order(StringComparer.Ordinal));
        foreach (var (table, columns) in right.Where(t => !PostgresOnlyTable(t.Key)))
        {
            var actual = columns.Where(c => !PostgresOnly.Contains((table, c.Name))).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            // A view's and an FTS5 table's columns have no declared type on SQLite: any type matches.
            var typeOf = actual.ToDictionary(c => c.Name, c => c.Type);
            var expected = left[table]
                .Select(c => c with { Type = Json.Contains((table, c.Name)) ? "json" : c.Type == "any" ? typeOf.GetValueOrDefault(c.Name, "any") : c.Type })
                .OrderBy(c => c.Name, StringComparer.Ordinal);
            Assert.Equal(expected, actual);
        }
    }

    [SkippableFact]
    public void Postgres_migrations_are_journaled_once_and_a_second_start_applies_nothing()
    {
        using var postgres = new TempPostgresDatabase(migrate: false);
        Assert.Equal(Migration.EmbeddedPostgres.Select(m => m.Version), postgres.Migrator.Migrate());
        Assert.Empty(postgres.Migrator.Migrate());
        Assert.Equal(Migration.EmbeddedPostgres[^1].Version, postgres.Migrator.CurrentVersion());
    }

    [SkippableFact]
    public void Two_instances_starting_together_apply_each_postgres_migration_once()
    {
        using var postgres = new TempPostgresDatabase(migrate: false);
        var second = new Migrator(postgres.Database, TimeProvider.System);
        var results = new IReadOnlyList<int>[2];
        Parallel.Invoke(() => results[0] = postgres.Migrator.Migrate(), () => results[1] = second.Migrate());

        Assert.Equal(Migration.EmbeddedPostgres.Select(m => m.Version), results.SelectMany(r => r).Order());
        using var connection = postgres.Open();
        Assert.Equal(Migration.EmbeddedPostgres.Count, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    /// <summary>The tables FTS5 keeps each index in, which are its own business.</summary>
    private static readonly string[] Fts5Shadows = ["_data", "_idx", "_content", "_docsize", "_config"];

    private sealed record ColumnShape(string Name, string Type, bool NotNull, bool Key);

    private static Dictionary<string, List<ColumnShape>> SqliteColumns(TempDatabase database)
    {
        using var connection = database.Open();
        var virtualTables = connection.Query<string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").ToList();
        var tables = connection.Query<string>("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite!_%' ESCAPE '!'")
            .Where(name => !virtualTables.Any(v => Fts5Shadows.Any(shadow => name == v + shadow)))
            .ToList();
        return tables.ToDictionary(t => t, t => connection.Query<(string Name, string Type, long NotNull, long Key)>(
                "SELECT name, type, \"notnull\", pk FROM pragma_table_info(@t)", new { t })
            .Select(c => new ColumnShape(c.Name, SqliteType(c.Type), c.NotNull == 1 || c.Key > 0, c.Key > 0))
            .ToList());
    }

    private static Dictionary<string, List<ColumnShape>> PostgresColumns(TempPostgresDatabase database)
    {
        using var connection = database.Open();
        var keys = connection.Query<(string Table, string Column)>("""
            SELECT k.table_name, k.column_name
            FROM information_schema.table_constraints c
            JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
            WHERE c.table_schema = current_schema() AND c.constraint_type = 'PRIMARY KEY'
            """).ToHashSet();
        // A key that may hold registry text of any length is a unique index over the text's MD5
        // (migrations/postgres/0027): a B-tree entry holds about 2,700 bytes. Its columns are the key's.
        foreach (var (table, definition) in connection.Query<(string, string)>("""
                     SELECT t.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                     WHERE i.indisunique AND t.relnamespace = current_schema()::regnamespace AND pg_get_indexdef(i.indexrelid) LIKE '%md5(%'
                     """))
        {
            var columns = definition[(definition.IndexOf("btree (", StringComparison.Ordinal) + 7)..^1];
            keys.UnionWith(columns.Split(", ").Select(c => (table, c.StartsWith("md5(", StringComparison.Ordinal) ? c[4..^1] : c)));
        }

        return connection.Query<(string Table, string Column, string Type, string Nullable)>("""
                SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
                WHERE table_schema = current_schema()
                """)
            .GroupBy(c => c.Table)
            .ToDictionary(g => g.Key, g => g.Select(c => new ColumnShape(
                c.Column, PostgresType(c.Type), c.Nullable == "NO", keys.Contains((c.Table, c.Column)))).ToList());
    }

    /// <summary>SQLite's declared type as a family; a view's or an FTS5 column's is empty, as are all of them on the PostgreSQL side.</summary>
    private static string SqliteType(string declared) => declared.ToUpperInvariant() switch
    {
        "INTEGER" => "integer",
        "TEXT" => "text",
        "REAL" => "real",
        "BLOB" => "blob",
        _ => "any",
    };

    private static string PostgresType(string type) => type switch
    {
        "bigint" => "integer",
        "text" => "text",
        "double precision" => "real",
        "bytea" => "blob",
        "jsonb" => "json",
        _ => "any",
    };
}
