using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TrialEvidence.Harvesting.Tests.Euctr;

/// <summary>A server on loopback that answers every request 200 with an HTML page that is no search result: a site under maintenance.</summary>
internal sealed class MaintenancePage : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MaintenancePage(WebApplication app)
    {
        _app = app;
        BaseAddress = new Uri(app.Urls.First() + "/");
    }

    public Uri BaseAddress { get; }

    public static async Task<MaintenancePage> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync("<!DOCTYPE html>\n<html><head><title>Maintenance</title></head><body><p>The register is being updated; please come back later.</p></body></html>\n");
        });
        await app.StartAsync();
        return new MaintenancePage(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
