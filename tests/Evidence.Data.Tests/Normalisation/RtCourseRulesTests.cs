using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Every kind of RT an intervention gives (Evaluation/Labels/reconstructed-11/NOTES.md, "After
/// tuning"): each course ("pelvic IMRT followed by a stereotactic boost") and each alternative
/// ("IMRT or SBRT"), as every blind annotator of sets 2 to 11 labelled them; a technique that
/// delivers another kind is not a course; "short-course" RT is hypofractionated only where a dose
/// says so. The texts are written for these tests; none is copied from a labelled record.
/// </summary>
public class RtCourseRulesTests
{
    /// <summary>A trial whose one intervention is a drug and whose one arm says what else it gives.</summary>
    private static NormalisedStudy OneDrugArm(string title, string drug, string arm) =>
        Normalise(Trial(title, null, [Intervention("DRUG", drug, arms: ["Experimental"])], Arm("Experimental", arm, $"Drug: {drug}")));

    [Theory]
    [InlineData("IMRT 50 Gy in 25 fractions followed by an SBRT boost of 16 Gy in 2 fractions", new[] { "SBRT", "EBRT" })] // two courses
    [InlineData("IMRT or SBRT at the investigator's choice", new[] { "SBRT", "EBRT" })] // alternatives
    [InlineData("Hypofractionated radiotherapy (HFRT) or stereotactic body radiotherapy to each metastasis", new[] { "SBRT", "Hypofractionated RT" })]
    [InlineData("SBRT to the primary and low-dose radiotherapy (LDRT) to the other lesions", new[] { "SBRT", "RT, unspecified" })] // a low-dose course of no kind
    [InlineData("SBRT 8 Gy x 3 or conventionally fractionated radiotherapy to 50 Gy", new[] { "SBRT", "RT, unspecified" })]
    [InlineData("Low-dose radiotherapy delivered with IMRT", new[] { "EBRT" })] // the low-dose course is the EBRT
    [InlineData("SABR using IMRT, 40 Gy in 5 fractions", new[] { "SBRT" })] // IMRT is how the SABR is delivered
    public void A_radiotherapy_gives_every_kind_its_description_names_as_a_course_or_an_alternative(string description, string[] modalities)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "Radiotherapy", description));

        Assert.Equal(modalities, terms.RtModalities);
    }

    /// <summary>
    /// Set 15 (NCT04946357) labelled these particle + hypofractionated RT, sets 4, 8 and 9 the particle
    /// alone; LABELLING-GUIDE.md now says the particle alone.
    /// </summary>
    [Fact]
    public void A_particle_beam_stays_its_particle_whatever_its_dose_per_fraction()
    {
        var study = Normalise(WithArms(
            [Intervention("RADIATION", "Proton radiotherapy", "Active scanning beam."), Intervention("RADIATION", "Carbon ion radiotherapy", "Active scanning beam.")],
            Arm("Protons", "Neoadjuvant proton radiotherapy, 39 Gy (RBE) in 13 fractions.", "Radiation: Proton radiotherapy"),
            Arm("Carbon ions", "Neoadjuvant carbon ion radiotherapy, 39 Gy (RBE) in 13 fractions.", "Radiation: Carbon ion radiotherapy")));

        Assert.Equal(["Proton"], study.Interventions[0].RtModalities);
        Assert.Equal(["Carbon ion"], study.Interventions[1].RtModalities);
        Assert.Equal(3.0, Assert.Single(study.RtRegimens, r => r.SourceField == "armGroups[0].description").DosePerFractionGyMin);
    }

    /// <summary>Each arm states the dose of its own RT intervention.</summary>
    [Fact]
    public void An_arms_dose_is_read_for_the_rt_intervention_that_is_the_arms_only_one()
    {
        var study = Normalise(WithArms(
            [Intervention("RADIATION", "Radiotherapy to the primary"), Intervention("RADIATION", "Radiotherapy to the metastases")],
            Arm("Primary", "Radiotherapy 60 Gy in 30 fractions.", "Radiation: Radiotherapy to the primary"),
            Arm("Metastases", "Radiotherapy 8 Gy x 3.", "Radiation: Radiotherapy to the metastases")));

        Assert.Equal(["RT, unspecified"], study.Interventions[0].RtModalities);
        Assert.Equal(["Hypofractionated RT"], study.Interventions[1].RtModalities);
    }

    [Fact]
    public void An_arms_dose_is_not_read_for_an_rt_intervention_that_shares_the_arm_with_another()
    {
        var study = Normalise(WithArms(
            [Intervention("RADIATION", "Radiotherapy to the primary"), Intervention("RADIATION", "Radiotherapy to the metastases")],
            Arm("Both", "Radiotherapy 8 Gy x 3 to the bone metastases.", "Radiation: Radiotherapy to the primary", "Radiation: Radiotherapy to the metastases")));

        Assert.Equal(["RT, unspecified"], study.Interventions[0].RtModalities);
        Assert.Equal(["RT, unspecified"], study.Interventions[1].RtModalities);
    }

    [Fact]
    public void A_boost_named_by_its_kind_also_gives_the_main_course_its_description_names()
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "SABR boost", "Whole-pelvis IMRT, 45 Gy in 25 fractions, then the boost"));

        Assert.Equal(["SBRT", "EBRT"], terms.RtModalities);
    }

    [Fact]
    public void A_kind_named_without_a_boost_does_not_take_its_descriptions_other_kinds()
    {
        // "compared with IMRT in the literature" is not a course of this SBRT (precision).
        var terms = OnlyIntervention(Intervention("RADIATION", "SBRT", "Stereotactic body radiotherapy, 35 Gy in 5 fractions, given instead of IMRT"));

        Assert.Equal(["SBRT"], terms.RtModalities);
    }

    [Fact]
    public void One_arm_giving_two_courses_gives_a_radiation_of_no_kind_both()
    {
        var study = Normalise(Trial("Radiotherapy for Glioblastoma", null,
            [Intervention("RADIATION", "Radiation", arms: ["Boost then IMRT"])],
            Arm("Boost then IMRT", "25 Gy in 5 fractions of HSRT, then 30 Gy in 15 fractions of IMRT", "Radiation: Radiation")));

        Assert.Equal(["SBRT", "EBRT"], study.Interventions[0].RtModalities); // HSRT: hypofractionated stereotactic RT
    }

    [Theory]
    [InlineData("Short-course radiotherapy", null, "RT, unspecified")] // no dose stated: not guessed
    [InlineData("Short-course radiotherapy", "25 Gy in 5 fractions to the pelvis", "Hypofractionated RT")]
    [InlineData("Intensity-modulated pleural radiation therapy", null, "EBRT")]
    [InlineData("Prophylactic cranial irradiation", null, "EBRT")] // whole-brain RT by another name (LABELLING-GUIDE.md, rule 4)
    [InlineData("Fractionated stereotactic radiotherapy", null, "SBRT")]
    [InlineData("SRS", "A single fraction of 20 Gy to each metastasis", "SBRT")]
    public void Kinds_are_read_from_what_the_record_states(string name, string? description, string modality)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", name, description));

        Assert.Equal([modality], terms.RtModalities);
    }

    [Fact]
    public void The_one_rt_of_no_kind_takes_each_alternative_the_summary_gives()
    {
        var study = Normalise(Trial("Nivolumab and Radiotherapy", "Photon radiotherapy or proton therapy is chosen by the treating physician, with nivolumab.",
            [Intervention("DRUG", "Nivolumab"), Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal(["Proton", "EBRT"], study.Interventions[1].RtModalities);
        Assert.Equal(2, study.Sources.Count(s => s.Entity == "intervention" && s.EntityOrdinal == 1 && s.Field == NormalisedField.RtModality));
    }

    [Fact]
    public void Rt_read_from_free_text_with_a_hypofractionated_dose_is_hypofractionated()
    {
        var study = OneDrugArm("Pembrolizumab Before Surgery for Rectal Cancer", "Pembrolizumab", "Short-course radiation therapy (5 x 5 Gy in one week) with pembrolizumab, then surgery");

        Assert.Equal(Terms.HypofractionatedRt, study.FreeText?.RtModality);
        var source = Assert.Single(study.Sources, s => s.Entity == "study" && s.Field == NormalisedField.RtModality);
        Assert.Equal("armGroups[0].description", source.SourceField);
    }

    // ---- From the twelfth set (Evaluation/Labels/reconstructed-12/NOTES.md) ----
    [Theory]
    [InlineData("Hypofractionated Image-Guided Radiation Therapy", "Hypofractionated RT")] // the fractionation is the kind, IGRT the technique
    [InlineData("Hypofractionated postoperative radiotherapy", "Hypofractionated RT")]
    [InlineData("Hypofractionated SBRT", "SBRT")] // SBRT is hypofractionated already
    public void Hypofractionated_before_rt_of_no_kind_or_a_technique_is_the_kind(string name, string modality)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", name));

        Assert.Equal([modality], terms.RtModalities);
    }

    [Fact]
    public void A_radiation_named_by_what_it_spares_is_rt_where_its_arm_states_a_dose()
    {
        var study = Normalise(Trial("Memory After Cranial Irradiation", null,
            [Intervention("RADIATION", "Hippocampal sparing", arms: ["Sparing"])],
            Arm("Sparing", "PTV 25Gy/10F, hippocampal Dmax below 16 Gy", "Radiation: Hippocampal sparing")));

        Assert.Equal([Terms.UnspecifiedRt], study.Interventions[0].RtModalities);
        var source = Assert.Single(study.Sources, s => s.Entity == "intervention" && s.Field == NormalisedField.RtModality);
        Assert.Equal("armGroups[0].description", source.SourceField);
    }

    [Fact]
    public void A_radiation_that_names_imaging_is_not_rt()
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "Low-dose CT", "Low-dose CT of the chest, 1.5 mSv"));

        Assert.Empty(terms.RtModalities);
    }

    [Theory]
    [InlineData("Adjuvant sintilimab plus capecitabine after concurrent chemoradiotherapy", false)] // the RT came before the trial
    [InlineData("Maintenance durvalumab following definitive chemoradiation", false)]
    [InlineData("Sintilimab plus capecitabine with concurrent chemoradiotherapy", true)] // given together
    public void Rt_that_an_adjuvant_or_maintenance_drug_follows_is_not_given(string arm, bool givesRt)
    {
        var study = OneDrugArm("Sintilimab in Nasopharyngeal Carcinoma", "Sintilimab", arm);

        Assert.Equal(givesRt, study.FreeText?.RtModality is not null);
    }

    // ---- From the thirteenth set (Evaluation/Labels/reconstructed-13/NOTES.md) ----
    [Theory]
    [InlineData("Proton Stereotactic Body Radiation Therapy (SBRT), 5 fractions", new[] { "SBRT", "Proton" })] // protons delivering SBRT: both
    [InlineData("Proton SBRT", new[] { "SBRT", "Proton" })]
    [InlineData("Carbon ion hypofractionated radiotherapy", new[] { "Carbon ion", "Hypofractionated RT" })]
    [InlineData("Intensity-modulated proton therapy with IGRT", new[] { "Proton" })] // a photon technique beside protons is not photon RT
    public void A_particle_named_before_another_kind_gives_both(string name, string[] modalities)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", name));

        Assert.Equal(modalities, terms.RtModalities);
    }

    [Fact]
    public void A_drug_sprayed_on_the_radiation_field_does_not_give_rt()
    {
        var study = OneDrugArm("A Skin Spray in Breast Cancer", "Spray", "Sprayed three times a day on the whole radiation field");

        Assert.Null(study.FreeText?.RtModality);
    }

    // ---- From the review of this change ----
    [Theory]
    [InlineData("SBRT to the primary followed by IMRT to the nodes", new[] { "SBRT", "EBRT" })] // a second course, not a technique
    [InlineData("Iodine-125 seed implantation combined with IMRT", new[] { "I-125 seed", "EBRT" })]
    [InlineData("Non-hypofractionated IMRT", new[] { "EBRT" })]
    [InlineData("Randomised to hypofractionated or conventional radiotherapy", new[] { "Hypofractionated RT" })] // the RT word is the conventional arm's; the elided one is hypofractionated, and the one intervention the arms share takes the most specific (guide rule 9)
    public void Techniques_and_hypofractionation_are_read_only_where_the_words_join_them(string description, string[] modalities)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "Radiotherapy", description));

        Assert.Equal(modalities, terms.RtModalities);
    }

    [Fact]
    public void A_title_of_intensity_modulated_protons_gives_the_one_rt_proton_therapy_only()
    {
        var study = Normalise(Trial("Intensity-Modulated Proton Therapy With Pembrolizumab", null,
            [Intervention("DRUG", "Pembrolizumab"), Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal(["Proton"], study.Interventions[1].RtModalities);
    }

    [Fact]
    public void A_radiation_of_no_rt_word_does_not_take_the_dose_of_another_interventions_rt()
    {
        var study = Normalise(Trial("Hyperthermia With Chemoradiotherapy", null,
            [Intervention("RADIATION", "Hyperthermia", arms: ["A"]), Intervention("RADIATION", "Chemoradiotherapy", arms: ["A"])],
            Arm("A", "50 Gy in 25 fractions with weekly hyperthermia", "Radiation: Hyperthermia", "Radiation: Chemoradiotherapy")));

        Assert.Empty(study.Interventions[0].RtModalities);
    }

    [Fact]
    public void An_arm_of_rt_of_no_kind_does_not_make_the_arms_compare_kinds()
    {
        var study = Normalise(Trial("Radiotherapy for Prostate Cancer", null,
            [Intervention("RADIATION", "Radiotherapy", arms: ["Boost", "Standard"])],
            Arm("Boost", "IMRT 45 Gy in 25 fractions, then an SBRT boost", "Radiation: Radiotherapy"),
            Arm("Standard", "Radiotherapy alone", "Radiation: Radiotherapy")));

        Assert.Equal(["SBRT", "EBRT"], study.Interventions[0].RtModalities);
    }

    [Theory]
    [InlineData("Adjuvant durvalumab after SBRT to the primary tumour, 50 Gy in 5 fractions", true)] // the dose is the protocol's
    [InlineData("The SRS score is recorded with durvalumab at each visit", false)] // a score, not radiosurgery
    public void Rt_named_with_its_dose_is_given_and_a_score_is_not_rt(string arm, bool givesRt)
    {
        var study = OneDrugArm("Durvalumab in Lung Cancer", "Durvalumab", arm);

        Assert.Equal(givesRt, study.FreeText?.RtModality is not null);
    }

    [Fact]
    public void A_boost_does_not_take_the_main_course_another_intervention_gives()
    {
        var study = Normalise(Trial("Pelvic IMRT and an SBRT Boost", null,
            [Intervention("RADIATION", "Pelvic IMRT"), Intervention("RADIATION", "SBRT boost", "Pelvic IMRT 45 Gy in 25 fractions, then an SBRT boost")]));

        Assert.Equal(["EBRT"], study.Interventions[0].RtModalities);
        Assert.Equal(["SBRT"], study.Interventions[1].RtModalities); // the IMRT is the first intervention's
    }
}

