using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An intervention's description that writes the arm's formula, its own drug (or its placebo)
/// joined by "+" or "plus" to others (sets 35 and 57, issue 10): the others are given with it,
/// unless another intervention is named for them.
/// </summary>
public class FormulaDescriptionTests
{
    private const string Formula =
        "AK104 (administered on Day 1 of each cycle, Q3W)+Oxaliplatin (130 mg/m2 intravenous infusion on Day 1, Q3W, up to 6 cycles)+ Capecitabine(1000 mg/m2, p.o., Bid)";

    [Fact]
    public void The_drugs_a_description_joins_to_the_intervention_are_given_with_it()
    {
        var study = Normalise(WithArms([Intervention("DRUG", "AK104", Formula)]));
        var terms = study.Interventions[0];

        Assert.Equal(["cadonilimab", "oxaliplatin", "capecitabine"], terms.Agents);
        Assert.Contains(Terms.Chemotherapy, terms.PartnerClasses);
        Assert.Equal(["CTLA-4", "PD-1"], terms.Targets.Order(StringComparer.Ordinal));
        var capecitabine = Assert.Single(study.Sources, s => s.Field == NormalisedField.Agent && s.Value == "capecitabine");
        Assert.Equal("interventions[0].description", capecitabine.SourceField);
    }

    [Theory]
    [InlineData("Placebo (administered on Day 1 of each cycle, Q3W)+Oxaliplatin (130 mg/m2, Q3W)+ Capecitabine(1000 mg/m2, p.o., Bid)", new[] { "oxaliplatin", "capecitabine" })]
    [InlineData("Subjects will receive Placebo Plus Pemetrexed and Carboplatin via intravenous infusion (IV) Q3W", new[] { "pemetrexed", "carboplatin" })]
    [InlineData("3mg/kg IV(placebo+cisplatin+5FU)", new[] { "cisplatin", "fluorouracil" })]
    public void A_placebo_gives_the_drugs_its_description_joins_to_it_and_nothing_of_its_own(string description, string[] agents)
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Placebo", description));

        Assert.Equal(agents, terms.Agents);
        Assert.Equal([Terms.Chemotherapy], terms.AgentClasses);
        Assert.Equal([Terms.Chemotherapy], terms.PartnerClasses);
        Assert.Empty(terms.Targets);
        Assert.Null(terms.RtModality);
    }

    [Theory]
    [InlineData("Placebo matched to pembrolizumab, every 3 weeks")] // what it stands in for
    [InlineData("Placebo for nivolumab + ipilimumab")]
    [InlineData("Placebo and docetaxel")] // "and" alone does not write a formula
    public void A_placebo_that_joins_nothing_with_a_plus_gives_nothing(string description)
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Placebo", description));

        Assert.Empty(terms.Agents);
        Assert.Empty(terms.AgentClasses);
    }

    [Fact]
    public void A_drug_listed_as_an_intervention_of_its_own_stays_that_ones()
    {
        var study = Normalise(WithArms(
            [Intervention("DRUG", "AK104", Formula), Intervention("DRUG", "Oxaliplatin"), Intervention("DRUG", "Capecitabine")]));

        Assert.Equal(["cadonilimab"], study.Interventions[0].Agents);
    }

    [Theory]
    [InlineData("Pembrolizumab and docetaxel on day 1")] // no "+" or "plus"
    [InlineData("Pembrolizumab 200 mg after progression on docetaxel+ramucirumab")] // the plus is not the intervention's
    [InlineData("Patients who progressed on docetaxel + ramucirumab are given pembrolizumab")] // the formula's head is not near the start
    public void A_description_that_writes_no_formula_of_the_drug_adds_nothing(string description)
    {
        Assert.Equal(["pembrolizumab"], OnlyIntervention(Intervention("DRUG", "Pembrolizumab", description)).Agents);
    }
}
