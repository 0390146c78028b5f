using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TrialEvidence.Data.Normalisation;

namespace TrialEvidence.Harvester.Commands;

/// <summary><c>renormalize [--db]</c>: re-derives every normalised value from the stored raw versions, offline.</summary>
internal static class RenormalizeCommand
{
    public static Command Create(HarvesterHost host)
    {
        var command = new Command("renormalize", "Re-derive every normalised column from the stored raw records (offline), e.g. after a vocabulary change") { host.Database };
        command.SetAction((parse, cancellationToken) => host.RunAsync(parse, (services, token) =>
        {
            var clock = Stopwatch.StartNew();
            var error = parse.InvocationConfiguration.Error;
            var summary = services.GetRequiredService<Renormaliser>()
                .Run(StudyNormaliser.Embedded, new ThrottledProgress<long>(done => error.WriteLine($"  ... {done:N0} studies")), token);
            parse.InvocationConfiguration.Output.WriteLine(
                $"Renormalised {summary.Studies:N0} studies with vocabulary {summary.VocabularyVersion} in {clock.Elapsed.TotalSeconds:N1} s; {summary.Changed:N0} changed.");
            return Task.FromResult(ExitCodes.Success);
        }, cancellationToken));
        return command;
    }
}
