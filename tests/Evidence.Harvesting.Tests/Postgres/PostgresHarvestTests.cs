using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrialEvidence.Data.Database;
using TrialEvidence.Harvesting;

namespace TrialEvidence.Harvesting.Tests.Postgres;

/// <summary>Harvests on PostgreSQL, against the replay registry, through the services as the programs register them.</summary>
public sealed class PostgresHarvestTests : ReplayRegistryTest
{
    private IHost Host(TempPostgresDatabase database)
    {
        var settings = HarvestTestHost.Settings(Registry.BaseAddress, "unused.db");
        settings["Database:Provider"] = "Postgres";
        settings["Database:ConnectionString"] = database.ConnectionString;
        return HarvestTestHost.Build(settings);
    }

    [SkippableFact]
    public async Task A_full_harvest_into_postgres_stores_what_importing_the_same_records_into_sqlite_stores()
    {
        using var database = new TempPostgresDatabase();
        using var host = Host(database);
        await host.StartAsync();

        var run = await host.Services.GetRequiredService<HarvestService>().HarvestAsync(HarvestTestHost.Everything);
        var again = await host.Services.GetRequiredService<HarvestService>().HarvestAsync(HarvestTestHost.Everything);

        Assert.Equal((HarvestOutcome.Succeeded, "full"), (run.Outcome, run.Kind));
        Assert.Equal(Registry.Studies.Count, run.StudiesNew);
        Assert.Equal((HarvestOutcome.Succeeded, "incremental", 0L), (again.Outcome, again.Kind, again.StudiesNew));
        using var copy = new TempDatabase();
        DatabaseCopy.Run(new(DatabaseProvider.Postgres, database.ConnectionString), new(DatabaseProvider.Sqlite, copy.Path), TimeProvider.System);
        using (var connection = copy.Open())
        {
            Assert.Equal(HarvestTestHost.ImportedContent(Registry), EvidenceContent.Rows(connection));
        }

        using var postgres = database.Open();
        Assert.Equal(
            Registry.Studies.Keys.Order(StringComparer.Ordinal),
            postgres.Query<string>("SELECT nct_id FROM topic_studies WHERE topic = 'everything' ORDER BY nct_id"));
        Assert.Equal(Registry.Studies.Count, postgres.ExecuteScalar<long>("SELECT count FROM facet_counts WHERE facet = 'topic' AND value = 'everything'"));
        await host.StopAsync();
    }

    [SkippableFact]
    public async Task A_second_run_of_a_topic_while_one_runs_is_refused_on_postgres_as_on_sqlite()
    {
        using var database = new TempPostgresDatabase();
        using var host = Host(database);
        await host.StartAsync();
        var runs = host.Services.GetRequiredService<HarvestRunStore>();
        var first = runs.TryStart(new HarvestRun { Topic = "t", Kind = "full", StartedAt = "2026-12-05T00:00:00Z", HarvestStartedAt = "2026-12-05T00:00:00Z", Outcome = HarvestOutcome.Running, Query = "{}", TopicQuery = "{}", Owner = "a" });

        var second = runs.TryStart(new HarvestRun { Topic = "t", Kind = "full", StartedAt = "2026-12-05T00:00:01Z", HarvestStartedAt = "2026-12-05T00:00:01Z", Outcome = HarvestOutcome.Running, Query = "{}", TopicQuery = "{}", Owner = "b" });

        Assert.NotNull(first);
        Assert.Null(second);
        await host.StopAsync();
    }
}
