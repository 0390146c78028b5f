using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 170's findings (issue 10, vocabulary .174): conversion "from unresectable to resectable", and a German limited partnership (KGaA) as a sponsor.</summary>
public class Set170RulesTests
{
    /// <summary>
    /// NCT00700570 (set 170): "Percentage of Participants With Conversion From Unresectable to
    /// Resectable Liver Metastases": conversion to resection (both annotators).
    /// </summary>
    [Theory]
    [InlineData("Percentage of Participants With Conversion From Unresectable to Resectable Liver Metastases", "conversion/resection")]
    [InlineData("Rate of conversion to resection", "conversion/resection")]
    [InlineData("Percentage of participants with unresectable disease", "other")]
    public void Conversion_from_unresectable_to_resectable_is_conversion(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }

    /// <summary>
    /// NCT03451825 (set 170): lead sponsor "Merck KGaA, Darmstadt, Germany", as the EU register
    /// writes it: KGaA (Kommanditgesellschaft auf Aktien) is a company form, so an organisation, not
    /// a person (both annotators).
    /// </summary>
    [Fact]
    public void A_KGaA_is_an_organisation()
    {
        var protocol = WithArms([]);
        protocol["sponsorCollaboratorsModule"] = new JsonObject { ["leadSponsor"] = new JsonObject { ["name"] = "Merck KGaA, Darmstadt, Germany" } };

        Assert.Equal("Merck KGaA, Darmstadt, Germany", Normalise(protocol).Summary.Institution);
    }
}
