using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace TrialEvidence.Api.Tests.Trials;

/// <summary>The API over ../shared/ctgov and the WHO ICTRP export of ../shared/registries.</summary>
/// <remarks>
/// Plus one trial registered twice: an ICTRP export of a ChiCTR record written here that names
/// NCT03418623 (a record of ../shared/ctgov) among its secondary ids and was refreshed later,
/// with another status and sample size (the shared registries hold no trial registered in both).
/// </remarks>
public sealed class RegistriesFactory : EvidenceApiFactory
{
    public const string Linked = "ChiCTR2000099999";

    public const string LinkedTo = "NCT03418623";

    public const string Copied = "NCT02513394";

    public RegistriesFactory()
    {
        var linked = IctrpFixture.Write(
            Path.Combine(Database.Directory, "linked.xml"),
            new IctrpTrial(Linked, "ChiCTR", "The same trial as registered in China", Status: "Completed", TargetSize: "Experimental group:31;", SecondaryIds: LinkedTo,
                Sponsor: "Zhuhai Registration Hospital"));
        // ICTRP's copy of a ClinicalTrials.gov record stored here, refreshed after the registry's last update.
        var copy = IctrpFixture.Write(
            Path.Combine(Database.Directory, "copy.xml"),
            new IctrpTrial(Copied, "ClinicalTrials.gov", "ICTRP's copy", Refreshed: "2 December 2026", Status: "Not recruiting"));
        Import(SharedData.IctrpExport, linked, copy, SharedData.EuctrFile("EUCTR2005-002909-23-PT_protocol.html"));
    }
}

/// <summary>
/// registry= as a filter and a facet, and other registries' records through the same trial
/// list, detail and Table 1 as ClinicalTrials.gov's (issue 14).
/// </summary>
public sealed class RegistryTests(RegistriesFactory factory) : IClassFixture<RegistriesFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("Zhuhai Registration")] // looked up in the sponsors' trigram index
    [InlineData("Zh")]                  // too short for it: compared with every sponsor
    public async Task A_trial_is_found_by_the_sponsor_of_a_registration_listed_under_it(string sponsor)
    {
        var page = await _client.GetJson($"/api/trials?sponsor={Uri.EscapeDataString(sponsor)}&pageSize=100");

        var ids = page.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("nctId").GetString()).ToList();
        Assert.Contains(RegistriesFactory.LinkedTo, ids);
        Assert.DoesNotContain(RegistriesFactory.Linked, ids);
        Assert.Equal(ids.Count, page.GetProperty("total").GetInt64());
    }

    /// <summary>The export's ChiCTR trials as the XML says, read apart from the product.</summary>
    private static List<XElement> ChiCtrTrials() =>
        [.. XDocument.Load(SharedData.IctrpExport).Root!.Elements("Trial").Where(t => t.Element("Source_Register")!.Value == "ChiCTR")];

    [Fact]
    public async Task Registry_chictr_lists_the_chictr_trials_with_the_sources_enrollment_and_status()
    {
        var page = await _client.GetJson("/api/trials?registry=ChiCTR&pageSize=500");
        var trials = page.GetProperty("trials").EnumerateArray().ToDictionary(t => t.GetProperty("nctId").GetString()!);

        // The export's ChiCTR trials, and the trial registered in ChiCTR too, listed under its NCT record.
        var source = ChiCtrTrials();
        Assert.Equal(source.Count + 1, page.GetProperty("total").GetInt64());
        Assert.Equal(source.Select(t => t.Element("TrialID")!.Value).Append(RegistriesFactory.LinkedTo).Order(StringComparer.Ordinal), trials.Keys.Order(StringComparer.Ordinal));
        foreach (var trial in source)
        {
            var shown = trials[trial.Element("TrialID")!.Value];
            Assert.Equal("ChiCTR", shown.GetProperty("registry").GetString());
            var sizes = trial.Element("Target_size")!.Value.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(g => long.TryParse(g[(g.LastIndexOf(':') + 1)..], out var n) ? n : (long?)null).ToList();
            var enrollment = shown.GetProperty("enrollmentCount");
            if (sizes.Count > 0 && sizes.All(s => s is not null))
            {
                Assert.Equal(sizes.Sum(), enrollment.GetInt64());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, enrollment.ValueKind);
            }

            var status = trial.Element("Recruitment_Status")?.Value;
            Assert.Equal(string.IsNullOrEmpty(status) ? null : status, shown.GetProperty("registryStatus").GetString());
        }
    }

    [Fact]
    public async Task The_registry_facet_counts_each_registry_and_its_values_work_as_filters()
    {
        var page = await _client.GetJson("/api/trials?pageSize=1");
        var facet = page.GetProperty("facets").GetProperty("registry").EnumerateArray()
            .ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt64());

        // A trial registered in two registries counts in both.
        Assert.Equal(ChiCtrTrials().Count + 1, facet["ChiCTR"]);
        Assert.Equal(page.GetProperty("total").GetInt64() + 1, facet.Values.Sum());
        foreach (var (registry, count) in facet)
        {
            var filtered = await _client.GetJson($"/api/trials?pageSize=1&registry={Uri.EscapeDataString(registry)}");
            Assert.Equal(count, filtered.GetProperty("total").GetInt64());
        }

        // Under another filter, the registry facet counts within it.
        var recruiting = await _client.GetJson("/api/trials?pageSize=1&status=RECRUITING&registry=chictr");
        Assert.Equal(ChiCtrTrials().Count(t => t.Element("Recruitment_Status")?.Value == "Recruiting"), recruiting.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task An_unknown_registry_is_a_400_listing_the_registries()
    {
        var problem = await _client.GetJson("/api/trials?registry=ChiCTR,EUCTR", HttpStatusCode.BadRequest);

        var message = problem.GetProperty("errors").GetProperty("registry")[0].GetString()!;
        Assert.Contains("'ChiCTR,EUCTR'", message, StringComparison.Ordinal);
        Assert.Contains("'ClinicalTrials.gov', 'ChiCTR', 'EUCTR'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ChiCTR2000029953")]
    [InlineData("chictr2000029953")]
    public async Task A_chictr_trial_has_its_detail_with_its_registry_page_and_groups(string typed)
    {
        var detail = await _client.GetJson($"/api/trials/{typed}");

        Assert.Equal("ChiCTR2000029953", detail.GetProperty("nctId").GetString());
        Assert.Equal("http://www.chictr.org.cn/showproj.aspx?proj=49217", detail.GetProperty("registryUrl").GetString());
        var record = detail.GetProperty("record");
        Assert.Equal("ChiCTR", record.GetProperty("registry").GetString());
        Assert.Equal("WHO ICTRP", record.GetProperty("via").GetString());
        Assert.Equal(400, record.GetProperty("enrollmentCount").GetInt64());
        Assert.Equal(["survival group", "died"], record.GetProperty("enrollmentGroups").EnumerateArray().Select(g => g.GetProperty("group").GetString()));
    }

    [Fact]
    public async Task The_raw_version_of_a_chictr_trial_holds_its_ictrp_element()
    {
        using var response = await _client.GetAsync("/api/trials/ChiCTR2000029953/raw");
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(raw);
        var element = XElement.Parse(json.RootElement.GetProperty("registryDocument").GetString()!);
        Assert.True(XNode.DeepEquals(ChiCtrTrials().Single(t => t.Element("TrialID")!.Value == "ChiCTR2000029953"), element));
    }

    [Fact]
    public async Task Table_1_takes_other_registries_ids()
    {
        using var response = await _client.GetAsync("/api/table1?ids=ChiCTR2000029953,NCT03482102&format=csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ChiCTR2000029953", csv, StringComparison.Ordinal);
        Assert.Contains("NCT03482102", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trial_registered_twice_is_listed_once_under_its_clinicaltrials_gov_record_naming_the_other()
    {
        var page = await _client.GetJson("/api/trials?pageSize=500");
        var ids = page.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("nctId").GetString()!).ToList();

        Assert.DoesNotContain(RegistriesFactory.Linked, ids);
        Assert.Equal(ids.Count, page.GetProperty("total").GetInt64());
        var row = page.GetProperty("trials").EnumerateArray().Single(t => t.GetProperty("nctId").GetString() == RegistriesFactory.LinkedTo);
        Assert.Equal([RegistriesFactory.Linked], row.GetProperty("otherRegistrations").EnumerateArray().Select(r => r.GetString()));
        var chictr = await _client.GetJson("/api/trials?pageSize=500&registry=ChiCTR&q=China");
        Assert.DoesNotContain(RegistriesFactory.Linked, chictr.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("nctId").GetString()));
    }

    [Theory]
    [InlineData(RegistriesFactory.LinkedTo)]
    [InlineData(RegistriesFactory.Linked)]
    public async Task Either_registrations_detail_lists_both_and_the_newest_value_of_each_field(string id)
    {
        var detail = await _client.GetJson($"/api/trials/{id}");

        var registrations = detail.GetProperty("registrations").EnumerateArray().ToList();
        Assert.Equal(id, registrations[0].GetProperty("id").GetString());
        Assert.Equal([RegistriesFactory.Linked, RegistriesFactory.LinkedTo], registrations.Select(r => r.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.All(registrations, r => Assert.Equal(RegistriesFactory.LinkedTo, r.GetProperty("listedAs").GetString()));
        var newest = detail.GetProperty("newest").EnumerateArray().ToDictionary(n => n.GetProperty("field").GetString()!);
        Assert.Equal("COMPLETED", newest["status"].GetProperty("value").GetString());
        Assert.Equal(RegistriesFactory.Linked, newest["status"].GetProperty("from").GetString());
        Assert.Equal("31", newest["enrollment"].GetProperty("value").GetString());
    }

    [Theory]
    [InlineData($"{RegistriesFactory.Linked}")]
    [InlineData($"{RegistriesFactory.Linked},{RegistriesFactory.LinkedTo}")]
    [InlineData($"{RegistriesFactory.LinkedTo},{RegistriesFactory.Linked}")]
    public async Task Table_1_asked_for_by_either_id_has_one_row_for_the_trial(string ids)
    {
        var table = await _client.GetJson($"/api/table1?ids={ids}");

        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(RegistriesFactory.LinkedTo, Assert.Single(rows).GetProperty("nctNumber").GetString());
        Assert.Empty(table.GetProperty("notFound").EnumerateArray());
    }

    [Fact]
    public async Task A_clinicaltrials_gov_trial_also_in_the_ictrp_export_appears_once_with_both_sources_and_its_own_record_shown()
    {
        var page = await _client.GetJson("/api/trials?pageSize=500&registry=ClinicalTrials.gov");
        Assert.Single(page.GetProperty("trials").EnumerateArray(), t => t.GetProperty("nctId").GetString() == RegistriesFactory.Copied);

        var detail = await _client.GetJson($"/api/trials/{RegistriesFactory.Copied}");

        var registration = Assert.Single(detail.GetProperty("registrations").EnumerateArray());
        Assert.Equal(["ClinicalTrials.gov", "WHO ICTRP"], registration.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).Order(StringComparer.Ordinal));
        Assert.NotEqual("ICTRP's copy", detail.GetProperty("record").GetProperty("briefTitle").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("record").GetProperty("via").ValueKind);
    }

    [Fact]
    public async Task A_record_without_dates_of_its_own_is_traced_in_table_1_by_when_it_was_stored()
    {
        var table = await _client.GetJson("/api/table1?ids=EUCTR2005-002909-23-PT");

        var row = Assert.Single(table.GetProperty("rows").EnumerateArray());
        Assert.Matches("^stored [0-9]{4}-[0-9]{2}-[0-9]{2}$", row.GetProperty("recordVersion").GetString());
        Assert.Equal(2420, row.GetProperty("enrollmentCount").GetInt64());
    }
}
