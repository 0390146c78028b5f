using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules found on the ninth reconstructed set (Evaluation/Labels/reconstructed-9/NOTES.md): an
/// intervention named only as local treatment, image-guided RT, thermal ablation and clinical
/// benefit. The texts are written for these tests; none is copied from a labelled record.
/// </summary>
public class LocalTherapyRulesTests
{
    [Theory]
    [InlineData("Local consolidative therapy", "SBRT, surgery or radiofrequency ablation of every residual lesion.", "SBRT", true)]
    [InlineData("Local intervention", "Radiotherapy or surgery to the metastases.", Terms.UnspecifiedRt, false)]
    [InlineData("Local treatment", "Thermal ablation of the liver metastases.", null, true)]
    public void A_local_treatment_takes_its_rt_and_ablation_from_its_description(string name, string description, string? modality, bool locoregional)
    {
        var terms = OnlyIntervention(Intervention("OTHER", name, description));

        Assert.Equal(modality, terms.RtModality);
        Assert.Equal(locoregional, terms.PartnerClasses.Contains(Terms.Locoregional));
    }

    [Theory]
    [InlineData("Local treatment", "Patients previously treated with SBRT to the lesion are excluded.")] // not given
    [InlineData("Standard treatment", "Radiotherapy to the metastases.")] // not local
    [InlineData("Local anaesthetic cream", "Applied before each radiotherapy session.")] // a drug, not local treatment
    public void Other_names_or_rt_not_given_leave_the_intervention_without_rt(string name, string description)
    {
        Assert.Null(OnlyIntervention(Intervention("OTHER", name, description)).RtModality);
    }

    [Theory]
    [InlineData("Image-guided Radiation Therapy", "EBRT")]
    [InlineData("Image guided radiotherapy (IGRT), 60 Gy in 30 fractions", "EBRT")]
    [InlineData("Image guided radiotherapy (IGRT), 60 Gy in 8 fractions", "Hypofractionated RT")] // guide rules 2 and 5: the technique delivers the kind its doses give
    public void Image_guided_radiation_therapy_is_external_beam(string name, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    [Fact]
    public void Image_guided_brachytherapy_stays_brachytherapy()
    {
        Assert.Equal("Brachytherapy", OnlyIntervention(Intervention("RADIATION", "Image-guided brachytherapy")).RtModality);
    }

    [Theory]
    [InlineData("Percutaneous thermal ablation")]
    [InlineData("Microwave or laser ablation")]
    public void Thermal_ablation_is_locoregional(string name)
    {
        Assert.Contains(Terms.Locoregional, OnlyIntervention(Intervention("PROCEDURE", name)).PartnerClasses);
    }
}
