using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>ICIs the vocabulary does not name, known by their class words, their INN stem or the registry's MeSH indexing (issue 10).</summary>
public class UnknownIciTests
{
    private static JsonObject Trial(string condition, params JsonObject[] interventions)
    {
        var protocol = WithArms(interventions);
        protocol["conditionsModule"] = new JsonObject { ["conditions"] = new JsonArray(condition) };
        return protocol;
    }

    private static JsonObject InterventionMesh(string[] meshes, string[] ancestors) => new()
    {
        ["interventionBrowseModule"] = new JsonObject
        {
            ["meshes"] = new JsonArray([.. meshes.Select((m, i) => (JsonNode)new JsonObject { ["id"] = $"C{i}", ["term"] = m })]),
            ["ancestors"] = new JsonArray([.. ancestors.Select((m, i) => (JsonNode)new JsonObject { ["id"] = $"D{i}", ["term"] = m })]),
        },
    };

    [Fact]
    public void An_unnamed_antibody_described_by_its_class_is_an_ici_of_that_target_shown_under_its_own_name()
    {
        var study = Normalise(Trial("Hepatocellular Carcinoma", Intervention("BIOLOGICAL", "XYZ-101", "XYZ-101, a humanised anti-PD-1 monoclonal antibody, 200 mg IV every 3 weeks")));

        Assert.Empty(study.Interventions[0].Agents);
        Assert.Equal([Terms.Ici], study.Interventions[0].AgentClasses);
        Assert.Equal(["PD-1"], study.Interventions[0].Targets);
        Assert.Equal("XYZ-101 (anti-PD-1)", study.Summary.InterventionSummary);
    }

    [Fact]
    public void A_class_named_without_a_drug_is_shown_as_the_class()
    {
        var study = Normalise(Trial("Hepatocellular Carcinoma", Intervention("DRUG", "PD-1 inhibitor")));

        Assert.Equal("anti-PD-1", study.Summary.InterventionSummary);
    }

    [Theory]
    [InlineData("Hepatocellular Carcinoma")]
    [InlineData("Non-small Cell Lung Cancer")]
    [InlineData("Solid Tumor, Adult")]
    public void A_new_limab_antibody_in_a_trial_of_a_neoplasm_is_an_unspecified_ici(string condition)
    {
        var study = Normalise(Trial(condition, Intervention("BIOLOGICAL", "Zanvolimab")));

        Assert.Equal([Terms.Ici], study.Interventions[0].AgentClasses);
        Assert.Equal([Terms.UnspecifiedIci], study.Interventions[0].Targets);
        var source = Assert.Single(study.Sources, s => s.Field == NormalisedField.Target);
        Assert.Equal(("interventions[0].name", "Zanvolimab"), (source.SourceField, source.Matched));
    }

    [Theory]
    [InlineData("Generalized Pustular Psoriasis", "Spesolimab")]
    [InlineData("Hepatocellular Carcinoma", "Bevacizumab")]
    [InlineData("Hepatocellular Carcinoma", "Limab")]
    [InlineData("Pancreatic Cancer", "Sotigalimab")] // a CD40 agonist: the stem, but no checkpoint blocked
    [InlineData("Acute Myeloid Leukemia", "Magrolimab")] // anti-CD47
    public void Outside_a_neoplasm_or_the_stem_a_name_is_no_ici(string condition, string drug)
    {
        var terms = Normalise(Trial(condition, Intervention("DRUG", drug))).Interventions[0];

        Assert.DoesNotContain(Terms.Ici, terms.AgentClasses);
        Assert.Empty(terms.Targets);
    }

    /// <summary>A development code the vocabulary does not hold (written for this test; retlirafusp alfa, used before, is now an agent of the vocabulary).</summary>
    [Fact]
    public void The_one_drug_mesh_indexes_under_immune_checkpoint_inhibitors_is_an_unspecified_ici()
    {
        var study = Normalise(
            Trial("Hepatocellular Carcinoma", Intervention("DRUG", "QX-2019"), Intervention("RADIATION", "SBRT")),
            InterventionMesh(["qx-2019"], ["Immune Checkpoint Inhibitors", "Antineoplastic Agents, Immunological"]));

        Assert.Equal([Terms.UnspecifiedIci], study.Interventions[0].Targets);
        var source = Assert.Single(study.Sources, s => s.Field == NormalisedField.Target);
        Assert.Equal("derivedSection.interventionBrowseModule.ancestors[0]", source.SourceField);
        Assert.Empty(study.Interventions[1].Targets);
    }

    [Fact]
    public void Mesh_indexing_names_no_ici_when_a_known_ici_explains_it_or_two_drugs_could()
    {
        var explained = Normalise(
            Trial("Hepatocellular Carcinoma", Intervention("DRUG", "QX-2019"), Intervention("DRUG", "Pembrolizumab")),
            InterventionMesh(["qx-2019", "pembrolizumab"], ["Immune Checkpoint Inhibitors"]));
        var ambiguous = Normalise(
            Trial("Hepatocellular Carcinoma", Intervention("DRUG", "QX-2019"), Intervention("DRUG", "Icaritin")),
            InterventionMesh(["qx-2019", "icaritin"], ["Immune Checkpoint Inhibitors"]));

        Assert.Empty(explained.Interventions[0].Targets);
        Assert.Equal(["PD-1"], explained.Interventions[1].Targets);
        Assert.All(ambiguous.Interventions, i => Assert.Empty(i.Targets));
    }
}
