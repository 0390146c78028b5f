using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrialEvidence.Api.Table1;

namespace TrialEvidence.Api.Tests.Table1;

/// <summary>
/// format=ris read back as a reference manager reads it: records from "TY" to "ER", one per trial,
/// each tag's value compared with the registry record it cites (../shared/ctgov/reconstructed).
/// </summary>
public sealed partial class Table1RisTests(EvidenceApiFactory factory) : ApiTest(factory)
{
    /// <summary>The eight trials of the review's Table 1 (../shared/table1-review.csv); NCT04611165 is not in ../shared/ctgov.</summary>
    private const string ReviewIds = "NCT03482102,NCT03203304,NCT03316872,NCT04167293,NCT03817736,NCT04611165,NCT04547452,NCT04193696";

    [Fact]
    public async Task The_review_trials_are_one_ris_record_each_citing_the_registry_record_as_written()
    {
        using var response = await Client.GetAsync($"/api/table1?ids={ReviewIds}&format=ris");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-research-info-systems", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("table1.ris", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        // Not silently dropped: the id not in the database is named in the header, not made a record.
        Assert.Equal("NCT04611165", response.Headers.GetValues("X-Trials-Not-Found").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'T', bytes[0]); // no byte order mark before the first tag
        var records = Parse(bytes);

        Assert.Equal(ReviewIds.Split(',').Where(id => id != "NCT04611165"), records.Select(r => r.Single("AN")));
        foreach (var record in records)
        {
            var id = record.Single("AN");
            var registry = JsonDocument.Parse(File.ReadAllText(SharedData.CtGovFile("reconstructed", id + ".json"))).RootElement.GetProperty("protocolSection");
            var identification = registry.GetProperty("identificationModule");
            Assert.Equal("DBASE", record.Single("TY"));
            Assert.Equal(id, record.Single("ID"));
            Assert.Equal($"https://clinicaltrials.gov/study/{id}", record.Single("UR"));
            Assert.Equal("ClinicalTrials.gov", record.Single("DB"));
            Assert.Equal(Text(identification, "officialTitle") ?? Text(identification, "briefTitle"), record.Single("TI"));
            var sponsors = registry.GetProperty("sponsorCollaboratorsModule");
            Assert.Equal(sponsors.GetProperty("leadSponsor").GetProperty("name").GetString() + ",", record.Single("AU"));
            Assert.Equal(
                sponsors.TryGetProperty("collaborators", out var collaborators) ? collaborators.EnumerateArray().Select(c => c.GetProperty("name").GetString() + ",") : [],
                record.All("A2"));
            // The first posted date in RIS's own form, and its year; never made up: only where the record has one.
            var status = registry.GetProperty("statusModule");
            var firstPosted = status.TryGetProperty("studyFirstPostDateStruct", out var posted) ? posted.GetProperty("date").GetString()! : null;
            Assert.Equal(firstPosted is null ? [] : [firstPosted[..4]], record.All("PY"));
            Assert.Equal(firstPosted is null ? [] : [$"{firstPosted[..4]}/{firstPosted[5..7]}/{firstPosted[8..10]}/"], record.All("Y1"));
            if (status.TryGetProperty("startDateStruct", out var start))
            {
                Assert.Contains($"Start: {start.GetProperty("date").GetString()}", record.Single("N1"), StringComparison.Ordinal);
            }

            var conditions = registry.TryGetProperty("conditionsModule", out var module)
                ? new[] { "conditions", "keywords" }.SelectMany(list => module.TryGetProperty(list, out var terms) ? terms.EnumerateArray().Select(t => t.GetString()!) : [])
                : [];
            Assert.Equal(conditions.Distinct(StringComparer.OrdinalIgnoreCase), record.All("KW"));
            var summary = registry.TryGetProperty("descriptionModule", out var description) ? Text(description, "briefSummary") : null;
            Assert.Equal(summary is null ? [] : [Spaces().Replace(summary, " ").Trim()], record.All("AB"));
        }
    }

    [Fact]
    public async Task The_review_trials_first_posted_dates_are_ris_dates_with_their_year()
    {
        var records = Parse(await Client.GetByteArrayAsync($"/api/table1?ids={ReviewIds}&format=ris"));

        // From ../shared/ctgov/reconstructed: two of the seven records give a first posted date; the others get no date at all.
        Assert.Equal(
            [("NCT03316872", "2017", "2017/10/20/"), ("NCT04167293", "2019", "2019/11/18/")],
            records.Where(r => r.All("Y1").Count > 0).Select(r => (r.Single("AN"), r.Single("PY"), r.Single("Y1"))));
        Assert.Equal(5, records.Count(r => r.All("Y1").Count == 0 && r.All("PY").Count == 0));
    }

    [Theory]
    [InlineData("2019-11-16", "2019/11/16/")]
    [InlineData("2019-11", "2019/11//")]
    [InlineData("2019", "2019///")]
    [InlineData("November 2019", null)]
    [InlineData("", null)]
    public void A_registry_date_partial_or_whole_is_written_as_ris_writes_dates(string registry, string? ris) =>
        Assert.Equal(ris, Table1Ris.Date(registry));

    [Fact]
    public async Task Every_line_is_a_tag_ended_by_crlf_and_every_record_runs_from_ty_to_er()
    {
        // Every stored trial: registry text with line breaks in summaries and titles must stay one tag a line.
        var text = Encoding.UTF8.GetString(await Client.GetByteArrayAsync("/api/table1?format=ris&limit=5000"));
        var table = await GetJson("/api/table1?limit=5000");

        Assert.DoesNotMatch("[^\r]\n", text);
        Assert.DoesNotMatch("\r[^\n]", text);
        var lines = text.Split("\r\n");
        Assert.All(lines.Where(l => l.Length > 0), l => Assert.Matches("^[A-Z][A-Z0-9]  - ", l));
        var records = Parse(Encoding.UTF8.GetBytes(text));
        Assert.Equal(table.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("nctNumber").GetString()), records.Select(r => r.Single("AN")));
        Assert.All(records, r => Assert.Equal("TY", r.Tags[0].Tag));
        Assert.All(records, r => Assert.Equal("ER", r.Tags[^1].Tag));
        Assert.All(records, r => Assert.Single(r.All("TI")));
    }

    private static string? Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>The file as a reference manager splits it: a record is every tag line from TY to ER.</summary>
    private static List<RisRecord> Parse(byte[] bytes)
    {
        var records = new List<RisRecord>();
        List<(string, string)>? open = null;
        foreach (var line in Encoding.UTF8.GetString(bytes).Split("\r\n").Where(l => l.Length > 0))
        {
            var match = TagLine().Match(line);
            Assert.True(match.Success, $"not a tag line: {line}");
            var (tag, value) = (match.Groups[1].Value, match.Groups[2].Value);
            if (tag == "TY")
            {
                Assert.True(open is null, "TY before the last record's ER");
                open = [];
            }

            Assert.True(open is not null, $"{tag} outside a record");
            open.Add((tag, value));
            if (tag == "ER")
            {
                records.Add(new RisRecord(open));
                open = null;
            }
        }

        Assert.True(open is null, "the last record has no ER");
        return records;
    }

    private sealed record RisRecord(List<(string Tag, string Value)> Tags)
    {
        public List<string> All(string tag) => Tags.Where(t => t.Tag == tag).Select(t => t.Value).ToList();

        public string Single(string tag) => Assert.Single(All(tag));
    }

    [GeneratedRegex("^([A-Z][A-Z0-9])  - ?(.*)$")]
    private static partial Regex TagLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
