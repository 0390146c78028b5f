using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 107-110's findings (issue 10): a single dose named before "dose", conditioning regimens by
/// acronym, whole-brain RT abbreviated, "post-operative" as timing, a purpose that tests whether a
/// therapy improves an outcome, brachytherapy "as monotherapy", and observational registries.
/// </summary>
public class Set107To110RulesTests
{
    /// <summary>NCT04482933: "HSV G207 With a Single 5 Gy Radiation Dose" (guide rule 5: one fraction of 3 Gy or more).</summary>
    [Theory]
    [InlineData("a single 5 Gy dose of radiation", 5.0)]
    [InlineData("With a Single 5 Gy Radiation Dose", 5.0)]
    [InlineData("a single 8-Gy fraction", 8.0)]
    public void A_single_dose_named_before_dose_is_one_fraction(string text, double gy)
    {
        var dose = Assert.Single(RtDoseParser.Doses(text));

        Assert.Equal((1, 1), dose.Fractions);
        Assert.Equal(gy, dose.DosePerFractionGy!.Value.Min);
    }

    /// <summary>One fraction of a daily schedule is not a single-fraction course.</summary>
    [Theory]
    [InlineData("a single 2 Gy fraction daily for 30 days")]
    [InlineData("a single 2 Gy fraction per day")]
    [InlineData("one 2 Gy fraction daily")]
    public void One_fraction_of_a_daily_schedule_is_no_single_fraction_course(string text)
    {
        Assert.DoesNotContain(RtDoseParser.Doses(text), d => d.Fractions == (1, 1));
    }

    [Fact]
    public void A_title_of_a_single_five_gray_dose_gives_hypofractionated_rt()
    {
        var free = Normalise(Trial("Phase II Clinical Trial of HSV G207 With a Single 5 Gy Radiation Dose in Children With Recurrent High-Grade Glioma", null, [])).FreeText;

        Assert.Equal("Hypofractionated RT", free?.RtModality);
    }

    /// <summary>
    /// NCT06673459: "BuCy Vs. TBICy for Allo-HSCT in T-ALL Patients" (interventions typed
    /// BIOLOGICAL). "TBI" alone names no kind (guide rule 4: an acronym ambiguous outside RT), so
    /// the regimen gives its drug and no RT unless total body irradiation is spelled out.
    /// </summary>
    [Theory]
    [InlineData("BuCy", null, new[] { "busulfan", "cyclophosphamide" })]
    [InlineData("Bu/Cy", null, new[] { "busulfan", "cyclophosphamide" })]
    [InlineData("TBICy", null, new[] { "cyclophosphamide" })]
    [InlineData("Cy/TBI", null, new[] { "cyclophosphamide" })]
    public void Conditioning_regimens_by_acronym_give_their_drugs(string name, string? rt, string[] agents)
    {
        var terms = OnlyIntervention(Intervention("BIOLOGICAL", name));

        Assert.Equal(agents, terms.Agents);
        Assert.Equal(rt, terms.RtModality);
    }

    /// <summary>NCT01890278: "Conventional Whole Brain RT" against "Whole Brain IMRT" (guide rule 4).</summary>
    [Theory]
    [InlineData("Conventional Whole Brain RT", "EBRT")]
    [InlineData("Whole-breast RT", "EBRT")]
    [InlineData("Conventional RT", "RT, unspecified")]
    public void Whole_brain_and_whole_breast_rt_abbreviated_are_ebrt(string name, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    /// <summary>NCT00201383: a record of no intervention and no arm, titled by its chemoradiotherapy after an operation.</summary>
    [Theory]
    [InlineData("Post-Operative Adjuvant Concurrent Chemoradiotherapy For High Risk Oral Cavity Squamous Cell Carcinoma Patients", "RT, unspecified")]
    [InlineData("Post-Mastectomy Radiotherapy for Breast Cancer", "RT, unspecified")]
    [InlineData("Post-Radiotherapy Fibrosis in Breast Cancer", null)] // after the RT: not given
    [InlineData("Sexual Function Post Radiotherapy for Prostate Cancer", null)] // after the RT, not after an operation
    public void Post_operative_times_the_rt_after_surgery_and_gives_it(string title, string? modality)
    {
        Assert.Equal(modality, Normalise(Trial(title, null, [])).FreeText?.RtModality);
    }

    /// <summary>NCT03443856: "investigate if nivolumab plus ipilimumab given as adjuvant treatment improve disease free survival".</summary>
    [Fact]
    public void A_purpose_that_tests_whether_a_therapy_improves_an_outcome_gives_it()
    {
        var free = Normalise(Trial("Postoperative Immunotherapy vs Standard Chemotherapy for Gastric Cancer",
            "The primary objective of the trial is to investigate if nivolumab plus ipilimumab given as adjuvant treatment improve disease free survival (DFS) in patients with stage Ib-IVa gastric adenocarcinoma.", [])).FreeText;

        Assert.Equal(["nivolumab", "ipilimumab"], free?.Agents);
    }

    /// <summary>What a purpose asks of a therapy's measure, or of patients treated before, gives nothing.</summary>
    [Theory]
    [InlineData("The aim is to determine whether nivolumab trough levels predict response in melanoma.")]
    [InlineData("The aim is to assess whether prior nivolumab improves outcomes of later surgery.")]
    [InlineData("We will evaluate whether the cream reduces radiation dermatitis.")]
    public void A_purpose_that_names_a_therapy_otherwise_gives_nothing(string summary)
    {
        var free = Normalise(Trial("Biomarkers in Melanoma", summary, [])).FreeText;

        Assert.Empty(free?.Agents ?? []);
        Assert.Null(free?.RtModality);
    }

    /// <summary>NCT01890096: "A Phase II Trial of High Dose-Rate Brachytherapy as Monotherapy in Low and Intermediate Risk Prostate Cancer".</summary>
    [Theory]
    [InlineData("A Phase II Trial of High Dose-Rate Brachytherapy as Monotherapy in Low and Intermediate Risk Prostate Cancer", "Brachytherapy")]
    [InlineData("Brachytherapy as Monotherapy for Prostate Cancer", "Brachytherapy")]
    [InlineData("Radiotherapy as a Cause of Second Cancers", null)]
    public void A_therapy_as_monotherapy_is_given(string title, string? modality)
    {
        Assert.Equal(modality, Normalise(Trial(title, null, [])).FreeText?.RtModality);
    }

    /// <summary>
    /// Observational registries and cohorts of the patients treated with an RT observe it (the
    /// labelling guide, per trial; NCT04466124, NCT01696721); those of what patients live through
    /// during or after it do not.
    /// </summary>
    [Theory]
    [InlineData("Prospective Cohort Study of Liver Cancer Patients Treated With Proton Beam Therapy", "Proton")]
    [InlineData("A Multi Center Registry of Pediatric Patients Treated With Radiation Therapy", "RT, unspecified")]
    [InlineData("Registry of Quality of Life in Patients Treated With Radiotherapy", null)]
    [InlineData("Cohort Study of Cardiac Toxicity in Breast Cancer Patients Treated With Radiotherapy", null)]
    [InlineData("Fatigue in Breast Cancer Patients Treated With Radiotherapy", null)]
    [InlineData("Quality of Life of Patients Undergoing Radiotherapy", null)]
    public void An_observational_registry_observes_the_rt_its_patients_are_treated_with(string title, string? modality)
    {
        Assert.Equal(modality, Normalise(Observational(title)).FreeText?.RtModality);
    }

    /// <summary>NCT00777491: a record of only a summary in the NCI's words, "This randomized phase II trial is studying ... regimens to see how they work".</summary>
    [Fact]
    public void What_the_trial_is_studying_is_what_it_gives()
    {
        var free = Normalise(Trial(string.Empty,
            "RATIONALE: Drugs used in chemotherapy, such as fluorouracil, cisplatin, and gemcitabine, work in different ways to stop the growth of tumor cells. Radiation therapy uses high-energy x-rays to kill tumor cells. PURPOSE: This randomized phase II trial is studying two different chemotherapy and radiation therapy regimens to see how they work in treating patients with stage II or stage III bladder cancer.", [])).FreeText;

        Assert.Equal("EBRT", free?.RtModality);
    }

    /// <summary>What a trial studies of patients who had a therapy is not the therapy.</summary>
    [Theory]
    [InlineData("This phase II trial is studying fatigue in patients who previously received radiation therapy.")]
    [InlineData("This study is studying quality of life after prior radiation therapy to see how patients recover.")]
    public void What_a_trial_studies_of_patients_treated_before_gives_nothing(string summary)
    {
        Assert.Null(Normalise(Trial(string.Empty, summary, [])).FreeText?.RtModality);
    }

    /// <summary>NCT01899118's "Pathology complete remission rate"; NCT07218952's "Dynamic conformal arc (DCA) therapy".</summary>
    [Fact]
    public void Pathology_complete_remission_is_pathological_response()
    {
        var study = Normalise(WithOutcome("Pathology complete remission rate"));

        Assert.Equal("pathological response", Assert.Single(study.Outcomes, o => o.Kind == "primary").EndpointClass);
    }

    [Theory]
    [InlineData("Dynamic conformal arc radiotherapy", "EBRT")]
    [InlineData("Dynamic conformal arc stereotactic radiosurgery", "SBRT")] // a technique delivering another kind (guide rule 2)
    public void Dynamic_conformal_arc_is_an_external_beam_technique(string name, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }
}
