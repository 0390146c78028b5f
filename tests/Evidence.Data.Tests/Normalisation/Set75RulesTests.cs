using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 75's findings (issue 10): RT a title combines with a drug, an arm that offers two kinds, conformal RT spelt out.</summary>
public class Set75RulesTests
{
    /// <summary>NCT05024019: one drug intervention; the title gives the RT it is "Combined With".</summary>
    [Theory]
    [InlineData("Nimotuzumab Combined With Radiotherapy in High-risk Patients With HNSCC Not Suitable for Cisplatin After Surgery", "RT, unspecified")]
    [InlineData("Nimotuzumab Combined With Concurrent Radiotherapy for Head and Neck Cancer", "RT, unspecified")]
    [InlineData("Quality of Life of Patients Treated With Nimotuzumab Combined With Radiotherapy", null)] // the title describes its people
    [InlineData("Nimotuzumab for Head and Neck Cancer After Radiotherapy", null)] // RT before the trial
    public void A_title_s_rt_combined_with_the_trial_s_drug_is_given(string title, string? modality)
    {
        var study = Normalise(Trial(title, null, [Intervention("DRUG", "Nimotuzumab")]));

        Assert.Equal(modality, study.FreeText?.RtModality);
    }

    /// <summary>NCT02039778: a record with no interventions whose one arm mandates IMRT and accepts protons.</summary>
    [Theory]
    [InlineData("One treatment of 2.0 Gy will be given daily. Intensity Modulated Radiation Therapy (IMRT) Is Mandated; Proton therapy (Intensity-modulated proton therapy [IMPT] preferred) is an acceptable treatment modality.", new[] { "EBRT", "Proton" })]
    [InlineData("Stereotactic body radiotherapy delivered with VMAT, 40 Gy in 5 fractions.", new[] { "SBRT" })] // the technique delivers the SBRT (guide rule 2)
    [InlineData("Intensity-modulated proton therapy, 70 Gy (RBE) in 35 fractions.", new[] { "Proton" })] // a particle beam's technique (guide rule 3)
    public void An_arm_that_gives_several_kinds_gives_the_trial_each(string arm, string[] modalities)
    {
        var study = Normalise(Trial("Stem Cell Radiotherapy and Temozolomide for Newly Diagnosed High-grade Glioma", null, [], Arm("Radiotherapy and Temozolomide", arm)));

        Assert.Equal(modalities, study.FreeText!.RtModalities.Order(StringComparer.Ordinal));
    }

    /// <summary>NCT00027846: "Conformal Radiation Therapy" spelt out, as "conformal radiotherapy" is.</summary>
    [Theory]
    [InlineData("Conformal Radiation Therapy", "EBRT")]
    [InlineData("Conformal irradiation of the tumour bed", "EBRT")]
    [InlineData("Radiation therapy", "RT, unspecified")]
    public void Conformal_radiation_therapy_is_external_beam(string name, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }
}
