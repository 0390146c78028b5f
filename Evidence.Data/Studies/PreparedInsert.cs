using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Data.Studies;

/// <summary>
/// One parameterised statement prepared once and executed for many rows, on SQLite's own
/// statement API: parameters are bound by position (looked up once), text as UTF-8 from a reused
/// buffer, and each row is one step and reset. The import writes ~57 rows per study; Dapper
/// rebuilds every parameter for every row (2.4 times slower), and SqliteCommand looks each
/// parameter up by name and makes a data reader per execution, which measured the larger part of
/// the writer's time (see docs/architecture.md). Everything that is not a per-row bulk write keeps
/// using Dapper. The statement runs in whatever transaction the connection is in (the caller's).
/// </summary>
internal sealed class PreparedInsert<T> : IRowInsert<T>
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly (int Index, Func<T, object?> Value)[] _bindings;
    private byte[] _utf8 = new byte[4096];

    public PreparedInsert(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, Func<T, object?> Value)[] columns)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        _connection = connection;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        _bindings = columns.Select(c => (IndexOf("@" + c.Name), c.Value)).ToArray();
    }

    private int IndexOf(string name)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        return index > 0 ? index : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
    }

    public void Execute(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            foreach (var (index, value) in _bindings)
            {
                Check(Bind(index, value(row)));
            }

            var rc = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
            }
        }
    }

    private int Bind(int index, object? value)
    {
        switch (value)
        {
            case null:
                return raw.sqlite3_bind_null(_statement, index);
            case "":
                // An empty span has no address, which SQLite would take for NULL.
                return raw.sqlite3_bind_text(_statement, index, string.Empty);
            case string text:
                // SQLite copies the bytes (SQLITE_TRANSIENT), so one buffer serves every value.
                var length = Encoding.UTF8.GetMaxByteCount(text.Length);
                if (length > _utf8.Length)
                {
                    _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
                }

                var written = Encoding.UTF8.GetBytes(text, _utf8);
                return raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, written));
            case int number:
                return raw.sqlite3_bind_int64(_statement, index, number);
            case long number:
                return raw.sqlite3_bind_int64(_statement, index, number);
            case bool flag:
                return raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0);
            case double number:
                return raw.sqlite3_bind_double(_statement, index, number);
            case byte[] bytes:
                return raw.sqlite3_bind_blob(_statement, index, bytes);
            case JsonText json:
                return Bind(index, json.Text);
            default:
                throw new NotSupportedException($"A value of type {value.GetType().Name} is not bound by {nameof(PreparedInsert<T>)}.");
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }

    public void Dispose() => _statement.Dispose();
}

/// <summary>A statement executed for many rows, in the caller's transaction.</summary>
internal interface IRowInsert<in T> : IDisposable
{
    void Execute(IEnumerable<T> rows);
}

/// <summary>JSON held in a text value: text on SQLite, jsonb on PostgreSQL.</summary>
internal readonly record struct JsonText(string Text)
{
    public static JsonText? Of(string? text) => text is null ? null : new JsonText(text);
}

internal static class RowInsert
{
    /// <summary>
    /// The statement prepared for <paramref name="connection"/>'s engine. On PostgreSQL a plain
    /// INSERT of parameters into a table's columns is a binary COPY; any other statement (an
    /// upsert, an INSERT OR IGNORE, an UPDATE) goes in batches of commands.
    /// </summary>
    public static IRowInsert<T> Prepare<T>(DbConnection connection, DbTransaction transaction, string sql, params (string Name, Func<T, object?> Value)[] columns) =>
        connection is NpgsqlConnection postgres
            ? (IRowInsert<T>?)PostgresCopyInsert<T>.TryPrepare(postgres, sql, columns) ?? new PostgresRowInsert<T>(postgres, sql, columns)
            : new PreparedInsert<T>((SqliteConnection)connection, (SqliteTransaction)transaction, sql, columns);
}

/// <summary>
/// A plain INSERT of parameters on PostgreSQL, sent as one binary COPY per call: the rows stream
/// in one round trip, and the server runs no statement per row (its statement triggers fire once,
/// over all the rows, as for one INSERT). Each value is written as its column's type, read from
/// the catalog once per table.
/// </summary>
internal sealed partial class PostgresCopyInsert<T> : IRowInsert<T>
{
    private readonly NpgsqlConnection _connection;
    private readonly string _copy;
    private readonly (Func<T, object?> Value, NpgsqlDbType Type)[] _columns;

    private PostgresCopyInsert(NpgsqlConnection connection, string copy, (Func<T, object?>, NpgsqlDbType)[] columns)
    {
        _connection = connection;
        _copy = copy;
        _columns = columns;
    }

    /// <summary>The COPY for <paramref name="sql"/>, or null when it is not a plain INSERT of parameters into columns of types written here.</summary>
    public static PostgresCopyInsert<T>? TryPrepare(NpgsqlConnection connection, string sql, (string Name, Func<T, object?> Value)[] columns)
    {
        var insert = PlainInsert().Match(sql);
        if (!insert.Success)
        {
            return null;
        }

        var table = insert.Groups["table"].Value;
        var names = insert.Groups["columns"].Value.Split(',', StringSplitOptions.TrimEntries);
        var values = insert.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries);
        if (names.Length != values.Length)
        {
            return null;
        }

        var types = ColumnTypes.GetOrAdd(table, t => Read(connection, t));
        var written = new (Func<T, object?>, NpgsqlDbType)[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var parameter = columns.FirstOrDefault(c => values[i] == "@" + c.Name);
            if (parameter.Value is null || !types.TryGetValue(names[i], out var type) || WrittenAs(type) is not { } npgsqlType)
            {
                return null;
            }

            written[i] = (parameter.Value, npgsqlType);
        }

        return new PostgresCopyInsert<T>(connection, $"COPY {table} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)", written);
    }

    public void Execute(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var rowsOf = rows.GetEnumerator();
        if (!rowsOf.MoveNext())
        {
            return;
        }

        using var importer = _connection.BeginBinaryImport(_copy);
        do
        {
            importer.StartRow();
            foreach (var (value, type) in _columns)
            {
                Write(importer, value(rowsOf.Current), type);
            }
        }
        while (rowsOf.MoveNext());

        importer.Complete();
    }

    private static void Write(NpgsqlBinaryImporter importer, object? value, NpgsqlDbType type)
    {
        switch (value)
        {
            case null:
                importer.WriteNull();
                break;
            case JsonText json:
                importer.Write(json.Text, type);
                break;
            case bool flag when type == NpgsqlDbType.Bigint:
                importer.Write(flag ? 1L : 0L, type);
                break;
            case int or long when type == NpgsqlDbType.Bigint:
                importer.Write(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), type);
                break;
            case int or long or float or double when type == NpgsqlDbType.Double:
                importer.Write(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), type);
                break;
            case string or byte[]:
                importer.Write(value, type);
                break;
            default:
                throw new NotSupportedException($"A {value.GetType().Name} is not written to a {type} column by {nameof(PostgresCopyInsert<T>)}.");
        }
    }

    /// <summary>The column types of each table, by column name: the schema is the same for every database of this version.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, string>> ColumnTypes = new(StringComparer.Ordinal);

    private static Dictionary<string, string> Read(NpgsqlConnection connection, string table)
    {
        using var command = new NpgsqlCommand(
            "SELECT attname, format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = to_regclass(@table) AND attnum > 0 AND NOT attisdropped", connection);
        command.Parameters.AddWithValue("table", table);
        using var reader = command.ExecuteReader();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            types[reader.GetString(0)] = reader.GetString(1);
        }

        return types;
    }

    private static NpgsqlDbType? WrittenAs(string type) => type switch
    {
        "text" => NpgsqlDbType.Text,
        "bigint" => NpgsqlDbType.Bigint,
        "double precision" => NpgsqlDbType.Double,
        "bytea" => NpgsqlDbType.Bytea,
        "jsonb" => NpgsqlDbType.Jsonb,
        _ => null,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*INSERT\s+INTO\s+(?<table>\w+)\s*\((?<columns>[\w\s,]+)\)\s*VALUES\s*\((?<values>[@\w\s,]+)\)\s*;?\s*$")]
    private static partial System.Text.RegularExpressions.Regex PlainInsert();

    public void Dispose()
    {
    }
}

/// <summary>
/// The statement for PostgreSQL: rows sent in batches of commands (one round trip per
/// <see cref="RowsPerBatch"/> rows), each value a typed parameter.
/// </summary>
internal sealed class PostgresRowInsert<T>(NpgsqlConnection connection, string sql, (string Name, Func<T, object?> Value)[] columns) : IRowInsert<T>
{
    private const int RowsPerBatch = 200;

    private readonly string _sql = PostgresSql.From(sql);

    public void Execute(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var batch = new NpgsqlBatch(connection);
        try
        {
            foreach (var row in rows)
            {
                var command = new NpgsqlBatchCommand(_sql);
                foreach (var (name, value) in columns)
                {
                    command.Parameters.Add(Parameter(name, value(row)));
                }

                batch.BatchCommands.Add(command);
                if (batch.BatchCommands.Count == RowsPerBatch)
                {
                    batch.ExecuteNonQuery();
                    batch.Dispose();
                    batch = new NpgsqlBatch(connection);
                }
            }

            if (batch.BatchCommands.Count > 0)
            {
                batch.ExecuteNonQuery();
            }
        }
        finally
        {
            batch.Dispose();
        }
    }

    private static NpgsqlParameter Parameter(string name, object? value) => value switch
    {
        null => new NpgsqlParameter(name, DBNull.Value),
        JsonText json => new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json.Text },
        string text => new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = text },
        int number => new NpgsqlParameter(name, NpgsqlDbType.Bigint) { Value = (long)number },
        long number => new NpgsqlParameter(name, NpgsqlDbType.Bigint) { Value = number },
        bool flag => new NpgsqlParameter(name, NpgsqlDbType.Bigint) { Value = flag ? 1L : 0L },
        double number => new NpgsqlParameter(name, NpgsqlDbType.Double) { Value = number },
        byte[] bytes => new NpgsqlParameter(name, NpgsqlDbType.Bytea) { Value = bytes },
        _ => throw new NotSupportedException($"A value of type {value.GetType().Name} is not bound by {nameof(PostgresRowInsert<T>)}."),
    };

    public void Dispose()
    {
    }
}
