using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TrialEvidence.Harvesting.Tests.Euctr;

/// <summary>
/// A register on loopback that answers EUCTR's two harvest requests with fixed bytes: the search
/// results page and the full-text download (whatever page is asked), each sent with 200.
/// </summary>
internal sealed class EuctrStub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EuctrStub(WebApplication app)
    {
        _app = app;
        BaseAddress = new Uri(app.Urls.First() + "/");
    }

    public Uri BaseAddress { get; }

    public static async Task<EuctrStub> StartAsync(byte[] searchPage, Func<int, byte[]> download)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/ctr-search/search", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.Body.WriteAsync(searchPage);
        });
        app.MapGet("/ctr-search/rest/download/full", async context =>
        {
            var page = int.Parse(context.Request.Query["page"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.Body.WriteAsync(download(page));
        });
        await app.StartAsync();
        return new EuctrStub(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
