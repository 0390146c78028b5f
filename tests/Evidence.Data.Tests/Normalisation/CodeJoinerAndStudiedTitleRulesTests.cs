using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Sets 58 and 59's findings (issue 10): a bifunctional antibody's code, an ideographic comma after a placebo, a therapy a title studies with its phase and schedule words.</summary>
public class CodeJoinerAndStudiedTitleRulesTests
{
    private static JsonObject ArmsOnly(string title, params JsonObject[] arms)
    {
        var protocol = WithArms([], arms);
        protocol["identificationModule"] = new JsonObject { ["nctId"] = "NCT00000001", ["briefTitle"] = title };
        protocol["designModule"] = new JsonObject { ["studyType"] = "INTERVENTIONAL" };
        return protocol;
    }

    [Theory]
    [InlineData("SHR-1701")]
    [InlineData("SHR1701")]
    [InlineData("Retlirafusp alfa")]
    public void Shr_1701_is_retlirafusp_alfa_an_anti_pd_l1_bifunctional(string name)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name));

        Assert.Equal(["retlirafusp alfa"], terms.Agents);
        Assert.Equal(["PD-L1"], terms.Targets);
        Assert.Equal([Terms.Bispecific], terms.AgentProperties);
    }

    [Fact]
    public void Fludarabine_phosphate_is_fludarabine()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Fludarabine Phosphate", "Given IV"));

        Assert.Equal(["fludarabine"], terms.Agents);
        Assert.Equal([Terms.Chemotherapy], terms.PartnerClasses);
    }

    [Fact]
    public void Sunitinib_is_a_tki_known_for_its_class_only()
    {
        // Labelling guide, "Partners by DOMAIN.md's lists": a TKI the topic does not list keeps its class and no agent.
        var terms = OnlyIntervention(Intervention("DRUG", "Sunitinib", otherNames: ["Sutent"]));

        Assert.Empty(terms.Agents);
        Assert.Equal(["TKI"], terms.PartnerClasses);
    }

    /// <summary>Set 58 (NCT04950322): "Placebo、CAPOX", the ideographic comma of Chinese registrants joining the placebo to the chemotherapy it is given with.</summary>
    [Theory]
    [InlineData("Placebo\u3001CAPOX")]
    [InlineData("Placebo\uFF0CCAPOX")]
    [InlineData("Placebo\uFF0BCAPOX")]
    [InlineData("Placebo + CAPOX")]
    public void A_placebo_joined_by_any_comma_or_plus_is_read_for_what_it_is_joined_to(string name)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name, "Placebo with CAPOX (CAPOX:Oxaliplatin,Capecitabine)"));

        Assert.Equal(["capecitabine", "oxaliplatin"], terms.Agents.Order());
        Assert.Empty(terms.Targets);
    }

    [Fact]
    public void A_placebo_alone_still_gives_nothing()
    {
        Assert.Empty(OnlyIntervention(Intervention("DRUG", "Placebo", "Placebo with CAPOX (CAPOX:Oxaliplatin,Capecitabine)")).Agents);
    }

    /// <summary>Set 58 (NCT01437514): a record of arms and no intervention, whose title studies RT with its phase and schedule words before it.</summary>
    [Theory]
    [InlineData("Effective Study of Preoperative Short-course Radiotherapy for the Advanced Resectable Rectal Cancer", "RT, unspecified")]
    [InlineData("A Study of Palliative Low-dose Radiotherapy in Painful Bone Metastases", "RT, unspecified")]
    [InlineData("A Study of Late Toxicity of Radiotherapy in Rectal Cancer", null)] // what is studied of RT, not RT
    [InlineData("A Study of Preoperative Chemotherapy in Patients Previously Treated With Radiotherapy", null)]
    public void A_title_that_studies_rt_with_its_phase_and_schedule_gives_it(string title, string? modality)
    {
        var study = Normalise(ArmsOnly(title, Arm("lower risk group with pSRT", null), Arm("operation only", null)));

        Assert.Equal(modality, study.FreeText?.RtModality);
    }
}
