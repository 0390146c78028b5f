using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;

namespace TrialEvidence.Data.Database;

/// <summary>
/// The evidence database on PostgreSQL: a pooled data source over Database:ConnectionString.
/// </summary>
public sealed class PostgresDatabase : EvidenceDatabase, IDisposable
{
    /// <summary>The advisory lock every writing transaction takes first (see <see cref="BeginWrite"/>).</summary>
    private const long WritersLock = 0x54455F5752495445; // "TE_WRITE"

    private readonly NpgsqlDataSource _source;

    public PostgresDatabase(string connectionString)
    {
        var builder = PostgresConnectionString.Parse(connectionString);
        builder.ApplicationName ??= "TrialEvidence";
        if (builder.MaxAutoPrepare == 0)
        {
            // The same statements run for every batch: prepared once per connection, not parsed and
            // planned for every row (unless the connection string says otherwise).
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        Description = PostgresConnectionString.Describe(builder);
        _source = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Where it is, without the password ("postgresql://te@db:5432/trialevidence").</summary>
    public override string Description { get; }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string WorkFolder => System.IO.Path.GetFullPath("data");

    /// <summary>
    /// Writers take turns, as on SQLite: a batch reads what is stored and writes what it does not
    /// find, and two batches of the same studies at once would both find nothing. The lock is
    /// the transaction's; readers, under MVCC, never wait for it.
    /// </summary>
    public override DbTransaction BeginWrite(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        connection.Execute("SELECT pg_advisory_xact_lock(@WritersLock)", new { WritersLock }, transaction);
        return transaction;
    }


    public override NpgsqlConnection Open()
    {
        try
        {
            return _source.OpenConnection();
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
        {
            throw new DatabaseUnavailableException(Description, ex);
        }
    }

    public void Dispose() => _source.Dispose();
}
