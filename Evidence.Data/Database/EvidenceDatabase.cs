using System.Data.Common;

namespace TrialEvidence.Data.Database;

/// <summary>
/// The evidence database, whichever engine holds it (Database:Provider): connections, and the
/// two kinds of transaction the product uses. SQL is written once, in SQLite's dialect, and
/// given to PostgreSQL through <see cref="PostgresSql"/> (<see cref="Sql(DbConnection, string)"/>);
/// what no translation can say (full-text search, pragmas, bulk loads) each side writes itself.
/// </summary>
public abstract class EvidenceDatabase
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Where the database is, for messages: a file's full path, or a PostgreSQL URI without the password.</summary>
    public abstract string Description { get; }

    /// <summary>A folder of the database's own for files (a bulk download being fetched): beside the SQLite file; for PostgreSQL, data/ under the working directory.</summary>
    public abstract string WorkFolder { get; }

    public abstract DbConnection Open();

    /// <summary>
    /// A transaction that writes: it waits for any other writer first and holds them off until it
    /// ends, so a batch's reads and writes see no other writer's (SQLite's BEGIN IMMEDIATE; on
    /// PostgreSQL the writers' advisory lock). Readers never wait for it.
    /// </summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>
    /// A transaction that reads one state of the database throughout, on either engine: SQLite's
    /// deferred transaction (WAL keeps its first read's snapshot), PostgreSQL's REPEATABLE READ.
    /// </summary>
    public static DbTransaction BeginRead(DbConnection connection) => connection switch
    {
        Microsoft.Data.Sqlite.SqliteConnection sqlite => sqlite.BeginTransaction(deferred: true),
        null => throw new ArgumentNullException(nameof(connection)),
        _ => connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead),
    };

    /// <summary><paramref name="sql"/>, written in SQLite's dialect, for the engine <paramref name="connection"/> is of.</summary>
    public static string Sql(System.Data.IDbConnection connection, string sql) =>
        connection is Npgsql.NpgsqlConnection ? PostgresSql.From(sql) : sql;

    /// <summary>Whether <paramref name="exception"/> is a unique constraint refusing a row, on either engine.</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>Whether <paramref name="connection"/> is PostgreSQL's.</summary>
    public static bool IsPostgres(System.Data.IDbConnection connection) => connection is Npgsql.NpgsqlConnection;
}

/// <summary>SQL written in SQLite's dialect, for the engine of the connection it runs on.</summary>
public static class DialectExtensions
{
    public static string Sql(this System.Data.IDbConnection connection, string sql) => EvidenceDatabase.Sql(connection, sql);
}
