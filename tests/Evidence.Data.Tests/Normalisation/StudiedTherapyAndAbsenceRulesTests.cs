using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules from set 37's unseen records (vocabulary 2026-12-03.55): 3D radiotherapy, a therapy a
/// title studies or compares, a therapy's absence ("Radiation-Free"), what a summary says patients
/// are randomized to receive or how well a therapy works, and an RT injury read in the description
/// of an outcome with no measure. The texts are written for these tests; none is copied from a
/// labelled record.
/// </summary>
public class StudiedTherapyAndAbsenceRulesTests
{
    [Theory]
    [InlineData("3D radiotherapy 66 Gy in 33 fractions")]
    [InlineData("3D conformal radiation therapy to the primary")]
    [InlineData("three-dimensional radiotherapy of the tumour bed")]
    public void Three_dimensional_radiotherapy_is_external_beam(string description)
    {
        var terms = OnlyIntervention(Intervention("OTHER", "Radiotherapy + cetuximab", description));
        Assert.Equal(["EBRT"], terms.RtModalities);
    }

    [Theory]
    [InlineData("A Study of Radiation Therapy Before Cell Therapy for People With Lymphoma", "RT, unspecified")]
    [InlineData("A Trial of Stereotactic Body Radiation Therapy in Oligometastatic Cancer", "SBRT")]
    public void A_therapy_a_title_studies_is_given_by_a_record_of_no_interventions(string title, string rt)
    {
        var study = Normalise(Trial(title, null, []));
        Assert.Equal(rt, study.FreeText?.RtModality);
    }

    [Theory]
    [InlineData("A Study of Radiotherapy Patients and Their Quality of Life")] // the people it names
    [InlineData("A Study of Radiation Dermatitis in Breast Cancer")] // an injury RT caused
    [InlineData("A Study of Radiation-Free Treatment of Early Lymphoma")] // its absence
    public void A_title_that_studies_people_injuries_or_absence_gives_no_rt(string title)
    {
        Assert.Null(Normalise(Trial(title, null, [])).FreeText?.RtModality);
    }

    [Fact]
    public void A_title_comparing_a_named_ici_to_placebo_gives_it()
    {
        var study = Normalise(Trial("Double-blind Study Comparing Durvalumab to Placebo in Mesothelioma", null, []));
        Assert.Equal(["durvalumab"], study.FreeText?.Agents);
        Assert.Equal(["PD-L1"], study.FreeText!.Targets);
    }

    [Fact]
    public void Radiation_free_management_in_a_title_is_no_rt_and_the_ici_beside_it_still_counts()
    {
        var study = Normalise(Trial(
            "Response-Adapted Nivolumab Incorporated and Radiation-Free Management of Early Hodgkin Lymphoma",
            "This phase II trial studies how well nivolumab works in treating participants with early Hodgkin lymphoma.",
            []));
        Assert.Null(study.FreeText?.RtModality);
        Assert.Equal(["nivolumab"], study.FreeText?.Agents);
    }

    [Theory]
    [InlineData("Subjects will be randomized in a 2:1 ratio to receive either ipilimumab or placebo.", "ipilimumab")]
    [InlineData("Patients are randomly assigned to receive pembrolizumab or observation.", "pembrolizumab")]
    [InlineData("This phase II trial studies how well atezolizumab works in treating patients with bladder cancer.", "atezolizumab")]
    public void A_summary_of_no_interventions_gives_what_patients_are_randomized_to_receive_or_how_well_it_works(string summary, string agent)
    {
        Assert.Equal([agent], Normalise(Trial("Immunotherapy in Advanced Cancer", summary, [])).FreeText?.Agents);
    }

    [Theory]
    [InlineData("Patients eligible to receive nivolumab after chemotherapy will be asked to complete a diary.")] // eligibility, not assignment
    [InlineData("We ask whether pembrolizumab levels in blood predict response.")] // a purpose that only names it
    public void A_summary_that_only_names_an_ici_gives_none(string summary)
    {
        Assert.Null(Normalise(Trial("Observations in Advanced Cancer", summary, [])).FreeText);
    }

    [Theory]
    [InlineData("Radiation dermatitis assessed by CTCAE version 5.0", "other")] // the injury the dressing is for
    [InlineData("Adverse events assessed by CTCAE version 5.0", "safety")]
    public void An_outcome_of_no_measure_is_read_from_its_description_injury_included(string description, string endpoint)
    {
        var protocol = WithPurpose(WithArms([Intervention("DEVICE", "Silicone film dressing")]), "SUPPORTIVE_CARE");
        protocol["outcomesModule"] = new JsonObject
        {
            ["primaryOutcomes"] = new JsonArray(new JsonObject { ["description"] = description, ["timeFrame"] = "6 weeks" }),
        };
        Assert.Equal(endpoint, Normalise(protocol).Outcomes[0].EndpointClass);
    }
}
