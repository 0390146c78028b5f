using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>The Table 1 institution, from the record alone: sponsor, else the first site; a person is said to be one.</summary>
public class InstitutionTests
{
    private static JsonObject Study(string sponsor, string? sponsorClass, params (string Facility, string Country)[] sites)
    {
        var protocol = WithArms([]);
        var lead = new JsonObject { ["name"] = sponsor };
        if (sponsorClass is not null)
        {
            lead["class"] = sponsorClass;
        }

        protocol["sponsorCollaboratorsModule"] = new JsonObject { ["leadSponsor"] = lead };
        protocol["contactsLocationsModule"] = new JsonObject
        {
            ["locations"] = new JsonArray(sites.Select(s => (JsonNode)new JsonObject { ["facility"] = s.Facility, ["country"] = s.Country }).ToArray()),
        };
        return protocol;
    }

    [Theory]
    [InlineData("Sichuan University", "OTHER")]
    [InlineData("Jiangsu HengRui Medicine Co., Ltd.", "INDUSTRY")]
    [InlineData("Hoffmann-La Roche", "INDUSTRY")]
    [InlineData("Akeso", "INDUSTRY")]
    [InlineData("Istituto Clinico Humanitas", "OTHER")]
    public void An_organisation_sponsor_is_the_institution_with_the_sites_country(string sponsor, string sponsorClass)
    {
        var study = Normalise(Study(sponsor, sponsorClass, ("Site One", "China")));

        Assert.Equal($"China ({sponsor})", study.Summary.Institution);
    }

    [Theory]
    [InlineData("Mian XI", null)]
    [InlineData("Jane Q. Doe", "INDIV")]
    public void A_person_sponsor_is_never_shown_as_the_institution_the_first_site_is(string sponsor, string? sponsorClass)
    {
        var study = Normalise(Study(sponsor, sponsorClass, ("Sun Yat-sen University Cancer Center", "China")));

        Assert.Equal($"China (Sun Yat-sen University Cancer Center; the sponsor, {sponsor}, is a person)", study.Summary.Institution);
    }

    [Fact]
    public void A_person_sponsor_with_no_site_is_said_to_be_a_person()
    {
        var study = Normalise(Study("Mian XI", null));

        Assert.Equal("the sponsor, Mian XI, is a person; the record names no institution", study.Summary.Institution);
    }
}
