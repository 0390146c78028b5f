using Microsoft.Playwright;

namespace TrialEvidence.Web.Tests;

/// <summary>The Table 1 page in headless Chromium: load, filter, export; a screenshot is kept as an artifact.</summary>
public sealed class Table1PageTests(RunningProduct product) : IClassFixture<RunningProduct>
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>Where the screenshot goes: TestResults/ beside the tests, or TRIALEVIDENCE_ARTIFACTS.</summary>
    public static readonly string Artifacts = Environment.GetEnvironmentVariable("TRIALEVIDENCE_ARTIFACTS")
        ?? Path.Combine(SharedData.RepositoryRoot, "tests", "Evidence.Web.Tests", "TestResults");

    /// <summary>Debian's Chromium, headless, with nothing that would try to reach the internet.</summary>
    public static BrowserTypeLaunchOptions LaunchOptions()
    {
        Assert.True(File.Exists(Chromium), $"browser tests need Chromium at {Chromium}: apt-get install chromium (.ci/run does)");
        // A page's first render on a loaded 2-core runner can take longer than Playwright's 5 s
        // default (a Table 1 comparison failed so once, with no element yet); a wrong page still
        // fails, only later.
        Assertions.SetDefaultExpectTimeout(20_000);
        return new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        };
    }

    /// <summary>
    /// Script errors and console errors of <paramref name="page"/>: a Content-Security-Policy
    /// violation (a script, style, font or request the policy refuses) and a failed load are console errors.
    /// </summary>
    public static List<string> CollectErrors(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        return errors;
    }

    private static async Task<(IPlaywright, IBrowser)> Launch()
    {
        var playwright = await Playwright.CreateAsync();
        return (playwright, await playwright.Chromium.LaunchAsync(LaunchOptions()));
    }

    [Fact]
    public async Task A_guideline_writer_loads_filters_and_exports_the_table()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, AcceptDownloads = true });
        var errors = CollectErrors(page);

        await page.GotoAsync(product.Address.ToString());
        await page.WaitForSelectorAsync("#table1 tbody tr");
        var allRows = await page.Locator("#table1 tbody tr").CountAsync();

        await Table1Page.Choose(page, "modality", "SBRT");
        await Table1Page.Choose(page, "target", "PD-1");
        // A locator, not WaitForFunction: that evaluates a string, which the page's policy (no eval) refuses.
        await Assertions.Expect(page.Locator("#table1 tbody tr")).ToHaveCountAsync(4);
        var ids = await page.Locator(Table1Page.RowIds).AllInnerTextsAsync();
        var firstLink = await page.Locator(Table1Page.RowIds).First.GetAttributeAsync("href");
        var registryLink = await page.Locator("#table1 tbody td[data-column=nct] a.registry").First.GetAttributeAsync("href");
        Directory.CreateDirectory(Artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "table1-page.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#exports a[data-format=csv]"));
        var csvPath = Path.Combine(Artifacts, "table1-export.csv");
        await download.SaveAsAsync(csvPath);

        Assert.True(allRows > ids.Count, $"the filter narrowed {allRows} rows to {ids.Count}");
        Assert.Equal(["NCT03203304", "NCT03316872", "NCT04167293", "NCT04547452"], ids); // NCT03203304's SBRT is in its titles
        Assert.Equal("/trials/NCT03203304", firstLink); // the trial's own page, with the registry beside
        Assert.Equal("https://clinicaltrials.gov/study/NCT03203304", registryLink);
        var csv = await File.ReadAllLinesAsync(csvPath);
        Assert.Equal(5, csv.Length);
        Assert.StartsWith("NCT number,Institution", csv[0], StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], (await File.ReadAllBytesAsync(csvPath))[..3]); // a BOM, so Excel reads UTF-8
        Assert.Contains(csv, line => line.StartsWith("NCT04547452,West China Hospital", StringComparison.Ordinal));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task A_search_with_no_match_says_so()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();

        await page.GotoAsync(product.Address.ToString());
        await page.WaitForSelectorAsync("#table1 tbody tr");
        await page.FillAsync("input[name=q]", "no-such-word-anywhere");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#empty", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible });

        Assert.Equal(0, await page.Locator("#table1 tbody tr").CountAsync());
    }

    [Fact]
    public async Task Any_rt_with_any_ici_is_one_choice_on_the_page()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        using var http = new HttpClient { BaseAddress = product.Address };
        var expected = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/trials?modality=any&target=any&pageSize=500"))
            .RootElement.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("nctId").GetString()).Order(StringComparer.Ordinal).ToList();

        await page.GotoAsync(product.Address.ToString());
        await page.WaitForSelectorAsync("#table1 tbody tr");
        await Table1Page.Choose(page, "modality", "any");
        await Table1Page.Choose(page, "target", "any");
        await Assertions.Expect(page.Locator("#table1 tbody tr")).ToHaveCountAsync(expected.Count);
        var ids = await page.Locator(Table1Page.RowIds).AllInnerTextsAsync();

        Assert.Contains("NCT04547452", expected); // SBRT + sintilimab in its structured interventions
        Assert.Equal(expected, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_reviewer_filters_by_the_patients_setting_and_the_address_keeps_the_view()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 700 } });
        var errors = CollectErrors(page);

        await page.GotoAsync(product.Address.ToString());
        await page.WaitForSelectorAsync("#table1 tbody tr");
        await Table1Page.Choose(page, "setting", "vascular invasion");
        await Assertions.Expect(page.Locator("#table1 tbody tr")).ToHaveCountAsync(1);
        var disease = await page.Locator("#table1 tbody td[data-column=disease]").InnerTextAsync();
        Assert.EndsWith("?setting=vascular+invasion", page.Url, StringComparison.Ordinal);

        // The address opens the same view: a bookmark, or a link sent to a colleague.
        var again = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 700 } });
        await again.GotoAsync(product.Address + "?modality=any&target=any");
        await Assertions.Expect(again.Locator("#facet-modality input[value=any]")).ToBeCheckedAsync();
        await Assertions.Expect(again.Locator(Table1Page.RowIds).First).ToHaveTextAsync("NCT03203304");
        Directory.CreateDirectory(Artifacts);
        await again.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "table1-any-rt-any-ici.png"), FullPage = true });

        Assert.Equal("Hepatocellular Carcinoma with vascular invasion", disease);
        Assert.True(await again.Locator("#facet-target input[value=any]").IsCheckedAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
