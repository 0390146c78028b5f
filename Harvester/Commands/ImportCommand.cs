using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Normalisation;

namespace TrialEvidence.Harvester.Commands;

/// <summary><c>import &lt;path&gt;... [--db file]</c>: registry JSON files, folders or zips into the evidence database.</summary>
internal static class ImportCommand
{
    private const int RejectionsPrinted = 50;

    public static Command Create(HarvesterHost host)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "JSON files (single study, search page or array download), folders (searched recursively) or zips",
            Arity = ArgumentArity.OneOrMore,
        }.RefusingUnknownOptions().OfExistingPaths();
        var command = new Command("import", "Import ClinicalTrials.gov API v2 records from files, folders or zips") { paths, host.Database };
        command.SetAction((parse, cancellationToken) => host.RunAsync(
            parse,
            (services, token) => Task.FromResult(Run(services, parse.GetValue(paths)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, token)),
            cancellationToken));
        return command;
    }

    /// <returns>0 when everything was imported, 1 when some input was rejected, 2 when the import could not run, 130 when cancelled.</returns>
    private static int Run(IServiceProvider services, string[] paths, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var importer = services.GetRequiredService<StudyImporter>();
        var skipped = 0;
        var clock = Stopwatch.StartNew();
        var progress = new ThrottledProgress<ImportSummary>(value => error.WriteLine(
            $"  ... {value.Sources:N0} file(s), {value.Read:N0} studies read ({value.Read / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s), " +
            $"{value.Counts.New:N0} new, {value.Counts.Changed:N0} changed, {value.Counts.Rejected + value.RejectedSources:N0} rejected"));
        // Recorded like a harvest, so the page shows what was imported, when, and how it ended.
        var runs = services.GetRequiredService<ImportRuns>();
        var run = runs.Start(paths.Select(Path.GetFullPath)); // where on this machine, whatever the working folder was
        ImportSummary summary;
        try
        {
            output.WriteLine($"Importing into {services.GetRequiredService<EvidenceDatabase>().Description}");
            summary = importer.Import(RecordSource.Expand(paths, _ => skipped++), progress, cancellationToken: cancellationToken);
        }
        catch (FileNotFoundException ex)
        {
            // The paths were there when the command line was read; one removed since is named here.
            runs.Finish(run, ImportOutcome.Failed, progress.Latest, ex.Message);
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            runs.Finish(run, ImportOutcome.Interrupted, progress.Latest, "cancelled; the batches written before are kept");
            error.WriteLine("Import cancelled. Every batch written so far is kept; run the same import again to finish it.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is not System.Data.Common.DbException)
        {
            // A failure of the database itself leaves the row running: it could not be written either.
            runs.Finish(run, ImportOutcome.Failed, progress.Latest, ex.Message);
            throw;
        }

        runs.Finish(run, ImportOutcome.Succeeded, summary, summary.Rejections.Count > 0 ? $"{summary.Rejections.Count:N0} rejected; the first: {summary.Rejections[0]}" : null);
        foreach (var rejection in summary.Rejections.Take(RejectionsPrinted))
        {
            error.WriteLine($"rejected: {rejection}");
        }

        if (summary.Rejections.Count > RejectionsPrinted)
        {
            error.WriteLine($"... and {summary.Rejections.Count - RejectionsPrinted:N0} more rejections");
        }

        output.WriteLine(
            $"Done in {clock.Elapsed.TotalSeconds:N1} s: {summary.Sources:N0} file(s), {summary}" +
            (summary.Counts.ChangedOlder > 0 ? $"; {summary.Counts.ChangedOlder:N0} changed version(s) were older than the stored one and kept as history" : string.Empty) +
            (skipped > 0 ? $"; {skipped:N0} file(s) of no registry format passed over" : string.Empty));
        if (services.GetRequiredService<Renormaliser>().Failed(StudyNormaliser.Embedded.VocabularyVersion) is > 0 and var failed)
        {
            error.WriteLine($"warning: {RenormalizeCommand.NormaliserFailed(failed)}");
        }

        if (summary.Sources == 0)
        {
            output.WriteLine("Nothing to import: no .json or .zip files were found.");
        }

        return summary.Rejections.Count > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }
}
