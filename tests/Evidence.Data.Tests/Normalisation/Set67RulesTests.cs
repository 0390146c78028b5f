using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 67's findings (issue 10): a bispecific named only by its checkpoints, radioiodine given as a
/// drug, a brachytherapy its description makes more specific, and an event-free survival that
/// counts only progression and death.
/// </summary>
public class Set67RulesTests
{
    /// <summary>NCT07023315: an intervention of no name, "Anti-PD-1/ CTLA-4 tetrameric bispecific antibody", in a trial whose title names cadonilimab.</summary>
    [Fact]
    public void Class_words_of_two_checkpoints_resolve_to_the_bispecific_the_title_names()
    {
        var study = Normalise(Trial(
            "A Phase III Clinical Study of Cadonilimab Plus SOX as Perioperative Treatment",
            null,
            [Intervention("DRUG", "", "Anti-PD-1/ CTLA-4 tetrameric bispecific antibody"), Intervention("DRUG", "SOX chemotherapy")]));

        Assert.Equal(["cadonilimab"], study.Interventions[0].Agents);
        Assert.Contains(Terms.Bispecific, study.Interventions[0].AgentProperties);
    }

    [Fact]
    public void Class_words_of_two_checkpoints_stay_classes_beside_two_antibodies()
    {
        var study = Normalise(Trial(
            "Nivolumab Plus Ipilimumab Before Surgery",
            null,
            [Intervention("DRUG", "Checkpoint blockade", "anti-PD-1 and anti-CTLA-4 antibodies")]));

        Assert.Empty(study.Interventions[0].Agents);
        Assert.Equal(["CTLA-4", "PD-1"], study.Interventions[0].Targets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Class_words_of_two_checkpoints_do_not_resolve_to_a_bispecific_of_other_checkpoints()
    {
        // Ivonescimab blocks PD-1 and VEGF, not CTLA-4.
        var study = Normalise(Trial(
            "Ivonescimab Plus Chemotherapy",
            null,
            [Intervention("DRUG", "", "Anti-PD-1/ CTLA-4 bispecific antibody")]));

        Assert.Empty(study.Interventions[0].Agents);
    }

    /// <summary>NCT00115895: "Drug: Radioactive iodine" (guide rule 10: radionuclide therapy given as a drug is RT of no kind).</summary>
    [Theory]
    [InlineData("Radioactive iodine")]
    [InlineData("Radioiodine ablation")]
    public void Radioiodine_given_as_a_drug_is_rt(string name)
    {
        Assert.Equal(Terms.UnspecifiedRt, OnlyIntervention(Intervention("DRUG", name)).RtModality);
    }

    [Theory]
    [InlineData("Radioactive iodine uptake scan")] // imaging
    [InlineData("Lenvatinib for radioiodine-refractory thyroid cancer")] // the disease it failed
    public void Radioiodine_of_imaging_or_a_disease_it_failed_is_not_rt(string name)
    {
        Assert.Null(OnlyIntervention(Intervention("DRUG", name)).RtModality);
    }

    /// <summary>NCT03426748: the description says which brachytherapy.</summary>
    [Theory]
    [InlineData("Low dose rate prostate brachytherapy", "Permanent implantation of radioactive Iodine-125 seeds under anesthesia", new[] { "I-125 seed" })]
    [InlineData("Brachytherapy", "Permanent implant of I-125 seeds", new[] { "I-125 seed" })]
    [InlineData("Brachytherapy", "HDR boost after 45 Gy of pelvic IMRT", new[] { "Brachytherapy" })] // another family's course is the other intervention's
    [InlineData("SBRT", "Delivered with iodine-125 seed implantation planning software", new[] { "SBRT" })] // another family
    public void A_description_makes_the_name_s_kind_more_specific_within_its_family(string name, string description, string[] modalities)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", name, description));

        Assert.Equal(modalities, new[] { terms.RtModality! }.Concat(terms.AlsoRtModalities));
    }

    /// <summary>NCT07023315: "Event-free survival (EFS)", "the time from date of randomization until the date of disease progression or death".</summary>
    [Theory]
    [InlineData("Event-free survival (EFS)", "EFS is the time from date of randomization until the date of disease progression or death.", "PFS")]
    [InlineData("Event-free survival (EFS)", "Time from randomisation to disease progression, local or distant recurrence, or death.", "DFS/RFS")] // counts recurrence
    [InlineData("Event-free survival", null, "DFS/RFS")] // no definition: the convention
    [InlineData("Disease-free survival", "Time to disease progression or death.", "DFS/RFS")] // not an EFS
    public void An_event_free_survival_of_progression_and_death_is_progression_free_survival(string measure, string? description, string endpoint)
    {
        var protocol = WithPurpose(WithOutcome(measure, description), "TREATMENT");

        Assert.Equal(endpoint, Normalise(protocol).Outcomes[0].EndpointClass);
    }
}
