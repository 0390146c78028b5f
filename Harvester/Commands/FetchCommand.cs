using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TrialEvidence.Fetching;

namespace TrialEvidence.Harvester.Commands;

/// <summary><c>fetch NCT########...</c>: fetches single studies now (ETag-aware, following retired ids).</summary>
internal static class FetchCommand
{
    public static Command Create(HarvesterHost host)
    {
        var ids = new Argument<string[]>("nct-id") { Description = "NCT ids, e.g. NCT03482102", Arity = ArgumentArity.OneOrMore }
            .RefusingUnknownOptions().OfNctIds();
        var command = new Command("fetch", "Fetch single studies from ClinicalTrials.gov by NCT id") { ids, host.Database };
        command.SetAction((parse, cancellationToken) => host.RunAsync(
            parse,
            (services, token) => RunAsync(services, parse.GetValue(ids)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, token),
            cancellationToken));
        return command;
    }

    /// <returns>0 when every id was fetched, 1 when one failed (the others are still fetched).</returns>
    private static async Task<int> RunAsync(IServiceProvider services, string[] ids, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var fetcher = services.GetRequiredService<StudyFetcher>();
        var failed = 0;
        foreach (var id in ids)
        {
            try
            {
                var result = await fetcher.FetchAsync(id, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(result.RetiredInto is null
                    ? $"{result.NctId}: {result.Outcome}"
                    : $"{result.RequestedNctId}: retired, replaced by {result.RetiredInto}: {result.Outcome}").ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One id failing (unknown, malformed, registry down) is reported and the rest go on.
                failed++;
                await error.WriteLineAsync($"error: {id}: {ex.GetBaseException().Message}").ConfigureAwait(false);
            }
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
