using Microsoft.Playwright;

namespace TrialEvidence.Web.Tests;

/// <summary>What the browser tests do on the Table 1 page, as a person does it.</summary>
public static class Table1Page
{
    /// <summary>Ticks <paramref name="value"/> in a filter's list, as a person does: open the list, tick the box.</summary>
    public static async Task Choose(IPage page, string field, string value)
    {
        ArgumentNullException.ThrowIfNull(page);
        var box = page.Locator($"#facet-{field}");
        if (await box.GetAttributeAsync("open") is null)
        {
            await box.Locator("summary").ClickAsync();
        }

        await box.Locator($"input[value=\"{value}\"]").CheckAsync();
        await box.Locator("summary").ClickAsync(); // closes the list again
    }

    /// <summary>The NCT numbers of the table's rows, in order.</summary>
    public const string RowIds = "#table1 tbody td[data-column=nct] a:first-child";

    /// <summary>
    /// The text of <paramref name="selector"/> once it says "failed": the start-up harvest fails
    /// within a second against a closed port, and the page polls while it runs, so reload until then.
    /// </summary>
    public static async Task<string> ReloadUntilFailed(IPage page, Uri address, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        var text = string.Empty;
        for (var attempt = 0; attempt < 30 && !text.Contains("failed", StringComparison.Ordinal); attempt++)
        {
            await page.GotoAsync(address.ToString());
            await page.WaitForSelectorAsync(selector, new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible });
            text = await page.InnerTextAsync(selector);
            if (!text.Contains("failed", StringComparison.Ordinal))
            {
                await Task.Delay(500);
            }
        }

        return text;
    }
}
