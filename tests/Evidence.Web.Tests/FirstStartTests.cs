using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace TrialEvidence.Web.Tests;

/// <summary>A first start with an empty database and no registry to reach (every machine here is offline).</summary>
public sealed class OfflineFirstStart : RunningProduct
{
    public OfflineFirstStart()
        : base(import: false, OfflineHarvest())
    {
    }

    /// <summary>The scheduler on, its registry a closed port on loopback: the start-up harvest fails quickly.</summary>
    public static Dictionary<string, string> OfflineHarvest() => new()
    {
        ["Scheduler__Enabled"] = "true",
        ["Registry__BaseUrl"] = $"http://127.0.0.1:{ClosedPort()}/api/v2/",
        ["Registry__MaxRetryAttempts"] = "1",
        ["Registry__RetryBaseDelay"] = "00:00:00.050",
    };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Data imported earlier, then a start whose harvest fails: the failure must not hide behind the table.</summary>
public sealed class OfflineWithData : RunningProduct
{
    public OfflineWithData()
        : base(import: true, OfflineFirstStart.OfflineHarvest())
    {
    }
}

public sealed class FirstStartTests(OfflineFirstStart product) : IClassFixture<OfflineFirstStart>
{
    [Fact]
    public async Task The_page_says_in_plain_words_why_there_is_no_table_yet()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Table1PageTests.LaunchOptions());
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 600 } });

        var status = await Table1Page.ReloadUntilFailed(page, product.Address, "#harvest-status");

        Directory.CreateDirectory(Table1PageTests.Artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Table1PageTests.Artifacts, "first-start-offline.png") });
        Assert.Contains("The last harvest of “hcc-irt” failed: cannot reach the registry at http://127.0.0.1:", status, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#table1 tbody tr").CountAsync());
    }
}

public sealed class FailedHarvestWithDataTests(OfflineWithData product) : IClassFixture<OfflineWithData>
{
    [Fact]
    public async Task A_failed_harvest_stays_visible_with_its_reason_when_the_table_has_data()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Table1PageTests.LaunchOptions());
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 700 } });

        var line = await Table1Page.ReloadUntilFailed(page, product.Address, "#sources li >> nth=0");
        Assert.True(await page.Locator("#table1 tbody tr").CountAsync() > 0);

        Directory.CreateDirectory(Table1PageTests.Artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Table1PageTests.Artifacts, "harvest-failed-with-data.png") });
        Assert.Matches(@"^Topic “hcc-irt”: the last harvest \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\) failed: cannot reach the registry at http://127\.0\.0\.1:\d+", line);
        Assert.Equal("failed", await page.Locator("#sources li").First.GetAttributeAsync("class"));
    }
}
