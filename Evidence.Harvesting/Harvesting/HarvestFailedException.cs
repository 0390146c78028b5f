namespace TrialEvidence.Harvesting;

/// <summary>A harvest that failed; <see cref="Exception.Message"/> is one line a user can act on. The run is recorded.</summary>
public sealed class HarvestFailedException(string topic, long? runId, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Topic { get; } = topic;

    public long? RunId { get; } = runId;
}
