using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TrialEvidence.Api.Tests.Infrastructure;

/// <summary>Where the product listens, as a person or a container starts it.</summary>
public sealed class AddressTests
{
    [Fact]
    public async Task An_address_in_ASPNETCORE_URLS_is_the_one_it_listens_on()
    {
        using var database = new TempDatabase();
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var build = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The API from its own build output: its deps.json matches the files beside it there.
        start.ArgumentList.Add(Path.Combine(SharedData.RepositoryRoot, "Evidence.Api", "bin", build.Parent!.Name, build.Name, "trialevidence-api.dll"));
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["TRIALEVIDENCE_Database__Path"] = database.Path;
        start.Environment["TRIALEVIDENCE_Scheduler__Enabled"] = "false";
        using var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient();
            var clock = Stopwatch.StartNew();
            HttpStatusCode? status = null;
            while (status is null && clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                try
                {
                    using var response = await http.GetAsync(new Uri(address, "/api/topics"));
                    status = response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            Assert.Equal(HttpStatusCode.OK, status);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
