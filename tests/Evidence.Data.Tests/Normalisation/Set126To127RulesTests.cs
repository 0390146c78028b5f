using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 126-127's findings (issue 10, vocabulary .136): RT interventions named only by their
/// schedule, an arm's schedule after its label, and the schedules a title compares.
/// </summary>
public class Set126To127RulesTests
{
    private static JsonObject Untyped(string name) => new() { ["name"] = name };

    /// <summary>NCT02359864: interventions of no type, "5 daily fractions of 2 Gy" and "10 daily fractions of 2 Gy".</summary>
    [Fact]
    public void An_untyped_intervention_named_by_its_schedule_in_gray_is_rt()
    {
        var study = Normalise(Trial("Study of Low Dose Whole Brain Irradiation in the Treatment of Alzheimer's Disease", null,
            [Untyped("5 daily fractions of 2 Gy"), Untyped("10 daily fractions of 2 Gy")]));

        Assert.Equal(["EBRT", "EBRT"], study.Interventions.Select(i => i.RtModality));
    }

    [Theory]
    [InlineData("Vitamin D3 50,000 IU weekly")] // no gray
    [InlineData("Dose escalation")] // a dose, but of nothing in gray
    [InlineData("60 Gy")] // a dose in gray, no schedule: not guessed
    [InlineData("Amifostine 500 mg before each 2 Gy fraction")] // a drug timed by the fractions
    public void An_untyped_intervention_that_states_no_schedule_in_gray_is_not_rt(string name)
    {
        var study = Normalise(Trial("A Study in Alzheimer's Disease", null, [Untyped(name)]));

        Assert.Null(study.Interventions[0].RtModality);
    }

    /// <summary>NCT02769000: "10 GY in 5 daily fractions" and "20 GY in 10 daily fractions", the summary's "low dose whole brain irradiation".</summary>
    [Fact]
    public void Rt_interventions_named_by_their_schedules_alone_are_one_rt_of_the_kind_the_record_names()
    {
        var study = Normalise(Trial("Low Dose RT to Reduce Cerebral Amyloidosis in Early Alzheimer's",
            "Evaluate safety and toxicity associated with delivery of low dose whole brain irradiation in patients with early Alzheimer's dementia.",
            [Intervention("RADIATION", "10 GY in 5 daily fractions"), Intervention("RADIATION", "20 GY in 10 daily fractions")]));

        Assert.Equal(["EBRT", "EBRT"], study.Interventions.Select(i => i.RtModality));
    }

    /// <summary>NCT01518621: "Arm A:" is a sentence of its own; "WBRT 3 Gy x10 alone." is that arm's (guide rule 4).</summary>
    [Theory]
    [InlineData("Patients are randomized to arm A or B.\n\n* Arm A: WBRT 3 Gy x10 alone.\n\n* Arm B: WBRT 3 Gy x10 and erlotinib.", "Hypofractionated RT")]
    [InlineData("Group 1: WBRT 30 Gy in 10 fractions.", "Hypofractionated RT")]
    // Not an arm: what others gave.
    [InlineData("Historical series: WBRT 30 Gy in 10 fractions.", "EBRT")]
    public void An_arms_schedule_after_its_label_is_the_trials(string description, string kind)
    {
        var study = Normalise(Described(
            Trial("Whole Brain Radiation With or Without Erlotinib for Brain Metastases", null, [Intervention("RADIATION", "Radiation")]),
            description));

        Assert.Equal(kind, study.Interventions[0].RtModality);
    }

    /// <summary>NCT02024815: the one RT intervention, the schedules only in the official title (guide rule 9).</summary>
    [Theory]
    [InlineData("Comparable Investigation of One Fraction Radiotherapy (8 Gy x 1) and Multifraction Radiotherapy (3 Gy x 10) of Painful Bone Destructions", "Hypofractionated RT")]
    // Schedules compared: the one RT takes the most specific (guide rule 9).
    [InlineData("Single Fraction (8 Gy x 1) Versus Conventional Radiotherapy (2 Gy x 25) for Painful Bone Destructions", "Hypofractionated RT")]
    // One schedule of conventional fractions, nothing compared.
    [InlineData("Conventional Radiotherapy (2 Gy x 25) for Painful Bone Destructions", "EBRT")]
    // A course before the trial's.
    [InlineData("Radiotherapy for Bone Destructions Progressing After Single Fraction Radiotherapy (8 Gy x 1)", "EBRT")]
    public void The_one_rt_takes_the_schedules_its_title_compares(string officialTitle, string kind)
    {
        var protocol = Trial("One Fraction Against Multifraction Radiotherapy in Multiple Myeloma", null, [Intervention("RADIATION", "External Beam radiotherapy")]);
        protocol["identificationModule"]!["officialTitle"] = officialTitle;

        Assert.Equal(kind, Normalise(protocol).Interventions[0].RtModality);
    }
}
