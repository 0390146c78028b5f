using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Findings of sets 157-158 (issue 10, vocabulary .167): RT a title joins to a listed drug after
/// words of what it studies, and the standard chemoradiation a title compares the listed arm with.
/// </summary>
public class Set157To158RulesTests
{
    /// <summary>
    /// NCT00171964 (set 157): "Efficacy and Tolerability of Zoledronic Acid With Radiotherapy in Pts
    /// With Advanced Osteolytic Bone Lesions", beside "Drug: Zoledronic acid in combination with
    /// therapy": the trial gives the RT with the drug, as both annotators labelled it. Not where the
    /// words before the drug are the patients' or what is studied of the RT.
    /// </summary>
    [Theory]
    [InlineData("Efficacy and Tolerability of Zoledronic Acid With Radiotherapy in Pts With Advanced Osteolytic Bone Lesions", "RT, unspecified")]
    [InlineData("Safety of Zoledronic Acid With Radiotherapy", "RT, unspecified")]
    [InlineData("Patients Treated With Zoledronic Acid With Radiotherapy Before Study Entry", "")]
    [InlineData("Efficacy of Zoledronic Acid With Radiotherapy Planning Scans", "")]
    public void A_title_joining_rt_to_the_listed_drug_after_words_of_study_gives_it(string title, string kinds)
    {
        var study = Treatment(title, Intervention("DRUG", "Zoledronic acid in combination with therapy"));

        Assert.Equal(kinds, TrialKinds(study));
    }

    /// <summary>
    /// NCT01000415 (set 158): "Comparing Standard Concurrent Chemo-radiation to Neoadjuvant
    /// Chemotherapy Then Surgery or Radiation ...", which lists only the new arm: the standard arm
    /// gives the chemoradiation, as both annotators labelled it.
    /// </summary>
    [Theory]
    [InlineData("Comparing Standard Concurrent Chemo-radiation to Neoadjuvant Chemotherapy Then Surgery or Radiation in Patients Stage Ib2-early IIb Cervical Carcinoma", "RT, unspecified")]
    [InlineData("Comparing Study Between Concurrent Chemoradiation and New Combination Treatment in Cervical Cancer Patients", "RT, unspecified")]
    [InlineData("Quality of Life Comparing Patients After Chemoradiation With Patients After Surgery", "")]
    public void A_title_comparing_the_standard_chemoradiation_gives_it(string title, string kinds)
    {
        var study = Treatment(title, Intervention("PROCEDURE", "Neoadjuvant chemotherapy followed by surgery"));

        Assert.Equal(kinds, TrialKinds(study));
    }
}
