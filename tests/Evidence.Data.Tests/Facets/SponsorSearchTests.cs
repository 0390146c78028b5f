using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TrialEvidence.Data.Tests.Facets;

/// <summary>
/// The trigram index of lead sponsors (migration 0018, issue 11) follows the studies through
/// imports, a newer version that changes the sponsor, and deletions: FTS5's own integrity check
/// against the studies table passes, and a substring finds exactly the names that hold it.
/// </summary>
public sealed class SponsorSearchTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static void AssertIndexMatchesStudies(SqliteConnection connection) =>
        connection.Execute("INSERT INTO sponsor_search (sponsor_search, rank) VALUES ('integrity-check', 1)"); // throws on any difference

    private static List<string> Found(SqliteConnection connection, string words) =>
        [.. connection.Query<string>("SELECT s.nct_id FROM studies s WHERE s.rowid IN (SELECT rowid FROM sponsor_search WHERE sponsor_search MATCH @phrase) ORDER BY 1", new { phrase = $"\"{words}\"" })];

    private static List<string> Containing(SqliteConnection connection, string words) =>
        [.. connection.Query<string>("SELECT nct_id FROM studies WHERE instr(lower(lead_sponsor), lower(@words)) > 0 ORDER BY 1", new { words })];

    [Fact]
    public void The_sponsor_index_follows_new_studies_changed_sponsors_and_deletions()
    {
        _database.Import(SharedData.CtGov);
        using var connection = _database.Open();
        AssertIndexMatchesStudies(connection);
        Assert.NotEmpty(Found(connection, "niversit"));
        Assert.Equal(Containing(connection, "niversit"), Found(connection, "niversit"));

        var record = JsonNode.Parse(File.ReadAllText(SharedData.CtGovFile("reconstructed", "NCT04167293.json")))!;
        record["protocolSection"]!["sponsorCollaboratorsModule"] = new JsonObject { ["leadSponsor"] = new JsonObject { ["name"] = "Zyxwv Oncology Institute", ["class"] = "OTHER" } };
        var status = record["protocolSection"]!["statusModule"] ??= new JsonObject();
        status["lastUpdatePostDateStruct"] = new JsonObject { ["date"] = "2030-01-01" };
        _database.Import(_database.WriteFile("NCT04167293-sponsor.json", record.ToJsonString()));

        AssertIndexMatchesStudies(connection);
        Assert.Equal(["NCT04167293"], Found(connection, "yxwv onc"));

        connection.Execute("DELETE FROM studies WHERE nct_id = 'NCT04167293'");

        AssertIndexMatchesStudies(connection);
        Assert.Empty(Found(connection, "yxwv onc"));
    }
}
