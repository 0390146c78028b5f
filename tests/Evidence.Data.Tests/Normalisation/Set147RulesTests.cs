using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 147's finding (issue 10, vocabulary .158): a title's ICI joined to a drug the record lists.</summary>
public class Set147RulesTests
{
    private const string Virus = "Recombinant Human Adenovirus Type 5 Injection";

    /// <summary>
    /// NCT05928962 (set 147): "PD-1 Monoclonal Antibody With Recombinant Human Adenovirus Type 5
    /// Injection for the Treatment of Advanced Malignant Melanoma", whose one intervention is the
    /// adenovirus: the antibody is given with it, as both annotators labelled it.
    /// </summary>
    [Theory]
    [InlineData("PD-1 Monoclonal Antibody With Recombinant Human Adenovirus Type 5 Injection for the Treatment of Advanced Malignant Melanoma", Virus, "PD-1")]
    [InlineData("Pembrolizumab and Recombinant Human Adenovirus Type 5 Injection in Melanoma", Virus, "PD-1")]
    [InlineData("PD-1 Monoclonal Antibody With Recombinant Human Adenovirus Type 5 Injection for Melanoma", "Talimogene laherparepvec", null)]
    [InlineData("Melanoma Patients on a PD-1 Monoclonal Antibody With Recombinant Human Adenovirus Type 5 Injection", Virus, null)]
    [InlineData("PD-1 Monoclonal Antibody With Injection of Recombinant Human Adenovirus Type 5 for Melanoma", Virus, null)]
    public void A_titles_ici_joined_to_a_listed_drug_is_given(string title, string drug, string? target)
    {
        var study = Normalise(Trial(title, null, [Intervention("DRUG", drug)]));

        Assert.Equal(target, study.FreeText?.Targets.SingleOrDefault());
    }
}
