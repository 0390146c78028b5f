using System.Net;

namespace TrialEvidence.Api.Tests.Trials;

/// <summary>
/// ../shared/ctgov plus an ICTRP export written here of registry records whose ids ICTRP writes
/// with lower-case letters (JPRN's jRCT ids, EUCTR's third-country "-3rd" form the id shape
/// accepts) or with slashes (CTRI).
/// </summary>
public sealed class OddIdsFactory : EvidenceApiFactory
{
    public static readonly string[] Ids = ["JPRN-jRCTs031190006", "EUCTR2011-005852-33-3rd", "CTRI/2020/03/024402"];

    public OddIdsFactory()
    {
        var path = Path.Combine(Database.Directory, "odd.xml");
        static string Trial(string id, string register) => $"""
              <Trial>
                <TrialID>{id}</TrialID>
                <Last_Refreshed_on>1 December 2026</Last_Refreshed_on>
                <Public_title>Trial {id}</Public_title>
                <Source_Register>{register}</Source_Register>
                <Recruitment_Status>Recruiting</Recruitment_Status>
                <Target_size>60</Target_size>
              </Trial>
            """;
        File.WriteAllText(path, "<?xml version='1.0' encoding='UTF-8' ?><Trials_downloaded_from_ICTRP>\n"
            + Trial(Ids[0], "JPRN") + Trial(Ids[1], "EUCTR") + Trial(Ids[2], "CTRI") + "</Trials_downloaded_from_ICTRP>\n");
        var summary = ImportRecords(path);
        if (summary.Rejections.Count > 0 || summary.Counts.New != 3)
        {
            throw new InvalidOperationException("the odd ids did not import: " + string.Join("; ", summary.Rejections));
        }
    }
}

/// <summary>
/// A stored trial is reachable at its own id, as the list gives it and trial.js links it
/// (/trials/{encodeURIComponent(id)} -> /api/trials/{id}): an id of a known shape is taken in the
/// case typed ("JPRN-jRCTs031190006", "EUCTR2011-005852-33-3rd", which an upper-casing once made
/// 404s), and a CTRI id's slashes reach the route escaped. Table 1's ids= the same.
/// </summary>
public sealed class RegistryIdRouteTests(OddIdsFactory factory) : IClassFixture<OddIdsFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("JPRN-jRCTs031190006")]
    [InlineData("EUCTR2011-005852-33-3rd")]
    [InlineData("CTRI/2020/03/024402")]
    [InlineData("NCT03418623")] // control: passes
    public async Task A_stored_trial_is_found_at_its_own_id(string id)
    {
        using var response = await _client.GetAsync($"/api/trials/{Uri.EscapeDataString(id)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("JPRN-jRCTs031190006")]
    [InlineData("EUCTR2011-005852-33-3rd")]
    [InlineData("NCT03418623")] // control: passes
    public async Task Table1_by_id_finds_a_stored_trial_at_its_own_id(string id)
    {
        var table = await _client.GetJson($"/api/table1?ids={Uri.EscapeDataString(id)}");

        Assert.Contains(id, table.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"missing\":[\"", table.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>../shared/ctgov plus two ICTRP exports of one ChiCTR trial, the second refreshed later with another status and size: one change.</summary>
public sealed class ChangedChiCtrFactory : EvidenceApiFactory
{
    public const string Id = "ChiCTR2000099996";

    public ChangedChiCtrFactory()
    {
        string Export(string file, string refreshed, string status, string size) => Database.WriteFile(file, $"""
            <?xml version='1.0' encoding='UTF-8' ?><Trials_downloaded_from_ICTRP>
              <Trial>
                <TrialID>{Id}</TrialID>
                <Last_Refreshed_on>{refreshed}</Last_Refreshed_on>
                <Public_title>A ChiCTR trial that changes</Public_title>
                <Source_Register>ChiCTR</Source_Register>
                <Recruitment_Status>{status}</Recruitment_Status>
                <Target_size>Experimental group:{size};</Target_size>
              </Trial>
            </Trials_downloaded_from_ICTRP>
            """);
        ImportRecords(Export("v1.xml", "1 December 2026", "Recruiting", "30"));
        ImportRecords(Export("v2.xml", "2 December 2026", "Completed", "28"));
    }
}

/// <summary>
/// The Atom change feed links an entry to ClinicalTrials.gov's history page only for its records:
/// a ChiCTR trial's change links to the record at its registry (it once linked to a
/// ClinicalTrials.gov page that does not exist).
/// </summary>
public sealed class ChangeFeedRegistryLinkTests(ChangedChiCtrFactory factory) : IClassFixture<ChangedChiCtrFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_chictr_change_in_the_atom_feed_does_not_link_to_clinicaltrials_gov()
    {
        var changes = await _client.GetJson($"/api/changes?pageSize=100");
        Assert.Contains(ChangedChiCtrFactory.Id, changes.ToString(), StringComparison.Ordinal); // the change is there

        var atom = await _client.GetStringAsync("/api/changes.atom");

        Assert.Contains(ChangedChiCtrFactory.Id, atom, StringComparison.Ordinal);
        Assert.DoesNotContain($"clinicaltrials.gov/study/{ChangedChiCtrFactory.Id}", atom, StringComparison.Ordinal);
    }
}
