using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review (issue 10) of vocabulary .151, mended in .152: a radiation intervention
/// named only by its part of the trial, a sentence that says what delivers the trial's RT,
/// "dysfunction" and "sequelae" as complications, and "prior to liver resection" as neoadjuvant.
/// Each case asserts what a careful systematic reviewer would label (DOMAIN.md,
/// LABELLING-GUIDE.md), not what the code does; the old gaps it found are listed in
/// docs/adding-a-topic.md, not kept here.
/// </summary>
public class ReviewOfSession54RulesTests
{
    /// <summary>A record whose one primary outcome is <paramref name="measure"/>, with a title, purpose, conditions and interventions.</summary>
    private static string? EndpointOf(string title, string? purpose, string measure, string[] conditions, params JsonObject[] interventions)
    {
        var protocol = Trial(title, null, interventions);
        if (purpose is not null)
        {
            protocol = WithPurpose(protocol, purpose);
        }

        protocol = WithConditions(protocol, conditions);
        protocol["outcomesModule"] = new JsonObject { ["primaryOutcomes"] = new JsonArray(new JsonObject { ["measure"] = measure }) };
        return Normalise(protocol).Outcomes[0].EndpointClass;
    }

    // ---- 3. "dysfunction" and "sequelae" as complications ----------------------------------

    [Fact]
    public void A_drug_trial_for_erectile_dysfunction_measures_its_efficacy()
    {
        // Tadalafil treats erectile dysfunction after prostatectomy: the IIEF-5 change is what the drug is for, not its safety.
        var endpoint = EndpointOf("Daily Tadalafil for Erectile Dysfunction After Radical Prostatectomy", "TREATMENT",
            "Change in erectile dysfunction (IIEF-5 score) from baseline to 12 weeks", ["Erectile Dysfunction", "Prostate Cancer"],
            Intervention("DRUG", "Tadalafil", "5 mg orally once daily"));

        Assert.Equal(Terms.OtherEndpoint, endpoint);
    }

    [Fact]
    public void A_drug_trial_for_erectile_dysfunction_after_radiotherapy_measures_its_efficacy()
    {
        // The dysfunction RT caused is what sildenafil treats; the title does not say "induced by", so the RT-injury guard does not see it.
        var endpoint = EndpointOf("Sildenafil for Erectile Dysfunction After Radiotherapy for Prostate Cancer", "TREATMENT",
            "Erectile dysfunction (IIEF-5) at 12 weeks", ["Erectile Dysfunction"],
            Intervention("DRUG", "Sildenafil", "50 mg on demand"));

        Assert.Equal(Terms.OtherEndpoint, endpoint);
    }

    [Fact]
    public void Organ_dysfunction_in_a_sepsis_trial_is_its_efficacy()
    {
        // Organ dysfunction is the disease sepsis is; its score at day 7 is what hydrocortisone is tested for.
        var endpoint = EndpointOf("Hydrocortisone Plus Vitamin C in Septic Shock", "TREATMENT",
            "Multiple organ dysfunction score at day 7", ["Septic Shock"],
            Intervention("DRUG", "Hydrocortisone", "50 mg IV every 6 hours"), Intervention("DRUG", "Vitamin C", "1.5 g IV every 6 hours"));

        Assert.Equal(Terms.OtherEndpoint, endpoint);
    }

    [Fact]
    public void Early_allograft_dysfunction_in_a_transplant_trial_is_its_efficacy()
    {
        // The drug is given to protect the graft: early allograft dysfunction is its primary efficacy endpoint.
        var endpoint = EndpointOf("Alprostadil During Liver Transplantation to Reduce Ischaemia-Reperfusion Injury", "TREATMENT",
            "Incidence of early allograft dysfunction (Olthoff criteria)", ["Liver Transplantation"],
            Intervention("DRUG", "Alprostadil", "Intravenous infusion during reperfusion"));

        Assert.Equal(Terms.OtherEndpoint, endpoint);
    }

    [Fact]
    public void T_cell_dysfunction_markers_in_an_ici_and_rt_trial_are_a_biomarker()
    {
        // T-cell dysfunction (exhaustion) in biopsies is a translational marker of the ICI's effect, not an adverse event.
        var endpoint = EndpointOf("SBRT Plus Pembrolizumab in Metastatic NSCLC", "TREATMENT",
            "Change in T cell dysfunction markers (PD-1, TIM-3, LAG-3) in tumour biopsies", ["Non-small Cell Lung Cancer"],
            Intervention("RADIATION", "SBRT", "24 Gy in 3 fractions"), Intervention("DRUG", "Pembrolizumab", "200 mg IV every 3 weeks"));

        Assert.Equal(Terms.OtherEndpoint, endpoint);
    }

    [Fact]
    public void Neurological_dysfunction_from_spinal_cord_compression_is_rts_efficacy()
    {
        // The dysfunction is the compression's; its improvement after RT is what the RT is for.
        var endpoint = EndpointOf("Single Fraction Versus Multi-Fraction Radiotherapy for Metastatic Spinal Cord Compression", "TREATMENT",
            "Improvement in neurological dysfunction (Frankel grade) at 4 weeks", ["Spinal Cord Compression", "Bone Metastases"],
            Intervention("RADIATION", "Radiotherapy", "8 Gy in 1 fraction or 20 Gy in 5 fractions"));

        Assert.Equal(Terms.OtherEndpoint, endpoint);
    }

    [Fact]
    public void Exposure_in_patients_with_hepatic_dysfunction_is_pharmacokinetics()
    {
        // NCI's organ-dysfunction studies: the AUC in patients with hepatic dysfunction is pharmacokinetics.
        var endpoint = EndpointOf("Nivolumab in Patients With Cancer and Hepatic Dysfunction", "TREATMENT",
            "Area under the curve (AUC) of nivolumab in patients with moderate or severe hepatic dysfunction", ["Solid Tumor", "Liver Dysfunction"],
            Intervention("DRUG", "Nivolumab", "240 mg IV every 2 weeks"));

        Assert.Equal(Terms.OtherEndpoint, endpoint);
    }

    [Fact]
    public void Sequelae_of_covid_in_an_observational_cohort_are_no_safety()
    {
        // An observational cohort gives no treatment: the disease's sequelae are what it describes.
        var protocol = Observational("Long-term Outcomes of Patients Hospitalised With COVID-19");
        protocol = WithConditions(protocol, "COVID-19");
        protocol["outcomesModule"] = new JsonObject { ["primaryOutcomes"] = new JsonArray(new JsonObject { ["measure"] = "Prevalence of post-COVID-19 sequelae at 6 months" }) };

        Assert.Equal(Terms.OtherEndpoint, Normalise(protocol).Outcomes[0].EndpointClass);
    }

    [Fact]
    public void Neurological_sequelae_in_a_meningitis_trial_are_its_efficacy()
    {
        // Dexamethasone is given to prevent the meningitis' neurological sequelae: that is its efficacy.
        var endpoint = EndpointOf("Adjunctive Dexamethasone in Adults With Bacterial Meningitis", "TREATMENT",
            "Incidence of neurological sequelae at 6 months", ["Bacterial Meningitis"],
            Intervention("DRUG", "Dexamethasone", "10 mg IV every 6 hours for 4 days"));

        Assert.Equal(Terms.OtherEndpoint, endpoint);
    }

    // ---- 1. A radiation intervention named only by its part of the trial --------------------

    [Fact]
    public void A_sham_arm_named_arm_b_gives_no_rt()
    {
        // Typed RADIATION, named by its arm, in the sham-comparator arm; its description says the machine is not switched on.
        var protocol = WithArms(
            [Intervention("RADIATION", "Arm A", "Low-dose radiotherapy, 6 x 0.5 Gy to the knee", arms: ["Arm A"]),
             Intervention("RADIATION", "Arm B", "Patients lie on the treatment couch for the same time; the machine is not switched on.", arms: ["Arm B"])],
            Arm("Arm A", "Low-dose radiotherapy", "Radiation: Arm A"),
            Typed(Arm("Arm B", "Sham procedure", "Radiation: Arm B"), "SHAM_COMPARATOR"));

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[1]));
    }

    [Fact]
    public void An_arm_of_radiofrequency_ablation_typed_radiation_gives_no_rt()
    {
        // Registrants type RFA as radiation; it is thermal ablation.
        var protocol = WithArms(
            [Intervention("RADIATION", "Arm B", "Percutaneous radiofrequency ablation of the liver tumour", arms: ["Arm B"])],
            Arm("Arm B", "Radiofrequency ablation", "Radiation: Arm B"));

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    [Fact]
    public void An_observation_group_typed_radiation_gives_no_rt()
    {
        var protocol = WithArms(
            [Intervention("RADIATION", "Group 2", "Observation with clinical review every 3 months", arms: ["Group 2"])],
            Typed(Arm("Group 2", "Observation", "Radiation: Group 2"), "NO_INTERVENTION"));

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    [Fact]
    public void A_hyperthermia_cohort_typed_radiation_gives_no_rt()
    {
        var protocol = WithArms(
            [Intervention("RADIATION", "Cohort A", "Regional hyperthermia at 41 to 43 degrees for 60 minutes", arms: ["Cohort A"])],
            Arm("Cohort A", "Hyperthermia", "Radiation: Cohort A"));

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    // ---- 2. A sentence that says what delivers the trial's RT ---------------------------------

    private static string RtOf(string title, string summary) =>
        Kinds(Normalise(Trial(title, summary,
            [Intervention("RADIATION", "Radiation therapy"), Intervention("DRUG", "Pembrolizumab", "200 mg IV every 3 weeks")])).Interventions[0]);

    [Fact]
    public void A_background_statistic_of_how_rt_is_delivered_gives_no_kind()
    {
        // A fact about prostate cancer care in general, not this trial's RT.
        var kinds = RtOf("Pembrolizumab With Radiation Therapy for High-Risk Prostate Cancer",
            "Radiation therapy is delivered by brachytherapy in about one in five men treated for prostate cancer in the United States.");

        Assert.Equal(Terms.UnspecifiedRt, kinds);
    }

    [Fact]
    public void Rt_given_by_physicists_trained_in_a_kind_gives_no_kind()
    {
        // "by" names who gives it; "CyberKnife-certified" describes the staff.
        var kinds = RtOf("Pembrolizumab With Radiation Therapy for Melanoma Brain Metastases",
            "Radiation therapy will be given by CyberKnife-certified radiation oncologists at each participating site.");

        Assert.Equal(Terms.UnspecifiedRt, kinds);
    }

    // ---- 4. "prior to liver resection" as neoadjuvant ----------------------------------------

    private static IReadOnlyList<string> SettingsOf(string title, string? summary, string? criteria) =>
        Records.SettingsOf(title, summary, criteria, "Hepatocellular Carcinoma");

    [Fact]
    public void A_liver_function_test_prior_to_liver_resection_in_an_adjuvant_trial_is_not_neoadjuvant()
    {
        var settings = SettingsOf("Adjuvant Sintilimab After Liver Resection for Hepatocellular Carcinoma With Microvascular Invasion", null,
            "Inclusion Criteria:\n* Child-Pugh A liver function assessed within 7 days prior to liver resection\n* R0 resection\n\nExclusion Criteria:\n* Prior systemic therapy");

        Assert.DoesNotContain(Terms.NeoadjuvantSetting, settings);
    }

    [Fact]
    public void A_liver_function_test_prior_to_resection_in_an_adjuvant_trial_is_not_neoadjuvant()
    {
        // The same criterion with the older term "prior to resection": the flaw the new term inherits.
        var settings = SettingsOf("Adjuvant Sintilimab After Liver Resection for Hepatocellular Carcinoma With Microvascular Invasion", null,
            "Inclusion Criteria:\n* Child-Pugh A liver function assessed within 7 days prior to resection\n* R0 resection\n\nExclusion Criteria:\n* Prior systemic therapy");

        Assert.DoesNotContain(Terms.NeoadjuvantSetting, settings);
    }

    [Fact]
    public void Tace_that_patients_had_prior_to_liver_resection_is_not_the_trials_setting()
    {
        // The summary says whom the adjuvant trial enrols; the TACE before surgery is their history.
        var settings = SettingsOf("Adjuvant Nivolumab After Hepatectomy for Hepatocellular Carcinoma",
            "Patients who underwent TACE prior to liver resection and have a high risk of recurrence are randomised to adjuvant nivolumab or active surveillance.",
            null);

        Assert.DoesNotContain(Terms.NeoadjuvantSetting, settings);
    }
}
