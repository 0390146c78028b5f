using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Refit;
using TrialEvidence.Data.Configuration;

namespace TrialEvidence.ClinicalTrialsGov;

public static class ClinicalTrialsGovRegistration
{
    /// <summary>Name of the HttpClient and of its resilience pipeline.</summary>
    public const string ClientName = "clinicaltrials-gov";

    public static string UserAgent { get; } =
        $"TrialEvidence/{typeof(ClinicalTrialsGovRegistration).Assembly.GetName().Version?.ToString(3)} (clinical-trial evidence harvester)";

    /// <summary>
    /// Registers the registry client: Refit over HttpClient, then one resilience pipeline for all
    /// calls, outermost first: total timeout, retry (exponential back-off with jitter, Retry-After
    /// honoured up to MaxRetryDelay), circuit breaker, per-attempt timeout; then the body check,
    /// once per attempt. The crawl delay is kept on the connections themselves
    /// (<see cref="CrawlDelayStream"/>), where every request leaves, whoever sent it.
    /// </summary>
    public static IServiceCollection AddClinicalTrialsGov(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegistryOptions>()
            .BindKnownSettings(configuration.GetSection(RegistryOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // One limiter for the process: every request to the registry waits for its turn here,
        // whichever of the factory's handlers (they are replaced every few minutes) sends it.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RegistryOptions>>().Value;
            return new CrawlDelayRateLimiter(TimeSpan.FromSeconds(1 / options.RequestsPerSecond), sp.GetRequiredService<TimeProvider>());
        });
        services.AddTransient<ResponseValidationHandler>();

        var client = services.AddRefitGeneratedClient<IClinicalTrialsGovApi>()
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<RegistryOptions>>().Value;
                client.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/'));
                client.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts govern
                client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            })
            .ConfigurePrimaryHttpMessageHandler(ApiHandler);
        client.AddResilienceHandler(ClientName, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<RegistryOptions>>().Value;
                pipeline
                    .AddTimeout(options.TotalTimeout)
                    .AddRetry(Retry(context.ServiceProvider))
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = options.CircuitBreakerFailureRatio,
                        MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                        SamplingDuration = options.CircuitBreakerSamplingDuration,
                        BreakDuration = options.CircuitBreakerBreakDuration,
                        ShouldHandle = args => ValueTask.FromResult(RegistryFailures.IsTransient(args.Outcome)),
                    })
                    .AddTimeout(options.AttemptTimeout);
            });
        client.AddHttpMessageHandler<ResponseValidationHandler>();

        // The bulk download: the same pace and identity, retries of a request that fails before
        // its body starts; the body itself is streamed and resumed by RegistryDownload.
        services.AddRefitGeneratedClient<IClinicalTrialsGovDownload>()
            .ConfigureHttpClient((sp, download) =>
            {
                var options = sp.GetRequiredService<IOptions<RegistryOptions>>().Value;
                download.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/'));
                download.Timeout = Timeout.InfiniteTimeSpan;
                download.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PlaintextStreamFilter = CrawlDelayStream.Filter(sp.GetRequiredService<CrawlDelayRateLimiter>()),
            })
            .AddResilienceHandler(ClientName + "-download", RetryEachAttemptTimed); // timed until the headers: the body is read after the pipeline
        // The website's version history (History:Enabled): the site's root, the same pace, identity and retries.
        services.AddRefitGeneratedClient<History.IClinicalTrialsGovHistory>()
            .ConfigureHttpClient((sp, history) =>
            {
                var options = sp.GetRequiredService<IOptions<RegistryOptions>>().Value;
                history.BaseAddress = new Uri(new Uri(options.BaseUrl), "/");
                history.Timeout = Timeout.InfiniteTimeSpan;
                history.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                history.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            })
            .ConfigurePrimaryHttpMessageHandler(ApiHandler)
            .AddResilienceHandler(ClientName + "-history", RetryEachAttemptTimed);
        return services;
    }

    /// <summary>
    /// The connections of the API's and the website's JSON answers: a 301 for a retired NCT id is
    /// data to record, not a hop to take silently; the crawl delay sits below the handler's own
    /// re-sending of a request (see CrawlDelayStream).
    /// </summary>
    private static SocketsHttpHandler ApiHandler(IServiceProvider services) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PlaintextStreamFilter = CrawlDelayStream.Filter(services.GetRequiredService<CrawlDelayRateLimiter>()),
    };

    /// <summary>Retries with back-off, each attempt under the attempt timeout (no total timeout, no circuit breaker).</summary>
    private static void RetryEachAttemptTimed(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<RegistryOptions>>().Value;
        pipeline
            .AddRetry(Retry(context.ServiceProvider))
            .AddTimeout(options.AttemptTimeout);
    }

    /// <summary>Exponential back-off with jitter on transient failures, Retry-After honoured up to MaxRetryDelay, each retry logged.</summary>
    private static HttpRetryStrategyOptions Retry(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RegistryOptions>>().Value;
        return Retry(services, options.MaxRetryAttempts, options.RetryBaseDelay, options.MaxRetryDelay);
    }

    /// <summary>The retry strategy of every registry client (ClinicalTrials.gov's, EUCTR's, ICTRP's), with that registry's settings.</summary>
    internal static HttpRetryStrategyOptions Retry(IServiceProvider services, int maxRetryAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClinicalTrialsGovRegistration).FullName!);
        return new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = maxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = baseDelay,
            MaxDelay = maxDelay,
            ShouldHandle = args => ValueTask.FromResult(RegistryFailures.IsTransient(args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult(RegistryFailures.RetryAfter(args.Outcome, maxDelay, clock)),
            OnRetry = args =>
            {
                RegistryFailures.ReportRetry(log, args.Outcome, args.AttemptNumber + 1, maxRetryAttempts, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        };
    }
}
