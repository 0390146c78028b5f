using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Harvester.Commands;

/// <summary>No command: run the harvest scheduler until stopped (Ctrl+C or SIGTERM).</summary>
internal static class ScheduleCommand
{
    public static void AttachTo(RootCommand root, Option<string?> database)
    {
        root.Options.Add(database);
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = Overrides.Database(parse.GetValue(database));
            try
            {
                // Settings are checked before the scheduler is built from them, so a bad topic is one
                // line, not a host that fails to start.
                using (var check = HarvesterHost.Build(overrides, parse.UnmatchedTokens))
                {
                    HarvesterHost.CheckedSettings(check);
                    check.Services.GetRequiredService<Migrator>().Migrate();
                }

                using var host = HarvesterHost.Build(overrides, parse.UnmatchedTokens, withScheduler: true);
                await host.RunAsync(cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (OptionsValidationException ex)
            {
                return HarvesterHost.ReportConfiguration(ex, parse.InvocationConfiguration.Error);
            }
        });
    }
}
