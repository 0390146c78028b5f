using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 74's findings (issue 10): RT named by its planning, a summary's sentence of the trial's purpose, a title that combines kinds.</summary>
public class Set74RulesTests
{
    /// <summary>NCT00658840: a radiation intervention named by its planning steps, in a trial whose summary's purpose gives proton therapy.</summary>
    [Theory]
    [InlineData("The purpose of this trial is to improve the therapeutic effects by using proton therapy and chemotherapy concurrently.", "Proton")]
    [InlineData("In this study, capecitabine combined with proton therapy showed feasibility.", "RT, unspecified")] // what an earlier study did
    [InlineData("Proton therapy has been used for pancreatic cancer in Japan.", "RT, unspecified")] // background
    public void Rt_named_by_its_planning_takes_the_kind_of_the_trial_s_purpose(string purpose, string modality)
    {
        var study = Normalise(Trial(
            "Concurrent Chemo-radiotherapy With Capecitabine for Unresectable Locally Advanced Pancreatic Carcinoma",
            "Concurrent chemo-radiation therapy is generally used for palliation of unresectable pancreatic cancer patients. " + purpose,
            [Intervention("DRUG", "Capecitabine"), Intervention("RADIATION", "Localization, simulation and immobilization")]));

        Assert.Equal(modality, study.Interventions[1].RtModality);
    }

    [Fact]
    public void Planning_words_in_a_drug_name_give_no_rt()
    {
        Assert.Null(OnlyIntervention(Intervention("DRUG", "Immobilization of the limb with a cast")).RtModality);
    }

    /// <summary>NCT04518748: a record with no interventions whose title combines two kinds as courses.</summary>
    [Theory]
    [InlineData("Combined Y-90 Selective Internal Radiation Therapy (Y-90 SIRT) and Stereotactic Body Radiation Therapy (SBRT) in Hepatic Malignancy", new[] { "SBRT", "SIRT" })]
    [InlineData("Stereotactic Body Radiation Therapy After Prior Y-90 Selective Internal Radiation Therapy in Hepatic Malignancy", new[] { "SBRT" })] // the SIRT was before the trial
    [InlineData("Stereotactic Body Radiation Therapy (SBRT) in Hepatic Malignancy", new[] { "SBRT" })]
    public void A_title_that_combines_kinds_gives_each(string title, string[] modalities)
    {
        var study = Normalise(Trial(title, null, []));

        Assert.Equal(modalities, study.FreeText!.RtModalities.Order(StringComparer.Ordinal));
    }
}
