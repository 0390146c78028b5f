using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// A second independent review (issue 10) of vocabulary .133-.134: RT of no kind becomes EBRT
/// where every kind the record names anywhere is external beam; pain, PSA, antigen and
/// biochemical responses are "other". Each case asserts what a careful systematic reviewer would
/// label (DOMAIN.md, LABELLING-GUIDE.md), not what the code does. Its twelve regressions are
/// mended at .135; four cases that .132 reads wrong too are listed in docs/adding-a-topic.md instead.
/// </summary>
public class ReviewOfSession51bRulesTests
{
    // ---- Where the bare RT should not become EBRT ----------------------------------------------

    [Fact]
    public void Apbi_trial_does_not_take_the_whole_breast_irradiation_it_replaces()
    {
        // The trial's RT is accelerated partial breast irradiation ("RT, unspecified" by the vocabulary: it may be brachytherapy, IORT or external beam); whole-breast irradiation is the standard it replaces.
        var study = Normalise(Trial("Accelerated Partial Breast Irradiation in Women Aged 60 or Over With Low-Risk Breast Cancer",
            "Whole-breast irradiation after lumpectomy lasts three to six weeks. This study tests whether accelerated partial breast irradiation (APBI) gives the same local control.",
            [Intervention("RADIATION", "Radiotherapy", "Accelerated partial breast irradiation to the lumpectomy cavity.")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Salvage_rt_for_recurrence_despite_imrt_stays_of_no_kind()
    {
        // The IMRT is the first course that failed; the salvage course for the recurrence names no kind (re-irradiation may be photons, protons, SBRT or brachytherapy).
        var study = Normalise(Trial("Salvage Radiotherapy for Locally Recurrent Nasopharyngeal Carcinoma",
            "Local recurrence develops in about 10% of patients despite intensity-modulated radiotherapy.",
            [Intervention("RADIATION", "Salvage radiotherapy")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Repeat_rt_for_recurrent_bone_pain_stays_of_no_kind()
    {
        // The external beam RT is the first course whose effect wore off; the repeat course names no kind of its own.
        var study = Normalise(Trial("Repeat Radiotherapy for Recurrent Pain From Bone Metastases",
            "Many patients whose pain was palliated with external beam radiotherapy have pain again within months.",
            [Intervention("RADIATION", "Repeat radiotherapy")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Radioiodine_remnant_ablation_does_not_take_external_beam_for_residual_disease()
    {
        // The trial's RT is radioactive iodine by mouth, "RT, unspecified" (guide rule 10); external beam is for other patients' gross residual disease.
        var study = Normalise(Trial("Low-Activity Remnant Ablation After Thyroidectomy for Differentiated Thyroid Cancer",
            "External beam radiotherapy is added for gross residual disease in the neck.",
            [Intervention("RADIATION", "Remnant ablation", "1.1 GBq of radioactive iodine by mouth four weeks after surgery.")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Intrabeam_during_lumpectomy_does_not_take_the_whole_breast_standard()
    {
        // 50 kV x-rays to the tumour bed during lumpectomy is intraoperative RT ("RT, unspecified"); whole-breast irradiation is the standard it may replace.
        var study = Normalise(Trial("Targeted Radiotherapy at the Time of Lumpectomy for Early Breast Cancer",
            "Whole-breast irradiation is the standard after breast-conserving surgery.",
            [Intervention("RADIATION", "Radiotherapy", "A single fraction from the INTRABEAM 50 kV x-ray source applied to the tumour bed during lumpectomy.")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Strontium_named_only_in_the_description_does_not_take_external_beam()
    {
        // The trial's "systemic radiation therapy" is intravenous strontium-89, a radionuclide ("RT, unspecified", guide rule 10); external beam is the alternative for a single site.
        var study = Normalise(Trial("Systemic Radiation Therapy for Painful Multifocal Bone Metastases From Prostate Cancer",
            "External beam radiotherapy relieves pain at a single site; patients with pain at many sites need a systemic treatment.",
            [Intervention("RADIATION", "Systemic radiation therapy", "Strontium-89 chloride 150 MBq as a single intravenous injection.")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Flash_rt_compared_with_a_conventional_cohort_stays_of_no_kind()
    {
        // FLASH RT is "RT, unspecified" by the vocabulary (given with protons or electrons); the external beam is the comparison cohort's, not the trial's.
        var study = Normalise(Trial("FLASH Radiotherapy for Painful Bone Metastases in the Extremities",
            "Pain relief and toxicity will be compared with a contemporaneous cohort given conventional external beam radiotherapy.",
            [Intervention("RADIATION", "FLASH radiotherapy")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void A_cohort_that_underwent_imrt_at_the_centre_does_not_give_re_irradiation_of_the_neck_its_kind()
    {
        // The IMRT is the earlier patients' first course, the comparison group; the trial's second course to the neck names no kind.
        var study = Normalise(Trial("Radiotherapy for Second Primary Head and Neck Cancers in an Irradiated Neck",
            "Between 2010 and 2018, 212 patients underwent IMRT at our centre for their first cancer; their late toxicity is the comparison group.",
            [Intervention("RADIATION", "Radiotherapy to the neck")]));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Free_text_reirradiation_does_not_take_the_first_courses_imrt()
    {
        // The titles' RT is a second course (re-irradiation names no kind); the IMRT is the first course the recurrences arose in.
        var free = Normalise(Trial("Pembrolizumab With Re-irradiation for Recurrent Head and Neck Squamous Cell Carcinoma",
            "Most recurrences arise within the high-dose volume of the first IMRT course.",
            [Intervention("DRUG", "Pembrolizumab")])).FreeText;

        Assert.Equal("RT, unspecified", free?.RtModality);
    }

    [Fact]
    public void Free_text_intraoperative_rt_does_not_take_the_whole_breast_standard()
    {
        // The titles' RT is given during surgery ("RT, unspecified"); whole-breast irradiation is the standard it replaces.
        var free = Normalise(Trial("Intraoperative Radiotherapy and Pembrolizumab in Early Triple-Negative Breast Cancer",
            "Whole-breast irradiation over three weeks is the standard after breast-conserving surgery.",
            [Intervention("DRUG", "Pembrolizumab")])).FreeText;

        Assert.Equal("RT, unspecified", free?.RtModality);
    }

    // ---- Where it should ------------------------------------------------------------------------

    [Fact]
    public void Nci_high_energy_x_ray_sentence_gives_ebrt()
    {
        // "Radiation therapy uses high-energy x-rays to kill tumor cells" is EBRT (guide rule 4), the only kind the record names.
        var study = Normalise(Trial("Radiation Therapy With or Without Temozolomide in Treating Older Patients With Glioblastoma",
            "Radiation therapy uses high-energy x-rays to kill tumor cells. Drugs used in chemotherapy, such as temozolomide, work in different ways to stop the growth of tumor cells.",
            [Intervention("RADIATION", "Radiation therapy"), Intervention("DRUG", "Temozolomide")]));

        Assert.Equal("EBRT", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Vmat_with_cone_beam_ct_in_the_protocol_gives_ebrt()
    {
        // VMAT is the trial's technique (guide rule 2: EBRT); cone-beam CT is imaging and names no other kind.
        var study = Normalise(Described(
            Trial("Radiotherapy With Concurrent and Adjuvant Temozolomide in Glioblastoma", "A phase II trial in newly diagnosed glioblastoma.",
                [Intervention("RADIATION", "Radiotherapy"), Intervention("DRUG", "Temozolomide")]),
            "Target volumes are contoured on a fused MRI. Patients are treated with VMAT, with daily cone-beam CT for position verification."));

        Assert.Equal("EBRT", study.Interventions[0].RtModality);
    }

    [Fact]
    public void Involved_site_rt_after_chemotherapy_in_the_protocol_gives_ebrt()
    {
        // Involved-site RT is EBRT (guide rule 4), the trial's consolidation.
        var study = Normalise(Described(
            Trial("Chemotherapy With or Without Radiotherapy for Early-Stage Hodgkin Lymphoma", "PET-guided treatment of early-stage Hodgkin lymphoma.",
                [Intervention("RADIATION", "Radiotherapy"), Intervention("DRUG", "ABVD")]),
            "Patients with a positive interim PET receive involved-site radiotherapy to 30 Gy after four cycles of ABVD."));

        Assert.Equal("EBRT", study.Interventions[0].RtModality);
    }

    // ---- Endpoints ------------------------------------------------------------------------------

    [Fact]
    public void Objective_response_named_first_beside_psa_response_is_orr()
    {
        // The measure names a RECIST objective response first; the PSA response beside it does not make the tumour response "other".
        Assert.Equal("ORR", Normalise(WithOutcome("Objective response rate per RECIST 1.1 and PSA response rate")).Outcomes[0].EndpointClass);
    }

    [Fact]
    public void Tumour_response_beside_pain_relief_is_orr()
    {
        // A tumour response by RECIST is ORR; the pain relief measured beside it is secondary wording, not the class.
        Assert.Equal("ORR", Normalise(WithOutcome("Tumour response (RECIST 1.1) and pain relief at 3 months")).Outcomes[0].EndpointClass);
    }

    [Fact]
    public void Overall_response_rate_of_pain_is_other()
    {
        // The International Consensus pain response after palliative RT is a response of pain, not of the tumour, as "pain response" is.
        Assert.Equal("other", Normalise(WithOutcome("Overall response rate of pain at the treated site (International Consensus Criteria)")).Outcomes[0].EndpointClass);
    }

    [Fact]
    public void Pain_free_survival_is_other()
    {
        // Survival free of pain is neither overall survival nor a disease's event-free survival.
        Assert.Equal("other", Normalise(WithOutcome("Pain-free survival")).Outcomes[0].EndpointClass);
    }

    [Fact]
    public void Time_to_psa_progression_is_other()
    {
        // PSA progression is biochemical, not a tumour's progression (as a PSA response is not its response).
        Assert.Equal("other", Normalise(WithOutcome("Time to PSA progression (PCWG3)")).Outcomes[0].EndpointClass);
    }

    [Fact]
    public void Ca125_antigen_response_is_other()
    {
        // A CA-125 response by GCIG criteria is a tumour marker's response, like a PSA response, not RECIST.
        Assert.Equal("other", Normalise(WithOutcome("Cancer antigen 125 response rate by GCIG criteria")).Outcomes[0].EndpointClass);
    }
}
