using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrialEvidence.Harvesting;
using TrialEvidence.Topics;

namespace TrialEvidence.Harvester.Commands;

/// <summary><c>harvest [--topic NAME]</c>: harvests once, now, and exits non-zero when a harvest failed.</summary>
internal static class HarvestCommand
{
    public static Command Create(HarvesterHost host)
    {
        var topic = new Option<string?>("--topic") { Description = "Harvest only this topic (default: every enabled topic)" };
        var command = new Command("harvest", "Harvest the configured topics from ClinicalTrials.gov once and exit") { topic, host.Database };
        command.SetAction((parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            List<string> names = [];
            return host.RunAsync(
                parse,
                (services, token) => RunAsync(services, names, parse.InvocationConfiguration.Output, error, token),
                cancellationToken,
                beforeStart: services => Choose(services.GetRequiredService<IOptions<TopicsOptions>>().Value, parse.GetValue(topic), names, error));
        });
        return command;
    }

    /// <summary>The topics to harvest, into <paramref name="names"/>; an exit code when there are none, before anything starts.</summary>
    private static int? Choose(TopicsOptions topics, string? topicName, List<string> names, TextWriter error)
    {
        if (topicName is not null && topics.Find(topicName) is null)
        {
            error.WriteLine($"error: there is no topic '{topicName}'; configured: {string.Join(", ", topics.Topics.Select(t => t.Name))}");
            return ExitCodes.Failed;
        }

        names.AddRange(topicName is null ? topics.Topics.Where(t => t.Enabled).Select(t => t.Name) : [topicName]);
        if (names.Count > 0)
        {
            return null;
        }

        error.WriteLine(topics.Topics.Count == 0
            ? $"error: no topics are configured (the \"{TopicsOptions.Section}\" section of appsettings.json)"
            : $"error: every configured topic is disabled ({string.Join(", ", topics.Topics.Select(t => t.Name))}); name one with --topic");
        return ExitCodes.Usage;
    }

    /// <returns>0 when every harvest succeeded, 1 when one failed, 130 when cancelled.</returns>
    private static async Task<int> RunAsync(IServiceProvider services, List<string> names, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var harvests = services.GetRequiredService<HarvestService>();
        var failed = 0;
        foreach (var name in names)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var progress = new ThrottledProgress<HarvestProgress>(value => error.WriteLine($"  ... {value}"), always: value => value.Pages == 1 || value.Retry is not null);
                var run = await harvests.HarvestAsync(name, progress, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(
                    $"{name}: run {run.Id} ({run.Kind}{(run.ResumedFrom is { } from ? $", resuming run {from}" : string.Empty)}) succeeded in {clock.Elapsed:h\\:mm\\:ss}: " +
                    $"{run.Pages:N0} page(s), new {run.StudiesNew:N0}, changed {run.StudiesChanged:N0}, unchanged {run.StudiesUnchanged:N0}, rejected {run.StudiesRejected:N0}")
                    .ConfigureAwait(false);
            }
            catch (HarvestFailedException ex)
            {
                failed++;
                await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await error.WriteLineAsync($"{name}: cancelled. What was stored is kept; the next harvest resumes from the last stored page.").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
