using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrialEvidence.Data.Configuration;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Ingest;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Database;

public static class DatabaseRegistration
{
    /// <summary>
    /// The evidence database: options from the "Database" and "Ingest" sections (validated at start), the
    /// migration that runs when the host starts (before any hosted service starts),
    /// and the ingest path every writer of studies goes through.
    /// </summary>
    public static IServiceCollection AddEvidenceDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .BindKnownSettings(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<EvidenceDatabase>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value is { Provider: DatabaseProvider.Postgres } postgres
            ? new PostgresDatabase(postgres.ConnectionString!)
            : new SqliteConnectionFactory(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        // What only SQLite serves so far (the API's reads, issue 15): refused by name on PostgreSQL.
        services.AddSingleton(sp => sp.GetRequiredService<EvidenceDatabase>() as SqliteConnectionFactory
            ?? throw new NotSupportedException("this part of TrialEvidence reads SQLite only so far: Database:Provider must be Sqlite"));
        services.AddSingleton<Migrator>();
        services.AddHostedService<DatabaseMigration>();
        services.AddSingleton<StudyWriter>();
        services.AddSingleton<StudyIngest>();
        services.AddOptions<IngestOptions>()
            .BindKnownSettings(configuration.GetSection(IngestOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new StudyImporter(sp.GetRequiredService<StudyIngest>())
        {
            MaxRecordBytes = sp.GetRequiredService<IOptions<IngestOptions>>().Value.MaxRecordBytes,
        });
        services.AddSingleton<ImportRuns>();
        services.AddSingleton<Normalisation.Renormaliser>();
        services.AddSingleton<Changes.ChangeBackfill>();
        services.AddSingleton<Changes.ChangeLog>();
        return services;
    }
}
