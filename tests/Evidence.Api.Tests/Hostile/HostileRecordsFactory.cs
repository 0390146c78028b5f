using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TrialEvidence.Api.Tests.Hostile;

/// <summary>
/// The API on a real Kestrel server over loopback, on a database (<see cref="ApiDatabase"/>) holding ../shared/ctgov and
/// records whose registry text is hostile: a phase that is no enum value, quotes, brackets,
/// Markdown links and images, HTML, spreadsheet formulas, control characters, a 100 KB title.
/// </summary>
public sealed class HostileRecordsFactory : WebApplicationFactory<Program>
{
    public const string OddPhase = "PHASE2\"";

    /// <summary>Text placed in every field a person reads: one record per text.</summary>
    public static readonly string[] Texts =
    [
        "[x](javascript:alert(1))",
        "![t](http://127.0.0.1:9/beacon.png)",
        "\"]}'); DROP TABLE studies; --",
        "<script>alert(1)</script><img src=x onerror=alert(2)>",
        "=cmd|' /C calc'!A0",
        "+1-2 @SUM(A1) \t\r tab",
        "50% _under_ *star* `tick` ~strike~ | pipe \\ back",
        "ＰＤ－１ {\"a\":[1]} \u0001\u001f control",
        new string('W', 100_000),
    ];

    /// <summary>NCT ids of the hostile records, NCT99000000 onwards (never a real registry id).</summary>
    public static readonly IReadOnlyList<string> Ids = [.. Enumerable.Range(0, Texts.Length).Select(i => $"NCT990000{i:D2}")];

    public ApiDatabase Database { get; } = new();

    public HostileRecordsFactory()
    {
        var summary = Database.Import(SharedData.CtGov);
        Assert.Empty(summary.Rejections);
        for (var i = 0; i < Texts.Length; i++)
        {
            Database.WriteFile($"hostile/{Ids[i]}.json", Record(Ids[i], Texts[i]).ToJsonString());
        }

        var hostile = Database.Import(Path.Combine(Database.Sqlite.Directory, "hostile"));
        Assert.Empty(hostile.Rejections);
        Assert.Equal(Texts.Length, hostile.Counts.New);
        UseKestrel(0);
    }

    /// <summary>A real record (NCT04547452) under a new id with <paramref name="text"/> in every field a person reads, and a phase that is no enum value.</summary>
    private static JsonNode Record(string nctId, string text)
    {
        var record = JsonNode.Parse(File.ReadAllText(SharedData.CtGovFile("reconstructed", "NCT04547452.json")))!;
        var protocol = record["protocolSection"]!;
        protocol["identificationModule"]!["nctId"] = nctId;
        protocol["identificationModule"]!["briefTitle"] = text;
        protocol["identificationModule"]!["officialTitle"] = text;
        protocol["designModule"]!["phases"] = new JsonArray(OddPhase, "PHASE1");
        protocol["conditionsModule"]!["conditions"] = new JsonArray(text, "Hepatocellular carcinoma");
        protocol["sponsorCollaboratorsModule"]!["leadSponsor"]!["name"] = text;
        protocol["statusModule"]!["overallStatus"] = text.Length > 200 ? "RECRUITING" : text;
        foreach (var intervention in protocol["armsInterventionsModule"]!["interventions"]!.AsArray())
        {
            intervention!["name"] = $"{intervention["name"]} {text}";
        }

        protocol["outcomesModule"] = new JsonObject
        {
            ["primaryOutcomes"] = new JsonArray(new JsonObject { ["measure"] = text, ["timeFrame"] = text }),
        };
        protocol["contactsLocationsModule"] = new JsonObject
        {
            ["locations"] = new JsonArray(new JsonObject { ["facility"] = text, ["city"] = text, ["country"] = text }),
        };

        return record;
    }

    /// <summary>A client of the real server (Kestrel on loopback), started on first use.</summary>
    public HttpClient CreateLoopbackClient()
    {
        StartServer();
        return CreateClient();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Database.Configure(builder);
        builder.UseSetting("Scheduler:Enabled", "false");
        builder.UseSetting("Api:HarvestApiKey", EvidenceApiFactory.ApiKey);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }
}
