using System.ComponentModel.DataAnnotations;

namespace TrialEvidence.Data.Database;

/// <summary>Which engine holds the evidence database.</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file (Database:Path): the default, no server.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (Database:ConnectionString), for a team's shared server.</summary>
    Postgres,
}

/// <summary>The "Database" section of appsettings.json.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (the default) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Path of the SQLite file; relative paths are resolved against the working directory.</summary>
    [Required]
    public string Path { get; set; } = "data/trialevidence.db";

    /// <summary>
    /// The PostgreSQL database, as Npgsql reads it ("Host=db;Database=trialevidence;Username=te;Password=...")
    /// or as a URI (postgresql://te:...@db/trialevidence). Keep the password out of the file: set it
    /// in the environment (TRIALEVIDENCE_Database__ConnectionString) or in a passfile.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a writer waits for another connection's lock before failing.</summary>
    [Range(0, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 30_000;

    /// <summary>
    /// SQLite's page cache per connection, in MiB. The operating system caches the file as well,
    /// so a small cache costs little: 16 MiB keeps a 100,000-study import near 320 MB peak RSS
    /// (64 MiB: 377 MB) without slowing it.
    /// </summary>
    [Range(1, 4096)]
    public int PageCacheMiB { get; set; } = 16;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
            {
                yield return new ValidationResult(
                    "Database:Provider is Postgres but Database:ConnectionString is not set (for example Host=localhost;Database=trialevidence;Username=te)",
                    [nameof(ConnectionString)]);
            }
            else if (PostgresConnectionString.Problem(ConnectionString) is { } problem)
            {
                yield return new ValidationResult($"Database:ConnectionString: {problem}", [nameof(ConnectionString)]);
            }
        }
    }
}
