using TrialEvidence.Webhooks;

namespace TrialEvidence.Harvesting.Tests.Webhooks;

public sealed class WebhooksValidationTests
{
    private static WebhookOptions Good() => new() { Name = "coordinator", Url = "https://example.org/hooks/trials", Secret = "sixteen-characters" };

    [Fact]
    public void A_well_formed_webhook_passes()
    {
        Assert.True(new WebhooksValidation().Validate(null, new WebhooksOptions { Webhooks = [Good()] }).Succeeded);
    }

    [Theory]
    [InlineData("Url", "ftp://example.org/x", "Url must be an absolute http or https address")]
    [InlineData("Url", "/relative", "Url must be an absolute http or https address")]
    [InlineData("Secret", "short", "Secret must be at least 16 characters")]
    [InlineData("Fields", "enrolment", "unknown field(s) 'enrolment'; fields are status, whyStopped, enrollment.count")]
    [InlineData("Name", "", "a name is 1-64 characters")]
    public void A_mistake_is_named_with_the_webhook(string setting, string value, string message)
    {
        var webhook = Good();
        switch (setting)
        {
            case "Url": webhook.Url = value; break;
            case "Secret": webhook.Secret = value; break;
            case "Fields": webhook.Fields = [value]; break;
            default: webhook.Name = value; break;
        }

        var result = new WebhooksValidation().Validate(null, new WebhooksOptions { Webhooks = [webhook] });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains(message, failure, StringComparison.Ordinal);
        Assert.StartsWith($"Webhook '{webhook.Name}'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_webhooks_with_one_name_are_refused()
    {
        var result = new WebhooksValidation().Validate(null, new WebhooksOptions { Webhooks = [Good(), Good()] });

        Assert.Contains("Webhook name 'coordinator' is used 2 times.", result.Failures!);
    }
}
