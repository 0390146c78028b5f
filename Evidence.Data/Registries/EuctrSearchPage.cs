using System.Globalization;
using System.Text.RegularExpressions;

namespace TrialEvidence.Data.Registries;

/// <summary>
/// What a harvest needs of an EUCTR search results page (ctr-search/search?query=...): how many
/// trials the search found (the tab "Trials with a EudraCT protocol (N)") and the EudraCT numbers
/// of the trials this page lists (its download check boxes, <c>input[name=enchx]</c>). The
/// records themselves come from the full-text download of the same page, not from this summary.
/// </summary>
public sealed partial record EuctrSearchPage(int TrialsFound, IReadOnlyList<string> EudraCtNumbers)
{
    public const string Format = "EUCTR search results page";

    /// <exception cref="RegistryFormatException">Not a search results page (no trial count: an error or maintenance page), cut short, or not UTF-8.</exception>
    public static EuctrSearchPage Read(Stream page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var html = RegistryPage.ReadText(page, Format);
        using var document = RegistryPage.Parse(html, Format);
        var tab = document.QuerySelectorAll("#tabs a, a")
            .Select(a => TrialCount().Match(a.TextContent))
            .FirstOrDefault(m => m.Success)
            ?? throw new RegistryFormatException(Format, "the page has no \"Trials with a EudraCT protocol (N)\": it is not a search results page", 1, 1);
        var digits = tab.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var found))
        {
            throw new RegistryFormatException(Format, $"the trial count \"{tab.Groups[1].Value}\" is not a number of trials", 1, 1);
        }

        var numbers = document.QuerySelectorAll("input[name=enchx]")
            .Select(input => input.GetAttribute("value")?.Trim() ?? string.Empty)
            .Where(number => number.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new EuctrSearchPage(found, numbers);
    }

    [GeneratedRegex(@"Trials with a EudraCT protocol\s*\(\s*([0-9][0-9,.]*)\s*\)")]
    private static partial Regex TrialCount();
}
