using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

public class EndpointClassifierTests
{
    private static (string? Class, string? Landmark) Classify(string measure, string? description = null, bool treatsDisease = true)
    {
        var outcome = new JsonObject { ["measure"] = measure, ["description"] = description, ["timeFrame"] = "2 years" };
        var protocol = new JsonObject { ["outcomesModule"] = new JsonObject { ["primaryOutcomes"] = new JsonArray(outcome) } };
        if (!treatsDisease)
        {
            WithPurpose(protocol, "SUPPORTIVE_CARE");
        }

        var terms = Normalise(protocol).Outcomes[0];
        return (terms.EndpointClass, terms.Landmark);
    }

    [Theory]
    [InlineData("Objective response rate (ORR) per RECIST 1.1", "ORR")]
    [InlineData("Freedom from failure", "DFS/RFS")] // failure of any kind, as failure-free survival
    [InlineData("Freedom from treatment failure at 5 years", "DFS/RFS")]
    [InlineData("Local progression-free interval in irradiated field", "local control")] // local, not progression anywhere
    [InlineData("Expression of programmed death ligand-1 (PD-L1) in nasopharyngeal carcinoma", "other")] // set 18: a checkpoint's name, not death
    [InlineData("Programmed cell death 1 expression on T cells", "other")]
    [InlineData("Pathological down-staging rate", "pathological response")] // set 19
    [InlineData("Incidence of abscopal effects", "ORR")] // set 17: response outside the irradiated field
    [InlineData("2-year survival after recurrence", "OS")] // set 15: survival at a time point, of no other kind
    [InlineData("5-year disease-free survival", "DFS/RFS")]
    [InlineData("3-year cancer-specific survival", "other")]
    [InlineData("Cancer-specific 5-year survival", "other")]
    [InlineData("Disease-specific 5-year survival", "other")]
    // Sets 124-125 and the annotators of sets 8, 24, 43 and 58: a response or relief of pain or of a
    // tumour marker is not a tumour's objective response (vocabulary .134).
    [InlineData("Pain relief (response rate) measured with the Visual Analog Scale (VAS)", "other")]
    [InlineData("Prostate-Specific Antigen Response Rate (PSA-RR)", "other")]
    [InlineData("PSA response rate (decline of 50% or more from baseline)", "other")]
    [InlineData("Overall pain response rate at the treated site", "other")]
    [InlineData("Complete biochemical response", "other")]
    [InlineData("Objective response rate per RECIST 1.1", "ORR")]
    [InlineData("Disease-free 3-year survival", "DFS/RFS")]
    [InlineData("Overall Response Rate", "ORR")]
    [InlineData("Objective remission rate", "ORR")]
    [InlineData("Invasive disease recurrence-free interval", "DFS/RFS")]
    [InlineData("Progression-free survival", "PFS")]
    [InlineData("Overall survival", "OS")]
    [InlineData("Time to progression (TTP)", "TTP")]
    [InlineData("Disease control rate", "DCR")]
    [InlineData("Recurrence-free survival", "DFS/RFS")]
    [InlineData("2-year nodal control rate", "local control")] // set 27
    [InlineData("Disease response at 6 weeks post SBRT", "ORR")] // set 29
    [InlineData("Minimal residual disease response", "other")] // not a tumour response
    [InlineData("Time from randomisation to loco-regional treatment failure", "local control")] // set 27
    [InlineData("Number of participants with adverse events", "safety")]
    [InlineData("Dose-limiting toxicities", "safety")]
    [InlineData("Number of patients eligible for curative surgical interventions", "conversion/resection")]
    [InlineData("Pathological complete response rate", "pathological response")]
    [InlineData("Local control at 1 year", "local control")]
    [InlineData("Quality of life (EORTC QLQ-C30)", "other")]
    [InlineData("Rate of conversion to resection", "conversion/resection")]
    [InlineData("Virus negative conversion rate in the first week", "other")] // conversion of a test result, not to surgery
    [InlineData("Severe conversion rate", "other")]
    [InlineData("Death rate", "OS")]
    [InlineData("Death", "OS")]
    [InlineData("The cause of death", "other")]
    [InlineData("Duration of PCR normalization", "other")] // a laboratory test, not pCR
    [InlineData("pCR rate after neoadjuvant therapy", "pathological response")]
    [InlineData("The rate of cCR", "ORR")] // clinical complete response
    [InlineData("Rate of conversion to curative-intent treatment", "conversion/resection")]
    [InlineData("CCR5 receptor occupancy", "other")] // a chemokine receptor, not cCR
    [InlineData("All-cause mortality at day 28", "OS")]
    [InlineData("Time to death from any cause", "OS")]
    [InlineData("Case fatality rate", "OS")]
    [InlineData("Cancer-specific survival", "other")] // not death from any cause
    [InlineData("30-day cause-specific mortality", "other")]
    [InlineData("Clinical status on a 7-point ordinal scale (7 points: death)", "other")]
    [InlineData("Proportion progressing to mechanical ventilation or death", "other")] // a composite
    [InlineData("Death or hospitalisation for heart failure", "other")]
    [InlineData("Outcome at day 14: recovery, improvement, deterioration, death", "other")]
    [InlineData("Overall survival, defined as time from randomisation to death or last follow-up", "OS")]
    [InlineData("Incidence of AEs, SAEs and deaths", "safety")]
    [InlineData("Reactogenicity within 7 days of vaccination", "safety")]
    [InlineData("Incidence rates of death, AEs, SAEs and laboratory abnormalities", "safety")]
    [InlineData("Breast cancer mortality", "other")] // one cause of death
    [InlineData("Disease-related death", "other")]
    [InlineData("In-hospital mortality", "OS")]
    [InlineData("30-day, 90-day and 1-year mortality", "OS")] // landmarks, not states
    [InlineData("1-, 3- and 5-year mortality rates", "OS")]
    [InlineData("In-hospital, 30-day and 90-day mortality", "OS")]
    public void Measures_get_their_endpoint_class(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Classify(measure).Class);
    }

    [Theory]
    [InlineData("6-month PFS rate", "6 months")]
    [InlineData("PFS rate at 12 months", "12 months")]
    [InlineData("1-year overall survival rate", "12 months")]
    [InlineData("Two-year local control", "24 months")]
    [InlineData("Median progression-free survival", null)]
    [InlineData("Progression Free Survival Rate at 48 weeks", "48 weeks")] // set 59: a rate at a week, kept in weeks
    [InlineData("Overall survival at 24 weeks", "24 weeks")]
    [InlineData("Disease response at 6 weeks post stereotactic body radiotherapy", null)] // set 29: when a response is assessed, not a rate
    public void A_rate_at_a_time_point_has_a_landmark(string measure, string? landmark)
    {
        Assert.Equal(landmark, Classify(measure).Landmark);
    }

    [Theory]
    [InlineData("Non-inferiority of tumour control (PFS of 85% at 2 years)", "24 months")] // set 12: the rate the trial is powered on
    [InlineData("A 1-year rate above 70 % by 12 months", "12 months")]
    [InlineData("Progression assessed by MRI every 3 months for 2 years", null)] // assessment times, no rate
    [InlineData("Time from randomisation to progression; 50% of patients are expected to progress", null)] // a rate at no time point
    [InlineData("To compare the 3-year recurrence-free survival of the two arms", "36 months")] // set 14
    [InlineData("Two-year local control of the irradiated lesion", "24 months")]
    [InlineData("Patients are followed for 5 years for overall survival", null)] // how long, not a rate at a time
    [InlineData("Patients are seen every 3 months for survival status", null)]
    public void A_measure_of_no_time_point_takes_the_rate_its_description_states_at_one(string description, string? landmark)
    {
        Assert.Equal(landmark, Classify("Progression free survival", description).Landmark);
    }

    [Theory]
    [InlineData("Efficacy", "Objective response rate by mRECIST", "ORR")]
    [InlineData("Rate of patients", "Patients who stop the gel because of intolerance or adverse events", "safety")] // set 8: a count of people says nothing
    [InlineData("Number of participants", "Participants alive without progression at 12 months (PFS)", "PFS")]
    [InlineData("Rate of patients with grade 3 toxicity", "Objective response by RECIST", "safety")] // the measure says it
    public void A_vague_measure_is_classed_by_its_description(string measure, string description, string endpoint)
    {
        Assert.Equal(endpoint, Classify(measure, description).Class);
    }

    [Theory]
    [InlineData("Excellent histological response (grade 0 or 1 tumour regression score)")] // set 8
    [InlineData("Tumor regression grade (Mandard) at resection")]
    [InlineData("Histologic response after neoadjuvant therapy")]
    public void Histological_response_and_tumour_regression_are_pathological_response(string measure)
    {
        Assert.Equal("pathological response", Classify(measure).Class);
    }

    [Theory]
    [InlineData("Complete response (CR) rate", "pathological complete response (pCR) plus clinical complete response (cCR)", "pathological response")] // set 5
    [InlineData("Complete response rate", "Proportion of patients with pathological complete response or clinical complete response after neoadjuvant therapy.", "pathological response")] // set 23
    [InlineData("complete response (CR) rate", "Rate of complete response (CR), including pathologic complete response (pCR) and sustained cCR for ≥ 1 year.", "pathological response")] // set 40
    [InlineData("Complete response rate (clinical and pathological)", null, "pathological response")] // set 11
    [InlineData("Complete response rate", "Complete response by RECIST 1.1 on CT at 12 weeks", "ORR")] // by imaging
    [InlineData("Complete response rate", null, "ORR")]
    [InlineData("Complete remission rate by Lugano criteria", "Assessed by PET-CT", "ORR")]
    [InlineData("Objective response rate", "Complete and partial responses; pCR in patients who undergo resection is reported separately", "ORR")] // not only a complete response
    [InlineData("Complete and partial response rate", "pCR is a secondary outcome", "ORR")]
    [InlineData("Complete response (CR) rate", "Clinical and pathological complete response", "pathological response")] // set 29
    // A review's cases: a pathological term beside a response by imaging, a clinical complete
    // response, or "pathological" that does not qualify the response.
    [InlineData("Complete response rate", "Complete response per mRECIST: complete tumor necrosis, i.e. disappearance of arterial-phase enhancement on CT or MRI", "ORR")]
    [InlineData("Complete response rate", "Complete response by MRI (mrTRG 1, MRI tumour regression grade) and endoscopy before surgery", "ORR")]
    [InlineData("Complete response rate", "CR according to RECIST 1.1 on MRI before surgery. pCR is evaluated as a secondary endpoint.", "ORR")]
    [InlineData("Complete response rate", "RECIST 1.1 on CT. Major pathological response (MPR) is a secondary outcome", "ORR")]
    [InlineData("Complete remission rate", "Gastric MALT lymphoma: histological response by GELA score on endoscopic biopsies", "ORR")]
    [InlineData("Clinical complete response rate", "cCR assessed by MRI, endoscopy and DRE. Patients without cCR undergo TME and pCR is recorded.", "ORR")]
    [InlineData("Clinical complete response (cCR) rate", "Watch-and-wait: pathological response cannot be assessed because patients do not undergo surgery.", "ORR")]
    [InlineData("cCR rate", "near-cCR patients proceed to TME with pCR evaluation", "ORR")]
    [InlineData("Complete response rate of pathological lymph nodes", null, "ORR")]
    [InlineData("Complete response rate on FDG PET-CT (no pathological uptake)", null, "ORR")]
    [InlineData("Complete response rate (PET-CT and pathological biopsy)", null, "ORR")]
    [InlineData("Complete remission rate confirmed by bone marrow pathological examination", null, "ORR")]
    [InlineData("Complete response rate in patients with pathological N2 disease", null, "ORR")]
    [InlineData("Complete response rate (pathological or clinical)", null, "pathological response")]
    [InlineData("Complete-response rate", "pCR plus cCR after total neoadjuvant therapy", "pathological response")] // a code review: hyphenated
    public void A_complete_response_that_counts_pathological_complete_responses_is_pathological_response(string measure, string? description, string endpoint)
    {
        Assert.Equal(endpoint, Classify(measure, description).Class);
    }

    [Theory]
    [InlineData("Incidence of grade ≥3 pneumonitis")] // set 10
    [InlineData("Grade >= 2 radiation morbidity (fibrosis, joint stiffness or oedema)")]
    [InlineData("Rate of grade 3 or higher oesophagitis")]
    [InlineData("Grade 3-5 late bowel effects")]
    public void A_graded_toxicity_of_a_treatment_trial_is_safety(string measure)
    {
        Assert.Equal("safety", Classify(measure).Class);
    }

    /// <summary>Set 24: a vague efficacy measure is classed by its description.</summary>
    [Fact]
    public void An_evaluation_of_efficacy_is_classed_by_its_description()
    {
        Assert.Equal("ORR", Classify("Evaluation of Efficacy of the Combination", "Confirmed best overall response by RECIST 1.1").Class);
    }

    /// <summary>Set 24 (a food box against immune-related adverse events).</summary>
    [Theory]
    [InlineData(false, "other")] // what the supportive-care trial is for
    [InlineData(true, "safety")] // the safety of the ICI a treatment trial gives
    public void Immune_related_adverse_events_are_safety_only_where_the_trial_treats_the_disease(bool treatsDisease, string endpoint)
    {
        Assert.Equal(endpoint, Classify("Incidence of immune related adverse events", treatsDisease: treatsDisease).Class);
    }

    /// <summary>Set 17 (NCT07282483): a treatment trial of radiation-induced mucositis measures it as its aim.</summary>
    [Fact]
    public void A_trial_of_an_rt_injury_measures_its_toxicity_as_other_whatever_purpose_it_registers()
    {
        var outcome = new JsonObject { ["measure"] = "Incidence rate of severe oral mucositis (RTOG grade >= 3)", ["timeFrame"] = "7 weeks" };
        var protocol = WithPurpose(
            new JsonObject
            {
                ["outcomesModule"] = new JsonObject { ["primaryOutcomes"] = new JsonArray(outcome) },
                ["conditionsModule"] = new JsonObject { ["conditions"] = new JsonArray("Radiation-induced Oral Mucositis") },
            },
            "TREATMENT");

        Assert.Equal("other", Normalise(protocol).Outcomes[0].EndpointClass);
        Assert.Equal("safety", Classify("Incidence rate of severe oral mucositis (RTOG grade >= 3)").Class);
    }

    /// <summary>Set 19 (NCT07192588): a gel against radiation dermatitis; the injury it prevents is its aim, even with a safety word.</summary>
    [Theory]
    [InlineData("Percentage of Participants with No Radiation Dermatitis as Assessed by CTCAE (Grade 0)", "other")]
    [InlineData("Cumulative cardio-toxicity after 1 or 5 years", "other")]
    [InlineData("Number of participants with adverse events of the gel", "safety")]
    public void A_supportive_care_trial_measures_the_rt_injury_it_prevents_as_other_with_no_landmark(string measure, string expected)
    {
        Assert.Equal((expected, null), Classify(measure, treatsDisease: false));
    }

    /// <summary>Sets 8 and 15: wound complications of preoperative RT, or what a dressing prevents.</summary>
    [Theory]
    [InlineData("Major wound complications", true, "safety")]
    [InlineData("Proportion of therapies without wound healing disorder", true, "safety")]
    [InlineData("Major wound complications", false, "other")]
    [InlineData("Wound Complication Rate", false, "other")]
    public void A_complication_of_treatment_is_safety_only_where_the_trial_treats_the_disease(string measure, bool treatsDisease, string expected)
    {
        Assert.Equal(expected, Classify(measure, treatsDisease: treatsDisease).Class);
    }

    [Fact]
    public void A_graded_toxicity_a_supportive_care_trial_prevents_is_what_it_is_for()
    {
        Assert.Equal("other", Classify("Incidence of grade ≥2 radiation dermatitis", treatsDisease: false).Class);
        Assert.Equal("other", Classify("Tumour size grade 1 to 3 on imaging").Class); // a grade that is no toxicity
    }

    [Theory]
    [InlineData("Pathological partial response (PPR) rate", "pathological response")] // set 10: not ORR's "partial response"
    [InlineData("Salvage liver resection (SLR) rate", "conversion/resection")]
    public void Set_ten_measures_get_their_class(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Classify(measure).Class);
    }

    [Theory]
    [InlineData("Clinical benefit (response or stable disease outside the irradiated field)")] // set 9
    [InlineData("Clinical benefit rate at 24 weeks")]
    public void Clinical_benefit_is_disease_control(string measure)
    {
        Assert.Equal("DCR", Classify(measure).Class);
    }

    [Fact]
    public void A_precise_measure_is_not_reclassed_by_words_in_its_description()
    {
        Assert.Equal("other", Classify("Plasma concentration of drug X", "Samples taken at safety visits").Class);
    }

    [Theory]
    [InlineData("Feasibility and toxicity", "safety")]
    [InlineData("Safety and feasibility of the combination", "safety")]
    [InlineData("Feasibility and/or tolerability", "safety")]
    [InlineData("Feasibility of the regimen", "other")]
    [InlineData("Feasibility of collecting adverse event data at home", "other")]
    [InlineData("Recommended phase 2 dose (RP2D) of preoperative radiotherapy", "safety")]
    [InlineData("Clinical complete remission rate", "ORR")]
    [InlineData("Pathological complete remission rate", "pathological response")]
    [InlineData("2-year cumulative local regional progression rate", "local control")]
    [InlineData("Locoregional failure", "local control")]
    [InlineData("Local tumor progression", "local control")] // set 22: the ablation literature's term
    [InlineData("Rate of complete pathologic remission", "pathological response")] // set 25
    [InlineData("Tumor remission rate", "ORR")] // set 25
    [InlineData("Necrosis rate of the tumour thrombus", "pathological response")]
    [InlineData("Failure-free survival (FFS)", "DFS/RFS")]
    [InlineData("Local Recurrence Free Survival (LRFS)", "local control")] // set 26: a local failure ends it
    [InlineData("Locoregional progression-free survival", "local control")]
    [InlineData("Recurrence-free survival", "DFS/RFS")]
    public void Endpoints_found_on_the_sixth_reconstructed_set(string measure, string expected)
    {
        Assert.Equal(expected, Classify(measure).Class);
    }

    [Theory]
    [InlineData("1 year", "2 year", "12 months", "24 months")] // set 12: the rate at each time point
    [InlineData("Up to 1 year", "Up to 2 years", null, null)] // follow-up windows, not time points
    public void A_measure_registered_twice_takes_each_time_frame_as_its_landmark(string first, string second, string? firstLandmark, string? secondLandmark)
    {
        var outcomes = new JsonArray(
            new JsonObject { ["measure"] = "Disease free survival", ["timeFrame"] = first },
            new JsonObject { ["measure"] = "Disease free survival", ["timeFrame"] = second });
        var study = Normalise(new JsonObject { ["outcomesModule"] = new JsonObject { ["primaryOutcomes"] = outcomes } });

        Assert.Equal([firstLandmark, secondLandmark], study.Outcomes.Select(o => o.Landmark));
    }

    [Fact]
    public void A_measure_registered_once_does_not_take_its_time_frame_as_a_landmark()
    {
        Assert.Null(Classify("Disease free survival").Landmark); // time frame "2 years": how long it is followed
    }

    [Theory]
    [InlineData("Cumulative cardio-toxicity after 1 or 5 years", "safety", null)] // set 13: when toxicity is assessed
    [InlineData("Grade 3 or higher toxicity at 12 months", "safety", null)]
    [InlineData("Local control at 12 months", "local control", "12 months")]
    public void A_safety_measure_has_no_landmark(string measure, string endpoint, string? landmark)
    {
        Assert.Equal((endpoint, landmark), Classify(measure));
    }

    [Theory]
    [InlineData("Clinical efficacy of neoadjuvant PD-1 blockade", "Objective response rate by RECIST 1.1", "ORR")] // set 14: the measure says only "efficacy"
    [InlineData("Efficacy of SBRT", "Progression-free survival", "PFS")]
    [InlineData("Clinical efficacy of neoadjuvant PD-1 blockade in VSCC", "Objective change in tumour size (according to RECIST1.1)", "ORR")] // set 14: a name run into its version
    public void A_measure_that_says_only_the_efficacy_of_a_treatment_is_classed_by_its_description(string measure, string description, string endpoint)
    {
        Assert.Equal(endpoint, Classify(measure, description).Class);
    }

    [Fact]
    public void An_other_measure_takes_no_landmark_from_a_rate_its_description_states()
    {
        Assert.Equal(("other", null), Classify("PSA response", "PSA decline of at least 50% at 3 months"));
    }

    [Fact]
    public void A_measure_registered_twice_at_the_same_time_frame_has_no_landmark()
    {
        var outcomes = new JsonArray(
            new JsonObject { ["measure"] = "Overall survival", ["timeFrame"] = "5 years" },
            new JsonObject { ["measure"] = "Overall survival", ["timeFrame"] = "5 years" });
        var study = Normalise(new JsonObject { ["outcomesModule"] = new JsonObject { ["primaryOutcomes"] = outcomes } });

        Assert.All(study.Outcomes, o => Assert.Null(o.Landmark)); // one cohort each: how long they are followed
    }
}

