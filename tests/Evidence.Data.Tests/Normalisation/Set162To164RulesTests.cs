using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Sets 162-164's findings (issue 10, vocabulary .171): a study named with its design, what both arms receive, a therapy studied as an exposure, loco-regional tumour control.</summary>
public class Set162To164RulesTests
{
    /// <summary>NCT03998696 (set 164): "Loco-regional tumor control after completion of treatment" is local control (both annotators), as "loco-regional control" is.</summary>
    [Theory]
    [InlineData("Loco-regional tumor control after completion of treatment", "local control")]
    [InlineData("Locoregional tumour control at 2 years", "local control")]
    public void Loco_regional_tumour_control_is_local_control(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }

    /// <summary>
    /// NCT06971237 (set 163), a record with no title, interventions or arms: "This retrospective
    /// cohort study aims to evaluate the efficacy and safety of ... Selective Internal Radiation
    /// Therapy (SIRT) with Yttrium-90 (Y90) microspheres and peri-immunotherapy (atezolizumab ±
    /// bevacizumab)": this study's, though its design words stand between "This" and "study" (both
    /// annotators: SIRT and atezolizumab). Not another study's.
    /// </summary>
    [Theory]
    [InlineData("This retrospective cohort study aims to evaluate the efficacy and safety of SIRT with Yttrium-90 microspheres and atezolizumab.", "SIRT", "atezolizumab + PD-L1")]
    [InlineData("This randomized phase II trial aims to evaluate the efficacy and safety of SIRT and atezolizumab.", "SIRT", "atezolizumab + PD-L1")]
    [InlineData("A previous retrospective cohort study evaluated the efficacy and safety of SIRT and atezolizumab.", "", "")]
    public void A_description_of_this_study_named_with_its_design_says_what_it_gives(string description, string kinds, string ici)
    {
        var study = Normalise(Described(Trial("", null, []), description));

        Assert.Equal((kinds, ici), (TrialKinds(study), IciOf(study)));
    }

    /// <summary>
    /// NCT02063022 (set 162): "Both arms will receive an induction treatment followed by surgery
    /// (wherever is possible) and/or radiotherapy", beside two chemotherapy interventions: every
    /// patient may receive the RT, as "All patients will receive" says (both annotators). Not what
    /// one arm receives.
    /// </summary>
    [Theory]
    [InlineData("Both arms will receive an induction treatment followed by surgery (wherever is possible) and/or radiotherapy.", "RT, unspecified")]
    [InlineData("Patients in both arms will receive radiotherapy to 54 Gy.", "RT, unspecified")]
    [InlineData("Patients in the experimental arm will receive radiotherapy to 54 Gy.", "")]
    public void What_both_arms_receive_is_given(string summary, string kinds)
    {
        var study = Normalise(WithPurpose(Trial(
            "Efficacy of Dose Intensification in Patients With Non-metastatic Ewing Sarcoma", summary,
            [Intervention("DRUG", "Standard treatment"), Intervention("DRUG", "Intensified chemotherapy")]), "TREATMENT"));

        Assert.Equal(kinds, TrialKinds(study));
    }

    /// <summary>
    /// NCT06309862 (set 162): "Immune Checkpoint Inhibitor Therapy for Cancer and Risk of
    /// Myocarditis or Cardiomyopathy", officially "Association of Immune Checkpoint Inhibitor
    /// Therapy for Cancer With Early Myocardial Tissue and Biomarker Changes": the ICI is what the
    /// study relates myocarditis to, not given (both annotators). A therapy given to lower a risk is given.
    /// </summary>
    [Theory]
    [InlineData("Immune Checkpoint Inhibitor Therapy for Cancer and Risk of Myocarditis or Cardiomyopathy", "")]
    [InlineData("Association of Immune Checkpoint Inhibitor Therapy for Cancer With Early Myocardial Tissue and Biomarker Changes", "")]
    [InlineData("Pembrolizumab to Reduce the Risk of Recurrence After Resection of Hepatocellular Carcinoma", "pembrolizumab + PD-1")]
    public void A_therapy_a_study_relates_a_risk_to_is_not_given(string title, string ici)
    {
        var study = Normalise(Trial(title, null, []));

        Assert.Equal(ici, IciOf(study));
    }
}
