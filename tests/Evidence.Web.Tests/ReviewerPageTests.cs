using System.Text.Json;
using Microsoft.Playwright;

namespace TrialEvidence.Web.Tests;

/// <summary>
/// A systematic reviewer works in the Table 1 page: several values per filter, counts that
/// follow the other filters, a Table 1 built from chosen trials in a chosen order, the address
/// keeping all of it, by mouse, keyboard and on a phone. Screenshots are kept as artifacts.
/// </summary>
public sealed class ReviewerPageTests(RunningProduct product) : IClassFixture<RunningProduct>
{
    private async Task<(IPlaywright, IBrowser, IPage, List<string>)> Open(string address, int width = 1400, int height = 900)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(Table1PageTests.LaunchOptions());
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
        var errors = Table1PageTests.CollectErrors(page);
        await page.GotoAsync(product.Address + address);
        await page.WaitForSelectorAsync("#table1 tbody tr");
        return (playwright, browser, page, errors);
    }

    private async Task<JsonElement> Api(string path)
    {
        using var http = new HttpClient { BaseAddress = product.Address };
        return JsonDocument.Parse(await http.GetStringAsync(path)).RootElement;
    }

    /// <summary>A facet's choices as the page shows them: value -> count.</summary>
    private static async Task<Dictionary<string, string>> Counts(IPage page, string field)
    {
        var counts = new Dictionary<string, string>();
        foreach (var label in await page.Locator($"#facet-{field} label.check").AllAsync())
        {
            var value = await label.Locator("input").GetAttributeAsync("value");
            var count = label.Locator(".n");
            counts[value!] = await count.CountAsync() > 0 ? await count.TextContentAsync() ?? string.Empty : string.Empty; // a closed list's text is not rendered
        }

        return counts;
    }

    private static Dictionary<string, string> ApiCounts(JsonElement page, string field) =>
        page.GetProperty("facets").GetProperty(field).EnumerateArray().ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Several_values_of_one_filter_widen_the_table_and_each_filter_counts_what_the_other_filters_leave()
    {
        var (playwright, browser, page, errors) = await Open(string.Empty);
        using var _ = playwright;
        await using var __ = browser;
        var both = await Api("/api/table1?status=RECRUITING&status=COMPLETED&modality=any");
        var recruiting = await Api("/api/table1?status=RECRUITING&modality=any");

        await Table1Page.Choose(page, "modality", "any");
        await Table1Page.Choose(page, "status", "RECRUITING");
        await Assertions.Expect(page.Locator("#table1 tbody tr")).ToHaveCountAsync(recruiting.GetProperty("rows").GetArrayLength());
        await Table1Page.Choose(page, "status", "COMPLETED");
        await Assertions.Expect(page.Locator("#table1 tbody tr")).ToHaveCountAsync(both.GetProperty("rows").GetArrayLength());
        await Assertions.Expect(page.Locator("#facet-status summary")).ToHaveTextAsync("Status: Recruiting or Completed");
        await page.Locator("#facet-status summary").ClickAsync();
        Directory.CreateDirectory(Table1PageTests.Artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Table1PageTests.Artifacts, "table1-multi-select.png") });

        // The status list counts what the other filters (any RT) leave, so other statuses can be added;
        // every other list counts what all the filters leave.
        Assert.True(both.GetProperty("rows").GetArrayLength() > recruiting.GetProperty("rows").GetArrayLength());
        Assert.Equal(ApiCounts(await Api("/api/trials?pageSize=1&modality=any"), "status"), await Counts(page, "status"));
        var phases = await Counts(page, "phase");
        Assert.Equal(ApiCounts(await Api("/api/trials?pageSize=1&modality=any&status=RECRUITING&status=COMPLETED"), "phase"), phases);
        Assert.NotEqual(ApiCounts(await Api("/api/trials?pageSize=1"), "phase"), phases); // they did narrow
        Assert.EndsWith("?status=RECRUITING&status=COMPLETED&modality=any", page.Url, StringComparison.Ordinal);
        Assert.Equal(["Recruiting", "Completed"], (await page.Locator("#table1 tbody td[data-column=status]").AllInnerTextsAsync()).Distinct().Order().Reverse());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Back_and_forward_step_through_the_views_the_reviewer_asked_for()
    {
        var (playwright, browser, page, errors) = await Open(string.Empty);
        using var _ = playwright;
        await using var __ = browser;
        var all = await page.Locator("#table1 tbody tr").CountAsync();
        var recruiting = (await Api("/api/table1?status=RECRUITING")).GetProperty("rows").GetArrayLength();
        var both = (await Api("/api/table1?status=RECRUITING&modality=SBRT")).GetProperty("rows").GetArrayLength();

        await Table1Page.Choose(page, "status", "RECRUITING");
        await Assertions.Expect(page.Locator("#table1 tbody tr")).ToHaveCountAsync(recruiting);
        await Table1Page.Choose(page, "modality", "SBRT");
        await Assertions.Expect(page.Locator("#table1 tbody tr")).ToHaveCountAsync(both);

        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#table1 tbody tr")).ToHaveCountAsync(recruiting);
        Assert.EndsWith("/?status=RECRUITING", page.Url, StringComparison.Ordinal);
        Assert.False(await page.Locator("#facet-modality input[value=SBRT]").IsCheckedAsync());
        Assert.True(await page.Locator("#facet-status input[value=RECRUITING]").IsCheckedAsync());
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#table1 tbody tr")).ToHaveCountAsync(all);
        await page.GoForwardAsync();
        await page.GoForwardAsync();
        await Assertions.Expect(page.Locator("#table1 tbody tr")).ToHaveCountAsync(both);
        await Assertions.Expect(page.Locator("#facet-modality input[value=SBRT]")).ToBeCheckedAsync();
        Assert.True(all > recruiting && recruiting > both, $"{all} > {recruiting} > {both}");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task A_reviewer_builds_a_table_1_from_chosen_trials_in_a_chosen_order_and_the_address_keeps_it()
    {
        var (playwright, browser, page, errors) = await Open("?modality=any&target=any");
        using var _ = playwright;
        await using var __ = browser;

        foreach (var id in new[] { "NCT04547452", "NCT03203304", "NCT04167293" })
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {id} for Table 1" }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Move NCT04167293 up" }).ClickAsync();
        await Assertions.Expect(page.Locator("#selected li .id")).ToHaveTextAsync(["NCT04547452", "NCT04167293", "NCT03203304"]);
        Assert.Contains("sel=NCT04547452%2CNCT04167293%2CNCT03203304", page.Url, StringComparison.Ordinal);
        await page.ClickAsync("#use-selection");
        await Assertions.Expect(page.Locator(Table1Page.RowIds)).ToHaveTextAsync(["NCT04547452", "NCT04167293", "NCT03203304"]);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Table1PageTests.Artifacts, "table1-selection.png"), FullPage = true });
        var word = await page.Locator("#exports a[data-format=docx]").GetAttributeAsync("href");

        // The address opens the same Table 1, and its exports keep the order.
        var again = await browser.NewPageAsync();
        await again.GotoAsync(page.Url);
        await Assertions.Expect(again.Locator(Table1Page.RowIds)).ToHaveTextAsync(["NCT04547452", "NCT04167293", "NCT03203304"]);
        Assert.Equal("/api/table1?ids=NCT04547452%2CNCT04167293%2CNCT03203304&format=docx", word);
        Assert.Equal(3, await again.Locator("#selected li").CountAsync());

        // An id that is not held is said, not dropped.
        await again.FillAsync("textarea[name=ids]", "NCT04547452, NCT99999999");
        await again.ClickAsync("#filters button[type=submit]");
        await Assertions.Expect(again.Locator("#count")).ToContainTextAsync("not in the database: NCT99999999");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Hidden_columns_leave_the_page_and_the_exported_files_and_the_address_keeps_them()
    {
        var (playwright, browser, page, errors) = await Open("?modality=SBRT&target=PD-1");
        using var _ = playwright;
        await using var __ = browser;

        await page.Locator("#columns summary").ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Disease" }).UncheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Registry version" }).UncheckAsync();
        await Assertions.Expect(page.Locator("#table1 thead th")).ToHaveCountAsync(8); // the selection column and 7
        var headers = await page.Locator("#table1 thead th").AllInnerTextsAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#exports a[data-format=csv]"));
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        var again = await browser.NewPageAsync();
        await again.GotoAsync(page.Url);
        await Assertions.Expect(again.Locator("#table1 tbody tr")).ToHaveCountAsync(4);

        Assert.Equal(["Select", "NCT number", "Institution", "Phase", "Intervention", "Enrollment", "Primary endpoint", "Status"], headers);
        Assert.Contains("hide=disease%2Cversion", page.Url, StringComparison.Ordinal);
        Assert.Equal("NCT number,Institution,Phase,Intervention,Enrollment,Primary endpoint,Status,Content hash", csv[0].TrimStart('\uFEFF'));
        Assert.Equal(5, csv.Length);
        Assert.Equal(7, await again.Locator("#table1 tbody tr").First.Locator("td[data-column]").CountAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Each_import_stays_listed_with_its_counts_beside_the_topics_harvests_and_their_search_reports()
    {
        var (playwright, browser, page, errors) = await Open("?status=RECRUITING");
        using var _ = playwright;
        await using var __ = browser;

        var lines = await page.Locator("#sources li").AllInnerTextsAsync();
        var report = await page.Locator("#sources li a", new() { HasText = "Markdown" }).GetAttributeAsync("href");
        using var http = new HttpClient { BaseAddress = product.Address };
        var markdown = await http.GetStringAsync(report);

        Assert.Contains("Topic “hcc-irt”: not harvested yet. Search report: Markdown · Word", lines);
        Assert.Contains(lines, l => l.StartsWith($"Import of {SharedData.CtGov}, ", StringComparison.Ordinal)
            && l.EndsWith(": 98 studies read, 69 new, 2 changed, 0 rejected.", StringComparison.Ordinal));
        Assert.True(await page.Locator("#harvest-status").IsHiddenAsync());
        Assert.Equal("/api/topics/hcc-irt/report?status=RECRUITING&format=md", report);
        Assert.Contains("has not been searched for the topic hcc-irt yet", markdown, StringComparison.Ordinal);
        Assert.Contains("with overall status Recruiting", markdown, StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task A_keyboard_user_filters_without_losing_focus_and_every_control_has_a_name()
    {
        var (playwright, browser, page, errors) = await Open(string.Empty);
        using var _ = playwright;
        await using var __ = browser;
        var all = await page.Locator("#table1 tbody tr").CountAsync();

        await page.Locator("#facet-phase summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter"); // opens the list
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#table1 tbody tr")).Not.ToHaveCountAsync(all);
        // The list was redrawn with new counts; focus is still on the box just ticked.
        await Assertions.Expect(page.Locator("#facet-phase input:focus")).ToBeCheckedAsync();

        var unnamed = await Unnamed(page);
        foreach (var other in new[] { "trials/NCT05147467", "changes?since=2000-01-01" })
        {
            await page.GotoAsync(product.Address + other);
            await page.WaitForSelectorAsync("h1:not(:empty)");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            unnamed.AddRange(await Unnamed(page));
        }

        Assert.Empty(unnamed);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>The visible controls of <paramref name="page"/> that have no accessible name (a label, aria-label or text).</summary>
    private static async Task<List<string>> Unnamed(IPage page)
    {
        var unnamed = new List<string>();
        foreach (var control in await page.Locator("input:visible, select:visible, textarea:visible, button:visible, summary:visible").AllAsync())
        {
            var name = await control.EvaluateAsync<string>("e => e.labels?.length ? e.labels[0].innerText : (e.getAttribute('aria-label') ?? e.innerText ?? '')");
            if (string.IsNullOrWhiteSpace(name))
            {
                unnamed.Add(page.Url + ": " + await control.EvaluateAsync<string>("e => e.outerHTML"));
            }
        }

        return unnamed;
    }

    [Theory]
    [InlineData("?modality=any&target=any", "table1-phone.png")]
    [InlineData("trials/NCT03203304", "trial-phone.png")]
    [InlineData("changes?since=2000-01-01", "changes-phone.png")]
    public async Task On_a_phone_each_page_fits_its_width_and_tables_scroll_inside_it(string address, string screenshot)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Table1PageTests.LaunchOptions());
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var errors = Table1PageTests.CollectErrors(page);
        await page.GotoAsync(product.Address + address);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Table1PageTests.Artifacts, screenshot), FullPage = true });

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.True(overflow <= 0, $"{address} is {overflow} px wider than a 390 px screen");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
