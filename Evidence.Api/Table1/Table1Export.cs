using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;

namespace TrialEvidence.Api.Table1;

/// <summary>Writes Table 1 rows as CSV, Markdown, HTML, Excel or Word, for guideline writers to paste or print.</summary>
public static class Table1Export
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = "application/json",
        ["csv"] = "text/csv",
        ["md"] = "text/markdown",
        ["html"] = "text/html",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    /// <summary>
    /// A cell that a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return
    /// first) gets a leading apostrophe: registry text must never run in a reader's Excel.
    /// </summary>
    public static string Neutralised(string? cell) =>
        cell is { Length: > 0 } && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell ?? string.Empty;

    public static byte[] Csv(IReadOnlyList<Table1Row> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var (header, _) in Table1Row.Columns)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var (_, cell) in Table1Row.Columns)
                {
                    csv.WriteField(Neutralised(cell(row)));
                }

                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Markdown(IReadOnlyList<Table1Row> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", Table1Row.Columns.Select(c => c.Header)).AppendLine(" |");
        text.Append('|').AppendJoin('|', Table1Row.Columns.Select(_ => " --- ")).AppendLine("|");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", Table1Row.Columns.Select(c => c.Header == "NCT number"
                ? $"[{row.NctNumber}]({row.RegistryUrl})"
                : MarkdownCell(c.Cell(row)))).AppendLine(" |");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Html(IReadOnlyList<Table1Row> rows)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Table 1</title></head><body>");
        html.AppendLine("<table>").Append("<thead><tr>");
        foreach (var (header, _) in Table1Row.Columns)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var (header, cell) in Table1Row.Columns)
            {
                html.Append("<td>").Append(header == "NCT number"
                    ? $"<a href=\"{WebUtility.HtmlEncode(row.RegistryUrl)}\">{WebUtility.HtmlEncode(row.NctNumber)}</a>"
                    : WebUtility.HtmlEncode(cell(row) ?? string.Empty)).Append("</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table></body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    public static byte[] Excel(IReadOnlyList<Table1Row> rows)
    {
        var sheet = rows.Select(row => Table1Row.Columns.ToDictionary(c => c.Header, c => (object)Neutralised(c.Cell(row)))).ToList();
        if (sheet.Count == 0)
        {
            sheet.Add(Table1Row.Columns.ToDictionary(c => c.Header, _ => (object)string.Empty));
        }

        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, sheetName: "Table 1");
        return buffer.ToArray();
    }

    public static byte[] Word(IReadOnlyList<Table1Row> rows)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var table = new Table(new TableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 2 }),
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
            table.Append(Row(Table1Row.Columns.Select(c => c.Header), bold: true));
            foreach (var row in rows)
            {
                table.Append(Row(Table1Row.Columns.Select(c => c.Cell(row) ?? string.Empty), bold: false));
            }

            main.Document = new Document(new Body(
                new Paragraph(new Run(new RunProperties(new Bold()), new Text("Table 1"))),
                table,
                new SectionProperties(new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape })));
        }

        return buffer.ToArray();
    }

    private static TableRow Row(IEnumerable<string> cells, bool bold) =>
        new(cells.Select(text => new TableCell(new Paragraph(new Run(
            bold ? new RunProperties(new Bold()) : new RunProperties(),
            new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve })))));

    /// <summary>Word's XML cannot hold control characters that registry text sometimes has.</summary>
    private static readonly SearchValues<char> MarkdownSyntax = SearchValues.Create("\\`*_[]<&|~");

    private static string XmlSafe(string text) =>
        text.All(System.Xml.XmlConvert.IsXmlChar) ? text : new string(text.Where(System.Xml.XmlConvert.IsXmlChar).ToArray());

    /// <summary>
    /// A cell's text stays text in any Markdown renderer, GitHub's included, and reads as written
    /// in the raw file (no HTML entities). A backslash goes before Markdown's own syntax: brackets
    /// (so no link or image, "[x](javascript:...)" or "![t](http://.../beacon.png)", can form),
    /// emphasis, code spans, strikethrough, the table's pipes, the backslash itself, '&lt;' (no HTML,
    /// no &lt;autolink&gt;) and '&amp;' (no entity); and before what GitHub-style renderers turn into
    /// links unasked: the ':' of "scheme:..." ("http://", "mailto:"), the '.' of "www." and every '@'.
    /// </summary>
    private static string MarkdownCell(string? cell)
    {
        var source = (cell ?? string.Empty).ReplaceLineEndings(" ");
        var text = new StringBuilder(source.Length + 16);
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            var autolink = c switch
            {
                ':' => i > 0 && char.IsAsciiLetter(source[i - 1]) && i + 1 < source.Length && !char.IsWhiteSpace(source[i + 1]),
                '.' => i >= 3 && source.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase),
                '@' => true,
                _ => false,
            };
            if (autolink || MarkdownSyntax.Contains(c))
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }
}
