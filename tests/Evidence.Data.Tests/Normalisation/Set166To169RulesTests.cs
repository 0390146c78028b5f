using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 166-169's findings (issue 10, vocabulary .173): a dose of one fraction written as a range,
/// electrons beside photons, therapies compared "between", a title that calls the study
/// observational, "Survival" alone, a response of circulating tumour DNA, 9-aminocamptothecin and
/// a Spanish "Corporación".
/// </summary>
public class Set166To169RulesTests
{
    /// <summary>
    /// NCT02333110 (set 166): "spatially fractionated radiation therapy", described as "A single
    /// dose of 15-20Gys": one fraction of 3 Gy or more, so hypofractionated RT (guide rules 4 and 5,
    /// both annotators). Named alone, spatially fractionated RT stays EBRT (rule 4).
    /// </summary>
    [Theory]
    [InlineData("A single dose of 15-20Gys of spatially fractionated radiation therapy", "Hypofractionated RT")]
    [InlineData("A single fraction of 15 Gy", "Hypofractionated RT")]
    [InlineData("Delivered through a grid containing holes", "EBRT")]
    public void A_spatially_fractionated_RT_of_one_large_dose_is_hypofractionated(string description, string kind)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "spatially fractionated radiation therapy", description));

        Assert.Equal(kind, Kinds(terms));
    }

    /// <summary>
    /// NCT04871516 (set 166): a "Radiation Boost" beside "Whole Breast Irradiation", in a record
    /// whose summary says "Radiation therapy uses high energy photons/electrons to kill tumor
    /// cells": both beams are external, so the boost is EBRT (both annotators), as with photons
    /// alone. A list of what RT may use still names no kind.
    /// </summary>
    [Theory]
    [InlineData("Radiation therapy uses high energy photons/electrons to kill tumor cells and shrink tumors.", "EBRT")]
    [InlineData("Radiation therapy uses high energy photons and electrons to kill tumor cells.", "EBRT")]
    [InlineData("Radiation therapy uses high energy photons to kill tumor cells.", "EBRT")]
    [InlineData("Radiation therapy uses high energy photons, electrons or protons to kill tumor cells.", "RT, unspecified")]
    public void Electrons_beside_photons_still_define_external_beam(string summary, string kind)
    {
        var study = Normalise(Trial("Radiation Therapy Boost Before Surgery for Breast Cancer", summary,
            [Intervention("PROCEDURE", "Therapeutic Surgical Procedure"), Intervention("RADIATION", "Whole Breast Irradiation"), Intervention("RADIATION", "Radiation Boost")]));

        Assert.Equal(kind, Kinds(study.Interventions[2]));
        Assert.Equal("EBRT", Kinds(study.Interventions[1]));
    }

    /// <summary>
    /// NCT01973634 (set 166), no interventions: "Comparison of Acute Toxicity and Cost Between
    /// Whole Breast Irradiation With Sequential Boost and Simultaneous Integrated Boost": the
    /// toxicity and cost are measured in arms that give the RT compared "between" them (both
    /// annotators: RT). A title that studies the toxicity of an RT without comparing it still
    /// names no RT the record gives.
    /// </summary>
    [Theory]
    [InlineData("Comparison of Acute Toxicity and Cost Between Whole Breast Irradiation With Sequential Boost and Simultaneous Integrated Boost After Breast Conserving Surgery.", "EBRT")]
    [InlineData("Acute Toxicity of Whole Breast Irradiation With Sequential Boost After Breast Conserving Surgery", "")]
    [InlineData("Cost-Effectiveness of Whole Breast Irradiation", "")]
    public void What_is_measured_of_therapies_compared_between_them_does_not_hide_them(string title, string kinds)
    {
        Assert.Equal(kinds, TrialKinds(Normalise(Trial(title, null, []))));
    }

    /// <summary>
    /// NCT04432142 (set 166), a title and nothing else: "Immune Profiling of Stage III Non-small
    /// Cell Lung Cancer Patients Treated With Concurrent Chemoradiation and Adjuvant Durvalumab: A
    /// Prospective Observational Phase II Trial". The title says the study is observational, as a
    /// study type would, and its patients are "treated with" the therapies (qualified:
    /// "Concurrent"): their treatment, not the study's (both annotators: no RT, no ICI). A title
    /// that assesses the therapies' outcomes still observes them.
    /// </summary>
    [Fact]
    public void A_title_that_calls_the_study_observational_follows_patients_treated_with_the_therapies()
    {
        var profiled = Normalise(Trial(
            "Immune Profiling of Stage III Non-small Cell Lung Cancer Patients Treated With Concurrent Chemoradiation and Adjuvant Durvalumab: A Prospective Observational Phase II Trial",
            null, []));
        var assessed = Normalise(Trial(
            "Efficacy and Safety in HCC Patients Treated With SBRT Plus PD-1 Inhibitors: A Prospective Observational Study", null, []));

        Assert.Null(profiled.FreeText?.RtModality);
        Assert.Equal("", IciOf(profiled));
        Assert.Equal("SBRT", TrialKinds(assessed));
        Assert.Equal("PD-1", IciOf(assessed));
    }

    /// <summary>
    /// NCT00002475 (set 168), "Survival (patients with evaluable disease)"; NCT00087815 (set 165),
    /// "Survival every 30 days during treatment, ..."; NCT00293358 (set 79), "Survival": overall
    /// survival, as every annotator labelled them. Survival "with" a condition is another measure
    /// (set 92's annotators: other), as is survival of something other than people.
    /// </summary>
    [Theory]
    [InlineData("Survival (patients with evaluable disease)", "OS")]
    [InlineData("Survival every 30 days during treatment, at the end of treatment, and then at 1, 2, and 4 months after treatment", "OS")]
    [InlineData("Survival", "OS")]
    [InlineData("Survival of patients", "OS")]
    [InlineData("Survival with a WHO performance status 0-2 as measured by Logrank at 8 weeks after completion of study treatment", "other")]
    [InlineData("Survival without a colostomy", "other")]
    [InlineData("Survival of the transplanted graft", "other")]
    public void Survival_alone_is_overall_survival(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }

    /// <summary>
    /// NCT03520088 (set 167): lead sponsor "Corporacion Parc Tauli" (class OTHER), an
    /// organisation in Spanish (Catalan "Corporació"), not a person, so it is the institution (both
    /// annotators), not the first site.
    /// </summary>
    [Theory]
    [InlineData("Corporacion Parc Tauli")]
    [InlineData("Corporació Sanitària Parc Taulí")]
    public void A_Spanish_or_Catalan_corporation_is_an_organisation(string sponsor)
    {
        var protocol = WithArms([]);
        protocol["sponsorCollaboratorsModule"] = new JsonObject { ["leadSponsor"] = new JsonObject { ["name"] = sponsor, ["class"] = "OTHER" } };
        protocol["contactsLocationsModule"] = new JsonObject
        {
            ["locations"] = new JsonArray(new JsonObject { ["facility"] = "Parc Tauli University Hospital", ["country"] = "Spain" }),
        };

        Assert.Equal($"Spain ({sponsor})", Normalise(protocol).Summary.Institution);
    }

    /// <summary>
    /// NCT05482516 (set 169): "Rate of ctDNA Complete Response (CR)" in patients with no disease on
    /// imaging: a response of circulating tumour DNA, a marker, not of the tumour (both annotators:
    /// other), as a PSA response is. A tumour's response measured beside it is still ORR.
    /// </summary>
    [Theory]
    [InlineData("Rate of ctDNA Complete Response (CR)", "other")]
    [InlineData("Rate of ctDNA Partial Response (PR)", "other")]
    [InlineData("ctDNA clearance rate", "other")]
    [InlineData("Objective response rate per RECIST 1.1 and ctDNA response", "ORR")]
    [InlineData("Complete response rate", "ORR")]
    public void A_response_of_circulating_tumour_DNA_is_a_markers(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }

    /// <summary>NCT00251368 (set 169): "9-Aminocamptothecin (9-AC)", a camptothecin like irinotecan and topotecan: chemotherapy (both annotators).</summary>
    [Fact]
    public void Nine_aminocamptothecin_is_chemotherapy()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "9-Aminocamptothecin (9-AC)"));

        Assert.Equal(["9-aminocamptothecin"], terms.Agents);
        Assert.Equal(["chemotherapy"], terms.AgentClasses);
    }
}
