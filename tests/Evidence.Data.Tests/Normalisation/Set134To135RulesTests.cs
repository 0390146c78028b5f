using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Sets 134-135's findings (issue 10, vocabulary .142): temozolomide by its abbreviation and its European brand.</summary>
public class Set134To135RulesTests
{
    /// <summary>NCT04532229 (set 135): "TMZ" in brackets in the intervention's name is temozolomide for both annotators.</summary>
    [Theory]
    [InlineData("Nimotuzumab+CRT(concurrent IMRT and TMZ)")]
    [InlineData("Temodal 75 mg/m2 daily during radiotherapy")]
    public void Temozolomide_is_read_by_its_abbreviation_and_brand(string name)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name));

        Assert.Contains("temozolomide", terms.Agents);
        Assert.Contains("chemotherapy", terms.AgentClasses);
    }
}
