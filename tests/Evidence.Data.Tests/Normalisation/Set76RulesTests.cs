using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 76's findings (issue 10): an SBRT's photons named as its other name, survival without progression.</summary>
public class Set76RulesTests
{
    /// <summary>NCT01151761: "Stereotactic Body Radiotherapy", other name "External photon radiation".</summary>
    [Theory]
    [InlineData("Stereotactic Body Radiotherapy", "External photon radiation", new[] { "SBRT" })] // how the SBRT is delivered (guide rule 2)
    [InlineData("Stereotactic Body Radiotherapy", "Whole-brain radiotherapy", new[] { "SBRT", "EBRT" })] // another course, not the SBRT's photons
    [InlineData("Pelvic radiotherapy", "External photon radiation", new[] { "EBRT" })] // no SBRT named: the photons are its kind
    public void An_sbrt_s_photons_in_its_other_name_are_not_a_kind_of_their_own(string name, string otherName, string[] modalities)
    {
        var rt = OnlyIntervention(Intervention("RADIATION", name, otherNames: [otherName]));

        Assert.Equal(modalities.Order(StringComparer.Ordinal), rt.RtModalities.Order(StringComparer.Ordinal));
    }

    /// <summary>NCT00614913: "3-year Survival Without Tumor Progression for Patients Within the Milan Criteria".</summary>
    [Theory]
    [InlineData("3-year Survival Without Tumor Progression for Patients Within the Milan Criteria", "PFS")]
    [InlineData("Survival without disease progression at 2 years", "PFS")]
    [InlineData("3-year overall survival", "OS")]
    [InlineData("Survival without grade 3 or higher toxicity", "safety")] // no progression: not PFS
    public void Survival_without_progression_is_pfs(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }
}
