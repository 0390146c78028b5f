using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TrialEvidence.Web.Tests;

/// <summary>
/// The product as a user starts it (its own build, real Kestrel on loopback), on a database
/// filled from ../shared/ctgov, with the scheduler off: what a browser can reach.
/// </summary>
public class RunningProduct : IAsyncLifetime
{
    private readonly bool _import;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _process;

    public RunningProduct()
        : this(import: true, new Dictionary<string, string> { ["Scheduler__Enabled"] = "false" })
    {
    }

    /// <param name="import">Fill the database from ../shared/ctgov first.</param>
    /// <param name="settings">Configuration as TRIALEVIDENCE_ environment variables (Section__Key).</param>
    protected RunningProduct(bool import, IReadOnlyDictionary<string, string> settings)
    {
        _import = import;
        _settings = settings;
    }

    public TempDatabase Database { get; } = new();

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (_import)
        {
            await ImportAsUserDoes(SharedData.CtGov);
        }

        Seed(Database);

        Address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = Dotnet(Built("Evidence.Api", "trialevidence-api.dll"));
        start.ArgumentList.Add($"--urls={Address}");
        start.Environment["TRIALEVIDENCE_Database__Path"] = Database.Path;
        foreach (var (key, value) in _settings)
        {
            start.Environment["TRIALEVIDENCE_" + key] = value;
        }

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

    /// <summary>More records to store before the product starts (after ../shared/ctgov when imported).</summary>
    protected virtual void Seed(TempDatabase database)
    {
    }

    public virtual Task DisposeAsync()
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

    /// <summary>`harvester import PATH --db FILE`, the command a user runs (so the import is recorded as theirs is).</summary>
    private async Task ImportAsUserDoes(string path)
    {
        var start = Dotnet(Built("Harvester", "trialevidence-harvester.dll"), "import", path, "--db", Database.Path);
        using var import = Process.Start(start)!;
        var output = import.StandardOutput.ReadToEndAsync();
        var error = import.StandardError.ReadToEndAsync();
        await import.WaitForExitAsync();
        Assert.True(import.ExitCode == 0, $"harvester import exited {import.ExitCode}: {await output}{await error}");
    }

    /// <summary>A program of this repository, from the same build configuration as these tests.</summary>
    private static string Built(string project, string dll)
    {
        var build = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(SharedData.RepositoryRoot, project, "bin", build.Parent!.Name, build.Name, dll);
    }

    private static ProcessStartInfo Dotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
