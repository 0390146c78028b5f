using Microsoft.Playwright;

namespace TrialEvidence.Web.Tests;

/// <summary>The product on ../shared/ctgov plus the WHO ICTRP export of ../shared/registries (COVID-19 trials of ChiCTR and ClinicalTrials.gov).</summary>
public sealed class RegistriesProduct : RunningProduct
{
    protected override void Seed(TempDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var summary = database.Import(SharedData.IctrpExport);
        Assert.Empty(summary.Rejections);
    }
}

/// <summary>
/// A reviewer opens a trial registered in China and finds the ClinicalTrials.gov record of what
/// looks like the same trial (similar titles, same hospital, no id cited), and follows it.
/// </summary>
public sealed class RegistryTrialPageTests(RegistriesProduct product) : IClassFixture<RegistriesProduct>
{
    [Fact]
    public async Task A_trial_page_names_another_registry_s_record_with_a_similar_title_and_leads_to_it()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Table1PageTests.LaunchOptions());
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = Table1PageTests.CollectErrors(page);

        await page.GotoAsync(new Uri(product.Address, "trials/ChiCTR2000030841").ToString());
        var suggestion = page.Locator("ul.similar-titles li");
        await Assertions.Expect(suggestion).ToHaveCountAsync(1);
        Directory.CreateDirectory(Table1PageTests.Artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Table1PageTests.Artifacts, "trial-similar-titles.png") });

        var text = await suggestion.InnerTextAsync();
        Assert.StartsWith("NCT04264858 ClinicalTrials.gov: Treatment of Acute Severe 2019-nCoV Pneumonia With Immunoglobulin From Cured Patients (Wuhan Union Hospital, China), title similarity 0.", text, StringComparison.Ordinal);
        Assert.Contains("check whether it is the same trial", await page.Locator("dd:has(ul.similar-titles) p.hint").InnerTextAsync(), StringComparison.Ordinal);

        await suggestion.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/trials/NCT04264858");
        await Assertions.Expect(page.Locator("ul.similar-titles li a")).ToHaveTextAsync("ChiCTR2000030841");
        // ICTRP gives this record's status in words, not as a ClinicalTrials.gov code: its timeline says so.
        Assert.Equal(["Not recruiting (when first stored)"], await page.Locator("#status-timeline li").AllInnerTextsAsync());
        Assert.Empty(errors);
    }
}
