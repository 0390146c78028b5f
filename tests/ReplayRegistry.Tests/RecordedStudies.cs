using System.Text;
using System.Text.Json.Nodes;

namespace TrialEvidence.ReplayRegistry.Tests;

/// <summary>Reads recorded studies with JsonNode, independently of the server's own loader, to check it.</summary>
internal static class RecordedStudies
{
    public static IEnumerable<JsonObject> In(string folder) =>
        Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .SelectMany(path => Studies(JsonNode.Parse(File.ReadAllBytes(path))));

    public static string NctId(JsonNode study) => (string)study["protocolSection"]!["identificationModule"]!["nctId"]!;

    public static string? LastUpdatePostDate(JsonNode study) =>
        (string?)study["protocolSection"]?["statusModule"]?["lastUpdatePostDateStruct"]?["date"];

    public static JsonNode Parse(byte[] study) => JsonNode.Parse(study)!;

    /// <summary>A newer version of a real study: the same bytes with another lastUpdatePostDate.</summary>
    public static byte[] WithLastUpdate(byte[] study, string date)
    {
        var current = LastUpdatePostDate(Parse(study))!;
        return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(study).Replace($"\"{current}\"", $"\"{date}\"", StringComparison.Ordinal));
    }

    private static IEnumerable<JsonObject> Studies(JsonNode? file) => file switch
    {
        JsonObject page when page["studies"] is JsonArray studies => studies.OfType<JsonObject>(),
        JsonObject study when study["protocolSection"] is not null => [study],
        JsonArray studies => studies.OfType<JsonObject>().Where(study => study["protocolSection"] is not null),
        _ => [],
    };
}
