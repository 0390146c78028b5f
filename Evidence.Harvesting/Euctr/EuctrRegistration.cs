using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Refit;
using TrialEvidence.ClinicalTrialsGov;
using TrialEvidence.Data.Configuration;

namespace TrialEvidence.Euctr;

public static class EuctrRegistration
{
    /// <summary>Name of the HttpClient and of its resilience pipeline.</summary>
    public const string ClientName = "euctr";

    /// <summary>
    /// Registers the EUCTR client as ClinicalTrials.gov's is made: Refit over HttpClient, a
    /// resilience pipeline of retries (back-off with jitter, Retry-After honoured) around a
    /// per-attempt timeout, then the body check once per attempt; a crawl delay of its own on the
    /// connections, so the two registries are paced apart.
    /// </summary>
    public static IServiceCollection AddEuctr(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EuctrOptions>()
            .BindKnownSettings(configuration.GetSection(EuctrOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EuctrOptions>>().Value;
            return new EuctrPace(new CrawlDelayRateLimiter(TimeSpan.FromSeconds(1 / options.RequestsPerSecond), sp.GetRequiredService<TimeProvider>()));
        });
        services.AddTransient<EuctrResponseCheck>();
        var client = services.AddRefitGeneratedClient<IEuctrApi>()
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<EuctrOptions>>().Value;
                client.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/'));
                client.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts govern
                client.DefaultRequestHeaders.UserAgent.ParseAdd(ClinicalTrialsGovRegistration.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PlaintextStreamFilter = CrawlDelayStream.Filter(sp.GetRequiredService<EuctrPace>().Limiter),
            });
        client.AddResilienceHandler(ClientName, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<EuctrOptions>>().Value;
                pipeline
                    .AddRetry(ClinicalTrialsGovRegistration.Retry(context.ServiceProvider, options.MaxRetryAttempts, options.RetryBaseDelay, options.MaxRetryDelay))
                    .AddTimeout(options.AttemptTimeout);
            });
        client.AddHttpMessageHandler<EuctrResponseCheck>();
        return services;
    }
}

/// <summary>EUCTR's crawl delay: one limiter for the process, apart from ClinicalTrials.gov's.</summary>
public sealed class EuctrPace(CrawlDelayRateLimiter limiter) : IDisposable
{
    public CrawlDelayRateLimiter Limiter { get; } = limiter;

    public void Dispose() => Limiter.Dispose();
}
