using System.Text.Json;
using Dapper;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Api.Tests.Trials;

/// <summary>Each filter of /api/trials against the same question asked of the database directly.</summary>
public sealed class TrialFilterTests(EvidenceApiFactory factory) : ApiTest(factory)
{
    private async Task<List<string>> Ids(string query)
    {
        var page = await GetJson($"/api/trials?pageSize=500&{query}");
        var ids = page.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("nctId").GetString()!).ToList();
        Assert.Equal(ids.Count, page.GetProperty("total").GetInt64());
        return ids;
    }

    private List<string> Sql(string where, object? parameters = null)
    {
        using var connection = Factory.OpenDatabase();
        var (sql, query) = FullTextOracle.Lift($"SELECT s.nct_id FROM studies s WHERE {where} ORDER BY s.nct_id", parameters);
        return connection.Query<string>(connection.Sql(sql), query).ToList();
    }

    public static TheoryData<string, string> Filters => new()
    {
        { "status=COMPLETED", "s.overall_status = 'COMPLETED'" },
        { "status=completed&status=TERMINATED", "s.overall_status IN ('COMPLETED', 'TERMINATED')" },
        { "phase=PHASE2", "s.phase LIKE '%PHASE2%'" },
        { "phase=PHASE1&phase=PHASE3", "s.phase LIKE '%PHASE1%' OR s.phase LIKE '%PHASE3%'" },
        { "country=China", "EXISTS (SELECT 1 FROM locations l WHERE l.nct_id = s.nct_id AND l.country = 'China') OR EXISTS (SELECT 1 FROM study_summaries x WHERE x.nct_id = s.nct_id AND x.country = 'China')" },
        { "sponsor=university", "s.lead_sponsor LIKE '%university%'" },
        { "sponsor=UNIVERSITY&sponsor=Hospital", "s.lead_sponsor LIKE '%university%' OR s.lead_sponsor LIKE '%hospital%'" }, // through the trigram index, any case
        { "sponsor=niversity%20of", "s.lead_sponsor LIKE '%niversity of%'" }, // inside a word, with a space
        { "sponsor=of", "s.lead_sponsor LIKE '%of%'" }, // too short for a trigram: read from every study
        { "sponsor=%25", "instr(s.lead_sponsor, '%') > 0" }, // % is text
        { "sponsor=%22x", "instr(s.lead_sponsor, '\"x') > 0" }, // a quote is text, not FTS syntax
        { "agent=sintilimab", "s.nct_id IN ('NCT04167293', 'NCT04547452')" },
        { "agent=pembrolizumab&agent=nivolumab", "EXISTS (SELECT 1 FROM intervention_values v WHERE v.nct_id = s.nct_id AND v.field = 'agent' AND v.value IN ('pembrolizumab', 'nivolumab'))" },
        { "target=PD-L1", "EXISTS (SELECT 1 FROM intervention_values v WHERE v.nct_id = s.nct_id AND v.field = 'target' AND v.value = 'PD-L1')" },
        { "target=ICI,%20unspecified", "s.nct_id = 'NCT03817736'" },
        { "modality=SBRT", "EXISTS (SELECT 1 FROM intervention_values v WHERE v.nct_id = s.nct_id AND v.field = 'rt_modality' AND v.value = 'SBRT')" },
        { "endpoint=safety", "EXISTS (SELECT 1 FROM outcomes o WHERE o.nct_id = s.nct_id AND o.kind = 'primary' AND o.endpoint_class = 'safety')" },
        { "minEnrollment=100&maxEnrollment=500", "s.enrollment_count BETWEEN 100 AND 500" },
        { "startFrom=2019-06&startTo=2020", "substr(s.start_date, 1, 7) >= '2019-06' AND substr(s.start_date, 1, 4) <= '2020'" },
        { "updatedSince=2025-01-01", "s.last_update_posted_date >= '2025-01-01'" },
        { "q=sintilimab", "s.nct_id IN ('NCT04167293', 'NCT04547452')" },
        { "q=hepatocellular%20PD-1", "s.nct_id IN (SELECT s2.nct_id FROM studies s2 JOIN study_search f ON f.rowid = s2.rowid WHERE study_search MATCH '\"hepatocellular\" \"PD-1\"')" },
        { "q=asthma%20OR%20melanoma", "s.nct_id IN (SELECT s2.nct_id FROM studies s2 JOIN study_search f ON f.rowid = s2.rowid WHERE study_search MATCH 'asthma OR melanoma')" },
        { "modality=SBRT&target=PD-1&phase=PHASE2", "s.nct_id IN (SELECT nct_id FROM intervention_values WHERE field = 'rt_modality' AND value = 'SBRT') AND s.nct_id IN (SELECT nct_id FROM intervention_values WHERE field = 'target' AND value = 'PD-1') AND s.phase LIKE '%PHASE2%'" },
        { "topic=hcc-irt", "EXISTS (SELECT 1 FROM topic_studies t WHERE t.nct_id = s.nct_id AND t.topic = 'hcc-irt')" },
        { "target=any", "EXISTS (SELECT 1 FROM intervention_values v WHERE v.nct_id = s.nct_id AND v.field = 'target')" },
        { "modality=ANY&modality=SBRT", "EXISTS (SELECT 1 FROM intervention_values v WHERE v.nct_id = s.nct_id AND v.field = 'rt_modality')" },
        { "freeText=only", "EXISTS (SELECT 1 FROM intervention_values v WHERE v.nct_id = s.nct_id AND v.ordinal = -1)" },
        { "modality=SBRT&freeText=exclude", "EXISTS (SELECT 1 FROM intervention_values v WHERE v.nct_id = s.nct_id AND v.field = 'rt_modality' AND v.value = 'SBRT' AND v.ordinal >= 0)" },
        { "modality=SBRT&freeText=include", "EXISTS (SELECT 1 FROM intervention_values v WHERE v.nct_id = s.nct_id AND v.field = 'rt_modality' AND v.value = 'SBRT')" },
        { "modality=any&freeText=exclude", "EXISTS (SELECT 1 FROM intervention_values v WHERE v.nct_id = s.nct_id AND v.field = 'rt_modality' AND v.ordinal >= 0)" },
        { "setting=vascular%20invasion", "s.nct_id = 'NCT04167293'" },
        { "setting=adjuvant&setting=NEOADJUVANT", "s.nct_id IN ('NCT00184067', 'NCT02513394', 'NCT03817736', 'NCT04267848', 'NCT04795661', 'NCT06388018')" },
        { "modality=any&target=any", "EXISTS (SELECT 1 FROM intervention_values v WHERE v.nct_id = s.nct_id AND v.field = 'rt_modality') AND EXISTS (SELECT 1 FROM intervention_values v WHERE v.nct_id = s.nct_id AND v.field = 'target')" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_selects_what_the_database_holds(string query, string where)
    {
        var expected = Sql(where);

        var actual = await Ids(query);

        Assert.Equal(expected, actual);
        Assert.NotEqual(Sql("1 = 1").Count, actual.Count); // the filter did filter
    }

    [Theory]
    [InlineData("startFrom=2004-05-01&startTo=2004-05-31", "NCT00184067")]
    [InlineData("startFrom=2004-05&startTo=2004-05", "NCT00184067")]
    [InlineData("startFrom=2004&startTo=2004", "NCT00184067")]
    public async Task Partial_start_dates_fall_inside_the_range_at_their_own_precision(string query, string expected)
    {
        Assert.Contains(expected, await Ids(query)); // NCT00184067 started "2004-05"
    }

    [Theory]
    [InlineData("PD-1")]
    [InlineData("pd1")]
    [InlineData("%EF%BC%B0%EF%BC%A4%EF%BC%8D%EF%BC%91")] // full-width ＰＤ－１
    public async Task Search_finds_a_target_however_it_is_written(string q)
    {
        Assert.Contains("NCT04547452", await Ids($"q={q}"));
    }

    [Fact]
    public async Task A_sponsor_filter_matches_percent_and_underscore_literally()
    {
        Assert.Empty(await Ids("sponsor=%25"));
        Assert.Empty(await Ids("sponsor=_"));
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("target")]
    [InlineData("country")]
    [InlineData("phase")]
    [InlineData("modality")]
    [InlineData("setting")]
    [InlineData("status")]
    [InlineData("endpoint")]
    public async Task Every_facet_value_works_as_a_filter_and_counts_what_it_selects(string field)
    {
        var page = await GetJson("/api/trials?pageSize=1");

        Assert.NotEmpty(page.GetProperty("facets").GetProperty(field).EnumerateArray());
        foreach (var facet in page.GetProperty("facets").GetProperty(field).EnumerateArray())
        {
            var value = facet.GetProperty("value").GetString()!;
            var selected = await Ids($"{field}={Uri.EscapeDataString(value)}");
            Assert.True(facet.GetProperty("count").GetInt64() == selected.Count, $"{field}={value}: facet {facet.GetProperty("count")}, filter {selected.Count}");
        }
    }

    [Fact]
    public async Task Sort_and_paging_walk_the_whole_ordered_set()
    {
        var all = Sql("s.enrollment_count IS NOT NULL ORDER BY s.enrollment_count DESC, s.nct_id --");
        var walked = new List<string>();
        for (var page = 1; page <= 10; page++)
        {
            var result = await GetJson($"/api/trials?minEnrollment=0&sort=-enrollment&pageSize=7&page={page}");
            walked.AddRange(result.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("nctId").GetString()!));
        }

        Assert.Equal(all, walked);
    }

    [Theory]
    [InlineData("status=COMPLETED", "s.overall_status = 'COMPLETED' ORDER BY s.nct_id --")]
    [InlineData("status=COMPLETED&sort=-nctId", "s.overall_status = 'COMPLETED' ORDER BY s.nct_id DESC --")]
    [InlineData("phase=NA", "('/' || s.phase || '/') LIKE '%/NA/%' ORDER BY s.nct_id --")]
    [InlineData("q=carcinoma", "s.rowid IN (SELECT rowid FROM study_search WHERE study_search MATCH 'carcinoma') ORDER BY s.nct_id --")] // words alone: ids read with the codes
    [InlineData("q=carcinoma&sort=-nctId", "s.rowid IN (SELECT rowid FROM study_search WHERE study_search MATCH 'carcinoma') ORDER BY s.nct_id DESC --")]
    public async Task Paging_one_filter_value_in_nct_order_walks_its_whole_set(string query, string where)
    {
        var all = Sql(where);
        var walked = new List<string>();
        for (var page = 1; page <= 10; page++)
        {
            var result = await GetJson($"/api/trials?{query}&pageSize=4&page={page}");
            walked.AddRange(result.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("nctId").GetString()!));
        }

        Assert.True(all.Count > 4, $"{all.Count} trials: too few to page");
        Assert.Equal(all, walked);
    }

    [Fact]
    public async Task Facets_count_the_whole_filtered_set()
    {
        var page = await GetJson("/api/trials?modality=SBRT&pageSize=1");

        var agents = page.GetProperty("facets").GetProperty("agent").EnumerateArray().ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt64());
        Assert.Equal(2, agents["sintilimab"]);
        Assert.Equal(1, page.GetProperty("trials").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt64() > 1);
        var statuses = page.GetProperty("facets").GetProperty("status").EnumerateArray().Sum(f => f.GetProperty("count").GetInt64());
        Assert.Equal(page.GetProperty("total").GetInt64(), statuses);
    }

    [Fact]
    public async Task A_trial_shows_its_normalised_record_provenance_and_version()
    {
        var trial = await GetJson("/api/trials/nct04547452");

        Assert.Equal("https://clinicaltrials.gov/study/NCT04547452", trial.GetProperty("registryUrl").GetString());
        var drug = trial.GetProperty("record").GetProperty("interventions").EnumerateArray().First(i => i.GetProperty("type").GetString() == "DRUG").GetProperty("ordinal").GetInt32();
        Assert.Equal("sintilimab", trial.GetProperty("normalised").GetProperty("interventions").EnumerateArray().Single(i => i.GetProperty("ordinal").GetInt32() == drug).GetProperty("agents")[0].GetString());
        Assert.Contains(trial.GetProperty("normalised").GetProperty("provenance").EnumerateArray(), p => p.GetProperty("matched").GetString() == "Sintilimab");
        var version = trial.GetProperty("currentVersion");
        var versions = await GetJson("/api/trials/NCT04547452/versions");
        Assert.Equal(version.GetProperty("id").GetInt64(), versions.EnumerateArray().Single(v => v.GetProperty("current").GetBoolean()).GetProperty("id").GetInt64());
        using var raw = await Client.GetAsync("/api/trials/NCT04547452/raw");
        Assert.Equal("application/json", raw.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllText(SharedData.CtGovFile("reconstructed", "NCT04547452.json")).Trim(), await raw.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Topics_and_harvests_are_listed()
    {
        var topics = await GetJson("/api/topics");
        var harvests = await GetJson("/api/harvests");

        Assert.Contains(topics.EnumerateArray(), t => t.GetProperty("name").GetString() == "hcc-irt");
        Assert.Equal(JsonValueKind.Array, harvests.ValueKind);
    }

    [Theory]
    [InlineData("target=PD-1&freeText=exclude")]
    [InlineData("target=PD-1&freeText=include")]
    [InlineData("freeText=exclude")]
    [InlineData("status=COMPLETED")] // one filter value: the counts kept in facet_pairs
    [InlineData("phase=PHASE2")]
    [InlineData("setting=metastatic")]
    [InlineData("endpoint=other")]
    [InlineData("agent=pembrolizumab&freeText=exclude")]
    [InlineData("status=COMPLETED&phase=PHASE2")] // two: counted over the selection (study_facet_codes)
    [InlineData("q=radiotherapy")] // words alone: the full-text index's rows, page and counts
    [InlineData("q=carcinoma&status=RECRUITING")]
    [InlineData("country=china")] // a country in any case
    [InlineData("minEnrollment=50&startFrom=2019-06")] // ranges read from their indexes
    [InlineData("startTo=2020-03")]
    public async Task Every_facet_count_is_what_choosing_that_value_returns_with_or_without_free_text(string query)
    {
        var page = await GetJson($"/api/trials?{query}&pageSize=1");
        Assert.Equal((await Ids(query)).Count, page.GetProperty("total").GetInt64());

        // A facet of a parameter already in the query would add an OR; the others narrow.
        foreach (var facet in new[] { "modality", "target", "agent", "status", "phase", "setting", "endpoint", "country" }.Where(f => !query.Contains(f + "=", StringComparison.Ordinal)))
        {
            foreach (var value in page.GetProperty("facets").GetProperty(facet).EnumerateArray())
            {
                var name = value.GetProperty("value").GetString()!;
                var chosen = await GetJson($"/api/trials?{query}&{facet}={Uri.EscapeDataString(name)}&pageSize=1");
                Assert.True(value.GetProperty("count").GetInt64() == chosen.GetProperty("total").GetInt64(), $"{query}: {facet}={name}");
            }
        }
    }

    [Fact]
    public async Task Free_text_values_count_unless_excluded()
    {
        var withText = await Ids("modality=SBRT&target=PD-1");
        var structuredOnly = await Ids("modality=SBRT&target=PD-1&freeText=exclude");

        Assert.Contains("NCT03203304", withText); // SBRT in its titles, nivolumab among its interventions
        Assert.DoesNotContain("NCT03203304", structuredOnly);
        Assert.Equal(withText.Except(["NCT03203304"]), structuredOnly);
    }
}
