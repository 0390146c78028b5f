using Microsoft.Playwright;

namespace TrialEvidence.Web.Tests;

/// <summary>
/// The product on ../shared/ctgov plus two later versions of NCT05147467 (recruiting, 75
/// estimated): the target raised to 90, then recruitment closed at 68 actual (and a site added first).
/// </summary>
public sealed class ChangedTrialProduct : RunningProduct
{
    protected override void Seed(TempDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.Import(database.WriteFile("v2.json", LaterVersion.OfShared("NCT05147467", "2024-03-15", LaterVersion.Enrollment(90, "ESTIMATED"))));
        database.Import(database.WriteFile("v3.json", LaterVersion.OfShared("NCT05147467", "2024-09-30", LaterVersion.Status("ACTIVE_NOT_RECRUITING") + LaterVersion.Enrollment(68, "ACTUAL")
            + LaterVersion.SiteFirst("Peking University Cancer Hospital", "Beijing", "China"))));
    }
}

/// <summary>A research coordinator opens a trial's page and the changes across trials; screenshots are kept as artifacts.</summary>
public sealed class TrialPageTests(ChangedTrialProduct product) : IClassFixture<ChangedTrialProduct>
{
    private static async Task<(IPlaywright, IBrowser)> Launch()
    {
        var playwright = await Playwright.CreateAsync();
        return (playwright, await playwright.Chromium.LaunchAsync(Table1PageTests.LaunchOptions()));
    }

    [Fact]
    public async Task A_trial_page_shows_enrollment_over_time_with_the_first_estimate_and_the_target_and_each_change()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = Table1PageTests.CollectErrors(page);

        // From the Table 1 page, as a person gets there.
        await page.GotoAsync(product.Address + "?q=APG-2575");
        // The trial's own link, waited for: clicking whichever row came first once waited 30 s
        // for this trial's page in vain on a loaded runner (CI of ab6914c), and so did a click
        // on this trial's link while the page was still rendering its search's answer (CI of
        // 5f193c9): the click waits until the page has no request in flight.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator(Table1Page.RowIds).Filter(new LocatorFilterOptions { HasText = "NCT05147467" }).ClickAsync();
        await page.WaitForURLAsync("**/trials/NCT05147467");
        await Assertions.Expect(page.Locator("#enrollment-chart circle")).ToHaveCountAsync(3);

        Directory.CreateDirectory(Table1PageTests.Artifacts);
        await page.Locator("#enrollment").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Table1PageTests.Artifacts, "trial-enrollment-chart.png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Table1PageTests.Artifacts, "trial-page.png"), FullPage = true });

        var caption = await page.Locator("#enrollment-caption").InnerTextAsync();
        Assert.Contains("first estimate 75 (2024-01-23)", caption, StringComparison.Ordinal);
        Assert.Contains("target 90 (2024-03-15)", caption, StringComparison.Ordinal);
        Assert.Contains("actual 68 (2024-09-30)", caption, StringComparison.Ordinal);
        var labels = await page.Locator("#enrollment-chart text.label").AllTextContentsAsync();
        Assert.Equal(["actual 68", "first estimate 75", "target 90"], labels.Order(StringComparer.Ordinal));
        Assert.Equal(2, await page.Locator("#enrollment-chart circle.estimated").CountAsync());
        Assert.Equal(1, await page.Locator("#enrollment-chart circle.actual").CountAsync());
        Assert.Equal(1, await page.Locator("#enrollment-chart line.target").CountAsync());
        Assert.Equal(["Recruiting (when first stored)", "Active, not recruiting (from 2024-09-30)"], await page.Locator("#status-timeline li").AllInnerTextsAsync());

        var rows = await page.Locator("#changes tbody tr").AllInnerTextsAsync();
        Assert.Equal(5, rows.Count);
        Assert.StartsWith("2024-09-30\tstatus\tRecruiting\tActive, not recruiting", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.StartsWith("2024-03-15\tenrollment.count\t75\t90", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("2024-09-30\tenrollment.count\t90\t68", StringComparison.Ordinal));
        Assert.Equal("https://clinicaltrials.gov/study/NCT05147467", await page.Locator("#facts a").First.GetAttributeAsync("href"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task A_reviewer_sees_where_each_value_came_from_compares_two_versions_and_reads_the_raw_json()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = Table1PageTests.CollectErrors(page);

        // SBRT in NCT03203304 is in its official title only: a value read from free text.
        await page.GotoAsync(product.Address + "trials/NCT03203304");
        await Assertions.Expect(page.Locator("#provenance tbody tr")).Not.ToHaveCountAsync(0);
        var sbrt = page.Locator("#provenance tbody tr:has(td:nth-child(2):text-is('SBRT'))");
        Assert.Equal(["RT modality", "SBRT", "identificationModule.officialTitle", "“Stereotactic Body Radiotherapy”", "free text"], await sbrt.Locator("td").AllInnerTextsAsync());
        Assert.Equal("structured", await page.Locator("#provenance tbody tr:has(td:nth-child(2):text-is('nivolumab'))").Locator("td").Last.InnerTextAsync());
        Assert.Contains("Normalised with vocabulary", await page.Locator("#vocabulary").InnerTextAsync(), StringComparison.Ordinal);

        // NCT05147467 has three versions: the last two compared by default.
        await page.GotoAsync(product.Address + "trials/NCT05147467");
        await Assertions.Expect(page.Locator("#versions li")).ToHaveCountAsync(3);
        await page.ClickAsync("#compare button[type=submit]");
        await Assertions.Expect(page.Locator("#diff")).ToBeVisibleAsync();
        var diff = await page.Locator("#diff tbody tr").AllInnerTextsAsync();
        await page.Locator("#raw summary").ClickAsync();
        await Assertions.Expect(page.Locator("#raw pre")).ToContainTextAsync("\"nctId\": \"NCT05147467\"");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Table1PageTests.Artifacts, "trial-versions.png"), FullPage = true });

        Assert.Contains("protocolSection.statusModule.overallStatus\tRECRUITING\tACTIVE_NOT_RECRUITING", diff);
        Assert.Contains("protocolSection.designModule.enrollmentInfo.count\t90\t68", diff);
        Assert.DoesNotContain(diff, row => row.StartsWith("protocolSection.identificationModule.nctId", StringComparison.Ordinal));
        // The new site is one site added, named by its facility and city; the sites after it are not "changed".
        Assert.Contains("protocolSection.contactsLocationsModule.locations[Peking University Cancer Hospital, Beijing].facility\t(absent)\tPeking University Cancer Hospital", diff);
        Assert.DoesNotContain(diff, row => row.Contains("locations[Sun Yat-sen University Cancer Center", StringComparison.Ordinal));
        Assert.Contains("update posted 2024-03-15", await page.Locator("#from").EvaluateAsync<string>("e => e.selectedOptions[0].text"), StringComparison.Ordinal);

        // Any two: the first and the last.
        await page.SelectOptionAsync("#from", new SelectOptionValue { Index = 0 });
        await page.ClickAsync("#compare button[type=submit]");
        var enrollment = page.Locator("#diff tbody tr", new() { HasText = "enrollmentInfo.count" });
        await Assertions.Expect(enrollment.Locator("td.old")).ToHaveTextAsync("75");
        Assert.Equal(["protocolSection.designModule.enrollmentInfo.count", "75", "68"], await enrollment.Locator("td").AllInnerTextsAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_changes_page_lists_changes_across_trials_with_links_to_each_trial_and_its_feed()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = Table1PageTests.CollectErrors(page);

        await page.GotoAsync(product.Address + "changes?since=2000-01-01");
        await Assertions.Expect(page.Locator(".change-group")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Table1PageTests.Artifacts, "changes-page.png"), FullPage = true });

        Assert.Equal("/trials/NCT05147467", await page.Locator(".change-group h2 a").First.GetAttributeAsync("href"));
        Assert.Equal("/api/changes.atom?since=2000-01-01", await page.Locator("#atom").GetAttributeAsync("href"));
        Assert.Equal(["status: Recruiting → Active, not recruiting", "enrollment.count: 90 → 68", "enrollment.type: Estimated → Actual", "sites: — → Peking University Cancer Hospital, Beijing, China"],
            await page.Locator(".change-group").First.Locator("li").AllInnerTextsAsync());

        await page.SelectOptionAsync("select[name=field]", "status");
        await page.ClickAsync("#change-filters button[type=submit]");
        await Assertions.Expect(page.Locator(".change-group li")).ToHaveCountAsync(1);
        Assert.Contains("field=status", page.Url, StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Table_1_compared_to_a_date_marks_the_cells_that_changed_and_its_word_export_carries_the_marks()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, AcceptDownloads = true });
        var errors = Table1PageTests.CollectErrors(page);

        await page.GotoAsync(product.Address + "?q=APG-2575&compareTo=2024-06-01");
        await Assertions.Expect(page.Locator("#table1 td.changed")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Table1PageTests.Artifacts, "table1-compared.png"), FullPage = true });

        Assert.Equal(["2024-06-01: Recruiting", "2024-06-01: 90 (estimated); first estimate 75"], (await page.Locator("#table1 td.changed .was").AllInnerTextsAsync()).Reverse());
        Assert.Contains("Marked cells changed since the registry as of 2024-06-01", await page.Locator("#count").InnerTextAsync(), StringComparison.Ordinal);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#exports a[data-format=docx]"));
        var path = Path.Combine(Table1PageTests.Artifacts, "table1-compared.docx");
        await download.SaveAsAsync(path);
        Assert.Contains("compareTo=2024-06-01", download.Url, StringComparison.Ordinal);
        Assert.True(new FileInfo(path).Length > 0);

        await page.FillAsync("input[name=compareTo]", string.Empty);
        await page.FillAsync("input[name=asOf]", "2024-02-01");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#table1 tbody td[data-column=enrollment]")).ToHaveTextAsync("75 (estimated)");
        Assert.Contains("as the registry stood on 2024-02-01", await page.Locator("#count").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
