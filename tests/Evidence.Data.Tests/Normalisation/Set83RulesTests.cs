using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 83's findings (issue 10): interventions that list kinds of care, people "treated by" RT in a title, HDR, a drug concurrent with another's RT.</summary>
public class Set83RulesTests
{
    /// <summary>
    /// NCT05717166: SABR against standard of care, whose interventions list the care a physician
    /// may choose ("Chemotherapy", "Immunotherapy", "Targeted Systemic Therapy", "Observation").
    /// </summary>
    [Theory]
    [InlineData(new[] { "Chemotherapy", "Targeted Systemic Therapy", "Observation" }, null)]
    [InlineData(new[] { "Chemotherapy", "Hormone Therapy" }, null)]
    [InlineData(new[] { "Radiotherapy", "Chemotherapy" }, "ICI, unspecified")] // a regimen may be just these
    [InlineData(new[] { "Targeted Therapy" }, "ICI, unspecified")] // one other kind is not a menu
    public void Immunotherapy_among_interventions_that_are_kinds_of_care_is_a_category(string[] others, string? target)
    {
        JsonObject[] interventions = [.. others.Select(name => Intervention(name == "Radiotherapy" ? "RADIATION" : "DRUG", name)), Intervention("DRUG", "Immunotherapy")];

        var study = Normalise(Trial("Stereotactic Ablative Radiotherapy for Up to 10 Oligometastases", null, interventions));

        Assert.Equal(target, study.Interventions[^1].Targets.SingleOrDefault());
    }

    /// <summary>NCT00193869, a record of no intervention: "... Dexamethasone 96 mg Versus 16 mg Per Day for Malignant Spinal Cord Compression Treated by Radiotherapy".</summary>
    [Theory]
    [InlineData("A Pilot Randomised Comparison of Dexamethasone 96 mg Versus 16 mg Per Day for Malignant Spinal Cord Compression Treated by Radiotherapy", null)]
    [InlineData("The UNSCARRed Study: UNresectable Squamous Cell Carcinoma Treated With Avelumab and Radical Radiotherapy", "RT, unspecified")]
    [InlineData("Radiotherapy for Metastatic Spinal Cord Compression", "RT, unspecified")]
    [InlineData("Neoadjuvant Treatment for Rectal Cancer With Short Course Radiotherapy", "RT, unspecified")]
    public void A_title_for_people_treated_by_rt_does_not_give_it(string title, string? modality)
    {
        Assert.Equal(modality, Normalise(Trial(title, null, [])).FreeText?.RtModality);
    }

    /// <summary>NCT02017704: "Endo-HDR (if randomized to this arm)", high-dose-rate endorectal brachytherapy.</summary>
    [Theory]
    [InlineData("Endo-HDR (if randomized to this arm)")]
    [InlineData("HDR boost")]
    public void Hdr_is_brachytherapy(string name)
    {
        Assert.Equal("Brachytherapy", OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    /// <summary>NCT01937208: "Drug: concurrent chemotherapy with radiation" beside "Radiation: intensity modulated radiation therapy in both arms".</summary>
    [Theory]
    [InlineData("concurrent chemotherapy with radiation", true, null)] // the IMRT's
    [InlineData("concurrent chemotherapy with radiation", false, "RT, unspecified")] // its own where nothing else gives RT
    [InlineData("chemotherapy with radiation", true, "RT, unspecified")] // not said to be timed by it
    public void A_drug_concurrent_with_radiation_another_intervention_gives_does_not_give_it(string name, bool siblingRt, string? modality)
    {
        JsonObject[] interventions = siblingRt
            ? [Intervention("RADIATION", "intensity modulated radiation therapy in both arms"), Intervention("DRUG", name)]
            : [Intervention("DRUG", name)];

        Assert.Equal(modality, Normalise(WithArms(interventions)).Interventions[^1].RtModality);
    }
}
