using Microsoft.Extensions.Options;

namespace TrialEvidence.Api.Infrastructure;

public static class DefaultAddress
{
    public const string Url = "http://localhost:5080";

    /// <summary>
    /// Listens on <see cref="Url"/> unless an address is configured the way ASP.NET Core reads one
    /// (--urls, ASPNETCORE_URLS, TRIALEVIDENCE_Urls or "Urls" in appsettings.json), which then wins.
    /// Call it after every configuration source is added.
    /// </summary>
    public static WebApplicationBuilder ListenOnDefaultAddress(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrEmpty(configured))
        {
            builder.WebHost.UseUrls(Url);
            return builder;
        }

        // Kestrel reads an address it cannot parse ("http://127.0.0.1:5080x") as "any address,
        // port 80": a typo would expose the API on every interface. Refuse it instead.
        var wrong = configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(url => !IsListenAddress(url)).ToList();
        if (wrong.Count > 0)
        {
            throw new OptionsValidationException(WebHostDefaults.ServerUrlsKey, typeof(string), [.. wrong.Select(url =>
                $"urls: '{url}' is not an address to listen on; give scheme, host and port, e.g. {Url} or http://0.0.0.0:5080")]);
        }

        return builder;
    }

    /// <summary>http(s)://host[:port][/] with a host name, an IP address, or * or + for every interface.</summary>
    private static bool IsListenAddress(string url)
    {
        var wildcard = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        return Uri.TryCreate(wildcard, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);
    }
}
