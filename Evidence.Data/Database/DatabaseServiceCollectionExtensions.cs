using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Database;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers the evidence database (options from the "Database" section, validated at start) and its writers.</summary>
    public static IServiceCollection AddEvidenceDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteConnectionFactory(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton<Migrator>();
        services.AddSingleton<StudyWriter>();
        services.AddSingleton<StudyImporter>();
        return services;
    }
}
