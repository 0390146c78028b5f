using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review of the rules of vocabulary .102-.105 (sets 77-80): observational studies
/// of no intervention, injuries "induced/caused by" a therapy, earlier research, a radioligand named
/// by its ligand, a title opening with chemoradiation, NCI "in Treating Patients" titles, a
/// summary's "study of", regimen acronyms, new RT and endpoint terms, German sponsor compounds.
/// Each case asserts what a careful systematic reviewer would expect.
/// </summary>
public class ReviewOfSession45RulesTests
{
    // ---- "X induced by / caused by <therapy>": only an injury is an injury -------------------

    /// <summary>An abscopal effect (or an immune response) the trial's therapies induce is what the trial studies of them, not an injury.</summary>
    [Fact]
    public void An_abscopal_effect_induced_by_the_trial_s_sbrt_and_ici_is_no_injury()
    {
        var free = Normalise(Trial("Abscopal Effect Induced by Stereotactic Body Radiotherapy and Pembrolizumab in Metastatic Non-small Cell Lung Cancer", null, [])).FreeText;

        Assert.Equal("SBRT", free?.RtModality);
        Assert.Equal(["pembrolizumab"], free?.Agents ?? []);
    }

    [Fact]
    public void An_immune_response_induced_by_the_trial_s_rt_and_pd1_inhibitor_is_no_injury()
    {
        var free = Normalise(Trial("Antitumour Immune Response Induced by Radiotherapy Combined With a PD-1 Inhibitor in Hepatocellular Carcinoma", null, [])).FreeText;

        Assert.NotNull(free?.RtModality);
        Assert.Contains("PD-1", free?.Targets ?? []);
    }

    [Fact]
    public void Tumour_regression_induced_by_the_trial_s_rt_is_no_injury()
    {
        var study = Normalise(Trial("Tumour Regression Induced by Short-Course Radiotherapy Plus Camrelizumab in Locally Advanced Rectal Cancer", null,
            [Intervention("DRUG", "Camrelizumab")]));

        Assert.NotNull(study.FreeText?.RtModality);
    }

    /// <summary>The rule where it is right: the trial's drug treats an injury of the RT.</summary>
    [Fact]
    public void Lymphopenia_caused_by_chemoradiotherapy_is_an_injury()
    {
        Assert.Null(Normalise(Trial("Lymphopenia Caused by Chemoradiotherapy in Oesophageal Cancer: Oral Glutamine", null, [Intervention("DIETARY_SUPPLEMENT", "Glutamine")])).FreeText?.RtModality);
    }

    // ---- observational studies of no intervention --------------------------------------------

    /// <summary>"Treated with" follows the patients through the RT as "undergoing" does (the existing "Quality of Life of ... Patients Undergoing Radiotherapy").</summary>
    [Fact]
    public void An_observational_title_of_patients_treated_with_rt_gives_no_rt()
    {
        Assert.Null(Normalise(Observational("Fatigue in Breast Cancer Patients Treated With Radiotherapy")).FreeText?.RtModality);
    }

    [Fact]
    public void An_observational_title_of_patients_on_an_ici_gives_no_ici()
    {
        var free = Normalise(Observational("Cardiac Events in Lung Cancer Patients on Durvalumab")).FreeText;

        Assert.Empty(free?.Agents ?? []);
    }

    /// <summary>What the observational study assesses is a vaccine's safety; the ICI is the patients' background.</summary>
    [Fact]
    public void An_observational_summary_assessing_a_vaccine_in_patients_on_icis_gives_no_ici()
    {
        var free = Normalise(Observational("COVID-19 Vaccine Safety in Patients With Cancer",
            "This prospective study aims to evaluate the safety of COVID-19 vaccination in patients on immune checkpoint inhibitors.")).FreeText;

        Assert.Empty(free?.Targets ?? []);
        Assert.Empty(free?.Agents ?? []);
    }

    [Fact]
    public void An_observational_summary_of_the_pandemic_s_effect_on_rt_delivery_gives_no_rt()
    {
        Assert.Null(Normalise(Observational("Impact of the COVID-19 Pandemic on Cancer Care",
            "This retrospective study evaluates the effect of the COVID-19 pandemic on radiotherapy delivery in a regional cancer centre.")).FreeText?.RtModality);
    }

    /// <summary>An observational biomarker study of patients given nivolumab outside it.</summary>
    [Fact]
    public void An_observational_biomarker_title_gives_no_ici()
    {
        Assert.Empty(Normalise(Observational("Circulating Tumour DNA Kinetics as a Predictor of Response to Nivolumab in Melanoma")).FreeText?.Agents ?? []);
    }

    /// <summary>
    /// An observational comparison of adding SBRT to pembrolizumab studies both, as "Surgery Versus
    /// Stereotactic Body Radiation Therapy" does; "receiving" here names the cohort, not care the
    /// study merely follows, and a whole record is dropped for it.
    /// </summary>
    // ---- earlier research ---------------------------------------------------------------------

    /// <summary>A sentence that cites earlier results as its basis but says what this study evaluates.</summary>
    [Fact]
    public void This_study_s_purpose_built_on_preliminary_results_still_gives_its_therapies()
    {
        var free = Normalise(Trial("Phase II Trial in Oligometastatic Non-small Cell Lung Cancer",
            "Based on preliminary results of our phase I trial, this phase II study evaluates the efficacy of stereotactic body radiotherapy combined with pembrolizumab.", [])).FreeText;

        Assert.Equal("SBRT", free?.RtModality);
        Assert.Equal(["pembrolizumab"], free?.Agents ?? []);
    }

    [Fact]
    public void This_trial_s_purpose_after_previous_studies_still_gives_its_ici()
    {
        var free = Normalise(Trial("Phase II Trial in Recurrent Glioblastoma",
            "Building on previous studies, the present trial will evaluate the safety of nivolumab with re-irradiation.", [])).FreeText;

        Assert.Equal(["nivolumab"], free?.Agents ?? []);
    }

    // ---- "This is a ... study of" -------------------------------------------------------------

    /// <summary>"A retrospective study of ... showed": another study's findings, though its verdict comes after "study of".</summary>
    [Fact]
    public void A_background_study_s_findings_give_no_rt()
    {
        var free = Normalise(Trial("Pembrolizumab in Oligometastatic Non-small Cell Lung Cancer",
            "A retrospective study of 200 patients treated with stereotactic body radiotherapy showed durable local control. This trial will evaluate pembrolizumab in oligometastatic disease.", [])).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_phase_ii_study_that_reported_gives_no_rt()
    {
        var free = Normalise(Trial("Durvalumab in Oligometastatic Prostate Cancer",
            "A randomized phase II study of stereotactic ablative radiotherapy in oligometastatic cancers reported improved overall survival.", [])).FreeText;

        Assert.Null(free?.RtModality);
    }

    [Fact]
    public void A_study_of_exercise_in_women_receiving_rt_gives_no_rt()
    {
        var free = Normalise(Trial("Supervised Exercise and Fatigue in Breast Cancer",
            "This is a pilot study of supervised exercise in women receiving adjuvant radiotherapy for breast cancer.", [])).FreeText;

        Assert.Null(free?.RtModality);
    }

    /// <summary>The rule where it is right.</summary>
    [Fact]
    public void An_open_label_trial_of_durvalumab_and_sbrt_gives_both()
    {
        var free = Normalise(Trial("Oligometastatic Bladder Cancer",
            "This is an open-label phase II trial of durvalumab and stereotactic body radiotherapy in oligometastatic bladder cancer.", [])).FreeText;

        Assert.Equal("SBRT", free?.RtModality);
        Assert.Equal(["durvalumab"], free?.Agents ?? []);
    }

    // ---- a radioligand named by its ligand ----------------------------------------------------

    /// <summary>The Bexxar regimen: unlabelled tositumomab, then iodine I 131 tositumomab, registered as two interventions.</summary>
    [Fact]
    public void Unlabelled_tositumomab_beside_its_radiolabelled_form_is_no_rt()
    {
        var study = Normalise(Trial("Iodine I 131 Tositumomab in Treating Patients With Relapsed Non-Hodgkin's Lymphoma",
            "Patients receive unlabelled tositumomab IV followed by iodine I 131 tositumomab IV.",
            [Intervention("DRUG", "tositumomab"), Intervention("RADIATION", "iodine I 131 tositumomab")]));

        Assert.Null(study.Interventions[0].RtModality);
        Assert.NotNull(study.Interventions[1].RtModality);
    }

    /// <summary>A trial that compares 131I-Lipiodol with plain Lipiodol: the control arm's Lipiodol carries no nuclide.</summary>
    [Fact]
    public void Plain_lipiodol_beside_131i_lipiodol_is_no_rt()
    {
        var study = Normalise(Trial("Adjuvant 131I-Lipiodol Versus Lipiodol Alone After Resection of Hepatocellular Carcinoma", null,
            [Intervention("DRUG", "131I-Lipiodol", arms: ["131I-Lipiodol"]), Intervention("DRUG", "Lipiodol", arms: ["Lipiodol"])],
            Arm("131I-Lipiodol", "A single hepatic arterial injection of 131I-Lipiodol 1.85 GBq.", "Drug: 131I-Lipiodol"),
            Arm("Lipiodol", "A single hepatic arterial injection of non-radioactive Lipiodol.", "Drug: Lipiodol")));

        Assert.NotNull(study.Interventions[0].RtModality);
        Assert.Null(study.Interventions[1].RtModality);
    }

    /// <summary>The rule where it is right.</summary>
    [Fact]
    public void Dotatate_named_after_lutetium_177_is_the_radioligand()
    {
        var study = Normalise(Trial("PRRT in Neuroendocrine Tumours", null, [Intervention("DRUG", "DOTATATE", arms: ["PRRT"])],
            Arm("PRRT", "Lutetium-177 DOTATATE 7.4 GBq every 8 weeks for 4 cycles.", "Drug: DOTATATE")));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
    }

    // ---- a title that opens with chemoradiation -----------------------------------------------

    /// <summary>The patients' cancer resisted chemoradiation before the trial: its drug is all it gives.</summary>
    [Fact]
    public void A_title_of_chemoradiation_resistant_cancer_gives_no_rt()
    {
        Assert.Null(Normalise(Trial("Chemoradiation-Resistant Locally Advanced Rectal Cancer Treated With Regorafenib", null,
            [Intervention("DRUG", "Regorafenib")])).FreeText?.RtModality);
    }

    /// <summary>"Postoperative" now lets a title "open with its RT", which lifts the RT-injury reading of the conditions.</summary>
    [Fact]
    public void A_skin_care_trial_for_radiation_dermatitis_gives_no_rt_whatever_its_title_opens_with()
    {
        var study = Normalise(WithConditions(Trial("Postoperative Radiotherapy Skin Care With Mepitel Film in Breast Cancer",
            "Mepitel film is applied to the breast from the first fraction.", [Intervention("DEVICE", "Mepitel film")]), "Radiation Dermatitis", "Breast Cancer"));

        Assert.Null(study.FreeText?.RtModality);
    }

    // ---- NCI "<therapies> in Treating Patients With ..." ----------------------------------------

    /// <summary>A drug given to prevent a side effect "during" RT: the RT is the patients' care, not the trial's therapy.</summary>
    [Fact]
    public void An_nci_title_of_a_drug_given_during_rt_gives_no_rt()
    {
        Assert.Null(Normalise(Trial("Dexamethasone in Preventing Pain Flare During Radiation Therapy in Treating Patients With Bone Metastases", null,
            [Intervention("DRUG", "dexamethasone")])).FreeText?.RtModality);
    }

    [Fact]
    public void An_nci_title_of_a_drug_reducing_rt_side_effects_gives_no_rt()
    {
        Assert.Null(Normalise(Trial("Amifostine in Reducing Side Effects of Radiation Therapy in Treating Patients With Head and Neck Cancer", null,
            [Intervention("DRUG", "amifostine")])).FreeText?.RtModality);
    }

    /// <summary>"RT With or Without a drug": every patient gets the RT; the "or" of "with or without" is no alternative to it.</summary>
    [Fact]
    public void An_nci_title_of_rt_with_or_without_a_drug_gives_the_rt()
    {
        Assert.Equal("EBRT", Normalise(Trial("Whole-Brain Radiation Therapy With or Without Temozolomide in Treating Patients With Brain Metastases From Non-Small Cell Lung Cancer", null,
            [Intervention("DRUG", "temozolomide")])).FreeText?.RtModality);
    }

    // ---- regimen acronyms ---------------------------------------------------------------------

    /// <summary>DCF is also a data collection form.</summary>
    [Fact]
    public void A_data_collection_form_is_no_dcf_regimen()
    {
        Assert.Empty(OnlyIntervention(Intervention("OTHER", "Data collection", "Clinical data are recorded on a data collection form (DCF) at each visit.")).Agents);
    }

    /// <summary>CHOP is also the Children's Hospital of Philadelphia, which runs proton trials.</summary>
    [Fact]
    public void The_childrens_hospital_of_philadelphia_is_no_chop_regimen()
    {
        Assert.Empty(OnlyIntervention(Intervention("RADIATION", "Proton therapy", "Proton radiotherapy delivered at the Roberts Proton Therapy Center at CHOP.")).Agents);
    }

    /// <summary>ECF is also extracellular fluid.</summary>
    [Fact]
    public void Extracellular_fluid_is_no_ecf_regimen()
    {
        Assert.Empty(OnlyIntervention(Intervention("OTHER", "Bioimpedance analysis", "Extracellular fluid (ECF) and total body water measured before each fraction.")).Agents);
    }

    [Fact]
    public void A_chop_like_regimen_gives_its_drugs()
    {
        // "CHOP" alone is left out of the vocabulary: it also names the Children's Hospital of Philadelphia.
        Assert.Equal(["cyclophosphamide", "doxorubicin", "vincristine"], OnlyIntervention(Intervention("DRUG", "R-CHOP chemotherapy")).Agents.Order(StringComparer.Ordinal));
        Assert.Equal(["cyclophosphamide", "doxorubicin", "vincristine"], OnlyIntervention(Intervention("DRUG", "CHOP-21")).Agents.Order(StringComparer.Ordinal));
    }

    // ---- vocabulary ---------------------------------------------------------------------------

    [Theory]
    [InlineData("Freedom from local progression at 2 years", "local control")]
    [InlineData("Freedom from progression at 3 years", "PFS")]
    public void Freedom_from_local_progression_is_local_control(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }

    [Theory]
    [InlineData("Electron therapy to the tumour bed", "EBRT")]
    [InlineData("Stereotactic irradiation of the resection cavity", "SBRT")]
    [InlineData("Targeted radionuclide therapy", "RT, unspecified")]
    public void New_rt_terms_name_their_kind(string name, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    // ---- German sponsor compounds -------------------------------------------------------------

    [Theory]
    [InlineData("Universitätsklinikum Freiburg")]
    [InlineData("Universitaetsmedizin Greifswald")]
    public void A_german_university_compound_sponsor_is_an_organisation(string sponsor)
    {
        var protocol = WithArms([]);
        protocol["sponsorCollaboratorsModule"] = new JsonObject { ["leadSponsor"] = new JsonObject { ["name"] = sponsor } };
        protocol["contactsLocationsModule"] = new JsonObject
        {
            ["locations"] = new JsonArray(new JsonObject { ["facility"] = "Site One", ["country"] = "Germany" }),
        };

        Assert.Equal($"Germany ({sponsor})", Normalise(protocol).Summary.Institution);
    }
}
