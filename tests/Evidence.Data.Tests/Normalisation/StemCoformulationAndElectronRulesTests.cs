using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules from set 34's unseen records (vocabulary 2026-12-03.52): MEK inhibitors are no TKIs,
/// BCD-217 is two checkpoint antibodies, electron beams are external-beam RT. The texts are
/// written for these tests; none is copied from a labelled record.
/// </summary>
public class StemCoformulationAndElectronRulesTests
{
    [Theory]
    [InlineData("Cobimetinib")]
    [InlineData("Selumetinib")]
    public void A_mek_inhibitor_is_no_tki(string name)
    {
        var t = OnlyIntervention(Intervention("DRUG", name));
        Assert.DoesNotContain("TKI", t.AgentClasses);
        Assert.DoesNotContain("TKI", t.PartnerClasses);
    }

    [Theory]
    [InlineData("Tucatinib")] // an unknown "-tinib" is still a TKI
    [InlineData("Zanubrutinib")]
    public void Other_tinibs_are_still_tkis(string name)
    {
        var t = OnlyIntervention(Intervention("DRUG", name));
        Assert.Contains("TKI", t.PartnerClasses);
    }

    [Fact]
    public void Bcd_217_gives_both_of_its_antibodies()
    {
        var t = OnlyIntervention(Intervention("BIOLOGICAL", "BCD-217", description: "once every 3 weeks before surgery"));
        Assert.Equal(["nurulimab", "prolgolimab"], t.Agents);
        Assert.Equal(["CTLA-4", "PD-1"], t.Targets.Order());
    }

    [Theory]
    [InlineData("Total skin electron beam therapy")]
    [InlineData("TSEBT")]
    [InlineData("Electron beam radiotherapy to the scar")]
    public void An_electron_beam_is_ebrt(string name)
    {
        var t = OnlyIntervention(Intervention("RADIATION", name));
        Assert.Equal(["EBRT"], t.RtModalities);
    }
}
