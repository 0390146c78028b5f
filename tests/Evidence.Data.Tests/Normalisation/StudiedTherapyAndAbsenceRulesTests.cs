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
    [InlineData("3-Dimensional conformal radiation therapy to the tumour")]
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
    [InlineData("Patients who had stopped nivolumab are randomized to receive cabozantinib or placebo.")] // before what they receive
    [InlineData("Patients are randomized to receive cabozantinib or placebo, as nivolumab is no longer available.")] // after its clause
    public void A_summary_that_only_names_an_ici_gives_none(string summary)
    {
        Assert.Null(Normalise(Trial("Observations in Advanced Cancer", summary, [])).FreeText);
    }

    [Theory]
    [InlineData("A Study of Radiotherapy Omission in Low-Risk Breast Cancer")]
    [InlineData("A Trial of Radiotherapy Avoidance Guided by PET")]
    [InlineData("A Study of Radiation Effects on Memory in Children")]
    [InlineData("Comparing Radiotherapy Utilisation Across Regions")]
    [InlineData("A Study of Radiotherapy De-escalation in HPV-Positive Cancer")]
    public void A_title_that_studies_something_of_rt_rather_than_giving_it_gives_none(string title)
    {
        Assert.Null(Normalise(Trial(title, null, [])).FreeText?.RtModality);
    }

    [Fact]
    public void A_title_that_studies_reactions_to_an_ici_gives_none()
    {
        Assert.Null(Normalise(Trial("A Study of Nivolumab Hypersensitivity Reactions", null, [])).FreeText);
    }

    [Fact]
    public void How_well_patients_recover_after_rt_is_not_rt_the_trial_gives()
    {
        Assert.Null(Normalise(Trial(
            "Swallowing After Head and Neck Cancer",
            "This trial studies how well patients who completed radiation therapy recover their swallowing.",
            [])).FreeText);
    }

    [Fact]
    public void How_well_a_therapy_works_compared_with_another_gives_both()
    {
        var study = Normalise(Trial(
            "Adjuvant Immunotherapy in Resected Melanoma",
            "This phase III trial studies how well pembrolizumab works compared with the standard of care, ipilimumab, in treating patients with melanoma.",
            []));
        Assert.Equal(["pembrolizumab", "ipilimumab"], study.FreeText?.Agents);
    }

    [Theory]
    [InlineData("Stereotactic body radiotherapy free-breathing technique, 50 Gy in 5 fractions", "SBRT")] // free breathing is how, not absence
    [InlineData("SBRT free breathing, 50 Gy in 5 fractions", "SBRT")]
    public void Free_breathing_rt_is_still_rt(string description, string rt)
    {
        Assert.Equal([rt], OnlyIntervention(Intervention("RADIATION", "Radiotherapy", description)).RtModalities);
    }

    [Fact]
    public void An_ici_given_free_of_charge_is_given()
    {
        Assert.Equal(["nivolumab"], OnlyIntervention(Intervention("DRUG", "Nivolumab", "Patients will receive nivolumab free of charge")).Agents);
    }

    [Fact]
    public void An_injury_in_a_vague_measure_is_read_with_its_description()
    {
        // "Efficacy of the dressing in preventing radiation dermatitis": vague, so the description decides the class; the measure names the injury.
        var protocol = WithPurpose(WithArms([Intervention("DEVICE", "Silicone film dressing")]), "SUPPORTIVE_CARE");
        protocol["outcomesModule"] = new JsonObject
        {
            ["primaryOutcomes"] = new JsonArray(new JsonObject
            {
                ["measure"] = "Efficacy of the dressing in preventing radiation dermatitis",
                ["description"] = "Grade 2 or higher adverse events per CTCAE version 5.0",
            }),
        };
        Assert.Equal("other", Normalise(protocol).Outcomes[0].EndpointClass);
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
