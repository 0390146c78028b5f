using System.Globalization;
using System.Net;
using CsvHelper;
using MiniExcelLibs;

namespace TrialEvidence.Api.Tests.Table1;

/// <summary>A database holding a record whose condition is a spreadsheet formula.</summary>
public sealed class FormulaRecordFactory : EvidenceApiFactory
{
    public FormulaRecordFactory()
    {
        var record = File.ReadAllText(SharedData.CtGovFile("reconstructed", "NCT04167293.json"))
            .Replace("\"Hepatocellular Carcinoma\"", "\"=HYPERLINK(\\\"http://example.invalid\\\",\\\"x\\\")\"", StringComparison.Ordinal)
            .Replace("\"2019-11-19\"", "\"2024-01-01\"", StringComparison.Ordinal) // a newer version, so it becomes current
            .Replace("\"Mian XI\"", "\"<img src=x onerror=alert(1)> | ctl\\u0001char\"", StringComparison.Ordinal); // the sponsor, shown as Institution
        ImportRecords(Database.WriteFile("formula.json", record));
    }
}

public sealed class FormulaCellTests(FormulaRecordFactory factory) : IClassFixture<FormulaRecordFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Hepatocellular carcinoma", "Hepatocellular carcinoma")]
    public void Cells_a_spreadsheet_would_run_are_neutralised(string cell, string written)
    {
        Assert.Equal(written, TrialEvidence.Api.Table1.Table1Export.Neutralised(cell));
    }

    [Fact]
    public async Task Csv_and_excel_exports_carry_the_formula_as_text()
    {
        var csv = await _client.GetByteArrayAsync("/api/table1?ids=NCT04167293&format=csv");
        var xlsx = await _client.GetByteArrayAsync("/api/table1?ids=NCT04167293&format=xlsx");

        using var reader = new CsvReader(new StreamReader(new MemoryStream(csv)), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        reader.Read();
        Assert.StartsWith("'=HYPERLINK", reader.GetField("Disease"), StringComparison.Ordinal);
        var row = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();
        Assert.StartsWith("'=HYPERLINK", row["Disease"]?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Word_markdown_and_html_exports_survive_control_characters_and_markup()
    {
        var docx = await _client.GetAsync("/api/table1?ids=NCT04167293&format=docx");
        var markdown = await _client.GetStringAsync("/api/table1?ids=NCT04167293&format=md");

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var row = markdown.Split('\n')[4]; // after the caption, a blank line, the header and its rule
        Assert.Contains("\\<img src=x onerror=alert(1)> \\| ctl", row, StringComparison.Ordinal); // HTML and the pipe escaped
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(row, @"(?<!\\)\|")); // 9 cells, 10 borders
        var rendered = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            Markdig.Markdown.ToHtml(markdown, Markdig.MarkdownExtensions.UseAdvancedExtensions(new Markdig.MarkdownPipelineBuilder()).Build()));
        Assert.Empty(rendered.QuerySelectorAll("img"));
        Assert.StartsWith("<img src=x onerror=alert(1)> | ctl", rendered.QuerySelectorAll("tbody td")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_keeps_the_registrys_text_unchanged()
    {
        using var response = await _client.GetAsync("/api/table1?ids=NCT04167293");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"disease\":\"=HYPERLINK", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
