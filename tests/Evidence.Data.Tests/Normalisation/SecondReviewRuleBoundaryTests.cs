using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Where the rules of vocabulary 2026-12-04.63 stop (vocabulary 2026-12-04.64): inputs a reviewer
/// of those rules wrote to show them firing too widely or too narrowly, each asserting what a
/// reviewer of trials would expect. All texts are made up, in the style of registry records;
/// none is copied from a labelled record.
/// </summary>
public class SecondReviewRuleBoundaryTests
{
    /// <summary>A record with no intervention and no arm (an ICTRP-style record).</summary>
    private static NormalisedStudy Bare(string title, string? summary, string? description) =>
        Normalise(Described(Trial(title, summary, []), description));

    private static string Show(NormalisedStudy study) => study.FreeText is not { } f
        ? "FreeText=null"
        : $"agents=[{string.Join(",", f.Agents)}] targets=[{string.Join(",", f.Targets)}] rt={f.RtModality ?? "null"}";

    private static bool GivesIci(NormalisedStudy study) => study.FreeText is { } f && (f.Agents.Count > 0 || f.Targets.Count > 0);

    // ---------------------------------------------------------------------------------------
    // Rule 1: a bare record's detailed description. Background sentences that trip
    // WhatTheTrialGives ("efficacy of", "will receive", "benefit of") give an ICI the trial does not.
    // ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Previous studies have demonstrated the efficacy of pembrolizumab in non-small cell lung cancer.")]
    [InlineData("Previous studies evaluated the efficacy of pembrolizumab.")]
    [InlineData("The KEYNOTE-189 trial showed the benefit of pembrolizumab added to platinum chemotherapy.")]
    [InlineData("Although nivolumab is standard of care, the efficacy of SBRT in this setting is unknown.")]
    [InlineData("The safety of combining radiotherapy with immune checkpoint inhibitors has been shown in several phase I trials.")]
    [InlineData("After completion of the study, patients will receive pembrolizumab as standard of care.")]
    [InlineData("Patients who progress will receive nivolumab at the discretion of the treating physician.")]
    [InlineData("Patients who will receive pembrolizumab as standard of care are randomized to a probiotic or placebo.")]
    [InlineData("Standard first-line combination therapy includes atezolizumab plus bevacizumab.")]
    public void Background_in_a_bare_records_description_gives_no_ici(string description)
    {
        var study = Bare("Stereotactic Body Radiotherapy for Oligometastatic Disease", "This study evaluates SBRT.", description);
        Assert.False(GivesIci(study), Show(study));
    }

    [Theory]
    [InlineData("Maintenance pembrolizumab was stopped at progression.")]
    [InlineData("Adjuvant nivolumab is standard after resection; this trial tests a vaccine.")]
    [InlineData("Pembrolizumab has improved survival in lung cancer.")]
    [InlineData("Patients must not have received prior anti-PD-1 therapy.")]
    public void Plain_background_in_a_bare_records_description_gives_no_ici(string description)
    {
        var study = Bare("Stereotactic Body Radiotherapy for Oligometastatic Disease", "This study evaluates SBRT.", description);
        Assert.False(GivesIci(study), Show(study));
    }

    [Theory]
    [InlineData("Previous studies have demonstrated the efficacy of stereotactic radiotherapy in oligometastatic disease.")]
    [InlineData("The effect of radiotherapy on the tumour microenvironment has been widely described.")]
    public void Background_rt_in_a_bare_ici_records_description_gives_no_rt(string description)
    {
        var study = Bare("Toripalimab and Chemotherapy for Nasopharyngeal Carcinoma", "This study evaluates toripalimab.", description);
        Assert.True(study.FreeText?.RtModality is null, Show(study));
    }

    [Fact]
    public void Background_rt_kind_in_a_bare_records_description_does_not_refine_the_trials_rt()
    {
        // Refinements are taken from any description sentence naming RT with an ICI, not only the words of what the trial gives.
        var study = Bare("Radiotherapy Combined With Pembrolizumab for Lung Cancer", null, "Earlier trials combined proton therapy with nivolumab.");
        Assert.True(study.FreeText?.RtModality == "RT, unspecified", Show(study));
    }

    [Theory]
    [InlineData("The purpose of this study is to evaluate the efficacy and safety of camrelizumab combined with SBRT.", "camrelizumab")]
    [InlineData("Eligible patients will receive SBRT followed by sintilimab every 3 weeks.", "sintilimab")]
    [InlineData("The study treatment consists of SBRT and tislelizumab.", "tislelizumab")]
    public void A_bare_records_description_of_what_it_gives_is_read(string description, string agent)
    {
        var study = Bare("Stereotactic Body Radiotherapy for Oligometastatic Disease", "This study evaluates SBRT.", description);
        Assert.True(study.FreeText?.Agents.Contains(agent) == true, Show(study));
    }

    // ---------------------------------------------------------------------------------------
    // Rule 2: ProtocolTherapy ("the combined therapy includes"). Who the therapy is.
    // ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Standard combination therapy includes atezolizumab and bevacizumab.")]
    [InlineData("In China, the recommended combination therapy includes sintilimab and a bevacizumab biosimilar.")]
    [InlineData("For patients who progress, second-line combination therapy includes pembrolizumab and lenvatinib.")]
    [InlineData("The previous trial's combination regimen consisted of nivolumab and ipilimumab.")]
    public void Another_combination_therapy_that_includes_an_ici_is_not_given(string summary)
    {
        var study = Normalise(Trial("Radiofrequency Ablation for Hepatocellular Carcinoma", summary, []));
        Assert.False(GivesIci(study), Show(study));
    }

    [Fact]
    public void A_class_word_intervention_does_not_take_the_agent_another_combination_therapy_includes()
    {
        // The change makes ProtocolTherapy part of WhatTheTrialGives, which InterventionNormaliser.SummaryAgent also reads.
        var study = Normalise(Trial("SBRT Plus a PD-1 Inhibitor for Hepatocellular Carcinoma",
            "In second line, the recommended combination therapy includes pembrolizumab and lenvatinib. This trial tests SBRT with a PD-1 inhibitor.",
            [Intervention("DRUG", "PD-1 inhibitor"), Intervention("RADIATION", "SBRT")]));
        var pd1 = study.Interventions[0];
        Assert.True(pd1.Agents.Count == 0, string.Join(",", pd1.Agents));
    }

    [Theory]
    [InlineData("The study intervention consists of SBRT and a PD-1 inhibitor.")]
    [InlineData("The experimental treatment consists of SBRT and a PD-1 inhibitor.")]
    [InlineData("The treatment regimen includes SBRT and a PD-1 inhibitor.")]
    public void Variants_of_what_the_trials_therapy_includes_are_given(string summary)
    {
        var study = Normalise(Trial("Treatment of Oligometastatic Hepatocellular Carcinoma", summary, []));
        Assert.True(study.FreeText?.Targets.Contains("PD-1") == true, Show(study));
    }

    // ---------------------------------------------------------------------------------------
    // Rule 3: a title's ICI after a phase word or "before" a later treatment.
    // ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Neoadjuvant Chemotherapy Before Surgery in Patients Previously Treated With Nivolumab")]
    [InlineData("Cabozantinib for Melanoma Recurring During Adjuvant Nivolumab")]
    [InlineData("Surgery Versus Surveillance for Complete Response to Neoadjuvant Nivolumab in Melanoma")]
    [InlineData("Biomarkers of Response to Neoadjuvant Pembrolizumab in Triple Negative Breast Cancer")]
    [InlineData("Circulating Tumour DNA Monitoring During Adjuvant Pembrolizumab in Melanoma")]
    [InlineData("Cabozantinib in Melanoma Progressing Through Adjuvant Nivolumab")]
    [InlineData("Lenvatinib for Hepatocellular Carcinoma Recurring Despite Adjuvant Atezolizumab")]
    [InlineData("Second-Line Chemotherapy for Stage III NSCLC Relapsing Within 6 Months of Consolidation Durvalumab")]
    [InlineData("Early Discontinuation of Maintenance Pembrolizumab Guided by PET")]
    [InlineData("Adjuvant Pembrolizumab Discontinuation Guided by ctDNA in Melanoma")]
    [InlineData("Neoadjuvant Pembrolizumab Response Prediction Using MRI Radiomics")]
    [InlineData("Maintenance Durvalumab Outcomes in Stage III NSCLC")]
    [InlineData("Surgery in Patients Who Received Neoadjuvant Nivolumab")]
    public void A_title_ici_that_the_trial_does_not_give_is_not_given(string title)
    {
        var study = Normalise(Trial(title, null, [Intervention("DRUG", "Cabozantinib"), Intervention("PROCEDURE", "Blood draw")]));
        Assert.False(GivesIci(study), Show(study));
    }

    [Theory]
    [InlineData("Nivolumab Before Surgery Versus Surgery Alone in Resectable Melanoma")]
    [InlineData("Pembrolizumab Prior to Surgery for Resectable Head and Neck Cancer")]
    [InlineData("Pembrolizumab Before Radical Cystectomy in Bladder Cancer")]
    [InlineData("Nivolumab Before Liver Transplantation for Hepatocellular Carcinoma")]
    [InlineData("Durvalumab Before Nephrectomy in Renal Cell Carcinoma")]
    [InlineData("Pembrolizumab Before Mastectomy in Triple Negative Breast Cancer")]
    [InlineData("Pre-operative Pembrolizumab in Head and Neck Cancer")]
    [InlineData("Peri-operative Durvalumab in Gastric Cancer")]
    [InlineData("Presurgical Pembrolizumab in Head and Neck Cancer")]
    [InlineData("Nivolumab and Ipilimumab Before Surgery in Melanoma")]
    [InlineData("Nivolumab Before Chemoradiotherapy for Head and Neck Cancer")]
    public void A_title_ici_given_before_a_treatment_or_in_a_phase_is_given(string title)
    {
        var study = Normalise(Trial(title, null, [Intervention("PROCEDURE", "Surgical Procedure")]));
        Assert.True(GivesIci(study), Show(study));
    }

    [Fact]
    public void Both_icis_of_a_doublet_before_surgery_are_given()
    {
        var study = Normalise(Trial("Nivolumab and Ipilimumab Before Surgery in Melanoma", null, [Intervention("PROCEDURE", "Surgical Procedure")]));
        Assert.True(study.FreeText?.Agents.Contains("nivolumab") == true && study.FreeText.Agents.Contains("ipilimumab"), Show(study));
    }

    // ---------------------------------------------------------------------------------------
    // Rule 5: vocabulary. "high energy photons" and "hypofractionated boost" now match anywhere.
    // ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("RADIATION", "HDR brachytherapy", "An iridium-192 source that emits high energy photons is placed in the applicator.", "Brachytherapy")]
    [InlineData("RADIATION", "Gamma Knife radiosurgery", "Gamma Knife radiosurgery focuses high energy photons on the target.", "SBRT")]
    [InlineData("RADIATION", "Proton beam therapy", "Proton therapy reduces dose to normal tissue compared with high energy photons.", "Proton")]
    [InlineData("RADIATION", "Radiation therapy", "Intracavitary brachytherapy with an iridium-192 source emitting high energy photons.", "Brachytherapy")]
    [InlineData("RADIATION", "Radiotherapy", "Proton beam therapy, which spares normal tissue compared with high energy photons.", "Proton")]
    [InlineData("RADIATION", "SBRT", "SBRT delivered as hypofractionated radiotherapy, 5 x 7 Gy.", "SBRT")]
    public void A_vocabulary_term_does_not_add_a_second_kind_to_another_kind_of_rt(string type, string name, string description, string kind)
    {
        var rt = OnlyIntervention(Intervention(type, name, description));
        Assert.True(rt.RtModalities.SequenceEqual([kind]), string.Join(",", rt.RtModalities));
    }

    [Fact]
    public void A_pet_tracer_whose_scanner_detects_high_energy_photons_is_not_rt()
    {
        var pet = OnlyIntervention(Intervention("DIAGNOSTIC_TEST", "FDG PET/CT", "The PET scanner detects the high energy photons emitted by the tracer."));
        Assert.True(pet.RtModality is null, string.Join(",", pet.RtModalities));
    }

    [Theory]
    [InlineData("Hypofractionated Radiotherapy", "Hypofractionated RT")]
    [InlineData("Hypofraction radiotherapy", "Hypofractionated RT")]
    [InlineData("Hypo-fractionated radiotherapy", "Hypofractionated RT")]
    [InlineData("Hypofractionated boost", "Hypofractionated RT")]
    [InlineData("Simultaneous integrated hypofractionated boost", "Hypofractionated RT")]
    public void Vocabulary_variants(string name, string kind)
    {
        var rt = OnlyIntervention(Intervention("RADIATION", name));
        Assert.True(rt.RtModalities.Contains(kind), string.Join(",", rt.RtModalities));
    }

    // ---------------------------------------------------------------------------------------
    // Rule 4: a sponsor that is the responsible investigator by name.
    // ---------------------------------------------------------------------------------------

    private static JsonObject Sponsored(string sponsor, string sponsorClass, string? investigator, string? affiliation, string? organisation = null)
    {
        var protocol = WithArms([]);
        var sponsors = new JsonObject { ["leadSponsor"] = new JsonObject { ["name"] = sponsor, ["class"] = sponsorClass } };
        if (investigator is not null)
        {
            sponsors["responsibleParty"] = new JsonObject
            {
                ["type"] = "PRINCIPAL_INVESTIGATOR", ["investigatorFullName"] = investigator, ["investigatorAffiliation"] = affiliation,
            };
        }

        protocol["sponsorCollaboratorsModule"] = sponsors;
        protocol["identificationModule"] = new JsonObject { ["nctId"] = "NCT00000001", ["organization"] = new JsonObject { ["fullName"] = organisation ?? sponsor } };
        protocol["contactsLocationsModule"] = new JsonObject
        {
            ["locations"] = new JsonArray(new JsonObject { ["facility"] = "Site A", ["country"] = "China" }),
        };
        return protocol;
    }

    [Fact]
    public void An_organisation_mistakenly_entered_as_the_investigators_name_stays_the_institution()
    {
        // A data-entry slip: the investigator's name field holds the organisation.
        var study = Normalise(Sponsored("Sun Yat-sen University", "OTHER", "Sun Yat-sen University", "Sun Yat-sen University"));
        Assert.Equal("China (Sun Yat-sen University)", study.Summary.Institution);
    }

    [Fact]
    public void An_industry_sponsor_is_never_a_person()
    {
        var study = Normalise(Sponsored("Akeso", "INDUSTRY", "Akeso", null));
        Assert.Equal("China (Akeso)", study.Summary.Institution);
    }

    [Theory]
    [InlineData("池畔", "池畔, MD")]
    [InlineData("池畔", "Dr. 池畔")]
    [InlineData("Wang Lei", "Lei Wang")]
    public void A_sponsor_who_is_the_investigator_written_slightly_differently_is_a_person(string sponsor, string investigator)
    {
        var study = Normalise(Sponsored(sponsor, "OTHER", investigator, "Fujian Medical University Union Hospital", "Fujian Medical University Union Hospital"));
        Assert.Equal($"China (Fujian Medical University Union Hospital; the sponsor, {sponsor}, is a person)", study.Summary.Institution);
    }

    [Fact]
    public void A_one_word_sponsor_who_is_the_investigator_is_a_person()
    {
        var study = Normalise(Sponsored("池畔", "OTHER", "池畔", "Fujian Medical University Union Hospital", "Fujian Medical University Union Hospital"));
        Assert.Equal("China (Fujian Medical University Union Hospital; the sponsor, 池畔, is a person)", study.Summary.Institution);
    }
}
