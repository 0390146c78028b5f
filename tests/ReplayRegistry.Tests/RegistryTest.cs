namespace TrialEvidence.ReplayRegistry.Tests;

/// <summary>Each test gets its own server, so faults, changes and the request log never leak between tests.</summary>
public abstract class RegistryTest : IAsyncLifetime
{
    private readonly RunningRegistry _registry = new();

    protected ReplayRegistryServer Server => _registry.Server;

    protected HttpClient Client => _registry.Client;

    public Task InitializeAsync() => _registry.InitializeAsync();

    public Task DisposeAsync() => _registry.DisposeAsync();

    protected HttpClient NewClient(HttpMessageHandler? handler = null) => _registry.NewClient(handler);
}
