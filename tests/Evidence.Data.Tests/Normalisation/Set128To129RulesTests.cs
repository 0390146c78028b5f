using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Sets 128-129's findings (issue 10, vocabulary .138): neutron RT and another spelling of VMAT.</summary>
public class Set128To129RulesTests
{
    /// <summary>NCT00114790, NCT05883007: boron neutron capture therapy is RT of no DOMAIN kind (both annotators of set 128).</summary>
    [Theory]
    [InlineData("Boron neutron capture therapy (BNCT)")]
    [InlineData("BNCT")]
    [InlineData("Fast neutron therapy")]
    public void Neutron_rt_is_rt_of_no_kind(string name)
    {
        Assert.Equal("RT, unspecified", Kinds(OnlyIntervention(Intervention("RADIATION", name))));
    }

    /// <summary>NCT06572423's "Volume Modulated Arc Therapy": volumetric modulated arc therapy, a technique of EBRT (guide rule 2).</summary>
    [Theory]
    [InlineData("Volume Modulated Arc Therapy")]
    [InlineData("Volume-modulated arc therapy (VMAT)")]
    public void Volume_modulated_arc_therapy_is_ebrt(string name)
    {
        Assert.Equal("EBRT", Kinds(OnlyIntervention(Intervention("RADIATION", name))));
    }

    /// <summary>Boron named as a drug, not the capture therapy, is no RT.</summary>
    [Fact]
    public void A_boron_compound_alone_is_no_rt()
    {
        Assert.Equal("", Kinds(OnlyIntervention(Intervention("DRUG", "Boronophenylalanine"))));
    }
}
