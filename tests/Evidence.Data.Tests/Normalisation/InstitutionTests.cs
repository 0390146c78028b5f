using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>The Table 1 institution, from the record alone: sponsor, else the registering organisation, else the first site; a person is said to be one.</summary>
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
    [InlineData("Rigshospitalet, Denmark", "OTHER")] // set 73: "hospital" inside a compound word
    [InlineData("OSE Immunotherapeutics", "OTHER")] // "therapeutics" inside one
    [InlineData("Consorci Sanitari de Terrassa", "OTHER")] // set 73: Catalan organisation words
    [InlineData("Universitätsmedizin Mannheim", null)] // set 79: "Universität" opening a German compound, no sponsor class
    [InlineData("Universitätsspital Basel", null)]
    public void An_organisation_sponsor_is_the_institution_with_the_sites_country(string sponsor, string? sponsorClass)
    {
        var study = Normalise(Study(sponsor, sponsorClass, ("Site One", "China")));

        Assert.Equal($"China ({sponsor})", study.Summary.Institution);
    }

    [Theory]
    [InlineData("Mian XI", null)]
    [InlineData("Klinikus Hospitalsky", null)] // an organisation word's letters opening a name, with no linking "s"
    [InlineData("Jane Q. Doe", "INDIV")]
    public void A_person_sponsor_is_never_shown_as_the_institution_the_first_site_is(string sponsor, string? sponsorClass)
    {
        var study = Normalise(Study(sponsor, sponsorClass, ("Sun Yat-sen University Cancer Center", "China")));

        Assert.Equal($"China (Sun Yat-sen University Cancer Center; the sponsor, {sponsor}, is a person)", study.Summary.Institution);
    }

    [Fact]
    public void A_person_sponsors_institution_is_the_organisation_that_registered_the_trial_before_any_site()
    {
        var protocol = Study("Jane Q. Doe, MD", null, ("Other Site Cancer Center", "United States"));
        protocol["identificationModule"] = new JsonObject
        {
            ["nctId"] = "NCT00000001",
            ["organization"] = new JsonObject { ["fullName"] = "University of Somewhere", ["class"] = "OTHER" },
        };

        var study = Normalise(protocol);

        Assert.Equal("United States (University of Somewhere; the sponsor, Jane Q. Doe, MD, is a person)", study.Summary.Institution);
        var source = Assert.Single(study.Sources, s => s.Field == "institution");
        Assert.Equal("identificationModule.organization.fullName", source.SourceField);
    }

    [Fact]
    public void A_person_sponsor_with_no_site_is_said_to_be_a_person()
    {
        var study = Normalise(Study("Mian XI", null));

        Assert.Equal("the sponsor, Mian XI, is a person; the record names no institution", study.Summary.Institution);
    }
}

/// <summary>A person as sponsor, with the responsible investigator's affiliation (issue 10).</summary>
public class ResponsiblePartyInstitutionTests
{
    private static JsonObject Study(string sponsor, string? affiliation, params string[] facilities)
    {
        var protocol = WithArms([]);
        var sponsors = new JsonObject { ["leadSponsor"] = new JsonObject { ["name"] = sponsor, ["class"] = "OTHER" } };
        if (affiliation is not null)
        {
            sponsors["responsibleParty"] = new JsonObject
            {
                ["type"] = "SPONSOR_INVESTIGATOR", ["investigatorFullName"] = sponsor, ["investigatorAffiliation"] = affiliation,
            };
        }

        protocol["sponsorCollaboratorsModule"] = sponsors;
        protocol["contactsLocationsModule"] = new JsonObject
        {
            ["locations"] = new JsonArray([.. facilities.Select(f => (JsonNode)new JsonObject { ["facility"] = f, ["country"] = "Japan" })]),
        };
        return protocol;
    }

    [Fact]
    public void A_person_sponsors_institution_is_the_responsible_investigators_affiliation_before_any_site()
    {
        var study = Normalise(Study("Shoichi Maruyama MD PhD", "Nagoya University", "Site A"));

        Assert.Equal("Japan (Nagoya University; the sponsor, Shoichi Maruyama MD PhD, is a person)", study.Summary.Institution);
        var source = Assert.Single(study.Sources, s => s.Field == "institution");
        Assert.Equal("sponsorCollaboratorsModule.responsibleParty.investigatorAffiliation", source.SourceField);
    }

    [Theory]
    [InlineData("Shoichi Maruyama MD PhD")] // a degree makes a name of any length a person's
    [InlineData("Prof. Dr. Hans Peter Maria Müller")]
    public void A_title_or_degree_makes_a_sponsor_a_person(string sponsor)
    {
        var study = Normalise(Study(sponsor, affiliation: null));

        Assert.Equal($"the sponsor, {sponsor}, is a person; the record names no institution", study.Summary.Institution);
    }

    [Fact]
    public void A_sponsor_who_is_the_responsible_investigator_by_name_is_a_person_whatever_the_name_looks_like()
    {
        // A name in Chinese characters is one word to the name rules; the record says who it is.
        var study = Normalise(Study("池畔", "Fujian Medical University Union Hospital"));

        Assert.Equal("Fujian Medical University Union Hospital; the sponsor, 池畔, is a person", study.Summary.Institution);
    }

    [Fact]
    public void An_organisation_sponsor_with_another_responsible_investigator_stays_the_institution()
    {
        var protocol = Study("Fujian Medical University Union Hospital", "Fujian Medical University Union Hospital", "Site A");
        protocol["sponsorCollaboratorsModule"]!["responsibleParty"]!["investigatorFullName"] = "池畔";

        Assert.Equal("Japan (Fujian Medical University Union Hospital)", Normalise(protocol).Summary.Institution);
    }

    [Theory]
    [InlineData("RTI International")]
    [InlineData("Chiesi Farmaceutici S.p.A.")]
    [InlineData("AIO-Studien-gGmbH")] // set 16: a German non-profit company's legal form
    public void Generic_organisation_words_keep_an_organisation_an_organisation(string sponsor)
    {
        Assert.Equal($"Japan ({sponsor})", Normalise(Study(sponsor, affiliation: null, "Site A")).Summary.Institution);
    }
}
