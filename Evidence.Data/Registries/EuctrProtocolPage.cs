using TrialEvidence.Data.Registry;

namespace TrialEvidence.Data.Registries;

/// <summary>
/// Reads an EU Clinical Trials Register protocol page (ctr-search/trial/{EudraCT number}/{member
/// state}) with AngleSharp: the summary table (<c>table.summary</c>, a grey label cell and its
/// value) and the protocol's sections, a row each (<c>td.first</c> the code, <c>td.second</c>
/// the label, <c>td.third</c> the value, a list as a table of its own); a blue row
/// "D.IMP: 1" begins each investigational product. The record is read into a trial as the
/// full-text download's is (<see cref="EuctrRecord"/>).
/// </summary>
public static class EuctrProtocolPage
{
    public const string Format = "EUCTR protocol page";

    /// <summary>The register's name, in the banner of each of its pages.</summary>
    private const string RegisterName = "EU Clinical Trials Register";

    /// <summary>The summary table of a protocol page; a search page lists trials without one.</summary>
    private const string SummaryTable = "table.summary";

    /// <summary>Whether the start of a file is an EUCTR protocol page (read by content, not by file name).</summary>
    public static bool IsProtocolPage(string start) =>
        start.Contains(RegisterName, StringComparison.Ordinal) && start.Contains("class=\"section summary\"", StringComparison.Ordinal);

    /// <summary>The trial of a page.</summary>
    /// <exception cref="RegistryFormatException">The page is cut short, names no EudraCT number or member state, or is not UTF-8.</exception>
    public static RegisteredTrial Read(Stream page)
    {
        var html = RegistryPage.ReadText(page, Format);
        var document = RegistryPage.Parse(html, Format);
        var fields = new List<EuctrField>();
        foreach (var row in document.QuerySelectorAll($"{SummaryTable} tr"))
        {
            if (row.Children is [var label, var value] && label.ClassList.Contains("cellGrey"))
            {
                fields.Add(EuctrField.Of(EuctrField.Summary, RegistryPage.Text(label)?.TrimEnd(':') ?? string.Empty, RegistryPage.Text(value), RegistryPage.PositionOf(row).Line));
            }
        }

        foreach (var row in document.QuerySelectorAll("tr"))
        {
            var line = RegistryPage.PositionOf(row).Line;
            if (row.Children is [var code, var label, var value] && code.ClassList.Contains("first"))
            {
                fields.Add(EuctrField.Of(RegistryPage.Text(code) ?? string.Empty, RegistryPage.Text(label)?.Replace('\n', ' ') ?? string.Empty, RegistryPage.Text(value), line));
            }
            else if (row.Children is [var blue] && blue.ClassList.Contains("cellBlue") && RegistryPage.Text(blue) is { } text && text.StartsWith("D.IMP:", StringComparison.Ordinal))
            {
                fields.Add(EuctrField.Of("D.IMP", string.Empty, text["D.IMP:".Length..], line));
            }
        }

        var summary = document.QuerySelector(SummaryTable);
        return EuctrRecord.Trial(fields, html, Format, summary is null ? 1 : RegistryPage.PositionOf(summary).Line);
    }

    /// <summary>The page as the record the import stores (see <see cref="RegisteredTrialJson"/>).</summary>
    public static IEnumerable<StudyJson> ReadStudies(Stream page) => [RegisteredTrialJson.ToStudyJson(Read(page), 0, 1)];
}
