using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review (issue 10) of the rules of vocabulary .123 (sets 107-110): a single dose
/// named before "dose", "post" before an operation, a purpose that tests "whether" a therapy
/// improves an outcome, the NCI's "is studying", "as monotherapy", observational registries and
/// cohorts of the patients treated with an RT, and the vocabulary's BuCy, TBICy, "whole brain RT"
/// and "dynamic conformal arc". Each case asserts what a careful systematic reviewer would label
/// (DOMAIN.md, LABELLING-GUIDE.md), not what the code does.
/// </summary>
public class ReviewOfSession49RulesTests
{
    // ---- A single dose named before "dose" or "fraction" (RtDoseParser) -------------------------------

    [Theory]
    // Conventional pelvic RT, one 1.8 Gy fraction a day to 50.4 Gy: 28 fractions, not one (the rate comes after a comma).
    [InlineData("Pelvic radiotherapy is delivered as a single 1.8 Gy fraction, five days a week, to 50.4 Gy.")]
    // Whole-breast RT given one fraction "on each treatment day" is a daily schedule, not a single-fraction course.
    [InlineData("Whole-breast irradiation is given as a single 2.67 Gy fraction on each treatment day.")]
    // Weekly fractions on days 1, 8 and 15 are three fractions.
    [InlineData("Palliative radiotherapy is given as a single 4 Gy dose on days 1, 8 and 15.")]
    public void One_fraction_of_a_schedule_is_no_single_fraction_course(string text)
    {
        Assert.DoesNotContain(RtDoseParser.Doses(text), d => d.Fractions == (1, 1));
    }

    [Fact]
    public void A_single_eight_gray_dose_for_a_painful_bone_metastasis_is_one_fraction()
    {
        // "8 Gy x 1" is the classic single-fraction palliative course (guide rule 5 cites it).
        var dose = Assert.Single(RtDoseParser.Doses("Patients receive a single 8 Gy dose of radiotherapy to the painful bone metastasis."));

        Assert.Equal((1, 1), dose.Fractions);
    }

    [Fact]
    public void Low_dose_total_body_irradiation_in_a_single_two_gray_dose_stays_ebrt()
    {
        // TBI spelled out is EBRT (guide rule 4); one 2 Gy fraction is below 3 Gy, so not hypofractionated (rule 5).
        Assert.Equal("EBRT", OnlyIntervention(Intervention("RADIATION", "Total body irradiation", "TBI delivered as a single 2 Gy dose on day 0 before the haploidentical graft.")).RtModality);
    }

    // ---- "post" before an operation (GivenInText.PostOperative) ---------------------------------------

    [Theory]
    // A toxicity RT caused, studied after it (guide, per trial: "Cardiac Toxicity After Thoracic Radiotherapy" is rt = no).
    [InlineData("Capsular Contracture After Implant-Based Reconstruction and Post-Mastectomy Radiotherapy")]
    // Lymphoedema after axillary surgery and nodal RT: what patients live through after both, not the RT observed.
    [InlineData("Arm Lymphedema Following Axillary Dissection and Post-Operative Regional Nodal Irradiation")]
    public void An_observational_study_of_what_follows_post_operative_rt_observes_no_rt(string title)
    {
        Assert.Null(Normalise(Observational(title)).FreeText?.RtModality);
    }

    [Fact]
    public void Post_hysterectomy_vaginal_brachytherapy_is_given()
    {
        // "Post-hysterectomy" times the brachytherapy after the operation; the title's subject is the brachytherapy.
        Assert.Equal("Brachytherapy", Normalise(Trial("Post-Hysterectomy Vaginal Brachytherapy for Endometrial Cancer", null, [])).FreeText?.RtModality);
    }

    [Fact]
    public void Post_transplant_maintenance_nivolumab_is_given()
    {
        // The trial gives nivolumab as maintenance after the transplant; "post-transplant" times it, as "post-operative" does.
        Assert.Equal(["nivolumab"], Normalise(Trial("Post-Transplant Maintenance Nivolumab for Classical Hodgkin Lymphoma", null, [])).FreeText?.Agents ?? []);
    }

    // ---- A purpose that tests "whether" a therapy improves an outcome ---------------------------------

    [Fact]
    public void A_whether_clause_before_the_randomisation_keeps_the_rt_patients_are_randomised_to()
    {
        // Both arms receive SBRT; one adds pembrolizumab (guide rule 1: every kind given; the "with or without" arm gives the ICI).
        var free = Normalise(Trial("Pembrolizumab in Oligometastatic Non-Small Cell Lung Cancer",
            "To determine whether adding pembrolizumab improves progression-free survival, patients will be randomized to receive stereotactic body radiotherapy with or without pembrolizumab.", [])).FreeText;

        Assert.Equal("SBRT", free?.RtModality);
        Assert.Equal(["pembrolizumab"], free?.Agents ?? []);
    }

    [Fact]
    public void A_whether_clause_of_prior_therapy_keeps_the_radiosurgery_whose_efficacy_is_assessed()
    {
        // The study assesses the efficacy of radiosurgery; the anti-PD-1 therapy is prior (guide: RT or ICI before the trial is not given).
        var free = Normalise(Trial("Intracranial Control of Melanoma Brain Metastases",
            "We will examine whether prior exposure to anti-PD-1 therapy reduces the efficacy of stereotactic radiosurgery.", [])).FreeText;

        Assert.Equal("SBRT", free?.RtModality);
    }

    [Theory]
    // An imaging study during standard chemoradiotherapy (guide, per trial: imaging during RT is not the study's RT).
    [InlineData("Interim FDG-PET/CT in Head and Neck Cancer", "The purpose of this study is to determine whether FDG-PET/CT performed during chemoradiotherapy improves the prediction of locoregional control.")]
    // A de-escalation study that avoids RT gives none.
    [InlineData("Endocrine Therapy Alone in Low-Risk Luminal A Breast Cancer", "This single-arm study aims to determine whether avoiding radiotherapy in women with low-risk luminal A breast cancer reduces treatment burden without increasing local recurrence.")]
    // Withholding RT is its omission (as "omitting" is).
    [InlineData("Organ Preservation After Neoadjuvant Immunotherapy", "This trial will determine whether withholding radiotherapy after a clinical complete response reduces late toxicity.")]
    // A device tested during the patients' chemoradiotherapy: the trial gives the device, not the RT (supportive care).
    [InlineData("Oral Cryotherapy for Oral Mucositis in Head and Neck Cancer", "The study will test whether an oral cryotherapy device used during chemoradiotherapy reduces severe oral mucositis.")]
    public void A_whether_clause_of_something_else_done_around_rt_gives_no_rt(string title, string summary)
    {
        Assert.Null(Normalise(Trial(title, summary, [])).FreeText?.RtModality);
    }

    [Fact]
    public void A_whether_clause_of_a_biomarker_measured_during_an_ici_gives_no_ici()
    {
        // ctDNA is what the study measures during the patients' pembrolizumab; a biomarker study gives no ICI.
        var free = Normalise(Trial("Circulating Tumour DNA in Melanoma",
            "To determine whether measuring circulating tumour DNA during pembrolizumab treatment increases the accuracy of response assessment.", [])).FreeText;

        Assert.Empty(free?.Agents ?? []);
    }

    [Fact]
    public void A_historical_control_after_a_whether_clause_is_not_the_class_words_agent()
    {
        // Nivolumab is the historical control's; the trial's "PD-1 antibody" stays a class of no agent (DOMAIN.md: keep the class).
        var study = Normalise(Trial("PD-1 Antibody Plus Chemoradiotherapy for Locally Advanced Cervical Cancer",
            "The aim of this study is to determine whether adding a PD-1 antibody to concurrent chemoradiotherapy improves progression-free survival compared with historical controls treated with nivolumab alone.",
            [Intervention("DRUG", "PD-1 antibody"), Intervention("RADIATION", "Chemoradiotherapy")]));

        Assert.Empty(study.Interventions[0].Agents);
    }

    [Fact]
    public void A_whether_clause_of_hypofractionated_rt_gives_it()
    {
        // What the trial tests is hypofractionated RT against conventional RT (of no kind): the most specific kind.
        var free = Normalise(Trial("Fractionation Trial in Intermediate-Risk Prostate Cancer",
            "The aim is to assess whether hypofractionated radiotherapy reduces acute toxicity compared with conventional radiotherapy.", [])).FreeText;

        Assert.Equal("Hypofractionated RT", free?.RtModality);
    }

    // ---- The NCI's "is studying" --------------------------------------------------------------------------

    [Theory]
    // Late effects in survivors treated long ago: RT before the study (guide: RT only where the patients are is not the study's).
    [InlineData("Late Cardiac Effects in Hodgkin Lymphoma Survivors", "This clinical trial is studying late cardiac effects in survivors of Hodgkin lymphoma treated with mediastinal radiation therapy to see how often they occur.")]
    // A supportive-care design: dexamethasone is studied, the RT is what patients undergo.
    [InlineData("Dexamethasone in Preventing Pain Flare in Patients With Bone Metastases", "This randomized phase III trial is studying dexamethasone in preventing pain flare in patients with bone metastases who are undergoing radiation therapy.")]
    // A laboratory study of tissue from women treated with RT: biomarkers, not the RT (guide, per trial).
    [InlineData("Biomarkers in Tissue Samples From Women With Early Breast Cancer", "This research trial is studying biomarkers in tissue samples from women treated with radiation therapy for early breast cancer.")]
    public void What_a_trial_is_studying_around_rt_gives_no_rt(string title, string summary)
    {
        Assert.Null(Normalise(Trial(title, summary, [])).FreeText?.RtModality);
    }

    [Fact]
    public void Radiosurgery_studied_against_whole_brain_rt_gives_both_kinds()
    {
        // One arm gets radiosurgery, the other whole-brain RT: every kind the trial compares (guide rules 1, 4 and 8).
        var free = Normalise(Trial("Radiosurgery in Treating Patients With Brain Metastases",
            "This phase II trial is studying stereotactic radiosurgery to see how well it works compared to whole-brain radiation therapy in treating patients with brain metastases.", [])).FreeText;

        Assert.Equal("EBRT + SBRT", Kinds(free));
    }

    [Fact]
    public void The_side_effects_and_best_dose_of_nivolumab_with_rt_give_both()
    {
        // The NCI's phase I outline names what the trial gives: nivolumab together with radiation therapy.
        var free = Normalise(Trial("Nivolumab and Radiation Therapy in Glioblastoma",
            "This phase I trial is studying the side effects and best dose of nivolumab when given together with radiation therapy in treating patients with glioblastoma.", [])).FreeText;

        Assert.Equal(["nivolumab"], free?.Agents ?? []);
        Assert.NotNull(free?.RtModality);
    }

    // ---- "as monotherapy" ---------------------------------------------------------------------------------

    [Fact]
    public void Sbrt_as_monotherapy_is_given()
    {
        // "as monotherapy" names SBRT as the treatment the trial gives alone.
        Assert.Equal("SBRT", Normalise(Trial("Stereotactic Body Radiotherapy as Monotherapy for Low-Risk Prostate Cancer", null, [])).FreeText?.RtModality);
    }

    [Fact]
    public void Adverse_events_of_nivolumab_as_monotherapy_give_no_nivolumab()
    {
        // What the title studies is the toxicity nivolumab caused, not nivolumab given.
        Assert.Empty(Normalise(Trial("Immune-Related Adverse Events of Nivolumab as Monotherapy", null, [])).FreeText?.Agents ?? []);
    }

    // ---- Observational registries and cohorts of patients treated with RT or an ICI -----------------------

    [Theory]
    // Second cancers are a toxicity RT caused (guide, per trial: rt = no).
    [InlineData("Cohort Study of Second Malignancies in Children Treated With Radiotherapy")]
    // Hypothyroidism after neck RT is a toxicity it caused.
    [InlineData("Cohort Study of Hypothyroidism in Head and Neck Cancer Patients Treated With Radiotherapy")]
    // Xerostomia is a symptom RT caused; the registry measures it.
    [InlineData("Xerostomia Registry of Patients Treated With Intensity-Modulated Radiotherapy")]
    // Taste changes during RT: what patients live through during it (the guide's "Quality of Life of Patients Undergoing Radiotherapy").
    [InlineData("Prospective Cohort Study of Taste Changes During Head and Neck Radiotherapy")]
    public void A_cohort_that_measures_something_of_irradiated_patients_observes_no_rt(string title)
    {
        Assert.Null(Normalise(Observational(title)).FreeText?.RtModality);
    }

    [Fact]
    public void A_cohort_of_liver_enzymes_during_pembrolizumab_observes_no_ici()
    {
        // A toxicity an ICI caused, during it: the ICI is where the patients are, as RT is in the guide's examples.
        Assert.Empty(Normalise(Observational("Cohort Study of Liver Enzyme Elevation During Pembrolizumab Therapy")).FreeText?.Agents ?? []);
    }

    [Fact]
    public void A_registry_of_men_treated_by_brachytherapy_observes_it()
    {
        // "keeps a registry of the patients treated with it" (guide, per trial): rt = yes, brachytherapy.
        Assert.Equal("Brachytherapy", Normalise(Observational("National Registry of Men With Prostate Cancer Treated by Brachytherapy")).FreeText?.RtModality);
    }

    // ---- Vocabulary: whole brain RT, dynamic conformal arc, TBICy, BuCy, pathology complete response ------

    [Fact]
    public void Hippocampal_avoidance_whole_brain_rt_is_ebrt()
    {
        // Whole-brain RT with a sparing technique is EBRT, named alone or with a technique (guide rule 4).
        Assert.Equal("EBRT", OnlyIntervention(Intervention("RADIATION", "Hippocampal-avoidance whole brain RT")).RtModality);
    }

    [Fact]
    public void Radiosurgery_without_whole_brain_rt_is_sbrt_alone()
    {
        // "without" names the whole-brain RT absent (the SRS-alone arm): SBRT only (guide rules 1 and 8).
        Assert.Equal("SBRT", Kinds(OnlyIntervention(Intervention("RADIATION", "SRS without whole brain RT"))));
    }

    [Fact]
    public void Dynamic_conformal_arc_radiosurgery_is_sbrt()
    {
        // A technique that delivers radiosurgery is not a kind of its own (guide rule 2; rule 8: radiosurgery is SBRT).
        Assert.Equal("SBRT", Kinds(OnlyIntervention(Intervention("RADIATION", "Dynamic conformal arc radiosurgery"))));
    }

    [Fact]
    public void A_dynamic_conformal_arc_intervention_described_as_sbrt_is_sbrt()
    {
        // The description names the kind the technique delivers: SBRT, not EBRT or hypofractionated RT (guide rule 2).
        Assert.Equal("SBRT", Kinds(OnlyIntervention(Intervention("RADIATION", "Dynamic conformal arc (DCA)", "SBRT delivered with the DCA technique, 50 Gy in 5 fractions."))));
    }

    [Fact]
    public void Cy_tbi_never_spelled_out_names_no_kind()
    {
        // TBI is an acronym ambiguous outside RT (traumatic brain injury): alone it names no kind (guide rule 4; set 109's two annotators).
        Assert.Null(OnlyIntervention(Intervention("DRUG", "CyTBI")).RtModality);
    }

    [Fact]
    public void Cy_tbi_spelled_out_gives_cyclophosphamide_and_ebrt()
    {
        // Total body irradiation spelled out is EBRT (guide rule 4), 2 Gy fractions are not hypofractionated; Cy is cyclophosphamide.
        var terms = OnlyIntervention(Intervention("DRUG", "Cy/TBI", "Cyclophosphamide 120 mg/kg and total body irradiation 12 Gy in 6 fractions"));

        Assert.Equal("EBRT", terms.RtModality);
        Assert.Equal(["cyclophosphamide"], terms.Agents);
    }

    [Fact]
    public void A_drug_given_after_bucy_conditioning_is_not_bucy()
    {
        // The conditioning came before the drug the intervention gives; its busulfan and cyclophosphamide are not this intervention's.
        Assert.Empty(OnlyIntervention(Intervention("DRUG", "Ruxolitinib", "Ruxolitinib 5 mg twice daily from day +28 after BuCy conditioning")).Agents);
    }

    [Fact]
    public void Pathology_complete_response_is_pathological_response()
    {
        // ypT0N0 is a pathological complete response (DOMAIN.md: pathological response, pCR).
        var study = Normalise(WithOutcome("Pathology complete response (ypT0N0) rate"));

        Assert.Equal("pathological response", Assert.Single(study.Outcomes, o => o.Kind == "primary").EndpointClass);
    }
}
