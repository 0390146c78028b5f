using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TrialEvidence.Web.Tests;

/// <summary>
/// The product as a user starts it (its own build, real Kestrel on loopback), on a database
/// filled from ../shared/ctgov, with the scheduler off: what a browser can reach.
/// </summary>
public sealed class RunningProduct : IAsyncLifetime
{
    private Process? _process;

    public TempDatabase Database { get; } = new();

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database.Import(SharedData.CtGov);
        Address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var build = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var api = Path.Combine(SharedData.RepositoryRoot, "Evidence.Api", "bin", build.Parent!.Name, build.Name, "trialevidence-api.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(api);
        start.ArgumentList.Add($"--urls={Address}");
        start.Environment["TRIALEVIDENCE_Database__Path"] = Database.Path;
        start.Environment["TRIALEVIDENCE_Scheduler__Enabled"] = "false";
        _process = Process.Start(start)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Address, "/api/harvests"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
            }

            Assert.False(_process.HasExited, "the product exited at start");
            await Task.Delay(200);
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        Database.Dispose();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
