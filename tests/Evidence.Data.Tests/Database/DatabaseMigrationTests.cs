using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Data.Tests.Database;

/// <summary>The migration a host runs when it starts, as the API and every command-line command start one.</summary>
public sealed class DatabaseMigrationTests
{
    [Fact]
    public async Task The_database_is_migrated_before_any_hosted_service_starts_whatever_the_registration_order()
    {
        using var database = new TempDatabase(migrateTo: 0);
        var seen = new List<int>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection([new("Database:Path", database.Path)]);
        // Registered before the database, as a scheduler or a web server may be.
        builder.Services.AddHostedService(_ => new SchemaProbe(database.Migrator, seen));
        builder.Services.AddEvidenceDatabase(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal([Migration.Embedded[^1].Version], seen);
    }

    [Fact]
    public async Task Starting_a_host_brings_a_new_database_to_the_newest_schema()
    {
        using var database = new TempDatabase(migrateTo: 0);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection([new("Database:Path", database.Path)]);
        builder.Services.AddEvidenceDatabase(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();

        Assert.Empty(database.Migrator.Migrate());
    }

    /// <summary>A hosted service that notes the schema version it finds when it starts.</summary>
    private sealed class SchemaProbe(Migrator migrator, List<int> seen) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            seen.Add(migrator.CurrentVersion());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
