using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Harvester.Scheduling;

/// <summary>No command: run the harvest scheduler until stopped (Ctrl+C or SIGTERM).</summary>
internal static class ScheduleCommand
{
    public static void AttachTo(RootCommand root, Option<string?> database)
    {
        root.Options.Add(database);
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(async (parse, cancellationToken) =>
        {
            using var host = HarvesterHost.Build(Overrides.Database(parse.GetValue(database)), parse.UnmatchedTokens, withScheduler: true);
            try
            {
                host.Services.GetRequiredService<Migrator>().Migrate();
                await host.RunAsync(cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (OptionsValidationException ex)
            {
                foreach (var failure in ex.Failures)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"error: configuration: {failure}").ConfigureAwait(false);
                }

                return 2;
            }
        });
    }
}
