using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using TrialEvidence.Data.Search;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Database;

/// <summary>A database to copy from or to: a SQLite file or a PostgreSQL connection string.</summary>
public sealed record DatabaseLocation(DatabaseProvider Provider, string Value)
{
    /// <summary>A PostgreSQL connection string or URI is PostgreSQL; anything else is a SQLite file's path.</summary>
    public static DatabaseLocation Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return PostgresConnectionString.Looks(text)
            ? new(DatabaseProvider.Postgres, text)
            : new(DatabaseProvider.Sqlite, Path.GetFullPath(text));
    }

    /// <summary>Where it is, without a password.</summary>
    public string Description => Provider == DatabaseProvider.Postgres
        ? PostgresConnectionString.Describe(PostgresConnectionString.Parse(Value))
        : Value;
}

/// <summary>What a copy moved: the rows of each table, in the order copied.</summary>
public sealed record CopySummary(IReadOnlyList<(string Table, long Rows)> Tables)
{
    public long Studies => Tables.FirstOrDefault(t => t.Table == "studies").Rows;

    public long Versions => Tables.FirstOrDefault(t => t.Table == "study_versions").Rows;
}

/// <summary>The copy was refused before anything was written: the reason is the message.</summary>
public sealed class DatabaseCopyRefusedException(string message) : Exception(message)
{
    public DatabaseCopyRefusedException()
        : this("the copy was refused")
    {
    }

    public DatabaseCopyRefusedException(string message, Exception inner)
        : this(message + ": " + inner.Message)
    {
    }
}

/// <summary>
/// Moves a whole evidence database from one provider to the other (SQLite to PostgreSQL, or
/// back), into a database that holds no evidence yet. Both are migrated to the newest schema
/// first; the source is read in one transaction (one state of it throughout) and the target
/// written in one, so a copy that fails or is cancelled leaves the target as empty as it was.
/// Every table of the schema is copied row for row, ids and SQLite's rowids kept, with what
/// each provider stores differently translated: a record's exact bytes (SQLite keeps them
/// compressed, PostgreSQL as text, which it compresses itself), JSON lists (jsonb on
/// PostgreSQL, compact text on SQLite) and the full-text rows (a tsvector on PostgreSQL, made
/// by <see cref="PostgresSearchDocument"/>; SQLite's sponsor index is rebuilt). The counts the
/// triggers keep are copied as they are, not recounted. Before committing, each table's row
/// count in the target is compared with the source's.
/// </summary>
public static class DatabaseCopy
{
    /// <summary>
    /// Every table, parents before children. The counts the triggers keep come last: on SQLite,
    /// whose triggers cannot be switched off, what they wrote while the rows went in is removed
    /// and the source's rows copied instead.
    /// </summary>
    internal static readonly string[] Tables =
    [
        "study_versions", "studies",
        "enrollment_snapshots", "conditions", "keywords", "mesh_terms", "interventions", "intervention_values",
        "arm_groups", "outcomes", "locations", "secondary_ids", "collaborators", "rt_regimens",
        "study_aliases", "http_etags", "study_summaries", "normalised_terms", "study_settings",
        "study_search", "registration_text", "study_keys",
        "study_facets", "harvest_runs", "topic_studies",
        "study_changes", "webhook_cursors", "webhook_deliveries", "webhook_attempts", "import_runs",
        "facet_counts", "facet_pairs", "facet_ids", "study_facet_codes",
    ];

    /// <summary>The tables the triggers write: cleared on the target before the source's rows are copied.</summary>
    private static readonly HashSet<string> Counted = ["facet_counts", "facet_pairs", "facet_ids", "study_facet_codes"];

    /// <summary>Tables whose SQLite rowid the other tables refer to (it is a column on PostgreSQL).</summary>
    private static readonly HashSet<string> WithRowid = ["studies", "study_search"];

    /// <summary>Columns that hold a JSON list of strings.</summary>
    private static readonly HashSet<(string, string)> JsonLists =
        [("interventions", "other_names"), ("interventions", "arm_group_labels"), ("arm_groups", "intervention_names")];

    public static CopySummary Run(DatabaseLocation from, DatabaseLocation to, TimeProvider clock, Action<string, long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Provider == to.Provider && from.Value == to.Value)
        {
            throw new DatabaseCopyRefusedException("the source and the target are the same database");
        }

        if (from.Provider == DatabaseProvider.Sqlite && !File.Exists(from.Value))
        {
            throw new DatabaseCopyRefusedException($"there is no database at {from.Value}");
        }

        using var source = Endpoint.Open(from, clock);
        using var target = Endpoint.Open(to, clock);
        var holding = Tables.Where(t => target.Connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {t}") > 0).ToList();
        if (holding.Count > 0)
        {
            var studies = target.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM studies");
            throw new DatabaseCopyRefusedException(
                $"{to.Description} already holds evidence ({studies:N0} studies; rows in {string.Join(", ", holding.Take(3))}{(holding.Count > 3 ? $" and {holding.Count - 3} more tables" : string.Empty)}): copy only into a new, empty database");
        }

        using var read = source.BeginRead();
        using var write = target.BeginWrite();
        target.BeforeCopy(write);
        var copied = new List<(string, long)>();
        foreach (var table in Tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Counted.Contains(table))
            {
                target.Connection.Execute($"DELETE FROM {table}", transaction: write);
            }

            var rows = CopyTable(table, source, read, target, write, cancellationToken);
            copied.Add((table, rows));
            progress?.Invoke(table, rows);
        }

        target.AfterCopy(write);
        foreach (var (table, rows) in copied)
        {
            var there = target.Connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}", transaction: write);
            if (there != rows)
            {
                throw new InvalidOperationException($"the copy of {table} holds {there} rows, the source {rows}: nothing was committed");
            }
        }

        write.Commit();
        return new CopySummary(copied);
    }

    private static long CopyTable(string table, Endpoint source, DbTransaction read, Endpoint target, DbTransaction write, CancellationToken cancellationToken)
    {
        var columns = target.Columns(table, write).Where(c => c.Name != "document").ToList();
        var selected = string.Join(", ", columns.Select(c => c.Name == "rowid" ? "rowid" : Quote(c.Name)));
        var order = columns.Any(c => c.Name == "id") ? " ORDER BY id" : WithRowid.Contains(table) ? " ORDER BY rowid" : string.Empty;
        using var select = source.Connection.CreateCommand();
        select.Transaction = read;
        select.CommandText = $"SELECT {selected} FROM {table}{order}";
        using var reader = select.ExecuteReader();
        using var sink = target.Sink(table, columns, write);
        var values = new object?[columns.Count];
        long rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < columns.Count; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            sink.Add(Translate(table, columns, values, target.Provider));
            if (++rows % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        sink.Complete();
        return rows;
    }

    /// <summary>The row as the target provider stores it.</summary>
    private static object?[] Translate(string table, List<Column> columns, object?[] values, DatabaseProvider target)
    {
        if (table == "study_versions")
        {
            var rawJson = Index(columns, "raw_json");
            var raw = Index(columns, "raw");
            var rawSize = Index(columns, "raw_size");
            var utf8 = StoredJson.Read(values[rawJson] as string, values[raw] as byte[], values[rawSize] as long?);
            if (target == DatabaseProvider.Postgres)
            {
                values[rawJson] = Encoding.UTF8.GetString(utf8);
                values[raw] = null;
                values[rawSize] = null;
            }
            else
            {
                values[rawJson] = string.Empty;
                values[raw] = StoredJson.Compress(utf8);
                values[rawSize] = (long)utf8.Length;
            }
        }
        else if (target == DatabaseProvider.Sqlite)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (values[i] is string json && JsonLists.Contains((table, columns[i].Name)))
                {
                    values[i] = StudyWriter.StoredList(JsonSerializer.Deserialize<string[]>(json) ?? []);
                }
            }
        }

        return values;
    }

    private static int Index(List<Column> columns, string name) => columns.FindIndex(c => c.Name == name);

    /// <summary>Column names come from the schema's own catalog; quoted, since a few are SQL words.</summary>
    private static string Quote(string name) => "\"" + name + "\"";

    internal sealed record Column(string Name, string Type);

    /// <summary>One side of the copy: its connection, catalog and way of writing rows.</summary>
    private abstract class Endpoint : IDisposable
    {
        public abstract DatabaseProvider Provider { get; }

        public abstract DbConnection Connection { get; }

        public static Endpoint Open(DatabaseLocation location, TimeProvider clock) =>
            location.Provider == DatabaseProvider.Postgres ? new PostgresEndpoint(location.Value, clock) : new SqliteEndpoint(location.Value, clock);

        public abstract DbTransaction BeginRead();

        public abstract DbTransaction BeginWrite();

        public abstract List<Column> Columns(string table, DbTransaction transaction);

        public abstract RowSink Sink(string table, List<Column> columns, DbTransaction transaction);

        public abstract void BeforeCopy(DbTransaction transaction);

        public abstract void AfterCopy(DbTransaction transaction);

        public abstract void Dispose();
    }

    private abstract class RowSink : IDisposable
    {
        public abstract void Add(object?[] values);

        public abstract void Complete();

        public abstract void Dispose();
    }

    private sealed class SqliteEndpoint : Endpoint
    {
        private readonly SqliteConnection _connection;

        public SqliteEndpoint(string path, TimeProvider clock)
        {
            var factory = new SqliteConnectionFactory(new DatabaseOptions { Path = path });
            new Migrator(factory, clock).Migrate();
            _connection = factory.Open();
        }

        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        public override DbConnection Connection => _connection;

        public override DbTransaction BeginRead() => _connection.BeginTransaction(deferred: true);

        public override DbTransaction BeginWrite() => _connection.BeginTransaction(deferred: false);

        public override List<Column> Columns(string table, DbTransaction transaction)
        {
            var columns = _connection.Query<(string Name, string Type)>(
                "SELECT name, type FROM pragma_table_info(@table) ORDER BY cid", new { table }, transaction)
                .Select(c => new Column(c.Name, c.Type)).ToList();
            if (WithRowid.Contains(table))
            {
                columns.Insert(0, new Column("rowid", "INTEGER"));
            }

            return columns;
        }

        public override RowSink Sink(string table, List<Column> columns, DbTransaction transaction) =>
            new SqliteSink(_connection, (SqliteTransaction)transaction, table, columns);

        public override void BeforeCopy(DbTransaction transaction)
        {
        }

        /// <summary>The sponsor index is FTS5 over studies' own column: rebuilt from it.</summary>
        public override void AfterCopy(DbTransaction transaction) =>
            _connection.Execute("INSERT INTO sponsor_search (sponsor_search) VALUES ('rebuild')", transaction: transaction);

        public override void Dispose() => _connection.Dispose();
    }

    private sealed class SqliteSink : RowSink
    {
        private readonly SqliteCommand _insert;

        public SqliteSink(SqliteConnection connection, SqliteTransaction transaction, string table, List<Column> columns)
        {
            _insert = connection.CreateCommand();
            _insert.Transaction = transaction;
            _insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name == "rowid" ? "rowid" : Quote(c.Name)))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
            for (var i = 0; i < columns.Count; i++)
            {
                _insert.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
            }

            _insert.Prepare();
        }

        public override void Add(object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            _insert.ExecuteNonQuery();
        }

        public override void Complete()
        {
        }

        public override void Dispose() => _insert.Dispose();
    }

    private sealed class PostgresEndpoint : Endpoint
    {
        private readonly PostgresDatabase _database;
        private readonly NpgsqlConnection _connection;

        public PostgresEndpoint(string connectionString, TimeProvider clock)
        {
            _database = new PostgresDatabase(connectionString);
            new Migrator(_database, clock).Migrate();
            _connection = _database.Open();
        }

        public override DatabaseProvider Provider => DatabaseProvider.Postgres;

        public override DbConnection Connection => _connection;

        /// <summary>One snapshot of the whole database for the whole copy.</summary>
        public override DbTransaction BeginRead()
        {
            var transaction = _connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            _connection.Execute("SET TRANSACTION READ ONLY", transaction: transaction);
            return transaction;
        }

        public override DbTransaction BeginWrite() => _connection.BeginTransaction();

        public override List<Column> Columns(string table, DbTransaction transaction) =>
            _connection.Query<(string Name, string Type)>(
                """
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = @table
                ORDER BY ordinal_position
                """, new { table }, transaction)
                .Select(c => new Column(c.Name, c.Type)).ToList();

        public override RowSink Sink(string table, List<Column> columns, DbTransaction transaction) =>
            new PostgresSink(_connection, table, columns);

        /// <summary>The rows come with the counts their triggers would make: the triggers are off while they go in (in this transaction only).</summary>
        public override void BeforeCopy(DbTransaction transaction)
        {
            foreach (var table in Tables)
            {
                _connection.Execute($"ALTER TABLE {table} DISABLE TRIGGER USER", transaction: transaction);
            }
        }

        /// <summary>Triggers on again; identity columns continue after the ids copied; statistics for the planner.</summary>
        public override void AfterCopy(DbTransaction transaction)
        {
            foreach (var table in Tables)
            {
                _connection.Execute($"ALTER TABLE {table} ENABLE TRIGGER USER", transaction: transaction);
            }

            var identities = _connection.Query<(string Table, string Column)>(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'",
                transaction: transaction).ToList();
            foreach (var (table, column) in identities)
            {
                _connection.Execute(
                    $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE((SELECT MAX({Quote(column)}) FROM {table}), 0) + 1, false)",
                    new { table, column }, transaction);
            }

            _connection.Execute($"ANALYZE {string.Join(", ", Tables)}", transaction: transaction);
        }

        public override void Dispose()
        {
            _connection.Dispose();
            _database.Dispose();
        }
    }

    /// <summary>
    /// Rows through binary COPY. The full-text rows go through a temporary table with their
    /// tsvector as text, which PostgreSQL casts itself on the way into study_search.
    /// </summary>
    private sealed class PostgresSink : RowSink
    {
        private static readonly string[] SearchColumns = ["titles", "summary", "conditions", "interventions", "sponsor"];

        private readonly NpgsqlConnection _connection;
        private readonly string _table;
        private readonly List<string> _names;
        private readonly NpgsqlBinaryImporter _import;
        private readonly NpgsqlDbType[] _types;
        private readonly int[] _searchColumns;

        public PostgresSink(NpgsqlConnection connection, string table, List<Column> columns)
        {
            _connection = connection;
            _table = table;
            _names = [.. columns.Select(c => Quote(c.Name))];
            _types = [.. columns.Select(c => TypeOf(c.Type))];
            var into = table;
            var names = _names;
            _searchColumns = [];
            if (table == "study_search")
            {
                _searchColumns = [.. SearchColumns.Select(n => Index(columns, n))];
                into = "study_search_copy";
                names = [.. _names, "document"];
                connection.Execute($"CREATE TEMP TABLE {into} ON COMMIT DROP AS SELECT {string.Join(", ", _names)}, ''::text AS document FROM study_search WITH NO DATA");
            }

            _import = connection.BeginBinaryImport($"COPY {into} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)");
        }

        public override void Add(object?[] values)
        {
            _import.StartRow();
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is null)
                {
                    _import.WriteNull();
                }
                else
                {
                    _import.Write(values[i], _types[i]);
                }
            }

            if (_searchColumns.Length > 0)
            {
                var text = _searchColumns.Select(i => values[i] as string).ToArray();
                _import.Write(PostgresSearchDocument.Of(text[0], text[1], text[2], text[3], text[4]), NpgsqlDbType.Text);
            }
        }

        public override void Complete()
        {
            _import.Complete();
            _import.Dispose(); // ends the COPY on the connection
            if (_searchColumns.Length > 0)
            {
                _connection.Execute(
                    $"INSERT INTO {_table} ({string.Join(", ", _names)}, document) SELECT {string.Join(", ", _names)}, CAST(document AS tsvector) FROM study_search_copy");
                _connection.Execute("DROP TABLE study_search_copy");
            }
        }

        public override void Dispose() => _import.Dispose();

        private static NpgsqlDbType TypeOf(string type) => type switch
        {
            "bigint" => NpgsqlDbType.Bigint,
            "text" => NpgsqlDbType.Text,
            "double precision" => NpgsqlDbType.Double,
            "bytea" => NpgsqlDbType.Bytea,
            "jsonb" => NpgsqlDbType.Jsonb,
            _ => throw new InvalidOperationException($"no copy is written for a column of type {type}"),
        };
    }
}
