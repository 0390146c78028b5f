namespace TrialEvidence.Data.Database;

/// <summary>The database file cannot be opened or created; the message names the file and why.</summary>
public sealed class DatabaseUnavailableException : IOException
{
    public DatabaseUnavailableException(string path, Exception inner)
        : base($"cannot open the database {path}: {Reason(path, inner)}", inner)
    {
        Path = path;
    }

    public DatabaseUnavailableException()
    {
        Path = string.Empty;
    }

    public DatabaseUnavailableException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    public string Path { get; }

    /// <summary>The first <see cref="DatabaseUnavailableException"/> in the chain of <paramref name="exception"/>, if any.</summary>
    public static DatabaseUnavailableException? FindIn(Exception exception) =>
        Configuration.StartFailures.Chain(exception).OfType<DatabaseUnavailableException>().FirstOrDefault();

    private static string Reason(string path, Exception inner) =>
        Directory.Exists(path) ? "it is a folder; Database:Path must name a file"
        : inner is Microsoft.Data.Sqlite.SqliteException sqlite ? sqlite.Message
        : inner.Message;
}
