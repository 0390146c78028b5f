using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Independent review of vocabulary .181 (issue 10): registry wordings around the five rules of
/// Session61RulesTests (an isotope's mass number, "a single session", "This trial studies", "all
/// patients will have", CensorsDeaths' sentences), labelled as the guide says. Each doc comment
/// says whether the case fails on the change as committed (a regression: the code before it got
/// it right) or passes (a guard worth keeping, for the change and for the suggested fix).
/// </summary>
public class ReviewOfSession61RulesTests
{
    // ---- Rule 3: "This (phase ...) trial studies / tests / compares / evaluates ..." ----

    /// <summary>
    /// REGRESSION (fails on the change). The NCI's "the side effects of X given during and after
    /// radiation therapy": the efficacy/safety/effects "of" rule read the whole sentence, and
    /// "during", "after" there order the trial's RT and ICI (the combination's sequence). Run
    /// first, ThisTrialStudies ends the regimen at "during"/"after", so the RT is lost though the
    /// ICI beside it is kept. Right: both given (before the change: both given).
    /// </summary>
    [Theory]
    [InlineData("This phase I trial studies the side effects of pembrolizumab given during and after radiation therapy in treating patients with head and neck cancer.", "RT, unspecified", "pembrolizumab + PD-1")]
    [InlineData("This phase II trial studies the side effects of durvalumab and tremelimumab after stereotactic body radiation therapy in treating patients with liver cancer.", "SBRT", "durvalumab + tremelimumab + PD-L1 + CTLA-4")]
    [InlineData("This phase I trial studies the side effects of giving durvalumab during chemoradiation in treating patients with bladder cancer.", "RT, unspecified", "durvalumab + PD-L1")]
    public void The_rt_a_studied_ici_is_given_during_or_after_stays_given(string summary, string kinds, string ici)
    {
        var study = Normalise(Trial("Treatment of Patients With Cancer", summary, []));

        Assert.Equal(kinds, TrialKinds(study));
        Assert.Equal(ici, IciOf(study));
    }

    /// <summary>
    /// REGRESSION (fails on the change). The people a study is about, "treated with" or "given"
    /// a therapy, as "undergoing" or "receiving" it (guide, per trial: RT only where its patients
    /// are). "In older women" and "in lung cancer patients" are not stops (the word after "in" is
    /// no population word), and "treated"/"given" end nothing, so their therapy reads as the
    /// trial's. Right: none (before the change: none).
    /// </summary>
    [Theory]
    [InlineData("This study examines cognitive function in older women treated with radiation therapy for breast cancer.")]
    [InlineData("This study evaluates heart damage in lung cancer patients given immune checkpoint inhibitors.")]
    public void The_therapy_of_the_people_studied_is_not_given(string summary)
    {
        var study = Normalise(Trial("Patients With Cancer", summary, []));

        Assert.Equal("", TrialKinds(study));
        Assert.Equal("", IciOf(study));
    }

    /// <summary>
    /// REGRESSION (fails on the change). Imaging and biomarker studies of the response "to" a
    /// treatment patients have anyway (the NCI's "studies fluorothymidine PET/CT to assess early
    /// response to pembrolizumab"): "to assess", "to predict" and "response to" are no stop, so
    /// the treatment measured reads as the trial's. Right: none (before the change: none).
    /// </summary>
    [Theory]
    [InlineData("This pilot clinical trial studies fluorothymidine PET/CT to assess early response to pembrolizumab in patients with melanoma.")]
    [InlineData("This study evaluates circulating tumor DNA as a marker of response to immune checkpoint inhibitors in patients with melanoma.")]
    [InlineData("This study tests a new MRI technique to predict response to chemoradiation in rectal cancer.")]
    public void What_a_study_measures_the_response_to_is_not_given(string summary)
    {
        var study = Normalise(Trial("Imaging of Response in Cancer", summary, []));

        Assert.Equal("", TrialKinds(study));
        Assert.Equal("", IciOf(study));
    }

    /// <summary>
    /// REGRESSION (fails on the change). A harm a treatment caused, studied or treated ("the
    /// cardiotoxicity of immune checkpoint inhibitors", "late toxicity of pelvic radiotherapy",
    /// "mouth sores caused by radiation therapy"), or the topic of a decision aid, is no regimen
    /// (brief: a cause of toxicity is not given; guide, per trial: "a toxicity RT caused"; the
    /// change's own guard, NCT04538950's "side effects on the heart from using ICI"). Only "from"
    /// stops the regimen, not "of", "caused by" or "about". Right: none (before the change: none).
    /// </summary>
    [Theory]
    [InlineData("This study examines cardiotoxicity of immune checkpoint inhibitors in patients with cancer.")]
    [InlineData("This study evaluates late toxicity of pelvic radiotherapy in women with cervical cancer.")]
    [InlineData("This study tests a new mouthwash versus salt water for mouth sores caused by radiation therapy in head and neck cancer.")]
    [InlineData("This study evaluates a decision aid about radiotherapy for women with early breast cancer.")]
    public void A_harm_or_topic_a_study_names_is_not_given(string summary)
    {
        var study = Normalise(Trial("Patients With Cancer", summary, []));

        Assert.Equal("", TrialKinds(study));
        Assert.Equal("", IciOf(study));
    }

    /// <summary>
    /// GUARD (passes on the change; fails before it). What the change rightly gained and a fix
    /// must keep: RT "to the brain" is no response "to" it, and "safety and toxicity of" a regimen
    /// is its safety, not a harm of something else.
    /// </summary>
    [Theory]
    [InlineData("This phase I trial studies the side effects and best dose of stereotactic radiosurgery to the brain when given together with ipilimumab in treating patients with melanoma.", "SBRT", "ipilimumab + CTLA-4")]
    [InlineData("This study evaluates the safety and toxicity of SBRT combined with durvalumab in hepatocellular carcinoma.", "SBRT", "durvalumab + PD-L1")]
    public void What_this_trial_studies_of_its_regimen_is_given(string summary, string kinds, string ici)
    {
        var study = Normalise(Trial("Treatment of Patients With Cancer", summary, []));

        Assert.Equal(kinds, TrialKinds(study));
        Assert.Equal(ici, IciOf(study));
    }

    // ---- Rule 4: "all patients will have X" ----

    /// <summary>
    /// REGRESSION (fails on the change). "Will have" + a word the exclusion list lacks: what every
    /// patient must already have done or be ("will have to have completed", "will have recovered
    /// from the acute toxicities of radiotherapy", "will have progressive disease despite
    /// radiotherapy") is eligibility and history, not the trial's RT. Right: no RT (before: none).
    /// </summary>
    [Theory]
    [InlineData("All patients will have to have completed radiotherapy at least 2 weeks before starting toripalimab.")]
    [InlineData("All patients will have recovered from the acute toxicities of radiotherapy.")]
    [InlineData("All patients will have progressive disease despite radiotherapy.")]
    public void What_every_patient_will_have_had_or_be_is_not_given(string summary)
    {
        var study = Normalise(WithPurpose(Trial("Neoadjuvant Toripalimab With or Without Chemotherapy in Head and Neck Cancer", summary,
            [Intervention("DRUG", "Toripalimab"), Intervention("DRUG", "Neoadjuvant chemotherapy", "docetaxel and cisplatin for two cycles")]), "TREATMENT"));

        Assert.Equal("", TrialKinds(study));
    }

    /// <summary>GUARD (passes on the change; fails before it): what every patient "will have" is given, with its kind.</summary>
    [Fact]
    public void Hypofractionated_rt_every_patient_will_have_is_given()
    {
        var study = Normalise(WithPurpose(Trial("Neoadjuvant Toripalimab With or Without Chemotherapy in Head and Neck Cancer",
            "All patients will have hypofractionated radiotherapy, 40 Gy in 15 fractions.",
            [Intervention("DRUG", "Toripalimab"), Intervention("DRUG", "Neoadjuvant chemotherapy", "docetaxel and cisplatin for two cycles")]), "TREATMENT"));

        Assert.Equal("Hypofractionated RT", TrialKinds(study));
    }

    // ---- Rule 1: an isotope's mass number ----

    /// <summary>
    /// REGRESSION (fails on the change). The change's own guard ("Re-188 Radiation Therapy") with
    /// the element spelled out, as registries also write it: IsotopeNotation wants a symbol of one
    /// or two letters, and NamesRadionuclide is false where the name also says "radiation" or
    /// "radiotherapy", so the radionuclide now takes the record's 3D-CRT as external beam.
    /// Right: "RT, unspecified" (guide rule 10; before the change: so).
    /// </summary>
    [Theory]
    [InlineData("Rhenium-188 Radiation Therapy")]
    [InlineData("Iodine-131 Radiotherapy")]
    [InlineData("Lutetium-177 PSMA Radiation")]
    public void An_isotope_spelled_out_with_its_mass_number_gets_no_external_beam(string name)
    {
        var study = Normalise(Described(
            Trial("Radiation Therapy in Treating Patients With Liver Metastases", null, [Intervention("RADIATION", name)]),
            Session61RulesTests.ThreeDimensionalProtocol));

        Assert.Equal("RT, unspecified", Kinds(study.Interventions[0]));
    }

    /// <summary>GUARD (passes on the change; fails before it): a drug's dose in a name is no isotope (guide rule 11: external beam).</summary>
    [Fact]
    public void A_dose_in_mg_is_no_isotope()
    {
        var study = Normalise(Described(
            Trial("Chemoradiotherapy for Rectal Cancer", null, [Intervention("RADIATION", "Radiotherapy with Capecitabine 825 mg/m2")]),
            Session61RulesTests.ThreeDimensionalProtocol));

        Assert.Equal("EBRT", Kinds(study.Interventions[0]));
    }

    // ---- Rule 2: "a single session" ----

    /// <summary>
    /// REGRESSION (fails on the change). "A single session per week / per day" is how often one
    /// fraction is given, not a course of one fraction: HDR brachytherapy of three weekly 7 Gy
    /// sessions (21 Gy) and a conventional 25-fraction course were read as one fraction of 7 Gy
    /// and of 2 Gy. Right: no single fraction (before the change: none read; a value is not guessed).
    /// </summary>
    [Theory]
    [InlineData("HDR brachytherapy 7 Gy in a single session per week, 3 sessions in total.")]
    [InlineData("The total dose of 50 Gy will be delivered in 25 fractions, 2 Gy in a single session per day.")]
    public void A_single_session_per_week_or_day_is_no_single_fraction(string text)
    {
        Assert.DoesNotContain(RtDoseParser.Doses(text), d => d.Fractions == (1, 1));
    }

    /// <summary>GUARD (passes on the change; fails before it): radiosurgery's single session beside a three-session alternative.</summary>
    [Fact]
    public void A_single_session_beside_three_sessions_is_two_schedules()
    {
        var doses = RtDoseParser.Doses("SRS 24 Gy in a single session or 27 Gy in 3 sessions.").ToList();

        Assert.Contains(doses, d => d.Fractions == (1, 1) && d.TotalGy == (24, 24));
        Assert.Contains(doses, d => d.Fractions == (3, 3) && d.TotalGy == (27, 27));
    }

    // ---- Rule 5: CensorsDeaths with TermText.Sentences ----

    /// <summary>
    /// REGRESSION (fails on the change). TermText.Sentences also cuts at a colon and a line
    /// break, where the old splitter cut only after "." or ";": "Deaths without prior
    /// progression: censored at ..." and a list under "The following will be censored:" lose
    /// their censoring, so a TTP that censors deaths becomes PFS. The change said "no label
    /// moves". Right: TTP (Session 60 review: one that censors deaths stays TTP; before: TTP).
    /// </summary>
    [Theory]
    [InlineData("Time from randomization to radiological disease progression per mRECIST or death due to tumour progression. Deaths without prior progression: censored at the date of the last tumour assessment.")]
    [InlineData("Time from randomization to disease progression or death, whichever occurs first.\nThe following will be censored:\n- deaths without documented progression\n- patients lost to follow-up")]
    public void A_time_to_progression_that_lists_deaths_as_censored_stays_TTP(string description)
    {
        Assert.Equal("TTP", Normalise(WithOutcome("Time to Progression (TTP)", description)).Outcomes[0].EndpointClass);
    }

    /// <summary>GUARD (passes before and on the change): deaths censored in one sentence.</summary>
    [Fact]
    public void A_time_to_progression_that_censors_deaths_in_one_sentence_stays_TTP()
    {
        Assert.Equal("TTP", Normalise(WithOutcome("Time to Progression",
            "Time from randomization to disease progression or death, whichever occurs first. Patients who die without progression are censored.")).Outcomes[0].EndpointClass);
    }
}
