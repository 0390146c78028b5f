using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// A fourth independent review (issue 10) of vocabulary .142: what a "Giving ..." sentence may
/// spare; "Adding RT" / "Addition of RT" in titles; recurrence of other things; "or not with" of
/// people; bare photons beside SBRT, brachytherapy, protons and carbon ions; a colon list after a
/// sentence of what the trial gives; "TMZ"/"Temodal". Each case asserts what a careful systematic
/// reviewer would label (DOMAIN.md, LABELLING-GUIDE.md).
/// </summary>
public class ReviewOfSession52dRulesTests
{
    private static string? EndpointOf(string measure, string condition)
    {
        var protocol = WithConditions(WithOutcome(measure), condition);
        return Normalise(protocol).Outcomes[0].EndpointClass;
    }

    // ---- 1. "Giving ..." sentences ------------------------------------------------------------

    [Fact]
    public void Sbrt_given_with_the_ici_after_a_than_clause_is_given()
    {
        // "than ipilimumab" compares drugs; the SBRT nivolumab is combined with is still the trial's regimen.
        var free = Normalise(Trial("Nivolumab With Stereotactic Body Radiotherapy for Metastatic Melanoma",
            "Giving nivolumab may be more effective than ipilimumab when combined with stereotactic body radiation therapy in treating patients with metastatic melanoma.", [])).FreeText;

        Assert.Equal(Terms.Sbrt, free?.RtModality);
        Assert.Equal(["nivolumab"], free?.Agents ?? []);
    }

    [Fact]
    public void Whole_brain_rt_the_regimen_lets_patients_avoid_is_not_given()
    {
        // The trial gives the two ICIs; WBRT is what they may let patients avoid, not what is given.
        var free = Normalise(Trial("Ipilimumab and Nivolumab for Asymptomatic Melanoma Brain Metastases",
            "Giving ipilimumab and nivolumab may shrink brain metastases and may allow patients to avoid whole-brain radiation therapy.", [])).FreeText;

        Assert.Equal("", Kinds(free));
    }

    [Fact]
    public void Rt_named_after_instead_of_before_may_is_not_given()
    {
        // "instead of radiation therapy" says RT is replaced by the ICI; only pembrolizumab is given.
        var free = Normalise(Trial("Adjuvant Pembrolizumab for Resected High-Risk Cutaneous Squamous Cell Carcinoma",
            "Giving pembrolizumab instead of radiation therapy after surgery may lower the chance of the cancer coming back.", [])).FreeText;

        Assert.Equal("", Kinds(free));
        Assert.Equal(["pembrolizumab"], free?.Agents ?? []);
    }

    // ---- 2. "Adding RT" / "Addition of RT" in a title ------------------------------------------

    [Fact]
    public void Cost_effectiveness_of_adding_sbrt_model_gives_nothing()
    {
        // A cost-effectiveness model treats no patient; the SBRT is the subject of its economics.
        var study = Normalise(Observational("Cost-Effectiveness of Adding Stereotactic Body Radiotherapy to Systemic Therapy for Oligometastatic Prostate Cancer: a Markov Model"));

        Assert.Equal("", Kinds(study.FreeText));
    }

    // ---- 3. Recurrence and survival-time terms -------------------------------------------------

    [Fact]
    public void Recurrence_rate_of_malignant_pleural_effusion_is_other()
    {
        // The effusion's recurrence after pleurodesis is not the tumour's recurrence: other.
        Assert.Equal(Terms.OtherEndpoint, EndpointOf("Recurrence rate of malignant pleural effusion at 30 days", "Malignant Pleural Effusion"));
    }

    [Fact]
    public void Pterygium_recurrence_rate_after_beta_irradiation_is_other()
    {
        // A pterygium regrowing after excision and beta irradiation is a benign lesion's recurrence, not a cancer's: other.
        Assert.Equal(Terms.OtherEndpoint, EndpointOf("Pterygium recurrence rate at 12 months", "Pterygium"));
    }

    [Fact]
    public void Time_to_recurrence_of_hyperthyroidism_is_other()
    {
        // Hyperthyroidism returning after radioiodine is a condition's relapse, not a tumour's DFS/RFS.
        Assert.Equal(Terms.OtherEndpoint, EndpointOf("Time to recurrence of hyperthyroidism after radioiodine", "Graves Disease"));
    }

    [Fact]
    public void Chest_wall_recurrence_rate_is_local_control()
    {
        // Chest-wall recurrence after mastectomy is a local recurrence: local control.
        Assert.Equal("local control", EndpointOf("Chest wall recurrence rate at 5 years", "Breast Cancer"));
    }

    [Fact]
    public void Seroma_recurrence_rate_is_other()
    {
        // A seroma refilling after aspiration is a fluid collection's recurrence, not the breast cancer's: other.
        Assert.Equal(Terms.OtherEndpoint, EndpointOf("Seroma recurrence rate after aspiration", "Breast Cancer"));
    }

    [Fact]
    public void Time_to_recurrence_of_lymphocele_is_other()
    {
        // A pelvic lymphocele recurring after sclerotherapy is a surgical complication's recurrence: other.
        Assert.Equal(Terms.OtherEndpoint, EndpointOf("Time to recurrence of lymphocele after sclerotherapy", "Prostate Cancer"));
    }

    // ---- 4. "or not with" ------------------------------------------------------------------------

    [Fact]
    public void Patients_treated_previously_or_not_with_nivolumab_are_not_given_it()
    {
        // "Treated Previously or Not With Nivolumab" describes the patients' history; the trial gives SBRT only.
        var free = Normalise(Trial("Stereotactic Radiotherapy for Brain Metastases in Melanoma Patients Treated Previously or Not With Nivolumab", null, [])).FreeText;

        Assert.Equal([], free?.Agents ?? []);
    }

    [Fact]
    public void Radiotherapy_concurrent_or_not_with_durvalumab_gives_it()
    {
        // "Concurrent or Not With Durvalumab" is a with-or-without: one arm gives durvalumab.
        var free = Normalise(Trial("Thoracic Radiotherapy Concurrent or Not With Durvalumab in Limited-Stage Small Cell Lung Cancer", null, [])).FreeText;

        Assert.Equal(["durvalumab"], free?.Agents ?? []);
    }

    // ---- 5. Bare photons beside another kind -------------------------------------------------------

    [Fact]
    public void Sbrt_delivered_with_6_mv_photons_is_only_sbrt()
    {
        // The 6 MV FFF photons are the SBRT's own beam, not a second course (guide rule 1): SBRT only.
        Assert.Equal("SBRT", Kinds(OnlyIntervention(Intervention("RADIATION", "SBRT",
            "Stereotactic body radiotherapy, 40 Gy in 5 fractions, delivered with 6 MV flattening-filter-free photons on a linear accelerator."))));
    }

    [Fact]
    public void Pelvic_photons_capped_at_45_gy_before_a_brachytherapy_boost_are_a_course()
    {
        // "no more than 45 Gy with photons" is a dose cap of the external course, not a comparison: Brachytherapy + EBRT.
        Assert.Equal("Brachytherapy + EBRT", Kinds(OnlyIntervention(Intervention("RADIATION", "Chemoradiation",
            "Whole pelvis to no more than 45 Gy with photons, followed by a high-dose-rate brachytherapy boost of 7 Gy x 4."))));
    }

    [Fact]
    public void Photons_named_as_what_protons_replace_are_not_given()
    {
        // Protons are used "instead of photons": the photons are not given, the intervention is proton therapy only.
        Assert.Equal("Proton", Kinds(OnlyIntervention(Intervention("RADIATION", "Proton therapy",
            "Protons will be used instead of photons to spare the heart, 50 Gy (RBE) in 25 fractions to the chest wall and regional nodes."))));
    }

    [Fact]
    public void Carbon_ions_more_effective_than_photons_give_only_carbon_ions()
    {
        // The photons are physics background for the carbon-ion course; nothing is given with photons.
        Assert.Equal("Carbon ion", Kinds(OnlyIntervention(Intervention("RADIATION", "Carbon ion radiotherapy",
            "Carbon ion radiotherapy, 64 Gy (RBE) in 16 fractions, which has a higher biological effectiveness than photons."))));
    }

    // ---- 6. A summary's list after a colon ----------------------------------------------------------

    [Fact]
    public void A_regimen_listed_after_the_following_treatment_is_given()
    {
        // "will receive the following treatment:" introduces the regimen, not a history: SBRT and pembrolizumab.
        var free = Normalise(Trial("Pembrolizumab and SBRT in Oligometastatic Renal Cell Carcinoma",
            "All patients will receive the following treatment:\n1. Pembrolizumab 200 mg every 3 weeks for up to 2 years.\n2. Stereotactic body radiotherapy, 30 Gy in 3 fractions, to each metastasis.", [])).FreeText;

        Assert.Equal(Terms.Sbrt, free?.RtModality);
        Assert.Equal(["pembrolizumab"], free?.Agents ?? []);
    }

    [Fact]
    public void A_regimen_listed_after_after_surgery_patients_will_receive_is_given()
    {
        // "After surgery, patients will receive:" lists the adjuvant regimen the trial gives: RT and nivolumab.
        var free = Normalise(Trial("Adjuvant Nivolumab and Radiotherapy in Resected Head and Neck Cancer",
            "After surgery, patients will receive:\n- Adjuvant intensity-modulated radiotherapy, 60 Gy in 30 fractions.\n- Nivolumab 480 mg every 4 weeks for 6 months.", [])).FreeText;

        Assert.NotEqual("", Kinds(free));
        Assert.Equal(["nivolumab"], free?.Agents ?? []);
    }

    [Fact]
    public void A_list_of_what_patients_must_have_undergone_is_not_given()
    {
        // "must have undergone:" lists prior treatment (guide: RT before the trial); only durvalumab is given.
        var free = Normalise(Trial("Durvalumab Consolidation in Unresectable Stage III NSCLC",
            "All patients will receive durvalumab 1500 mg every 4 weeks and must have undergone:\n- concurrent chemoradiotherapy to at least 60 Gy with a platinum doublet.", [])).FreeText;

        Assert.Equal("", Kinds(free));
        Assert.Equal(["durvalumab"], free?.Agents ?? []);
    }

    // ---- 7. "TMZ" and "Temodal" --------------------------------------------------------------------

    [Fact]
    public void Tmz_as_a_drug_name_is_temozolomide()
    {
        // "TMZ" is the standard abbreviation of temozolomide in glioma trials.
        Assert.Contains("temozolomide", OnlyIntervention(Intervention("DRUG", "TMZ", "75 mg/m2 daily during radiotherapy, then 150-200 mg/m2 days 1-5 every 28 days for 6 cycles.")).Agents);
    }

    [Fact]
    public void Temodal_capsules_are_temozolomide()
    {
        // Temodal is the EU brand of temozolomide.
        Assert.Contains("temozolomide", OnlyIntervention(Intervention("DRUG", "Temodal capsules", "Oral, 150 mg/m2 days 1-5 every 28 days.")).Agents);
    }
}
