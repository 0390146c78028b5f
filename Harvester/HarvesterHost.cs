using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Harvester;

/// <summary>Builds the service container every command runs in: appsettings.json, environment, overrides.</summary>
internal static class HarvesterHost
{
    /// <param name="overrides">Configuration given on the command line (e.g. Database:Path from --db).</param>
    public static IHost Build(IReadOnlyDictionary<string, string?> overrides)
    {
        // appsettings.json ships beside the binary, so the tool works from any working directory;
        // relative paths inside it (the database file) are taken from the working directory.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Configuration.AddEnvironmentVariables("TRIALEVIDENCE_");
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Services.AddEvidenceDatabase(builder.Configuration);
        return builder.Build();
    }
}
