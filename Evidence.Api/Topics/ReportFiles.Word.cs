using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Api.Table1;

namespace TrialEvidence.Api.Topics;

public static partial class ReportFiles
{
    /// <summary>A4 with 2.5 cm margins, in twips: a table fills the width between them.</summary>
    private const int Margin = 1418, PortraitWidth = Table1Export.A4Short - (2 * Margin), LandscapeWidth = Table1Export.A4Long - (2 * Margin);

    /// <summary>
    /// Portrait A4 pages in Table 1's document defaults (Arial 9 pt, the size its tables' columns
    /// are fitted for): the title and headings in bold, literal parts in a fixed-width font. A table
    /// whose words would not fit the portrait width whole (the harvest table's eleven columns) is
    /// set on a landscape page of its own, with its heading.
    /// </summary>
    public static byte[] Word(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var parts = new List<(OpenXmlElement Element, bool Landscape)> { (Bold(report.Title, size: "32"), false) };
        for (var i = 0; i < report.Blocks.Count; i++)
        {
            var block = report.Blocks[i];
            var landscape = block is ReportTable wide && !Table1Export.WordTableHoldsEveryWord(wide.Header, Cells(wide), OneLine(wide), PortraitWidth);
            if (landscape && i > 0 && report.Blocks[i - 1] is ReportHeading)
            {
                parts[^1] = (parts[^1].Element, true);
            }

            parts.Add((block switch
            {
                ReportHeading heading => Bold(heading.Text, size: "26"),
                ReportParagraph paragraph => new Paragraph(paragraph.Parts.Select(Run).Prepend<OpenXmlElement>(new ParagraphProperties(new SpacingBetweenLines { Before = "120", After = "120" }))),
                ReportTable table => Table1Export.WordTable(table.Header, Cells(table), OneLine(table), landscape ? LandscapeWidth : PortraitWidth),
                _ => throw new ArgumentException($"no Word form for {block.GetType().Name}", nameof(report)),
            }, landscape));
        }

        var body = new Body();
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0 && parts[i].Landscape != parts[i - 1].Landscape)
            {
                // A section ends with a paragraph holding its page setup; the next starts on a new page.
                body.Append(new Paragraph(new ParagraphProperties(Page(parts[i - 1].Landscape))));
            }

            body.Append(parts[i].Element);
        }

        body.Append(Page(parts[^1].Landscape));
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            Table1Export.AddDocumentDefaults(main);
            main.Document = new Document(body);
        }

        return buffer.ToArray();
    }

    private static SectionProperties Page(bool landscape) => Table1Export.A4Section(landscape, Margin);

    /// <summary>The title or a heading, kept with what follows it, with room above.</summary>
    private static Paragraph Bold(string text, string size) =>
        new(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }), new Run(new RunProperties(new Bold(), new FontSize { Val = size }), new Text(XmlSafe.Text(text)) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>Literal parts (queries, URLs) as written; prose with Table 1's non-breaking hyphens, so "2025-03-04" never ends a line at a hyphen.</summary>
    private static Run Run(ReportText part) => part.Literal
        ? new(new RunProperties(new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" }), new Text(XmlSafe.Text(part.Text)) { Space = SpaceProcessingModeValues.Preserve })
        : Table1Export.Run(part.Text, new RunProperties());

    private static List<IReadOnlyList<Table1Export.WordCell>> Cells(ReportTable table) =>
        [.. table.Rows.Select(row => (IReadOnlyList<Table1Export.WordCell>)[.. row.Select(text => new Table1Export.WordCell(text))])];

    private static List<bool> OneLine(ReportTable table) => [.. table.Header.Select(_ => false)];
}
