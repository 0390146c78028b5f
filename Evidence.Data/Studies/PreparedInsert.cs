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
    /// <summary>The statement prepared for <paramref name="connection"/>'s engine.</summary>
    public static IRowInsert<T> Prepare<T>(DbConnection connection, DbTransaction transaction, string sql, params (string Name, Func<T, object?> Value)[] columns) =>
        connection is NpgsqlConnection postgres
            ? new PostgresRowInsert<T>(postgres, sql, columns)
            : new PreparedInsert<T>((SqliteConnection)connection, (SqliteTransaction)transaction, sql, columns);
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
