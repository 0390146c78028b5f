using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules found on the twenty-first set (Evaluation/Labels/reconstructed-21/NOTES.md): RT named by
/// its field or defined by the summary, RT in a drug intervention's other names, seeds named by
/// their isotope. The texts are written for these tests; none is copied from a labelled record.
/// </summary>
public class RtDefinitionAndFieldRulesTests
{
    [Theory]
    [InlineData("Radiation therapy uses high energy x-rays to kill tumor cells and shrink tumors.", "EBRT")]
    [InlineData("Radiation therapy uses high-energy x-rays, particles, or radioactive seeds to kill tumor cells.", "RT, unspecified")] // what RT may use
    [InlineData("Radiation therapy uses high energy x-rays/gamma rays to kill tumor cells.", "RT, unspecified")]
    [InlineData("Patients with prior high energy x-rays to the pelvis are excluded.", "RT, unspecified")] // no definition
    public void The_one_rt_of_no_kind_takes_the_kind_the_summary_defines_rt_by(string summary, string modality)
    {
        var study = Normalise(Trial("Radiation Therapy Before Surgery", summary,
            [Intervention("RADIATION", "Radiation Therapy", "Undergo radiation therapy", arms: ["Treatment"]), Intervention("PROCEDURE", "Surgery", arms: ["Treatment"])],
            Arm("Treatment", "Radiation therapy, then surgery.", "Radiation: Radiation Therapy", "Procedure: Surgery")));

        Assert.Equal([modality], study.Interventions[0].RtModalities);
    }

    [Fact]
    public void A_kind_from_the_summarys_definition_cites_the_summary()
    {
        var study = Normalise(Trial("Radiation Therapy Before Surgery", "Radiation therapy uses high energy x-rays to kill tumor cells.",
            [Intervention("RADIATION", "Radiation Therapy")]));

        var source = Assert.Single(study.Sources, s => s.Field == NormalisedField.RtModality);
        Assert.Equal(("descriptionModule.briefSummary", "EBRT", "high energy x-rays"), (source.SourceField, source.Value, source.Matched));
    }

    /// <summary>
    /// Beside another external kind, the x-rays could be either's; beside brachytherapy (internal
    /// radiation) they are the radiation therapy's (set 57, <see cref="DefinedKindAndRadionuclideRulesTests"/>).
    /// </summary>
    [Fact]
    public void A_summary_definition_does_not_choose_between_two_external_rt_interventions()
    {
        var study = Normalise(Trial("Two Radiation Schedules", "Radiation therapy uses high energy x-rays to kill tumor cells.",
            [Intervention("RADIATION", "Radiation Therapy", arms: ["A"]), Intervention("RADIATION", "Proton therapy", arms: ["B"])],
            Arm("A", null, "Radiation: Radiation Therapy"), Arm("B", null, "Radiation: Proton therapy")));

        Assert.Equal([Terms.UnspecifiedRt], study.Interventions[0].RtModalities);
    }

    /// <summary>Set 30: a radiation intervention named by its purpose gives the RT its description names; "more than 80 Gy" compares doses, not therapies.</summary>
    [Theory]
    [InlineData("Dose escalation to poor responders to achieve dose equivalent more than 80 Gy using SBRT boost", "SBRT")]
    [InlineData("Dose escalation with SBRT rather than conventional radiotherapy", "SBRT")]
    public void A_radiation_interventions_description_gives_its_kind_past_a_dose_comparison(string description, string modality)
    {
        Assert.Equal([modality], OnlyIntervention(Intervention("RADIATION", "Dose escalation", description)).RtModalities);
    }

    /// <summary>Set 29 (guide rule 2): EBRT named only by its technique is the kind its doses give.</summary>
    [Theory]
    [InlineData("Short-course radiotherapy using three-dimensional conformal or intensity-modulated radiation therapy techniques, 5Gy per fraction, for a total of 25Gy over 5 fractions.", "Hypofractionated RT")]
    [InlineData("Intensity-modulated radiation therapy, 50 Gy in 25 fractions.", "EBRT")] // 2 Gy fractions
    [InlineData("Involved-site radiation therapy, 24 Gy in 3 fractions.", "EBRT")] // a kind of its own (rule 4), not a technique
    public void Ebrt_named_only_by_its_technique_takes_the_kind_its_doses_give(string description, string modality)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "Radiotherapy", description));

        Assert.Equal([modality], terms.RtModalities);
    }

    /// <summary>Set 26: a schedule named by another intervention is no other kind of RT; the x-rays are both arms'.</summary>
    [Fact]
    public void A_summary_definition_reaches_rt_of_no_kind_beside_a_hypofractionated_schedule()
    {
        var study = Normalise(Trial("Pembrolizumab and Radiation Therapy for Bladder Cancer", "Radiation therapy uses high energy x-rays to kill tumor cells.",
            [Intervention("BIOLOGICAL", "Pembrolizumab", arms: ["A", "B"]), Intervention("RADIATION", "Hypofractionated Radiation Therapy", arms: ["A"]), Intervention("RADIATION", "Conventionally Fractionated Radiation Therapy", arms: ["B"])],
            Arm("A", null, "Biological: Pembrolizumab", "Radiation: Hypofractionated Radiation Therapy"), Arm("B", null, "Biological: Pembrolizumab", "Radiation: Conventionally Fractionated Radiation Therapy")));

        Assert.Equal([Terms.HypofractionatedRt], study.Interventions[1].RtModalities);
        Assert.Equal([Terms.Ebrt], study.Interventions[2].RtModalities);
    }

    [Fact]
    public void A_summary_definition_gives_way_to_the_interventions_own_hypofractionated_dose()
    {
        var study = Normalise(Trial("Radiation Therapy and Nivolumab", "Radiation therapy uses high energy x-rays to kill tumor cells.",
            [Intervention("RADIATION", "Radiation Therapy", "30 Gy in 5 fractions"), Intervention("DRUG", "Nivolumab")]));

        Assert.Equal([Terms.HypofractionatedRt], study.Interventions[0].RtModalities);
    }

    [Theory]
    [InlineData("Involved Field Radiation Therapy", "EBRT")]
    [InlineData("Involved-site radiotherapy (ISRT)", "EBRT")]
    [InlineData("INRT", "EBRT")]
    [InlineData("Pulsed reduced dose-rate radiation therapy", "EBRT")]
    [InlineData("Cesium-131 seeds", "Brachytherapy")]
    [InlineData("Pd-103 implant", "Brachytherapy")]
    public void Rt_named_by_its_field_delivery_or_isotope_is_that_kind(string name, string modality)
    {
        Assert.Equal([modality], OnlyIntervention(Intervention("RADIATION", name)).RtModalities);
    }

    [Fact]
    public void A_pd_1_inhibitor_is_not_palladium_103()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "PD-1 inhibitor"));

        Assert.Empty(terms.RtModalities);
        Assert.Equal(["PD-1"], terms.Targets);
    }

    [Fact]
    public void A_drug_whose_other_names_give_rt_of_no_kind_takes_the_kind_its_description_gives()
    {
        var drug = Intervention("DRUG", "PD-1 inhibitor", "Sintilimab with cisplatin and IMRT, then adjuvant sintilimab");
        drug["otherNames"] = new JsonArray("radiation", "concurrent chemotherapy");

        Assert.Equal(["EBRT"], OnlyIntervention(drug).RtModalities);
    }

    /// <summary>Sets 15, 20 and 23: a regimen acronym that names no drugs is still chemotherapy.</summary>
    [Theory]
    [InlineData("TP or PF regimen depended on investigator's choice")]
    [InlineData("GP chemotherapy")]
    public void A_regimen_acronym_without_its_drugs_is_chemotherapy(string name)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name));

        Assert.Empty(terms.Agents);
        Assert.Equal([Terms.Chemotherapy], terms.PartnerClasses);
    }

    [Fact]
    public void Faricimab_is_an_anti_vegf_known_for_its_class_only()
    {
        // Labelling guide, "Partners by DOMAIN.md's lists": set 21's annotator labelled it so.
        var terms = OnlyIntervention(Intervention("DRUG", "Faricimab"));

        Assert.Empty(terms.Agents);
        Assert.Equal(["anti-VEGF"], terms.AgentClasses);
    }
}
