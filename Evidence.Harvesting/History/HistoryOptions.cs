using System.ComponentModel.DataAnnotations;

namespace TrialEvidence.History;

/// <summary>
/// The "History" section: after a harvest, read the earlier versions of the trials it found for
/// the first time from the registry website's version history (undocumented; off by default).
/// </summary>
public sealed class HistoryOptions
{
    public const string Section = "History";

    public bool Enabled { get; set; }

    /// <summary>At most this many trials per harvest (each costs one request per version, at the crawl delay).</summary>
    [Range(1, 100_000)]
    public int MaxTrialsPerHarvest { get; set; } = 500;

    /// <summary>At most this many earlier versions of one trial.</summary>
    [Range(1, 1000)]
    public int MaxVersionsPerTrial { get; set; } = 100;
}
