using System.CommandLine;
using System.CommandLine.Parsing;
using TrialEvidence.Harvester.Commands;

namespace TrialEvidence.Harvester;

/// <summary>
/// The harvester's command line; Program runs it, tests run it in-process. It refuses what it
/// does not know: an unknown command, option or setting (or a setting's value not of its type)
/// prints what is wrong and the usage on stderr and exits 2, before anything starts.
/// </summary>
internal static class HarvesterCli
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var line = CommandLineSettings.Split(args);
        var root = Build(new HarvesterHost(line.Settings));
        var parse = root.Parse(line.Arguments);
        if (parse.Errors.Count > 0 || line.Problems.Count > 0)
        {
            foreach (var problem in parse.Errors.Select(e => e.Message).Concat(line.Problems))
            {
                await error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
            }

            await error.WriteLineAsync().ConfigureAwait(false);
            await WriteUsageAsync(root, parse.CommandResult, error).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // Ctrl+C or SIGTERM cancels the command's token; the command then has this long to record
        // where it stopped (a harvest's run 'interrupted', an import's batch in flight) and exit 130.
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
        };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }

    /// <summary>The help of the command the error was found in (the whole tool's for an unknown command), written to <paramref name="error"/>.</summary>
    private static Task<int> WriteUsageAsync(RootCommand root, CommandResult failed, TextWriter error)
    {
        var path = new List<string>();
        for (var command = failed; command.Parent is CommandResult parent; command = parent)
        {
            path.Insert(0, command.Command.Name);
        }

        return root.Parse([.. path, "--help"]).InvokeAsync(new InvocationConfiguration { Output = error });
    }

    private static RootCommand Build(HarvesterHost host)
    {
        var root = new RootCommand(
            "TrialEvidence harvester: fills the evidence database from ClinicalTrials.gov. Without a command it runs the " +
            "harvest scheduler until stopped. Any setting can be given as --Section:Key=value, e.g. --Registry:BaseUrl=http://127.0.0.1:5099/api/v2/")
        {
            ImportCommand.Create(host),
            HarvestCommand.Create(host),
            FetchCommand.Create(host),
            RenormalizeCommand.Create(host),
            BackfillChangesCommand.Create(host),
            EvaluateCommand.Create(),
            CopyCommand.Create(),
        };
        ScheduleCommand.AttachTo(root, host);
        return root;
    }
}
