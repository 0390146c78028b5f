using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules found on the twenty-fourth set (Evaluation/Labels/reconstructed-24/NOTES.md):
/// "immunotherapy" read through the trial's checkpoint-inhibitor words, combination products,
/// alpha-emitter seeds (its endpoints are in <see cref="EndpointClassifierTests"/>). The texts are
/// written for these tests; none is copied from a labelled record.
/// </summary>
public class ContextAndCombinationRulesTests
{
    private static NormalisedStudy MelanomaTrial(string armDescription) =>
        Normalise(Trial("SBRT and Immunotherapy for Oligometastatic Melanoma", "A randomised trial.",
            [Intervention("RADIATION", "SBRT with immunotherapy", arms: ["A"]), Intervention("DRUG", "Immunotherapy alone", arms: ["B"])],
            Arm("A", armDescription, "Radiation: SBRT with immunotherapy"),
            Arm("B", "Standard of care immunotherapy alone.", "Drug: Immunotherapy alone")));

    [Fact]
    public void Immunotherapy_is_the_checkpoint_inhibitor_class_the_trial_gives()
    {
        var study = MelanomaTrial("SBRT 8 Gy x 3 with standard of care immune checkpoint inhibitor(s).");

        Assert.Equal([Terms.UnspecifiedIci], study.Interventions[1].Targets);
        Assert.Equal([Terms.UnspecifiedIci], study.Interventions[0].Targets);
    }

    [Fact]
    public void Immunotherapy_names_no_ici_where_the_trial_names_checkpoint_inhibitors_only_as_earlier_treatment()
    {
        var study = MelanomaTrial("SBRT 8 Gy x 3 after failure of immune checkpoint inhibitors, then immunotherapy.");

        Assert.Empty(study.Interventions[1].Targets);
    }

    /// <summary>
    /// Sets 23, 26 and 27: in a trial that names no checkpoint inhibitor and no other kind of
    /// immunotherapy, "immunotherapy" is an ICI of no stated target, cited by the word.
    /// (Set 24's annotator had left such a standard-of-care "Immunotherapy" unlabelled, most
    /// others labelled it so.)
    /// </summary>
    [Fact]
    public void Immunotherapy_with_no_checkpoint_word_anywhere_is_an_ici_of_no_stated_target()
    {
        var study = MelanomaTrial("SBRT 8 Gy x 3 with standard of care immunotherapy.");

        Assert.Equal([Terms.UnspecifiedIci], study.Interventions[1].Targets);
        var source = Assert.Single(study.Sources, s => s.EntityOrdinal == 1 && s.Value == Terms.UnspecifiedIci);
        Assert.Equal("Immunotherapy", source.Matched, ignoreCase: true);
    }

    [Theory]
    [InlineData("Dendritic cell vaccine and immunotherapy", "Immunotherapy")] // another kind named by the trial
    [InlineData("Immunotherapy", "Chemotherapy without immunotherapy")] // named as absent
    [InlineData("NK Cell Immunotherapy for Lymphoma", "Immunotherapy")] // cells
    [InlineData("R-CHOP for Diffuse Large B-cell Lymphoma", "Immunochemotherapy")] // rituximab with chemotherapy
    [InlineData("Sublingual Immunotherapy for Grass Pollen Allergy", "Immunotherapy")] // an allergen
    public void Immunotherapy_beside_another_kind_or_named_absent_is_no_ici(string title, string name)
    {
        var study = Normalise(Trial(title, "A randomised trial.", [Intervention("DRUG", name, arms: ["A"])], Arm("A", null, "Drug: " + name)));

        Assert.Empty(study.Interventions[0].Targets);
    }

    [Fact]
    public void Immunotherapy_that_an_arm_lists_among_kinds_of_treatment_to_choose_from_is_no_ici()
    {
        var study = Normalise(Trial("SABR for Oligometastatic Cancer", "A randomised trial.",
            [Intervention("RADIATION", "SABR", arms: ["SABR"]), Intervention("DRUG", "Immunotherapy", arms: ["Standard", "SABR"])],
            Arm("Standard", "Standard of care: palliative radiotherapy, chemotherapy, immunotherapy, hormones, or observation, at the discretion of the oncologist.", "Drug: Immunotherapy"),
            Arm("SABR", "Standard of care plus SABR.", "Radiation: SABR", "Drug: Immunotherapy")));

        Assert.Empty(study.Interventions[1].Targets);
    }

    [Theory]
    [InlineData("Chemotherapy and/or immunotherapy at the physician's discretion.")]
    [InlineData("Chemotherapy, targeted therapy or immunotherapy.")]
    public void Immunotherapy_its_description_offers_among_kinds_of_treatment_is_no_ici(string description)
    {
        var study = Normalise(Trial("Radiotherapy for Oligometastases", "A randomised trial.",
            [Intervention("DRUG", "Systemic immunotherapy", description, arms: ["A"])], Arm("A", null, "Drug: Systemic immunotherapy")));

        Assert.Empty(study.Interventions[0].Targets);
    }

    [Fact]
    public void Immunotherapy_in_an_observational_cohort_is_no_ici()
    {
        var record = Trial("Adjuvant Therapy After Surgery", "A cohort study.", [Intervention("DRUG", "Chemotherapy and immunotherapy", arms: ["A"])], Arm("A", null, "Drug: Chemotherapy and immunotherapy"));
        record["designModule"] = new System.Text.Json.Nodes.JsonObject { ["studyType"] = "OBSERVATIONAL" };

        Assert.Empty(Normalise(record).Interventions[0].Targets);
    }

    [Fact]
    public void Immunotherapy_with_or_without_chemotherapy_keeps_chemotherapy_as_its_partner()
    {
        var study = Normalise(Trial("Maintenance After Chemoimmunotherapy", "Maintenance therapy for lung cancer.",
            [Intervention("DRUG", "Immunotherapy (with or without chemotherapy) maintenance therapy", arms: ["A"])],
            Arm("A", null, "Drug: Immunotherapy (with or without chemotherapy) maintenance therapy")));

        Assert.Equal([Terms.UnspecifiedIci], study.Interventions[0].Targets);
        Assert.Contains(Terms.Chemotherapy, study.Interventions[0].PartnerClasses);
    }

    [Fact]
    public void Immunotherapy_takes_no_class_where_the_trial_names_its_drug()
    {
        var study = MelanomaTrial("SBRT 8 Gy x 3 with pembrolizumab, an immune checkpoint inhibitor.");

        Assert.DoesNotContain(Terms.UnspecifiedIci, study.Interventions[1].Targets);
    }

    private static NormalisedStudy ChoiceOfCheckpointInhibitor(params JsonObject[] others) =>
        Normalise(Trial("Exercise During Checkpoint Blockade", "A single-arm trial.",
            [Intervention("DRUG", "Checkpoint Blockade, Immune", arms: ["A"]), Intervention("OTHER", "Exercise", arms: ["A"]), .. others],
            Arm("A", "Participants receive one year of therapy with avelumab, nivolumab, pembrolizumab or relatlimab.", "Drug: Checkpoint Blockade, Immune", "Other: Exercise")));

    /// <summary>Set 28: a generic checkpoint-inhibitor intervention gives the drugs its arm offers.</summary>
    [Fact]
    public void A_checkpoint_inhibitor_class_gives_every_checkpoint_inhibitor_its_arm_offers()
    {
        var terms = ChoiceOfCheckpointInhibitor().Interventions[0];

        Assert.Equal(["avelumab", "nivolumab", "pembrolizumab", "relatlimab"], terms.Agents.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Terms.UnspecifiedIci, terms.Targets);
        Assert.Contains("LAG-3", terms.Targets);
    }

    [Fact]
    public void A_checkpoint_inhibitor_class_leaves_drugs_another_intervention_names_to_it()
    {
        var terms = ChoiceOfCheckpointInhibitor(Intervention("DRUG", "Nivolumab", arms: ["A"])).Interventions[0];

        Assert.Empty(terms.Agents);
        Assert.Equal([Terms.UnspecifiedIci], terms.Targets);
    }

    [Fact]
    public void A_combination_product_gives_the_rt_its_description_combines()
    {
        var terms = OnlyIntervention(Intervention("COMBINATION_PRODUCT", "Nivolumab", "Neoadjuvant therapy of nivolumab + SABR"));

        Assert.Equal(["SBRT"], terms.RtModalities);
        Assert.Equal(["nivolumab"], terms.Agents);
    }

    [Fact]
    public void A_combination_products_description_that_names_rt_as_earlier_treatment_gives_none()
    {
        Assert.Empty(OnlyIntervention(Intervention("COMBINATION_PRODUCT", "Nivolumab", "Nivolumab for patients previously treated with SBRT")).RtModalities);
    }

    [Theory]
    [InlineData("Diffusing Alpha-emitters Radiation Therapy (DaRT)")]
    [InlineData("Radium-224 seeds")]
    public void Alpha_emitter_seeds_are_brachytherapy(string name)
    {
        Assert.Equal(["Brachytherapy"], OnlyIntervention(Intervention("DEVICE", name)).RtModalities);
    }

    [Fact]
    public void Dart_in_lower_case_is_not_brachytherapy()
    {
        Assert.Empty(OnlyIntervention(Intervention("BEHAVIORAL", "Dart game for hand rehabilitation")).RtModalities);
    }

    /// <summary>Set 25: an ICI labelled with a PET isotope images; it does not treat.</summary>
    [Theory]
    [InlineData("89Zr-DFO-Atezolizumab", null)]
    [InlineData("Zirconium-89 labelled nivolumab", null)]
    [InlineData("Tracer", "Radiolabeled anti-PD-L1 antibody given as a PET tracer")]
    public void An_ici_labelled_for_imaging_is_no_ici(string name, string? description)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name, description));

        Assert.Empty(terms.Agents);
        Assert.Empty(terms.Targets);
    }

    [Fact]
    public void An_ici_beside_a_pet_scan_is_still_given()
    {
        Assert.Equal(["atezolizumab"], OnlyIntervention(Intervention("DRUG", "Atezolizumab", "1200 mg IV every 3 weeks; FDG-PET at week 6")).Agents);
    }

    [Theory]
    [InlineData("Radium-223 dichloride")]
    [InlineData("Xofigo")]
    public void Radium_223_is_rt_of_no_kind_as_radioiodine_is(string name)
    {
        Assert.Equal([Terms.UnspecifiedRt], OnlyIntervention(Intervention("DRUG", name)).RtModalities);
    }
}
