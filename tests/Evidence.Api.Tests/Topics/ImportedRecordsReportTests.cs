using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using TrialEvidence.Api.Tests.Table1;
using TrialEvidence.Data.Import;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace TrialEvidence.Api.Tests.Topics;

/// <summary>
/// The search report of a database that holds only imported records: the imports are named as a
/// source, apart from the topic's search, which has not run.
/// </summary>
public sealed class ImportedRecordsReportTests(ImportedRecordsFactory factory) : IClassFixture<ImportedRecordsFactory>
{
    private const string Heading = "Records imported from files";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_topic_not_searched_in_a_database_of_imports_names_the_imports_and_what_table1_counts()
    {
        var trials = (await _client.GetJson("/api/table1?limit=1")).GetProperty("total").GetInt64();

        var report = await ReportReader.Markdown(_client, "/api/topics/hcc-irt/report");

        var paragraphs = report.QuerySelectorAll("p").Select(p => p.TextContent).ToList();
        Assert.Contains(") has not been searched for the topic hcc-irt yet: no harvest has run. The search will ask for query.cond=", paragraphs[0], StringComparison.Ordinal);
        // The 69 trials the trial pages show are the imports' own, and said to be outside the topic's Table 1.
        Assert.Equal(69, trials);
        Assert.EndsWith(
            ". The evidence database also holds 69 trials first stored by imports from files (2 imports on 2025-03-04 and 2025-03-05: "
            + "99 records read, 69 new, 2 changed, 28 unchanged; see Records imported from files), which are not part of this topic's search: "
            + "Table 1 counts only the trials the topic's searches found.",
            paragraphs[0],
            StringComparison.Ordinal);
        Assert.Equal("In all, the searches found 0 trials. Table 1 has no trials yet.", paragraphs[1]);
        Assert.Equal(
            [
                ["2025-03-04 09:15", SharedData.CtGov, "98", "69", "2", "27", "0", "succeeded"],
                ["2025-03-05 16:40", SharedData.CtGovFile("NCT03418623.json"), "1", "0", "0", "1", "0", "succeeded"],
            ],
            ReportReader.Table(report, Heading));
    }

    [Fact]
    public async Task The_import_table_has_a_row_per_import_run_in_word_as_in_markdown()
    {
        var recorded = new ImportRuns(factory.Database.Connections, TimeProvider.System).Recent(10);
        var markdown = ReportReader.Table(await ReportReader.Markdown(_client, "/api/topics/hcc-irt/report"), Heading);

        using var document = WordprocessingDocument.Open(new MemoryStream(await _client.GetByteArrayAsync("/api/topics/hcc-irt/report?format=docx")), false);

        var body = document.MainDocumentPart!.Document!.Body!;
        var heading = body.Elements<W.Paragraph>().Single(p => p.InnerText == Heading);
        var table = Assert.IsType<W.Table>(heading.NextSibling());
        var rows = table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(WordText.Of).ToArray()).ToList();
        Assert.Equal(["Started (UTC)", "Paths", "Records read", "New", "Changed", "Unchanged", "Rejected", "Outcome"], rows[0]);
        Assert.Equal(markdown, rows.Skip(1));
        // Long paths and the topic's long query break at spaces and slashes only.
        ReportReader.AssertDefaultFont(document, "Arial", 9);
        Assert.Equal([false, false, false], ReportReader.AssertEveryWordFitsItsColumn(document, 9)); // registry, query, imports: portrait
        Assert.Equal(
            recorded.Reverse().Select(r => string.Join("; ", r.Paths) + " " + r.StudiesRead.ToString(CultureInfo.InvariantCulture)),
            markdown.Select(cells => cells[1] + " " + cells[2]));
    }
}
