using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using TrialEvidence.Data.Changes;

namespace TrialEvidence.Webhooks;

/// <summary>
/// One receiver of changes, from the "Webhooks" array of the settings: every change stored after
/// it was first configured (in any process: the API, the scheduler, an import) is POSTed to
/// <see cref="Url"/>, signed with <see cref="Secret"/>, narrowed to <see cref="Topics"/> and
/// <see cref="Fields"/> when given. Give the secret outside the repository, e.g. the environment
/// variable TRIALEVIDENCE_Webhooks__0__Secret.
/// </summary>
public sealed class WebhookOptions
{
    public string Name { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    /// <summary>The key of the body's HMAC-SHA256 (X-TrialEvidence-Signature); at least 16 characters.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>Only changes of trials in these topics (none: every trial).</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>Only changes of these fields (none: every field): status, enrollment.count, sites, ...</summary>
    public List<string> Fields { get; set; } = [];
}

/// <summary>The "Webhooks" section: every configured receiver (bound from the configuration root, as a list).</summary>
public sealed class WebhooksOptions
{
    public const string Section = nameof(Webhooks);

    public List<WebhookOptions> Webhooks { get; set; } = [];
}

/// <summary>How changes are delivered: the "WebhookDelivery" section.</summary>
public sealed class WebhookDeliveryOptions
{
    public const string Section = "WebhookDelivery";

    /// <summary>How often the database is asked for changes not yet delivered (a cheap look at one index).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many changes in one POST.</summary>
    [Range(1, 1000)]
    public int MaxChangesPerDelivery { get; set; } = 100;

    /// <summary>One POST's time limit.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Quick retries of a failed POST (exponential back-off with jitter from RetryBaseDelay), before it waits for a later round.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After a round of retries fails, the next round waits twice as long as the last, up to this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan MaxRoundDelay { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Checks the webhooks at start-up: names, addresses, secrets, topics and fields.</summary>
public sealed class WebhooksValidation : IValidateOptions<WebhooksOptions>
{
    public const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, WebhooksOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var duplicate in options.Webhooks.GroupBy(w => w.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"Webhook name '{duplicate.Key}' is used {duplicate.Count()} times.");
        }

        foreach (var webhook in options.Webhooks)
        {
            var label = $"Webhook '{webhook.Name}'";
            if (string.IsNullOrWhiteSpace(webhook.Name) || webhook.Name.Length > 64)
            {
                errors.Add($"{label}: a name is 1-64 characters.");
            }

            if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add($"{label}: Url must be an absolute http or https address.");
            }

            if (webhook.Secret.Length < MinSecretLength)
            {
                errors.Add($"{label}: Secret must be at least {MinSecretLength} characters (receivers check each body's signature with it).");
            }

            var unknown = webhook.Fields.Where(f => !ChangeFields.IsKnown(f)).ToList();
            if (unknown.Count > 0)
            {
                errors.Add($"{label}: unknown field(s) {string.Join(", ", unknown.Select(f => $"'{f}'"))}; fields are {string.Join(", ", ChangeFields.All)}.");
            }

            if (webhook.Topics.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{label}: a topic name is empty.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
