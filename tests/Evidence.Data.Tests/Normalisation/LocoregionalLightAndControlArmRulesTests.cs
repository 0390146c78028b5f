using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules found on the sixth reconstructed set (Evaluation/Labels/reconstructed-6/NOTES.md):
/// antibodies written "Ab", the partners of chemoradiation and of locoregional procedures, light
/// that "irradiates" and "No Intervention" arms (its endpoints are in EndpointClassifierTests). The
/// texts are written for these tests; none is copied from a labelled record.
/// </summary>
public class LocoregionalLightAndControlArmRulesTests
{
    private static JsonObject ArmOfType(string label, string type, string description) => new()
    {
        ["label"] = label,
        ["type"] = type,
        ["description"] = description,
    };

    [Theory]
    [InlineData("Proton Therapy+PD-1 Ab", "PD-1")]
    [InlineData("Anti-PD-L1 mAb", "PD-L1")]
    [InlineData("CTLA-4 Ab", "CTLA-4")]
    public void An_antibody_written_ab_is_a_checkpoint_inhibitor_of_its_target(string name, string target)
    {
        var terms = OnlyIntervention(Intervention("COMBINATION_PRODUCT", name));

        Assert.Equal([Terms.Ici], terms.AgentClasses);
        Assert.Equal([target], terms.Targets);
    }

    [Fact]
    public void Ab_alone_or_beside_another_target_is_no_checkpoint()
    {
        Assert.Empty(OnlyIntervention(Intervention("BIOLOGICAL", "Anti-HER2 Ab")).Targets);
        Assert.Empty(OnlyIntervention(Intervention("DIAGNOSTIC_TEST", "Anti-drug Ab assay")).Targets);
    }

    [Fact]
    public void Chemotherapy_a_hepatic_artery_infusion_delivers_is_the_locoregional_procedure()
    {
        var terms = OnlyIntervention(Intervention("PROCEDURE", "FOLFOX-HAIC"));

        Assert.Equal([Terms.Locoregional], terms.PartnerClasses);
        Assert.Contains("oxaliplatin", terms.Agents);
        Assert.Contains(Terms.Chemotherapy, terms.AgentClasses);
    }

    [Fact]
    public void A_drug_beside_a_locoregional_procedure_is_a_partner_of_its_own()
    {
        var terms = OnlyIntervention(Intervention("COMBINATION_PRODUCT", "TACE plus lenvatinib"));

        Assert.Equal(["TKI", Terms.Locoregional], terms.PartnerClasses);
    }

    [Theory]
    [InlineData("RADIATION", "Neoadjuvant chemoradiation therapy")]
    [InlineData("RADIATION", "Concurrent radiochemotherapy")]
    [InlineData("DRUG", "Long-course chemoradiation, with tislelizumab")]
    [InlineData("DRUG", "Pembrolizumab plus chemotherapy")]
    public void Chemoradiation_and_chemotherapy_beside_an_agent_give_a_chemotherapy_partner(string type, string name)
    {
        Assert.Contains(Terms.Chemotherapy, OnlyIntervention(Intervention(type, name)).PartnerClasses);
    }

    [Fact]
    public void A_partner_named_as_absent_is_not_given()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Pembrolizumab, without chemotherapy"));

        Assert.Equal(["pembrolizumab"], terms.Agents);
        Assert.Empty(terms.PartnerClasses);
    }

    [Fact]
    public void Irradiation_by_a_laser_is_light_not_radiotherapy()
    {
        var study = Normalise(Trial(
            "Photobiomodulation for Dry Mouth in Head and Neck Cancer",
            "Low-level laser therapy to the salivary glands.",
            [Intervention("DEVICE", "Laser therapy"), Intervention("RADIATION", "Laser irradiation")],
            Arm("Sham", "The laser device is switched off to imitate a real irradiation.", "Device: Laser therapy")));

        Assert.All(study.Interventions, i => Assert.Null(i.RtModality));
        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void Radiotherapy_beside_no_light_word_is_still_read_from_an_arm()
    {
        var study = Normalise(Trial(
            "Exercise During Cancer Treatment",
            "A pilot study.",
            [Intervention("BEHAVIORAL", "Exercise")],
            Arm("Exercise", "Patients receive irradiation of the primary tumour and exercise daily.", "Behavioral: Exercise")));

        Assert.Equal(Terms.UnspecifiedRt, study.FreeText?.RtModality);
    }

    [Fact]
    public void What_a_no_intervention_arm_names_is_care_outside_the_trial()
    {
        static NormalisedStudy WithControlArm(string type) => Normalise(Trial(
            "Exercise and Immunotherapy Response",
            "Patients with melanoma.",
            [Intervention("OTHER", "Exercise")],
            Arm("Exercise", "Moderate exercise on the day of infusion.", "Other: Exercise"),
            ArmOfType("Control", type, "Standard pembrolizumab without exercise.")));

        Assert.Null(WithControlArm("NO_INTERVENTION").FreeText);
        Assert.Equal(["pembrolizumab"], WithControlArm("ACTIVE_COMPARATOR").FreeText?.Agents);
    }
}
