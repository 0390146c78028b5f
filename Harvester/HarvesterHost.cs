using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using TrialEvidence.Data.Configuration;
using TrialEvidence.Data.Database;
using TrialEvidence.Harvesting;
using TrialEvidence.Scheduling;
using TrialEvidence.Webhooks;

namespace TrialEvidence.Harvester;

/// <summary>
/// The host a command runs in: appsettings.json beside the binary, TRIALEVIDENCE_ environment
/// variables, the settings given on the command line, then the command's own options (--db).
/// Starting it checks every setting and migrates the database, as the API's start does.
/// </summary>
internal sealed class HarvesterHost(IReadOnlyList<string> settings)
{
    /// <summary>The --db option, which the commands that use the database share.</summary>
    public Option<string?> Database { get; } = new("--db")
    {
        Description = $"SQLite database file (default: {DatabaseOptions.Section}:Path in appsettings.json)",
    };

    /// <param name="withScheduler">Also run the Quartz scheduler when the host runs.</param>
    public IHost Build(ParseResult parse, bool withScheduler = false)
    {
        ArgumentNullException.ThrowIfNull(parse);
        // appsettings.json ships beside the binary, so the tool works from any working directory;
        // relative paths inside it (the database file) are taken from the working directory.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Configuration.AddEnvironmentVariables("TRIALEVIDENCE_");
        builder.Configuration.AddCommandLine([.. settings]);
        if (parse.GetResult(Database) is not null && parse.GetValue(Database) is { } path)
        {
            builder.Configuration.AddInMemoryCollection([new($"{DatabaseOptions.Section}:Path", path)]);
        }

        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        });
        // Logs go to stderr: stdout is a command's result, for a person or a script to read.
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        if (!withScheduler)
        {
            // A one-off command prints its own progress and result, and a failed start as one
            // line; only problems are logged.
            builder.Logging.AddFilter("TrialEvidence", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
            // Ctrl+C and SIGTERM cancel the command through the command line's own token; the
            // console lifetime would take the signal to stop a host the command does not wait on.
            builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        }

        builder.Services.AddEvidenceDatabase(builder.Configuration);
        builder.Services.AddHarvesting(builder.Configuration);
        if (withScheduler)
        {
            builder.Services.AddHarvestScheduling(builder.Configuration);
            builder.Services.AddWebhookDelivery();
        }

        return builder.Build();
    }

    /// <summary>
    /// Runs a one-off command in a started host (settings checked, database migrated) and stops
    /// the host after it; settings that fail their checks are printed one a line, exit code 2.
    /// <paramref name="beforeStart"/> checks what it can before the host starts (and so before the
    /// database is created or migrated); an exit code from it ends the command there.
    /// </summary>
    public async Task<int> RunAsync(
        ParseResult parse,
        Func<IServiceProvider, CancellationToken, Task<int>> command,
        CancellationToken cancellationToken,
        Func<IServiceProvider, int?>? beforeStart = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var host = Build(parse);
        try
        {
            if (beforeStart?.Invoke(host.Services) is { } refused)
            {
                return refused;
            }

            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StartFailures.SettingsFailures(ex) is { } failures)
        {
            return ReportConfiguration(failures, parse.InvocationConfiguration.Error);
        }
        catch (Exception ex) when (DatabaseUnavailableException.FindIn(ex) is { } database)
        {
            // Starting migrates the database: a file that cannot be opened is one line, as the API says it.
            await (parse.InvocationConfiguration.Error ?? Console.Error).WriteLineAsync($"error: {database.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        try
        {
            return await command(host.Services, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The lifetime of a host that a one-off command starts, runs in and stops itself: no signal handling of its own.</summary>
    private sealed class CommandLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Prints each configuration problem as one line; returns the exit code for bad configuration.</summary>
    public static int ReportConfiguration(IEnumerable<string> failures, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentNullException.ThrowIfNull(error);
        foreach (var failure in failures)
        {
            error.WriteLine($"error: configuration: {failure}");
        }

        return ExitCodes.Usage;
    }
}
