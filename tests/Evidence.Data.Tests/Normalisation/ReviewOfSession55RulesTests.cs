using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review (issue 10) of the rules of vocabulary .157: a chemoradiation a listed
/// drug is added to, the RT a title's drug sensitises, the RT a title names where every
/// intervention only assesses, the one kind the titles name for RT of no kind, and radiolabelled
/// antibodies by brand (with indium-111 as imaging). Each case is realistic registry wording and
/// asserts what a careful systematic reviewer would label (DOMAIN.md, LABELLING-GUIDE.md: RT
/// given before the trial is not the trial's; "rt = no where the RT is only where its patients
/// are": their quality of life, symptoms, biomarkers or imaging during or after RT), not what the
/// code does.
/// </summary>
public class ReviewOfSession55RulesTests
{
    // ---- 1. A listed drug after a title's chemoradiation ("Chemo-RT With or Without Nimotuzumab") --------
    // The chemoradiation is history the patients bring, named further than four words after the
    // word that says so, or after a word GivenInText does not know ("having completed",
    // "who finished", "response to", "unable to tolerate"): the drug after it is the same
    // chemotherapy the patients had, and it is listed because the trial gives it again.

    [Fact]
    public void Tumour_treating_fields_after_a_completed_chemoradiation_give_no_rt()
    {
        // EF-14-like: patients enter after standard chemoradiation with temozolomide; the trial
        // gives TTFields and maintenance temozolomide.
        var study = Treatment("Tumor Treating Fields Plus Maintenance Temozolomide in Glioblastoma Patients Having Completed Chemoradiation With Temozolomide",
            Intervention("DEVICE", "NovoTTF-100A"), Intervention("DRUG", "Temozolomide"));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void Adjuvant_chemotherapy_for_patients_who_finished_chemoradiation_gives_no_rt()
    {
        // Nasopharyngeal carcinoma adjuvant trials: cisplatin is both the CRT's drug and the
        // adjuvant regimen's, so it is listed.
        var study = Treatment("Adjuvant Gemcitabine and Cisplatin in Nasopharyngeal Carcinoma Patients Who Finished Concurrent Chemoradiotherapy With Cisplatin",
            Intervention("DRUG", "Gemcitabine"), Intervention("DRUG", "Cisplatin"));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void Extended_temozolomide_following_a_long_chemoradiation_phrase_gives_no_rt()
    {
        // "Following" is five words before the chemoradiation: out of IsGiven's four-word window.
        var study = Treatment("Extended Adjuvant Temozolomide Following Standard 6-Week Concurrent Chemoradiation With Temozolomide in Glioblastoma",
            Intervention("DRUG", "Temozolomide"));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void A_drug_for_patients_unable_to_tolerate_chemoradiation_gives_no_rt()
    {
        var study = Treatment("Gemcitabine in Elderly Nasopharyngeal Carcinoma Patients Unable to Tolerate Chemoradiotherapy With Cisplatin",
            Intervention("DRUG", "Gemcitabine"), Intervention("DRUG", "Cisplatin"));

        Assert.Null(study.FreeText?.RtModality);
    }

    // ---- 2. "Radiation Sensitizer" in a title ----------------------------------------------------------
    // A title names a drug as a radiosensitiser where the trial studies the drug without RT:
    // its penetration before surgery, its pharmacokinetics in volunteers, who might benefit.

    [Fact]
    public void A_radiosensitisers_tumour_penetration_before_surgery_gives_no_rt()
    {
        var study = Normalise(WithPurpose(Trial("Tumour Penetration of the Radiation Sensitizer Nimorazole in Head and Neck Cancer Patients Before Surgery", null,
            [Intervention("DRUG", "Nimorazole")]), "BASIC_SCIENCE"));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void A_radiosensitisers_pharmacokinetics_in_healthy_volunteers_gives_no_rt()
    {
        var study = Normalise(WithPurpose(Trial("Pharmacokinetics of Oral Nimorazole, a Hypoxic Radiation Sensitiser, in Healthy Volunteers", null,
            [Intervention("DRUG", "Nimorazole")]), "OTHER"));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void A_hypoxia_marker_study_to_select_patients_for_a_radiosensitiser_gives_no_rt()
    {
        // Pimonidazole is a hypoxia marker given before a biopsy, not a treatment.
        var study = Normalise(WithPurpose(Trial("Tumour Hypoxia Biomarkers to Select Patients for a Radiation Sensitizer in Head and Neck Cancer", null,
            [Intervention("OTHER", "Biopsy"), Intervention("DRUG", "Pimonidazole")]), "OTHER"));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void A_window_study_of_a_radiosensitiser_before_prostatectomy_gives_no_rt()
    {
        // Registered as treatment: metformin is given for weeks before surgery, and no RT.
        var study = Treatment("Metformin as a Radiation Sensitizer: a Window-of-Opportunity Study Before Radical Prostatectomy",
            Intervention("DRUG", "Metformin"));

        Assert.Null(study.FreeText?.RtModality);
    }

    // ---- 3. Interventions that only assess ----------------------------------------------------------------
    // Registered as treatment (radiotherapy departments often do), the trial assesses patients
    // who have the RT as their care; the title names the RT only as where the patients are.

    [Fact]
    public void Quality_of_life_of_women_treated_with_hypofractionated_rt_gives_no_rt()
    {
        var study = Treatment("Quality of Life in Women With Breast Cancer Treated With Hypofractionated Radiotherapy",
            Intervention("OTHER", "EORTC QLQ-C30 questionnaire"));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void Circulating_tumour_dna_during_chemoradiotherapy_gives_no_rt()
    {
        var study = Treatment("Circulating Tumour DNA Dynamics During Chemoradiotherapy for Anal Cancer",
            Intervention("PROCEDURE", "Blood sampling"));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void Hypoxia_imaging_during_chemoradiation_whose_title_names_no_imaging_gives_no_rt()
    {
        // The imaging is only in the intervention ("18F-FMISO PET"), not in the title.
        var study = Treatment("Tumour Hypoxia in Cervical Cancer During Chemoradiation",
            Intervention("DIAGNOSTIC_TEST", "18F-FMISO PET"));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void Biospecimens_of_men_undergoing_proton_therapy_give_no_rt()
    {
        // The NCI's names for what a correlative study does.
        var study = Treatment("Biomarkers of Late Rectal Toxicity in Men With Prostate Cancer Undergoing Proton Therapy",
            Intervention("PROCEDURE", "Biospecimen Collection"), Intervention("OTHER", "Questionnaire Administration"));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void Exercise_training_during_chemoradiotherapy_gives_no_rt()
    {
        // The intervention treats (training), but its name has "testing" in it.
        var study = Treatment("Exercise Training During Chemoradiotherapy for Rectal Cancer",
            Intervention("OTHER", "Cardiopulmonary exercise testing and training"));

        Assert.Null(study.FreeText?.RtModality);
    }

    // ---- 4. The one kind a title names, for RT of no kind ---------------------------------------------------
    // The title's kind is history, absent or what the patients cannot have: not the trial's RT.

    [Theory]
    [InlineData("Salvage Radiotherapy for Local Recurrence After Prior Brachytherapy for Prostate Cancer", "All patients will receive salvage radiation therapy to the prostate.")]
    [InlineData("Conventional Radiotherapy for Early-Stage Lung Cancer Patients Not Eligible for SBRT", "All patients will receive radiation therapy in 33 fractions.")]
    [InlineData("Pelvic Radiotherapy Without Brachytherapy Boost in Elderly Women With Cervical Cancer", "All patients will receive pelvic radiation therapy.")]
    public void A_titles_kind_that_is_history_absent_or_excluded_gives_no_kind(string title, string summary)
    {
        var study = Normalise(Trial(title, summary, []));

        Assert.Equal(Terms.UnspecifiedRt, study.FreeText?.RtModality);
    }

    [Fact]
    public void Radiosurgery_the_patients_had_before_is_not_the_trials_rt()
    {
        var study = Normalise(WithPurpose(Trial("Olaparib With Radiotherapy for Patients Previously Treated With Stereotactic Radiosurgery for Brain Metastases",
            "All patients will receive radiation therapy and olaparib.", [Intervention("DRUG", "Olaparib")]), "TREATMENT"));

        Assert.Equal(Terms.UnspecifiedRt, study.FreeText?.RtModality);
    }

    // ---- 5. Radiolabelled antibodies and indium-111 ---------------------------------------------------------

    [Theory]
    [InlineData("Yttrium Y 90 Ibritumomab Tiuxetan")] // the NCI Thesaurus name many records use: not SIRT
    [InlineData("Yttrium-90-labeled ibritumomab tiuxetan")] // a form the new terms do not cover: still SIRT
    public void Yttrium_90_ibritumomab_is_radionuclide_therapy_not_radioembolisation(string name)
    {
        Assert.Equal(Terms.UnspecifiedRt, Kinds(OnlyIntervention(Intervention("BIOLOGICAL", name))));
    }

    [Fact]
    public void A_count_of_patients_after_in_is_not_indium_imaging()
    {
        // "in 111 Patients" matches the new imaging word "In 111" (matching ignores case and
        // spaces), so the title now names imaging and the part label of .156 loses its RT.
        var study = Treatment("Stereotactic Radiotherapy for Oligometastases: a Phase II Study in 111 Patients",
            Intervention("RADIATION", "Phase II"));

        Assert.Equal("SBRT", TrialKinds(study));
    }
}
