using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// RT a trial gives that none of its interventions registers (issue 10, vocabulary .157), read
/// from a title: a chemoradiation a listed drug is added to, the RT a title's drug sensitises, the
/// RT a title names where the interventions are only what the trial assesses, and the kind a
/// title names for the RT of no kind a summary gives. And radiolabelled antibodies named by brand.
/// </summary>
public class UnregisteredRtRulesTests
{
    /// <summary>
    /// NCT00957086 (set 144): "Study of Post-Op Adjuvant Concurrent Chemo-RT With or Without
    /// Nimotuzumab for Head &amp; Neck Cancer", listing only "Drug: Nimotuzumab" and "Drug: Placebo":
    /// every arm has the chemoradiation, as both annotators labelled it.
    /// </summary>
    [Theory]
    [InlineData("Study of Post-Op Adjuvant Concurrent Chemo-RT With or Without Nimotuzumab for Head & Neck Cancer", "Nimotuzumab", "RT, unspecified")]
    [InlineData("Adjuvant Chemoradiotherapy Plus Nimotuzumab in Oral Cavity Cancer", "Nimotuzumab", "RT, unspecified")]
    [InlineData("Study of Concurrent Chemoradiation Combined With Nimotuzumab in Cervical Cancer", "Nimotuzumab", "RT, unspecified")]
    [InlineData("Study of Concurrent Chemo-RT With or Without Nimotuzumab for Head & Neck Cancer", "Cetuximab", null)]
    [InlineData("Nutrition Counselling in Patients Receiving Chemoradiation With or Without Nimotuzumab", "Nimotuzumab", null)]
    [InlineData("Nimotuzumab Maintenance After Chemoradiotherapy Plus Nimotuzumab in Nasopharyngeal Carcinoma", "Nimotuzumab", null)]
    public void A_chemoradiation_that_a_listed_drug_is_added_to_is_given(string title, string drug, string? rt)
    {
        var study = Normalise(Trial(title, null, [Intervention("DRUG", drug), Intervention("DRUG", "Placebo")]));

        Assert.Equal(rt, study.FreeText?.RtModality);
    }

    /// <summary>
    /// NCT02757651 and NCT03946202 (set 144): "Intra-tumoural Hydrogen Peroxide as a Radiation
    /// Sensitizer", the only intervention "Hydrogen Peroxide": a sensitiser is given with the RT
    /// it sensitises, as both annotators labelled it.
    /// </summary>
    [Theory]
    [InlineData("KORTUC: Intra-tumoural Hydrogen Peroxide as a Radiation Sensitizer in Patients With Locally Advanced/Recurrent Breast Cancer", "RT, unspecified")]
    [InlineData("KORTUC Phase II - Intra-tumoural Radiation Sensitizer in Patients With Locally Advanced/Recurrent Breast Cancer", "RT, unspecified")]
    [InlineData("Intra-tumoural Hydrogen Peroxide in Patients With Breast Cancer Before Radiation", null)]
    [InlineData("Radiation Sensitivity of Lymphocytes in Patients With Breast Cancer", null)]
    public void The_rt_a_titles_drug_sensitises_is_given(string title, string? rt)
    {
        var study = Normalise(Trial(title, null, [Intervention("DRUG", "Hydrogen Peroxide")]));

        Assert.Equal(rt, study.FreeText?.RtModality);
    }

    /// <summary>
    /// NCT04218617 (set 71): "Single- vs. Two-Fraction Spine Stereotactic Radiosurgery for the
    /// Treatment of Vertebral Metastases", listing "Brief pain inventory (BPI)", "Simulation CT" and
    /// "QOL assessment"; NCT01287390 (set 96): "Adaptive, Image-guided, Intensity-modulated
    /// Radiotherapy ...", listing scoring of toxicity, video fluoroscopy and extra imaging. The
    /// title says what the trial gives where the interventions are only what it assesses.
    /// </summary>
    [Theory]
    [InlineData("Single- vs. Two-Fraction Spine Stereotactic Radiosurgery for the Treatment of Vertebral Metastases", "SBRT")]
    [InlineData("Adaptive, Image-guided, Intensity-modulated Radiotherapy for Head and Neck Cancer in the Reduced Volumes of Elective Neck", "EBRT")]
    [InlineData("Using Magnetic Resonance Imaging (MRI) to Assess Mandibular Responses to Radiation Therapy", null)]
    public void A_titles_rt_is_given_where_the_interventions_only_assess(string title, string? rt)
    {
        var study = Normalise(Trial(title, null,
            [Intervention("OTHER", "Brief pain inventory (BPI)"), Intervention("PROCEDURE", "Simulation CT"), Intervention("OTHER", "QOL assessment")]));

        Assert.Equal(rt, study.FreeText?.RtModality);
    }

    /// <summary>
    /// Not where an intervention is a treatment the vocabulary does not know ("Surgery", "Walk With
    /// Ease", "Hyperbaric Oxygen Therapy"): the title's RT may be where the patients are (NCT05964530,
    /// set 117: excision after "Neoadjuvant Chemoradiation Therapy"); nor in a supportive-care trial.
    /// </summary>
    [Theory]
    [InlineData("PROCEDURE", "Surgery", null)]
    [InlineData("BEHAVIORAL", "Walk With Ease questionnaire", null)]
    [InlineData("OTHER", "Hyperbaric Oxygen Therapy", null)]
    [InlineData("OTHER", "Quality of life questionnaire", "SUPPORTIVE_CARE")]
    public void A_titles_rt_is_not_given_where_an_intervention_treats_or_the_trial_supports_care(string type, string name, string? purpose)
    {
        var protocol = Trial("Stereotactic Radiosurgery for Vertebral Metastases", null, [Intervention("OTHER", "QOL assessment"), Intervention(type, name)]);
        var study = Normalise(purpose is null ? protocol : WithPurpose(protocol, purpose));

        Assert.Null(study.FreeText?.RtModality);
    }

    /// <summary>
    /// NCT05361798 (set 146): no intervention; "All participants will be treated with radiation
    /// therapy and ADT" beside the title's "Stereotactic Body Radiation Therapy": SBRT, as both
    /// annotators labelled it. Not where the title compares, or names imaging.
    /// </summary>
    [Theory]
    [InlineData("A Phase II Study Evaluating T-Cell Clonality After Stereotactic Body Radiation Therapy Alone and in Combination With the Immunocytokine M9241 in Prostate Cancer", "SBRT")]
    [InlineData("T-Cell Clonality After Stereotactic Body Radiation Therapy Versus Surgery in Prostate Cancer", "RT, unspecified")]
    [InlineData("PET Imaging of T-Cells After Stereotactic Body Radiation Therapy in Prostate Cancer", "RT, unspecified")]
    [InlineData("T-Cell Clonality After Proton or Stereotactic Body Radiation Therapy in Prostate Cancer", "RT, unspecified")]
    public void The_summarys_rt_of_no_kind_takes_the_one_kind_the_title_names(string title, string rt)
    {
        var study = Normalise(Trial(title, "All participants will be treated with radiation therapy and ADT. Some participants will also receive M9241.", []));

        Assert.Equal(rt, study.FreeText?.RtModality);
    }

    /// <summary>
    /// NCT01510184, NCT00322218, NCT00829465 (set 146): yttrium-90 ibritumomab tiuxetan and
    /// iodine-131 metuximab named by brand are radionuclide therapy (guide rule 10), not
    /// radioembolisation; the indium-111 dose of the Zevalin regimen is imaging.
    /// </summary>
    [Theory]
    [InlineData("Zevalin", "RT, unspecified")]
    [InlineData("Y-90-Zevalin", "RT, unspecified")]
    [InlineData("Yttrium-90 ibritumomab tiuxetan", "RT, unspecified")]
    [InlineData("Licartin", "RT, unspecified")]
    [InlineData("Bexxar", "RT, unspecified")]
    [InlineData("In-111 Zevalin", "")]
    [InlineData("Y-90 resin microspheres", "SIRT")]
    public void Radiolabelled_antibodies_named_by_brand_are_radionuclide_therapy(string name, string kinds)
    {
        Assert.Equal(kinds, Kinds(OnlyIntervention(Intervention("DRUG", name))));
    }
}
