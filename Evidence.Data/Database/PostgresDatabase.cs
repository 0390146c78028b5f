using Npgsql;

namespace TrialEvidence.Data.Database;

/// <summary>
/// The evidence database on PostgreSQL: a pooled data source over Database:ConnectionString.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly NpgsqlDataSource _source;

    public PostgresDatabase(string connectionString)
    {
        var builder = PostgresConnectionString.Parse(connectionString);
        builder.ApplicationName ??= "TrialEvidence";
        Description = PostgresConnectionString.Describe(builder);
        _source = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Where it is, without the password ("postgresql://te@db:5432/trialevidence").</summary>
    public string Description { get; }

    public NpgsqlConnection Open()
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
