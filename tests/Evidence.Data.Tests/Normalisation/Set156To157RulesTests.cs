using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Findings of sets 156-157 (issue 10, vocabulary .166): "Carbo", a survival measured in a
/// population an "other" term names, diarrhoea during RT as its injury, radiation oncology as a
/// specialty, observational patients "getting" or "requiring" RT, the timeliness of RT, death as a
/// competing risk, major bleeding as safety and "Partners" as an organisation.
/// </summary>
public class Set156To157RulesTests
{
    /// <summary>NCT01864772 (set 156, ELANFIT): "Carbo, 5FU, Cetuximab" gives carboplatin, as both annotators labelled it.</summary>
    [Theory]
    [InlineData("Carbo, 5FU, Cetuximab", "carboplatin + fluorouracil")]
    [InlineData("Carbo/Taxol", "carboplatin + paclitaxel")]
    [InlineData("Carbogen breathing", "")]
    public void Carbo_is_carboplatin(string name, string agents)
    {
        Assert.Equal(agents, string.Join(" + ", OnlyIntervention(Intervention("DRUG", name)).Agents.Order(StringComparer.Ordinal)));
    }

    /// <summary>
    /// NCT04385368 (set 156, MERMAID-1): "Disease free survival (DFS) in MRD+ analysis set" is
    /// DFS/RFS measured in the patients with minimal residual disease, as both annotators labelled
    /// it; a rate of MRD itself stays "other".
    /// </summary>
    [Theory]
    [InlineData("Disease free survival (DFS) in MRD+ analysis set (using Investigator assessments according to RECIST 1.1)", "DFS/RFS")]
    [InlineData("Overall survival among the MRD-positive patients", "OS")]
    [InlineData("Rate of MRD negativity after consolidation", "other")]
    public void A_survival_in_an_mrd_population_keeps_its_class(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes.Single().EndpointClass);
    }

    /// <summary>
    /// NCT00444093 (set 156): "Treatment of Therapy-Associated Diarrhea During Percutaneous
    /// Radiation Therapy of the Small Pelvis": the diarrhoea the drugs treat is what the trial
    /// measures, "other", as both annotators labelled it, not the safety of a treatment it gives.
    /// </summary>
    [Fact]
    public void Diarrhoea_during_rt_is_what_the_trial_treats()
    {
        var protocol = WithArms([Intervention("DRUG", "Loperamide"), Intervention("DRUG", "Tincture of opium")]);
        protocol["identificationModule"] = new System.Text.Json.Nodes.JsonObject
        {
            ["nctId"] = "NCT00000001",
            ["briefTitle"] = "Prospective Randomized Open Label Study of the Treatment of Therapy-Associated Diarrhea During Percutaneous Radiation Therapy of the Small Pelvis",
        };
        protocol["outcomesModule"] = new System.Text.Json.Nodes.JsonObject
        {
            ["primaryOutcomes"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["measure"] = "Proportion of patients in whom diarrhoea of grade > 2 is averted" }),
        };

        Assert.Equal("other", Normalise(protocol).Outcomes.Single().EndpointClass);
    }

    /// <summary>
    /// NCT05351294 and NCT03995927 (set 157): "Early Radiation Oncology Involvement Alongside
    /// Standard Oncologic Care" and a "radiation oncology clinic" are the specialty's care, not RT,
    /// as both annotators labelled them; "the Timeliness of Palliative Radiotherapy" is measured,
    /// not given.
    /// </summary>
    [Theory]
    [InlineData("Early Radiation Oncology Involvement Alongside Standard Oncologic Care", "Early Radiation Oncology Involvement for Advanced Lung Cancer")]
    [InlineData("Dedicated palliative clinic", "Palliative Radiation Oncology Chief's Clinic (PROCC): Assessing the Impact of a Dedicated Clinic on the Timeliness of Palliative Radiotherapy")]
    public void Radiation_oncology_care_and_timeliness_give_no_rt(string name, string title)
    {
        var study = Normalise(Trial(title, null, [Intervention("OTHER", name)]));

        Assert.Equal("", TrialKinds(study));
    }

    /// <summary>
    /// NCT01808833 (set 157): the observational "Frailty Study of Older Adults Getting Chemotherapy
    /// and Radiation Therapy" follows patients through their RT; it gives none, as both
    /// annotators labelled it.
    /// </summary>
    [Theory]
    [InlineData("Frailty Study of Older Adults Getting Chemotherapy and Radiation Therapy")]
    [InlineData("Frailty Assessment in Older Adults Requiring Concurrent Chemotherapy Plus Radiation Therapy")]
    public void Observed_patients_getting_rt_are_not_given_it(string title)
    {
        Assert.Equal("", TrialKinds(Normalise(Observational(title))));
    }

    /// <summary>
    /// NCT03080883 (set 157): "CIF of Major or Clinically Relevant Non-major Bleeding Combined With
    /// Death as Competing Risk" of an anticoagulant is safety, as both annotators labelled it: death
    /// is the competing risk the analysis allows for, not OS.
    /// </summary>
    [Theory]
    [InlineData("CIF of Major or Clinically Relevant Non-major Bleeding Combined With Death as Competing Risk", "safety")]
    [InlineData("Incidence of major bleeding", "safety")]
    [InlineData("Death from any cause", "OS")]
    public void Death_as_a_competing_risk_is_not_survival(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes.Single().EndpointClass);
    }

    /// <summary>NCT04049188 (set 157): a sponsor "Care Partners" is an organisation, not a person, as both annotators labelled it.</summary>
    [Fact]
    public void Partners_is_an_organisation()
    {
        var study = Normalise(Sponsored("Care Partners", "OTHER", null));

        Assert.Equal("Care Partners", study.Summary.Institution);
    }
}
