using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

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
internal sealed class PreparedInsert<T> : IDisposable
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
