using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace TrialEvidence.Web.Tests;

/// <summary>A first start with an empty database and no registry to reach (every machine here is offline).</summary>
public sealed class OfflineFirstStart : RunningProduct
{
    public OfflineFirstStart()
        : base(import: false, new Dictionary<string, string>
        {
            ["Scheduler__Enabled"] = "true",
            ["Registry__BaseUrl"] = $"http://127.0.0.1:{ClosedPort()}/api/v2/",
            ["Registry__MaxRetryAttempts"] = "1",
            ["Registry__RetryBaseDelay"] = "00:00:00.050",
        })
    {
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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

        // The start-up harvest of the shipped topic fails within a second against a closed port;
        // the page polls while it runs, so reload until it has failed.
        string status = string.Empty;
        for (var attempt = 0; attempt < 30 && !status.Contains("failed", StringComparison.Ordinal); attempt++)
        {
            await page.GotoAsync(product.Address.ToString());
            await page.WaitForSelectorAsync("#harvest-status", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible });
            status = await page.InnerTextAsync("#harvest-status");
            if (!status.Contains("failed", StringComparison.Ordinal))
            {
                await Task.Delay(500);
            }
        }

        Directory.CreateDirectory(Table1PageTests.Artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Table1PageTests.Artifacts, "first-start-offline.png") });
        Assert.Contains("The last harvest of “hcc-irt” failed: cannot reach the registry at http://127.0.0.1:", status, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#table1 tbody tr").CountAsync());
    }
}
