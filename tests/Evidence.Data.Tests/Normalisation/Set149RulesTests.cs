using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 149's finding (issue 10, vocabulary .161): "PD-1" and "chemo" written for the drugs in an
/// intervention's name, the title naming the antibody.
/// </summary>
public class Set149RulesTests
{
    private const string Title = "Tislelizumab Combined with Chemotherapy and All Trans Retinoic Acid for Locally Advanced or Metastatic Esophageal Squamous Cell Carcinoma";

    /// <summary>
    /// NCT06703047 (set 149): two interventions, "placebo+PD-1+chemo" and "ATRA+pd-1+chemo", and a
    /// title that names tislelizumab: each gives tislelizumab with chemotherapy, as both
    /// annotators labelled them. Both arms name the same checkpoint, so neither keeps the title's
    /// drug from the other.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_checkpoint_joined_to_chemo_is_the_titles_antibody(int ordinal)
    {
        var study = Normalise(Trial(Title, null, [Intervention("DRUG", "placebo+PD-1+chemo"), Intervention("DRUG", "ATRA+pd-1+chemo")]));

        var terms = study.Interventions[ordinal];
        Assert.Equal(["tislelizumab"], terms.Agents);
        Assert.Equal(["PD-1"], terms.Targets);
        Assert.Equal(["chemotherapy"], terms.PartnerClasses);
    }

    /// <summary>
    /// Where another intervention names a checkpoint of another target, the title's PD-1 antibody
    /// may be that one's partner's, not this class's: "PD-1+chemo" stays a class.
    /// </summary>
    [Fact]
    public void Another_interventions_other_checkpoint_keeps_the_class()
    {
        var study = Normalise(Trial(Title, null, [Intervention("DRUG", "PD-1+chemo"), Intervention("DRUG", "anti-CTLA-4 antibody")]));

        Assert.Empty(study.Interventions[0].Agents);
        Assert.Equal(["PD-1"], study.Interventions[0].Targets);
    }

    /// <summary>A drug named only "PD-1" takes the title's one PD-1 antibody as a class word does.</summary>
    [Fact]
    public void A_bare_checkpoint_takes_the_titles_antibody()
    {
        var terms = Normalise(Trial(Title, null, [Intervention("DRUG", "PD-1")])).Interventions[0];

        Assert.Equal(["tislelizumab"], terms.Agents);
    }

    /// <summary>
    /// "chemo" is chemotherapy ("Chemo only", set 33), but not where it qualifies something else:
    /// chemo-free, chemo-naive, chemo-refractory; "Chemo-immunotherapy" still reads its
    /// description's drugs of both kinds (set 24: carboplatin, etoposide and durvalumab).
    /// </summary>
    [Theory]
    [InlineData("Chemo only", null, "chemotherapy", "")]
    [InlineData("Chemo-free regimen", null, "", "")]
    [InlineData("Chemo-naive cohort", null, "", "")]
    [InlineData("Chemo-immunotherapy", "Four courses of carboplatin/etoposide/durvalumab every 3 weeks followed by durvalumab every 4 weeks.", "chemotherapy", "carboplatin + durvalumab + etoposide")]
    public void Chemo_is_chemotherapy_unless_it_qualifies(string name, string? description, string partner, string agents)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name, description));

        Assert.Equal(partner, string.Join(" + ", terms.PartnerClasses));
        Assert.Equal(agents, string.Join(" + ", terms.Agents.Order(StringComparer.Ordinal)));
    }
}
