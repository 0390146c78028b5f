using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace TrialEvidence.Data.Studies;

/// <summary>
/// A registry record as study_versions keeps it (migration 0014): in SQLite's "sqlar" format,
/// the zlib stream (RFC 1950) of the bytes received, or those bytes themselves when compressing
/// does not make them smaller, with their size beside. Registry JSON shrinks about five times.
/// The sqlite3 command-line shell reads it with its own <c>sqlar_uncompress(raw, raw_size)</c>;
/// every connection the product opens registers the same function, and the view
/// <c>study_versions_json</c> gives each version's <c>raw_json</c> as text, for
/// <c>json_extract</c> from either.
/// </summary>
public static class StoredJson
{
    /// <summary>The SQL function, named as the sqlite3 shell names its own.</summary>
    public const string UncompressFunction = "sqlar_uncompress";

    /// <summary>The bytes to store for <paramref name="utf8"/>; <c>raw_size</c> is its length.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> utf8)
    {
        using var output = new MemoryStream(utf8.Length / 3 + 64);
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(utf8);
        }

        return output.Length < utf8.Length ? output.ToArray() : utf8.ToArray();
    }

    /// <summary>The bytes received, from what <see cref="Compress"/> stored and their size.</summary>
    /// <exception cref="InvalidDataException">The stored bytes are not what was stored for that size.</exception>
    public static byte[] Decompress(byte[] stored, long size)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Length == size)
        {
            return stored;
        }

        var utf8 = new byte[size];
        using var zlib = new ZLibStream(new MemoryStream(stored), CompressionMode.Decompress);
        zlib.ReadExactly(utf8);
        if (zlib.ReadByte() != -1)
        {
            throw new InvalidDataException($"a stored record holds more than its size of {size} bytes");
        }

        return utf8;
    }

    /// <summary>
    /// A version's record whichever way it was stored: <c>raw</c> and <c>raw_size</c> since
    /// migration 0014, <c>raw_json</c> text before it.
    /// </summary>
    public static byte[] Read(string? rawJson, byte[]? raw, long? rawSize) =>
        raw is not null && rawSize is { } size ? Decompress(raw, size) : System.Text.Encoding.UTF8.GetBytes(rawJson ?? string.Empty);

    /// <summary>Registers <c>sqlar_uncompress(data, size)</c> on <paramref name="connection"/>, as the sqlite3 shell defines it.</summary>
    public static void Register(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.CreateFunction<byte[]?, long?, byte[]?>(
            UncompressFunction, (data, size) => data is null || size is null ? data : Decompress(data, size.Value), isDeterministic: true);
    }
}
