using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TrialEvidence.Harvesting;
using TrialEvidence.ReplayRegistry;
using TrialEvidence.TestSupport.Harvesting;

namespace TrialEvidence.Api.Tests.Topics;

/// <summary>
/// The API on a database filled only by harvests of the topic "everything" from a replay registry
/// on loopback serving ../shared/ctgov, through the API's own harvest service: a full harvest; an
/// incremental one after the registry updated NCT05147467 and moved its data date; and one the
/// registry fails with 503s until the retries give up. hcc-irt (appsettings.json) is never harvested.
/// </summary>
public sealed class HarvestedTopicFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string UpdatedDataTimestamp = "2031-02-03T04:05:06";

    public ApiDatabase Database { get; } = new();

    public ReplayRegistryServer Registry { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Registry = await ReplayRegistryServer.StartAsync(SharedData.CtGov);
        var harvests = Services.GetRequiredService<HarvestService>();
        await harvests.HarvestAsync(HarvestTestHost.Everything);

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Registry.Put(Encoding.UTF8.GetBytes(LaterVersion.OfShared("NCT05147467", today, LaterVersion.Status("ACTIVE_NOT_RECRUITING"))));
        Registry.DataTimestamp = UpdatedDataTimestamp;
        await harvests.HarvestAsync(HarvestTestHost.Everything);

        Registry.InjectFault(Fault.ServiceUnavailable, times: 1000);
        await Assert.ThrowsAsync<HarvestFailedException>(() => harvests.HarvestAsync(HarvestTestHost.Everything));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Registry.DisposeAsync();
        Database.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in HarvestTestHost.Settings(Registry.BaseAddress, Database.Sqlite.Path))
        {
            builder.UseSetting(key, value);
        }

        Database.Configure(builder);

        builder.UseSetting("Scheduler:Enabled", "false");
    }
}
