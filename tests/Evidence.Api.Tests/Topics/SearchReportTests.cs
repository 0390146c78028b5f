using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using TrialEvidence.Data.Database;
using TrialEvidence.Harvesting;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace TrialEvidence.Api.Tests.Topics;

/// <summary>
/// /api/topics/{name}/report read as a reader sees it (the Markdown rendered, the Word file
/// opened), each statement checked against the harvest_runs rows the harvests wrote.
/// </summary>
public sealed class SearchReportTests(HarvestedTopicFactory factory) : IClassFixture<HarvestedTopicFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_methods_paragraph_states_the_registry_query_dates_and_counts_of_the_harvest_runs()
    {
        var runs = Runs();
        var (full, update, failed) = (runs[0], runs[1], runs[2]);
        Assert.Equal(("full", "succeeded", "incremental", "succeeded", "failed"), (full.Kind, full.Outcome, update.Kind, update.Outcome, failed.Outcome));

        var report = await Markdown("/api/topics/everything/report");

        var paragraph = report.QuerySelectorAll("p")[0].TextContent;
        Assert.Equal(
            $"We searched ClinicalTrials.gov (API v2, {factory.Registry.BaseAddress}) on {full.HarvestStartedAt[..10]} (registry data of {full.RegistryDataTimestamp![..10]}) "
            + $"using the query query.term=NCT. The search found {full.TotalCount} records: {full.StudiesNew} new to the evidence database, "
            + $"{full.StudiesChanged} changed and {full.StudiesUnchanged} unchanged since last stored{(full.StudiesRejected > 0 ? $", {full.StudiesRejected} rejected as unreadable" : string.Empty)}. "
            + $"We updated the search once ({update.HarvestStartedAt[..10]}), asking for the records updated in the registry since the day before the previous search: "
            + $"{Records(update.TotalCount)} found, {update.StudiesNew} new and {update.StudiesChanged} changed. "
            + $"Date last searched: {update.HarvestStartedAt[..10]} (registry data of {HarvestedTopicFactory.UpdatedDataTimestamp[..10]}). "
            + "1 harvest attempt failed or was interrupted without a later run completing it (see Harvests).",
            paragraph);
        // What the harvests did, not a restatement of the configuration: the update found the one record the registry changed.
        Assert.Equal((1, 0, 1), (update.TotalCount, update.StudiesNew, update.StudiesChanged));
        Assert.True(full.StudiesNew > 20);
        Assert.Equal(full.TotalCount, full.StudiesNew + full.StudiesRejected);
    }

    [Fact]
    public async Task The_harvest_table_has_a_row_per_run_with_its_dates_and_counts_and_the_query_as_configured()
    {
        var report = await Markdown("/api/topics/everything/report");

        Assert.Equal(
            Runs().Select(r => new[]
            {
                r.Id.ToString(CultureInfo.InvariantCulture), r.Kind, r.UpdatedSince is null ? "all records" : $"records updated since {r.UpdatedSince}", r.Outcome,
                r.RegistryDataTimestamp ?? "—", r.TotalCount?.ToString(CultureInfo.InvariantCulture) ?? "—",
                $"{r.StudiesNew}", $"{r.StudiesChanged}", $"{r.StudiesUnchanged}", $"{r.StudiesRejected}",
            }),
            Table(report, "Harvests").Select(cells => cells.Where((_, i) => i != 1).ToArray()));
        Assert.All(Table(report, "Harvests"), cells => Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", cells[1]));
        Assert.Equal([["query.term", "NCT"]], Table(report, "Query"));
        Assert.Equal(
            [["ClinicalTrials.gov", "API v2", factory.Registry.BaseAddress.ToString(), Runs()[1].HarvestStartedAt[..10], HarvestedTopicFactory.UpdatedDataTimestamp]],
            Table(report, "Registry searched"));
    }

    [Fact]
    public async Task The_table1_filters_are_stated_in_words_with_the_number_of_the_topics_trials_that_pass()
    {
        const string Filters = "status=RECRUITING&modality=SBRT&modality=EBRT";
        var table = await _client.GetJson($"/api/table1?topic=everything&{Filters}&limit=1");
        var found = await _client.GetJson("/api/table1?topic=everything&limit=1");

        var report = await Markdown($"/api/topics/everything/report?{Filters}");

        var passing = table.GetProperty("total").GetInt64();
        var all = found.GetProperty("total").GetInt64();
        Assert.InRange(passing, 1, all - 1);
        Assert.Equal(TopicTrials(), all);
        Assert.Equal(
            $"In all, the searches found {all} trials. For Table 1 we kept the {passing} trial{(passing == 1 ? string.Empty : "s")} of them with overall status Recruiting and giving SBRT or EBRT.",
            report.QuerySelectorAll("p")[1].TextContent);
        Assert.Equal(
            [["status", "RECRUITING", "with overall status Recruiting"], ["modality", "SBRT, EBRT", "giving SBRT or EBRT"]],
            Table(report, "Table 1"));
        Assert.Equal(
            $"{passing} trial{(passing == 1 ? string.Empty : "s")} pass, of {all} trials the searches found. The same table: /api/table1?topic=everything&{Filters}.",
            report.QuerySelectorAll("p")[^1].TextContent);
    }

    [Fact]
    public async Task The_word_report_is_set_in_arial_9_pt_with_every_word_whole_in_its_column_a_wide_table_on_a_landscape_page()
    {
        var docx = await _client.GetByteArrayAsync("/api/topics/everything/report?status=RECRUITING&modality=SBRT&format=docx");

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);

        ReportReader.AssertDefaultFont(document, "Arial", 9);
        // Registry searched, Query, Harvests, Table 1's filters: only the harvests' eleven columns need a landscape page.
        Assert.Equal([false, false, true, false], ReportReader.AssertEveryWordFitsItsColumn(document, 9));
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }

    [Fact]
    public async Task A_curated_list_names_the_ids_not_in_the_database()
    {
        var report = await Markdown("/api/topics/everything/report?ids=NCT05147467,NCT03281889,NCT04611165");

        Assert.Equal(
            $"In all, the searches found {TopicTrials()} trials. Table 1 lists the 2 trials of the 3 asked for by NCT number that the searches found. Not in the evidence database: NCT04611165.",
            report.QuerySelectorAll("p")[1].TextContent);
    }

    [Fact]
    public async Task The_word_report_is_valid_open_xml_and_says_what_the_markdown_says()
    {
        var markdown = await Markdown("/api/topics/everything/report?status=RECRUITING");
        using var response = await _client.GetAsync("/api/topics/everything/report?status=RECRUITING&format=docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("everything-search-report.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var problems = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var body = document.MainDocumentPart!.Document!.Body!;
        // Paragraphs that end a section (before and after a landscape page) hold only its page setup.
        var paragraphs = body.Elements<W.Paragraph>().Where(p => p.ParagraphProperties?.SectionProperties is null).Select(p => TrialEvidence.Api.Tests.Table1.WordText.Of(p)).ToList();
        Assert.Equal("Search report: everything", paragraphs[0]);
        Assert.Equal(markdown.QuerySelectorAll("p").Select(p => p.TextContent), paragraphs.Where(p => !markdown.QuerySelectorAll("h2").Any(h => h.TextContent == p)).Skip(1));
        Assert.Equal(
            markdown.QuerySelectorAll("table").Select(t => t.QuerySelectorAll("tr").Select(tr => tr.Children.Select(c => c.TextContent).ToArray()).ToList()),
            body.Elements<W.Table>().Select(t => t.Elements<W.TableRow>().Select(tr => tr.Elements<W.TableCell>().Select(c => TrialEvidence.Api.Tests.Table1.WordText.Of(c)).ToArray()).ToList()));
    }

    [Fact]
    public async Task A_topic_never_harvested_gets_a_report_that_says_so()
    {
        var report = await Markdown("/api/topics/hcc-irt/report");

        var paragraphs = report.QuerySelectorAll("p").Select(p => p.TextContent).ToList();
        Assert.StartsWith($"ClinicalTrials.gov (API v2, {factory.Registry.BaseAddress}) has not been searched for the topic hcc-irt yet: no harvest has run. The search will ask for query.cond=", paragraphs[0], StringComparison.Ordinal);
        Assert.Contains("No harvest of the topic hcc-irt has run yet.", paragraphs);
        Assert.Equal("In all, the searches found 0 trials. Table 1 has no trials yet.", paragraphs[1]);
        Assert.Equal("not yet searched", Table(report, "Registry searched")[0][3]);
        // Nothing imported here: no import section and no word of one (ImportedRecordsReportTests has both).
        Assert.DoesNotContain(report.QuerySelectorAll("h2"), h => h.TextContent == "Records imported from files");
        Assert.DoesNotContain(paragraphs, p => p.Contains("import", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/api/topics/melanoma/report", HttpStatusCode.NotFound, "title")]
    [InlineData("/api/topics/everything/report?status=BOGUS", HttpStatusCode.BadRequest, "status")]
    [InlineData("/api/topics/everything/report?format=pdf", HttpStatusCode.BadRequest, "format")]
    [InlineData("/api/topics/everything/report?ids=NCT1", HttpStatusCode.BadRequest, "ids")]
    [InlineData("/api/topics/everything/report?topic=hcc-irt", HttpStatusCode.BadRequest, "topic")]
    public async Task Unknown_topics_and_bad_parameters_are_problems_naming_what_is_wrong(string url, HttpStatusCode status, string named)
    {
        using var response = await _client.GetAsync(url);
        var problem = await _client.GetJson(url, status);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(status == HttpStatusCode.NotFound
            ? problem.GetProperty("detail").GetString()!.Contains("everything", StringComparison.Ordinal)
            : problem.GetProperty("errors").TryGetProperty(named, out _), problem.ToString());
    }

    [Fact]
    public async Task The_accept_header_chooses_word()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/topics/everything/report");
        request.Headers.Accept.ParseAdd("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        using var response = await _client.SendAsync(request);

        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/markdown", (await _client.GetAsync("/api/topics/everything/report")).Content.Headers.ContentType?.MediaType);
    }

    private static string Records(long? count) => count == 1 ? "1 record" : $"{count} records";

    private Task<IDocument> Markdown(string url) => ReportReader.Markdown(_client, url);

    private static List<string[]> Table(IDocument report, string heading) => ReportReader.Table(report, heading);

    private List<HarvestRun> Runs()
    {
        using var connection = factory.Database.Open();
        return [.. connection.Query<HarvestRun>(connection.Sql("""
            SELECT id AS Id, kind AS Kind, outcome AS Outcome, harvest_started_at AS HarvestStartedAt, updated_since AS UpdatedSince,
                   registry_data_timestamp AS RegistryDataTimestamp, total_count AS TotalCount, studies_new AS StudiesNew,
                   studies_changed AS StudiesChanged, studies_unchanged AS StudiesUnchanged, studies_rejected AS StudiesRejected
            FROM harvest_runs WHERE topic = 'everything' ORDER BY id
            """))];
    }

    private long TopicTrials()
    {
        using var connection = factory.Database.Open();
        return connection.ExecuteScalar<long>(connection.Sql("SELECT COUNT(*) FROM topic_studies WHERE topic = 'everything'"));
    }
}
