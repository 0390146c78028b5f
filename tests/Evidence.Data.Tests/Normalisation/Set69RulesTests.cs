using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 69's findings (issue 10): RT named by its machine (an MR-Linac), protons as the first of
/// two courses, involved mediastinal RT and a marginal failure.
/// </summary>
public class Set69RulesTests
{
    /// <summary>NCT04726397: "Reduced margin adaptive radiotherapy" in a trial titled "UNIty-Based MR-Linac Guided AdapTive RadiothErapy".</summary>
    [Fact]
    public void Rt_of_no_kind_in_a_trial_of_an_mr_linac_is_ebrt()
    {
        var study = Normalise(Trial("UNIty-Based MR-Linac Guided AdapTive RadiothErapy for High GraDe Glioma: A Phase 2 Trial", null, [Intervention("RADIATION", "Reduced margin adaptive radiotherapy")]));

        Assert.Equal(Terms.Ebrt, study.Interventions[0].RtModality);
    }

    [Theory]
    [InlineData("MR-Linac adaptive radiotherapy", "EBRT")]
    [InlineData("Stereotactic body radiotherapy on the MR-Linac, 40 Gy in 5 fractions", "SBRT")]
    [InlineData("Hypofractionated MRI-linac radiotherapy", "Hypofractionated RT")]
    public void An_mr_linac_is_an_external_beam_technique(string name, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    /// <summary>NCT02802124: "proton plus carbon-ion radiotherapy".</summary>
    [Theory]
    [InlineData("proton plus carbon-ion radiotherapy", new[] { "Carbon ion", "Proton" })]
    [InlineData("carbon-ion radiotherapy alone", new[] { "Carbon ion" })]
    [InlineData("Carbon-ion radiotherapy plus chemotherapy", new[] { "Carbon ion" })]
    public void Protons_joined_by_plus_to_another_beam_are_a_course_of_their_own(string name, string[] modalities)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", name));

        Assert.Equal(modalities, new[] { terms.RtModality! }.Concat(terms.AlsoRtModalities).Order(StringComparer.Ordinal));
    }

    /// <summary>NCT01599559: "Involved Mediastinal Radiotherapy" is involved-field RT (guide rule 4).</summary>
    [Fact]
    public void Involved_mediastinal_rt_is_ebrt()
    {
        Assert.Equal(Terms.Ebrt, OnlyIntervention(Intervention("RADIATION", "Involved mediastinal radiotherapy")).RtModality);
    }

    /// <summary>NCT04726397: a recurrence at the edge of the radiation volume.</summary>
    [Theory]
    [InlineData("Imaging-detected tumor recurrence at the edge of the radiation volume (\"marginal\" failure)", "local control")]
    [InlineData("Marginal recurrence rate", "local control")]
    public void A_marginal_failure_is_local_control(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithPurpose(WithOutcome(measure), "TREATMENT")).Outcomes[0].EndpointClass);
    }
}
