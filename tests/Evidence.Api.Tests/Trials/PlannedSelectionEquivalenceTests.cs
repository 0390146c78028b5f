using Dapper;
using TrialEvidence.Api.Trials;
using TrialEvidence.Data.Database;
using Xunit.Abstractions;

namespace TrialEvidence.Api.Tests.Trials;

/// <summary>
/// For random combinations of every filter, the planned selection (narrowest facet
/// drives, others probe), the merged one (facet filters' lists intersected), the unplanned one and
/// the probe-only one (Table 1 ids) select the same trials, on the engine the suite runs on.
/// </summary>
public sealed class PlannedSelectionEquivalenceTests(ITestOutputHelper output)
{
    [Fact]
    public void Planned_unplanned_and_probe_only_selections_agree_for_random_filter_combinations()
    {
        using var database = new ApiDatabase();
        Assert.Empty(database.Import(SharedData.CtGov).Rejections);
        using var connection = database.Open();
        var now = "2026-01-01T00:00:00Z";
        var runId = connection.ExecuteScalar<long>(connection.Sql(
            "INSERT INTO harvest_runs (topic, kind, started_at, harvest_started_at, outcome, query, topic_query, pages, owner) VALUES ('a', 'full', @now, @now, 'succeeded', '{}', '{}', 0, 'x') RETURNING id"),
            new { now });
        var ids = connection.Query<string>(connection.Sql("SELECT nct_id FROM studies ORDER BY nct_id")).ToList();
        foreach (var (id, index) in ids.Select((id, index) => (id, index)))
        {
            foreach (var topic in new[] { index % 2 == 0 ? "even" : "odd", index % 3 == 0 ? "third" : null })
            {
                if (topic is not null)
                {
                    connection.Execute(
                        connection.Sql("INSERT INTO topic_studies (topic, nct_id, first_seen_at, last_seen_at, first_run_id, last_run_id) VALUES (@topic, @id, @now, @now, @runId, @runId)"),
                        new { topic, id, now, runId });
                }
            }
        }

        string[] Values(string facet) => [.. connection.Query<string>(connection.Sql("SELECT DISTINCT value FROM study_facets WHERE facet = @facet ORDER BY value"), new { facet })];
        var pools = new Dictionary<string, string[]>
        {
            ["topic"] = ["even", "odd", "third", "none"],
            ["status"] = Values("status"),
            ["phase"] = Values("phase"),
            ["agent"] = Values("agent"),
            ["target"] = [.. Values("target"), "any"],
            ["modality"] = [.. Values("modality"), "any"],
            ["endpoint"] = Values("endpoint"),
            ["setting"] = Values("setting"),
            ["property"] = FilterRules.Properties,
            ["country"] = [.. Values("country").Take(4), .. Values("country").Take(2).Select(c => c.ToLowerInvariant())],
            ["freeText"] = ["include", "exclude", "only"],
        };
        var random = new Random(19);
        var checkedCombinations = 0;
        var nonEmpty = 0;
        var mismatches = new List<string>();
        for (var n = 0; n < 2000; n++)
        {
            var chosen = pools.Keys.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).ToList();
            string[]? Pick(string name) => chosen.Contains(name) && pools[name].Length > 0
                ? [.. pools[name].OrderBy(_ => random.Next()).Take(name == "freeText" ? 1 : random.Next(1, 6))]
                : null;
            var filters = new TrialFilters
            {
                Topic = Pick("topic"), Status = Pick("status"), Phase = Pick("phase"), Agent = Pick("agent"), Target = Pick("target"),
                Modality = Pick("modality"), Endpoint = Pick("endpoint"), Setting = Pick("setting"), Property = Pick("property"),
                Country = Pick("country"), FreeText = Pick("freeText")?[0],
            };
            var unplanned = TrialReads.Select(filters);
            var planned = TrialReads.Select(connection, filters);
            // Facet filters merged as lists, whatever their sizes (at registry scale, those of 5,000 studies or more).
            var merged = TrialReads.Select(filters, new Dictionary<(string, string), long>(), intersectFrom: 0);
            var probeOnly = TrialReads.Select(filters, probeOnly: true);
            var expected = connection.Query<string>(connection.Sql($"SELECT s.nct_id FROM studies s WHERE {unplanned.Where} ORDER BY 1"), unplanned.Parameters).ToList();
            var got = connection.Query<string>(connection.Sql($"SELECT s.nct_id FROM studies s WHERE {planned.Where} ORDER BY 1"), planned.Parameters).ToList();
            var probed = connection.Query<string>(connection.Sql($"SELECT s.nct_id FROM studies s WHERE {probeOnly.Where} ORDER BY 1"), probeOnly.Parameters).ToList();
            var intersected = connection.Query<string>(connection.Sql($"SELECT s.nct_id FROM studies s WHERE {merged.Where} ORDER BY 1"), merged.Parameters).ToList();
            checkedCombinations++;
            nonEmpty += expected.Count > 0 ? 1 : 0;
            if (!expected.SequenceEqual(got) || !expected.SequenceEqual(probed) || !expected.SequenceEqual(intersected))
            {
                mismatches.Add($"{string.Join("&", chosen)}: unplanned {expected.Count}, planned {got.Count}, probeOnly {probed.Count}, merged {intersected.Count}\n{merged.Where}");
            }
        }

        output.WriteLine($"{checkedCombinations} combinations ({nonEmpty} select trials), {mismatches.Count} mismatches");
        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches.Take(5)));
    }
}
