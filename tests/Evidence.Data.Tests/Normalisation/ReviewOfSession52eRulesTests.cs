using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// A fifth independent review (issue 10) of vocabulary .143: recurrence and survival-time terms
/// that yield to "any non-tumour noun"; "than" before photons only without a number; "Adding RT"
/// after words of cost, models or surveys; colon lists after "undergone" or "had". Each case
/// asserts what a careful systematic reviewer would label (DOMAIN.md, LABELLING-GUIDE.md).
/// </summary>
public class ReviewOfSession52eRulesTests
{
    private static string? EndpointOf(string measure, string condition)
    {
        var protocol = WithConditions(WithOutcome(measure), condition);
        return Normalise(protocol).Outcomes[0].EndpointClass;
    }

    // ---- 1. Recurrence and survival-time terms -------------------------------------------------

    [Fact]
    public void Distant_recurrence_rate_is_dfs()
    {
        // Distant recurrence is the breast cancer coming back elsewhere: a recurrence endpoint of the tumour (DFS/RFS), not other.
        Assert.Equal(Terms.DiseaseFreeSurvival, EndpointOf("Distant recurrence rate at 3 years", "Breast Cancer"));
    }

    [Fact]
    public void Long_term_recurrence_rate_is_dfs()
    {
        // "Long-term" is a word of time; the recurrence is still the rectal cancer's: DFS/RFS.
        Assert.Equal(Terms.DiseaseFreeSurvival, EndpointOf("Long-term recurrence rate", "Rectal Cancer"));
    }

    [Fact]
    public void Recurrence_rate_of_bladder_tumours_is_dfs()
    {
        // Bladder tumours recurring after TURBT are the cancer's recurrence (plural "tumours" is still the tumour): DFS/RFS.
        Assert.Equal(Terms.DiseaseFreeSurvival, EndpointOf("Recurrence rate of bladder tumours after TURBT", "Non-muscle Invasive Bladder Cancer"));
    }

    [Fact]
    public void Meningioma_recurrence_rate_is_dfs()
    {
        // A meningioma is the tumour the trial treats with RT; its recurrence is DFS/RFS.
        Assert.Equal(Terms.DiseaseFreeSurvival, EndpointOf("Meningioma recurrence rate at 5 years", "Atypical Meningioma"));
    }

    [Fact]
    public void Survival_time_of_patients_treated_with_whole_brain_radiotherapy_is_os()
    {
        // The "of" phrase names the patients (and their treatment), not another thing that survives: OS.
        Assert.Equal(Terms.OverallSurvival, EndpointOf("Survival time of patients treated with whole-brain radiotherapy", "Brain Metastases"));
    }

    [Fact]
    public void Median_survival_time_of_participants_is_os()
    {
        // "Participants" are the patients: their survival time is OS.
        Assert.Equal(Terms.OverallSurvival, EndpointOf("Median survival time of participants", "Pancreatic Cancer"));
    }

    [Fact]
    public void Survival_time_of_patients_with_spinal_cord_compression_is_os()
    {
        // The patients (described by their condition) survive, not the compression: OS.
        Assert.Equal(Terms.OverallSurvival, EndpointOf("Survival time of patients with metastatic spinal cord compression", "Metastatic Spinal Cord Compression"));
    }

    [Fact]
    public void Vte_recurrence_rate_is_other()
    {
        // Recurrent venous thromboembolism in cancer-associated thrombosis is not the tumour's recurrence: other.
        Assert.Equal(Terms.OtherEndpoint, EndpointOf("VTE recurrence rate at 6 months", "Cancer-associated Venous Thromboembolism"));
    }

    [Fact]
    public void Recurrence_rate_of_chronic_subdural_hematoma_is_other()
    {
        // A subdural haematoma re-accumulating after low-dose RT is a bleed's recurrence, not a tumour's: other.
        Assert.Equal(Terms.OtherEndpoint, EndpointOf("Recurrence rate of chronic subdural hematoma after low-dose radiotherapy", "Chronic Subdural Hematoma"));
    }

    // ---- 2. Bare photons and "than" ------------------------------------------------------------------

    [Fact]
    public void Protons_compared_with_6_mv_photons_give_only_protons()
    {
        // "than 6 MV photons" is still a comparison (the number is the beam energy, not a dose cap): proton therapy only.
        Assert.Equal("Proton", Kinds(OnlyIntervention(Intervention("RADIATION", "Proton therapy",
            "Pencil-beam scanning proton therapy, 54 Gy (RBE) in 30 fractions, which deposits less dose beyond the target than 6 MV photons."))));
    }

    [Fact]
    public void Carbon_ions_more_effective_than_conventional_photons_give_only_carbon_ions()
    {
        // The photons are the comparator in the rationale; only carbon ions are given.
        Assert.Equal("Carbon ion", Kinds(OnlyIntervention(Intervention("RADIATION", "Carbon ion radiotherapy",
            "Carbon ion radiotherapy, 57.6 Gy (RBE) in 16 fractions; carbon ions are biologically more effective than conventional photons."))));
    }

    // ---- 3. "Adding RT" after topic words -----------------------------------------------------------

    [Fact]
    public void Effectiveness_of_adding_radiotherapy_in_a_randomised_trial_gives_rt()
    {
        // "Effectiveness" of a randomised phase II trial is what it tests, not an economic topic: the trial gives RT.
        var free = Normalise(Trial("Effectiveness of Adding Consolidative Radiotherapy to Immunotherapy in Oligometastatic NSCLC: a Randomized Phase II Trial", null, [])).FreeText;

        Assert.NotEqual("", Kinds(free));
    }

    [Fact]
    public void Safety_and_effectiveness_of_adding_sbrt_gives_sbrt()
    {
        // A safety-and-effectiveness trial of adding SBRT to pembrolizumab gives SBRT.
        var free = Normalise(Trial("Safety and Effectiveness of Adding Stereotactic Body Radiotherapy to Pembrolizumab in Metastatic Head and Neck Cancer", null, [])).FreeText;

        Assert.Equal(Terms.Sbrt, free?.RtModality);
    }

    // ---- 4. Colon lists after "undergone" or "had" ---------------------------------------------------

    [Fact]
    public void A_regimen_for_patients_who_have_undergone_resection_is_given()
    {
        // "who have undergone complete resection" describes the patients; the list after "will receive:" is the adjuvant regimen.
        var free = Normalise(Trial("Adjuvant Radiotherapy and Nivolumab in Resected Oral Cavity Cancer",
            "Patients who have undergone complete resection will receive:\n- Adjuvant intensity-modulated radiotherapy, 60 Gy in 30 fractions.\n- Nivolumab 480 mg every 4 weeks for 6 months.", [])).FreeText;

        Assert.NotEqual("", Kinds(free));
        Assert.Equal(["nivolumab"], free?.Agents ?? []);
    }

    [Fact]
    public void Salvage_regimen_for_patients_who_had_a_recurrence_is_given()
    {
        // "who had a biopsy-proven recurrence" is the patients' condition; the listed SBRT and durvalumab are the trial's salvage treatment.
        var free = Normalise(Trial("Salvage SBRT and Durvalumab for Isolated Locoregional Recurrence of NSCLC",
            "Patients who had a biopsy-proven locoregional recurrence will receive the following salvage treatment:\n1. Stereotactic body radiotherapy, 50 Gy in 5 fractions.\n2. Durvalumab 1500 mg every 4 weeks for 12 months.", [])).FreeText;

        Assert.Equal(Terms.Sbrt, free?.RtModality);
        Assert.Equal(["durvalumab"], free?.Agents ?? []);
    }
}
