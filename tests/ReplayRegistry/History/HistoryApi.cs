using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// The website's version history (/api/int/studies/{nct}?history=true and .../history/{n}), as
/// ../shared/ctgov-history/NOTES.md describes it. No real response of it exists here, so every
/// answer is SYNTHETIC, made from the record served: version 0 on its first-posted date (not yet
/// recruiting, a larger estimated enrollment), version 1 halfway (recruiting, the same estimate),
/// and the last version the record itself. A record without both dates has only itself. Each
/// answer says so in the header X-Replay-Synthetic.
/// </summary>
internal static class HistoryApi
{
    public const string SyntheticHeader = "X-Replay-Synthetic";

    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/int/studies/{nctId}", Versions);
        routes.MapGet("/api/int/studies/{nctId}/history/{version:int}", Version);
        return routes;
    }

    private static Results<ContentHttpResult, JsonHttpResult<JsonObject>> Versions(string nctId, HttpContext context, StudyStore store)
    {
        if (Synthesise(nctId, store) is not { } versions)
        {
            return PlainText.NotFound($"Study {nctId} not found");
        }

        context.Response.Headers[SyntheticHeader] = "version history made by the replay registry from the served record";
        var changes = new JsonArray();
        for (var i = 0; i < versions.Count; i++)
        {
            var status = versions[i]["protocolSection"]!["statusModule"]!;
            changes.Add(new JsonObject
            {
                ["version"] = i,
                ["date"] = status["lastUpdatePostDateStruct"]?["date"]?.GetValue<string>(),
                ["status"] = status["overallStatus"]?.GetValue<string>(),
                ["moduleLabels"] = new JsonArray(i == 0 ? [] : [(JsonNode)"Study Status", "Study Design"]),
            });
        }

        var answer = versions[^1].DeepClone().AsObject();
        answer["history"] = new JsonObject { ["changes"] = changes };
        return TypedResults.Json(answer);
    }

    private static Results<ContentHttpResult, JsonHttpResult<JsonObject>> Version(string nctId, int version, HttpContext context, StudyStore store)
    {
        if (Synthesise(nctId, store) is not { } versions || version < 0 || version >= versions.Count)
        {
            return PlainText.NotFound($"Version {version} of {nctId} not found");
        }

        context.Response.Headers[SyntheticHeader] = "version made by the replay registry from the served record";
        return TypedResults.Json(new JsonObject { ["studyVersion"] = version, ["study"] = versions[version].DeepClone() });
    }

    private static List<JsonNode>? Synthesise(string nctId, StudyStore store)
    {
        if (!NctId.TryNormalize(nctId, out var id) || store.Find(id).Study is not { } study)
        {
            return null;
        }

        var current = JsonNode.Parse(study.Json)!;
        var status = current["protocolSection"]?["statusModule"];
        var first = status?["studyFirstPostDateStruct"]?["date"]?.GetValue<string>();
        var last = status?["lastUpdatePostDateStruct"]?["date"]?.GetValue<string>();
        if (!DateOnly.TryParse(first, CultureInfo.InvariantCulture, out var firstDate) || !DateOnly.TryParse(last, CultureInfo.InvariantCulture, out var lastDate)
            || lastDate.DayNumber - firstDate.DayNumber < 2)
        {
            return [current];
        }

        var middle = DateOnly.FromDayNumber((firstDate.DayNumber + lastDate.DayNumber) / 2);
        var count = current["protocolSection"]?["designModule"]?["enrollmentInfo"]?["count"]?.GetValue<int>() ?? 0;
        return [Earlier(current, firstDate, "NOT_YET_RECRUITING", count + 20), Earlier(current, middle, "RECRUITING", count + 20), current];
    }

    private static JsonNode Earlier(JsonNode current, DateOnly date, string status, int estimate)
    {
        var version = current.DeepClone();
        var module = version["protocolSection"]!["statusModule"]!;
        module["lastUpdatePostDateStruct"] = new JsonObject { ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["type"] = "ACTUAL" };
        module["overallStatus"] = status;
        if (version["protocolSection"]!["designModule"] is JsonObject design)
        {
            design["enrollmentInfo"] = new JsonObject { ["count"] = estimate, ["type"] = "ESTIMATED" };
        }

        return version;
    }
}
