using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// A second independent review (issue 10) of the rules of vocabulary .124 (sets 111-113 and the
/// mends of the review of the sets 107-110 rules): local ablative and metastasis-directed
/// therapy, a title that opens with a listed drug joined to RT, a technique right before the kind
/// it delivers, other names, "without" in names, HIPEC and PIPAC, the single-dose veto, the
/// "whether" and "is studying" fallbacks, registries of treated patients, "post" after "after",
/// and names with TBI. Each case asserts what a careful systematic reviewer would label
/// (DOMAIN.md, LABELLING-GUIDE.md), not what the code does.
/// </summary>
public class ReviewOfSession49bRulesTests
{
    private static InterventionTerms Only(string type, string name, string? description = null, string[]? otherNames = null) =>
        OnlyIntervention(Intervention(type, name, description, otherNames));

    // ---- Local ablative / metastasis-directed therapy read through its description -------------------

    [Theory]
    // The palliative RT belongs to the control arm's patients, "as needed": the LAT itself is surgery or RFA.
    [InlineData("Local ablative therapy", "Surgery or radiofrequency ablation of all residual metastases. Patients in the control arm receive maintenance chemotherapy and palliative radiotherapy as needed.")]
    // The description excludes RT outright: the local therapy is surgery or thermal ablation only.
    [InlineData("Metastasis-directed local therapy", "Surgery, radiofrequency ablation or cryoablation of every metastasis. Stereotactic radiotherapy is not permitted.")]
    // RT named as the rationale from earlier evidence, not as what this intervention delivers.
    [InlineData("Local ablative therapy (LAT)", "Thermal ablation or surgery of all metastases. Stereotactic radiotherapy has been shown to improve survival in oligometastatic disease.")]
    // The SBRT is the other arm's, named only to contrast it with this one.
    [InlineData("Local ablative therapy", "Surgery or thermal ablation, as an alternative to the stereotactic radiotherapy given in the other arm")]
    public void A_local_ablative_therapy_whose_description_names_rt_it_does_not_give_gives_no_rt(string name, string description)
    {
        var study = Normalise(Trial("Local Therapy in Oligometastatic Cancer", null, [Intervention("PROCEDURE", name, description)]));

        Assert.Null(study.Interventions[0].RtModality);
    }

    [Fact]
    public void Local_consolidative_therapy_by_sbrt_or_hypofractionated_rt_gives_both()
    {
        // Guide rule 1: each alternative the local therapy may be is a kind it gives.
        Assert.Equal("Hypofractionated RT + SBRT", Kinds(Only("PROCEDURE", "Local consolidative therapy", "Surgery, stereotactic body radiotherapy or hypofractionated radiotherapy to all residual sites of disease")));
    }

    [Fact]
    public void Metastasis_directed_therapy_without_the_word_local_reads_its_description()
    {
        // "MDT" as registrants name it (the changelog names "metastasis-directed"): its description says SBRT.
        Assert.Equal("SBRT", Only("PROCEDURE", "Metastasis-directed therapy (MDT)", "Stereotactic body radiotherapy to every PSMA-PET-detected metastasis, 30 Gy in 3 fractions").RtModality);
    }

    [Fact]
    public void Local_ablative_therapy_by_microwave_ablation_is_locoregional()
    {
        // The description's surgery or MWA is locoregional (DOMAIN.md); RT named only as the lesions' history gives none.
        var terms = Only("PROCEDURE", "Local ablative therapy", "Surgical resection or microwave ablation of residual lesions after first-line chemotherapy; lesions previously treated with radiotherapy are ablated");

        Assert.Contains("locoregional", terms.PartnerClasses);
        Assert.Null(terms.RtModality);
    }

    // ---- A title that opens with a listed drug joined to RT ------------------------------------------

    [Fact]
    public void A_title_of_a_drug_and_radiotherapy_omission_gives_no_rt()
    {
        // The trial omits RT and gives letrozole alone; "Radiotherapy Omission" is what it studies, not RT it gives.
        var free = Normalise(WithPurpose(Trial("Letrozole and Radiotherapy Omission in Older Women With Low-Risk Breast Cancer", null, [Intervention("DRUG", "Letrozole")]), "TREATMENT")).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_title_of_a_drug_and_prior_radiotherapy_gives_no_rt()
    {
        // RT before the trial (guide: RT or ICI before the trial is not given).
        var free = Normalise(WithPurpose(Trial("Pembrolizumab and Prior Radiotherapy in Non-Small Cell Lung Cancer", null, [Intervention("DRUG", "Pembrolizumab")]), "TREATMENT")).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_title_of_a_drug_and_radiotherapy_sequencing_gives_the_rt()
    {
        // A trial of the order of tamoxifen and RT gives both; the RT is of no stated kind.
        var free = Normalise(WithPurpose(Trial("Tamoxifen and Radiotherapy Sequencing in Early Breast Cancer", null, [Intervention("DRUG", "Tamoxifen")]), "TREATMENT")).FreeText;

        Assert.Equal("RT, unspecified", free?.RtModality);
    }

    // ---- A technique right before a kind -------------------------------------------------------------

    [Theory]
    // A boost is a second course after the pelvic IMRT (guide rule 1: "pelvic IMRT 45 Gy followed by a stereotactic boost": EBRT + SBRT).
    [InlineData("Whole-pelvis IMRT-SBRT boost")]
    // Whole-brain RT is a course of its own, not the radiosurgery boost's technique (guide rules 1, 4 and 8).
    [InlineData("WBRT SRS boost")]
    public void A_main_course_right_before_a_stereotactic_boost_is_a_course_of_its_own(string name)
    {
        Assert.Equal("EBRT + SBRT", Kinds(Only("RADIATION", name)));
    }

    [Fact]
    public void Vmat_right_before_sbrt_delivers_it()
    {
        // Guide rule 2: "SBRT delivered with VMAT" is SBRT.
        Assert.Equal("SBRT", Kinds(Only("RADIATION", "VMAT SBRT")));
    }

    [Fact]
    public void An_imrt_intervention_described_with_a_stereotactic_boost_gives_both_courses()
    {
        // The very example of guide rule 1: pelvic IMRT 45 Gy followed by a stereotactic boost is EBRT + SBRT.
        var terms = Only("RADIATION", "IMRT", "45 Gy in 25 fractions to the pelvic lymph nodes, followed by a stereotactic body radiotherapy boost of 21 Gy in 3 fractions to the prostate");

        Assert.Equal("EBRT + SBRT", Kinds(terms));
    }

    [Fact]
    public void A_vmat_intervention_described_as_sbrt_is_sbrt()
    {
        // The technique delivers the SBRT its description names (guide rule 2), 8 Gy per fraction notwithstanding (rule 5 is about the kind named).
        Assert.Equal("SBRT", Kinds(Only("RADIATION", "VMAT", "Stereotactic body radiotherapy, 40 Gy in 5 fractions, planned with two arcs")));
    }

    // ---- Other names ---------------------------------------------------------------------------------

    [Fact]
    public void An_other_name_of_sbrt_beside_low_dose_rt_is_a_second_course()
    {
        // Low-dose RT and SBRT cannot be one RT: both courses (guide rule 7: "SBRT and LDRT" is SBRT + RT, unspecified).
        Assert.Equal("RT, unspecified + SBRT", Kinds(Only("RADIATION", "Low-dose radiotherapy", otherNames: ["LDRT", "SBRT"])));
    }

    // ---- "without" in names --------------------------------------------------------------------------

    [Fact]
    public void Radiosurgery_with_slash_without_whole_brain_rt_gives_both()
    {
        // "with/without" is "with or without": one arm gives the whole-brain RT (guide rules 1, 4 and 8).
        Assert.Equal("EBRT + SBRT", Kinds(Only("RADIATION", "Stereotactic radiosurgery with/without whole-brain radiotherapy")));
    }

    [Fact]
    public void A_drug_with_slash_without_sbrt_gives_the_sbrt()
    {
        // One arm adds SBRT to durvalumab: the intervention gives SBRT in that arm.
        var terms = Only("DRUG", "Durvalumab with/without SBRT");

        Assert.Equal("SBRT", terms.RtModality);
        Assert.Equal(["durvalumab"], terms.Agents);
    }

    [Fact]
    public void Chemotherapy_with_versus_without_radiotherapy_gives_the_rt()
    {
        // "with versus without": the comparison's experimental arm gives RT (of no kind).
        Assert.Equal("RT, unspecified", Only("DRUG", "Chemotherapy with versus without radiotherapy").RtModality);
    }

    [Fact]
    public void Chemotherapy_without_rt_versus_with_rt_gives_the_rt()
    {
        // The second arm gives RT; only the first "without" removes it.
        Assert.Equal("RT, unspecified", Only("RADIATION", "Chemotherapy without radiotherapy versus with radiotherapy").RtModality);
    }

    // ---- HIPEC and PIPAC ------------------------------------------------------------------------------

    [Fact]
    public void Cytoreductive_surgery_without_hipec_is_not_locoregional()
    {
        // The PRODIGE 7 control arm: surgery alone, the HIPEC is absent.
        Assert.DoesNotContain("locoregional", Only("PROCEDURE", "Cytoreductive surgery without HIPEC").PartnerClasses);
    }

    [Fact]
    public void Systemic_chemotherapy_beside_crs_hipec_keeps_its_class()
    {
        // The systemic chemotherapy is not the procedure's drugs (guide: "a drug beside it ... is a partner of its own"); HIPEC is locoregional.
        var terms = Only("PROCEDURE", "Perioperative systemic chemotherapy plus CRS-HIPEC");

        Assert.Contains("chemotherapy", terms.PartnerClasses);
        Assert.Contains("locoregional", terms.PartnerClasses);
    }

    [Fact]
    public void Hipec_with_mitomycin_lists_the_drug_and_is_locoregional_alone()
    {
        // Guide: a locoregional procedure that delivers drugs lists them as agents, its partner class locoregional alone.
        var terms = Only("PROCEDURE", "HIPEC with mitomycin C");

        Assert.Equal(["mitomycin"], terms.Agents);
        Assert.Equal(["locoregional"], terms.PartnerClasses);
    }

    // ---- A single dose (RtDoseParser) ----------------------------------------------------------------

    [Theory]
    // "on day 1" says when the one fraction is given, not a schedule of many (the nivolumab is "every 2 weeks").
    [InlineData("SBRT is delivered as a single 24 Gy fraction on day 1, followed by nivolumab every 2 weeks.", 24)]
    // 8 Gy x 1 to each metastasis: one fraction per site (guide rule 5 cites 8 Gy x 1).
    [InlineData("Patients receive a single 8 Gy fraction to each painful bone metastasis.", 8)]
    // "7 days before" times the single fraction against the ICI.
    [InlineData("Radiotherapy is given as a single 8 Gy fraction, 7 days before the first cycle of pembrolizumab.", 8)]
    public void A_single_fraction_timed_or_repeated_per_site_is_one_fraction(string text, double gy)
    {
        Assert.Contains(RtDoseParser.Doses(text), d => d.Fractions == (1, 1) && d.TotalGy == (gy, gy));
    }

    // ---- "whether" and "is studying" in records of no intervention -----------------------------------

    [Fact]
    public void Whether_the_combination_of_an_ici_and_sbrt_improves_an_outcome_gives_both()
    {
        // What the trial tests is durvalumab with SBRT.
        var free = Normalise(Trial("Oligometastatic Lung Cancer", "This trial will evaluate whether the combination of durvalumab and stereotactic body radiotherapy improves progression-free survival in patients with oligometastatic lung cancer.", [])).FreeText;

        Assert.Equal("SBRT", free?.RtModality);
        Assert.Equal(["durvalumab"], free?.Agents ?? []);
    }

    [Theory]
    // Dose-escalated RT is what the trial tests (RT of no kind).
    [InlineData("Intermediate-Risk Prostate Cancer", "To determine whether dose-escalated radiotherapy improves biochemical control in men with intermediate-risk prostate cancer.")]
    // The NCI's outline: the trial studies reduced-dose RT.
    [InlineData("HPV-Positive Oropharyngeal Cancer", "This phase II trial is studying reduced-dose radiation therapy in treating patients with HPV-positive oropharyngeal cancer.")]
    // Accelerated RT given with nimorazole (a radiosensitiser the vocabulary does not know) is what is tested.
    [InlineData("Locally Advanced Head and Neck Cancer", "To evaluate whether accelerated radiotherapy with nimorazole improves locoregional control in head and neck cancer.")]
    public void What_a_trial_tests_or_studies_after_a_schedule_word_gives_the_rt(string title, string summary)
    {
        Assert.Equal("RT, unspecified", Normalise(Trial(title, summary, [])).FreeText?.RtModality);
    }

    [Fact]
    public void A_trial_studying_the_use_of_proton_therapy_gives_it()
    {
        // "the use of" is how the NCI outlines name what the trial gives.
        var free = Normalise(Trial("Medulloblastoma in Children", "This pilot trial is studying the use of proton beam radiation therapy in treating children with medulloblastoma.", [])).FreeText;

        Assert.Equal("Proton", free?.RtModality);
    }

    [Fact]
    public void Whether_the_heart_dose_of_rt_increases_cardiac_events_gives_no_rt()
    {
        // A dosimetric question about RT patients already receive: the RT is where the patients are, not what the trial gives.
        var free = Normalise(Trial("Cardiac Events in Lung Cancer", "The purpose of this study is to determine whether radiotherapy dose to the heart increases cardiac events in patients with lung cancer.", [])).FreeText;

        Assert.Null(free?.RtModality);
    }

    // ---- Observational registries of patients treated with an RT or an ICI ---------------------------

    [Theory]
    // "Registry for" is "Registry of" (guide, per trial: a registry of the patients treated with it observes it).
    [InlineData("Registry for Patients Treated With Proton Beam Therapy", "Proton")]
    // A national registry: the country is a design word like "national".
    [InlineData("Swedish Registry of Patients Treated With Stereotactic Body Radiotherapy", "SBRT")]
    // Outcomes of the treated patients are what the guide names as observed ("its efficacy, outcomes or safety").
    [InlineData("A Prospective Registry to Collect Outcomes of Patients Treated With Stereotactic Body Radiation Therapy", "SBRT")]
    // A long disease name says who the patients are, not what is measured of them.
    [InlineData("Registry of Patients With Locally Advanced or Metastatic Non-Small Cell Lung Cancer Treated With Stereotactic Body Radiation Therapy", "SBRT")]
    public void A_registry_of_patients_treated_with_rt_observes_it(string title, string modality)
    {
        Assert.Equal(modality, Normalise(Observational(title)).FreeText?.RtModality);
    }

    [Fact]
    public void A_national_registry_of_patients_treated_with_pembrolizumab_observes_it()
    {
        // Guide, per trial: a registry of the patients treated with a therapy observes it, as for RT.
        Assert.Equal(["pembrolizumab"], Normalise(Observational("German Registry of Patients With Melanoma Treated With Pembrolizumab")).FreeText?.Agents ?? []);
    }

    // ---- "post" after an earlier "after" -------------------------------------------------------------

    [Fact]
    public void Post_operative_imrt_after_surgery_in_a_description_is_given()
    {
        // "After surgical resection" is when, and "post-operative" repeats it: the IMRT is what the intervention gives (guide rule 2: IMRT is EBRT).
        var terms = Only("RADIATION", "Radiotherapy", "After surgical resection, patients receive post-operative intensity-modulated radiotherapy to 60 Gy in 30 fractions.");

        Assert.Equal("EBRT", terms.RtModality);
    }

    // ---- TBI in names ----------------------------------------------------------------------------------

    [Fact]
    public void A_tbi_rehabilitation_program_for_irradiated_children_gives_no_rt()
    {
        // TBI is traumatic brain injury here; the cranial RT is the children's history (guide: RT only where the patients are).
        var terms = Only("BEHAVIORAL", "Cognitive remediation (adapted from TBI rehabilitation)", "Twenty weekly sessions of attention and working memory training for children treated with cranial radiotherapy for medulloblastoma");

        Assert.Null(terms.RtModality);
    }

    [Fact]
    public void A_flu_tbi_conditioning_regimen_spelled_out_gives_fludarabine_and_ebrt()
    {
        // Total body irradiation spelled out is EBRT (guide rule 4); 2 Gy in one fraction is not hypofractionated (rule 5).
        var terms = Only("DRUG", "Flu/TBI", "Fludarabine 30 mg/m2 on days -4 to -2 and total body irradiation 2 Gy on day 0");

        Assert.Equal("EBRT", terms.RtModality);
        Assert.Equal(["fludarabine"], terms.Agents);
    }
}
