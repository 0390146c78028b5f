using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 84's findings (issue 10): an RT named by an acronym its record spells out, a title that studies its RT beside an RT-injury condition, a chemoradiation joined to a listed drug.</summary>
public class Set84RulesTests
{
    /// <summary>NCT00147732: "Radiation: ARCON", whose official title compares "Accelerated Radiotherapy With Accelerated Radiotherapy Plus Carbogen and Nicotinamide (ARCON)".</summary>
    [Theory]
    [InlineData("RADIATION", "ARCON", "RT, unspecified")]
    [InlineData("RADIATION", "TORCH", null)] // not the acronym the title spells out (and not one of RT: "CHART" is, Set90And91RulesTests)
    [InlineData("DRUG", "ARCON", null)] // a drug named so is not read for RT
    public void An_rt_named_by_an_acronym_takes_the_rt_its_record_spells_out(string type, string name, string? modality)
    {
        var protocol = WithArms([Intervention(type, name), Intervention("RADIATION", "Accelerated radiotherapy")]);
        protocol["identificationModule"] = new JsonObject
        {
            ["nctId"] = "NCT00000001",
            ["briefTitle"] = "Randomized Trial of ARCON in Larynx Cancer",
            ["officialTitle"] = "A Phase III Trial Comparing Accelerated Radiotherapy With Accelerated Radiotherapy Plus Carbogen and Nicotinamide (ARCON) in Laryngeal Carcinoma",
        };

        Assert.Equal(modality, Normalise(protocol).Interventions[0].RtModality);
    }

    /// <summary>
    /// NCT01164150: "Radiation: 45 Gy/25 fractions" in "... Trial Evaluating Adjuvant Pelvic
    /// Radiotherapy Using Either IMRT or 3-Dimensional Planning for Endometrial Cancer", whose
    /// conditions include "Radiation Toxicity": the toxicity is what it measures of its own RT.
    /// </summary>
    [Theory]
    [InlineData("Prospective Randomised Phase II Trial Evaluating Adjuvant Pelvic Radiotherapy Using Either IMRT or 3-Dimensional Planning for Endometrial Cancer", "EBRT")]
    [InlineData("A Study of Pelvic Radiotherapy Using IMRT for Endometrial Cancer", "EBRT")]
    [InlineData("Radiation Toxicity After Adjuvant Pelvic Radiotherapy Using IMRT", "RT, unspecified")] // the injury is the subject
    public void A_title_that_studies_its_rt_is_not_of_an_rt_injury(string title, string modality)
    {
        var protocol = Trial(title, null, [Intervention("RADIATION", "45 Gy/25 fractions")]);
        protocol["conditionsModule"] = new JsonObject { ["conditions"] = new JsonArray("Endometrial Cancer", "Radiation Toxicity") };

        Assert.Equal(modality, Normalise(protocol).Interventions[0].RtModality);
    }

    /// <summary>NCT01086332: "Evaluation of Nelfinavir and Chemoradiation for Pancreatic Cancer", whose interventions are "Drug: Nelfinavir" and "Drug: Gemcitabine".</summary>
    [Theory]
    [InlineData("Evaluation of Nelfinavir and Chemoradiation for Pancreatic Cancer", "RT, unspecified")]
    [InlineData("Nelfinavir With Chemoradiotherapy in Pancreatic Cancer", "RT, unspecified")]
    [InlineData("Evaluation of Nelfinavir in Patients After Chemoradiation", null)] // not joined: before the trial
    [InlineData("Evaluation of Metformin and Chemoradiation for Pancreatic Cancer", null)] // a drug the record does not list
    public void A_title_that_joins_chemoradiation_to_a_listed_drug_gives_the_rt(string title, string? modality)
    {
        var study = Normalise(Trial(title, null, [Intervention("DRUG", "Nelfinavir"), Intervention("DRUG", "Gemcitabine")]));

        Assert.Equal(modality, study.FreeText?.RtModality);
    }
}
