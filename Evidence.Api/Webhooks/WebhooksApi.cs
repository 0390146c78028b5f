using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Webhooks;

namespace TrialEvidence.Api.Webhooks;

/// <summary>/api/webhooks: the configured receivers (never their secrets) and the delivery log.</summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapValidatedGroup("/api/webhooks", "Webhooks");
        group.MapGet("/", List).WithSummary("The configured webhooks: name, receiving host, topics and fields (never the secret)");
        group.MapGet("/deliveries", Deliveries).WithSummary("The delivery log, newest first: each delivery's changes, attempts, last answer, and when it was delivered or is next due");
        return routes;
    }

    private static Ok<List<WebhookSummary>> List(IOptions<WebhooksOptions> options) =>
        TypedResults.Ok(options.Value.Webhooks.ConvertAll(w => new WebhookSummary(w.Name, new Uri(w.Url).Host, w.Topics, w.Fields)));

    private static Ok<IReadOnlyList<WebhookDeliveryLog>> Deliveries([AsParameters] DeliveryLogRequest request, WebhookStore store) =>
        TypedResults.Ok(store.Log(request.Webhook, request.Limit));
}

/// <summary>A webhook as the API shows it: where it delivers (the host only: a URL may carry a token) and what.</summary>
public sealed record WebhookSummary(string Name, string Host, IReadOnlyList<string> Topics, IReadOnlyList<string> Fields);

/// <param name="Webhook">One webhook's deliveries only.</param>
/// <param name="Limit">At most this many (1 to 1000).</param>
public sealed record DeliveryLogRequest(
    [FromQuery(Name = "webhook")] string? Webhook = null,
    [FromQuery(Name = "limit")] int Limit = 100) : IValidatedRequest
{
    public void Validate(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Limit is < 1 or > 1000)
        {
            errors["limit"] = ["must be 1 to 1000"];
        }

        if (Webhook is { Length: 0 or > 64 })
        {
            errors["webhook"] = ["a webhook's name, 1 to 64 characters"];
        }
    }
}
