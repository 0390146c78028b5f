using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules found on the fourth reconstructed set (Evaluation/Labels/reconstructed-4/NOTES.md): the
/// kind of a trial's one RT intervention of no kind, generic intervention names of any type,
/// agents named as absent, several checkpoints in one class phrase, the stem of an unknown drug
/// beside a known one, diagnostic trials and scattered radiation. The texts are written for
/// these tests; none is copied from a labelled record.
/// </summary>
public class SoleRtAndNamedClassRulesTests
{
    [Fact]
    public void The_one_rt_of_no_kind_takes_the_kind_the_summary_gives()
    {
        var study = Normalise(Trial(
            "Pembrolizumab Combined With Radiotherapy for Metastatic Melanoma",
            "Patients receive pembrolizumab and stereotactic ablative radiotherapy to up to three lesions.",
            [Intervention("DRUG", "Pembrolizumab"), Intervention("RADIATION", "Radiation therapy")]));

        Assert.Equal("SBRT", study.Interventions[1].RtModality);
        var source = Assert.Single(study.Sources, s => s.Entity == "intervention" && s.EntityOrdinal == 1 && s.Field == NormalisedField.RtModality);
        Assert.Equal(("descriptionModule.briefSummary", "stereotactic ablative radiotherapy"), (source.SourceField, source.Matched));
    }

    [Fact]
    public void The_titles_kind_decides_over_treatments_the_summary_tells_of()
    {
        var study = Normalise(Trial(
            "SBRT Plus Atezolizumab for Liver Cancer With Portal Vein Invasion",
            "Radioembolization and ablation are of limited use in this setting. Patients receive atezolizumab with radiotherapy.",
            [Intervention("DRUG", "Atezolizumab"), Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal("SBRT", study.Interventions[1].RtModality);
    }

    [Theory]
    [InlineData("Patients who progressed after prior SBRT receive nivolumab and radiotherapy.")] // the kind named is prior therapy
    [InlineData("Nivolumab is given with radiotherapy.")] // no kind at all
    public void The_one_rt_stays_of_no_kind_where_the_trial_names_none_given(string summary)
    {
        var study = Normalise(Trial("Nivolumab and Radiotherapy", summary, [Intervention("DRUG", "Nivolumab"), Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal(Terms.UnspecifiedRt, study.Interventions[1].RtModality);
    }

    [Fact]
    public void Two_rt_interventions_of_no_kind_are_not_given_the_summarys_kind()
    {
        var study = Normalise(Trial(
            "SBRT and Nivolumab",
            "Stereotactic body radiotherapy with nivolumab.",
            [Intervention("RADIATION", "Radiotherapy to the primary"), Intervention("RADIATION", "Radiotherapy to metastases"), Intervention("DRUG", "Nivolumab")]));

        Assert.All(study.Interventions.Take(2), i => Assert.Equal(Terms.UnspecifiedRt, i.RtModality));
    }

    [Theory]
    [InlineData("PROCEDURE", "Immunotherapy")]
    [InlineData("OTHER", "Active comparator")]
    [InlineData("RADIATION", "Experimental arm")]
    public void A_name_that_says_only_the_kind_of_treatment_is_read_through_its_description_whatever_its_type(string type, string name)
    {
        var terms = OnlyIntervention(Intervention(type, name, "Camrelizumab 200 mg intravenously every 3 weeks"));

        Assert.Equal(["camrelizumab"], terms.Agents);
        Assert.Equal(["PD-1"], terms.Targets);
    }

    [Fact]
    public void A_procedure_with_a_name_of_its_own_is_not_read_through_its_description()
    {
        var terms = OnlyIntervention(Intervention("PROCEDURE", "Hepatectomy", "Resection after four cycles of camrelizumab"));

        Assert.Empty(terms.Agents);
    }

    [Fact]
    public void An_agent_named_as_absent_and_its_class_are_not_given()
    {
        var terms = OnlyIntervention(Intervention("COMBINATION_PRODUCT", "Long-course chemoradiation, without Tislelizumab (PD-1 inhibitor)"));

        Assert.Empty(terms.Agents);
        Assert.Empty(terms.Targets);
        Assert.False(terms.GivesIci);
        Assert.Equal(Terms.UnspecifiedRt, terms.RtModality);
    }

    [Fact]
    public void An_agent_given_with_or_without_is_given()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Chemoradiotherapy with or without durvalumab"));

        Assert.Equal(["durvalumab"], terms.Agents);
    }

    [Theory]
    [InlineData("Approved checkpoint inhibitors (including anti-CTLA-4 and anti-PD-1/PD-L1 antibodies)", new[] { "CTLA-4", "PD-1", "PD-L1" })]
    [InlineData("An anti-PD-1/PD-L1/CTLA-4 antibody of the physician's choice", new[] { "CTLA-4", "PD-1", "PD-L1" })]
    [InlineData("A PD-1 inhibitor", new[] { "PD-1" })]
    [InlineData("A PD-1 inhibitor/placebo", new[] { "PD-1" })] // a slash before a word that is no checkpoint
    public void A_class_phrase_gives_every_checkpoint_it_names(string description, string[] targets)
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Checkpoint inhibitor", description));

        Assert.Equal(targets, terms.Targets.Order());
        Assert.Equal([Terms.Ici], terms.AgentClasses);
    }

    [Fact]
    public void An_unknown_drug_beside_a_known_one_still_gives_its_stems_class()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Axitinib plus Toripalimab"));

        Assert.Equal(["toripalimab"], terms.Agents);
        Assert.Equal(["ICI", "TKI"], terms.AgentClasses.Order());
        Assert.Equal(["TKI"], terms.PartnerClasses);
    }

    [Fact]
    public void A_diagnostic_trial_gives_no_therapy_from_its_free_text()
    {
        var protocol = Trial(
            "PET Imaging to Predict Response to Checkpoint Inhibitors",
            null,
            [Intervention("DIAGNOSTIC_TEST", "Tracer PET/CT", arms: ["Imaging"])],
            Arm("Imaging", "All participants undergo PET/CT before immune checkpoint inhibitor treatment and radiotherapy.", "Diagnostic Test: Tracer PET/CT"));
        WithPurpose(protocol, "DIAGNOSTIC");

        var study = Normalise(protocol);

        Assert.Null(study.FreeText);
    }

    [Fact]
    public void Scattered_radiation_is_exposure_not_rt()
    {
        var study = Normalise(Trial(
            "Protective Drapes in the Endoscopy Suite",
            null,
            [Intervention("DEVICE", "Protective drape", arms: ["Drape"])],
            Arm("Drape", "A drape hung around the image intensifier to absorb scatter radiation.", "Device: Protective drape")));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Theory]
    [InlineData("Proton irradiation", "Proton")]
    [InlineData("Photon irradiation", "EBRT")]
    [InlineData("Carbon ion irradiation", "Carbon ion")]
    [InlineData("177Lu-DOTATATE", Terms.UnspecifiedRt)]
    [InlineData("Peptide receptor radionuclide therapy", Terms.UnspecifiedRt)]
    public void Rt_named_by_its_particle_or_radionuclide_is_read(string name, string modality)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", name));

        Assert.Equal(modality, terms.RtModality);
    }

    [Fact]
    public void One_rt_intervention_gives_a_modality_of_each_family_it_names()
    {
        var terms = OnlyIntervention(Intervention(
            "RADIATION", "Chemoradiotherapy", "Pelvic external beam radiotherapy with weekly cisplatin followed by image-guided brachytherapy"));

        // Most specific first, as the vocabulary ranks them.
        Assert.Equal(["Brachytherapy", "EBRT"], terms.RtModalities);
        Assert.Equal(
            [(NormalisedField.RtModality, 0, "Brachytherapy"), (NormalisedField.RtModality, 1, "EBRT")],
            terms.Values().Where(v => v.Field == NormalisedField.RtModality));
    }

    [Theory]
    [InlineData("SBRT delivered with VMAT, 40 Gy in 5 fractions", "SBRT")] // VMAT is how this SBRT is delivered
    [InlineData("Hypofractionated IMRT", "Hypofractionated RT")] // IMRT is how the hypofractionated RT is delivered
    [InlineData("Iodine-125 seed brachytherapy", "I-125 seed")]
    public void A_technique_or_a_kind_within_a_kind_is_one_modality(string description, string modality)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "Radiotherapy", description));

        Assert.Equal([modality], terms.RtModalities);
    }

    [Fact]
    public void One_radiotherapy_shared_by_arms_of_different_kinds_takes_the_most_specific_not_a_combination()
    {
        // The arms compare the kinds; one intervention does not give them all.
        var study = Normalise(Trial(
            "Particle Therapy for Glioblastoma",
            null,
            [Intervention("RADIATION", "Radiotherapy", arms: ["Control", "Protons", "Carbon boost"])],
            Arm("Control", "Photon radiotherapy, 60 Gy", "Radiation: Radiotherapy"),
            Arm("Protons", "Proton radiotherapy, 60 GyE", "Radiation: Radiotherapy"),
            Arm("Carbon boost", "Proton radiotherapy plus a carbon-ion radiotherapy boost", "Radiation: Radiotherapy")));

        Assert.Equal(["Proton"], study.Interventions[0].RtModalities);
    }

    [Fact]
    public void A_trial_of_an_injury_rt_induces_takes_no_rt_from_its_arms()
    {
        var study = Normalise(Trial(
            "Laser Protocols for Radiation-induced Oral Side Effects",
            null,
            [Intervention("DEVICE", "Low-level laser", arms: ["Laser"])],
            Arm("Laser", "Laser sessions five times a week just before each radiotherapy session", "Device: Low-level laser")));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Theory]
    [InlineData("RADIATION", "Spatially fractionated radiotherapy (GRID) to the bulky mass")]
    [InlineData("RADIATION", "SFRT 15 Gy in 1 fraction")]
    public void Spatially_fractionated_rt_is_an_external_beam_technique(string type, string name) =>
        Assert.Equal("EBRT", OnlyIntervention(Intervention(type, name)).RtModality);

    [Theory]
    [InlineData("S-1")]
    [InlineData("Tegafur-gimeracil-oteracil potassium")]
    public void The_oral_fluoropyrimidine_s1_is_one_agent_not_tegafur_alone(string name) =>
        Assert.Equal(["tegafur-gimeracil-oteracil"], OnlyIntervention(Intervention("DRUG", name)).Agents);

    [Fact]
    public void A_consolidation_after_chemoradiation_does_not_give_the_chemoradiation()
    {
        var study = Normalise(Trial(
            "Consolidation Tislelizumab After Concurrent Chemoradiotherapy in Stage III NSCLC",
            null,
            [Intervention("DRUG", "Tislelizumab", arms: ["Consolidation"])],
            Arm("Consolidation", "Consolidation tislelizumab after definitive chemoradiotherapy.", "Drug: Tislelizumab")));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void Rt_followed_by_an_ici_is_still_given()
    {
        var study = Normalise(Trial(
            "Tislelizumab After Stereotactic Radiotherapy in Stage I NSCLC",
            null,
            [Intervention("DRUG", "Tislelizumab", arms: ["A"])],
            Arm("A", "Tislelizumab every 3 weeks after SBRT 50 Gy in 5 fractions.", "Drug: Tislelizumab")));

        Assert.Equal("SBRT", study.FreeText?.RtModality);
    }
}
