using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TrialEvidence.ReplayRegistry;

internal static class VersionApi
{
    /// <summary>The API version of the spec the replay follows (ctg-oas-v2.yaml).</summary>
    public const string ApiVersion = "2.0.5";

    public static IEndpointRouteBuilder MapVersion(this IEndpointRouteBuilder api)
    {
        api.MapGet("/version", (DataVersion data) => TypedResults.Ok(new VersionInfo(ApiVersion, data.Timestamp)));
        return api;
    }

    private sealed record VersionInfo(string ApiVersion, string DataTimestamp);
}
