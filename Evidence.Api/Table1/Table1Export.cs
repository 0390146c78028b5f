using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;

namespace TrialEvidence.Api.Table1;

/// <summary>Writes Table 1 rows as CSV, Markdown, HTML, Excel or Word, for guideline writers to paste or print (RIS: <see cref="Table1Ris"/>).</summary>
public static partial class Table1Export
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

    /// <summary>What a printed cell says where the registry record gives nothing (spelled out in the footnotes).</summary>
    public const string NotReported = "NR";

    /// <summary>
    /// The columns as Word, HTML and Markdown print them: a cell the record leaves empty says
    /// <see cref="NotReported"/>, so a blank never reads as a layout slip. The data files (CSV,
    /// JSON, Excel) keep it empty.
    /// </summary>
    public static IReadOnlyList<(string Header, Func<Table1Row, string?> Cell)> Printed(IReadOnlyList<(string Header, Func<Table1Row, string?> Cell)> columns) =>
        [.. columns.Select(c => (c.Header, (Func<Table1Row, string?>)(r => c.Cell(r) is { } text && !string.IsNullOrWhiteSpace(text) ? text : NotReported)))];

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
        AppendMarkdownTable(text, columns.Select(c => MarkdownCell(c.Header)), rows.Select(row => columns.Select(c => c.Header == Table1Row.NctHeader
            ? $"[{row.NctNumber}]({row.RegistryUrl})"
            : MarkdownCell(c.Cell(row)))));
        text.AppendLine();
        foreach (var footnote in notes.Footnotes)
        {
            text.AppendLine(MarkdownCell(footnote)).AppendLine();
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A pipe table: the header, its rule, a line a row; cells already written as Markdown (<see cref="MarkdownCell"/>, or a link).</summary>
    internal static void AppendMarkdownTable(StringBuilder text, IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(text);
        var headers = header.ToList();
        text.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        text.Append('|').AppendJoin('|', headers.Select(_ => " --- ")).AppendLine("|");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }
    }

    /// <summary>The CSV's last column: the SHA-256 of the registry version behind the row.</summary>
    public const string ContentHashHeader = "Content hash";

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
