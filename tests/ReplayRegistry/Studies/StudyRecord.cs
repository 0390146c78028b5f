using System.Globalization;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// One study as the registry would serve it: its exact bytes, plus what search and paging need,
/// read once so that requests never parse JSON.
/// </summary>
internal sealed class StudyRecord
{
    private StudyRecord(string nctId, DateOnly? lastUpdatePostDate, string? overallStatus, byte[] json, JsonElement root)
    {
        NctId = nctId;
        LastUpdatePostDate = lastUpdatePostDate;
        OverallStatus = overallStatus;
        Json = json;
        ETag = EntityTags.Of(json);
        SearchText = SearchAreas.Extract(root);
    }

    public string NctId { get; }

    /// <summary>statusModule.lastUpdatePostDateStruct.date; null when the record lacks it (partial records).</summary>
    public DateOnly? LastUpdatePostDate { get; }

    public string? OverallStatus { get; }

    /// <summary>The study object exactly as it was received; never re-serialised.</summary>
    public byte[] Json { get; }

    public EntityTagHeaderValue ETag { get; }

    /// <summary>The strings each query.* parameter searches, keyed by parameter name.</summary>
    public IReadOnlyDictionary<string, string[]> SearchText { get; }

    /// <summary>Reads a study object; null when it has no usable protocolSection.identificationModule.nctId.</summary>
    /// <exception cref="JsonException">The bytes are not one JSON value.</exception>
    public static StudyRecord? TryCreate(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var nctId = StringAt(root, "protocolSection", "identificationModule", "nctId");
        if (root.ValueKind != JsonValueKind.Object || !ReplayRegistry.NctId.TryNormalize(nctId, out var key))
        {
            return null;
        }

        var lastUpdate = StringAt(root, "protocolSection", "statusModule", "lastUpdatePostDateStruct", "date");
        return new StudyRecord(
            key,
            DateOnly.TryParseExact(lastUpdate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            StringAt(root, "protocolSection", "statusModule", "overallStatus"),
            json,
            root);
    }

    private static string? StringAt(JsonElement element, params ReadOnlySpan<string> path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
