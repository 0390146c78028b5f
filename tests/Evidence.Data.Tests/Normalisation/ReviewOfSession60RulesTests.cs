using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Independent review of vocabularies .177-.178 (issue 10): realistic registry wording around the
/// new rules (a time to progression that mentions death, "rate of resection", a response rate
/// near PSA, deaths "related", no landmark on an "other" measure that names no rate, a listed drug
/// past an appositive, a title "Combining" RT, a Y-90 plaque, myelodysplastic as a neoplasm word),
/// labelled as a careful systematic reviewer would.
/// </summary>
public class ReviewOfSession60RulesTests
{
    private static NormalisedOutcomeView Outcome(string measure, string? description = null, string? title = null, string? purpose = null, params string[] conditions)
    {
        var protocol = WithOutcome(measure, description);
        if (title is not null)
        {
            protocol["identificationModule"] = new JsonObject { ["nctId"] = "NCT00000001", ["briefTitle"] = title };
        }

        if (conditions.Length > 0)
        {
            protocol = WithConditions(protocol, conditions);
        }

        if (purpose is not null)
        {
            protocol = WithPurpose(protocol, purpose);
        }

        var outcome = Normalise(protocol).Outcomes[0];
        return new NormalisedOutcomeView(outcome.EndpointClass, outcome.Landmark);
    }

    private sealed record NormalisedOutcomeView(string? EndpointClass, string? Landmark);

    // ---- TTP and the TTP -> PFS rule ----

    [Fact]
    public void A_time_to_disease_progression_that_censors_deaths_is_TTP()
    {
        // Deaths without progression censored: progression alone is the event, the time to progression it names.
        Assert.Equal("TTP", Outcome("Time to Disease Progression",
            "Time from randomization to the first documented disease progression per RECIST 1.1. Patients who died without progression were censored at the date of death.").EndpointClass);
    }

    [Fact]
    public void A_time_to_tumor_progression_or_death_censored_at_last_contact_is_PFS()
    {
        // Progression or death is the event; censoring those alive without an event at last contact is what every PFS does.
        Assert.Equal("PFS", Outcome("Time to Tumor Progression",
            "Time from randomization to tumor progression or death from any cause, whichever occurs first. Patients alive without progression are censored at the date of last contact.").EndpointClass);
    }

    [Fact]
    public void A_time_to_progression_followed_until_death_stays_TTP()
    {
        // "Followed ... until death" is the follow-up schedule, not an event: the event is progression alone.
        Assert.Equal("TTP", Outcome("Time to Progression",
            "Time from randomization to radiographic progression per RECIST 1.1. Patients will be followed every 3 months until death.").EndpointClass);
    }

    [Fact]
    public void A_time_to_progression_with_death_as_a_competing_risk_stays_TTP()
    {
        // Death without progression treated as a competing risk is not an event of the endpoint: a true TTP.
        Assert.Equal("TTP", Outcome("Time to progression",
            "Time from start of treatment to local or distant progression. Death without progression is treated as a competing risk.").EndpointClass);
    }

    [Fact]
    public void A_time_to_tumor_progression_or_death_is_PFS()
    {
        // The measure itself counts death as an event: progression-free survival.
        Assert.Equal("PFS", Outcome("Time to Tumor Progression or Death").EndpointClass);
    }

    // ---- "rate of resection" ----

    [Fact]
    public void A_rate_of_resection_cavity_recurrence_is_local_control()
    {
        // Recurrence in the resection cavity after SRS is local control, not whether the tumour was resected.
        Assert.Equal("local control", Outcome("Rate of resection cavity recurrence at 12 months").EndpointClass);
    }

    [Fact]
    public void A_rate_of_resection_related_adverse_events_is_safety()
    {
        // Adverse events of the resection are a harm of treatment, not a resection rate.
        Assert.Equal("safety", Outcome("Rate of resection-related adverse events", purpose: "TREATMENT").EndpointClass);
    }

    // ---- a response rate near PSA ----

    [Fact]
    public void An_objective_response_rate_by_RECIST_in_PSA_progressors_is_ORR()
    {
        // The response is by RECIST; "in PSA progressors" says whom it is measured in.
        Assert.Equal("ORR", Outcome("Objective response rate by RECIST in PSA progressors", conditions: "Prostate Cancer").EndpointClass);
    }

    [Fact]
    public void A_response_rate_of_measurable_disease_in_PSA_progressors_is_ORR()
    {
        // The response of measurable (soft-tissue) disease is the tumour's; PSA names the population.
        Assert.Equal("ORR", Outcome("Response rate of measurable disease in PSA progressors", conditions: "Prostate Cancer").EndpointClass);
    }

    [Fact]
    public void An_objective_response_rate_in_PSA_selected_patients_is_ORR()
    {
        // "PSA-selected patients" is the population; the objective response is the tumour's.
        Assert.Equal("ORR", Outcome("Objective response rate in PSA-selected patients", conditions: "Prostate Cancer").EndpointClass);
    }

    // ---- deaths "related" ----

    [Fact]
    public void Mortality_related_to_surgery_is_not_overall_survival()
    {
        // Operative (treatment-related) mortality in a surgery trial is a harm of the operation: safety, not OS.
        Assert.Equal("safety", Outcome("Mortality related to surgery", title: "Laparoscopic Versus Open Gastrectomy for Gastric Cancer", purpose: "TREATMENT", conditions: "Gastric Cancer").EndpointClass);
    }

    [Fact]
    public void Deaths_related_to_any_cause_are_OS()
    {
        // Deaths "related to any cause" are all deaths: death from any cause.
        Assert.Equal("OS", Outcome("Number of deaths related to any cause", conditions: "Non-small Cell Lung Cancer").EndpointClass);
    }

    // ---- landmarks of "other" measures ----

    [Fact]
    public void Quality_of_life_at_12_months_has_no_landmark()
    {
        // A score assessed at 12 months is not a rate at a time point.
        Assert.Equal(("other", (string?)null), (Outcome("Quality of life at 12 months").EndpointClass, Outcome("Quality of life at 12 months").Landmark));
    }

    [Fact]
    public void A_percentage_free_of_pain_at_3_months_keeps_its_landmark()
    {
        // A proportion at a time point is a landmark rate.
        var outcome = Outcome("Percentage of patients free of pain at 3 months");
        Assert.Equal(("other", "3 months"), (outcome.EndpointClass, outcome.Landmark));
    }

    [Fact]
    public void A_rate_of_grade_2_dermatitis_at_6_weeks_is_safety_without_landmark()
    {
        // A toxicity of the treatment a trial gives, assessed at 6 weeks: safety, no landmark.
        var outcome = Outcome("Rate of grade 2 or higher radiation dermatitis at 6 weeks", purpose: "TREATMENT", conditions: "Breast Cancer");
        Assert.Equal(("safety", (string?)null), (outcome.EndpointClass, outcome.Landmark));
    }

    [Fact]
    public void Freedom_from_biochemical_failure_at_5_years_keeps_its_landmark()
    {
        // Freedom from biochemical failure is an actuarial rate: 5 years is its landmark.
        var outcome = Outcome("Freedom from biochemical failure at 5 years", conditions: "Prostate Cancer");
        Assert.Equal(("other", "60 months"), (outcome.EndpointClass, outcome.Landmark));
    }

    [Fact]
    public void Cumulative_incidence_of_brain_metastases_at_2_years_keeps_its_landmark()
    {
        // A cumulative incidence at 2 years is a rate at a time point.
        var outcome = Outcome("Cumulative incidence of brain metastases at 2 years", conditions: "Small Cell Lung Cancer");
        Assert.Equal(("other", "24 months"), (outcome.EndpointClass, outcome.Landmark));
    }

    // ---- a listed drug joined to chemoradiotherapy; "Combining" ----

    [Fact]
    public void Pembrolizumab_an_appositive_in_combination_with_chemoradiotherapy_gives_RT()
    {
        // The listed drug is given with chemoradiotherapy: the trial gives RT.
        var study = Treatment("Pembrolizumab, a PD-1 Antibody, in Combination With Chemoradiotherapy for Locally Advanced Cervical Cancer", Intervention("DRUG", "Pembrolizumab"));
        Assert.Equal("RT, unspecified", study.FreeText?.RtModality);
    }

    [Fact]
    public void Combining_radiotherapy_data_and_genomics_gives_no_RT()
    {
        // Radiotherapy data are combined with genomics to predict toxicity: no RT is given.
        var study = Normalise(WithPurpose(Trial("Combining Radiotherapy Data and Genomics to Predict Late Toxicity in Prostate Cancer", null,
            [Intervention("OTHER", "Genomic profiling")]), "OTHER"));
        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void A_survey_on_combining_radiotherapy_with_immunotherapy_gives_no_RT()
    {
        // A survey of oncologists gives nobody RT.
        var study = Normalise(WithPurpose(Trial("Survey of Oncologists on Combining Radiotherapy With Immunotherapy", null,
            [Intervention("OTHER", "Questionnaire")]), "OTHER"));
        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void Combining_radiotherapy_with_immunotherapy_then_a_survey_gives_no_RT()
    {
        // The survey named after the colon is what the study does: it gives nobody RT.
        var study = Normalise(WithPurpose(Trial("Combining Radiotherapy With Immunotherapy: a Survey of Radiation Oncologists", null,
            [Intervention("OTHER", "Questionnaire")]), "OTHER"));
        Assert.Null(study.FreeText?.RtModality);
    }

    // ---- vocabulary: Y-90 plaque; myelodysplastic ----

    [Fact]
    public void A_Y90_plaque_is_brachytherapy()
    {
        // A plaque is applied to a surface (brachytherapy), not injected into the hepatic artery (SIRT).
        Assert.Equal("Brachytherapy", Kinds(Treatment("Treatment of Tumors", Intervention("DEVICE", "Y-90 plaque")).Interventions[0]));
    }

    [Fact]
    public void Y90_radioembolization_in_a_patient_with_plaque_psoriasis_is_SIRT()
    {
        // Plaque psoriasis is a comorbidity, not a plaque applicator: SIRT only.
        var terms = OnlyIntervention(Intervention("DEVICE", "Y-90 radioembolization", "Y-90 radioembolization of the liver; patients with plaque psoriasis may enrol."));
        Assert.Equal("SIRT", Kinds(terms));
    }

    [Fact]
    public void An_iron_chelation_response_rate_with_MDS_among_conditions_is_other()
    {
        // The response is of iron overload (liver iron concentration), not of a tumour, though MDS patients are enrolled.
        var outcome = Outcome("Response rate (decrease in liver iron concentration of at least 3 mg Fe/g dw)",
            title: "Deferasirox in Patients With Transfusional Iron Overload", purpose: "TREATMENT",
            conditions: ["Transfusional Iron Overload", "Thalassemia", "Myelodysplastic Syndromes"]);
        Assert.Equal("other", outcome.EndpointClass);
    }

    [Fact]
    public void Myelodysplastic_syndrome_excluded_from_a_non_cancer_trial_sets_no_setting()
    {
        // An exclusion criterion of MDS does not make a trial of immune thrombocytopenia one of a neoplasm.
        Assert.Empty(SettingsOf("Eltrombopag in Chronic Immune Thrombocytopenia", null,
            "Exclusion Criteria: myelodysplastic syndrome; any prior malignancy", "Immune Thrombocytopenia"));
    }
}
