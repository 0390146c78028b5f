using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// RT of no kind in a record whose only kind of RT, wherever it speaks of RT, is external beam
/// (vocabulary .133): the annotators of sets 8, 55, 58, 73, 88, 91, 103, 104, 107, 110, 117 and
/// 119 labelled such RT EBRT where no sentence gives it that kind as the trial's own, reading the
/// record as a whole ("whole-breast irradiation is a standard of care" in a trial of omitting
/// "Radiotherapy"). A list of what radiation may use names no kind (labelling guide, rule 4).
/// </summary>
public class ExternalBeamOnlyRulesTests
{
    private static System.Text.Json.Nodes.JsonObject OmissionTrial(string summary) => Trial(
        "Radiotherapy Omission in Low-Risk Ductal Carcinoma In Situ",
        summary,
        [Intervention("RADIATION", "Radiotherapy"), Intervention("OTHER", "No Radiotherapy")]);

    /// <summary>NCT03878342: the RT omitted is the standard the summary names.</summary>
    [Fact]
    public void Rt_of_no_kind_takes_the_external_beam_the_record_names_as_background()
    {
        var study = Normalise(OmissionTrial(
            "For localized ductal carcinoma in situ (DCIS) of the breast, whole-breast irradiation (WBRT) is a standard of care after breast-conserving surgery. "
            + "This study aims to select patients who could safely avoid WBRT."));

        Assert.Equal("EBRT", study.Interventions[0].RtModality);
        Assert.Null(study.Interventions[1].RtModality);
        var source = Assert.Single(study.Sources, s => s.Entity == "intervention" && s.EntityOrdinal == 0 && s.Field == NormalisedField.RtModality);
        Assert.Equal(RecordFields.BriefSummary, source.SourceField);
    }

    /// <summary>NCT02586753: the protocol in the detailed description names the technique; the arms name only "radiotherapy".</summary>
    [Fact]
    public void Rt_of_no_kind_takes_the_technique_the_detailed_description_names()
    {
        var study = Normalise(Described(
            Trial("Concurrent Chemoradiotherapy for Esophageal Cancer", "Patients will be randomised to two concurrent chemotherapy regimens.",
                [Intervention("RADIATION", "Radiotherapy"), Intervention("DRUG", "Paclitaxel plus Cisplatin")]),
            "Radiotherapy: patients will undergo CT simulation, and three-dimensional conformal radiation therapy (3DCRT) will be delivered."));

        Assert.Equal("EBRT", study.Interventions[0].RtModality);
    }

    /// <summary>NCT01179074: RT named in the titles only, the summary comparing "stenting and external beam radiotherapy" with stenting alone.</summary>
    [Fact]
    public void Free_text_rt_of_no_kind_takes_the_external_beam_the_summary_names()
    {
        var protocol = Trial(
            "Palliative Stenting With or Without Radiotherapy for Inoperable Oesophageal Carcinoma",
            "To assess the benefits of oesophageal stenting and external beam radiotherapy over oesophageal stenting alone in patients with inoperable oesophageal cancer",
            []);

        var study = Normalise(protocol);

        Assert.Equal("EBRT", study.FreeText?.RtModality);
    }

    /// <summary>
    /// Sentences that no rule reads as this trial's protocol or prescription (Set98To101RulesTests,
    /// Set111To113RulesTests), in records that name no other kind: external beam all the same.
    /// </summary>
    [Theory]
    [InlineData("Intensity modulated radiotherapy has been used widely in cervical cancer.")]
    [InlineData("Patients who progress will be given 30 Gy in conformal radiation to the tumour.")]
    public void Background_external_beam_gives_rt_of_no_kind_its_kind(string sentence)
    {
        Assert.Equal("EBRT", Normalise(OmissionTrial(sentence)).Interventions[0].RtModality);
    }

    [Theory]
    // External beam only as history or absence: the trial's RT may be another.
    [InlineData("Patients with prior high energy x-rays to the pelvis are excluded.")]
    [InlineData("Patients who received whole-breast irradiation before are not eligible.")]
    // External beam of other patients or times ("earlier", "historical", "were treated").
    [InlineData("Earlier trials gave 30.6 Gy in conformal radiation to the tumor bed.")]
    // Another kind anywhere in the record: what the bare RT is stays open.
    [InlineData("Whole-breast irradiation is standard; stereotactic body radiotherapy has also been used in small series.")]
    [InlineData("Whole-breast irradiation is standard; hypofractionated schedules are common.")]
    [InlineData("Whole-breast irradiation is standard; brachytherapy is an alternative.")]
    // A list of what radiation may use names no kind (guide rule 4).
    [InlineData("Radiation therapy uses high energy x-rays, particles, or radioactive seeds to kill cancer cells.")]
    [InlineData("Radiation therapy uses high-energy x-rays, gamma rays, neutrons, protons or other sources to kill tumour cells.")]
    [InlineData("Radiation therapy uses high-energy x-rays or other types of radiation to kill cancer cells.")]
    [InlineData("Radiation therapy uses high energy x-rays/gamma rays to kill tumor cells.")]
    // No kind at all.
    [InlineData("Radiotherapy after surgery is the standard of care.")]
    public void Rt_of_no_kind_stays_so_where_the_record_names_another_kind_or_none(string summary)
    {
        var study = Normalise(OmissionTrial(summary));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    /// <summary>NCT03789149: RT given during surgery is not external beam, whatever the background says of whole-brain RT.</summary>
    [Fact]
    public void Intraoperative_rt_does_not_take_the_external_beam_of_the_background()
    {
        var study = Normalise(Trial(
            "Intraoperative Radiotherapy for Brain Metastases",
            "In prospective studies, whole-brain radiotherapy (WBRT) reduced the rate of recurrence after resection.",
            [Intervention("RADIATION", "Intraoperative Radiotherapy"), Intervention("PROCEDURE", "Resection")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    /// <summary>"Recurrence After External Beam Radiotherapy": the first course, before the trial.</summary>
    [Fact]
    public void A_titles_earlier_external_beam_is_not_the_salvage_rts_kind()
    {
        var study = Normalise(Trial(
            "Salvage Radiotherapy for Local Recurrence After External Beam Radiotherapy for Prostate Cancer",
            null,
            [Intervention("RADIATION", "Salvage radiotherapy")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    /// <summary>A radionuclide named by its isotope and typed as radiation is not external beam.</summary>
    [Theory]
    [InlineData("Iodine I 131 tositumomab")]
    [InlineData("Lutetium Lu 177 dotatate")]
    public void A_radionuclide_typed_as_radiation_does_not_take_the_external_beam_the_record_names(string name)
    {
        var study = Normalise(Trial(
            "Radiolabeled Therapy in Treating Patients With Bone Metastases",
            "External beam radiotherapy relieves the pain of a single bone metastasis; pain from many is the subject of this trial.",
            [Intervention("RADIATION", name)]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    /// <summary>An intracavitary boost named by its applicators is brachytherapy (vocabulary .134, from the review of .133).</summary>
    [Theory]
    [InlineData("HDR boost with tandem and ovoid applicators")]
    [InlineData("Tandem and ring brachytherapy boost")]
    public void A_boost_named_by_its_applicators_is_brachytherapy(string name)
    {
        Assert.Equal("Brachytherapy", Kinds(OnlyIntervention(Intervention("RADIATION", name))));
    }

    /// <summary>A radioligand is a drug: external beam named beside it in a comparison is not its kind.</summary>
    [Fact]
    public void A_radioligand_does_not_take_the_external_beam_the_record_names()
    {
        var study = Normalise(Trial(
            "Lutetium Lu 177 Dotatate or External Beam Radiation Therapy for Meningioma",
            "This trial compares peptide receptor radionuclide therapy (PRRT) with external beam radiation therapy (EBRT).",
            [Intervention("DRUG", "Lutetium Lu 177 Dotatate")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }
}
