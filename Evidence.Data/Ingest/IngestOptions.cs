using System.ComponentModel.DataAnnotations;
using TrialEvidence.Data.Registry;

namespace TrialEvidence.Data.Ingest;

/// <summary>The "Ingest" section of appsettings.json: what every way in (import, harvest, fetch) accepts.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>
    /// The largest study record read, in bytes; a source holding a larger one is refused whole,
    /// and no reader holds more of a record than this. The registry's largest records are a few
    /// MB; the upper bound is SQLite's largest value.
    /// </summary>
    [Range(1024, 1_000_000_000)]
    public int MaxRecordBytes { get; set; } = StudyJsonReader.DefaultMaxRecordBytes;
}
