namespace TrialEvidence.ReplayRegistry.Tests;

/// <summary>
/// A server over the recorded studies with a client for it. As a class fixture it is shared by tests
/// that only read; <see cref="RegistryTest"/> gives each test that changes the server its own.
/// </summary>
public sealed class RunningRegistry : IAsyncLifetime
{
    public ReplayRegistryServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ReplayRegistryServer.StartAsync(SharedFolder.CtGov);
        Client = NewClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    public HttpClient NewClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = Server.BaseAddress };
}
