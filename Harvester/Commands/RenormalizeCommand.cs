using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Normalisation;

namespace TrialEvidence.Harvester.Commands;

/// <summary><c>renormalize [--db]</c>: re-derives every normalised value from the stored raw versions, offline.</summary>
internal static class RenormalizeCommand
{
    public static Command Create(HarvesterHost host)
    {
        var command = new Command("renormalize", "Re-derive every normalised column from the stored raw records (offline), e.g. after a vocabulary change") { host.Database };
        command.SetAction((parse, cancellationToken) => host.RunAsync(
            parse,
            (services, token) => Task.FromResult(Run(services, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, token)),
            cancellationToken,
            beforeStart: services => ExistingDatabase(services, "nothing to renormalize", parse.InvocationConfiguration.Error)));
        return command;
    }

    private static int Run(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var summary = services.GetRequiredService<Renormaliser>()
            .Run(StudyNormaliser.Embedded, new ThrottledProgress<long>(done => error.WriteLine($"  ... {done:N0} studies")), cancellationToken);
        output.WriteLine($"Renormalised {summary.Studies:N0} studies with vocabulary {summary.VocabularyVersion} in {clock.Elapsed.TotalSeconds:N1} s; {summary.Changed:N0} changed.");
        if (summary.Failed > 0)
        {
            error.WriteLine($"warning: {NormaliserFailed(summary.Failed)}");
        }
        return ExitCodes.Success;
    }

    /// <summary>What to say of studies the normaliser failed on (<see cref="StudyNormaliser.Unnormalised"/>).</summary>
    internal static string NormaliserFailed(long studies) =>
        $"the normaliser failed on {studies:N0} studies: they are stored without normalised values (each trial's normaliser_error provenance names the rule); please report it, and run 'renormalize' after an update";

    /// <summary>A command that works on what is stored: a path that names no database is a mistake, not a new database.</summary>
    internal static int? ExistingDatabase(IServiceProvider services, string why, TextWriter error)
    {
        // A PostgreSQL database is a server's: it exists or the connection says why not.
        if (services.GetRequiredService<EvidenceDatabase>() is not SqliteConnectionFactory { DatabasePath: var path } || File.Exists(path))
        {
            return null;
        }

        error.WriteLine($"error: there is no database at {path} ({why})");
        return ExitCodes.Usage;
    }
}
