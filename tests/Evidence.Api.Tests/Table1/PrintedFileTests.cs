using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using TrialEvidence.Api.Table1;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace TrialEvidence.Api.Tests.Table1;

/// <summary>A Word document's text as Word shows it: a non-breaking hyphen is a hyphen.</summary>
internal static class WordText
{
    public static string Of(OpenXmlElement element) =>
        string.Concat(element.Descendants().Select(e => e switch { W.Text text => text.Text, W.NoBreakHyphen => "-", _ => string.Empty }));
}

/// <summary>The Table 1 files laid out for print: Word's page and columns, the HTML page's style and policy, the sheet's page setup.</summary>
public sealed class PrintedFileTests(EvidenceApiFactory factory) : ApiTest(factory)
{
    private static int Twips(string? value) => int.Parse(value!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_word_table_is_a_fixed_grid_filling_the_landscape_text_width_with_room_for_an_nct_id()
    {
        var docx = await Client.GetByteArrayAsync($"/api/table1?ids={Table1ApiTests.ReviewIds}&format=docx");

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var section = body.Elements<W.SectionProperties>().Single();
        var (size, margin) = (section.GetFirstChild<W.PageSize>()!, section.GetFirstChild<W.PageMargin>()!);
        Assert.Equal(W.PageOrientationValues.Landscape, size.Orient!.Value);
        Assert.True(size.Width!.Value > size.Height!.Value, $"a landscape page is wider than tall: {size.Width} x {size.Height}");

        var table = body.Elements<W.Table>().Single();
        var properties = table.GetFirstChild<W.TableProperties>()!;
        var grid = table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(c => Twips(c.Width)).ToList();
        var textWidth = (int)size.Width.Value - margin.Left!.Value - margin.Right!.Value;
        Assert.Equal(9, grid.Count);
        Assert.Equal(textWidth, grid.Sum());
        Assert.Equal(W.TableLayoutValues.Fixed, properties.TableLayout!.Type!.Value);
        Assert.Equal((W.TableWidthUnitValues.Dxa, textWidth), (properties.TableWidth!.Type!.Value, Twips(properties.TableWidth.Width)));
        var rows = table.Elements<W.TableRow>().ToList();
        Assert.All(rows, row => Assert.Equal(grid, row.Elements<W.TableCell>().Select(c => Twips(c.TableCellProperties!.TableCellWidth!.Width))));

        // Eleven characters at 0.6 em each (an NCT id in Arial is 6.5 em) between the cell's margins, at the cells' font size.
        var points = Twips(document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.FontSize!.Val) / 2.0;
        var cellMargins = properties.TableCellMarginDefault!.TableCellLeftMargin!.Width!.Value + properties.TableCellMarginDefault.TableCellRightMargin!.Width!.Value;
        Assert.True(grid[0] - cellMargins >= 11 * 0.6 * points * 20, $"the NCT column is {grid[0]} twips with {cellMargins} of margins, at {points} pt");

        // On paper: the caption stays with the table, the header row repeats on each page, no row is split.
        Assert.NotNull(body.Elements<W.Paragraph>().First().ParagraphProperties?.KeepNext);
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<W.TableHeader>());
        Assert.All(rows, row => Assert.NotNull(row.TableRowProperties?.GetFirstChild<W.CantSplit>()));
    }

    [Fact]
    public void Word_columns_hold_their_longest_word_a_status_on_one_line_and_dates_with_hyphens_that_do_not_break()
    {
        Table1Row Row(string id, string status, string institution) => new(
            id, institution, "Phase 2", "Hepatocellular Carcinoma with macrovascular invasion", "Stereotactic body radiotherapy + atezolizumab + bevacizumab",
            "120 (estimated); first estimate 90", "Objective response rate by mRECIST in the irradiated lesion", status, "updated 2024-01-23, registry data of 2024-01-25",
            120, "ESTIMATED", 90, $"https://clinicaltrials.gov/study/{id}", new string('0', 64));
        var rows = new[]
        {
            Row("NCT05147467", "Active, not recruiting", "Sun Yat-sen University Cancer Center, Guangzhou"),
            Row("NCT03482102", "Enrolling by invitation", "Massachusetts General Hospital"),
        };

        using var document = WordprocessingDocument.Open(new MemoryStream(Table1Export.Word(rows, Table1Row.Columns)), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => e.Description));
        var table = document.MainDocumentPart!.Document!.Body!.Elements<W.Table>().Single();
        var grid = table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(c => Twips(c.Width)).ToList();
        var cellMargins = 2 * 108;
        for (var i = 0; i < Table1Row.Columns.Length; i++)
        {
            var (header, cell) = Table1Row.Columns[i];
            var pieces = rows.Select(r => cell(r) ?? string.Empty).SelectMany(text => Table1Row.OneLine.Contains(header) ? [text] : text.Split(' '));
            var needed = pieces.Max(p => TextWidth.Twips(p, 9));
            Assert.True(grid[i] - cellMargins >= needed, $"{header}: {grid[i]} twips for {needed}");
        }

        var cells = table.Elements<W.TableRow>().Skip(1).First().Elements<W.TableCell>().ToList();
        Assert.Equal("Active, not recruiting", WordText.Of(cells[7]));
        Assert.Equal(4, cells[8].Descendants<W.NoBreakHyphen>().Count()); // 2024-01-23 and 2024-01-25
        Assert.Equal("updated 2024-01-23, registry data of 2024-01-25", WordText.Of(cells[8]));
    }

    [Fact]
    public async Task The_html_file_is_a_styled_print_ready_page_whose_policy_allows_its_one_style()
    {
        using var response = await Client.GetAsync($"/api/table1?ids={Table1ApiTests.ReviewIds}&format=html");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        var style = Assert.Single(document.QuerySelectorAll("style")).TextContent;
        Assert.Empty(document.QuerySelectorAll("link, script, img"));
        Assert.Contains("@page{size:A4 landscape", style, StringComparison.Ordinal);
        var print = style[style.IndexOf("@media print{", StringComparison.Ordinal)..];
        Assert.Contains("thead{display:table-header-group}", print, StringComparison.Ordinal);
        Assert.Contains("tr,th,td{break-inside:avoid", print, StringComparison.Ordinal);
        Assert.Contains("a{color:inherit;text-decoration:none}", print, StringComparison.Ordinal);
        var headers = document.QuerySelectorAll("table > thead th").Select(th => th.TextContent).ToList();
        Assert.Equal(Table1Row.Columns.Select(c => c.Header), headers);
        // Ids, phases and statuses on one line: each of their cells, and none other, of class nb.
        Assert.Contains(".nb{white-space:nowrap}", style, StringComparison.Ordinal);
        var firstRow = document.QuerySelectorAll("table > tbody > tr")[0].Children.ToList();
        Assert.Equal(headers.Select(Table1Row.OneLine.Contains), firstRow.Select(td => td.ClassList.Contains("nb")));
        Assert.Equal("CAPTION", document.QuerySelector("table")!.FirstElementChild!.TagName);
        Assert.StartsWith("Table 1. Registered trials (7)", document.QuerySelector("table > caption")!.TextContent, StringComparison.Ordinal);

        // Served from the API, the page's own policy lets that style (and nothing else) apply.
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains($"style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_excel_sheet_prints_landscape_one_page_wide_with_its_header_row_and_caption_on_every_page()
    {
        var bytes = await Client.GetByteArrayAsync($"/api/table1?ids={Table1ApiTests.ReviewIds}&format=xlsx");

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} at {e.Path?.XPath}"));
        var workbook = document.WorkbookPart!;
        var sheet = ((WorksheetPart)workbook.GetPartById(workbook.Workbook!.Descendants<S.Sheet>().Single(s => s.Name == "Table 1").Id!.Value!)).Worksheet!;
        var setup = sheet.GetFirstChild<S.PageSetup>()!;
        Assert.Equal((S.OrientationValues.Landscape, 1u, 0u), (setup.Orientation!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value));
        Assert.True(sheet.SheetProperties?.PageSetupProperties?.FitToPage?.Value);
        var titles = workbook.Workbook!.GetFirstChild<S.DefinedNames>()!.Elements<S.DefinedName>().Single(n => n.Name == "_xlnm.Print_Titles");
        Assert.Equal("'Table 1'!$1:$1", titles.Text);
        Assert.Contains("Table 1. Registered trials (7)", sheet.GetFirstChild<S.HeaderFooter>()!.OddHeader!.Text, StringComparison.Ordinal);

        // Rows as tall as their wrapped text: the long institution takes more than one line.
        var rows = sheet.Descendants<S.Row>().ToList();
        Assert.All(rows, r => Assert.True(r.CustomHeight?.Value == true && r.Height!.Value >= 15, r.OuterXml[..80]));
        var wordy = rows.Single(r => r.Elements<S.Cell>().Any(c => c.CellValue?.Text == "NCT04167293"));
        Assert.True(wordy.Height!.Value >= 30, $"NCT04167293's row is {wordy.Height} pt");
    }
}
