using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 98-101's findings (issue 10): stereotactic hypofractionated RT, schedules dosed beside
/// their names, doses a protocol prescribes apart from the RT it names, immunoradiotherapy, the
/// TPF regimen and surface-guided RT.
/// </summary>
public class Set98To101RulesTests
{
    /// <summary>NCT01464177: "Stereotactic hypofractionated RT 5x7Gy" against "... 5x5Gy" (guide rule 8).</summary>
    [Theory]
    [InlineData("Stereotactic hypofractionated RT 5x7Gy", "SBRT")]
    [InlineData("Stereotactic hypofractionated radiotherapy", "SBRT")]
    [InlineData("Hypofractionated stereotactic RT", "SBRT")]
    [InlineData("Hypofractionated RT 5x7Gy", "Hypofractionated RT")] // no stereotactic word
    public void Stereotactic_hypofractionated_rt_is_sbrt(string name, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    private const string StockholmSummary =
        "Patients with primarily resectable rectal cancer were randomized to short-course preoperative RT (5x5 Gy) followed by surgery within one week or after 4-8 weeks or long-course preoperative RT(25x2 Gy) followed by surgery after 4-8 weeks.";

    /// <summary>
    /// NCT00904813 (Stockholm III): "Short-course RT" and "Long-course RT", dosed only in the
    /// summary, each beside its own name (guide rule 6).
    /// </summary>
    [Fact]
    public void Schedules_dosed_beside_their_names_take_their_own_doses()
    {
        var study = Normalise(Trial("The Stockholm III Trial on Different Preoperative Radiotherapy Regimens in Rectal Cancer", StockholmSummary,
            [Intervention("RADIATION", "Short-course RT"), Intervention("RADIATION", "Long-course RT")]));

        Assert.Equal("Hypofractionated RT", study.Interventions[0].RtModality);
        Assert.Equal("RT, unspecified", study.Interventions[1].RtModality);
    }

    /// <summary>A dose elsewhere in the sentence is not the one beside the name; nor is the dose of a name that says only "Radiotherapy".</summary>
    [Theory]
    [InlineData("Short-course RT", "Patients were randomized to short-course preoperative RT followed by surgery, or to long-course RT; the boost was 5x5 Gy.")]
    [InlineData("Radiotherapy", "Patients were randomized to radiotherapy (5x5 Gy) or to chemoradiotherapy.")]
    public void A_dose_not_beside_the_name_is_not_read(string name, string summary)
    {
        var study = Normalise(Trial("Rectal Cancer Trial", summary, [Intervention("RADIATION", name), Intervention("RADIATION", "Long-course RT")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    /// <summary>NCT01777633: re-irradiation whose summary prescribes "30.6 Gray (Gy) ... in conformal radiation to tumor bed".</summary>
    [Theory]
    [InlineData("Radiation guidelines: 30.6 Gray (Gy) will be applied in 1.8 to 2Gy fractions in conformal radiation to tumor bed.", "EBRT")]
    // Not prescriptions. Of a kind other than external beam: a record that names only external
    // beam gives RT of no kind that kind whatever it prescribes (ExternalBeamOnlyRulesTests).
    [InlineData("Patients who progress will be given 30 Gy in stereotactic radiotherapy to the tumour.", "RT, unspecified")] // after the trial
    [InlineData("Earlier trials gave 30 Gy in stereotactic radiotherapy to the tumor bed.", "RT, unspecified")] // no prescription
    public void A_summary_that_prescribes_the_dose_names_the_kind(string summary, string modality)
    {
        var study = Normalise(Trial("Palliative Re-irradiation for Progressive DIPG in Children", summary,
            [Intervention("RADIATION", "Palliative re-irradiation for progressive DIPG in children")]));

        Assert.Equal(modality, study.Interventions[0].RtModality);
    }

    /// <summary>NCT04035642 (PROSINT II): no intervention; "IGRT" in one sentence, "will receive 24 Gy in a single-dose" in another.</summary>
    [Theory]
    [InlineData("Previously untreated patients with low- or intermediate-risk prostate cancer will receive 24 Gy in a single-dose.", "Hypofractionated RT")]
    [InlineData("Patients will receive 78 Gy in 39 fractions.", "EBRT")] // conventional fractions
    [InlineData("Patients who relapse will receive 24 Gy in a single-dose.", "EBRT")] // not the trial's
    public void A_record_of_no_intervention_takes_the_dose_its_summary_prescribes(string sentence, string modality)
    {
        var summary = "The present study evaluates outcomes of Single-Dose Image-Guided Radiotherapy (SD-IGRT). " + sentence;

        Assert.Equal(modality, Normalise(Trial("Phase II Study of Single-Dose Image-Guided Radiotherapy for Prostate Cancer", summary, [])).FreeText?.RtModality);
    }

    /// <summary>NCT01965483: "Adjuvant Radiotherapy in Breast Cancer Using a Once a Week Hypofractionated Regimen", no intervention.</summary>
    [Theory]
    [InlineData("Phase 2 Study of Adjuvant Radiotherapy in Breast Cancer Using a Once a Week Hypofractionated Regimen", "Hypofractionated RT")]
    [InlineData("Phase 2 Study of Adjuvant Radiotherapy in Breast Cancer Using a Once a Week Regimen", "RT, unspecified")]
    public void A_hypofractionated_regimen_is_hypofractionated_rt(string title, string modality)
    {
        Assert.Equal(modality, Normalise(Trial(title, null, [])).FreeText?.RtModality);
    }

    /// <summary>NCT05060471: toripalimab, in a trial titled "... Followed by Concurrent Immunoradiotherapy".</summary>
    [Fact]
    public void Immunoradiotherapy_in_a_title_gives_rt()
    {
        var study = Normalise(Trial("PD-1 Blockade Combined with Chemotherapy Followed by Concurrent Immunoradiotherapy for Locally Advanced SCCA Patients", null,
            [Intervention("DRUG", "Toripalimab")]));

        Assert.Equal("RT, unspecified", study.FreeText?.RtModality);
    }

    /// <summary>NCT04649476 "Camrelizumanb plus TPF"; NCT06342167's "Enteral nutritional emulsion (TPF-T)", a nutrition product's code, gives no drug.</summary>
    [Theory]
    [InlineData("DRUG", "Camrelizumab plus TPF", "camrelizumab,docetaxel,cisplatin,fluorouracil")]
    [InlineData("DIETARY_SUPPLEMENT", "Enteral nutritional emulsion (TPF-T)", "")]
    [InlineData("DRUG", "Enteral nutritional emulsion (TPF-T)", "")]
    [InlineData("DRUG", "FOLFOX-4", "fluorouracil,oxaliplatin")]
    [InlineData("PROCEDURE", "FOLFOX-HAIC", "fluorouracil,oxaliplatin")]
    [InlineData("DRUG", "TPF induction chemotherapy", "docetaxel,cisplatin,fluorouracil")]
    public void Tpf_gives_docetaxel_cisplatin_and_fluorouracil(string type, string name, string agents)
    {
        Assert.Equal(agents, string.Join(",", OnlyIntervention(Intervention(type, name)).Agents));
    }

    /// <summary>NCT06870799: "Surface guided radiation therapy" against a closed face mask, 6 MV photons.</summary>
    [Theory]
    [InlineData("Surface guided radiation therapy", "EBRT")]
    [InlineData("SGRT", "EBRT")]
    [InlineData("Surface disinfection", null)]
    public void Surface_guided_rt_is_external_beam(string name, string? modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }
}
