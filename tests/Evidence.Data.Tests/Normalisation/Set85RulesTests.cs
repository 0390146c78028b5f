using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 85's findings (issue 10): the regimen PCV, intraoperative electrons, information about RT, hospices.</summary>
public class Set85RulesTests
{
    /// <summary>NCT02444000 and NCT04702581: "PCV chemotherapy alone", "Radiotherapy and PCV chemotherapy".</summary>
    [Theory]
    [InlineData("PCV chemotherapy alone", new[] { "procarbazine", "lomustine", "vincristine" })]
    [InlineData("Radiotherapy+PCV chemotherapy", new[] { "procarbazine", "lomustine", "vincristine" })]
    [InlineData("PCV 13 vaccine", new string[0])] // the pneumococcal conjugate vaccine
    [InlineData("PCV", new string[0])] // the letters alone may be a vaccine or a packed cell volume
    public void Pcv_chemotherapy_is_procarbazine_lomustine_and_vincristine(string name, string[] agents)
    {
        Assert.Equal(agents, OnlyIntervention(Intervention("DRUG", name)).Agents);
    }

    /// <summary>NCT05877352: "Intraoperative Electron Radiotherapy (IOERT)"; DOMAIN.md names no kind for intraoperative RT, as the annotators of sets 30-85 labelled it.</summary>
    [Theory]
    [InlineData("Intraoperative Electron Radiotherapy (IOERT)", "RT, unspecified")]
    [InlineData("IOERT", "RT, unspecified")]
    [InlineData("Electron beam radiotherapy", "EBRT")] // external electrons stay EBRT
    public void Intraoperative_electrons_are_rt_of_no_kind(string name, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    /// <summary>NCT04141943: an arm that "will receive information about radiotherapy via virtual reality".</summary>
    [Theory]
    [InlineData("The patients who are allocated to the VR arm will receive information about radiotherapy via virtual reality", null)]
    [InlineData("Patients watch an educational video on radiotherapy before their first session", null)]
    [InlineData("The patients who are allocated to this arm will receive radiotherapy with information leaflets", "RT, unspecified")]
    public void Information_about_rt_is_not_rt(string armDescription, string? modality)
    {
        var study = Normalise(WithPurpose(Trial("Virtual Reality Education in Breast Cancer", null, [Intervention("OTHER", "Virtual reality")],
            Arm("VR", armDescription, "Other: Virtual reality")), "OTHER"));

        Assert.Equal(modality, study.FreeText?.RtModality);
    }

    /// <summary>NCT04702581 and set 68's NCT03989323: the Hospices Civils de Lyon, a hospital group.</summary>
    [Theory]
    [InlineData("Civil Hospices of Lyon")]
    [InlineData("Hospices Civils de Lyon")]
    public void A_hospices_sponsor_is_an_organisation(string sponsor)
    {
        var protocol = WithArms([Intervention("RADIATION", "Radiotherapy")]);
        protocol["sponsorCollaboratorsModule"] = new JsonObject { ["leadSponsor"] = new JsonObject { ["name"] = sponsor, ["class"] = "OTHER" } };

        Assert.Equal(sponsor, Normalise(protocol).Summary.Institution);
    }
}
