using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Api.Tests.Infrastructure;

/// <summary>What starting the API does to its database.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Starting_on_a_new_file_creates_it_and_applies_every_migration()
    {
        var folder = Path.Combine(Path.GetTempPath(), "trialevidence-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "new", "evidence.db");
        try
        {
            using (var factory = new FreshDatabaseFactory(path))
            {
                using var client = factory.CreateClient();
                using var response = await client.GetAsync("/api/trials");
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            }

            using var connection = new SqliteConnection($"Data Source={path}");
            connection.Open();
            var applied = connection.Query<int>("SELECT version FROM schema_migrations ORDER BY version").ToList();
            Assert.Equal(Migration.Embedded.Select(m => m.Version), applied);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>On PostgreSQL, a new empty database gets every one of PostgreSQL's migrations.</summary>
    [SkippableFact]
    public async Task Starting_on_a_new_postgres_database_applies_every_migration()
    {
        using var database = new TempPostgresDatabase(migrate: false);
        using (var factory = new FreshDatabaseFactory(new Dictionary<string, string>
               {
                   ["Database:Provider"] = "Postgres",
                   ["Database:ConnectionString"] = database.ConnectionString,
               }))
        {
            using var client = factory.CreateClient();
            using var response = await client.GetAsync("/api/trials");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        using var connection = database.Open();
        var applied = connection.Query<int>("SELECT version FROM schema_migrations ORDER BY version").ToList();
        Assert.Equal(Migration.EmbeddedPostgres.Select(m => m.Version), applied);
    }

    private sealed class FreshDatabaseFactory(Dictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        public FreshDatabaseFactory(string path)
            : this(new Dictionary<string, string> { ["Database:Path"] = path })
        {
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Scheduler:Enabled", "false");
        }
    }
}
