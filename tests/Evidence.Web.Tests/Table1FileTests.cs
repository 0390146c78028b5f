using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TrialEvidence.Web.Tests;

/// <summary>
/// The review's Table 1 files as a guideline writer sees them: Word and Excel printed by
/// LibreOffice, the HTML file shown and printed by Chromium, each read back from its PDF; a PNG of
/// each is kept as an artifact.
/// </summary>
public sealed class Table1FileTests(RunningProduct product) : IClassFixture<RunningProduct>
{
    /// <summary>The review's trials, in its order (../shared/table1-review.csv).</summary>
    private static readonly string ReviewIds = string.Join(',', File.ReadAllLines(Path.Combine(SharedData.Folder, "table1-review.csv")).Skip(1).Select(l => l.Split(',')[0]));

    /// <summary>The fonts whose widths the files are laid out for: Arial's and Calibri's, or their metric twins.</summary>
    private static readonly string[] LaidOutFonts = ["LiberationSans", "Arial", "Carlito", "Calibri"];

    [Theory]
    [InlineData("docx", "table1-word")]
    [InlineData("xlsx", "table1-excel")]
    public async Task The_review_table_prints_on_one_landscape_page_with_its_caption_and_each_id_and_status_whole(string format, string name)
    {
        var (rows, notFound) = await Table($"ids={ReviewIds}");
        var pdf = await Rendering.ToPdf(await Download($"ids={ReviewIds}&format={format}", $"{name}.{format}"));
        var png = Path.Combine(Table1PageTests.Artifacts, $"{name}.png");
        await Rendering.ToPng(pdf, png);

        var text = await Rendering.Text(pdf);
        // The sheet's notes (caption and footnotes) are a second sheet, printed as a page of their own.
        AssertOnePage(await Rendering.PageSizes(pdf), Rendering.PngSize(png), expected: format == "xlsx" ? 2 : 1);
        AssertRowsWhole(rows, text);
        Assert.Contains($"Table 1. Registered trials ({rows.Count})", text, StringComparison.Ordinal);
        Assert.Contains($"Asked for but not in the evidence database: {string.Join(", ", notFound)}.", text, StringComparison.Ordinal);

        var fonts = await Rendering.Fonts(pdf);
        Assert.True(
            fonts.All(f => LaidOutFonts.Any(l => f.StartsWith(l, StringComparison.Ordinal))),
            $"set in {string.Join(", ", fonts)}, not the fonts the widths are for: apt-get install {Rendering.Packages}");
    }

    [Fact]
    public async Task A_word_table_of_active_not_recruiting_trials_keeps_each_status_whole_beside_its_id()
    {
        var (rows, _) = await Table("status=ACTIVE_NOT_RECRUITING");
        var pdf = await Rendering.ToPdf(await Download("status=ACTIVE_NOT_RECRUITING&format=docx", "table1-word-active.docx"));

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Active, not recruiting", r.Status));
        AssertRowsWhole(rows, await Rendering.Text(pdf));
    }

    [Fact]
    public async Task The_html_file_shows_with_its_style_and_prints_on_a_landscape_page_with_each_id_and_status_whole()
    {
        var (rows, notFound) = await Table($"ids={ReviewIds}");
        var playwright = await Playwright.CreateAsync();
        using var _ = playwright;
        await using var browser = await playwright.Chromium.LaunchAsync(Table1PageTests.LaunchOptions());
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var errors = Table1PageTests.CollectErrors(page);

        await page.GotoAsync($"{product.Address}api/table1?ids={ReviewIds}&format=html");
        Directory.CreateDirectory(Table1PageTests.Artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Table1PageTests.Artifacts, "table1-html.png"), FullPage = true });
        // The style applied (the policy allowed it): statuses do not wrap, the header has its rule.
        var status = await page.Locator("tbody td:nth-child(8)").First.EvaluateAsync<string>("td => getComputedStyle(td).whiteSpace");
        var rule = await page.Locator("thead th").First.EvaluateAsync<string>("th => getComputedStyle(th).borderBottomStyle");
        var pdf = Path.Combine(Table1PageTests.Artifacts, "table1-html-print.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });
        var png = Path.ChangeExtension(pdf, ".png");
        await Rendering.ToPng(pdf, png);

        Assert.Equal(("nowrap", "solid"), (status, rule));
        var text = await Rendering.Text(pdf);
        AssertOnePage(await Rendering.PageSizes(pdf), Rendering.PngSize(png));
        AssertRowsWhole(rows, text);
        Assert.Contains($"Table 1. Registered trials ({rows.Count})", text, StringComparison.Ordinal);
        Assert.Contains($"Asked for but not in the evidence database: {string.Join(", ", notFound)}.", text, StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>The table on one landscape page (the first), in a file of <paramref name="expected"/> pages.</summary>
    private static void AssertOnePage(List<(double Width, double Height)> pages, (int Width, int Height) png, int expected = 1)
    {
        Assert.True(pages.Count == expected, $"{pages.Count} pages");
        Assert.True(pages[0].Width > pages[0].Height, $"a portrait page: {pages[0].Width} x {pages[0].Height} pt");
        Assert.True(png.Width > png.Height, $"a portrait image: {png.Width} x {png.Height} px");
    }

    /// <summary>Each row's NCT id stands whole on one line of the printed text, with the row's status whole on the same line.</summary>
    private static void AssertRowsWhole(List<(string Id, string Status)> rows, string text)
    {
        var lines = text.Split('\n');
        Assert.All(rows, row =>
        {
            var line = Assert.Single(lines, l => Regex.IsMatch(l, $@"(?<!\w){row.Id}(?!\w)") && !l.Contains("not in the evidence database", StringComparison.Ordinal));
            Assert.True(line.Contains(row.Status, StringComparison.Ordinal), $"{row.Id}'s status '{row.Status}' is not whole on its line: {line}");
        });
    }

    private async Task<(List<(string Id, string Status)> Rows, List<string> NotFound)> Table(string query)
    {
        using var http = new HttpClient { BaseAddress = product.Address };
        var table = JsonDocument.Parse(await http.GetStringAsync($"/api/table1?{query}")).RootElement;
        return (
            [.. table.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("nctNumber").GetString()!, r.GetProperty("status").GetString()!))],
            [.. table.GetProperty("notFound").EnumerateArray().Select(e => e.GetString()!)]);
    }

    /// <summary>The file the API answers, saved among the artifacts.</summary>
    private async Task<string> Download(string query, string name)
    {
        using var http = new HttpClient { BaseAddress = product.Address };
        Directory.CreateDirectory(Table1PageTests.Artifacts);
        var path = Path.Combine(Table1PageTests.Artifacts, name);
        await File.WriteAllBytesAsync(path, await http.GetByteArrayAsync($"/api/table1?{query}"));
        return path;
    }
}
