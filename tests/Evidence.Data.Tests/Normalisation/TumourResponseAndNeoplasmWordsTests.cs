using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules from set 40's unseen records (vocabulary 2026-12-03.58): a response rate is a tumour's
/// (ORR) only in a trial of a neoplasm; neoplasm words whole ("cholangiocarcinoma",
/// "adenocarcinoma", "meningioma") make a trial one; whole brain irradiation is EBRT. The texts
/// are written for these tests; none is copied from a labelled record.
/// </summary>
public class TumourResponseAndNeoplasmWordsTests
{
    private static JsonObject WithCondition(JsonObject protocol, string condition, string? title = null)
    {
        protocol["conditionsModule"] = new JsonObject { ["conditions"] = new JsonArray(condition) };
        protocol["identificationModule"] = new JsonObject { ["nctId"] = "NCT00000001", ["briefTitle"] = title };
        return protocol;
    }

    [Theory]
    [InlineData("Knee Osteoarthritis", null, "other")] // a joint's response, not a tumour's
    [InlineData("Crohn Disease", null, "other")]
    [InlineData("Intrahepatic Cholangiocarcinoma", null, "ORR")]
    [InlineData("Pancreatic Adenocarcinoma", null, "ORR")]
    [InlineData("ORR, OS, PFS", "Sintilimab for Unresectable Cholangiocarcinoma", "ORR")] // conditions that name no disease: the title does
    public void A_response_rate_is_a_tumour_response_only_in_a_trial_of_a_neoplasm(string condition, string? title, string endpoint)
    {
        var protocol = WithCondition(WithOutcome("Response rate at 4 months"), condition, title);
        Assert.Equal(endpoint, Normalise(protocol).Outcomes[0].EndpointClass);
    }

    [Fact]
    public void A_trial_of_a_neoplasm_named_by_one_word_gets_its_setting()
    {
        var protocol = WithCondition(WithArms([]), "Meningioma", "Nivolumab for Recurrent Meningioma");
        Assert.Contains("recurrent", Normalise(protocol).Summary.Settings!);
    }

    [Fact]
    public void Whole_brain_irradiation_is_external_beam()
    {
        Assert.Equal(["EBRT"], OnlyIntervention(Intervention("RADIATION", "Low-dose whole brain irradiation")).RtModalities);
    }
}
