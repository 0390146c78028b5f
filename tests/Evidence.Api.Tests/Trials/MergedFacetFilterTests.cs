using Dapper;
using Microsoft.AspNetCore.Hosting;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Api.Tests.Trials;

/// <summary>
/// Several facet filters merged as lists (what a registry-sized database does when each selects
/// 5,000 studies or more), forced here on the shared records with Api:MergeFacetFiltersFrom = 0:
/// pages in NCT order read from the merge, facet counts and Table 1 answer as the filters do
/// when asked of the database directly.
/// </summary>
public sealed class MergedFacetFilterTests(MergedFacetFilterTests.MergeAlways factory) : IClassFixture<MergedFacetFilterTests.MergeAlways>
{
    public sealed class MergeAlways : EvidenceApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            ArgumentNullException.ThrowIfNull(builder);
            builder.UseSetting("Api:MergeFacetFiltersFrom", "0");
            builder.UseSetting("Api:ReadCacheMegabytes", "0");
        }
    }

    private readonly HttpClient _client = factory.CreateClient();

    private async Task<System.Text.Json.JsonElement> GetJson(string url)
    {
        using var response = await _client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }

    private List<string> Sql(string where)
    {
        using var connection = factory.OpenDatabase();
        return connection.Query<string>(connection.Sql($"SELECT s.nct_id FROM studies s WHERE {where} ORDER BY s.nct_id")).ToList();
    }

    [Theory]
    [InlineData("status=COMPLETED&phase=PHASE2", "", "s.overall_status = 'COMPLETED' AND ('/' || s.phase || '/') LIKE '%/PHASE2/%'")]
    [InlineData("status=COMPLETED&status=RECRUITING&phase=PHASE2&phase=PHASE3", "-nctId",
        "s.overall_status IN ('COMPLETED', 'RECRUITING') AND (('/' || s.phase || '/') LIKE '%/PHASE2/%' OR ('/' || s.phase || '/') LIKE '%/PHASE3/%')")]
    [InlineData("country=china&phase=PHASE2", "",
        "('/' || s.phase || '/') LIKE '%/PHASE2/%' AND (EXISTS (SELECT 1 FROM locations l WHERE l.nct_id = s.nct_id AND l.country = 'China') OR EXISTS (SELECT 1 FROM study_summaries x WHERE x.nct_id = s.nct_id AND x.country = 'China'))")]
    public async Task Pages_of_merged_facet_filters_walk_the_whole_set_in_order(string query, string sort, string where)
    {
        var all = Sql(where);
        if (sort == "-nctId")
        {
            all.Reverse();
        }

        var walked = new List<string>();
        for (var page = 1; page <= (all.Count / 2) + 2; page++)
        {
            var result = await GetJson($"/api/trials?{query}&sort={(sort.Length == 0 ? "nctId" : sort)}&pageSize=2&page={page}");
            Assert.Equal(all.Count, result.GetProperty("total").GetInt64());
            walked.AddRange(result.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("nctId").GetString()!));
        }

        Assert.True(all.Count > 2, $"{all.Count} trials: too few to page");
        Assert.Equal(all, walked);
        var table = await GetJson($"/api/table1?{query}");
        Assert.Equal(all.Order(StringComparer.Ordinal), table.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("nctNumber").GetString()!));
    }

    [Theory]
    [InlineData("status=COMPLETED&phase=PHASE2")]
    [InlineData("status=COMPLETED&status=RECRUITING&setting=metastatic")]
    public async Task Facet_counts_of_merged_facet_filters_are_what_choosing_each_value_returns(string query)
    {
        var page = await GetJson($"/api/trials?{query}&pageSize=1");
        foreach (var facet in new[] { "modality", "target", "agent", "endpoint", "country" })
        {
            foreach (var value in page.GetProperty("facets").GetProperty(facet).EnumerateArray())
            {
                var name = value.GetProperty("value").GetString()!;
                var chosen = await GetJson($"/api/trials?{query}&{facet}={Uri.EscapeDataString(name)}&pageSize=1");
                Assert.True(value.GetProperty("count").GetInt64() == chosen.GetProperty("total").GetInt64(), $"{query}: {facet}={name}");
            }
        }
    }
}
