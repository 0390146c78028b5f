namespace TrialEvidence.ReplayRegistry;

public sealed record ReplayRegistryOptions
{
    /// <summary>Where to listen; port 0 takes a free port (see <see cref="ReplayRegistryServer.BaseAddress"/>).</summary>
    public Uri ListenUrl { get; init; } = new("http://127.0.0.1:0");

    /// <summary>The clock for <see cref="RecordedRequest.ArrivedAt"/> and the initial DataTimestamp.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The most studies a search page holds, whatever pageSize asks: a registry that answers with
    /// smaller pages than asked for (the real one coerces sizes it does not accept).
    /// </summary>
    public int MaxPageSize { get; init; } = StudySearch.MaxPageSize;

    /// <summary>EUCTR full-text download files whose trials /ctr-search serves (none: EUCTR finds nothing).</summary>
    public IReadOnlyList<string> EuctrFullText { get; init; } = [];

    /// <summary>Trials on an EUCTR results page and its download (the register shows 20).</summary>
    public int EuctrPageSize { get; init; } = 20;
}
