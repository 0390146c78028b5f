using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 82's findings (issue 10): "CT" beside RT is chemotherapy, not a scan.</summary>
public class Set82RulesTests
{
    /// <summary>
    /// NCT00193791: an intervention of no type named "ct + rt", described as "Injection Cisplatin
    /// 40mg/m2 weekly for 5 weeks during the entire course of external radiation therapy".
    /// </summary>
    [Theory]
    [InlineData("ct + rt", "EBRT")]
    [InlineData("CT/RT", "EBRT")]
    [InlineData("RT and CT", "EBRT")]
    [InlineData("CT scan before RT", null)] // a scan
    [InlineData("Planning CT", null)] // a scan, no RT named
    public void Ct_joined_to_rt_is_chemotherapy_beside_it(string name, string? modality)
    {
        var intervention = Intervention("OTHER", name, "Injection Cisplatin 40mg/m2 weekly for 5 weeks during the entire course of external radiation therapy");
        intervention.Remove("type");

        var terms = OnlyIntervention(intervention);

        Assert.Equal(modality, terms.RtModality);
        Assert.Contains("cisplatin", terms.Agents);
    }
}
