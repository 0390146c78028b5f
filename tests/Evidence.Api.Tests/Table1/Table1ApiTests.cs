using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using MiniExcelLibs;

namespace TrialEvidence.Api.Tests.Table1;

public sealed class Table1ApiTests(EvidenceApiFactory factory) : ApiTest(factory)
{
    internal const string ReviewIds = "NCT03482102,NCT03203304,NCT03316872,NCT04167293,NCT03817736,NCT04611165,NCT04547452,NCT04193696";

    /// <summary>The review's Table 1 cells (../shared/table1-review.csv) as fields to compare.</summary>
    private static readonly Dictionary<string, (string Country, string[] Agents, string? Modality, long? Enrollment)> Review = new()
    {
        ["NCT03482102"] = ("United States", ["tremelimumab", "durvalumab"], "EBRT", 70),
        ["NCT03203304"] = ("United States", ["nivolumab", "ipilimumab"], "SBRT", 50),
        ["NCT03316872"] = ("Canada", ["pembrolizumab"], "SBRT", 30),
        ["NCT04167293"] = ("China", ["sintilimab"], "SBRT", 116),
        ["NCT03817736"] = ("Hong Kong", [], "SBRT", 33),
        ["NCT04547452"] = ("China", ["sintilimab"], "SBRT", 84),
        ["NCT04193696"] = ("China", [], "RT", 39),
    };

    /// <summary>Where the registry record says otherwise (see shared/ctgov/reconstructed/SOURCES.md).</summary>
    private static readonly Dictionary<(string, string), string> Differences = new()
    {
        [("NCT03482102", "modality")] = "the record says only 'Radiation Therapy' (shown as RT)",
        [("NCT03203304", "enrollment")] = "the record has no enrollment",
        [("NCT03316872", "enrollment")] = "the record has no enrollment",
        [("NCT04167293", "country")] = "the lead sponsor is the individual 'Mian XI'; no sites listed",
        [("NCT03482102", "country")] = "no sites listed: the country is not in the record",
        [("NCT03817736", "country")] = "no sites listed",
        [("NCT04547452", "country")] = "no sites listed",
        [("NCT04193696", "country")] = "no sites listed",
        [("NCT04193696", "enrollment")] = "the record has no enrollment",
    };

    [Fact]
    public async Task The_review_ids_give_the_reviews_rows_in_order_with_named_differences()
    {
        var table = await GetJson($"/api/table1?ids={ReviewIds}");

        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(ReviewIds.Split(',').Where(id => id != "NCT04611165"), rows.Select(r => r.GetProperty("nctNumber").GetString()));
        Assert.Equal(["NCT04611165"], table.GetProperty("notFound").EnumerateArray().Select(e => e.GetString()));
        var unexplained = new List<string>();
        foreach (var row in rows)
        {
            var id = row.GetProperty("nctNumber").GetString()!;
            var (country, agents, modality, enrollment) = Review[id];
            var institution = row.GetProperty("institution").GetString() ?? string.Empty;
            var intervention = row.GetProperty("intervention").GetString() ?? string.Empty;
            Compare(id, "country", institution.StartsWith(country, StringComparison.Ordinal), $"'{institution}' for {country}");
            Compare(id, "agents", agents.All(a => intervention.Contains(a, StringComparison.OrdinalIgnoreCase)), $"'{intervention}' for {string.Join(" + ", agents)}");
            Compare(id, "modality", modality is null || intervention.Split(" + ").Select(p => p.Trim()).Contains(modality), $"'{intervention}' for {modality}");
            var count = row.GetProperty("enrollmentCount");
            Compare(id, "enrollment", count.ValueKind == JsonValueKind.Number && count.GetInt64() == enrollment, $"{count} for {enrollment}");
        }

        Assert.True(unexplained.Count == 0, string.Join("\n", unexplained));

        void Compare(string id, string field, bool agrees, string what)
        {
            if (agrees == Differences.ContainsKey((id, field)))
            {
                unexplained.Add(agrees ? $"{id} {field} now agrees: drop the named difference" : $"{id} {field}: {what}");
            }
        }
    }

    public static TheoryData<string> Formats => new("csv", "md", "html", "docx");

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Each_export_format_parses_back_to_the_same_cells(string format)
    {
        var json = await GetJson($"/api/table1?ids={ReviewIds}");
        var expected = json.GetProperty("rows").EnumerateArray().Select(r => new[]
        {
            r.GetProperty("nctNumber").GetString(), r.GetProperty("institution").GetString(), r.GetProperty("phase").GetString(),
            r.GetProperty("disease").GetString(), r.GetProperty("intervention").GetString(), r.GetProperty("enrollment").GetString(),
            r.GetProperty("primaryEndpoint").GetString(), r.GetProperty("status").GetString(), r.GetProperty("recordVersion").GetString(),
        }.Select(c => c ?? string.Empty).ToArray()).ToList();

        using var response = await Client.GetAsync($"/api/table1?ids={ReviewIds}&format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var (header, cells) = format switch
        {
            "csv" => ReadCsv(bytes),
            "md" => ReadMarkdown(bytes),
            "html" => ReadHtml(bytes),
            _ => ReadWord(bytes),
        };

        string[] printed = ["NCT number", "Institution", "Phase", "Disease", "Intervention", "Enrollment", "Primary endpoint", "Status", "Registry version"];
        if (format == "csv")
        {
            // The data file also carries the content hash of the version behind each row; printed files do not.
            var hashes = json.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("contentHash").GetString()!).ToList();
            Assert.Equal([.. printed, "Content hash"], header);
            Assert.Equal(expected.Select((row, i) => row.Append(hashes[i]).ToArray()), cells);
            Assert.All(hashes, h => Assert.Matches("^[0-9a-f]{64}$", h));
        }
        else
        {
            // A printed file says NR where the record gives nothing; the data files leave the cell empty.
            Assert.Equal(printed, header);
            Assert.Equal(expected.Select(row => row.Select(c => c.Length == 0 ? "NR" : c).ToArray()), cells);
            Assert.DoesNotContain(cells.SelectMany(c => c), c => c.Contains("content", StringComparison.Ordinal));
        }
    }

    public static TheoryData<string> PrintedFormats => new("csv", "md", "html", "docx");

    [Theory]
    [MemberData(nameof(PrintedFormats))]
    public async Task Chosen_columns_are_the_files_columns_after_the_nct_number_whatever_their_case(string format)
    {
        var json = await GetJson($"/api/table1?ids={ReviewIds}");

        var bytes = await Client.GetByteArrayAsync($"/api/table1?ids={ReviewIds}&format={format}&columns=status|INSTITUTION");
        var (header, cells) = format switch
        {
            "csv" => ReadCsv(bytes),
            "md" => ReadMarkdown(bytes),
            "html" => ReadHtml(bytes),
            _ => ReadWord(bytes),
        };

        Assert.Equal(format == "csv" ? ["NCT number", "Institution", "Status", "Content hash"] : ["NCT number", "Institution", "Status"], header);
        Assert.Equal(
            json.GetProperty("rows").EnumerateArray().Select(r => new[] { r.GetProperty("nctNumber").GetString(), r.GetProperty("institution").GetString(), r.GetProperty("status").GetString() }),
            cells.Select(c => c[..3]));
    }

    [Theory]
    [InlineData("Institution|Sponsor", "unknown: 'Sponsor'")]
    [InlineData("|", "column headers separated by '|'")]
    public async Task Unknown_columns_are_a_400_naming_them_and_the_allowed_ones(string columns, string expected)
    {
        using var response = await Client.GetAsync($"/api/table1?ids={ReviewIds}&format=csv&columns={Uri.EscapeDataString(columns)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var message = problem.GetProperty("errors").GetProperty("columns")[0].GetString();
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Contains("allowed: 'NCT number', 'Institution'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_markdown_file_has_the_caption_above_the_table_and_the_footnotes_below()
    {
        var markdown = (await Client.GetStringAsync($"/api/table1?ids={ReviewIds}&format=md")).Split('\n');

        Assert.Equal("**Table 1. Registered trials (7)**", markdown[0]);
        Assert.StartsWith("| NCT number | Institution |", markdown[2], StringComparison.Ordinal);
        var after = markdown.SkipWhile(l => l.Length == 0 || l[0] != '|').SkipWhile(l => l.StartsWith('|')).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("Source: ClinicalTrials.gov, ", after[0], StringComparison.Ordinal);
        Assert.Contains(after, l => l.StartsWith("Abbreviations: ", StringComparison.Ordinal) && l.Contains("SBRT, stereotactic body radiotherapy", StringComparison.Ordinal));
        Assert.Contains("Asked for but not in the evidence database: NCT04611165.", after);
    }

    [Fact]
    public async Task Word_and_html_files_carry_a_caption_and_footnotes_naming_the_source_abbreviations_and_trials_not_found()
    {
        var json = await GetJson($"/api/table1?ids={ReviewIds}");
        var html = await Client.GetStringAsync($"/api/table1?ids={ReviewIds}&format=html");
        var docx = await Client.GetByteArrayAsync($"/api/table1?ids={ReviewIds}&format=docx");

        var rows = json.GetProperty("rows").GetArrayLength();
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var problems = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => e.Description).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(WordText.Of).ToList();
        Assert.Equal($"Table 1. Registered trials ({rows})", paragraphs[0]);
        Assert.Contains(paragraphs, p => p.StartsWith("Source: ClinicalTrials.gov, ", StringComparison.Ordinal) && p.Contains(" to ", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Abbreviations: ", StringComparison.Ordinal) && p.Contains("SBRT, stereotactic body radiotherapy", StringComparison.Ordinal));
        Assert.Contains("Asked for but not in the evidence database: NCT04611165.", paragraphs);
        Assert.Contains($"<caption>Table 1. Registered trials ({rows})</caption>", html, StringComparison.Ordinal);
        Assert.Contains("Asked for but not in the evidence database: NCT04611165.", html, StringComparison.Ordinal);
        // Only the abbreviations the cells use: each one listed stands in a cell.
        var listed = paragraphs.Single(p => p.StartsWith("Abbreviations: ", StringComparison.Ordinal))["Abbreviations: ".Length..].TrimEnd('.')
            .Split("; ").Select(a => a.Split(", ")[0]).ToList();
        var cells = string.Join(" ", document.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(WordText.Of));
        Assert.All(listed, a => Assert.Matches($@"(?<!\w){System.Text.RegularExpressions.Regex.Escape(a)}(?![\w-])", cells));
        // "anti-PD-1" uses PD-1; a cell the record leaves empty prints NR, spelled out too.
        Assert.Contains("PD-1", listed);
        Assert.Contains("NR", listed);
        Assert.Contains(paragraphs, p => p.StartsWith("Source: ClinicalTrials.gov, records last updated ", StringComparison.Ordinal) && p.EndsWith($" ({rows - 2} of {rows} records give no update date).", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_excel_sheet_has_enrollment_as_numbers_and_a_frozen_filterable_header_with_widths()
    {
        var json = await GetJson($"/api/table1?ids={ReviewIds}");
        var bytes = await Client.GetByteArrayAsync($"/api/table1?ids={ReviewIds}&format=xlsx");

        var (header, cells) = ReadExcel(bytes);
        Assert.Equal(
            ["NCT number", "Institution", "Phase", "Disease", "Intervention", "Enrollment", "Enrollment type", "First estimate", "Primary endpoint", "Status", "Registry version"],
            header);
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Select(r => r.GetProperty("nctNumber").GetString()), cells.Select(c => c[0]));
        Assert.Equal(
            rows.Select(r => r.GetProperty("enrollmentCount").ValueKind == JsonValueKind.Number ? r.GetProperty("enrollmentCount").GetInt64().ToString(CultureInfo.InvariantCulture) : string.Empty),
            cells.Select(c => c[5]));
        Assert.Equal(rows.Select(r => r.GetProperty("status").GetString()), cells.Select(c => c[9]));

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = Sheet(document, "Table 1");
        var pane = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single();
        Assert.Equal((1d, "frozen"), (pane.VerticalSplit!.Value, pane.State!.InnerText));
        Assert.Single(sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.AutoFilter>());
        Assert.Contains(sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>(), c => c.Width is not null);
        // Enrollment counts are numbers, not text a spreadsheet cannot sum.
        var enrollment = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Where(c => c.CellReference!.Value!.StartsWith('F') && c.CellReference.Value != "F1" && c.CellValue is not null).ToList();
        Assert.NotEmpty(enrollment);
        Assert.All(enrollment, c => Assert.True(c.DataType is null || c.DataType.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, c.OuterXml));
    }

    [Fact]
    public async Task The_excel_file_keeps_the_caption_and_footnotes_on_a_notes_sheet_and_prints_the_chosen_columns()
    {
        var bytes = await Client.GetByteArrayAsync($"/api/table1?ids={ReviewIds}&format=xlsx&columns=Enrollment|Status");

        var (header, cells) = ReadExcel(bytes);
        var (notesHeader, notes) = ReadExcel(bytes, "Notes");

        Assert.Equal(["NCT number", "Enrollment", "Enrollment type", "First estimate", "Status"], header);
        Assert.Equal(7, cells.Count);
        Assert.Equal(["Notes"], notesHeader);
        Assert.Equal("Table 1. Registered trials (7)", notes[0][0]);
        Assert.StartsWith("Source: ClinicalTrials.gov, ", notes[1][0], StringComparison.Ordinal);
        Assert.Contains(["Asked for but not in the evidence database: NCT04611165."], notes);
    }

    [Fact]
    public async Task A_table_cut_at_its_limit_says_how_many_trials_match()
    {
        using var response = await Client.GetAsync("/api/table1?limit=2&format=csv");
        var table = await GetJson("/api/table1?limit=2");

        var total = table.GetProperty("total").GetInt64();
        Assert.Equal(2, table.GetProperty("rows").GetArrayLength());
        Assert.True(total > 2);
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), response.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task Filters_narrow_a_curated_list_without_reordering_it()
    {
        var table = await GetJson($"/api/table1?ids={ReviewIds}&modality=SBRT&target=PD-1");

        // NCT03203304 gives SBRT (named in its titles and summary, not among its interventions) with nivolumab.
        Assert.Equal(["NCT03203304", "NCT03316872", "NCT04167293", "NCT04547452"], table.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("nctNumber").GetString()));
        Assert.Equal(["NCT04611165"], table.GetProperty("notFound").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task An_accept_type_with_q_0_is_not_chosen()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/table1?ids=NCT04167293");
        request.Headers.Accept.ParseAdd("text/csv;q=0");
        request.Headers.Accept.ParseAdd("text/html;q=0.5");

        using var response = await Client.SendAsync(request);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("text/markdown", "**Table 1. Registered trials (1)**\n")]
    [InlineData("application/x-research-info-systems", "TY  - DBASE\r\n")]
    public async Task The_accept_header_chooses_the_format(string accept, string start)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/table1?ids=NCT04167293");
        request.Headers.Accept.ParseAdd(accept);

        using var response = await Client.SendAsync(request);

        Assert.Equal(accept, response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(start, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("modality=SBRT", 500)]
    [InlineData("q=carcinoma", 500)] // words alone: counted and paged from the full-text index
    [InlineData("q=carcinoma", 3)]
    [InlineData("q=radiotherapy&status=RECRUITING", 500)]
    public async Task Filters_give_the_same_rows_as_the_trials_list(string query, int limit)
    {
        var trials = await GetJson($"/api/trials?{query}&pageSize={limit}");
        var table = await GetJson($"/api/table1?{query}&limit={limit}");

        Assert.NotEmpty(table.GetProperty("rows").EnumerateArray());
        Assert.Equal(trials.GetProperty("total").GetInt64(), table.GetProperty("total").GetInt64());
        Assert.Equal(
            trials.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("nctId").GetString()),
            table.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("nctNumber").GetString()));
    }

    private static (string[] Header, List<string[]> Cells) ReadCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? string.Empty).ToArray());
        }

        return (rows[0], rows.Skip(1).ToList());
    }

    /// <summary>The Markdown as a renderer shows it (Markdig, with pipe tables), read back as a table.</summary>
    private static (string[] Header, List<string[]> Cells) ReadMarkdown(byte[] bytes) =>
        ReadHtml(Encoding.UTF8.GetBytes(Markdig.Markdown.ToHtml(Encoding.UTF8.GetString(bytes), Markdig.MarkdownExtensions.UsePipeTables(new Markdig.MarkdownPipelineBuilder()).Build())));

    private static (string[] Header, List<string[]> Cells) ReadHtml(byte[] bytes)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Encoding.UTF8.GetString(bytes));
        var header = document.QuerySelectorAll("thead th").Select(th => th.TextContent).ToArray();
        var rows = document.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        return (header, rows);
    }

    private static DocumentFormat.OpenXml.Spreadsheet.Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var id = workbook.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == name).Id!.Value!;
        return ((WorksheetPart)workbook.GetPartById(id)).Worksheet;
    }

    private static (string[] Header, List<string[]> Cells) ReadExcel(byte[] bytes, string sheet = "Table 1")
    {
        var rows = new MemoryStream(bytes).Query(useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? string.Empty).ToArray()).ToList();
        return (rows[0], rows.Skip(1).ToList());
    }

    private static (string[] Header, List<string[]> Cells) ReadWord(byte[] bytes)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var rows = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(tr => tr.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(WordText.Of).ToArray()).ToList();
        return (rows[0], rows.Skip(1).ToList());
    }
}
