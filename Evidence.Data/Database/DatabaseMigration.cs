using Microsoft.Extensions.Hosting;

namespace TrialEvidence.Data.Database;

/// <summary>
/// Brings the database to the newest schema when its host starts: in StartingAsync, which the
/// host runs for every lifecycle service before any hosted service's StartAsync, so the
/// scheduler and the web server find the schema in place whatever order they were registered
/// in. Every program migrates here, once per start, and nowhere else.
/// </summary>
internal sealed class DatabaseMigration(Migrator migrator) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        migrator.Migrate();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
