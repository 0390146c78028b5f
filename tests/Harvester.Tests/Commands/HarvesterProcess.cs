using System.Collections.Concurrent;
using System.Diagnostics;

namespace TrialEvidence.Harvester.Tests.Commands;

/// <summary>The harvester as a real process of its own, built beside these tests, with what it prints collected.</summary>
internal sealed class HarvesterProcess : IDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();

    private HarvesterProcess(IEnumerable<string> arguments)
    {
        // The SDK names its dotnet host in DOTNET_HOST_PATH; the test host process itself may not be dotnet.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HarvesterBuild());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process = Process.Start(start)!;
        Process.OutputDataReceived += (_, e) => Collect(e.Data);
        Process.ErrorDataReceived += (_, e) => Collect(e.Data);
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public int Id => Process.Id;

    /// <summary>Everything it printed so far, stdout and stderr interleaved.</summary>
    public string Output => string.Join('\n', _lines);

    public static HarvesterProcess Start(IEnumerable<string> arguments) => new(arguments);

    /// <summary>Waits for it to exit (failing the test after <paramref name="limit"/>); its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await Process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the harvester did not exit in {limit}. It printed: {Output}");
        }

        Process.WaitForExit(); // the output's last lines
        return Process.ExitCode;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test when the process exits first or time runs out.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(Process.HasExited, $"the harvester exited with code {(Process.HasExited ? Process.ExitCode : 0)} before {what}: {Output}");
            Assert.True(clock.Elapsed < limit, $"not in {limit}: {what}. The harvester printed: {Output}");
            await Task.Delay(50);
        }
    }

    public void Kill() => Process.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Kill();
            Process.WaitForExit();
        }

        Process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    /// <summary>
    /// The harvester from its own build output (same configuration as these tests): its deps.json
    /// matches the files beside it there, which the test folder's mix of frameworks does not.
    /// </summary>
    private static string HarvesterBuild()
    {
        var testBuild = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(SharedData.RepositoryRoot, "Harvester", "bin", testBuild.Parent!.Name, testBuild.Name, "trialevidence-harvester.dll");
        Assert.True(File.Exists(path), $"the harvester is not built at {path}");
        return path;
    }
}
