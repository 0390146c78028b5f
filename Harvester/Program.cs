using System.CommandLine;
using TrialEvidence.Harvester;

// Commands turn the failures they expect into one line and an exit code; anything else still
// ends as one line here, never as a stack trace (the log has the details where there is one).
try
{
    return await HarvesterCli.Build().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("cancelled");
    return 130;
}
#pragma warning disable CA1031 // the last line of defence: report, do not crash with a trace
catch (Exception ex)
#pragma warning restore CA1031
{
    await Console.Error.WriteLineAsync($"error: {ex.GetBaseException().Message}");
    return 1;
}
