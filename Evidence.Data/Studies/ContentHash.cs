using System.Buffers;
using System.Security.Cryptography;

namespace TrialEvidence.Data.Studies;

/// <summary>
/// Identifies a version of a record by its content: SHA-256 of the JSON with every whitespace byte
/// outside strings removed. The same record saved compact or indented (the array download and a
/// split file of it) hashes the same; any change of a value, key or order hashes differently.
/// </summary>
public static class ContentHash
{
    /// <param name="json">Well-formed JSON (the caller has parsed it already).</param>
    public static string Of(ReadOnlySpan<byte> json)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(json.Length);
        try
        {
            var length = Minify(json, buffer);
            return Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Copies <paramref name="json"/> without the whitespace outside strings; returns the length written.</summary>
    private static int Minify(ReadOnlySpan<byte> json, Span<byte> output)
    {
        // A plain byte loop: JSON is mostly short tokens, where vector searches cost more than they save.
        var written = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                output[written++] = b;
                if (b == (byte)'\\' && i + 1 < json.Length)
                {
                    output[written++] = json[++i]; // an escaped quote does not end the string
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                output[written++] = b;
                inString = b == (byte)'"';
            }
        }

        return written;
    }
}
