namespace TrialEvidence.Harvesting;

/// <summary>A row of harvest_runs: one attempt to harvest a topic, and its checkpoint.</summary>
public sealed record HarvestRun
{
    public long Id { get; init; }
    public required string Topic { get; init; }
    public required string Kind { get; init; }
    public required string StartedAt { get; init; }
    public required string HarvestStartedAt { get; init; }
    public string? FinishedAt { get; init; }
    public required string Outcome { get; init; }
    public required string Query { get; init; }
    public required string TopicQuery { get; init; }
    public string? UpdatedSince { get; init; }
    public long? ResumedFrom { get; init; }
    public string? NextPageToken { get; init; }
    public long Pages { get; init; }
    public long? TotalCount { get; init; }
    public string? RegistryDataTimestamp { get; init; }
    public long StudiesNew { get; init; }
    public long StudiesChanged { get; init; }
    public long StudiesUnchanged { get; init; }
    public long StudiesRejected { get; init; }
    public string? Error { get; init; }
    public required string Owner { get; init; }

    /// <summary>While running: the registry failure it is waiting to retry, e.g. "... retry 2 of 6 in 8 s"; null otherwise.</summary>
    public string? Retrying { get; init; }
}

/// <summary>Values of harvest_runs.kind.</summary>
public static class HarvestKind
{
    /// <summary>Everything the topic's query finds: a topic's first harvest, or after its query changed.</summary>
    public const string Full = "full";

    /// <summary>What changed since the last complete harvest of the same query (minus a day).</summary>
    public const string Incremental = "incremental";
}

/// <summary>Values of harvest_runs.outcome.</summary>
public static class HarvestOutcome
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>Stopped by cancellation or a killed process; its checkpoint is resumed by the next run.</summary>
    public const string Interrupted = "interrupted";
}
