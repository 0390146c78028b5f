using System.Net.Mime;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TrialEvidence.ReplayRegistry;

/// <summary>Faults that damage the answer the request would have had, so the damage hits a real page or study.</summary>
internal static class DamagedBody
{
    public static async Task SendTruncatedAsync(HttpContext context, RequestDelegate next, RequestLog log)
    {
        var (contentType, body) = await RenderAsync(context, next);
        var etag = context.Response.Headers.ETag.ToString();
        var socket = context.Features.Get<IConnectionSocketFeature>()?.Socket
            ?? throw new InvalidOperationException("The truncated-body fault needs Kestrel's socket transport.");

        // Kestrel discards output it has not sent yet when a connection is aborted, so writing half the
        // body through the response and aborting would race. Writing the HTTP/1.1 response straight to
        // the socket (Kestrel has written nothing for this request) delivers exactly the half, every time.
        // The ETag of the intact answer goes too: a resumable download needs it to ask for the rest.
        var etagLine = etag.Length > 0 ? $"ETag: {etag}\r\n" : string.Empty;
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n{etagLine}\r\n");
        await SendAllAsync(socket, head, context.RequestAborted);
        await SendAllAsync(socket, body.AsMemory(0, body.Length / 2), context.RequestAborted);

        // FIN right after the half: the client sees the body end early rather than a reset that could
        // overtake bytes still in flight.
        socket.Shutdown(SocketShutdown.Send);
        log.RecordAnswer(context, StatusCodes.Status200OK);
        context.Abort();
    }

    public static async Task SendMalformedAsync(HttpContext context, RequestDelegate next)
    {
        var (_, body) = await RenderAsync(context, next);
        var response = context.Response;
        response.Clear(); // also drops the ETag of the intact body
        response.ContentType = MediaTypeNames.Application.Json;
        var prefix = body.AsMemory(0, body.Length * 2 / 5);
        response.ContentLength = prefix.Length;
        await response.Body.WriteAsync(prefix, context.RequestAborted);
    }

    private static async Task<(string ContentType, byte[] Body)> RenderAsync(HttpContext context, RequestDelegate next)
    {
        // Without the validator the full body is rendered even when the client holds its current ETag.
        context.Request.Headers.Remove(HeaderNames.IfNoneMatch);
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        return (response.ContentType ?? MediaTypeNames.Application.Json, buffer.ToArray());
    }

    private static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes[await socket.SendAsync(bytes, SocketFlags.None, cancellationToken)..];
        }
    }
}
