using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 80's findings (issue 10): the NCI's "in Treating Patients" titles, a summary's "study of", stereotactic partial-breast RT, freedom from progression.</summary>
public class Set80RulesTests
{
    /// <summary>NCT00891904: "Radiation Therapy and Cetuximab in Treating Patients With Recurrent Head and Neck Cancer", whose one arm is cetuximab.</summary>
    [Theory]
    [InlineData("Radiation Therapy and Cetuximab in Treating Patients With Recurrent Head and Neck Cancer", "RT, unspecified")]
    [InlineData("Cetuximab and Stereotactic Body Radiation Therapy in Treating Patients With Recurrent Head and Neck Cancer", "SBRT")]
    [InlineData("Cetuximab After Radiation Therapy in Treating Patients With Recurrent Head and Neck Cancer", null)] // the RT came before
    [InlineData("Cetuximab in Treating Patients With Head and Neck Cancer Previously Treated With Radiation Therapy", null)] // after "in treating": the patients' history
    public void An_nci_title_gives_the_therapies_it_treats_patients_with(string title, string? modality)
    {
        var study = Normalise(Trial(title, null, [], Arm("Cetuximab", "Patients receive cetuximab IV once weekly in weeks 1-5")));

        Assert.Equal(modality, study.FreeText?.RtModality);
    }

    /// <summary>NCT00734851: a record of no intervention whose summary opens "This is a single arm phase II study of ... followed by salvage external beam radiation therapy".</summary>
    [Theory]
    [InlineData("This is a single arm phase II study of docetaxel, prednisone, and sunitinib systemic therapy followed by salvage external beam radiation therapy for men who have experienced PSA recurrence.", "EBRT")]
    [InlineData("A randomized phase III trial of stereotactic body radiotherapy in oligometastatic prostate cancer.", "SBRT")]
    [InlineData("A previous phase II study of external beam radiation therapy was negative.", null)] // another study
    [InlineData("This study of quality of life follows men who had external beam radiation therapy.", null)] // "this study" that follows, not "this is a study of"
    public void A_summary_that_opens_as_a_study_of_therapies_gives_them(string summary, string? modality)
    {
        Assert.Equal(modality, Normalise(Trial("Multimodality Therapy for Recurrent High Risk Prostate Cancer", summary, [])).FreeText?.RtModality);
    }

    /// <summary>NCT03581136: "5 Fraction Stereotactic Partial Breast Irradiation Using Gammapod".</summary>
    [Theory]
    [InlineData("5 Fraction Stereotactic Partial Breast Irradiation Using Gammapod", "SBRT")]
    [InlineData("Accelerated Partial Breast Irradiation in Early Breast Cancer", "RT, unspecified")]
    public void Stereotactic_partial_breast_irradiation_is_sbrt(string title, string modality)
    {
        Assert.Equal(modality, Normalise(Trial(title, null, [])).FreeText?.RtModality);
    }

    /// <summary>NCT03070886: "Freedom from progression (FFP) (Phase II)".</summary>
    [Theory]
    [InlineData("Freedom from progression (FFP) (Phase II)", "PFS")]
    [InlineData("Freedom from disease progression at 5 years", "PFS")]
    [InlineData("Freedom from distant metastasis", "other")]
    public void Freedom_from_progression_is_pfs(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }
}
