using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TrialEvidence.Api.Tests.Infrastructure;

/// <summary>
/// The API as a person starts it: its own process from its build output, settings in
/// environment variables, standard output and error captured line by line.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private ApiProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(_errors, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Lines written to standard output so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Lines written to standard error so far.</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    public static ApiProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var build = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The API from its own build output: its deps.json matches the files beside it there.
        start.ArgumentList.Add(Path.Combine(SharedData.RepositoryRoot, "Evidence.Api", "bin", build.Parent!.Name, build.Name, "trialevidence-api.dll"));
        start.Environment["TRIALEVIDENCE_Scheduler__Enabled"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new ApiProcess(Process.Start(start)!);
    }

    /// <summary>Waits until the process ends on its own; its exit code, or null if it still runs after <paramref name="timeout"/>.</summary>
    public async Task<int?> Exit(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Asks <paramref name="url"/> until the server answers (or the process ends); the answer's status, or null.</summary>
    public async Task<HttpStatusCode?> FirstAnswer(Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(url);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        return null;
    }

    /// <summary>A loopback port nothing listens on at the moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL: the process ends where it is, and nothing of it runs after (no shutdown of any kind).</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
