using Microsoft.Extensions.Hosting;

namespace TrialEvidence.Data.Database;

/// <summary>
/// Brings the database to the newest schema when its host starts, before any other hosted
/// service (the scheduler, the web server) touches it: registered first, so it runs first.
/// Every program migrates here, once per start, and nowhere else.
/// </summary>
internal sealed class DatabaseMigration(Migrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        migrator.Migrate();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
