using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TrialEvidence.Data.Changes;

namespace TrialEvidence.Harvester.Commands;

/// <summary><c>backfill-changes [--db]</c>: makes study_changes follow every study's stored versions, offline.</summary>
internal static class BackfillChangesCommand
{
    public static Command Create(HarvesterHost host)
    {
        var command = new Command(
            "backfill-changes",
            "Compare every study's stored versions in registry order and fill study_changes where rows are missing (versions stored before changes were kept, or that arrived out of order); offline")
        { host.Database };
        command.SetAction((parse, cancellationToken) => host.RunAsync(
            parse,
            (services, token) => Task.FromResult(Run(services, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, token)),
            cancellationToken,
            beforeStart: services => RenormalizeCommand.ExistingDatabase(services, "nothing to backfill", parse.InvocationConfiguration.Error)));
        return command;
    }

    private static int Run(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var summary = services.GetRequiredService<ChangeBackfill>()
            .Run(new ThrottledProgress<long>(done => error.WriteLine($"  ... {done:N0} studies")), cancellationToken: cancellationToken);
        output.WriteLine($"Compared the versions of {summary.Studies:N0} studies in {clock.Elapsed.TotalSeconds:N1} s: {summary.Added:N0} change rows added, {summary.Removed:N0} removed.");
        return ExitCodes.Success;
    }
}
