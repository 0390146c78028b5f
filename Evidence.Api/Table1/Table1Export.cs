using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using TrialEvidence.Api.Infrastructure;

namespace TrialEvidence.Api.Table1;

/// <summary>Writes Table 1 rows as CSV, Markdown, HTML, Excel or Word, for guideline writers to paste or print (RIS: <see cref="Table1Ris"/>).</summary>
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
        ["ris"] = Table1Ris.ContentType,
    };

    /// <summary>
    /// A cell that a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return
    /// first) gets a leading apostrophe: registry text must never run in a reader's Excel.
    /// </summary>
    public static string Neutralised(string? cell) =>
        cell is { Length: > 0 } && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell ?? string.Empty;

    /// <param name="columns">The printed columns wanted (<see cref="Table1Row.Columns"/> or some of them).</param>
    public static byte[] Csv(IReadOnlyList<Table1Row> rows, IReadOnlyList<(string Header, Func<Table1Row, string?> Cell)> columns)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            // The printed columns, then the version's content hash: a data file traces each row to the exact record.
            foreach (var (header, _) in columns)
            {
                csv.WriteField(header);
            }

            csv.WriteField(ContentHashHeader);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var (_, cell) in columns)
                {
                    csv.WriteField(Neutralised(cell(row)));
                }

                csv.WriteField(row.ContentHash);
                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A pipe table under its caption, the footnotes beneath: pastes into a Markdown manuscript as it is.</summary>
    public static byte[] Markdown(IReadOnlyList<Table1Row> rows, IReadOnlyList<(string Header, Func<Table1Row, string?> Cell)> columns, Table1Notes notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var text = new StringBuilder();
        text.Append("**").Append(MarkdownCell(notes.Caption)).AppendLine("**").AppendLine();
        text.Append("| ").AppendJoin(" | ", columns.Select(c => c.Header)).AppendLine(" |");
        text.Append('|').AppendJoin('|', columns.Select(_ => " --- ")).AppendLine("|");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", columns.Select(c => c.Header == Table1Row.NctHeader
                ? $"[{row.NctNumber}]({row.RegistryUrl})"
                : MarkdownCell(c.Cell(row)))).AppendLine(" |");
        }

        text.AppendLine();
        foreach (var footnote in notes.Footnotes)
        {
            text.AppendLine(MarkdownCell(footnote)).AppendLine();
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Html(IReadOnlyList<Table1Row> rows, Table1Comparison? comparison = null, Table1Notes? notes = null)
    {
        notes ??= Table1Notes.For(rows, [], null, comparison);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Table 1</title>"
            + "<style>td.changed{background:#fff2cc}td.changed .was{display:block;font-size:smaller;font-style:italic;color:#57606a}</style></head><body>");
        html.AppendLine("<table>").Append("<caption>").Append(WebUtility.HtmlEncode(notes.Caption)).AppendLine("</caption>").Append("<thead><tr>");
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
                var change = comparison?.Cell(row, header);
                html.Append(change is null ? "<td>" : "<td class=\"changed\">").Append(header == "NCT number"
                    ? $"<a href=\"{WebUtility.HtmlEncode(row.RegistryUrl)}\">{WebUtility.HtmlEncode(row.NctNumber)}</a>"
                      + (comparison?.NewSince.Contains(row.NctNumber) == true ? " *" : string.Empty)
                    : WebUtility.HtmlEncode(cell(row) ?? string.Empty));
                if (change is not null)
                {
                    html.Append("<span class=\"was\">").Append(WebUtility.HtmlEncode($"{comparison!.ComparedTo}: {change.Then ?? "(empty)"}")).Append("</span>");
                }

                html.Append("</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table>");
        foreach (var footnote in notes.Footnotes)
        {
            html.Append("<p class=\"footnote\">").Append(WebUtility.HtmlEncode(footnote)).AppendLine("</p>");
        }

        html.AppendLine("</body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>The CSV's last column: the SHA-256 of the registry version behind the row.</summary>
    public const string ContentHashHeader = "Content hash";

    /// <summary>
    /// The sheet's columns for the printed ones asked for, with enrollment as numbers a spreadsheet
    /// can sum and sort (the count, its type, the first estimate) in place of the printed enrollment cell.
    /// </summary>
    public static IReadOnlyList<(string Header, Func<Table1Row, object?> Cell)> ExcelColumns(IReadOnlyList<(string Header, Func<Table1Row, string?> Cell)> columns) =>
    [
        .. columns.SelectMany(c => c.Header == "Enrollment"
            ? new (string, Func<Table1Row, object?>)[]
            {
                ("Enrollment", r => r.EnrollmentCount),
                ("Enrollment type", r => TrialEvidence.Data.Studies.RegistryLabels.EnrollmentType(r.EnrollmentType)),
                ("First estimate", r => r.FirstEstimatedEnrollment),
            }
            : [(c.Header, r => Neutralised(c.Cell(r)))]),
    ];

    /// <summary>
    /// Two sheets: "Table 1" (numbers as numbers, the header row frozen and filterable, columns as
    /// wide as their text) and "Notes" (the caption and footnotes, kept apart so sorting and
    /// filtering the table never mixes them into the rows).
    /// </summary>
    public static byte[] Excel(IReadOnlyList<Table1Row> rows, IReadOnlyList<(string Header, Func<Table1Row, string?> Cell)> columns, Table1Notes notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var sheetColumns = ExcelColumns(columns);
        var sheet = rows.Select(row => sheetColumns.ToDictionary(c => c.Header, c => c.Cell(row))).ToList();
        if (sheet.Count == 0)
        {
            sheet.Add(sheetColumns.ToDictionary(c => c.Header, _ => (object?)null));
        }

        var notesSheet = notes.Footnotes.Prepend(notes.Caption).Select(line => new Dictionary<string, object?> { ["Notes"] = Neutralised(line) }).ToList();
        using var buffer = new MemoryStream();
        buffer.SaveAs(new Dictionary<string, object> { ["Table 1"] = sheet, ["Notes"] = notesSheet }, configuration: new MiniExcelLibs.OpenXml.OpenXmlConfiguration
        {
            AutoFilter = true,
            FreezeRowCount = 1,
            EnableAutoWidth = true,
            FastMode = true, // what auto width needs: the sheet is written to a seekable buffer and its widths filled in after the rows
        });
        return buffer.ToArray();
    }

    public static byte[] Word(IReadOnlyList<Table1Row> rows, Table1Comparison? comparison = null, Table1Notes? notes = null)
    {
        notes ??= Table1Notes.For(rows, [], null, comparison);
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var table = WordTable(Table1Row.Columns.Select(c => c.Header).ToList(), 14400);
            foreach (var row in rows)
            {
                table.Append(new TableRow(Table1Row.Columns.Select(c => Cell(
                    (c.Cell(row) ?? string.Empty) + (c.Header == "NCT number" && comparison?.NewSince.Contains(row.NctNumber) == true ? " *" : string.Empty),
                    bold: false,
                    comparison?.Cell(row, c.Header) is { } change ? $"{comparison.ComparedTo}: {change.Then ?? "(empty)"}" : null))));
            }

            var body = new Body(new Paragraph(new Run(new RunProperties(new Bold()), new Text(XmlSafe.Text(notes.Caption)))), table);
            foreach (var footnote in notes.Footnotes)
            {
                body.Append(new Paragraph(new Run(new RunProperties(new FontSize { Val = "18" }), new Text(XmlSafe.Text(footnote)) { Space = SpaceProcessingModeValues.Preserve })));
            }

            body.Append(new SectionProperties(new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape }));
            main.Document = new Document(body);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A table as wide as the page with rules above, below and between its rows, columns of equal
    /// width in <paramref name="width"/> twentieths of a point, and the header row in bold.
    /// </summary>
    internal static Table WordTable(IReadOnlyList<string> header, int width)
    {
        // The schema's order: the table's width before its borders, then the grid, then the rows.
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 2 })),
            new TableGrid(header.Select(_ => new GridColumn { Width = (width / header.Count).ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(header, bold: true));
        return table;
    }

    internal static TableRow Row(IEnumerable<string> cells, bool bold) => new(cells.Select(text => Cell(text, bold, was: null)));

    /// <summary>A cell; one that changed since a compared date is shaded, with the value then beneath in italics.</summary>
    internal static TableCell Cell(string text, bool bold, string? was)
    {
        var cell = new TableCell(new Paragraph(new Run(
            bold ? new RunProperties(new Bold()) : new RunProperties(),
            new Text(XmlSafe.Text(text)) { Space = SpaceProcessingModeValues.Preserve })));
        if (was is not null)
        {
            cell.PrependChild(new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = "FFF2CC" }));
            cell.Append(new Paragraph(new Run(new RunProperties(new Italic()), new Text(XmlSafe.Text(was)) { Space = SpaceProcessingModeValues.Preserve })));
        }

        return cell;
    }

    private static readonly SearchValues<char> MarkdownSyntax = SearchValues.Create("\\`*_[]<&|~");

    /// <summary>
    /// A cell's text stays text in any Markdown renderer, GitHub's included, and reads as written
    /// in the raw file (no HTML entities). A backslash goes before Markdown's own syntax: brackets
    /// (so no link or image, "[x](javascript:...)" or "![t](http://.../beacon.png)", can form),
    /// emphasis, code spans, strikethrough, the table's pipes, the backslash itself, '&lt;' (no HTML,
    /// no &lt;autolink&gt;) and '&amp;' (no entity); and before what GitHub-style renderers turn into
    /// links unasked: the ':' of "scheme:..." ("http://", "mailto:"), the '.' of "www." and every '@'.
    /// </summary>
    internal static string MarkdownCell(string? cell)
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
