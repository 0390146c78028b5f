using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Api.Table1;

namespace TrialEvidence.Api.Topics;

/// <summary>A <see cref="ReportDocument"/> as Markdown or as a Word file, with Table 1's own Markdown escaping and Word tables.</summary>
public static class ReportFiles
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["md"] = Table1Export.ContentTypes["md"],
        ["docx"] = Table1Export.ContentTypes["docx"],
    };

    /// <summary>Registry and user text stays text (<see cref="Table1Export.MarkdownCell"/>); literal parts are code spans.</summary>
    public static byte[] Markdown(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("# ").AppendLine(Table1Export.MarkdownCell(report.Title));
        foreach (var block in report.Blocks)
        {
            text.AppendLine();
            switch (block)
            {
                case ReportHeading heading:
                    text.Append("## ").AppendLine(Table1Export.MarkdownCell(heading.Text));
                    break;
                case ReportParagraph paragraph:
                    text.AppendJoin(string.Empty, paragraph.Parts.Select(p => p.Literal ? CodeSpan(p.Text) : Table1Export.MarkdownCell(p.Text))).AppendLine();
                    break;
                case ReportTable table:
                    text.Append("| ").AppendJoin(" | ", table.Header.Select(Table1Export.MarkdownCell)).AppendLine(" |");
                    text.Append('|').AppendJoin('|', table.Header.Select(_ => " --- ")).AppendLine("|");
                    foreach (var row in table.Rows)
                    {
                        text.Append("| ").AppendJoin(" | ", row.Select(Table1Export.MarkdownCell)).AppendLine(" |");
                    }

                    break;
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// A portrait A4 page in Table 1's document defaults (Arial 9 pt, the size its tables' columns
    /// are fitted for): the title and headings in bold, literal parts in a fixed-width font.
    /// </summary>
    public static byte[] Word(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            Table1Export.AddDocumentDefaults(main);
            var body = new Body(Bold(report.Title, size: "32"));
            foreach (var block in report.Blocks)
            {
                body.Append(block switch
                {
                    ReportHeading heading => Bold(heading.Text, size: "26"),
                    ReportParagraph paragraph => new Paragraph(paragraph.Parts.Select(Run).Prepend<OpenXmlElement>(new ParagraphProperties(new SpacingBetweenLines { Before = "120", After = "120" }))),
                    ReportTable table => Table(table),
                    _ => throw new ArgumentException($"no Word form for {block.GetType().Name}", nameof(report)),
                });
            }

            body.Append(new SectionProperties(
                new PageSize { Width = A4Short, Height = A4Long },
                new PageMargin { Top = Margin, Right = Margin, Bottom = Margin, Left = Margin, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);
        }

        return buffer.ToArray();
    }

    /// <summary>A code span that holds any text: fenced by one backtick more than the longest run inside it.</summary>
    private static string CodeSpan(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        var longest = 0;
        for (var run = 0; run < flat.Length; run++)
        {
            var length = 0;
            while (run < flat.Length && flat[run] == '`')
            {
                length++;
                run++;
            }

            longest = Math.Max(longest, length);
        }

        var fence = new string('`', longest + 1);
        return longest == 0 ? fence + flat + fence : $"{fence} {flat} {fence}";
    }

    /// <summary>The title or a heading, kept with what follows it, with room above.</summary>
    private static Paragraph Bold(string text, string size) =>
        new(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }), new Run(new RunProperties(new Bold(), new FontSize { Val = size }), new Text(XmlSafe.Text(text)) { Space = SpaceProcessingModeValues.Preserve }));

    private static Run Run(ReportText part) => new(
        part.Literal ? new RunProperties(new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" }) : new RunProperties(),
        new Text(XmlSafe.Text(part.Text)) { Space = SpaceProcessingModeValues.Preserve });

    /// <summary>A4 portrait with 2.5 cm margins, in twips: the tables fill the width between them.</summary>
    private const int A4Long = 16838, A4Short = 11906, Margin = 1418;

    private static Table Table(ReportTable report) => Table1Export.WordTable(
        report.Header,
        [.. report.Rows.Select(row => (IReadOnlyList<Table1Export.WordCell>)[.. row.Select(text => new Table1Export.WordCell(text))])],
        [.. report.Header.Select(_ => false)],
        A4Short - (2 * Margin));
}
