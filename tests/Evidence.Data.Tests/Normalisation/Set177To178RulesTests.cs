using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 177 and 178's findings (issue 10, vocabulary .179): dose-finding and cardiac-safety
/// measures are safety, treatment-related deaths are safety, and drugs named only by name or code
/// get their class.
/// </summary>
public class Set177To178RulesTests
{
    /// <summary>
    /// Set 177: "To determine the maximum tolerated doses of capecitabine and oxaliplatin ..."
    /// (NCT00707278), "The safe dose of AUY922 when administered once a week." (NCT00708292) and
    /// "QTc interval" in neratinib's study of the heart (NCT00708903) are safety (both annotators),
    /// as "maximum tolerated dose" was; so is treatment-related mortality (the review of .178), while
    /// mortality itself stays OS.
    /// </summary>
    [Theory]
    [InlineData("To determine the maximum tolerated doses of capecitabine and oxaliplatin when delivered concurrently with 50.4 Gy radiation therapy", "safety")]
    [InlineData("The safe dose of AUY922 when administered once a week.", "safety")]
    [InlineData("QTc interval", "safety")]
    [InlineData("Treatment-related mortality", "safety")]
    [InlineData("Mortality", "OS")]
    public void Dose_finding_cardiac_and_treatment_death_measures_are_safety(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }

    /// <summary>NCT00709215 (set 177): "Cordycepin plus Pentostatin" gives both drugs, chemotherapy (both annotators).</summary>
    [Fact]
    public void Cordycepin_is_chemotherapy()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Cordycepin plus Pentostatin"));

        Assert.Equal(["cordycepin", "pentostatin"], terms.Agents.Order(StringComparer.Ordinal));
        Assert.Equal(["chemotherapy"], terms.AgentClasses);
    }

    /// <summary>
    /// NCT00704366 and NCT00704392 (set 178): "AZD0530" (saracatinib) and "XL647" (tesevatinib),
    /// kinase inhibitors named only by code, are TKIs with no agent of the topic's (both
    /// annotators), as sunitinib is; so is set 179's "ABT-869" (linifanib, NCT00707889; .180).
    /// </summary>
    [Theory]
    [InlineData("AZD0530")]
    [InlineData("XL647")]
    [InlineData("Saracatinib")]
    [InlineData("ABT-869")]
    public void Kinase_inhibitors_named_by_code_are_TKIs(string name)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name));

        Assert.Equal(["TKI"], terms.AgentClasses);
        Assert.Empty(terms.Agents);
    }
}
