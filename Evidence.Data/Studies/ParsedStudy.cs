using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TrialEvidence.Data.Registry;

namespace TrialEvidence.Data.Studies;

/// <summary>A study ready to store: its normalised rows, its raw JSON as received and the hash that identifies the version.</summary>
public sealed record ParsedStudy(StudyRecord Record, string RawJson, string ContentHash)
{
    private static readonly JsonWriterOptions CanonicalWriter = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Parses one study. The content hash is taken over the minified JSON, so the same record
    /// saved with other indentation or escapes (a split file, an array download) is the same version.
    /// </summary>
    /// <exception cref="StudyFormatException">Not a usable study record.</exception>
    public static ParsedStudy From(StudyJson study)
    {
        ArgumentNullException.ThrowIfNull(study);
        using var document = JsonDocument.Parse(study.Utf8);
        var record = StudyRecordParser.Parse(document.RootElement);

        var minified = new ArrayBufferWriter<byte>(study.Utf8.Length);
        using (var writer = new Utf8JsonWriter(minified, CanonicalWriter))
        {
            document.RootElement.WriteTo(writer);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(minified.WrittenSpan));
        return new ParsedStudy(record, Encoding.UTF8.GetString(study.Utf8.Span), hash);
    }
}
