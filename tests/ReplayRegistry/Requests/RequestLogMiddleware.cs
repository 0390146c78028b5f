using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace TrialEvidence.ReplayRegistry;

/// <summary>Records each request on arrival; runs first so that faults and errors are recorded too.</summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        log.Begin(context, new RecordedRequest(
            clock.GetUtcNow(),
            Stopwatch.GetTimestamp(),
            request.Method,
            request.Path.Value ?? string.Empty,
            request.QueryString.Value ?? string.Empty,
            HeaderOrNull(request.Headers.IfNoneMatch.ToString()),
            HeaderOrNull(request.Headers.UserAgent.ToString()))
        {
            Range = HeaderOrNull(request.Headers.Range.ToString()),
            IfRange = HeaderOrNull(request.Headers.IfRange.ToString()),
        });
        try
        {
            await next(context);
        }
        catch
        {
            // Kestrel answers 500 to an unhandled exception without running OnStarting callbacks.
            if (!context.Response.HasStarted)
            {
                log.RecordAnswer(context, StatusCodes.Status500InternalServerError);
            }

            throw;
        }
    }

    private static string? HeaderOrNull(string value) => value.Length == 0 ? null : value;
}
