using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules found on the seventh reconstructed set (Evaluation/Labels/reconstructed-7/NOTES.md): the
/// drug of a class-word intervention named in its arm, and supportive-care and prevention trials.
/// The texts are written for these tests; none is copied from a labelled record.
/// </summary>
public class ArmAgentAndSupportiveCareRulesTests
{
    private static InterventionTerms ClassWordIntervention(string armDescription) => Normalise(Trial(
        "Radiotherapy and PD-1 Blockade for Biliary Cancer",
        "A single-arm phase II trial.",
        [Intervention("COMBINATION_PRODUCT", "Radiotherapy+anti-PD-1 antibody", arms: ["Combination"])],
        Arm("Combination", armDescription, "Combination Product: Radiotherapy+anti-PD-1 antibody"))).Interventions[0];

    [Fact]
    public void A_class_word_interventions_one_drug_of_that_class_in_its_arm_is_its_agent()
    {
        var terms = ClassWordIntervention("IMRT followed within 7 days by camrelizumab 200 mg every 3 weeks.");

        Assert.Equal(["camrelizumab"], terms.Agents);
        Assert.Equal(["PD-1"], terms.Targets);
    }

    [Theory]
    [InlineData("IMRT followed by camrelizumab or sintilimab, by the centre's choice.")] // two drugs of the class
    [InlineData("IMRT followed by an anti-PD-1 antibody; patients who had atezolizumab are excluded.")] // another target, and not given
    [InlineData("IMRT in patients previously treated with camrelizumab.")] // prior therapy
    public void The_class_stays_a_class_where_the_arm_names_no_one_drug_of_it_as_given(string armDescription)
    {
        var terms = ClassWordIntervention(armDescription);

        Assert.Empty(terms.Agents);
        Assert.Equal(["PD-1"], terms.Targets);
    }

    private static NormalisedStudy ProbioticTrial(string purpose)
    {
        var protocol = Trial(
            "Probiotics for Patients on Checkpoint Inhibitors",
            "Patients take a probiotic.",
            [Intervention("DIETARY_SUPPLEMENT", "Probiotic capsules")],
            Arm("Probiotic", "Patients take the probiotic for 12 weeks while on pembrolizumab.", "Dietary Supplement: Probiotic capsules"));
        return Normalise(WithPurpose(protocol, purpose));
    }

    [Theory]
    [InlineData("PREVENTION")]
    [InlineData("SUPPORTIVE_CARE")]
    public void A_supportive_care_or_prevention_trial_takes_no_therapy_from_its_text(string purpose)
    {
        Assert.Null(ProbioticTrial(purpose).FreeText);
    }

    [Fact]
    public void A_treatment_trial_saying_the_same_gives_the_drug()
    {
        Assert.Equal(["pembrolizumab"], ProbioticTrial("TREATMENT").FreeText?.Agents);
    }

    private static NormalisedStudy GargleTrial(string purpose, params JsonObject[] more)
    {
        var protocol = Trial(
            "Sodium Bicarbonate for Oral Mucositis in Nasopharyngeal Carcinoma",
            "Patients gargle throughout the course.",
            [Intervention("DRUG", "Gargle with 2.5% sodium bicarbonate solution during radiotherapy"), .. more],
            Arm("Gargle", "Oral rinses daily throughout the radiotherapy course", ["Drug: Gargle with 2.5% sodium bicarbonate solution during radiotherapy", .. more.Select(m => $"Radiation: {m["name"]}")]));
        return Normalise(WithPurpose(protocol, purpose));
    }

    /// <summary>Set 15 (NCT06854510, NCT07007182): what a treatment is given "during" is when, not what.</summary>
    [Theory]
    [InlineData("PREVENTION")]
    [InlineData("SUPPORTIVE_CARE")]
    public void A_treatment_given_during_rt_in_a_supportive_care_trial_gives_no_rt(string purpose)
    {
        Assert.Null(GargleTrial(purpose).Interventions[0].RtModality);
    }

    [Fact]
    public void A_treatment_given_during_rt_that_another_intervention_gives_gives_no_rt()
    {
        var study = GargleTrial("TREATMENT", Intervention("RADIATION", "IMRT"));

        Assert.Null(study.Interventions[0].RtModality);
        Assert.Equal("EBRT", study.Interventions[1].RtModality);
    }

    [Fact]
    public void A_treatment_trials_only_rt_named_during_another_treatment_is_still_given()
    {
        Assert.Equal("RT, unspecified", GargleTrial("TREATMENT").Interventions[0].RtModality);
    }

    [Fact]
    public void Two_treatments_given_during_rt_that_no_intervention_gives_both_keep_it()
    {
        var study = Normalise(WithArms([Intervention("DRUG", "Capecitabine during radiotherapy"), Intervention("DRUG", "Oxaliplatin during radiotherapy")]));

        Assert.Equal(["RT, unspecified", "RT, unspecified"], study.Interventions.Select(i => i.RtModality));
    }

    [Theory]
    [InlineData("Gargle with benzydamine during the course of radiotherapy")]
    [InlineData("Gargle with benzydamine during and after radiotherapy")]
    [InlineData("Mouthwash throughout the entire radiotherapy")]
    [InlineData("Mouthwash given daily during thoracic radiotherapy")]
    public void A_supportive_care_treatment_timed_by_rt_in_other_words_gives_no_rt(string name)
    {
        Assert.Null(Normalise(WithPurpose(WithArms([Intervention("DRUG", name)]), "SUPPORTIVE_CARE")).Interventions[0].RtModality);
    }

    /// <summary>Only TACE and HAIC deliver drugs; an ablation or a cooling device names what it is given beside.</summary>
    [Theory]
    [InlineData("PROCEDURE", "Microwave ablation", "Microwave ablation of each lesion, then capecitabine maintenance.", "TREATMENT")]
    [InlineData("OTHER", "Oral cryotherapy", "Ice chips held in the mouth during the oxaliplatin infusion.", "SUPPORTIVE_CARE")]
    [InlineData("DEVICE", "Frozen gloves (cryotherapy)", "Worn during each paclitaxel infusion.", "SUPPORTIVE_CARE")]
    public void A_procedure_that_delivers_no_drug_takes_none_from_its_description(string type, string name, string description, string purpose)
    {
        Assert.Empty(Normalise(WithPurpose(WithArms([Intervention(type, name, description)]), purpose)).Interventions[0].Agents);
    }

    [Fact]
    public void Tace_takes_the_chemotherapy_it_delivers_not_a_drug_another_intervention_gives()
    {
        var study = Normalise(WithArms([
            Intervention("PROCEDURE", "TACE", "Lipiodol with epirubicin, followed by oral capecitabine."),
            Intervention("DRUG", "Capecitabine")]));

        Assert.Equal(["epirubicin"], study.Interventions[0].Agents);
    }

    /// <summary>Set 17 (NCT07071103): class words in the plural.</summary>
    [Theory]
    [InlineData("PD-1/PD-L1 monoclonal antibodies", new[] { "PD-1", "PD-L1" })]
    [InlineData("PD-L1 monoclonal antibody", new[] { "PD-L1" })]
    [InlineData("Anti-CTLA-4 antibodies", new[] { "CTLA-4" })]
    [InlineData("PD-1 mAbs", new[] { "PD-1" })]
    [InlineData("PD-1 blocker", new[] { "PD-1" })] // set 20
    [InlineData("Immune checkpoint blockers", new[] { "ICI, unspecified" })]
    [InlineData("Programmed death-1 inhibitor", new[] { "PD-1" })] // "programmed death" is no OS term, and the checkpoint still matches
    [InlineData("SBRT followed by ICI 2 weeks later", new[] { "ICI, unspecified" })] // a count, not a code
    [InlineData("Radiotherapy plus ICI (2 cycles)", new[] { "ICI, unspecified" })]
    public void Class_words_in_the_plural_name_their_checkpoints(string name, string[] targets)
    {
        Assert.Equal(targets, OnlyIntervention(Intervention("DRUG", name)).Targets.Order(StringComparer.Ordinal));
    }

    /// <summary>Set 17 (NCT06003673): a combination named by its timing, its description saying what it gives.</summary>
    [Fact]
    public void A_name_that_names_none_of_the_drugs_its_description_gives_takes_its_locoregional_therapy_too()
    {
        var terms = OnlyIntervention(Intervention(
            "COMBINATION_PRODUCT",
            "neoadjuvant therapy",
            "Conventional transarterial chemoembolization (TACE) is performed, with tislelizumab 200 mg and lenvatinib 8 mg daily."));

        Assert.Equal(["lenvatinib", "tislelizumab"], terms.Agents.Order(StringComparer.Ordinal));
        Assert.Equal(["TKI", "locoregional"], terms.PartnerClasses.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Pd_l_in_brackets_names_both_pd1_and_pd_l1()
    {
        Assert.Equal(["PD-1", "PD-L1"], OnlyIntervention(Intervention("DRUG", "Anti-PD-(L)1 antibody")).Targets.Order(StringComparer.Ordinal));
        Assert.Equal(["PD-L1"], OnlyIntervention(Intervention("DRUG", "Anti-PD-L1 antibody")).Targets);
    }

    [Fact]
    public void A_checkpoint_named_in_the_text_takes_the_place_of_ici_unspecified_beside_it()
    {
        var study = Normalise(Trial(
            "SBRT Plus ICI for Early Lung Cancer",
            "A randomised trial.",
            [Intervention("RADIATION", "Stereotactic body radiotherapy")],
            Arm("SBRT and ICI", "SBRT followed by an anti-PD-1 antibody for one year.", "Radiation: Stereotactic body radiotherapy")));

        Assert.Equal(["PD-1"], study.FreeText?.Targets);
    }
}
