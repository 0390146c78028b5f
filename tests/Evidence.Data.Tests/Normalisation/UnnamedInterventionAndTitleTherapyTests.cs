using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules from what set 40 still showed after its tuning (vocabulary 2026-12-03.59): an
/// intervention a record leaves unnamed is read by its description; a toxicity grade written
/// before "grade" ("≥ grade 3 pneumonitis") is safety; a title that names a therapy "as" a line
/// of therapy, or a "dose of" it, gives it. The texts are written for these tests; none is copied
/// from a labelled record.
/// </summary>
public class UnnamedInterventionAndTitleTherapyTests
{
    private static JsonObject Unnamed(string type, string description) => new() { ["type"] = type, ["description"] = description };

    [Fact]
    public void An_unnamed_intervention_is_read_by_its_description()
    {
        var study = Normalise(WithArms([
            Unnamed("RADIATION", "radiation to the primary tumour only: 25Gy/5Fx"),
            Unnamed("DRUG", "PD-1 antibody (Toripalimab): 240 mg d1 q3w")]));
        Assert.Equal("Hypofractionated RT", study.Interventions[0].RtModality);
        Assert.Equal(["toripalimab"], study.Interventions[1].Agents);
    }

    [Fact]
    public void A_named_intervention_is_not_read_by_its_description_as_its_name()
    {
        // "Capecitabine", described as given "after radiotherapy": the name says what it is.
        var terms = OnlyIntervention(Intervention("DRUG", "Capecitabine", "1000 mg/m2 twice daily after radiotherapy"));
        Assert.Null(terms.RtModality);
        Assert.Equal(["capecitabine"], terms.Agents);
    }

    [Theory]
    [InlineData("Number of patients ≥ grade 3 pneumonitis", "safety")]
    [InlineData("Participants with >= Grade 2 dermatitis", "safety")]
    [InlineData("Proportion of patients with grade 2 tumour regression", "other")] // a regression grade, no CTCAE sign
    public void A_grade_written_after_its_sign_is_a_toxicity(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }

    [Theory]
    [InlineData("Stereotactic Radiosurgery as Second-line Therapy for Ventricular Tachycardia", "SBRT", null)]
    [InlineData("Pembrolizumab as Maintenance Treatment in Mesothelioma", null, "pembrolizumab")]
    [InlineData("A Single Dose of Nivolumab in People With Chronic Hepatitis B", null, "nivolumab")]
    public void A_title_naming_a_therapy_as_a_line_of_therapy_or_a_dose_of_it_gives_it(string title, string? rt, string? agent)
    {
        var study = Normalise(Trial(title, null, []));
        Assert.Equal(rt, study.FreeText?.RtModality);
        Assert.Equal(agent is null ? [] : [agent], study.FreeText?.Agents ?? []);
    }

    [Theory]
    [InlineData("Radiotherapy as a Risk Factor for Second Cancers")]
    [InlineData("Radiotherapy as a Predictor of Second Cancers")]
    public void A_title_naming_a_therapy_as_something_other_than_therapy_gives_none(string title)
    {
        Assert.Null(Normalise(Trial(title, null, [])).FreeText?.RtModality);
    }
}
