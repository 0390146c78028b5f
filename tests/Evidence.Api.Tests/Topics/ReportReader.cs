using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using TrialEvidence.Api.Table1;
using TrialEvidence.Api.Tests.Table1;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace TrialEvidence.Api.Tests.Topics;

/// <summary>The search report read as a reader sees it: its Markdown rendered (Markdig, with pipe tables), its Word file as set.</summary>
internal static partial class ReportReader
{
    public static async Task<IDocument> Markdown(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var html = Markdig.Markdown.ToHtml(text, Markdig.MarkdownExtensions.UsePipeTables(new Markdig.MarkdownPipelineBuilder()).Build());
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
    }

    /// <summary>The body rows of the table under the heading <paramref name="heading"/>.</summary>
    public static List<string[]> Table(IDocument report, string heading)
    {
        var title = report.QuerySelectorAll("h2").Single(h => h.TextContent == heading);
        var table = title.NextElementSibling;
        Assert.Equal("TABLE", table?.TagName);
        return [.. table!.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray())];
    }

    /// <summary>The font and size the Word file's text is set in unless a run says otherwise (w:docDefaults/w:rPrDefault).</summary>
    public static void AssertDefaultFont(WordprocessingDocument document, string font, int points)
    {
        var defaults = document.MainDocumentPart!.StyleDefinitionsPart?.Styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle;
        Assert.NotNull(defaults);
        Assert.Equal((font, font), (defaults.RunFonts?.Ascii?.Value, defaults.RunFonts?.HighAnsi?.Value));
        Assert.Equal((2 * points).ToString(CultureInfo.InvariantCulture), defaults.FontSize?.Val?.Value);
    }

    /// <summary>
    /// Each of the Word file's tables fills the text width of its page (the section it ends in), and
    /// every word in it (or part of one after a slash, where renderers break too) fits its grid
    /// column at <paramref name="points"/> (Arial's widths) between the cell margins: none is broken
    /// mid-word. Header rows are bold.
    /// </summary>
    /// <returns>Each table's page, landscape or not.</returns>
    public static List<bool> AssertEveryWordFitsItsColumn(WordprocessingDocument document, int points)
    {
        var body = document.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<W.Table>().ToList();
        Assert.NotEmpty(tables);
        var landscape = new List<bool>();
        foreach (var table in tables)
        {
            var grid = table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(c => int.Parse(c.Width!, CultureInfo.InvariantCulture)).ToList();
            var page = table.ElementsAfter().Select(e => e as W.SectionProperties ?? e.GetFirstChild<W.ParagraphProperties>()?.GetFirstChild<W.SectionProperties>()).First(p => p is not null)!;
            var (size, margin) = (page.GetFirstChild<W.PageSize>()!, page.GetFirstChild<W.PageMargin>()!);
            Assert.Equal((int)size.Width!.Value - (int)margin.Left!.Value - (int)margin.Right!.Value, grid.Sum());
            landscape.Add(size.Orient?.Value == W.PageOrientationValues.Landscape);

            var margins = table.GetFirstChild<W.TableProperties>()!.TableCellMarginDefault!;
            var room = grid.Select(w => w - margins.TableCellLeftMargin!.Width!.Value - margins.TableCellRightMargin!.Width!.Value).ToList();
            foreach (var (row, header) in table.Elements<W.TableRow>().Select((row, i) => (row, i == 0)))
            {
                foreach (var (cell, column) in row.Elements<W.TableCell>().Select((cell, i) => (WordText.Of(cell), i)))
                {
                    var widest = BreakOpportunity().Split(cell).MaxBy(piece => TextWidth.Twips(piece, points, header))!;
                    Assert.True(
                        TextWidth.Twips(widest, points, header) <= room[column],
                        $"'{widest}' needs {TextWidth.Twips(widest, points, header)} twips; its column (of '{WordText.Of(table.Elements<W.TableRow>().First().Elements<W.TableCell>().ElementAt(column))}') has {room[column]}");
                }
            }
        }

        return landscape;
    }

    [GeneratedRegex("(?<=/)| ")]
    private static partial Regex BreakOpportunity();
}
