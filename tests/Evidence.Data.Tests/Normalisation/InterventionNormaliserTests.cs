using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

public class InterventionNormaliserTests
{
    [Theory]
    [InlineData("Opdivo", "nivolumab", "PD-1")]
    [InlineData("MK-3475", "pembrolizumab", "PD-1")]
    [InlineData("SHR 1210", "camrelizumab", "PD-1")]
    [InlineData("MEDI4736", "durvalumab", "PD-L1")]
    [InlineData("CP-675,206", "tremelimumab", "CTLA-4")]
    [InlineData("Anti-PD-1 antibody drug named Sintilimab", "sintilimab", "PD-1")]
    public void Brand_names_and_codes_give_the_generic_agent_and_target(string name, string agent, string target)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name));

        Assert.Equal([agent], terms.Agents);
        Assert.Equal([Terms.Ici], terms.AgentClasses);
        Assert.Equal([target], terms.Targets);
    }

    [Theory]
    [InlineData("AK104", "cadonilimab", new[] { "PD-1", "CTLA-4" })]
    [InlineData("Ivonescimab (PD-1/VEGF bispecific antibody)", "ivonescimab", new[] { "PD-1" })]
    [InlineData("KN046", "erfonrilimab", new[] { "PD-L1", "CTLA-4" })]
    public void A_bispecific_has_every_checkpoint_it_blocks_as_a_target_and_bispecific_as_a_property(string name, string agent, string[] targets)
    {
        var terms = OnlyIntervention(Intervention("BIOLOGICAL", name));

        Assert.Equal([agent], terms.Agents);
        Assert.Equal(targets, terms.Targets);
        Assert.Equal([Terms.Bispecific], terms.AgentProperties);
        Assert.DoesNotContain(Terms.Bispecific, terms.Targets);
    }

    [Theory]
    [InlineData("Placebo", "Placebo matched to atezolizumab administered by intravenous infusion")]
    [InlineData("Placebo to Pembrolizumab", "Saline placebo IV Q6W")]
    [InlineData("Oral Placebo", "Oral capsules matched to lenvatinib")]
    [InlineData("Sham radiotherapy", null)]
    public void A_placebo_gives_nothing_it_stands_in_for(string name, string? description)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name, description));

        Assert.Empty(terms.Agents);
        Assert.Empty(terms.AgentClasses);
        Assert.Empty(terms.Targets);
        Assert.Null(terms.RtModality);
    }

    [Fact]
    public void A_name_that_joins_a_placebo_with_a_drug_still_gives_the_drug()
    {
        Assert.Equal(["durvalumab"], OnlyIntervention(Intervention("DRUG", "Durvalumab or placebo")).Agents);
    }

    [Fact]
    public void A_monospecific_antibody_has_no_property()
    {
        Assert.Empty(OnlyIntervention(Intervention("DRUG", "Nivolumab")).AgentProperties);
    }

    [Fact]
    public void Other_names_name_the_agent_and_provenance_says_which()
    {
        var study = Normalise(WithArms([Intervention("BIOLOGICAL", "Study drug A", otherNames: ["BGB-A317"])]));

        Assert.Equal(["tislelizumab"], study.Interventions[0].Agents);
        var source = Assert.Single(study.Sources, s => s.Field == "agent");
        Assert.Equal(("interventions[0].otherNames[0]", "BGB-A317"), (source.SourceField, source.Matched));
    }

    [Theory]
    [InlineData("PD-1 inhibitor", "PD-1")]
    [InlineData("Anti-PD-L1 monoclonal antibody", "PD-L1")]
    [InlineData("Immune Checkpoint Inhibitor", "ICI, unspecified")]
    [InlineData("programmed cell death protein 1 blocker", "PD-1")]
    public void A_class_written_without_a_drug_keeps_the_class(string name, string target)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name));

        Assert.Empty(terms.Agents);
        Assert.Equal([Terms.Ici], terms.AgentClasses);
        Assert.Equal([target], terms.Targets);
    }

    [Fact]
    public void A_class_resolves_to_the_one_matching_drug_in_the_intervention_mesh_terms()
    {
        var derived = new System.Text.Json.Nodes.JsonObject
        {
            ["interventionBrowseModule"] = new System.Text.Json.Nodes.JsonObject
            {
                ["meshes"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["id"] = "C000628050", ["term"] = "sintilimab" }),
            },
        };

        var study = Normalise(WithArms([Intervention("DRUG", "PD-1 inhibitor")]), derived);

        Assert.Equal(["sintilimab"], study.Interventions[0].Agents);
        Assert.Equal(["PD-1"], study.Interventions[0].Targets);
        Assert.Contains(study.Sources, s => s.SourceField == "derivedSection.interventionBrowseModule.meshes[0]");
    }

    [Fact]
    public void Two_agents_in_one_intervention_are_both_kept()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Nivolumab and ipilimumab"));

        Assert.Equal(["nivolumab", "ipilimumab"], terms.Agents);
        Assert.Equal(["PD-1", "CTLA-4"], terms.Targets);
    }

    [Theory]
    [InlineData("Stereotactic Body Radiation Therapy", null, "SBRT")]
    [InlineData("SABR", null, "SBRT")]
    [InlineData("Radiation Therapy", "Proton beam therapy to the liver", "Proton")]
    [InlineData("Radiation Therapy", null, "RT, unspecified")]
    [InlineData("IMRT", null, "EBRT")]
    [InlineData("Y-90 radioembolization", null, "SIRT")]
    [InlineData("Iodine-125 seed implantation", null, "I-125 seed")]
    [InlineData("Stereotactic radiosurgery", null, "SBRT")]
    [InlineData("Concurrent chemoradiotherapy", null, "RT, unspecified")]
    [InlineData("SRT", null, "RT, unspecified")] // salvage or stereotactic RT: RT either way, its kind unsaid
    [InlineData("SRT", "Stereotactic body radiotherapy, 8 Gy x 3", "SBRT")]
    public void Radiotherapy_gets_its_most_specific_modality(string name, string? description, string modality)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", name, description));

        Assert.Equal(modality, terms.RtModality);
        Assert.Empty(terms.Agents);
    }

    [Theory]
    [InlineData("DIAGNOSTIC_TEST", "RT-PCR")]
    [InlineData("OTHER", "SARS-CoV-2 RT-PCR of throat swabs")]
    public void A_test_whose_name_holds_rt_gives_no_radiotherapy(string type, string name)
    {
        Assert.Null(OnlyIntervention(Intervention(type, name)).RtModality);
    }

    [Fact]
    public void A_generic_radiation_intervention_takes_its_modality_from_its_arm()
    {
        var study = Normalise(WithArms(
            [Intervention("RADIATION", "Radiation"), Intervention("DRUG", "Sintilimab")],
            Arm("SBRT + PD-1", "Stereotactic body radiotherapy 30-54 Gy in 3-6 fractions, then sintilimab", "Radiation: Radiation", "Drug: Sintilimab")));

        Assert.Equal("SBRT", study.Interventions[0].RtModality);
        Assert.Equal("armGroups[0].description", Assert.Single(study.Sources, s => s.Field == "rt_modality").SourceField);
    }

    [Theory]
    [InlineData("PROCEDURE", "TACE", "locoregional")]
    [InlineData("DRUG", "Lenvatinib", "TKI")]
    [InlineData("DRUG", "IBI305", "anti-VEGF")]
    [InlineData("DRUG", "third-generation EGFR TKIs", "TKI")]
    [InlineData("DRUG", "Carboplatin", "chemotherapy")]
    public void Partner_therapies_get_their_class(string type, string name, string partnerClass)
    {
        Assert.Equal([partnerClass], OnlyIntervention(Intervention(type, name)).PartnerClasses);
    }

    [Fact]
    public void Imaging_is_not_radiotherapy()
    {
        var terms = OnlyIntervention(Intervention("PROCEDURE", "Positron Emission Tomography", otherNames: ["PET", "proton magnetic resonance spectroscopic imaging"]));

        Assert.Null(terms.RtModality);
    }
}
