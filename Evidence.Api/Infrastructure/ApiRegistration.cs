using TrialEvidence.Api.Table1;
using TrialEvidence.Api.Trials;
using TrialEvidence.Data.Configuration;

namespace TrialEvidence.Api.Infrastructure;

public static class ApiRegistration
{
    /// <summary>
    /// The API's own services: ProblemDetails for every error (whatever the Accept header),
    /// binding failures as 400s, the "Api" options, and the features' reads.
    /// </summary>
    public static IServiceCollection AddEvidenceApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails(BadInput.Describe);
        // After the framework's writer, which declines requests that do not accept JSON.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOptions<ApiOptions>()
            .BindKnownSettings(configuration.GetSection(ApiOptions.Section))
            .ValidateDataAnnotations()
            // An empty key is no key: harvests on demand are switched off, as the message says.
            .PostConfigure(options => options.HarvestApiKey = string.IsNullOrWhiteSpace(options.HarvestApiKey) ? null : options.HarvestApiKey)
            .Validate(ApiOptions.KeyIsValid, ApiOptions.KeyRule)
            .ValidateOnStart();
        services.AddSingleton<DataVersionWatcher>();
        services.AddSingleton<ReadCache>();
        services.AddSingleton<FacetSnapshots>();
        services.AddSingleton<TrialReads>();
        services.AddSingleton<Table1Reads>();
        services.AddSingleton<AsOfSnapshots>();
        return services;
    }
}
