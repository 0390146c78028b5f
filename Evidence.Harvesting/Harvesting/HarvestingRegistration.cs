using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrialEvidence.ClinicalTrialsGov;
using TrialEvidence.Euctr;
using TrialEvidence.Fetching;
using TrialEvidence.Topics;
using TrialEvidence.Webhooks;
using TrialEvidence.Data.Configuration;

namespace TrialEvidence.Harvesting;

public static class HarvestingRegistration
{
    /// <summary>Topics (validated at start), the registry client, harvests and single-study fetches.</summary>
    public static IServiceCollection AddHarvesting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TopicsOptions>()
            .CheckKnownSettings(configuration.GetSection(TopicsOptions.Section), typeof(List<TopicOptions>))
            .Bind(configuration)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TopicsOptions>, TopicsValidation>();
        services.AddClinicalTrialsGov(configuration);
        services.AddEuctr(configuration);
        services.AddSingleton<HarvestRunStore>();
        services.AddTransient<RegistryDownload>();
        services.AddTransient<HarvestService>();
        services.AddSingleton<FetchStore>();
        services.AddTransient<StudyFetcher>();
        services.AddWebhooks(configuration);
        services.AddOptions<History.HistoryOptions>()
            .BindKnownSettings(configuration.GetSection(History.HistoryOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddTransient<History.StudyHistory>();
        return services;
    }
}
