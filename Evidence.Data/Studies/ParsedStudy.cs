using System.Text.Json;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Data.Registry;

namespace TrialEvidence.Data.Studies;

/// <summary>
/// A study ready to store: its normalised rows, its raw JSON (UTF-8, as received), the hash that
/// identifies the version, and the raw JSON as study_versions stores it (<see cref="StoredJson"/>),
/// compressed here, on the thread that parses, not on the one that writes.
/// </summary>
public sealed record ParsedStudy(StudyRecord Record, ReadOnlyMemory<byte> RawUtf8, string ContentHash, NormalisedStudy Normalised)
{
    public byte[] StoredRaw { get; } = StoredJson.Compress(RawUtf8.Span);

    /// <summary>Parses one study, normalises it and hashes its content (see <see cref="ContentHash"/>).</summary>
    /// <exception cref="StudyFormatException">Not a usable study record.</exception>
    public static ParsedStudy From(StudyJson study)
    {
        ArgumentNullException.ThrowIfNull(study);
        using var document = JsonDocument.Parse(study.Utf8);
        var record = StudyRecordParser.Parse(document.RootElement);

        return new ParsedStudy(record, study.Utf8, Studies.ContentHash.Of(study.Utf8.Span), StudyNormaliser.Embedded.Normalise(record));
    }
}
