using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// Opaque page tokens: base64url of the offset of the next page and a fingerprint of the search.
/// The fingerprint makes a token fail when the search around it changed, as the registry requires
/// every page to be asked with the parameters of the first, except countTotal, pageSize and pageToken.
/// </summary>
internal static class PageToken
{
    private const int FingerprintLength = 8;

    private static readonly string[] FreeToChange = ["pageToken", "pageSize", "countTotal"];

    public static byte[] Fingerprint(IQueryCollection query)
    {
        var canonical = new StringBuilder();
        foreach (var (name, values) in query
                     .Where(parameter => !FreeToChange.Contains(parameter.Key, StringComparer.Ordinal))
                     .OrderBy(parameter => parameter.Key, StringComparer.Ordinal))
        {
            canonical.Append(name).Append('=').Append(values.ToString()).Append('\n');
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()))[..FingerprintLength];
    }

    public static string Create(int offset, ReadOnlySpan<byte> fingerprint)
    {
        Span<byte> token = stackalloc byte[sizeof(int) + FingerprintLength];
        BinaryPrimitives.WriteInt32BigEndian(token, offset);
        fingerprint.CopyTo(token[sizeof(int)..]);
        return Base64Url.EncodeToString(token);
    }

    /// <exception cref="FormatException">The token is garbage or belongs to another search.</exception>
    public static int ReadOffset(string token, ReadOnlySpan<byte> fingerprint)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int) + FingerprintLength];
        var valid = Base64Url.TryDecodeFromChars(token, bytes, out var length)
            && length == bytes.Length
            && bytes[sizeof(int)..].SequenceEqual(fingerprint);
        var offset = valid ? BinaryPrimitives.ReadInt32BigEndian(bytes) : -1;
        return offset >= 0
            ? offset
            : throw new FormatException("not a token of this search; ask for the next page with the parameters of the first");
    }
}
