using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using TrialEvidence.ClinicalTrialsGov;
using TrialEvidence.Data.Configuration;

namespace TrialEvidence.Webhooks;

public static class WebhookRegistration
{
    /// <summary>
    /// The webhooks' settings (checked at start) and store, and, in every process, their
    /// registration when the host starts: a webhook receives the changes stored after it was first
    /// configured, by this process (an import, say) or another.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhooksOptions>()
            .CheckKnownSettings(configuration.GetSection(WebhooksOptions.Section), typeof(List<WebhookOptions>))
            .Bind(configuration)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhooksOptions>, WebhooksValidation>();
        services.AddOptions<WebhookDeliveryOptions>()
            .BindKnownSettings(configuration.GetSection(WebhookDeliveryOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<WebhookStore>();
        services.AddHostedService<WebhookRegistrar>();
        return services;
    }

    /// <summary>The delivery of changes to the webhooks, for the processes that keep running (the API, the scheduler).</summary>
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services)
    {
        services.AddTransient<WebhookAttemptLog>();
        var client = services.AddHttpClient(WebhookDispatcher.ClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts govern
                client.DefaultRequestHeaders.UserAgent.ParseAdd(ClinicalTrialsGovRegistration.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        client.AddResilienceHandler(WebhookDispatcher.ClientName, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<WebhookDeliveryOptions>>().Value;
                if (options.MaxRetryAttempts > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetryAttempts,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = options.RetryBaseDelay,
                    });
                }

                pipeline.AddTimeout(options.AttemptTimeout);
            });
        // Inside the retries: every attempt passes it and is logged.
        client.AddHttpMessageHandler<WebhookAttemptLog>();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }

    /// <summary>Registers the configured webhooks when the host starts (after the database is migrated).</summary>
    private sealed class WebhookRegistrar(WebhookStore store, IOptions<WebhooksOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.Webhooks.Count > 0)
            {
                store.Register(options.Value.Webhooks.Select(w => w.Name));
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
