using TrialEvidence.Data.Database;
using TrialEvidence.Harvester;

// Commands turn the failures they expect into one line and an exit code; anything else still
// ends as one line here, never as a stack trace (the log has the details where there is one).
try
{
    return await HarvesterCli.RunAsync(args, Console.Out, Console.Error);
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("cancelled");
    return ExitCodes.Cancelled;
}
#pragma warning disable CA1031 // the last line of defence: report, do not crash with a trace
catch (Exception ex)
#pragma warning restore CA1031
{
    await Console.Error.WriteLineAsync($"error: {(DatabaseUnavailableException.FindIn(ex) ?? ex.GetBaseException()).Message}");
    return ExitCodes.Failed;
}
