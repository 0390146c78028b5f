using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 78's findings (issue 10): the NCI's names of external beam sources.</summary>
public class Set78RulesTests
{
    /// <summary>NCT00002670: "Involved-field irradiation using Co60, 1-6 MV photons, or electrons", registered as three NCI thesaurus interventions.</summary>
    [Theory]
    [InlineData("low-LET cobalt-60 gamma ray therapy", "EBRT")]
    [InlineData("low-LET electron therapy", "EBRT")]
    [InlineData("low-LET photon therapy", "EBRT")]
    [InlineData("Telecobalt radiotherapy", "EBRT")]
    [InlineData("Cobalt-60 high dose rate brachytherapy", "Brachytherapy")] // a cobalt source inside the body
    [InlineData("Gamma Knife radiosurgery", "SBRT")] // cobalt-60 gamma rays aimed stereotactically
    public void The_nci_s_external_beam_sources_are_ebrt(string name, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }
}
