using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TrialEvidence.Api.Trials;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Api.Tests.Trials;

/// <summary>
/// Trial lists counted from the facet numbers in memory (FacetSnapshots, issue 11) answer exactly
/// as lists counted in SQL, and a change to the database is seen by the very next request.
/// Each test has databases of its own (it writes to one); the read cache is off so that every
/// answer is computed.
/// </summary>
public sealed class FacetSnapshotTests : IDisposable
{
    private readonly Application _inMemory = new(inMemory: true);
    private readonly Application _inSql = new(inMemory: false);

    public void Dispose()
    {
        _inMemory.Dispose();
        _inSql.Dispose();
    }

    public sealed class Application(bool inMemory) : EvidenceApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            ArgumentNullException.ThrowIfNull(builder);
            builder.UseSetting("Api:FacetCodesInMemory", inMemory ? "true" : "false");
            builder.UseSetting("Api:ReadCacheMegabytes", "0");
        }
    }

    private static async Task<string> Body(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return text;
    }

    /// <summary>The copy read now, and current: the lists that follow count from it.</summary>
    private async Task<FacetSnapshots> Loaded()
    {
        var snapshots = _inMemory.Services.GetRequiredService<FacetSnapshots>();
        await snapshots.LoadAsync(SortColumns);
        Assert.True(snapshots.TryCurrent(out var snapshot, out var version));
        Assert.True(snapshot.Studies > 0);
        // Lists sorted by these columns are paged in memory too.
        Assert.All(SortColumns, column => Assert.True(snapshots.TrySortKeys(column, version, out _), column));
        return snapshots;
    }

    /// <summary>The columns of the sorts the lists below ask for besides NCT order.</summary>
    private static readonly string[] SortColumns = ["brief_title", "enrollment_count", "start_date", "lead_sponsor", "overall_status", "phase", "last_update_posted_date"];

    /// <summary>The values the test database holds of a facet.</summary>
    private string[] Values(string facet)
    {
        using var connection = _inSql.OpenDatabase();
        return [.. connection.Query<string>(connection.Sql("SELECT DISTINCT value FROM study_facets WHERE facet = @facet ORDER BY 1"), new { facet })];
    }

    [Fact]
    public async Task Lists_counted_in_memory_answer_as_lists_counted_in_sql()
    {
        using var memoryClient = _inMemory.CreateClient();
        using var sqlClient = _inSql.CreateClient();
        var snapshots = await Loaded();
        var pools = new Dictionary<string, string[]>
        {
            ["q"] = ["radiotherapy", "hepatocellular", "pembrolizumab", "PD-1", "cancer OR carcinoma", "liver NOT sorafenib", "stereotactic"],
            ["status"] = Values("status"),
            ["phase"] = Values("phase"),
            ["modality"] = [.. Values("modality"), "any"],
            ["target"] = [.. Values("target"), "any"],
            ["country"] = [.. Values("country").Take(5)],
            ["endpoint"] = Values("endpoint"),
        };
        string[] sorts = ["nctId", "-nctId", "title", "-title", "-enrollment", "enrollment", "start", "-sponsor"];
        var random = new Random(23);
        var compared = 0;
        var answeredBefore = snapshots.AnsweredFromMemory;
        for (var n = 0; n < 150; n++)
        {
            // The words alone (one in three) or with one or two other filters: the selections counted from the copy.
            var chosen = n % 3 == 0 ? ["q"] : pools.Keys.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).ToList();
            var query = string.Join("&", chosen.Select(name => $"{name}={Uri.EscapeDataString(pools[name][random.Next(pools[name].Length)])}"));
            var url = $"/api/trials?{query}&sort={sorts[random.Next(sorts.Length)]}&page={random.Next(1, 3)}&pageSize={(random.Next(2) == 0 ? 5 : 20)}";

            Assert.Equal(await Body(sqlClient, url), await Body(memoryClient, url));
            compared++;
        }

        Assert.Equal(150, compared);
        Assert.Equal(150, snapshots.AnsweredFromMemory - answeredBefore); // every list above was counted in memory
    }

    /// <summary>The same topics in both databases: every second study in "liver", every third in "lung" (topic rows are written by trigger).</summary>
    private void AddTopics()
    {
        foreach (var application in new[] { _inMemory, _inSql })
        {
            using var connection = application.OpenDatabase();
            var now = "2026-12-04T00:00:00Z";
            var runId = connection.ExecuteScalar<long>(connection.Sql(
                "INSERT INTO harvest_runs (topic, kind, started_at, harvest_started_at, outcome, query, topic_query, owner) VALUES ('liver', 'full', @now, @now, 'succeeded', '{}', '{}', 'test') RETURNING id"),
                new { now });
            connection.Execute(connection.Sql(
                """
                INSERT INTO topic_studies (topic, nct_id, first_seen_at, last_seen_at, first_run_id, last_run_id)
                SELECT 'liver', nct_id, @now, @now, @runId, @runId FROM studies WHERE rowid % 2 = 0
                UNION ALL SELECT 'lung', nct_id, @now, @now, @runId, @runId FROM studies WHERE rowid % 3 = 0
                """),
                new { now, runId });
        }
    }

    [Fact]
    public async Task Facet_filters_selected_in_memory_answer_as_lists_selected_in_sql()
    {
        using var memoryClient = _inMemory.CreateClient();
        using var sqlClient = _inSql.CreateClient();
        AddTopics();
        var snapshots = await Loaded();
        var countries = Values("country").Take(6).ToArray();
        var pools = new Dictionary<string, string[]>
        {
            ["status"] = Values("status"),
            ["phase"] = Values("phase"),
            ["modality"] = [.. Values("modality"), "any"],
            ["target"] = [.. Values("target"), "any"],
            // Countries as stored and in other case: both select the same studies.
            ["country"] = [.. countries, .. countries.Select(c => c.ToUpperInvariant()), "Atlantis"],
            ["endpoint"] = Values("endpoint"),
            ["setting"] = Values("setting"),
            ["topic"] = Values("topic"),
        };
        // A filter of one value alone is counted from facet_pairs: each pool offers two values or more.
        pools = pools.Where(p => p.Value.Length >= 2).ToDictionary();
        Assert.Contains("topic", pools.Keys);
        Assert.True(pools.Count >= 7, string.Join(", ", pools.Keys));
        string[] sorts = ["nctId", "-nctId", "nctId", "-enrollment", "title", "-start", "sponsor", "status", "-phase", "-updated"];
        var random = new Random(41);
        var answeredBefore = snapshots.AnsweredFromMemory;
        var nonEmpty = 0;
        for (var n = 0; n < 150; n++)
        {
            // Several values of one filter, or values of two or three filters: never a single value (that is counted from facet_pairs).
            var chosen = n % 4 == 0 ? [pools.Keys.ElementAt(random.Next(pools.Count))] : pools.Keys.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).ToList();
            var values = chosen.SelectMany(name => pools[name].OrderBy(_ => random.Next()).Take(chosen.Count == 1 ? 2 : random.Next(1, 4)).Select(v => (name, v))).ToList();
            var query = string.Join("&", values.Select(p => $"{p.name}={Uri.EscapeDataString(p.v)}"));
            var url = $"/api/trials?{query}&sort={sorts[random.Next(sorts.Length)]}&page={random.Next(1, 3)}&pageSize={(random.Next(2) == 0 ? 5 : 20)}"
                + (random.Next(5) == 0 ? "&freeText=exclude" : string.Empty);

            var inSql = await Body(sqlClient, url);
            Assert.Equal(inSql, await Body(memoryClient, url));
            nonEmpty += Total(inSql) > 0 ? 1 : 0;
        }

        Assert.Equal(150, snapshots.AnsweredFromMemory - answeredBefore); // every list above was selected and counted in memory
        Assert.True(nonEmpty >= 50, $"only {nonEmpty} of the selections found studies");
    }

    [Fact]
    public async Task A_change_to_the_database_is_seen_by_the_next_list_and_then_read_into_memory_again()
    {
        using var client = _inMemory.CreateClient();
        var snapshots = await Loaded();
        const string url = "/api/trials?q=hepatocellular&pageSize=100";
        var before = await Body(client, url);
        string removed;
        using (var connection = _inMemory.OpenDatabase())
        {
            var (first, query) = FullTextOracle.Lift(
                "SELECT s.nct_id FROM studies s WHERE s.rowid IN (SELECT rowid FROM study_search WHERE study_search MATCH 'hepatocellular') ORDER BY 1 LIMIT 1");
            removed = connection.ExecuteScalar<string>(connection.Sql(first), query)!;
            connection.Execute(connection.Sql("DELETE FROM studies WHERE nct_id = @removed"), new { removed });
        }

        Assert.False(snapshots.TryCurrent(out _, out _));
        var answered = snapshots.AnsweredFromMemory;
        var after = await Body(client, url);
        Assert.Equal(answered, snapshots.AnsweredFromMemory); // counted in SQL
        Assert.Contains(removed, before, StringComparison.Ordinal);
        Assert.DoesNotContain(removed, after, StringComparison.Ordinal);
        Assert.Equal(Total(before) - 1, Total(after));

        await snapshots.LoadAsync();
        Assert.True(snapshots.TryCurrent(out _, out _));
        Assert.Equal(after, await Body(client, url));
        Assert.Equal(answered + 1, snapshots.AnsweredFromMemory);
    }

    private static long Total(string body) => System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt64();
}
