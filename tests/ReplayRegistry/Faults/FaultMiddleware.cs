using System.Diagnostics;
using System.Globalization;
using System.Net.Mime;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;

namespace TrialEvidence.ReplayRegistry;

/// <summary>Plays the next injected fault that applies to a request, or lets the request through.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultQueue faults, RequestLog log, IHostApplicationLifetime lifetime)
{
    public Task InvokeAsync(HttpContext context)
    {
        var fault = faults.TakeFor(context.Request);
        if (fault is null)
        {
            return next(context);
        }

        log.RecordFault(context, fault);
        return fault switch
        {
            TooManyRequestsFault tooMany => TooManyRequestsAsync(context, tooMany.RetryAfterSeconds),
            ErrorStatusFault error => ErrorAsync(context, error.StatusCode),
            ConnectionResetFault => ResetAsync(context),
            ConnectionClosedFault => CloseAsync(context),
            SlowFault slow => SlowAsync(context, slow.Delay),
            TruncatedBodyFault => DamagedBody.SendTruncatedAsync(context, next, log),
            MalformedJsonFault => DamagedBody.SendMalformedAsync(context, next),
            _ => throw new UnreachableException($"No behaviour for {fault}."),
        };
    }

    private static Task TooManyRequestsAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return ErrorAsync(context, StatusCodes.Status429TooManyRequests);
    }

    private static Task ErrorAsync(HttpContext context, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = MediaTypeNames.Text.Plain;
        return context.Response.WriteAsync(ReasonPhrases.GetReasonPhrase(statusCode), context.RequestAborted);
    }

    private Task ResetAsync(HttpContext context)
    {
        log.RecordNoAnswer(context);
        context.Abort();
        return Task.CompletedTask;
    }

    private async Task CloseAsync(HttpContext context)
    {
        var socket = context.Features.Get<IConnectionSocketFeature>()?.Socket
            ?? throw new InvalidOperationException("The connection-closed fault needs Kestrel's socket transport.");
        log.RecordNoAnswer(context);

        // FIN only: the client reads the end of the stream where the answer should start. Kestrel's
        // abort resets the connection, and a reset overtaking the FIN would turn this into the other
        // fault, so the connection is aborted only once the client has closed its end (or given up).
        socket.Shutdown(SocketShutdown.Send);
        using var clientGone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        clientGone.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, clientGone.Token);
        }
        catch (OperationCanceledException)
        {
        }

        context.Abort();
    }

    private async Task SlowAsync(HttpContext context, TimeSpan delay)
    {
        // Stopping the server must not wait out a long delay.
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(delay, giveUp.Token);
        }
        catch (OperationCanceledException)
        {
            // The client timed out (or the server is stopping): nobody is left to answer.
            await ResetAsync(context);
            return;
        }

        await next(context);
    }
}
