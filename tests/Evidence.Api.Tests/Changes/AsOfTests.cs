using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TrialEvidence.Api.Tests.Changes;

/// <summary>../shared/ctgov with NCT05147467 (75 estimated, posted 2024-01-23) raised to 90 on 2024-03-15 and closed at 68 actual on 2024-09-30.</summary>
public sealed class HistoryFactory : EvidenceApiFactory
{
    public HistoryFactory()
    {
        ImportRecords(Database.WriteFile("v2.json", LaterVersion.OfShared("NCT05147467", "2024-03-15", LaterVersion.Enrollment(90, "ESTIMATED"))));
        ImportRecords(Database.WriteFile("v3.json", LaterVersion.OfShared("NCT05147467", "2024-09-30", LaterVersion.Status("ACTIVE_NOT_RECRUITING") + LaterVersion.Enrollment(68, "ACTUAL"))));
    }
}

/// <summary>A review's Table 1 as the registry stood on its search date, and next to today's with the changed cells marked.</summary>
public sealed class AsOfTests(HistoryFactory factory) : IClassFixture<HistoryFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<JsonElement> Json(string url, HttpStatusCode expected = HttpStatusCode.OK) => _client.GetJson(url, expected);

    private static (string? Enrollment, string? Status) Cells(JsonElement table, int row = 0) =>
        (table.GetProperty("rows")[row].GetProperty("enrollment").GetString(), table.GetProperty("rows")[row].GetProperty("status").GetString());

    [Fact]
    public async Task Table_1_as_of_a_date_is_built_from_the_versions_current_then()
    {
        var temporary = Path.Combine(Path.GetTempPath(), "trialevidence-asof");
        var before = Directory.Exists(temporary) ? Directory.GetDirectories(temporary).ToHashSet() : [];
        var june = await Json("/api/table1?ids=NCT05147467&asOf=2024-06-01");
        var february = await Json("/api/table1?ids=NCT05147467&asOf=2024-02-01");
        var today = await Json("/api/table1?ids=NCT05147467");
        var earlier = await Json("/api/table1?ids=NCT05147467,NCT03418623&asOf=2023-01-01");

        Assert.Equal(("90 (estimated); first estimate 75", "Recruiting"), Cells(june));
        Assert.Equal("2024-06-01", june.GetProperty("asOf").GetString());
        Assert.StartsWith("updated 2024-03-15", june.GetProperty("rows")[0].GetProperty("recordVersion").GetString(), StringComparison.Ordinal);
        Assert.Equal(("75 (estimated)", "Recruiting"), Cells(february));
        Assert.Equal(("68 (actual); first estimate 75", "Active, not recruiting"), Cells(today));
        // NCT05147467 had no stored version yet; NCT03418623 (last updated 2020) did.
        Assert.Equal(["NCT03418623"], earlier.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("nctNumber").GetString()));
        Assert.Equal(["NCT05147467"], earlier.GetProperty("notFound").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain(Directory.GetDirectories(temporary), d => !before.Contains(d)); // each answer's database is gone with it
    }

    [Fact]
    public async Task Compared_to_a_date_the_cells_that_changed_since_are_named_with_their_value_then()
    {
        var table = await Json("/api/table1?ids=NCT05147467,NCT03418623&compareTo=2024-06-01");

        var comparison = table.GetProperty("comparison");
        Assert.Equal("2024-06-01", comparison.GetProperty("comparedTo").GetString());
        var changed = comparison.GetProperty("changed");
        Assert.Equal(["NCT05147467"], changed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["Enrollment: 90 (estimated); first estimate 75 -> 68 (actual); first estimate 75", "Status: Recruiting -> Active, not recruiting"],
            changed.GetProperty("NCT05147467").EnumerateArray().Select(c => $"{c.GetProperty("column")}: {c.GetProperty("then")} -> {c.GetProperty("now")}"));
        Assert.Equal(0, comparison.GetProperty("newSince").GetArrayLength());
    }

    [Fact]
    public async Task Compared_to_a_date_an_empty_table_rebuilds_nothing_and_says_so()
    {
        var table = await Json("/api/table1?topic=no-such-topic&compareTo=2024-06-01");

        Assert.Equal(0, table.GetProperty("rows").GetArrayLength());
        Assert.Equal("2024-06-01", table.GetProperty("comparison").GetProperty("comparedTo").GetString());
        Assert.Empty(table.GetProperty("comparison").GetProperty("changed").EnumerateObject());
    }

    [Fact]
    public async Task The_html_and_word_files_mark_the_changed_cells_and_say_what_the_marks_mean()
    {
        var html = await _client.GetStringAsync("/api/table1?ids=NCT05147467,NCT03418623&compareTo=2024-06-01&format=html");
        var docx = await _client.GetByteArrayAsync("/api/table1?ids=NCT05147467,NCT03418623&compareTo=2024-06-01&format=docx");

        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "<td class=\"[^\"]*\\bchanged\""));
        Assert.Contains("<span class=\"was\">2024-06-01: Recruiting</span>", html, StringComparison.Ordinal);
        Assert.Contains("Marked cells changed since the registry as of 2024-06-01", html, StringComparison.Ordinal);

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var problems = new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} at {e.Path?.XPath}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var shaded = document.MainDocumentPart!.Document!.Descendants<TableCell>().Where(c => c.Descendants<Shading>().Any()).ToList();
        Assert.Equal(2, shaded.Count);
        Assert.Contains(shaded, c => c.InnerText.Contains("2024-06-01: Recruiting", StringComparison.Ordinal));
        Assert.Contains("Marked cells changed since", document.MainDocumentPart.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trial_and_the_trial_list_answer_as_of_a_date()
    {
        var trial = await Json("/api/trials/NCT05147467?asOf=2024-06-01");
        var list = await Json("/api/trials?asOf=2024-06-01&q=APG-2575");
        await Json("/api/trials/NCT05147467?asOf=2023-01-01", HttpStatusCode.NotFound);

        Assert.Equal(("RECRUITING", 90), (trial.GetProperty("record").GetProperty("overallStatus").GetString(), trial.GetProperty("record").GetProperty("enrollmentCount").GetInt32()));
        var version = trial.GetProperty("currentVersion");
        Assert.Equal(("2024-03-15", false), (version.GetProperty("lastUpdatePostedDate").GetString(), version.GetProperty("current").GetBoolean()));
        Assert.Equal([75, 90], trial.GetProperty("enrollmentHistory").EnumerateArray().Select(e => e.GetProperty("count").GetInt32()));
        var raw = await _client.GetStringAsync($"/api/trials/NCT05147467/raw?version={version.GetProperty("id").GetInt64()}");
        Assert.Contains("\"2024-03-15\"", raw, StringComparison.Ordinal);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal("RECRUITING", list.GetProperty("trials")[0].GetProperty("overallStatus").GetString());
    }

    [Theory]
    [InlineData("/api/table1?ids=NCT05147467&asOf=2024-6-1", "asOf")]
    [InlineData("/api/table1?ids=NCT05147467&compareTo=yesterday", "compareTo")]
    [InlineData("/api/trials?asOf=2024-02-30", "asOf")]
    [InlineData("/api/trials/NCT05147467?asOf=2024", "asOf")]
    public async Task A_date_that_is_not_a_registry_date_is_refused_naming_the_parameter(string url, string parameter)
    {
        var problem = await Json(url, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }
}
