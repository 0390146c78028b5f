using System.Buffers;
using System.Text.Json;

namespace TrialEvidence.ReplayRegistry;

/// <summary>Writes a search page: {"studies":[...],"totalCount":N,"nextPageToken":"..."}.</summary>
internal static class SearchPage
{
    public static byte[] Write(IEnumerable<StudyRecord> studies, int? totalCount, string? nextPageToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("studies");
            foreach (var study in studies)
            {
                // Each study goes out as the exact bytes it was loaded with, like the registry's stored JSON.
                writer.WriteRawValue(study.Json, skipInputValidation: true);
            }

            writer.WriteEndArray();
            if (totalCount is { } total)
            {
                writer.WriteNumber("totalCount", total);
            }

            if (nextPageToken is not null)
            {
                writer.WriteString("nextPageToken", nextPageToken);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
