using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 63's findings (issue 10): a drug named only by its checkpoint, radiation named by its arm
/// and schedule, interventions and arms a record does not link, and organ toxicities as safety.
/// </summary>
public class Set63RulesTests
{
    [Theory]
    [InlineData("PD-1", "PD-1")]
    [InlineData("PD1", "PD-1")]
    [InlineData("PD-L1", "PD-L1")]
    public void A_drug_named_only_by_its_checkpoint_is_an_ici_of_that_target(string name, string target)
    {
        var study = Normalise(WithArms([Intervention("DRUG", "Sorafenib"), Intervention("DRUG", name)]));

        Assert.Equal([target], study.Interventions[1].Targets);
        Assert.Empty(study.Interventions[1].Agents);
    }

    [Theory]
    [InlineData("DIAGNOSTIC_TEST", "PD-L1")] // a test of the marker
    [InlineData("OTHER", "PD-L1")]
    [InlineData("DRUG", "PD-L1 expression")] // more than the checkpoint
    [InlineData("DRUG", "PD-1 knockout T cells")]
    public void A_checkpoint_that_is_a_test_or_part_of_a_longer_name_is_no_ici(string type, string name)
    {
        Assert.Empty(OnlyIntervention(Intervention(type, name)).Targets);
    }

    [Fact]
    public void A_drug_named_by_its_checkpoint_takes_the_agent_its_description_names()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "PD1", "The PD-1 monoclonal antibody used is Sintilimab 200mg every 3 weeks"));

        Assert.Equal(["sintilimab"], terms.Agents);
    }

    [Theory]
    [InlineData("Hypofractionated Arm (1)", "Hypofractionated RT")]
    [InlineData("Conventional Arm (3)", "RT, unspecified")]
    public void A_radiation_named_by_its_arm_s_schedule_is_rt_of_that_schedule(string name, string modality)
    {
        Assert.Equal([modality], OnlyIntervention(Intervention("RADIATION", name)).RtModalities);
    }

    [Fact]
    public void A_record_that_links_nothing_gives_an_intervention_the_arm_of_its_name()
    {
        var study = Normalise(Trial("Hypofractionated Versus Conventional Radiotherapy in Brainstem Glioma", null,
            [Intervention("RADIATION", "Hypofractionated radiotherapy"), Intervention("RADIATION", "Conventional arm")],
            Arm("Hypofractionated arm", "A total dose of 39 Gy in daily fractions of 3 Gy"),
            Arm("Conventional arm", "The established conventional regimen: 54 Gy in 30 fractions giving 1.8 Gy per fraction.")));

        Assert.Equal(Terms.HypofractionatedRt, study.Interventions[0].RtModality);
        Assert.Equal(Terms.UnspecifiedRt, study.Interventions[1].RtModality);
        // The conventional arm's dose is the second intervention's: its regimen is read from the arm.
        Assert.Contains(study.RtRegimens, r => r.SourceField == "armGroups[1].description" && r.FractionsMin == 30);
    }

    [Fact]
    public void A_record_that_links_its_interventions_keeps_its_links()
    {
        // The arm "Radiotherapy" links "Drug: Pembrolizumab" only: the radiation of the same name is not in it.
        var study = Normalise(Trial("Pembrolizumab in Head and Neck Cancer", null,
            [Intervention("DRUG", "Pembrolizumab"), Intervention("RADIATION", "Radiotherapy")],
            Arm("Radiotherapy", "Pembrolizumab 200 mg every 3 weeks after 8 Gy x 3", "Drug: Pembrolizumab")));

        Assert.Equal(Terms.UnspecifiedRt, study.Interventions[1].RtModality);
    }

    [Theory]
    [InlineData("Ototoxicity")]
    [InlineData("Incidence of cardiotoxicity")]
    [InlineData("Grade 3 or higher nephrotoxicity")]
    public void An_organ_s_toxicity_is_safety(string measure)
    {
        var outcome = Normalise(WithPurpose(WithOutcome(measure), "TREATMENT")).Outcomes[0];

        Assert.Equal(Terms.Safety, outcome.EndpointClass);
    }
}
