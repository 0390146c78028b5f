using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review of vocabulary .166 (issue 10): "Carbo" as carboplatin, major bleeding as
/// safety, radiation oncology notTerms, an "other" term after "in"/"among", death as a competing
/// risk, diarrhoea and injuries "during" RT, observed patients "getting"/"requiring" RT,
/// "waiting"/"timeliness" before RT, and slashed checkpoints given only with their class word.
/// Each case is written the way registrants write, and asserts what a careful reviewer would label.
/// </summary>
public class ReviewOfSession57bRulesTests
{
    private static JsonObject WithPrimary(JsonObject protocol, string measure)
    {
        protocol["outcomesModule"] = new JsonObject { ["primaryOutcomes"] = new JsonArray(new JsonObject { ["measure"] = measure, ["timeFrame"] = "12 weeks" }) };
        return protocol;
    }

    private static string Targets(NormalisedStudy study) => string.Join(" + ", (study.FreeText?.Targets ?? []).Order(StringComparer.Ordinal));

    // ---- 1. "Carbo" ----

    /// <summary>ERAS trials give a "carbo-loading" drink (carbohydrate) before surgery.</summary>
    [Theory]
    [InlineData("Preoperative carbo-loading drink")]
    [InlineData("Carbo loading (400 ml clear carbohydrate beverage)")]
    public void Carbohydrate_loading_is_not_carboplatin(string name)
    {
        // A sugary drink before an operation: no chemotherapy.
        Assert.Empty(OnlyIntervention(Intervention("DIETARY_SUPPLEMENT", name)).Agents);
    }

    /// <summary>Homeopathy trials in oncology supportive care give "Carbo vegetabilis" (vegetable charcoal).</summary>
    [Fact]
    public void Homeopathic_carbo_vegetabilis_is_not_carboplatin()
    {
        // Charcoal in homeopathic dilution: no chemotherapy.
        Assert.Empty(OnlyIntervention(Intervention("DRUG", "Carbo vegetabilis 30C")).Agents);
    }

    /// <summary>Positive control: the gynaecologic-oncology shorthand "Carbo/Pacli" with RT.</summary>
    [Fact]
    public void Carbo_and_paclitaxel_shorthand_is_carboplatin()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Weekly Carbo AUC 2 and paclitaxel 50 mg/m2"));

        // Carboplatin AUC 2 with paclitaxel: the CROSS regimen.
        Assert.Equal("carboplatin + paclitaxel", string.Join(" + ", terms.Agents.Order(StringComparer.Ordinal)));
    }

    // ---- 2. "Major bleeding" as the efficacy endpoint ----

    /// <summary>Tranexamic acid for bleeding tumours (haemoptysis, GI bleeding): stopping the bleeding is what the drug is for.</summary>
    [Fact]
    public void Tranexamic_acid_measures_major_bleeding_as_its_aim()
    {
        var protocol = WithPrimary(WithPurpose(Trial("Tranexamic Acid for Bleeding in Patients With Advanced Gastric Cancer", null,
            [Intervention("DRUG", "Tranexamic acid")]), "TREATMENT"), "Rate of recurrent major bleeding within 7 days");

        // Recurrent bleeding is the efficacy endpoint of a haemostatic drug, not its harm.
        Assert.Equal("other", Normalise(protocol).Outcomes[0].EndpointClass);
    }

    /// <summary>Haemostatic RT for bleeding gastric or bladder cancer: its primary endpoint is bleeding control.</summary>
    [Fact]
    public void Haemostatic_radiotherapy_measures_major_bleeding_as_its_aim()
    {
        var protocol = WithPrimary(WithPurpose(Trial("Haemostatic Radiotherapy for Bleeding Inoperable Gastric Cancer", null,
            [Intervention("RADIATION", "Haemostatic radiotherapy 20 Gy in 5 fractions")]), "TREATMENT"), "Proportion of patients free of major bleeding 30 days after radiotherapy");

        // Freedom from bleeding is the response to haemostatic RT, not a toxicity of it.
        Assert.Equal("other", Normalise(protocol).Outcomes[0].EndpointClass);
    }

    /// <summary>Positive control: major bleeding of an anticoagulant for cancer-associated thrombosis.</summary>
    [Fact]
    public void An_anticoagulants_major_bleeding_is_safety()
    {
        var protocol = WithPrimary(WithPurpose(Trial("Apixaban Versus Dalteparin for Cancer-Associated Venous Thromboembolism", null,
            [Intervention("DRUG", "Apixaban"), Intervention("DRUG", "Dalteparin")]), "TREATMENT"), "Incidence of major bleeding");

        // The harm of the anticoagulant given.
        Assert.Equal("safety", Normalise(protocol).Outcomes[0].EndpointClass);
    }

    // ---- 3. "Radiation oncology" notTerms ----

    /// <summary>A rapid-access palliative trial: consultation and RT on the same day.</summary>
    [Fact]
    public void Same_day_radiation_oncology_consultation_and_rt_gives_rt()
    {
        var study = Normalise(WithPurpose(Trial("Same-Day Radiation Oncology Consultation and Palliative Radiotherapy for Bone Metastases", null, []), "TREATMENT"));

        // The palliative RT is given; the consultation is the pathway around it.
        Assert.Equal("RT, unspecified", TrialKinds(study));
    }

    /// <summary>An RT intervention registered under the name of the visit at which the single fraction is delivered.</summary>
    [Fact]
    public void A_single_fraction_delivered_at_the_radiation_oncology_visit_is_rt()
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "Radiation Oncology Visit", "Single 8 Gy fraction delivered at the radiation oncology visit."));

        // 8 Gy in one fraction is given (hypofractionated external beam).
        Assert.Equal("Hypofractionated RT", Kinds(terms));
    }

    // ---- 4. An "other" term after "in" / "among" ----

    /// <summary>A PK measure split by response: what is measured is the plasma concentration.</summary>
    [Fact]
    public void A_change_in_plasma_concentration_by_response_is_other()
    {
        // Pharmacokinetics measured; "objective response" only splits the patients.
        Assert.Equal("other", Normalise(WithOutcome("Change in plasma concentration of durvalumab in patients with and without objective response")).Outcomes[0].EndpointClass);
    }

    /// <summary>An MRD trial measures MRD among patients already in remission.</summary>
    [Fact]
    public void A_reduction_in_mrd_among_patients_in_remission_is_other()
    {
        // MRD is measured; the complete remission is who is measured.
        Assert.Equal("other", Normalise(WithOutcome("Reduction in MRD among patients in complete remission after consolidation")).Outcomes[0].EndpointClass);
    }

    /// <summary>Cancer-specific survival compared between patients with and without pCR.</summary>
    [Fact]
    public void A_difference_in_cancer_specific_survival_by_pcr_is_other()
    {
        // Cancer-specific survival is measured ("other" here); pCR defines the groups.
        Assert.Equal("other", Normalise(WithOutcome("Difference in cancer-specific survival among patients with and without pathological complete response")).Outcomes[0].EndpointClass);
    }

    /// <summary>Positive control: PFS measured in the MRD-positive population.</summary>
    [Fact]
    public void Pfs_in_mrd_positive_patients_is_pfs()
    {
        // PFS is measured; MRD names the population.
        Assert.Equal("PFS", Normalise(WithOutcome("Progression-free survival in MRD-positive patients")).Outcomes[0].EndpointClass);
    }

    // ---- 5. Death as a competing risk ----

    /// <summary>Local recurrence with death as a competing risk: the event counted is recurrence.</summary>
    [Fact]
    public void Local_recurrence_with_death_as_a_competing_risk_is_local_control()
    {
        // Cumulative incidence of local recurrence, death censored as competing.
        Assert.Equal("local control", Normalise(WithOutcome("Cumulative incidence of local recurrence with death as a competing risk")).Outcomes[0].EndpointClass);
    }

    /// <summary>The same, worded "accounting for the competing risk of death".</summary>
    [Fact]
    public void The_competing_risk_of_death_is_not_survival()
    {
        // Distant metastasis is measured; death is the competing risk ("other": no class for metastasis).
        Assert.Equal("other", Normalise(WithOutcome("Cumulative incidence of distant metastasis accounting for the competing risk of death")).Outcomes[0].EndpointClass);
    }

    // ---- 6. Diarrhoea and injuries "during" RT ----

    /// <summary>An antiemetic trial (supportive care) counts the drug's adverse events, diarrhoea among them.</summary>
    [Fact]
    public void An_antiemetics_adverse_events_including_diarrhoea_are_safety()
    {
        var protocol = WithPrimary(WithPurpose(Trial("Olanzapine for Prevention of Chemotherapy-Induced Nausea and Vomiting", null,
            [Intervention("DRUG", "Olanzapine")]), "SUPPORTIVE_CARE"), "Number of participants with adverse events, including constipation and diarrhoea");

        // Harms of the olanzapine given: safety, not what the trial prevents.
        Assert.Equal("safety", Normalise(protocol).Outcomes[0].EndpointClass);
    }

    /// <summary>
    /// A phase I of drugs given with preoperative chemoradiotherapy; its title names the
    /// diarrhoea that limits their dose. The trial gives the drugs (and the RT with them).
    /// </summary>
    [Theory]
    [InlineData("Incidence of grade 3 or higher diarrhoea", false)]
    [InlineData("Dose-limiting toxicity", false)]
    [InlineData("Dose-limiting toxicity", true)]
    public void Diarrhoea_during_chemoradiotherapy_with_drugs_given_is_their_toxicity(string measure, bool listsRt)
    {
        JsonObject[] interventions = listsRt
            ? [Intervention("DRUG", "Capecitabine"), Intervention("DRUG", "Irinotecan"), Intervention("RADIATION", "Pelvic radiotherapy 45 Gy in 25 fractions")]
            : [Intervention("DRUG", "Capecitabine"), Intervention("DRUG", "Irinotecan")];
        var protocol = WithPrimary(WithPurpose(Trial("Diarrhoea During Preoperative Chemoradiotherapy With Capecitabine and Irinotecan for Rectal Cancer: a Phase I Trial", null,
            interventions), "TREATMENT"), measure);

        // The diarrhoea and the DLT are the toxicity of what the trial gives: safety.
        Assert.Equal("safety", Normalise(protocol).Outcomes[0].EndpointClass);
    }

    /// <summary>A fractionation trial names acute toxicity during RT in its title.</summary>
    [Theory]
    [InlineData("Acute Toxicity During Moderately Hypofractionated Radiotherapy for Prostate Cancer: a Phase II Trial")]
    [InlineData("Acute Toxicity During Hypofractionated Versus Conventional Radiotherapy for Prostate Cancer")]
    public void Acute_toxicity_during_hypofractionated_rt_is_safety(string title)
    {
        var protocol = WithPrimary(WithPurpose(Trial(title, null,
            [Intervention("RADIATION", "Hypofractionated radiotherapy 60 Gy in 20 fractions")]), "TREATMENT"),
            "Incidence of acute grade 2 or worse genitourinary toxicity");

        // The toxicity of the RT the trial gives: safety.
        Assert.Equal("safety", Normalise(protocol).Outcomes[0].EndpointClass);
    }

    /// <summary>A single-arm trial of SBRT with pembrolizumab; its title is about the adverse events during both.</summary>
    [Fact]
    public void Adverse_events_during_sbrt_with_pembrolizumab_keep_the_sbrt()
    {
        var study = Normalise(WithPurpose(Trial("Immune-Related Adverse Events During Stereotactic Body Radiotherapy Combined With Pembrolizumab in Metastatic NSCLC", null,
            [Intervention("DRUG", "Pembrolizumab")]), "TREATMENT"));

        // SBRT is given with pembrolizumab.
        Assert.Equal("SBRT", TrialKinds(study));
    }

    /// <summary>Positive control: a probiotic for diarrhoea during pelvic RT treats the injury.</summary>
    [Fact]
    public void A_probiotic_for_diarrhoea_during_pelvic_rt_gives_no_rt()
    {
        var protocol = WithPrimary(WithPurpose(Trial("Probiotics for the Prevention of Diarrhoea During Pelvic Radiotherapy", null,
            [Intervention("DIETARY_SUPPLEMENT", "Lactobacillus probiotic")]), "TREATMENT"), "Incidence of grade 2 or higher diarrhoea");
        var study = Normalise(protocol);

        // The RT is the patients'; the diarrhoea is what the probiotic prevents.
        Assert.Equal("", TrialKinds(study));
        Assert.Equal("other", study.Outcomes[0].EndpointClass);
    }

    // ---- 7. "getting" / "requiring" ----

    /// <summary>Observational comparisons of fractionations in the elderly: what they study is the RT.</summary>
    [Theory]
    [InlineData("Outcomes of Elderly Patients Requiring Radiotherapy: Hypofractionated Versus Conventional Fractionation")]
    [InlineData("Outcomes of Elderly Patients Getting Hypofractionated Versus Conventional Radiotherapy for Glioblastoma")]
    public void An_observational_comparison_of_rt_in_patients_requiring_it_observes_the_rt(string title)
    {
        var study = Normalise(Observational(title));

        // The study compares the fractionations: the RT observed is the study's (labelling guide), hypofractionated among it.
        Assert.Contains("Hypofractionated RT", TrialKinds(study));
    }

    /// <summary>Positive control: an interventional trial whose title names patients "requiring" local treatment.</summary>
    [Fact]
    public void An_interventional_title_requiring_treatment_gives_sbrt()
    {
        var study = Normalise(WithPurpose(Trial("Stereotactic Body Radiotherapy for Patients Requiring Local Treatment of Oligoprogressive NSCLC", null, []), "TREATMENT"));

        // SBRT is the treatment given.
        Assert.Equal("SBRT", TrialKinds(study));
    }

    // ---- 8. "waiting" and "timeliness" ----

    /// <summary>Low-grade follicular lymphoma: watchful waiting or low-dose involved-field RT.</summary>
    [Fact]
    public void Watchful_waiting_versus_radiotherapy_gives_rt()
    {
        var study = Normalise(WithPurpose(Trial("Watchful Waiting Versus Low-Dose Radiotherapy for Early-Stage Follicular Lymphoma",
            "Patients are randomised to watchful waiting or to radiotherapy of 2 x 2 Gy to the involved site.", []), "TREATMENT"));

        // One arm gives RT.
        Assert.Equal("RT, unspecified", TrialKinds(study));
    }

    /// <summary>Benign low-dose RT trials compare against a waiting-list control.</summary>
    [Fact]
    public void Waiting_list_control_versus_low_dose_rt_gives_rt()
    {
        var study = Normalise(WithPurpose(Trial("Waiting-List Control Versus Low-Dose Radiotherapy for Painful Knee Osteoarthritis", null, []), "TREATMENT"));

        // The experimental arm gives low-dose RT.
        Assert.Equal("RT, unspecified", TrialKinds(study));
    }

    /// <summary>Positive control: waiting times for RT are measured, not given.</summary>
    [Fact]
    public void Waiting_times_for_radiotherapy_give_no_rt()
    {
        var study = Normalise(Trial("Reducing Waiting Times for Palliative Radiotherapy With a Rapid Access Clinic", null, [Intervention("OTHER", "Rapid access clinic")]));

        // A clinic pathway: no RT given by the trial.
        Assert.Equal("", TrialKinds(study));
    }

    // ---- 9. Slashed checkpoints ----

    /// <summary>Positive control: RT plus the slashed class gives both checkpoints.</summary>
    [Fact]
    public void Rt_plus_pd1_pdl1_inhibitors_gives_both()
    {
        var study = Treatment("Hypofractionated Radiotherapy Plus PD-1/PD-L1 Inhibitors for Oligometastatic NSCLC", Intervention("RADIATION", "Hypofractionated radiotherapy"));

        // Both checkpoints the class names are given.
        Assert.Equal("PD-1 + PD-L1", Targets(study));
    }

    /// <summary>A rechallenge trial gives the slashed class again with SBRT.</summary>
    [Fact]
    public void A_pd1_pdl1_inhibitor_rechallenge_with_sbrt_gives_both()
    {
        var study = Treatment("PD-1/PD-L1 Inhibitor Rechallenge Combined With SBRT in Advanced NSCLC", Intervention("RADIATION", "SBRT"));

        // Rechallenge means the inhibitors are given again in the trial.
        Assert.Equal("PD-1 + PD-L1", Targets(study));
    }
}
