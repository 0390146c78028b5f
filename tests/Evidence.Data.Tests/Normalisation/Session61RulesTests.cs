using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Vocabulary .181 (issue 10): misses read on a random half of the earlier label sets, drawn
/// before any was read (the other half scored only before and after; docs/adding-a-topic.md).
/// Each case is a record's own words; each guard is what the rule must leave alone.
/// </summary>
public class Session61RulesTests
{
    /// <summary>NCT02586753's protocol (set 58): 3D-CRT is the only RT kind the record names.</summary>
    internal const string ThreeDimensionalProtocol =
        "Radiotherapy:Patients will be conducted CT simulation, and three-dimensional conformal radiation therapy (3DCRT) was performed. "
        + "1.8-2.0 Gy/fraction, 5 fractions a week, with a total dose of 60-66Gy.";

    /// <summary>
    /// NCT02586753 (set 58): two RT interventions of no kind, "Paclitaxel plus Cisplatin with
    /// radiotherapy" and "S1 plus Cisplatin with radiotherapy", in a record whose protocol names
    /// only 3D-CRT are external beam (both annotators; guide rule 11). The "1" of S-1's code was
    /// taken for an isotope's mass number, so no external beam was read for either.
    /// </summary>
    [Fact]
    public void A_drug_code_with_a_digit_is_no_isotope()
    {
        var study = Normalise(Described(
            Trial("Paclitaxel or S1 Plus Cisplatin in Concurrent Chemoradiotherapy for Squamous Cell Carcinoma of Esophagus", null,
                [Intervention("OTHER", "Paclitaxel plus Cisplatin with radiotherapy"), Intervention("OTHER", "S1 plus Cisplatin with radiotherapy")]),
            ThreeDimensionalProtocol));

        Assert.All(study.Interventions, i => Assert.Equal("EBRT", Kinds(i)));
    }

    /// <summary>
    /// An isotope written with its mass number ("Re-188", "I 131", "177Lu") still marks a
    /// radionuclide given as RT: no external beam is read for it from the rest of the record.
    /// </summary>
    [Theory]
    [InlineData("Re-188 Radiation Therapy")]
    [InlineData("Radiation: I 131")]
    [InlineData("177Lu Radiation")]
    public void An_isotope_with_its_mass_number_gets_no_external_beam(string name)
    {
        var study = Normalise(Described(
            Trial("Radiation Therapy in Treating Patients With Liver Metastases", null, [Intervention("RADIATION", name)]),
            ThreeDimensionalProtocol));

        Assert.Equal("RT, unspecified", Kinds(study.Interventions[0]));
    }

    /// <summary>
    /// NCT06903312 (set 9): "Single shot of 25 Gy" is one fraction of 25 Gy, so hypofractionated
    /// RT (both annotators; guide rule 5), as "a single fraction of 8 Gy" is; so is radiosurgery's
    /// "20 Gy in a single session". A drug's "single shot" states no gray.
    /// </summary>
    [Theory]
    [InlineData("Single shot of 25 Gy (or with multiple fractions with equivalent biological dose).", 25)]
    [InlineData("20 Gy in a single session", 20)]
    [InlineData("a single session of 18 Gy to the lesion", 18)]
    public void A_single_shot_or_session_is_one_fraction(string text, double gray)
    {
        var dose = Assert.Single(RtDoseParser.Doses(text));

        Assert.Equal((1, 1), dose.Fractions);
        Assert.Equal((gray, gray), dose.TotalGy);
    }

    [Fact]
    public void One_shot_of_25_gray_is_hypofractionated_RT()
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "RT on primary tumor", "Single shot of 25 Gy (or with multiple fractions with equivalent biological dose)."));

        Assert.Equal("Hypofractionated RT", Kinds(terms));
        Assert.Empty(RtDoseParser.Doses("A single shot of the vaccine is given on day 1."));
    }

    /// <summary>
    /// NCT03604991 (set 39), a record of no intervention: "This phase II/III trial studies the
    /// usefulness of treatment with nivolumab and ipilimumab in addition to standard of care
    /// chemotherapy and radiation therapy in patients ... who are undergoing surgery": the US
    /// National Cancer Institute's summary names the trial's regimen, RT included (both annotators).
    /// </summary>
    [Theory]
    [InlineData("This phase II/III trial studies the usefulness of treatment with nivolumab and ipilimumab in addition to standard of care chemotherapy and radiation therapy in patients with esophageal and gastroesophageal junction adenocarcinoma who are undergoing surgery.", "RT, unspecified")]
    [InlineData("This phase I trial studies the side effects and best dose of nivolumab when given together with radiation therapy in treating patients with glioblastoma.", "RT, unspecified")]
    public void What_this_trial_studies_before_its_patients_is_given(string summary, string kinds)
    {
        var study = Normalise(Trial("Treatment of Patients With Cancer", summary, []));

        Assert.Equal(kinds, TrialKinds(study));
    }

    /// <summary>
    /// What "this trial studies" in patients who already have it, after it, or as its effect is
    /// not given: NCT04538950 (set 52, both annotators: no ICI), an imaging study of the heart.
    /// </summary>
    [Theory]
    [InlineData("This clinical trial studies the side effects on the heart from using immune checkpoint inhibitor (ICI) in treating patients with cancer.")]
    [InlineData("This trial studies quality of life in patients undergoing radiation therapy for head and neck cancer.")]
    [InlineData("This study examines fatigue after radiation therapy in women with breast cancer.")]
    [InlineData("This trial studies whether radiation therapy can be safely omitted in older women with breast cancer.")]
    public void What_this_trial_studies_of_treatment_patients_have_anyway_is_not_given(string summary)
    {
        var study = Normalise(Trial("Patients With Cancer", summary, []));

        Assert.Equal("", TrialKinds(study));
        Assert.Equal("", IciOf(study));
    }

    /// <summary>
    /// NCT07371897 (set 42): beside two drug interventions, "After the two cycles, all patients
    /// will have standard surgery followed by radiation (or chemo-radiation)": every patient's
    /// RT, as "all patients will receive" it (both annotators). Not what they "will have
    /// completed" or "will have had" before.
    /// </summary>
    [Theory]
    [InlineData("After the two cycles, all patients will have standard surgery followed by radiation (or chemo-radiation).", "RT, unspecified")]
    [InlineData("All patients will have completed radiotherapy at least four weeks before enrolment.", "")]
    [InlineData("All patients will have had prior radiation therapy to the primary tumour.", "")]
    public void What_every_patient_will_have_is_given(string summary, string kinds)
    {
        var study = Normalise(WithPurpose(Trial("Neoadjuvant Toripalimab With or Without Chemotherapy in Head and Neck Cancer", summary,
            [Intervention("DRUG", "Toripalimab"), Intervention("DRUG", "Neoadjuvant chemotherapy", "docetaxel and cisplatin for two cycles")]), "TREATMENT"));

        Assert.Equal(kinds, TrialKinds(study));
    }

    /// <summary>
    /// NCT02097732 (set 9) "Local Control Rate": "The number of patients in each arm who are free
    /// from progression in the index (radiated) lesions in the brain at 6 months"; NCT02730546 (set
    /// 39) "PFS rate defined as the number of patients who are alive and progression-free at 1
    /// year": a rate of a survival or control at the one time point its description gives is that
    /// landmark (both annotators of each). Not a survival that names no rate, nor a description
    /// of several time points.
    /// </summary>
    [Theory]
    [InlineData("Local Control Rate", "The number of patients in each arm who are free from progression in the index (radiated) lesions in the brain at 6 months.", "6 months")]
    [InlineData("Progression-free survival (PFS) rate (if Phase Ib is re-initiated)", "PFS rate defined as the number of patients who are alive and progression-free at 1 year divided by the total evaluable number of patients.", "12 months")]
    [InlineData("Progression-free Survival Rate", "Complete response, partial response, and stable disease) as assessed by RECIST criteria at 24 weeks", "24 weeks")]
    [InlineData("Progression-free survival", "Patients alive and free of progression at 6 months.", null)]
    [InlineData("Local control rate", "Local control assessed by MRI at 3 months and at 12 months.", null)]
    public void A_rates_one_described_time_point_is_its_landmark(string measure, string description, string? landmark)
    {
        Assert.Equal(landmark, Normalise(WithOutcome(measure, description)).Outcomes[0].Landmark);
    }
}
