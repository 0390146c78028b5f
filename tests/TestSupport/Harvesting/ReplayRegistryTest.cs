using TrialEvidence.ReplayRegistry;
using Xunit;

namespace TrialEvidence.TestSupport.Harvesting;

/// <summary>A test class with its own replay registry on loopback, serving the records of ../shared/ctgov.</summary>
public abstract class ReplayRegistryTest : IAsyncLifetime
{
    protected ReplayRegistryServer Registry { get; private set; } = null!;

    public async Task InitializeAsync() => Registry = await ReplayRegistryServer.StartAsync(SharedData.CtGov);

    public async Task DisposeAsync() => await Registry.DisposeAsync();
}
