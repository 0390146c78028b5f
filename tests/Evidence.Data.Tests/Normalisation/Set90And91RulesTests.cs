using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 90 and 91's findings (issue 10): a radiation intervention named by an acronym of RT the
/// vocabulary does not know, and every kind the sentence of a record with no intervention says
/// it gives.
/// </summary>
public class Set90And91RulesTests
{
    private const string XRays = "Radiation therapy uses high-energy x-rays to kill tumor cells.";

    /// <summary>NCT00567580 (set 71): "PBRT" (prostate bed RT) and "PLNRT" (pelvic lymph node RT), in an NCI record whose summary defines its RT by x-rays.</summary>
    [Theory]
    [InlineData("PBRT", XRays, "EBRT")]
    [InlineData("PLNRT", XRays, "EBRT")]
    [InlineData("DART", null, "RT, unspecified")] // set 91's adaptive bladder RT: nothing says the kind
    [InlineData("CHART", null, "RT, unspecified")] // continuous hyperfractionated accelerated RT
    public void A_radiation_intervention_named_by_an_acronym_of_rt_gives_rt(string name, string? summary, string modality)
    {
        var study = Normalise(Trial("Radiation Therapy With or Without Androgen Deprivation After Prostatectomy", summary, [Intervention("RADIATION", name)]));

        Assert.Equal(modality, study.Interventions[0].RtModality);
    }

    [Theory]
    [InlineData("DRUG", "PORT")] // not a radiation intervention: a port, whatever its letters
    [InlineData("RADIATION", "CT")] // no "RT" at its end
    [InlineData("RADIATION", "PET-CT")]
    [InlineData("RADIATION", "Smart")] // not capitals
    public void Other_names_are_not_rt_acronyms(string type, string name)
    {
        Assert.Null(OnlyIntervention(Intervention(type, name)).RtModality);
    }

    /// <summary>
    /// NCT01552239 (set 90): a record with no intervention whose official title gives a
    /// brachytherapy boost and whose summary gives "IMRT, IGRT; brachytherapy in case of positive
    /// resection margin": the summary's external beam is a course of its own beside it.
    /// </summary>
    [Fact]
    public void The_summary_of_a_record_with_no_intervention_gives_every_kind_it_names()
    {
        var protocol = Trial("Preoperative Radiotherapy for Sarcomas of the Extremities With Intensity-Modulation and Image-Guidance",
            "RATIONALE: Modern radiotherapy techniques in a neoadjuvant setting have the potential to minimize morbidity. An additional boost dose can be provided locally by HDR-brachytherapy in patients with positive margins after tumor resection.\n\n"
            + "PURPOSE: This phase II trial is studying the safety and efficacy of a combination of modern radiotherapy elements applied to the tumor (IMRT, IGRT; brachytherapy in case of positive resection margin) and see how well it works in treating patients with soft tissue sarcoma.",
            []);
        protocol["identificationModule"]!["officialTitle"] = "Phase II Study of Preoperative Radiotherapy for Sarcomas of the Extremities With Intensity-Modulation, Image-Guidance and Brachytherapy Conditioned by Resection Margin";
        var free = Normalise(protocol).FreeText;

        Assert.NotNull(free);
        Assert.Equal(["Brachytherapy", "EBRT"], new[] { free.RtModality! }.Concat(free.AlsoRtModalities).Order());
    }

    /// <summary>NCT07112781 (set 32): the technique that delivers a single dose of 24 Gy is not a kind beside it (guide rule 2).</summary>
    [Fact]
    public void A_technique_delivering_the_summary_s_single_dose_is_not_a_kind_of_its_own()
    {
        var free = Normalise(Trial("Single-Dose Radiotherapy for Prostate Cancer",
            "The goal of this study is to assess the feasibility of high-dose radiotherapy (Single-Dose Radiotherapy, SDRT) of 24 Gy. The study will examine the technical feasibility of image-guided volumetrically-modulated arc therapy (VMAT-IGRT).",
            [])).FreeText;

        Assert.NotNull(free);
        Assert.Equal("Hypofractionated RT", free.RtModality);
        Assert.Empty(free.AlsoRtModalities);
    }
}
