using System.Text.Json.Nodes;

namespace TrialEvidence.TestSupport;

/// <summary>
/// A later version of a real record, as the registry would serve it after an update: the record
/// with its last update posted on another date and the edits given (they combine with +:
/// <c>Status("COMPLETED") + Enrollment(68, "ACTUAL")</c>).
/// </summary>
public static class LaterVersion
{
    public static string Of(string json, string updated, Action<JsonNode>? edit = null)
    {
        var record = JsonNode.Parse(json)!;
        StatusModule(record)["lastUpdatePostDateStruct"] = new JsonObject { ["date"] = updated, ["type"] = "ACTUAL" };
        edit?.Invoke(record);
        return record.ToJsonString();
    }

    /// <summary>A later version of ../shared/ctgov/<paramref name="nctId"/>.json.</summary>
    public static string OfShared(string nctId, string updated, Action<JsonNode>? edit = null) =>
        Of(File.ReadAllText(SharedData.CtGovFile($"{nctId}.json")), updated, edit);

    public static JsonNode StatusModule(JsonNode record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record["protocolSection"]!["statusModule"]!;
    }

    public static Action<JsonNode> Status(string status) => record => StatusModule(record)["overallStatus"] = status;

    public static Action<JsonNode> Enrollment(int count, string type) =>
        record => record["protocolSection"]!["designModule"]!["enrollmentInfo"] = new JsonObject { ["count"] = count, ["type"] = type };

    /// <summary>A site first in the record's list of locations (the others after it).</summary>
    public static Action<JsonNode> SiteFirst(string facility, string city, string country) =>
        record => record["protocolSection"]!["contactsLocationsModule"]!["locations"]!.AsArray()
            .Insert(0, new JsonObject { ["facility"] = facility, ["city"] = city, ["country"] = country });
}
