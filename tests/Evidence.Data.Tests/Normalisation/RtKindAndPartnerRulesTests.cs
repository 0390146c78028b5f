using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules found on the second reconstructed set (Evaluation/Labels/reconstructed-2/NOTES.md): the
/// kind of RT a dose or a shared arm implies, imaging that registries type as radiation, prior
/// chemoradiation in a consolidation trial's title, and drugs the vocabulary does not hold. The
/// texts are written for these tests; none is copied from a labelled record.
/// </summary>
public class RtKindAndPartnerRulesTests
{
    private static JsonObject Trial(string title, JsonObject[] interventions, params JsonObject[] arms)
    {
        var protocol = WithArms(interventions, arms);
        protocol["identificationModule"] = new JsonObject { ["nctId"] = "NCT00000001", ["briefTitle"] = title };
        return protocol;
    }

    [Theory]
    [InlineData("8 Gy x 3 fractions to one lesion")]
    [InlineData("24 Gy in 3 fractions")]
    [InlineData("20 Gy in 5 daily fractions of 4 Gy")]
    public void Rt_that_names_no_kind_but_gives_3_gy_or_more_per_fraction_is_hypofractionated(string description)
    {
        var study = Normalise(Trial("Nivolumab With Radiotherapy", [Intervention("RADIATION", "Radiotherapy", description), Intervention("DRUG", "Nivolumab")]));

        Assert.Equal(Terms.HypofractionatedRt, study.Interventions[0].RtModality);
        var source = Assert.Single(study.Sources, s => s.Entity == "intervention" && s.EntityOrdinal == 0 && s.Field == NormalisedField.RtModality);
        Assert.Equal(Terms.HypofractionatedRt, source.Value);
        Assert.Equal("interventions[0].description", source.SourceField);
    }

    [Theory]
    [InlineData("60 Gy in 30 fractions")]
    [InlineData("70 Gy in 35 fractions over 7 weeks")]
    [InlineData("Given once daily for 6 weeks")]
    public void Conventional_or_unstated_fractions_leave_the_kind_unspecified(string description)
    {
        var study = Normalise(Trial("Pembrolizumab With Radiotherapy", [Intervention("RADIATION", "Radiation therapy", description)]));

        Assert.Equal(Terms.UnspecifiedRt, study.Interventions[0].RtModality);
    }

    [Fact]
    public void The_only_rt_of_a_trial_takes_its_dose_from_the_arm()
    {
        var study = Normalise(Trial(
            "Durvalumab and Palliative Radiotherapy",
            [Intervention("RADIATION", "Palliative radiotherapy", arms: ["A"]), Intervention("BIOLOGICAL", "Durvalumab", arms: ["A"])],
            Arm("A", "Durvalumab every 4 weeks; palliative radiotherapy 30 Gy in 5 fractions to one lesion.", "Radiation: Palliative radiotherapy", "Biological: Durvalumab")));

        Assert.Equal(Terms.HypofractionatedRt, study.Interventions[0].RtModality);
    }

    [Fact]
    public void A_kind_another_intervention_names_as_its_own_is_not_taken_from_the_shared_arm()
    {
        var study = Normalise(Trial(
            "Conventional Versus Stereotactic Radiotherapy",
            [
                Intervention("RADIATION", "Standard radiotherapy", "74 Gy in 37 fractions", arms: ["Randomised"]),
                Intervention("RADIATION", "Lung SBRT", "54 Gy in 3 fractions", arms: ["Randomised"]),
            ],
            Arm("Randomised", "Patients are randomised to standard radiotherapy or SBRT 54 Gy in 3 fractions.", "Radiation: Standard radiotherapy", "Radiation: Lung SBRT")));

        Assert.Equal(Terms.UnspecifiedRt, study.Interventions[0].RtModality);
        Assert.Equal("SBRT", study.Interventions[1].RtModality);
    }

    [Theory]
    [InlineData("Reduced-dose CT", "Abdominal computed tomography at 2 mSv")]
    [InlineData("Chest radiography", null)]
    [InlineData("PET scan", "FDG PET at baseline and week 12")]
    public void Imaging_typed_as_radiation_is_not_rt(string name, string? description)
    {
        var study = Normalise(Trial(
            "Imaging Strategies for Suspected Appendicitis",
            [Intervention("RADIATION", name, description, arms: ["Imaging"])],
            Arm("Imaging", "Patients undergo the imaging with an effective radiation dose below 3 mSv.", $"Radiation: {name}")));

        Assert.Null(study.Interventions[0].RtModality);
        Assert.Null(study.FreeText);
    }

    [Fact]
    public void Imaging_beside_a_named_rt_does_not_hide_it()
    {
        var study = Normalise(Trial("Image-Guided Radiotherapy", [Intervention("RADIATION", "CT-guided SBRT", "50 Gy in 5 fractions")]));

        Assert.Equal("SBRT", study.Interventions[0].RtModality);
    }

    [Theory]
    [InlineData("Atezolizumab in Oesophageal Cancer That Has Not Progressed Following Definitive Chemoradiotherapy")]
    [InlineData("Durvalumab for Patients Who Relapsed After Radiotherapy")]
    public void A_therapy_the_disease_progressed_after_is_prior_even_beside_an_ici(string title)
    {
        var study = Normalise(Trial(title, [Intervention("BIOLOGICAL", "Study drug")]));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void An_ici_given_after_rt_in_the_title_still_gives_both()
    {
        var study = Normalise(Trial("SBRT Followed by Pembrolizumab in Oligometastatic Disease", [Intervention("OTHER", "Study treatment")]));

        Assert.Equal("SBRT", study.FreeText?.RtModality);
        Assert.Equal(["pembrolizumab"], study.FreeText!.Agents);
    }

    [Theory]
    [InlineData("Tucatinib", "TKI")]
    [InlineData("Zanubrutinib 160 mg", "TKI")]
    public void A_generic_name_with_the_tinib_stem_is_a_tki_without_an_agent(string name, string partnerClass)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name));

        Assert.Empty(terms.Agents);
        Assert.Equal([partnerClass], terms.PartnerClasses);
    }

    [Theory]
    [InlineData("Dexamethasone", "Given orally the day before, the day of and the day after pemetrexed.")]
    [InlineData("Lifileucel", "After lymphodepletion with cyclophosphamide and fludarabine, a single infusion.")]
    public void A_one_word_drug_the_vocabulary_lacks_is_not_the_drug_its_description_names(string name, string description)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name, description));

        Assert.Empty(terms.Agents);
        Assert.Empty(terms.PartnerClasses);
    }

    [Theory]
    [InlineData("Chemotherapy", "Paclitaxel and cisplatin every 3 weeks", "paclitaxel")]
    [InlineData("PD-1 antibody", "Toripalimab 240 mg every 3 weeks", "toripalimab")]
    public void A_class_or_generic_name_is_read_through_its_description(string name, string description, string agent)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name, description));

        Assert.Contains(agent, terms.Agents);
    }

    [Fact]
    public void Folinic_acid_is_a_modulator_not_chemotherapy()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Leucovorin", "400 mg/m2 IV"));

        Assert.Empty(terms.AgentClasses);
        Assert.Empty(terms.PartnerClasses);
    }

    [Fact]
    public void An_anti_pd_l1_known_only_by_its_code_is_an_ici()
    {
        var terms = OnlyIntervention(Intervention("BIOLOGICAL", "BMS-936559", "Anti-PD-L1 monoclonal antibody, IV"));

        Assert.Equal(["BMS-936559"], terms.Agents);
        Assert.Equal(["PD-L1"], terms.Targets);
    }
}
