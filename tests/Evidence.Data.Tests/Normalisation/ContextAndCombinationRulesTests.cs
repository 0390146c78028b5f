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

    [Theory]
    [InlineData("SBRT 8 Gy x 3 with standard of care immunotherapy.")] // no checkpoint word anywhere
    [InlineData("SBRT 8 Gy x 3 after failure of immune checkpoint inhibitors, then immunotherapy.")] // ICIs only as prior treatment
    public void Immunotherapy_names_no_ici_where_the_trial_gives_no_checkpoint_inhibitor(string armDescription)
    {
        var study = MelanomaTrial(armDescription);

        Assert.Empty(study.Interventions[1].Targets);
    }

    [Fact]
    public void Immunotherapy_takes_no_class_where_the_trial_names_its_drug()
    {
        var study = MelanomaTrial("SBRT 8 Gy x 3 with pembrolizumab, an immune checkpoint inhibitor.");

        Assert.DoesNotContain(Terms.UnspecifiedIci, study.Interventions[1].Targets);
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
