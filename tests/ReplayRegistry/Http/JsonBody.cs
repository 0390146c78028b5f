using System.Net.Mime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace TrialEvidence.ReplayRegistry;

internal static class JsonBody
{
    /// <summary>
    /// Serves JSON bytes untouched with a strong ETag; FileContentHttpResult itself answers a matching
    /// If-None-Match with 304 and no body, as the registry does.
    /// </summary>
    public static FileContentHttpResult Of(byte[] json) => Of(json, EntityTags.Of(json));

    public static FileContentHttpResult Of(byte[] json, EntityTagHeaderValue etag) =>
        TypedResults.Bytes(json, MediaTypeNames.Application.Json, entityTag: etag);
}
