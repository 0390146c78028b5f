namespace TrialEvidence.ReplayRegistry;

/// <summary>The dataTimestamp /version reports; tests move it to simulate a registry refresh.</summary>
internal sealed class DataVersion(string timestamp)
{
    private volatile string _timestamp = timestamp;

    public string Timestamp
    {
        get => _timestamp;
        set => _timestamp = value;
    }
}
