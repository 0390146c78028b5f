using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrialEvidence.Data.Database;
using TrialEvidence.Harvesting;
using TrialEvidence.Topics;

namespace TrialEvidence.Harvester.Commands;

/// <summary><c>harvest [--topic NAME]</c>: harvests once, now, and exits non-zero when a harvest failed.</summary>
internal static class HarvestCommand
{
    public static Command Create(Option<string?> database)
    {
        var topic = new Option<string?>("--topic") { Description = "Harvest only this topic (default: every enabled topic)" };
        var command = new Command("harvest", "Harvest the configured topics from ClinicalTrials.gov once and exit")
        {
            topic,
            database,
        };
        command.TreatUnmatchedTokensAsErrors = false; // --Registry:BaseUrl=... and other configuration
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(topic), parse.GetValue(database), parse.UnmatchedTokens, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <returns>0 when every harvest succeeded, 1 when one failed, 2 on bad configuration, 130 when cancelled.</returns>
    internal static async Task<int> RunAsync(
        string? topicName, string? database, IEnumerable<string> configuration, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var host = HarvesterHost.Build(Overrides.Database(database), configuration);
        TopicsOptions topics;
        try
        {
            topics = HarvesterHost.CheckedSettings(host);
        }
        catch (OptionsValidationException ex)
        {
            return HarvesterHost.ReportConfiguration(ex, error);
        }

        var names = topicName is null ? topics.Topics.Where(t => t.Enabled).Select(t => t.Name).ToList() : [topicName];
        if (names.Count == 0)
        {
            error.WriteLine("error: no topics are configured (the \"Topics\" section of appsettings.json)");
            return 2;
        }

        host.Services.GetRequiredService<Migrator>().Migrate();
        var harvests = host.Services.GetRequiredService<HarvestService>();
        var failed = 0;
        foreach (var name in names)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var progress = new ThrottledProgress<HarvestProgress>(value => error.WriteLine($"  ... {value}"), always: value => value.Pages == 1);
                var run = await harvests.HarvestAsync(name, progress, cancellationToken).ConfigureAwait(false);
                output.WriteLine(
                    $"{name}: run {run.Id} ({run.Kind}{(run.ResumedFrom is { } from ? $", resuming run {from}" : string.Empty)}) succeeded in {clock.Elapsed:h\\:mm\\:ss}: " +
                    $"{run.Pages:N0} page(s), new {run.StudiesNew:N0}, changed {run.StudiesChanged:N0}, unchanged {run.StudiesUnchanged:N0}, rejected {run.StudiesRejected:N0}");
            }
            catch (HarvestFailedException ex)
            {
                failed++;
                error.WriteLine($"error: {ex.Message}");
            }
            catch (OperationCanceledException)
            {
                error.WriteLine($"{name}: cancelled. What was stored is kept; the next harvest resumes from the last stored page.");
                return 130;
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
