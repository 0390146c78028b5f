using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using TrialEvidence.Harvesting;

namespace TrialEvidence.Harvesting.Tests.Harvesting;

/// <summary>The whole-registry bulk download against a registry that misbehaves mid-body.</summary>
public sealed class RegistryDownloadStallTests : ReplayRegistryTest
{
    private const string Mirror = "mirror";

    private static HarvestTestHost Host(Uri registry) => HarvestTestHost.Create(registry, null, settings =>
    {
        settings["Topics:2:Name"] = Mirror;
        settings["Topics:2:Schedule"] = "0 0 3 * * ?";
        settings["Topics:2:WholeRegistry"] = "true";
    });

    private async Task<(byte[] Zip, string ETag)> ServedZipAsync()
    {
        using var client = new HttpClient { BaseAddress = Registry.BaseAddress };
        using var response = await client.GetAsync("studies/download?format=json.zip");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(), response.Headers.ETag!.ToString());
    }

    /// <summary>
    /// A connection that stops delivering bytes mid-body without closing (a NAT or proxy that
    /// drops state, a stalled CDN node) is given up after the attempt timeout without a byte and
    /// resumed, as a cut one is; otherwise the harvest would wait for ever and the topic stay "running".
    /// </summary>
    [Fact]
    public async Task A_download_that_stalls_mid_body_is_resumed_not_waited_on_for_ever()
    {
        var (zip, etag) = await ServedZipAsync();
        await using var server = new StallingRegistry(zip, etag);
        using var host = Host(server.BaseAddress);

        var harvest = host.HarvestAsync(Mirror);
        var finished = await Task.WhenAny(harvest, Task.Delay(TimeSpan.FromSeconds(45)));

        Assert.True(finished == harvest, $"the harvest still waits on the stalled body after 45 s (attempt timeout 2 s); requests: {string.Join(", ", server.Requests)}");
        Assert.Equal(HarvestOutcome.Succeeded, (await harvest).Outcome);
    }

    /// <summary>A .part holding every byte (killed after the last write, before the rename): the 416 answer completes it.</summary>
    [Fact]
    public async Task A_complete_part_left_by_a_killed_process_is_imported()
    {
        using var host = Host(Registry.BaseAddress);
        var (zip, etag) = await ServedZipAsync();
        var folder = Path.Combine(host.Database.Directory, "downloads", Mirror);
        Directory.CreateDirectory(folder);
        var part = Path.Combine(folder, RegistryDownload.FileName + ".part");
        await File.WriteAllBytesAsync(part, zip);
        await File.WriteAllTextAsync(part + ".etag", etag);

        var run = await host.HarvestAsync(Mirror);

        Assert.Equal(HarvestOutcome.Succeeded, run.Outcome);
        Assert.Equal(Registry.Studies.Count, run.StudiesNew);
    }

    /// <summary>
    /// Serves /studies/download: the first answer is a 200 that stops after half its body and keeps
    /// the connection open; later ones honour Range (206). /version is a 404 (the harvest goes on without it).
    /// </summary>
    private sealed class StallingRegistry : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly byte[] _zip;
        private readonly string _etag;
        private readonly Task _accepting;
        private int _downloads;

        public StallingRegistry(byte[] zip, string etag)
        {
            (_zip, _etag) = (zip, etag);
            _listener.Start();
            _accepting = AcceptAsync();
        }

        public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/api/v2/");

        public List<string> Requests { get; } = [];

        private async Task AcceptAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    _ = Task.Run(() => ServeAsync(client));
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var _ = client;
            var stream = client.GetStream();
            try
            {
                while (true)
                {
                    var head = await ReadHeadAsync(stream);
                    if (head is null)
                    {
                        return;
                    }

                    var lines = head.Split("\r\n");
                    var path = lines[0].Split(' ')[1];
                    var range = lines.FirstOrDefault(l => l.StartsWith("Range:", StringComparison.OrdinalIgnoreCase))?[6..].Trim();
                    lock (Requests)
                    {
                        Requests.Add($"{path} {range}");
                    }

                    if (!path.StartsWith("/api/v2/studies/download", StringComparison.Ordinal))
                    {
                        await WriteAsync(stream, "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nNot Found");
                        continue;
                    }

                    if (Interlocked.Increment(ref _downloads) == 1)
                    {
                        await WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: {_zip.Length}\r\nETag: {_etag}\r\nAccept-Ranges: bytes\r\n\r\n");
                        await stream.WriteAsync(_zip.AsMemory(0, _zip.Length / 2), _stop.Token);
                        await stream.FlushAsync(_stop.Token);
                        await Task.Delay(Timeout.Infinite, _stop.Token); // stalled: no more bytes, no FIN
                    }

                    var from = range is null ? 0 : long.Parse(range["bytes=".Length..^1], CultureInfo.InvariantCulture);
                    var status = from == 0 ? "200 OK" : "206 Partial Content";
                    var contentRange = from == 0 ? string.Empty : $"Content-Range: bytes {from}-{_zip.Length - 1}/{_zip.Length}\r\n";
                    await WriteAsync(stream, $"HTTP/1.1 {status}\r\nContent-Type: application/zip\r\nContent-Length: {_zip.Length - from}\r\nETag: {_etag}\r\n{contentRange}\r\n");
                    await stream.WriteAsync(_zip.AsMemory((int)from), _stop.Token);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
            {
            }
        }

        private async Task WriteAsync(NetworkStream stream, string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text), _stop.Token);

        private async Task<string?> ReadHeadAsync(NetworkStream stream)
        {
            var bytes = new List<byte>();
            var one = new byte[1];
            while (true)
            {
                if (await stream.ReadAsync(one, _stop.Token) == 0)
                {
                    return null;
                }

                bytes.Add(one[0]);
                if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n')
                {
                    return Encoding.ASCII.GetString([.. bytes]);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _accepting;
            _stop.Dispose();
        }
    }
}
