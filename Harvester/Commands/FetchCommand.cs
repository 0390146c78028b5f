using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TrialEvidence.Data.Database;
using TrialEvidence.Fetching;

namespace TrialEvidence.Harvester.Commands;

/// <summary><c>fetch NCT########...</c>: fetches single studies now (ETag-aware, following retired ids).</summary>
internal static class FetchCommand
{
    public static Command Create(Option<string?> database)
    {
        var ids = new Argument<string[]>("nct-id") { Description = "NCT ids, e.g. NCT03482102", Arity = ArgumentArity.OneOrMore };
        var command = new Command("fetch", "Fetch single studies from ClinicalTrials.gov by NCT id") { ids, database };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = HarvesterHost.Build(Overrides.Database(parse.GetValue(database)), parse.UnmatchedTokens);
            host.Services.GetRequiredService<Migrator>().Migrate();
            var fetcher = host.Services.GetRequiredService<StudyFetcher>();
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var failed = 0;
            foreach (var id in parse.GetValue(ids)!)
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

            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
