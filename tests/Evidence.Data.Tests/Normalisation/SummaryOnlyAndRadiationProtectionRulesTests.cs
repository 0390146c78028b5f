using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules from set 32's unseen records (vocabulary 2026-12-03.50): a record of no intervention
/// that says what it gives in its summary, radiation words that name protection or people,
/// GammaTile, trimodality therapy, recurrence in the surgical bed. Texts written for these tests.
/// </summary>
public class SummaryOnlyAndRadiationProtectionRulesTests
{
    [Theory]
    [InlineData("All patients will receive pembrolizumab 200 mg every 3 weeks.", "pembrolizumab")]
    [InlineData("The purpose of this study is to assess the efficacy of nivolumab in frail patients.", "nivolumab")]
    [InlineData("All patients will receive chemotherapy. Group 2 will also receive a different additional drug called Nivolumab.", "nivolumab")] // set 52
    [InlineData("After surgery, patients will then be treated with pembrolizumab every 3 weeks.", "pembrolizumab")]
    public void A_record_of_no_intervention_gives_what_its_summary_says_patients_receive(string summary, string agent)
    {
        var study = Normalise(Trial("Immunotherapy for Frail Patients With Lung Cancer", summary, []));
        Assert.Equal([agent], study.FreeText?.Agents);
    }

    [Theory]
    [InlineData("Pembrolizumab is approved for lung cancer. Frail patients are rarely treated.")] // no sentence of the trial's purpose
    [InlineData("The purpose of this study is to ask patients who previously received pembrolizumab about fatigue.")]
    [InlineData("Patients will also have completed pembrolizumab before enrolment.")] // "will have completed": before the trial
    public void A_summary_sentence_that_is_background_or_prior_therapy_gives_nothing(string summary)
    {
        var study = Normalise(Trial("Fatigue in Lung Cancer", summary, []));
        Assert.Null(study.FreeText);
    }

    [Fact]
    public void A_summary_is_not_read_for_what_a_record_with_interventions_gives()
    {
        var study = Normalise(Trial("Exercise in Lung Cancer", "All patients will receive nivolumab as standard care and the study adds exercise.",
            [Intervention("BEHAVIORAL", "Exercise")]));
        Assert.Null(study.FreeText);
    }

    [Theory]
    [InlineData("Pelvic drape plus radiation board")]
    [InlineData("Lead apron and radiation badges")]
    public void Radiation_protection_is_not_rt(string arm)
    {
        var study = Normalise(WithArms([Intervention("DEVICE", "Board", arms: ["A"])], Arm("A", arm, "Device: Board")));
        Assert.Null(study.FreeText?.RtModality);
        Assert.Empty(study.Interventions[0].RtModalities);
    }

    [Fact]
    public void Radiation_doctors_are_not_rt_given()
    {
        var study = Normalise(Trial("Pembrolizumab After Lung SBRT",
            "Radiation doctors see frail patients. This trial adds pembrolizumab.", []));
        Assert.Null(study.FreeText?.RtModality);
        Assert.Equal(["pembrolizumab"], study.FreeText?.Agents);
    }

    [Theory]
    [InlineData("GammaTile", "Brachytherapy")]
    [InlineData("Gamma Tile surgically targeted radiation therapy", "Brachytherapy")]
    [InlineData("Trimodality therapy", "RT, unspecified")]
    public void Device_and_programme_names_give_their_rt(string name, string modality)
    {
        var t = OnlyIntervention(Intervention("RADIATION", name));
        Assert.Equal([modality], t.RtModalities);
    }

    [Fact]
    public void Trimodality_therapy_gives_chemotherapy_as_partner()
    {
        var t = OnlyIntervention(Intervention("RADIATION", "Trimodal therapy"));
        Assert.Equal(["chemotherapy"], t.PartnerClasses);
    }

    [Theory]
    [InlineData("Surgical bed recurrence-free survival", "local control")]
    [InlineData("Tumor bed recurrence", "local control")]
    [InlineData("Recurrence-free survival", "DFS/RFS")]
    public void Recurrence_in_the_surgical_bed_is_local_control(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }
}
