using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace TrialEvidence.Api.Table1;

public static partial class Table1Export
{
    /// <summary>
    /// The page's only style: a journal table (rules above and below, under the header, light lines
    /// between rows, light bands), and on paper A4 landscape with the header on every page, no row
    /// split across pages and links printed as plain text.
    /// </summary>
    private static readonly string HtmlStyle =
        "body{margin:24px;font:15px/1.4 Arial,\"Liberation Sans\",Helvetica,sans-serif;color:#1f2328;background:#fff}"
        + "table{border-collapse:collapse;width:100%;font-size:14px;border-top:2px solid #1f2328;border-bottom:2px solid #1f2328}"
        + "caption{caption-side:top;text-align:left;font-weight:bold;font-size:16px;padding:0 0 8px}"
        + "th,td{padding:5px 8px;text-align:left;vertical-align:top}"
        + "thead th{border-bottom:1px solid #1f2328}"
        + "tbody tr+tr td{border-top:1px solid #d0d7de}"
        + "tbody tr:nth-child(even){background:#f6f8fa}"
        + ".nb{white-space:nowrap}"
        + "a{color:#0a58ca}"
        + ".footnote{font-size:13px;margin:6px 0}"
        + "td.changed{background:#fff2cc}td.changed .was{display:block;font-size:smaller;font-style:italic;color:#57606a}"
        + "@page{size:A4 landscape;margin:15mm}"
        + "@media print{body{margin:0}table{font-size:9pt}caption{font-size:10pt}.footnote{font-size:8pt}"
        + "thead{display:table-header-group}tr,th,td{break-inside:avoid;page-break-inside:avoid}"
        + "a{color:inherit;text-decoration:none}"
        + "tbody tr:nth-child(even),td.changed{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

    /// <summary>
    /// The Content-Security-Policy of the HTML file: nothing may load or run, and its one style
    /// element applies (by its hash), so the table shows as styled from the API as from a saved file.
    /// </summary>
    public static readonly string HtmlPolicy =
        $"default-src 'none'; script-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(HtmlStyle)))}'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Table 1 as one HTML file with its style inside: for a browser, for printing, or to paste.</summary>
    /// <param name="columns">The printed columns wanted (<see cref="Table1Row.Columns"/> or some of them).</param>
    public static byte[] Html(
        IReadOnlyList<Table1Row> rows,
        IReadOnlyList<(string Header, Func<Table1Row, string?> Cell)> columns,
        Table1Comparison? comparison = null,
        Table1Notes? notes = null)
    {
        notes ??= Table1Notes.For(rows, [], null, comparison, columns);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(notes.Caption)).Append("</title><style>").Append(HtmlStyle).AppendLine("</style></head><body>");
        html.AppendLine("<table>").Append("<caption>").Append(WebUtility.HtmlEncode(notes.Caption)).AppendLine("</caption>").Append("<thead><tr>");
        foreach (var (header, _) in columns)
        {
            html.Append("<th scope=\"col\">").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var (header, cell) in columns)
            {
                // An id, a phase or a status stays on one line; a changed cell is marked.
                var change = comparison?.Cell(row, header);
                var classes = string.Join(' ', new[] { Table1Row.OneLine.Contains(header) ? "nb" : null, change is null ? null : "changed" }.OfType<string>());
                html.Append(classes.Length == 0 ? "<td>" : $"<td class=\"{classes}\">").Append(header == Table1Row.NctHeader
                    ? $"<a href=\"{WebUtility.HtmlEncode(row.RegistryUrl)}\">{WebUtility.HtmlEncode(row.NctNumber)}</a>"
                      + (comparison?.NewSince.Contains(row.NctNumber) == true ? " *" : string.Empty)
                    : HtmlCell(cell(row)));
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

    /// <summary>A cell's text, encoded; a word with a hyphen before a digit ("PD-1", "2022-01-04") kept on one line.</summary>
    private static string HtmlCell(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split(' ').Select(word => LineBreaks.HyphenBeforeDigit().IsMatch(word)
            ? $"<span class=\"nb\">{WebUtility.HtmlEncode(word)}</span>"
            : WebUtility.HtmlEncode(word)));
}
