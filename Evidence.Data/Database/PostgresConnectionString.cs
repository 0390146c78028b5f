using System.Globalization;
using Npgsql;

namespace TrialEvidence.Data.Database;

/// <summary>
/// A PostgreSQL connection string as a person gives it: Npgsql's keywords
/// ("Host=db;Database=trialevidence;Username=te") or a URI as psql takes it
/// (postgresql://te:secret@db:5432/trialevidence), which Npgsql does not read itself.
/// </summary>
public static class PostgresConnectionString
{
    /// <summary>Whether <paramref name="text"/> is meant for PostgreSQL rather than a SQLite file's path.</summary>
    public static bool Looks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || (text.Contains('=', StringComparison.Ordinal) && text.Contains("host", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Npgsql's form of <paramref name="text"/>; throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = text.Contains("://", StringComparison.Ordinal) ? FromUri(text) : FromKeywords(text);
        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new ArgumentException("it names no Host", nameof(text));
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            throw new ArgumentException("it names no Database", nameof(text));
        }

        return builder;
    }

    /// <summary>What is wrong with <paramref name="text"/>, or null.</summary>
    public static string? Problem(string text)
    {
        try
        {
            Parse(text);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message.Split(" (Parameter", 2)[0];
        }
    }

    /// <summary>Where the connection goes, without its password: "te@db:5432/trialevidence".</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + "@";
        return string.Create(CultureInfo.InvariantCulture, $"postgresql://{user}{builder.Host}:{builder.Port}/{builder.Database}");
    }

    private static NpgsqlConnectionStringBuilder FromKeywords(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"it is not a connection string Npgsql reads ({ex.Message})", nameof(text), ex);
        }
    }

    private static NpgsqlConnectionStringBuilder FromUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
        {
            throw new ArgumentException("it is not a postgresql:// URI", nameof(text));
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        builder.Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, v) : (pair, string.Empty);
            try
            {
                builder[Uri.UnescapeDataString(key)] = Uri.UnescapeDataString(value);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new ArgumentException($"its parameter '{key}' is not one Npgsql reads ({ex.Message})", nameof(text), ex);
            }
        }

        return builder;
    }
}
