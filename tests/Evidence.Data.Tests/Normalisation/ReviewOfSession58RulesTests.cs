using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Independent review of vocabularies .169-.171 (issue 10): realistic registry wording around the
/// new rules (RT that opens a period, "financial", a studied exposure, "This" with design words,
/// "Both arms", "chemo-", "biomed"), labelled as a careful systematic reviewer would.
/// </summary>
public class ReviewOfSession58RulesTests
{
    // ---- OpensPeriodAround: a treatment given around RT in a chemoradiation or RT+ICI trial ----

    [Theory]
    // Rectal chemoradiation: capecitabine is the radiosensitiser of an RT the trial gives.
    [InlineData("Capecitabine 825 mg/m2 twice daily from 1 day before radiotherapy until 1 week after radiotherapy", "Capecitabine", "RT, unspecified")]
    // RT+ICI: the ICI is given around SBRT, which the same arm gives.
    [InlineData("Durvalumab 1500 mg every 4 weeks from 2 weeks before radiotherapy until 4 weeks after radiotherapy", "Durvalumab", "RT, unspecified")]
    // A mouthwash taken around the RT of standard care: the RT is not the trial's (as set 160's nitrate).
    [InlineData("Benzydamine mouthwash four times daily from 1 week before radiotherapy until 2 weeks after radiotherapy", "Benzydamine mouthwash", "")]
    public void A_drug_given_around_RT_in_one_arm(string armDescription, string drug, string kinds)
    {
        var study = Normalise(Trial(
            "Treatment Schedule in Locally Advanced Cancer", null,
            [Intervention("DRUG", drug)], Arm("Experimental", armDescription, "Drug: " + drug)));

        Assert.Equal(kinds, TrialKinds(study));
    }

    // ---- "financial" before an RT that is given ----

    [Theory]
    // A randomised comparison of two RT schedules whose outcome is financial toxicity: both arms get RT.
    [InlineData("Financial Toxicity and Hypofractionated Versus Conventional Radiotherapy for Breast Cancer", "Hypofractionated Versus Conventional Radiotherapy for Breast Cancer")]
    public void Financial_toxicity_of_two_RT_schedules_compared_gives_the_RT(string title, string withoutFinancial)
    {
        // The reviewer's label: the hypofractionated RT of the experimental arm, as the title without its outcome gives it.
        Assert.Contains("Hypofractionated RT", TrialKinds(Normalise(WithPurpose(Trial(withoutFinancial, null, []), "TREATMENT"))));
        Assert.Contains("Hypofractionated RT", TrialKinds(Normalise(WithPurpose(Trial(title, null, []), "TREATMENT"))));
    }

    [Theory]
    // The trial's own RT, with a reason of cost for its schedule: given.
    [InlineData("To lower financial costs, radiotherapy will be given in 5 fractions of 5.5 Gy to the prostate.", "Hypofractionated RT")]
    // "financially" is not "financial": given.
    [InlineData("Patients will receive a financially sustainable hypofractionated radiotherapy schedule of 26 Gy in 5 fractions.", "Hypofractionated RT")]
    public void RT_with_a_financial_reason_in_a_bare_summary_is_given(string summary, string kinds)
    {
        var study = Normalise(WithPurpose(Trial("Prostate Cancer Treatment in Low Income Settings", summary, []), "TREATMENT"));

        Assert.Contains(kinds, TrialKinds(study));
    }

    // ---- "association" meaning combination (French/Italian usage), "and risk of" ----

    [Theory]
    // "Association of A and B" in a trial title means the combination: both given.
    [InlineData("Phase II Study of the Association of SBRT and Pembrolizumab in Oligometastatic NSCLC", "SBRT", "pembrolizumab + PD-1")]
    [InlineData("Association of Durvalumab and Hypofractionated Radiotherapy in Elderly Patients With Bladder Cancer", "Hypofractionated RT", "durvalumab + PD-L1")]
    // "in Association With" is the same: combination, given.
    [InlineData("Nivolumab in Association With Stereotactic Radiotherapy in Metastatic Melanoma", "SBRT", "nivolumab + PD-1")]
    public void Association_meaning_combination_in_a_treatment_title_is_given(string title, string kinds, string ici)
    {
        var study = Normalise(WithPurpose(Trial(title, null, []), "TREATMENT"));

        Assert.Equal((kinds, ici), (TrialKinds(study), IciOf(study)));
    }

    [Theory]
    // "and Risk-adapted" / "and Risk Stratification" are not "and risk of": the RT is still the trial's.
    [InlineData("SBRT and Risk Stratification by Circulating Tumour DNA in Oligometastatic Prostate Cancer", "SBRT")]
    [InlineData("Hypofractionated Radiotherapy and Risk-adapted Boost for Intermediate Risk Prostate Cancer", "Hypofractionated RT")]
    public void RT_and_a_risk_word_that_is_not_risk_of_is_given(string title, string kinds)
    {
        var study = Normalise(WithPurpose(Trial(title, null, []), "TREATMENT"));

        Assert.Contains(kinds, TrialKinds(study));
    }

    [Fact]
    public void What_every_patient_receives_followed_by_the_risk_measured_is_given()
    {
        // "All patients will receive SBRT and the risk of pneumonitis will be assessed": the SBRT is given, the risk is the outcome.
        var study = Normalise(WithPurpose(Trial(
            "Durvalumab in Early Stage NSCLC", "All patients will receive stereotactic body radiotherapy and the risk of radiation pneumonitis will be assessed by CT.",
            [Intervention("DRUG", "Durvalumab")]), "TREATMENT"));

        Assert.Equal("SBRT", TrialKinds(study));
    }

    [Fact]
    public void An_ICI_every_patient_receives_followed_by_a_risk_monitored_is_given()
    {
        // A bare record: "All patients will receive durvalumab and the risk of immune-related pneumonitis will be monitored": durvalumab is the trial's.
        var study = Normalise(WithPurpose(Trial(
            "Consolidation Immunotherapy in Stage III NSCLC", "All patients will receive durvalumab and the risk of immune-related pneumonitis will be monitored.", []), "TREATMENT"));

        Assert.Equal("durvalumab + PD-L1", IciOf(study));
    }

    [Fact]
    public void A_cohort_study_of_ICI_and_risk_of_an_adverse_event_is_still_not_given()
    {
        // Observational: "Immune Checkpoint Inhibitors and Risk of Venous Thromboembolism": an exposure.
        var study = Normalise(Observational("Immune Checkpoint Inhibitors and Risk of Venous Thromboembolism: a Nationwide Cohort Study"));

        Assert.Equal(("", ""), (TrialKinds(study), IciOf(study)));
    }

    // ---- "This" + design words naming another study ----

    [Theory]
    // The sentence after PACIFIC describes PACIFIC, not this biomarker study: nothing given.
    [InlineData("The PACIFIC trial established consolidation durvalumab after chemoradiotherapy. In this randomized phase III trial, durvalumab improved overall survival compared with placebo.")]
    // "In this phase III trial, patients were randomized to ..." of PACIFIC: what PACIFIC gave, not this study.
    [InlineData("The PACIFIC trial established consolidation durvalumab after chemoradiotherapy. In this phase III trial, patients were randomized to durvalumab or placebo.")]
    // "This retrospective analysis of the PACIFIC trial": an analysis of another trial's patients.
    [InlineData("This retrospective analysis of the PACIFIC trial found that durvalumab was active after chemoradiotherapy.")]
    public void A_sentence_of_another_trial_named_this_with_its_design_gives_nothing(string description)
    {
        var study = Normalise(Described(Trial("Circulating Tumour DNA in Stage III NSCLC", null, []), description));

        Assert.Equal("", IciOf(study));
    }

    [Fact]
    public void This_study_named_with_its_design_gives_its_own_therapies()
    {
        // "This prospective multicentre phase II study will evaluate ..." is this study: pembrolizumab and SBRT given.
        var study = Normalise(Described(Trial("", null, []),
            "This prospective phase II study will evaluate the efficacy of pembrolizumab combined with stereotactic body radiotherapy in oligometastatic NSCLC."));

        Assert.Equal(("SBRT", "pembrolizumab + PD-1"), (TrialKinds(study), IciOf(study)));
    }

    // ---- "Both arms" / "All groups" ----

    [Theory]
    // Standard chemoradiation both arms receive: the RT is given (as "All patients will receive").
    [InlineData("Both arms will receive standard concurrent chemoradiotherapy to 70 Gy.", "RT, unspecified")]
    // Both arms receive a questionnaire about radiotherapy side effects: no RT given by the trial.
    [InlineData("Both arms will receive a questionnaire about radiotherapy side effects.", "")]
    // "All groups" of earlier trials, in the middle of a sentence: not this trial's.
    [InlineData("In earlier trials of this regimen, all groups will receive radiotherapy at relapse.", "")]
    public void What_both_arms_receive(string summary, string kinds)
    {
        var study = Normalise(WithPurpose(Trial(
            "Durvalumab With or Without Tremelimumab in Head and Neck Cancer", summary,
            [Intervention("DRUG", "Durvalumab"), Intervention("DRUG", "Tremelimumab")]), "TREATMENT"));

        Assert.Equal(kinds, TrialKinds(study));
    }

    // ---- "chemo-" chemoradiation in a title ----

    [Theory]
    // A title opening with chemo-radiotherapy whose drug is listed: the RT is the trial's.
    [InlineData("Chemo-Radiotherapy Plus Nimotuzumab in Locally Advanced Nasopharyngeal Carcinoma", "DRUG", "Nimotuzumab", "TREATMENT", "RT, unspecified")]
    // Mucositis induced by chemo-radiotherapy: a supportive study, RT not given.
    [InlineData("Photobiomodulation for Chemo-Radiotherapy Induced Oral Mucositis", "DEVICE", "Photobiomodulation", "SUPPORTIVE_CARE", "")]
    public void A_chemo_hyphen_radiotherapy_title(string title, string type, string name, string purpose, string kinds)
    {
        var study = Normalise(WithPurpose(Trial(title, null, [Intervention(type, name)]), purpose));

        Assert.Equal(kinds, TrialKinds(study));
    }

    // ---- "biomed" ----

    [Theory]
    // A company of Biomed with a city: an institution.
    [InlineData("Jiangsu Hansoh Biomed", "Jiangsu Hansoh Biomed")]
    public void A_biomed_company_is_an_institution(string sponsor, string institution)
    {
        Assert.Equal(institution, Normalise(Sponsored(sponsor, null, null)).Summary.Institution);
    }
}
