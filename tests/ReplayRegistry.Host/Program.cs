using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using TrialEvidence.ReplayRegistry;

// Runs the replay registry on its own, e.g. to point the harvester at it by hand:
//   dotnet run --project tests/ReplayRegistry.Host -- --data ../shared/ctgov --urls http://127.0.0.1:5099
// and EUCTR's search and download over a full-text download file, with --euctr <file>.
var arguments = new ConfigurationBuilder().AddCommandLine(args).Build();
if (arguments["data"] is not { } dataFolder)
{
    Console.Error.WriteLine("Usage: ReplayRegistry.Host --data <folder of recorded studies> [--euctr <EUCTR full-text download file>] [--urls http://127.0.0.1:5099]");
    return 2;
}

var options = new ReplayRegistryOptions
{
    ListenUrl = new Uri(arguments["urls"] ?? "http://127.0.0.1:5099"),
    EuctrFullText = arguments["euctr"] is { } euctr ? [euctr] : [],
};
await using var server = await ReplayRegistryServer.StartAsync(dataFolder, options);
Console.WriteLine($"Replaying {server.Studies.Count} studies from {Path.GetFullPath(dataFolder)}");
Console.WriteLine($"Base address: {server.BaseAddress}  (Ctrl+C stops)");

var stopped = new TaskCompletionSource();
void Stop(PosixSignalContext signal)
{
    signal.Cancel = true; // stop here, disposing the server, rather than being killed
    stopped.TrySetResult();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
await stopped.Task;
return 0;
