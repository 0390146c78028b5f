namespace TrialEvidence.Api.Infrastructure;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no framing, no referrer leaving the site, and
/// a Content-Security-Policy under which the page runs only its own script and styles (it has no
/// inline script). The interactive API reference (Scalar) starts itself with an inline module
/// script and injects styles, so its pages get a policy that allows inline code from the same origin.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public const string ReferencePath = "/api/reference";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Set as the answer starts, so that answers the exception handler rewrote (it clears
        // the headers set so far) carry them too.
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            // An answer that set its own policy keeps it (Table 1's HTML file allows its one style element by hash).
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(ReferencePath) ? ReferencePolicy : PagePolicy;
            }
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
