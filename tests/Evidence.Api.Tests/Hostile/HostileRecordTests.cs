using System.Net;
using System.Text.Json;

namespace TrialEvidence.Api.Tests.Hostile;

/// <summary>No record, whatever its registry text, can break what others see: every answer stays a 200 that says what the record says.</summary>
public sealed class HostileRecordTests(HostileRecordsFactory factory) : IClassFixture<HostileRecordsFactory>
{
    private readonly HttpClient _client = factory.CreateLoopbackClient();

    private async Task<JsonElement> Json(string url)
    {
        using var response = await _client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 500)]}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Theory]
    [InlineData("/api/trials?pageSize=500", 9)]
    [InlineData("/api/trials?phase=PHASE2&pageSize=500", 0)] // PHASE2" is not PHASE2
    [InlineData("/api/trials?phase=PHASE1&pageSize=500", 9)] // their other phase
    [InlineData("/api/trials?q=sintilimab&pageSize=500", 9)]
    [InlineData("/api/trials?sort=-phase&pageSize=500", 9)]
    [InlineData("/api/trials?country=China&agent=sintilimab&pageSize=500", 0)] // their country is the hostile text
    public async Task A_phase_that_is_no_enum_value_and_hostile_text_do_not_break_the_trial_list(string url, int hostileListed)
    {
        var page = await Json(url);

        var ids = page.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("nctId").GetString()).ToList();
        Assert.Equal(hostileListed, ids.Count(HostileRecordsFactory.Ids.Contains));
        Assert.Equal(page.GetProperty("total").GetInt64(), ids.Count);
    }

    [Fact]
    public async Task The_hostile_records_are_listed_and_keep_the_registrys_text()
    {
        var page = await Json("/api/trials?q=sintilimab&pageSize=500");
        var listed = page.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("nctId").GetString()!).ToHashSet();

        Assert.Superset(HostileRecordsFactory.Ids.ToHashSet(), listed);
        foreach (var (id, text) in HostileRecordsFactory.Ids.Zip(HostileRecordsFactory.Texts))
        {
            var trial = await Json($"/api/trials/{id}");
            Assert.Equal(text, trial.GetProperty("record").GetProperty("briefTitle").GetString());
            Assert.Equal(["PHASE2\"", "PHASE1"], trial.GetProperty("record").GetProperty("phases").EnumerateArray().Select(p => p.GetString()));
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("xlsx")]
    [InlineData("docx")]
    public async Task Table_1_of_the_hostile_records_is_written_in_every_format(string format)
    {
        using var response = await _client.GetAsync($"/api/table1?ids={string.Join(',', HostileRecordsFactory.Ids)}&format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Markdown_link_and_image_syntax_in_a_cell_renders_as_text()
    {
        var markdown = await _client.GetStringAsync($"/api/table1?ids={string.Join(',', HostileRecordsFactory.Ids)}&format=md");

        // GitHub-style rendering: pipe tables, and bare URLs, www. and e-mail addresses made links.
        var html = Markdig.Markdown.ToHtml(markdown, Markdig.MarkdownExtensions.UseAdvancedExtensions(new Markdig.MarkdownPipelineBuilder()).Build());
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("img, script, em, code, del"));
        // The caption alone is bold.
        Assert.Equal(["Table 1. Registered trials (" + HostileRecordsFactory.Ids.Count + ")"], document.QuerySelectorAll("strong").Select(s => s.TextContent));
        Assert.All(document.QuerySelectorAll("a"), a => Assert.StartsWith("https://clinicaltrials.gov/study/", a.GetAttribute("href"), StringComparison.Ordinal));
        var rows = document.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal(HostileRecordsFactory.Ids.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(HostileRecordsFactory.Ids[i], rows[i][0]);
            var written = HostileRecordsFactory.Texts[i].ReplaceLineEndings(" ").Trim();
            var row = string.Join(" | ", rows[i]);
            Assert.True(rows[i].Any(cell => cell.Contains(written, StringComparison.Ordinal)), $"row {i}: {row[..Math.Min(row.Length, 400)]}");
        }
    }

    [Fact]
    public async Task The_raw_markdown_file_reads_as_the_registry_wrote_it()
    {
        var markdown = await _client.GetStringAsync($"/api/table1?ids={HostileRecordsFactory.Ids[7]}&format=md");

        Assert.Contains("ＰＤ－１ {\"a\":\\[1\\]}", markdown, StringComparison.Ordinal); // quotes and letters as written, brackets escaped
        Assert.DoesNotContain("&#", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("&quot;", markdown, StringComparison.Ordinal);
    }
}
