using System.Text.Json;

namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// Finds the study objects in a JSON file of one of the three shapes the registry produces: a
/// single study (GET /studies/{id}), a search page ({"studies":[...]}), or a website download (an
/// array of studies). It returns byte ranges, not parsed objects, because re-serialising would
/// change the bytes and the product keeps raw JSON exactly as received.
/// </summary>
internal static class StudySpans
{
    /// <exception cref="JsonException">The file is not valid JSON.</exception>
    public static List<Range> Find(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read())
        {
            return [];
        }

        return reader.TokenType switch
        {
            JsonTokenType.StartArray => ObjectsInArray(ref reader),
            JsonTokenType.StartObject => StudiesInObject(ref reader),
            _ => [],
        };
    }

    private static List<Range> StudiesInObject(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        var isStudy = false;
        List<Range>? page = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isStudies = reader.ValueTextEquals("studies"u8);
            isStudy |= reader.ValueTextEquals("protocolSection"u8);
            reader.Read();
            if (isStudies && reader.TokenType == JsonTokenType.StartArray)
            {
                page = ObjectsInArray(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return page ?? (isStudy ? [new Range(start, (int)reader.BytesConsumed)] : []);
    }

    private static List<Range> ObjectsInArray(ref Utf8JsonReader reader)
    {
        var objects = new List<Range>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            var isObject = reader.TokenType == JsonTokenType.StartObject;
            reader.Skip();
            if (isObject)
            {
                objects.Add(new Range(start, (int)reader.BytesConsumed));
            }
        }

        return objects;
    }
}
