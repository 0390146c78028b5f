using System.Text;
using TrialEvidence.Api.Table1;

namespace TrialEvidence.Api.Topics;

/// <summary>A <see cref="ReportDocument"/> as Markdown or as a Word file, with Table 1's own Markdown escaping and Word tables.</summary>
public static partial class ReportFiles
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
                    Table1Export.AppendMarkdownTable(text, table.Header.Select(Table1Export.MarkdownCell), table.Rows.Select(row => row.Select(Table1Export.MarkdownCell)));
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
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
}
