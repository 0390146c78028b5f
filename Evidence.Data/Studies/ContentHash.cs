using System.Buffers;
using System.Security.Cryptography;

namespace TrialEvidence.Data.Studies;

/// <summary>
/// Identifies a version of a record by its content: SHA-256 of the JSON with every whitespace byte
/// outside strings removed, and without the value of derivedSection.miscInfoModule.versionHolder.
/// The same record saved compact or indented (the array download and a split file of it) hashes
/// the same, and so does the same record served on another day: versionHolder is the date of the
/// registry's data snapshot, which moves every day whether the record changed or not. Any change
/// of another value, key or order hashes differently. A record of another registry leaves out its
/// top-level "registryDocument" (the registry's document it was read from, kept beside the fields
/// it gives; see <see cref="Registries.RegisteredTrialJson"/>): a re-export of the same record,
/// stamped with another export date, is the same version.
/// </summary>
public static class ContentHash
{
    /// <param name="json">Well-formed JSON (the caller has parsed it already).</param>
    public static string Of(ReadOnlySpan<byte> json)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(json.Length);
        try
        {
            var length = WithoutVersionHolder(buffer.AsSpan(0, WithoutRegistryDocument(buffer.AsSpan(0, Minify(json, buffer)))));
            return Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Blanks the value of "versionHolder" in minified JSON (it holds a plain date: no escapes); returns the new length.</summary>
    private static int WithoutVersionHolder(Span<byte> minified)
    {
        var key = minified.IndexOf("\"versionHolder\":\""u8);
        if (key < 0)
        {
            return minified.Length;
        }

        var valueStart = key + "\"versionHolder\":\""u8.Length;
        var valueLength = minified[valueStart..].IndexOf((byte)'"');
        if (valueLength <= 0)
        {
            return minified.Length;
        }

        minified[(valueStart + valueLength)..].CopyTo(minified[valueStart..]);
        return minified.Length - valueLength;
    }

    /// <summary>
    /// Removes the "registryDocument" member (and the comma before it) from minified JSON; returns
    /// the new length. Its key cannot occur inside a string: there every quote is escaped.
    /// </summary>
    private static int WithoutRegistryDocument(Span<byte> minified)
    {
        var key = minified.IndexOf("\"registryDocument\":\""u8);
        if (key < 0)
        {
            return minified.Length;
        }

        var end = key + "\"registryDocument\":\""u8.Length;
        while (end < minified.Length && minified[end] != (byte)'"')
        {
            end += minified[end] == (byte)'\\' ? 2 : 1;
        }

        var start = key > 0 && minified[key - 1] == (byte)',' ? key - 1 : key;
        end = Math.Min(end + 1, minified.Length);
        if (start == key && end < minified.Length && minified[end] == (byte)',')
        {
            end++; // the first member: its comma follows it
        }

        minified[end..].CopyTo(minified[start..]);
        return minified.Length - (end - start);
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
