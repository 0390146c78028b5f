namespace TrialEvidence.ReplayRegistry;

public sealed record ReplayRegistryOptions
{
    /// <summary>Where to listen; port 0 takes a free port (see <see cref="ReplayRegistryServer.BaseAddress"/>).</summary>
    public Uri ListenUrl { get; init; } = new("http://127.0.0.1:0");

    /// <summary>The clock for <see cref="RecordedRequest.ArrivedAt"/> and the initial DataTimestamp.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
