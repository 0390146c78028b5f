using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 66's findings (issue 10): misspelt RT and class words, a drug's analogue, a summary that
/// says what every patient receives, and names of radioembolization, regimens and endpoints.
/// </summary>
public class Set66RulesTests
{
    [Theory]
    [InlineData("Radiotherpay", "RT, unspecified")] // NCT04821843, two letters swapped
    [InlineData("Radiotheraphy", "RT, unspecified")]
    [InlineData("Brachytherpy", "Brachytherapy")]
    [InlineData("Radiosurgey", "SBRT")]
    public void A_misspelt_rt_word_is_that_rt(string name, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    [Theory]
    [InlineData("Hyperfractionation")] // the opposite schedule, two edits from "hypofractionation"
    [InlineData("Radiosurgeon consultation")] // who gives it, two edits from "radiosurgery"
    [InlineData("Irradiated blood products")] // two edits from "irradiation"
    [InlineData("Radiography")]
    public void A_real_word_near_an_rt_word_is_not_that_rt(string name)
    {
        Assert.Null(OnlyIntervention(Intervention("OTHER", name)).RtModality);
    }

    [Fact]
    public void A_misspelt_class_word_gives_its_class()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Platinum based chemotherpay"));

        Assert.Equal(["chemotherapy"], terms.PartnerClasses);
    }

    [Theory]
    [InlineData("5-FU Analog based chemotherpay")] // NCT04821843
    [InlineData("Gemcitabine analogue")]
    public void A_drug_s_analogue_is_not_that_drug(string name)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name));

        Assert.Empty(terms.Agents);
        Assert.Equal(["chemotherapy"], terms.AgentClasses);
    }

    [Fact]
    public void A_drug_beside_an_analogue_of_another_is_given()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Cisplatin and a 5-FU analogue"));

        Assert.Equal(["cisplatin"], terms.Agents);
    }

    /// <summary>NCT01463605: RT only in the summary's sentence of what every patient receives, beside a structured drug.</summary>
    [Theory]
    [InlineData("All patients receive intensity modulated radiotherapy with conventional fraction.", "EBRT")]
    [InlineData("All participants will undergo stereotactic body radiotherapy to the primary tumour.", "SBRT")]
    public void A_summary_sentence_of_what_every_patient_receives_gives_its_rt(string sentence, string modality)
    {
        var study = Normalise(Trial("Nimotuzumab Combined With Radiotherapy for Older Patients", $"Nimotuzumab is a EGFR monoclonal antibody. {sentence}", [Intervention("DRUG", "nimotuzumab")]));

        Assert.Equal(modality, study.FreeText?.RtModality);
    }

    [Theory]
    [InlineData("All patients received radiotherapy before enrolment.")] // before the trial
    [InlineData("Patients often receive intensity modulated radiotherapy.")] // not every patient of this trial
    [InlineData("All patients receive nivolumab every two weeks.")] // no RT
    public void Other_summary_sentences_of_a_record_with_interventions_give_no_rt(string sentence)
    {
        var study = Normalise(Trial("Nivolumab for Older Patients", $"This trial studies nivolumab. {sentence}", [Intervention("DRUG", "nivolumab")]));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void A_summary_sentence_of_what_every_patient_receives_gives_no_ici_beside_structured_interventions()
    {
        var study = Normalise(Trial("Chemotherapy for Older Patients", "All patients receive chemotherapy and an anti-PD-1 antibody.", [Intervention("DRUG", "Chemotherapy")]));

        Assert.Empty(study.FreeText?.Targets ?? []);
    }

    [Theory]
    [InlineData("Holmium-166 polylactic microspheres", "Radioembolisation with 600 mg of Holmium-166 microspheres")] // NCT01612325, a device
    [InlineData("Ho-166 radioembolization", null)]
    public void Holmium_microspheres_are_radioembolization(string name, string? description)
    {
        Assert.Equal("SIRT", OnlyIntervention(Intervention("DEVICE", name, description)).RtModality);
    }

    [Fact]
    public void A_regimen_written_with_its_modification_after_it_is_its_drugs()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "FOLFOX6m"));

        Assert.Equal(["fluorouracil", "oxaliplatin"], terms.Agents.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Time to Intrahepatic Progression", "TTP")] // NCT03895359
    [InlineData("Time to Progression", "TTP")]
    [InlineData("Time to local progression", "local control")]
    public void Time_to_a_site_s_progression_is_its_class(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithPurpose(WithOutcome(measure), "TREATMENT")).Outcomes[0].EndpointClass);
    }
}
