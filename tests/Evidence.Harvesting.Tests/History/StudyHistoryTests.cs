using Dapper;
using Microsoft.AspNetCore.Http;
using TrialEvidence.Harvesting;
using TrialEvidence.ReplayRegistry;

namespace TrialEvidence.Harvesting.Tests.History;

/// <summary>
/// History:Enabled: a harvest reads the earlier versions of the trials it finds for the first
/// time from the website's version history, which the replay registry serves SYNTHETIC (made
/// from the served record: see tests/ReplayRegistry/History/HistoryApi.cs).
/// </summary>
public sealed class StudyHistoryTests : ReplayRegistryTest
{
    private const string Watch = "watch";

    private HarvestTestHost Host(bool history, int? maxVersions = null) => HarvestTestHost.Create(Registry.BaseAddress, configure: settings =>
    {
        settings["Topics:2:Name"] = Watch;
        settings["Topics:2:Schedule"] = "0 0 6 * * ?";
        settings["Topics:2:Ids:0"] = "NCT05147467";
        settings["History:Enabled"] = history ? "true" : "false";
        if (maxVersions is { } max)
        {
            settings["History:MaxVersionsPerTrial"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    });

    [Fact]
    public async Task With_more_earlier_versions_than_it_may_read_it_reads_the_newest_of_them()
    {
        using var host = Host(history: true, maxVersions: 1);

        await host.HarvestAsync(Watch);

        using var connection = host.Database.Open();
        Assert.Equal(["2022-12-30", "2024-01-23"], connection.Query<string>(
            "SELECT last_update_posted_date FROM study_versions WHERE nct_id = 'NCT05147467' ORDER BY 1"));
    }

    private static bool IsHistory(HttpRequest request) => request.Path.StartsWithSegments("/api/int");

    [Fact]
    public async Task A_new_trial_gets_the_versions_the_registry_showed_before_it_was_first_harvested_and_their_changes()
    {
        using var host = Host(history: true);

        var run = await host.HarvestAsync(Watch);

        Assert.Equal(HarvestOutcome.Succeeded, run.Outcome);
        using var connection = host.Database.Open();
        var versions = connection.Query<(string Date, string Source)>(
            "SELECT last_update_posted_date, source FROM study_versions WHERE nct_id = 'NCT05147467' ORDER BY last_update_posted_date").ToList();
        Assert.Equal(["2021-12-07", "2022-12-30", "2024-01-23"], versions.Select(v => v.Date));
        Assert.EndsWith("/api/int/studies/NCT05147467/history/0#0", versions[0].Source, StringComparison.Ordinal);
        Assert.Equal("2024-01-23", connection.ExecuteScalar<string>("SELECT last_update_posted_date FROM studies WHERE nct_id = 'NCT05147467'"));
        Assert.Equal(
            [
                ("status", "Not yet recruiting", "Recruiting", "2022-12-30", 1L),
                ("enrollment.count", "95", "75", "2024-01-23", 1L),
            ],
            connection.Query<(string, string, string, string, long)>(
                "SELECT field, old, new, registry_date, backfilled FROM study_changes WHERE nct_id = 'NCT05147467' ORDER BY registry_date, id"));
        Assert.Equal(95L, connection.ExecuteScalar<long>(
            "SELECT count FROM enrollment_snapshots WHERE nct_id = 'NCT05147467' ORDER BY last_update_posted_date LIMIT 1"));

        // A later harvest finds nothing new, so asks the history of nothing.
        var asked = Registry.Requests.Count(r => r.Path.StartsWith("/api/int", StringComparison.Ordinal));
        await host.HarvestAsync(Watch);
        Assert.Equal(asked, Registry.Requests.Count(r => r.Path.StartsWith("/api/int", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_history_that_cannot_be_read_leaves_the_trial_without_earlier_versions_and_the_harvest_succeeds()
    {
        using var host = Host(history: true);
        Registry.InjectFault(Fault.InternalServerError, times: 100, IsHistory);

        var run = await host.HarvestAsync(Watch);

        Assert.Equal(HarvestOutcome.Succeeded, run.Outcome);
        Assert.Contains(Registry.Requests, r => r.Path.StartsWith("/api/int", StringComparison.Ordinal));
        using var connection = host.Database.Open();
        Assert.Equal(1L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_versions WHERE nct_id = 'NCT05147467'"));
        Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_changes"));
    }

    [Fact]
    public async Task Off_by_default_the_history_is_never_asked()
    {
        using var host = Host(history: false);

        await host.HarvestAsync(Watch);

        Assert.DoesNotContain(Registry.Requests, r => r.Path.StartsWith("/api/int", StringComparison.Ordinal));
    }
}
