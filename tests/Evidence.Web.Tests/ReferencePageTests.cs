using Microsoft.Playwright;

namespace TrialEvidence.Web.Tests;

/// <summary>The interactive API reference renders in headless Chromium under its Content-Security-Policy.</summary>
public sealed class ReferencePageTests(RunningProduct product) : IClassFixture<RunningProduct>
{
    [Fact]
    public async Task The_api_reference_renders_the_endpoints_under_its_content_security_policy()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Table1PageTests.LaunchOptions());
        var page = await browser.NewPageAsync();
        var errors = Table1PageTests.CollectErrors(page);

        await page.GotoAsync(new Uri(product.Address, "api/reference").ToString());
        await page.GetByText("/api/trials/{nctId}/raw").First.WaitForAsync();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
