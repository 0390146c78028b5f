using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrialEvidence.Api.Tests.Webhooks;

/// <summary>
/// A webhook receiver on 127.0.0.1 (real Kestrel): it keeps every request it gets and answers 500
/// to the first <see cref="FailFirst"/> of them, then 200, as a receiver that is down for a while would.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _seen;

    private LoopbackReceiver(WebApplication app) => _app = app;

    public sealed record Request(string? Delivery, string? Signature, string? Webhook, string ContentType, byte[] Body, int Answered);

    public ConcurrentQueue<Request> Requests { get; } = new();

    public int FailFirst { get; set; }

    public Uri Url { get; private set; } = null!;

    public static async Task<LoopbackReceiver> Start(int failFirst)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app) { FailFirst = failFirst };
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var answer = Interlocked.Increment(ref receiver._seen) <= receiver.FailFirst ? 500 : 200;
            receiver.Requests.Enqueue(new Request(
                context.Request.Headers["X-TrialEvidence-Delivery"],
                context.Request.Headers["X-TrialEvidence-Signature"],
                context.Request.Headers["X-TrialEvidence-Webhook"],
                context.Request.ContentType ?? string.Empty,
                body.ToArray(),
                answer));
            return Results.StatusCode(answer);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = new Uri(new Uri(address), "/hook");
        return receiver;
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) until <paramref name="done"/> holds of the requests so far.</summary>
    public async Task<List<Request>> WaitFor(Func<List<Request>, bool> done, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var requests = Requests.ToList();
            if (done(requests) || DateTime.UtcNow > until)
            {
                return requests;
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
