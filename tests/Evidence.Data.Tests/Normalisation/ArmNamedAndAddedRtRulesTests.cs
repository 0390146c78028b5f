using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules from set 31's unseen records (vocabulary 2026-12-03.49): an intervention named as an
/// arm, RT a title adds to another treatment, a product for radiation's effects, checkpoint
/// "blocking antibodies", carbon-12 ions and photon re-irradiation, diacritics in sponsor names.
/// The texts are written for these tests; none is copied from a labelled record.
/// </summary>
public class ArmNamedAndAddedRtRulesTests
{
    [Theory]
    [InlineData("Pembrolizumab, carboplatin Group")]
    [InlineData("Triplet arm")]
    public void A_drug_named_as_an_arm_gives_the_rt_its_description_gives(string name)
    {
        var t = OnlyIntervention(Intervention("DRUG", name,
            description: "Pembrolizumab 200 mg and carboplatin AUC 5 every 3 weeks for 3 cycles, then surgery. After resection patients will receive radiation 60 Gy in 30 fractions."));
        Assert.Equal(["RT, unspecified"], t.RtModalities);
    }

    [Fact]
    public void A_drug_named_as_an_arm_leaves_the_rt_to_the_radiation_intervention_beside_it()
    {
        var study = Normalise(WithArms(
            [Intervention("DRUG", "Pembrolizumab Group", description: "Pembrolizumab 200 mg every 3 weeks, given with the stereotactic radiotherapy.", arms: ["A"]),
             Intervention("RADIATION", "Stereotactic body radiotherapy", arms: ["A"])],
            Arm("A", null, "Drug: Pembrolizumab Group", "Radiation: Stereotactic body radiotherapy")));
        Assert.Empty(study.Interventions[0].RtModalities);
        Assert.Equal(["SBRT"], study.Interventions[1].RtModalities);
    }

    [Fact]
    public void A_drug_not_named_as_an_arm_still_does_not_take_the_rt_its_description_times_it_by()
    {
        var t = OnlyIntervention(Intervention("DRUG", "Cisplatin", description: "Cisplatin 40 mg/m2 weekly, given with radiation 60 Gy in 30 fractions."));
        Assert.Empty(t.RtModalities);
    }

    [Theory]
    [InlineData("Chemotherapy With or Without Stereotactic Ablative Radiotherapy for Recurrent Ovarian Cancer", "SBRT")]
    [InlineData("Durvalumab Plus Radiotherapy in Bladder Cancer", "RT, unspecified")]
    [InlineData("Radiotherapy Combined With Temozolomide in Glioma", "RT, unspecified")]
    // "with/without" and "with versus without" are "with or without": one arm gives the RT.
    [InlineData("Chemotherapy With/Without Stereotactic Ablative Radiotherapy for Recurrent Ovarian Cancer", "SBRT")]
    [InlineData("Chemotherapy With Versus Without Stereotactic Ablative Radiotherapy for Recurrent Ovarian Cancer", "SBRT")]
    public void A_title_that_adds_rt_to_another_treatment_gives_it(string title, string modality)
    {
        var study = Normalise(Trial(title, null, []));
        Assert.Equal(modality, study.FreeText?.RtModality);
    }

    [Theory]
    [InlineData("Radiotherapy-Induced Dermatitis Treated With a Cream")]
    [InlineData("Stereotactic Radiotherapy Outcomes in Patients Without Prior Radiotherapy")]
    [InlineData("Quality of Life After Radiotherapy")]
    // A "without" of its own is an absence, not an arm.
    [InlineData("Chemotherapy Without Radiotherapy for Recurrent Ovarian Cancer")]
    public void A_title_that_names_rt_without_adding_it_gives_none(string title)
    {
        var study = Normalise(Trial(title, null, []));
        Assert.Null(study.FreeText?.RtModality);
    }

    [Theory]
    [InlineData("Radiation Care Gel")]
    [InlineData("Radiotherapy skin cream")]
    [InlineData("Radiation dressing")]
    public void A_product_for_radiations_effects_is_not_rt(string name)
    {
        var t = OnlyIntervention(Intervention("OTHER", name));
        Assert.Empty(t.RtModalities);
    }

    [Theory]
    [InlineData("PD-1 blocking antibody", "PD-1")]
    [InlineData("PD-L1 blocking antibodies", "PD-L1")]
    [InlineData("CTLA-4 blocking antibody", "CTLA-4")]
    public void A_checkpoint_blocking_antibody_is_an_ici_of_that_checkpoint(string name, string target)
    {
        var t = OnlyIntervention(Intervention("DRUG", name));
        Assert.Equal([target], t.Targets);
        Assert.Contains("ICI", t.AgentClasses);
    }

    [Theory]
    [InlineData("C12 re-irradiation", "Carbon ion")]
    [InlineData("12C ion therapy", "Carbon ion")]
    [InlineData("Photon re-irradiation", "EBRT")]
    public void Carbon_12_ions_and_photon_re_irradiation_name_their_kind(string name, string modality)
    {
        var t = OnlyIntervention(Intervention("RADIATION", name));
        Assert.Equal([modality], t.RtModalities);
    }

    [Fact]
    public void A_class_of_checkpoint_with_chemotherapy_takes_the_chemotherapy_its_arm_names_with_the_ici()
    {
        var study = Normalise(WithArms(
            [Intervention("DRUG", "PD-1 inhibitor combined with chemotherapy", arms: ["Control"])],
            Arm("Control", "Gemcitabine, cisplatin and toripalimab every 3 weeks", "Drug: PD-1 inhibitor combined with chemotherapy")));
        Assert.Equal(["toripalimab", "gemcitabine", "cisplatin"], study.Interventions[0].Agents);
    }

    [Fact]
    public void A_class_of_checkpoint_with_chemotherapy_leaves_drugs_another_intervention_names()
    {
        var study = Normalise(WithArms(
            [Intervention("DRUG", "PD-1 inhibitor combined with chemotherapy", arms: ["A"]), Intervention("DRUG", "Cisplatin", arms: ["A"])],
            Arm("A", "Cisplatin and toripalimab every 3 weeks", "Drug: PD-1 inhibitor combined with chemotherapy", "Drug: Cisplatin")));
        Assert.Equal(["toripalimab"], study.Interventions[0].Agents);
    }

    [Theory]
    [InlineData("Non-Progression Rate at 27 weeks", "PFS")]
    [InlineData("Rate of non-progression", "PFS")]
    public void A_non_progression_rate_is_pfs(string measure, string endpoint)
    {
        var terms = Normalise(WithOutcome(measure)).Outcomes[0];
        Assert.Equal(endpoint, terms.EndpointClass);
    }

    [Theory]
    [InlineData("Universität des Saarlandes")]
    [InlineData("Université Paris Cité")]
    [InlineData("Hôpital Européen")]
    [InlineData("Fundación de investigación HM")] // set 34: a foundation in Spanish
    public void A_sponsor_with_diacritics_is_an_organisation_not_a_person(string sponsor)
    {
        var protocol = WithArms([]);
        protocol["sponsorCollaboratorsModule"] = new JsonObject { ["leadSponsor"] = new JsonObject { ["name"] = sponsor, ["class"] = "OTHER" } };
        var study = Normalise(protocol);
        Assert.Equal(sponsor, study.Summary.Institution);
    }
}
