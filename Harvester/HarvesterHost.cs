using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrialEvidence.ClinicalTrialsGov;
using TrialEvidence.Topics;
using TrialEvidence.Data.Database;
using TrialEvidence.Harvesting;
using TrialEvidence.Scheduling;

namespace TrialEvidence.Harvester;

/// <summary>Builds the service container every command runs in: appsettings.json, environment, command line.</summary>
internal static class HarvesterHost
{
    /// <param name="overrides">Values from the command's own options (e.g. Database:Path from --db).</param>
    /// <param name="configurationArgs">Other "--Section:Key=value" arguments, as .NET configuration reads them.</param>
    /// <param name="withScheduler">Also run the Quartz scheduler when the host runs.</param>
    public static IHost Build(IReadOnlyDictionary<string, string?> overrides, IEnumerable<string>? configurationArgs = null, bool withScheduler = false)
    {
        // appsettings.json ships beside the binary, so the tool works from any working directory;
        // relative paths inside it (the database file) are taken from the working directory.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Configuration.AddEnvironmentVariables("TRIALEVIDENCE_");
        builder.Configuration.AddCommandLine(configurationArgs?.ToArray() ?? []);
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        });
        if (!withScheduler)
        {
            // A one-off command prints its own progress and result; only problems are logged.
            builder.Logging.AddFilter("TrialEvidence", LogLevel.Warning);
        }

        builder.Services.AddEvidenceDatabase(builder.Configuration);
        builder.Services.AddHarvesting(builder.Configuration);
        if (withScheduler)
        {
            builder.Services.AddHarvestScheduling(builder.Configuration);
        }

        return builder.Build();
    }

    /// <summary>The topics, once they and the registry settings are checked; throws <see cref="OptionsValidationException"/> naming every problem.</summary>
    public static TopicsOptions CheckedSettings(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _ = host.Services.GetRequiredService<IOptions<RegistryOptions>>().Value;
        return host.Services.GetRequiredService<IOptions<TopicsOptions>>().Value;
    }

    /// <summary>Prints each configuration problem as one line; returns the exit code for bad configuration.</summary>
    public static int ReportConfiguration(OptionsValidationException problems, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(error);
        foreach (var failure in problems.Failures)
        {
            error.WriteLine($"error: configuration: {failure}");
        }

        return 2;
    }
}
