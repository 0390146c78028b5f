namespace TrialEvidence.Api.Infrastructure;

/// <summary>The web pages besides the Table 1 page at /: a trial's page and the changes across trials (static files, filled by their scripts).</summary>
public static class Pages
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/trials/{nctId}", (IWebHostEnvironment environment) => Page(environment, "trial.html")).ExcludeFromDescription();
        routes.MapGet("/changes", (IWebHostEnvironment environment) => Page(environment, "changes.html")).ExcludeFromDescription();
        return routes;
    }

    private static IResult Page(IWebHostEnvironment environment, string file) =>
        Results.File(environment.WebRootFileProvider.GetFileInfo(file).CreateReadStream(), "text/html; charset=utf-8");
}
