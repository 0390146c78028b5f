using Microsoft.Extensions.Hosting;

namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// Replaces the console lifetime, which would take over Ctrl+C and SIGTERM of the process hosting
/// the server (a test runner); the server stops when it is disposed, and Program.cs handles signals.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
