using System.Globalization;
using System.Text.RegularExpressions;

namespace TrialEvidence.Data.Registries;

/// <summary>
/// What a harvest needs of an EUCTR search results page (ctr-search/search?query=...): how many
/// trials the search found (the tab "Trials with a EudraCT protocol (N)"), how many pages they
/// take ("Displaying page 1 of N", when the page says), and the EudraCT numbers of the trials this
/// page lists (the download check boxes of the protocol tab, <c>#tabs-1 input[name=enchx]</c>).
/// The records themselves come from the full-text download of the same page; a harvest checks
/// that it holds exactly these trials.
/// </summary>
public sealed partial record EuctrSearchPage(int TrialsFound, IReadOnlyList<string> EudraCtNumbers, int? Pages = null)
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

        // The protocol tab's results only: the paediatric (Art. 45) tab beside it lists other studies.
        var results = document.QuerySelector("#tabs-1") ?? (AngleSharp.Dom.IParentNode)document;
        var numbers = results.QuerySelectorAll("input[name=enchx]")
            .Select(input => input.GetAttribute("value")?.Trim() ?? string.Empty)
            .Where(number => number.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        int? pages = PageCount().Match(document.Body?.TextContent ?? string.Empty) is { Success: true } shown
                     && int.TryParse(shown.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var of)
            ? of
            : null;
        return new EuctrSearchPage(found, numbers, pages);
    }

    [GeneratedRegex(@"Displaying page\s+[0-9]+\s+of\s+([0-9]+)")]
    private static partial Regex PageCount();

    [GeneratedRegex(@"Trials with a EudraCT protocol\s*\(\s*([0-9][0-9,.]*)\s*\)")]
    private static partial Regex TrialCount();
}
