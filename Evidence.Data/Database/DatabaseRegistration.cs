using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Ingest;
using TrialEvidence.Data.Studies;
using TrialEvidence.Data.Configuration;

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
            // Issue 15 in progress: the schema, its migrations and `copy` serve PostgreSQL; the
            // API's and the commands' reads and writes do not yet. Refused, not quietly SQLite.
            .Validate(
                o => o.Provider == DatabaseProvider.Sqlite,
                "Database:Provider Postgres is not served by the API and the harvester's commands yet (only by 'copy'): use Sqlite")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteConnectionFactory(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
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
