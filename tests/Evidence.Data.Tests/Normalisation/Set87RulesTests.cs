using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 87's findings (issue 10): taxanes are chemotherapy.</summary>
public class Set87RulesTests
{
    /// <summary>NCT05171530: "Drug: Lenvatinib plus taxane drugs".</summary>
    [Theory]
    [InlineData("Lenvatinib plus taxane drugs", new[] { "TKI", "chemotherapy" })]
    [InlineData("Taxanes", new[] { "chemotherapy" })]
    [InlineData("Lenvatinib alone", new[] { "TKI" })]
    public void Taxanes_are_chemotherapy(string name, string[] classes)
    {
        Assert.Equal(classes, OnlyIntervention(Intervention("DRUG", name)).AgentClasses);
    }
}
