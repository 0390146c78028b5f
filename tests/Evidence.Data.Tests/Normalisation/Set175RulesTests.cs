using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 175's findings (issue 10, vocabulary .178): a listed drug "in combination with"
/// chemoradiotherapy, past an appositive, gives the RT; a yttrium-90 plaque is brachytherapy; a
/// myelodysplastic syndrome is a neoplasm whose response rate is a tumour's; "objective clinical
/// response" is ORR.
/// </summary>
public class Set175RulesTests
{
    /// <summary>
    /// NCT00704600 (set 175), beside "Drug: nelfinavir" only: "A Phase I/II Trial Testing
    /// Nelfinavir, an Inhibitor of Akt Signaling, in Combination With Preoperative
    /// Chemoradiotherapy ..." gives the chemoradiotherapy (both annotators: RT of no kind), as
    /// "Nelfinavir and Chemoradiation" already did. Not where the title measures something of the
    /// combination, nor where the drug joined is not one the record lists.
    /// </summary>
    [Theory]
    [InlineData("A Phase I/II Trial Testing Nelfinavir, an Inhibitor of Akt Signaling, in Combination With Preoperative Chemoradiotherapy in Patients With Locally Advanced Rectal Cancer", "nelfinavir", "RT, unspecified")]
    [InlineData("Nelfinavir in Combination With Radiotherapy in Rectal Cancer", "nelfinavir", "RT, unspecified")]
    [InlineData("Nelfinavir Combined With Chemoradiotherapy for Rectal Cancer", "nelfinavir", "RT, unspecified")]
    [InlineData("Effect of Nelfinavir in Combination With Radiotherapy on Quality of Life", "nelfinavir", null)]
    [InlineData("A Phase I/II Trial Testing Nelfinavir, an Inhibitor of Akt Signaling, in Combination With Preoperative Chemoradiotherapy in Patients With Locally Advanced Rectal Cancer", "questionnaire", null)]
    public void A_listed_drug_in_combination_with_chemoradiotherapy_gives_the_RT(string title, string listed, string? kind)
    {
        var study = Normalise(WithPurpose(Trial(title, null, [Intervention(listed == "questionnaire" ? "OTHER" : "DRUG", listed)]), "TREATMENT"));

        Assert.Equal(kind, study.FreeText?.RtModality);
    }

    /// <summary>
    /// NCT00706485 (set 175): "Yttrium-90 Plaque Applicator" (other name "Y-90 Plaque applicator"),
    /// placed on the dura during surgery, is brachytherapy (both annotators), not the yttrium-90
    /// microspheres of radioembolisation, which stay SIRT.
    /// </summary>
    [Theory]
    [InlineData("Yttrium-90 Plaque Applicator", "Brachytherapy")]
    [InlineData("Y-90 Plaque applicator", "Brachytherapy")]
    [InlineData("Yttrium-90 microspheres", "SIRT")]
    [InlineData("Y-90 radioembolization", "SIRT")]
    public void A_yttrium_90_plaque_is_brachytherapy(string name, string kind)
    {
        Assert.Equal(kind, Kinds(Treatment("Intra-Operative Treatment of Spinal Tumors", Intervention("DEVICE", name)).Interventions[0]));
    }

    /// <summary>
    /// NCT00704704 (set 175), azacitidine and thalidomide in higher-risk myelodysplastic syndrome:
    /// its "overall response rate" is the disease's response (both annotators: ORR); a response
    /// rate of a disease that is no neoplasm (knee osteoarthritis) stays other.
    /// </summary>
    [Theory]
    [InlineData("Myelodysplastic Syndrome", "overall response rate", "ORR")]
    [InlineData("Myelodysplasia", "overall response rate measured by complete blood counts and bone marrow examinations", "ORR")]
    [InlineData("Osteoarthritis, Knee", "overall response rate", "other")]
    public void A_myelodysplastic_syndromes_response_rate_is_its_response(string condition, string measure, string endpoint)
    {
        var protocol = WithConditions(WithOutcome(measure), condition);
        protocol["identificationModule"] = new JsonObject { ["nctId"] = "NCT00000001", ["briefTitle"] = "Safety and Efficacy of a New Treatment" };

        Assert.Equal(endpoint, Normalise(protocol).Outcomes[0].EndpointClass);
    }

    /// <summary>NCT00706238 (set 175): "The rate of objective clinical response." is ORR (both annotators).</summary>
    [Theory]
    [InlineData("The rate of objective clinical response.", "ORR")]
    [InlineData("Objective response rate", "ORR")]
    public void An_objective_clinical_response_is_ORR(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }
}
