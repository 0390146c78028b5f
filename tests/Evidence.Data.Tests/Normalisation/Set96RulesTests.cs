using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 96's findings (issue 10): stereotactic RT with the imaging that guides it between, and the French "conformational" RT.</summary>
public class Set96RulesTests
{
    /// <summary>NCT04845503: "MR-guided Radiotherapy" in a trial titled "Stereotactic MRI-guided Radiation Therapy for Localized ProstatE Cancer".</summary>
    [Theory]
    [InlineData("Stereotactic MRI-guided Radiation Therapy for Localized Prostate Cancer", "SBRT")]
    [InlineData("Stereotactic MR-guided Adaptive Radiotherapy for Pancreatic Cancer", "SBRT")]
    [InlineData("MRI-guided Radiation Therapy for Localized Prostate Cancer", "RT, unspecified")] // no stereotactic word
    [InlineData("Stereotactic Biopsy and Radiation Therapy for Brain Tumours", "RT, unspecified")] // the biopsy is stereotactic
    public void Stereotactic_rt_guided_by_imaging_is_sbrt(string title, string modality)
    {
        Assert.Equal(modality, Normalise(Trial(title, null, [Intervention("RADIATION", "MR-guided Radiotherapy")])).Interventions[0].RtModality);
    }

    /// <summary>NCT00870116 (Centre Léon Bérard): "Conformational radiotherapy", the French "radiothérapie conformationnelle".</summary>
    [Theory]
    [InlineData("Conformational radiotherapy", "EBRT")]
    [InlineData("3D conformational radiotherapy", "EBRT")]
    [InlineData("Conformational change assay", null)]
    public void Conformational_radiotherapy_is_conformal_external_beam(string name, string? modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }
}
