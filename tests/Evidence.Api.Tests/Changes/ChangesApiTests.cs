using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace TrialEvidence.Api.Tests.Changes;

/// <summary>
/// ../shared/ctgov, then later versions of two of its records imported over them: NCT05147467
/// closes (status, enrollment) and NCT03281889 completes its primary phase and adds a site.
/// </summary>
public sealed class ChangedRecordsFactory : EvidenceApiFactory
{
    public ChangedRecordsFactory()
    {
        ImportRecords(Database.WriteFile("NCT05147467-v2.json", LaterVersion.OfShared(
            "NCT05147467", "2024-06-30", LaterVersion.Status("ACTIVE_NOT_RECRUITING") + LaterVersion.Enrollment(68, "ACTUAL"))));
        ImportRecords(Database.WriteFile("NCT03281889-v2.json", LaterVersion.OfShared("NCT03281889", "2022-04-20", LaterVersion.Status("ACTIVE_NOT_RECRUITING") + (r =>
        {
            LaterVersion.StatusModule(r)["primaryCompletionDateStruct"] = new JsonObject { ["date"] = "2022-03-31", ["type"] = "ACTUAL" };
            r["protocolSection"]!["contactsLocationsModule"]!["locations"]!.AsArray()
                .Add(new JsonObject { ["facility"] = "Boston Children's Hospital", ["city"] = "Boston", ["country"] = "United States" });
        }))));
    }
}

public sealed class ChangesApiTests(ChangedRecordsFactory factory) : IClassFixture<ChangedRecordsFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<JsonElement> Json(string url, HttpStatusCode expected = HttpStatusCode.OK) => _client.GetJson(url, expected);

    private static List<string> Lines(JsonElement page) =>
        page.GetProperty("changes").EnumerateArray()
            .Select(c => $"{c.GetProperty("nctId")} {c.GetProperty("field")}: {c.GetProperty("old")} -> {c.GetProperty("new")} ({c.GetProperty("registryDate")})")
            .ToList();

    [Fact]
    public async Task The_feed_lists_every_change_newest_first_with_its_versions_and_dates()
    {
        var page = await Json("/api/changes");

        Assert.Equal(
            [
                "NCT03281889 sites:  -> Boston Children's Hospital, Boston, United States (2022-04-20)",
                "NCT03281889 primaryCompletionDate: 2022-03-31 (estimated) -> 2022-03-31 (actual) (2022-04-20)",
                "NCT03281889 status: Recruiting -> Active, not recruiting (2022-04-20)",
                "NCT05147467 enrollment.type: Estimated -> Actual (2024-06-30)",
                "NCT05147467 enrollment.count: 75 -> 68 (2024-06-30)",
                "NCT05147467 status: Recruiting -> Active, not recruiting (2024-06-30)",
            ],
            Lines(page));
        var change = page.GetProperty("changes")[5];
        Assert.Equal(
            ["nctId", "field", "old", "new", "registryDate", "observedAt", "fromVersion", "toVersion"],
            change.EnumerateObject().Select(p => p.Name));
        Assert.True(change.GetProperty("toVersion").GetInt64() > change.GetProperty("fromVersion").GetInt64());
        Assert.True(DateTimeOffset.TryParse(change.GetProperty("observedAt").GetString(), out _));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        Assert.StartsWith("Proton Craniospinal", page.GetProperty("trials").GetProperty("NCT03281889").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_narrow_by_field_trial_and_time()
    {
        var status = await Json("/api/changes?field=status&field=enrollment.count");
        var oneTrial = await Json("/api/changes?ids=nct05147467");
        var future = await Json("/api/changes?since=2999-01-01");
        var registry = await Json("/api/changes?registrySince=2023");

        Assert.Equal(3, Lines(status).Count);
        Assert.All(Lines(status), l => Assert.Matches(" (status|enrollment.count):", l));
        Assert.Equal(3, Lines(oneTrial).Count);
        Assert.All(Lines(oneTrial), l => Assert.StartsWith("NCT05147467", l, StringComparison.Ordinal));
        Assert.Empty(Lines(future));
        Assert.Equal(Lines(oneTrial), Lines(registry));
    }

    [Fact]
    public async Task Pages_follow_the_cursor_without_repeating_or_losing_a_change()
    {
        var all = Lines(await Json("/api/changes"));
        var walked = new List<string>();
        var url = "/api/changes?pageSize=4";
        while (true)
        {
            var page = await Json(url);
            walked.AddRange(Lines(page));
            if (page.GetProperty("nextCursor").GetString() is not { } cursor)
            {
                break;
            }

            url = $"/api/changes?pageSize=4&cursor={Uri.EscapeDataString(cursor)}";
        }

        Assert.Equal(all, walked);
    }

    [Theory]
    [InlineData("since=yesterday", "since")]
    [InlineData("since=2026-12-01T08:00:00", "since")] // a time without its offset means another moment elsewhere
    [InlineData("registrySince=2024-13", "registrySince")]
    [InlineData("field=enrollment", "field")]
    [InlineData("ids=NCT123", "ids")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor")]
    public async Task Bad_filters_are_refused_naming_the_parameter(string query, string parameter)
    {
        var problem = await Json($"/api/changes?{query}", HttpStatusCode.BadRequest);
        var atom = await Json($"/api/changes.atom?{query}", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        Assert.True(atom.GetProperty("errors").TryGetProperty(parameter, out _), atom.ToString());
    }

    [Fact]
    public async Task An_unknown_field_names_the_fields_there_are()
    {
        var problem = await Json("/api/changes?field=enrolment", HttpStatusCode.BadRequest);

        Assert.Contains("'enrollment.count'", problem.GetProperty("errors").GetProperty("field")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trial_timeline_holds_its_own_changes_and_an_unknown_trial_is_404()
    {
        var timeline = await Json("/api/trials/NCT05147467/changes");
        var unchanged = await Json("/api/trials/NCT03418623/changes");
        await Json("/api/trials/NCT99999999/changes", HttpStatusCode.NotFound);

        Assert.Equal(3, timeline.GetProperty("changes").GetArrayLength());
        Assert.All(timeline.GetProperty("changes").EnumerateArray(), c => Assert.Equal("NCT05147467", c.GetProperty("nctId").GetString()));
        Assert.Equal(0, unchanged.GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public async Task The_atom_feed_is_valid_atom_with_one_entry_per_trial_and_version()
    {
        using var response = await _client.GetAsync("/api/changes.atom");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(new MemoryStream(bytes));
        var feed = SyndicationFeed.Load(reader);
        var entries = feed.Items.ToList();
        Assert.Equal(2, entries.Count);
        Assert.StartsWith("NCT03281889: ", entries[0].Title.Text, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/trials/NCT03281889#version-", entries[0].Id, StringComparison.Ordinal);
        Assert.Equal(new Uri("http://localhost/trials/NCT05147467"), entries[1].Links.Single(l => l.RelationshipType == "alternate").Uri);
        Assert.Equal(["status", "enrollment.count", "enrollment.type"], entries[1].Categories.Select(c => c.Name));
        Assert.Equal(new DateTimeOffset(2024, 6, 30, 0, 0, 0, TimeSpan.Zero), entries[1].PublishDate);
        Assert.Contains("75 → 68", ((TextSyndicationContent)entries[1].Content).Text, StringComparison.Ordinal);

        // What RFC 4287 requires of a feed and of each entry: id, title, updated; an author for the feed.
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var document = XDocument.Load(new MemoryStream(bytes));
        Assert.Equal(atom + "feed", document.Root!.Name);
        foreach (var element in new[] { document.Root }.Concat(document.Root.Elements(atom + "entry")))
        {
            Assert.All(new[] { "id", "title", "updated" }, name => Assert.Single(element.Elements(atom + name)));
        }

        Assert.NotNull(document.Root.Element(atom + "author")?.Element(atom + "name"));
        Assert.Equal("self", document.Root.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("rel")!.Value);
    }

    [Theory]
    [InlineData("/trials/NCT05147467", "trial.js")]
    [InlineData("/trials/nct05147467", "trial.js")]
    [InlineData("/changes", "changes.js")]
    public async Task The_trial_page_and_the_changes_page_are_served_under_the_page_policy(string path, string script)
    {
        using var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<script type=\"module\" src=\"/{script}\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
