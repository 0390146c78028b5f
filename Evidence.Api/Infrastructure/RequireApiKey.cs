using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TrialEvidence.Api.Infrastructure;

/// <summary>
/// Lets a request through only with the configured key in the <see cref="Header"/> header:
/// 403 when no key is configured (the endpoint is switched off), 401 without the right key.
/// </summary>
public sealed class RequireApiKey(IOptions<ApiOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var expected = options.Value.HarvestApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Harvests on demand are switched off",
                detail: $"Set {ApiOptions.Section}:{nameof(ApiOptions.HarvestApiKey)} in configuration to allow them.");
        }

        if (!KeyMatches(context.HttpContext.Request.Headers[Header].ToString(), expected))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
                detail: $"Send the configured key in the {Header} header.");
        }

        return await next(context).ConfigureAwait(false);
    }

    /// <summary>Constant-time comparison, so response timing does not reveal the key.</summary>
    private static bool KeyMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
