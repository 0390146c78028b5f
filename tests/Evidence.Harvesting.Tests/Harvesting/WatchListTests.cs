using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using TrialEvidence.Data.Changes;
using TrialEvidence.Harvesting;

namespace TrialEvidence.Harvesting.Tests.Harvesting;

/// <summary>A topic that is a list of trials ("my twelve trials"): harvested like any topic, its changes found by topic.</summary>
public sealed class WatchListTests : ReplayRegistryTest
{
    private const string Watch = "watch";

    private HarvestTestHost Host() => HarvestTestHost.Create(Registry.BaseAddress, configure: settings =>
    {
        settings["Topics:2:Name"] = Watch;
        settings["Topics:2:Schedule"] = "0 0 6 * * ?";
        settings["Topics:2:Ids:0"] = "NCT05147467";
        settings["Topics:2:Ids:1"] = "nct03281889";
    });

    [Fact]
    public async Task A_watch_list_harvests_exactly_its_trials_and_their_changes_are_found_by_topic()
    {
        using var host = Host();

        var first = await host.HarvestAsync(Watch);

        Assert.Equal((HarvestOutcome.Succeeded, 2L), (first.Outcome, first.StudiesNew));
        var request = Registry.Requests.Last(r => r.Path == "/api/v2/studies");
        Assert.Equal("NCT05147467,NCT03281889", request.QueryValue("filter.ids"));
        using var connection = host.Database.Open();
        Assert.Equal(["NCT03281889", "NCT05147467"], connection.Query<string>("SELECT nct_id FROM topic_studies WHERE topic = @Watch ORDER BY 1", new { Watch }));

        Registry.Put(Encoding.UTF8.GetBytes(LaterVersion.Of(
            Encoding.UTF8.GetString(Registry.Studies["NCT05147467"]), DateTime.UtcNow.ToString("yyyy-MM-dd"), LaterVersion.Status("COMPLETED"))));
        var second = await host.HarvestAsync(Watch);

        Assert.Equal(("incremental", 1L), (second.Kind, second.StudiesChanged));
        var changes = host.Host.Services.GetRequiredService<ChangeLog>().Page(new ChangeQuery(Topics: [Watch]));
        var change = Assert.Single(changes.Changes);
        Assert.Equal(("NCT05147467", "status", "Recruiting", "Completed"), (change.NctId, change.Field, change.Old, change.New));
        Assert.Empty(host.Host.Services.GetRequiredService<ChangeLog>().Page(new ChangeQuery(Topics: [HarvestTestHost.Everything])).Changes);
    }
}
