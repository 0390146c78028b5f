using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 152's findings (issue 10, vocabulary .163): a title that compares the ICIs it opens with
/// against what follows, "platinum" alone as chemotherapy, and a cancer-free interval as DFS/RFS.
/// </summary>
public class Set152RulesTests
{
    /// <summary>
    /// NCT03351361 (set 152, eNERGY): a record that lists only "Drug: Chemotherapy" under the title
    /// "Nivolumab and Ipilimumab Versus Chimiotherapy in First Line Treatment ...": one arm gives
    /// both antibodies, as both annotators labelled them. Not where the title's agent is the
    /// patients' history or what is studied of it.
    /// </summary>
    [Theory]
    [InlineData("Nivolumab and Ipilimumab Versus Chimiotherapy in First Line Treatment in PS 2 or Elderly in Advanced NSCLC Patients", "ipilimumab + nivolumab")]
    [InlineData("A Randomized Phase II Study of Pembrolizumab vs. Chemotherapy in Older Patients With NSCLC", "pembrolizumab")]
    [InlineData("Efficacy of Atezolizumab Compared With Docetaxel in Previously Treated NSCLC", "atezolizumab")]
    [InlineData("Chemotherapy in Patients Progressing After Nivolumab Versus Chemotherapy-Naive Patients", "")]
    [InlineData("Pembrolizumab Exposure Versus Response in NSCLC", "")]
    public void A_titles_ici_compared_with_a_treatment_is_given(string title, string agents)
    {
        var study = Normalise(WithPurpose(Trial(title, null, [Intervention("DRUG", "Chemotherapy")]), "TREATMENT"));

        Assert.Equal(agents, string.Join(" + ", (study.FreeText?.Agents ?? []).Order(StringComparer.Ordinal)));
    }

    /// <summary>
    /// NCT04502641 and NCT06151743 (set 152), NCT04624204 (set 47): "Platinum" alone, "toripalimab +
    /// cetuximab + platinum" and "Platinum, investigator's choice" give chemotherapy, as every
    /// annotator labelled them; not "platinum-resistant" disease.
    /// </summary>
    [Theory]
    [InlineData("Platinum", "chemotherapy")]
    [InlineData("Platinum, investigator's choice", "chemotherapy")]
    [InlineData("Platinum-resistant cohort", "")]
    [InlineData("Platinum-free interval extension", "")]
    public void Platinum_is_chemotherapy(string name, string partner)
    {
        Assert.Equal(partner, string.Join(" + ", OnlyIntervention(Intervention("DRUG", name)).PartnerClasses));
    }

    /// <summary>NCT02308085 (set 152, POSITIVE): "Breast Cancer free interval (BCFI)" is DFS/RFS, as both annotators labelled it.</summary>
    [Theory]
    [InlineData("Breast Cancer free interval (BCFI)")]
    [InlineData("Cancer-free survival at 5 years")]
    public void A_cancer_free_interval_is_dfs(string measure)
    {
        var study = Normalise(WithOutcome(measure));

        Assert.Equal("DFS/RFS", study.Outcomes.Single().EndpointClass);
    }
}
