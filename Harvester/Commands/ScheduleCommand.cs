using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TrialEvidence.Data.Configuration;
using TrialEvidence.Scheduling;

namespace TrialEvidence.Harvester.Commands;

/// <summary>No command: run the harvest scheduler until stopped (Ctrl+C or SIGTERM).</summary>
internal static class ScheduleCommand
{
    public static void AttachTo(RootCommand root, HarvesterHost host)
    {
        root.Options.Add(host.Database);
        root.SetAction(async (parse, cancellationToken) =>
        {
            using var scheduler = host.Build(parse, withScheduler: true);
            try
            {
                if (!scheduler.Services.GetRequiredService<IOptions<SchedulerOptions>>().Value.Enabled)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync(
                        $"error: the scheduler is switched off ({SchedulerOptions.Section}:Enabled=false); run 'harvest' to harvest once").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                // Starting checks the settings (a bad topic is one line, not a stack trace) and migrates the database.
                await scheduler.RunAsync(cancellationToken).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (Exception ex) when (StartFailures.SettingsFailures(ex) is { } failures)
            {
                return HarvesterHost.ReportConfiguration(failures, parse.InvocationConfiguration.Error);
            }
        });
    }
}
