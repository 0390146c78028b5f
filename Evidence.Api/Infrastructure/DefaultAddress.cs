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
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(Url);
        }

        return builder;
    }
}
