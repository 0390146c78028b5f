using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace TrialEvidence.ReplayRegistry;

internal static class EntityTags
{
    /// <summary>A strong ETag: the same bytes always get the same tag, different bytes a different one.</summary>
    public static EntityTagHeaderValue Of(ReadOnlySpan<byte> body) =>
        new($"\"{Convert.ToHexStringLower(SHA256.HashData(body))}\"");
}
