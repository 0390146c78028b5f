using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review of vocabulary .163 (issue 10): a title's ICI compared "Versus" what
/// follows (FreeTextEvidence.ComparedInTitle), "platinum" alone as chemotherapy, a cancer-free
/// interval as DFS/RFS, and the guards of the first review of .161-.162 ("chemo" only where
/// given, the title's class beside its antibody, "before starting" after an assessment, company
/// names). Each case is written the way registrants write, and asserts what a careful
/// systematic reviewer would label, not what the code does.
/// </summary>
public class ReviewOfSession56bRulesTests
{
    /// <summary>The ICIs the trial's free text gives, by name, in order (their targets follow from them).</summary>
    private static string SortedIci(NormalisedStudy study) =>
        string.Join(" + ", (study.FreeText?.Agents ?? []).Order(StringComparer.Ordinal));

    // ---- 1. A title's ICI compared "Versus" what follows ----

    /// <summary>A translational study that collects stool from patients already on either treatment.</summary>
    [Fact]
    public void A_microbiome_study_comparing_an_ici_with_chemotherapy_gives_no_ici()
    {
        var study = Normalise(WithPurpose(Trial("Effect of Pembrolizumab Versus Chemotherapy on the Gut Microbiome in Advanced NSCLC", null,
            [Intervention("OTHER", "Stool sample collection")]), "BASIC_SCIENCE"));

        // The study gives stool sampling; pembrolizumab is the patients' standard care.
        Assert.Equal("", SortedIci(study));
    }

    /// <summary>An imaging study whose only drug is the PET tracer (registrants often type the purpose OTHER, not DIAGNOSTIC).</summary>
    [Fact]
    public void A_pet_response_study_of_patients_on_an_ici_gives_no_ici()
    {
        var study = Normalise(WithPurpose(Trial("Pembrolizumab Versus Chemotherapy: Early FDG-PET/CT Response in Advanced NSCLC", null,
            [Intervention("DRUG", "18F-FDG")]), "OTHER"));

        // The trial gives FDG and a scan; the antibody is given outside it.
        Assert.Equal("", SortedIci(study));
    }

    /// <summary>A quality-of-life study of patients treated in routine practice.</summary>
    [Fact]
    public void A_quality_of_life_comparison_in_routine_practice_gives_no_ici()
    {
        var study = Normalise(WithPurpose(Trial("Nivolumab Versus Docetaxel: Health-Related Quality of Life in Routine Practice", null,
            [Intervention("OTHER", "EORTC QLQ-C30 questionnaire")]), "HEALTH_SERVICES_RESEARCH"));

        // Only a questionnaire is given; the treatment is chosen in routine care.
        Assert.Equal("", SortedIci(study));
    }

    /// <summary>Cardiac monitoring of patients on one of two consolidation antibodies.</summary>
    [Fact]
    public void A_troponin_monitoring_study_of_patients_on_an_ici_gives_no_ici()
    {
        var study = Normalise(WithPurpose(Trial("Safety of Atezolizumab Versus Durvalumab: Cardiac Troponin Monitoring in Lung Cancer", null,
            [Intervention("DIAGNOSTIC_TEST", "High-sensitivity troponin")]), "OTHER"));

        // The study draws blood; neither antibody is assigned by it.
        Assert.Equal("", SortedIci(study));
    }

    /// <summary>A survivorship follow-up of patients of an earlier, finished trial.</summary>
    [Fact]
    public void A_long_term_follow_up_of_an_earlier_trial_gives_no_ici()
    {
        var study = Normalise(WithPurpose(Trial("Ipilimumab Versus High-Dose Interferon Alfa-2b: Long-Term Follow-up of Survivors", null,
            [Intervention("OTHER", "Survivorship questionnaire")]), "OTHER"));

        // The ipilimumab was given in the parent trial, years before.
        Assert.Equal("", SortedIci(study));
    }

    /// <summary>An economic evaluation registered beside a trial.</summary>
    [Fact]
    public void A_cost_effectiveness_analysis_gives_no_ici()
    {
        var study = Normalise(WithPurpose(Trial("Nivolumab Versus Docetaxel in Second-Line NSCLC: Cost-Effectiveness Analysis", null,
            [Intervention("OTHER", "Resource use data collection")]), "HEALTH_SERVICES_RESEARCH"));

        // Costs are collected; no drug is given.
        Assert.Equal("", SortedIci(study));
    }

    /// <summary>Patients on an ICI in routine care given a vaccine: the trial gives the vaccine.</summary>
    [Fact]
    public void A_vaccine_response_study_in_patients_on_icis_gives_no_ici()
    {
        var study = Normalise(WithPurpose(Trial("Nivolumab Versus Pembrolizumab and Influenza Vaccination: Antibody Response", null,
            [Intervention("BIOLOGICAL", "Influenza vaccine")]), "BASIC_SCIENCE"));

        // The antibodies are the patients' own treatment, the vaccine the trial's.
        Assert.Equal("", SortedIci(study));
    }

    /// <summary>A real-world comparison of two antibodies (labelling guide, per trial: an observational study observes what it compares).</summary>
    [Fact]
    public void A_real_world_comparison_observes_both_icis()
    {
        var study = Normalise(Observational("Effectiveness of Nivolumab Versus Pembrolizumab in Real-World Advanced Melanoma"));

        // Both sides of the comparison are what the study observes.
        Assert.Equal("nivolumab + pembrolizumab", SortedIci(study));
    }

    /// <summary>A stop-or-continue trial that lists only the discontinuation.</summary>
    [Fact]
    public void Continuing_an_ici_versus_observation_gives_the_ici()
    {
        var study = Normalise(WithPurpose(Trial("Pembrolizumab Versus Observation After One Year of Treatment in Advanced Melanoma", null,
            [Intervention("OTHER", "Treatment discontinuation")]), "TREATMENT"));

        // One arm continues pembrolizumab within the trial.
        Assert.Equal("pembrolizumab", SortedIci(study));
    }

    /// <summary>CheckMate 9LA-like: the record lists only the chemotherapy.</summary>
    [Fact]
    public void Two_icis_versus_an_ici_plus_chemotherapy_gives_both()
    {
        var study = Normalise(WithPurpose(Trial("Nivolumab and Ipilimumab Versus Nivolumab Plus Chemotherapy in First-Line NSCLC", null,
            [Intervention("DRUG", "Chemotherapy")]), "TREATMENT"));

        // Both antibodies are assigned by the trial.
        Assert.Equal("ipilimumab + nivolumab", SortedIci(study));
    }

    // ---- 2. "platinum" as chemotherapy ----

    /// <summary>A cohort named by the patients' earlier platinum.</summary>
    [Fact]
    public void A_post_platinum_cohort_gives_no_chemotherapy()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Pembrolizumab (post-platinum cohort)"));

        // Pembrolizumab alone; the platinum came before the trial.
        Assert.Equal(["pembrolizumab"], terms.Agents);
        Assert.Empty(terms.PartnerClasses);
    }

    /// <summary>Second-line monotherapy named with the failed first line.</summary>
    [Fact]
    public void An_ici_after_platinum_failure_gives_no_chemotherapy()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Atezolizumab after platinum failure"));

        // "after ... failure" is history.
        Assert.Empty(terms.PartnerClasses);
    }

    /// <summary>Platinum coils that embolise the gastroduodenal artery before Y-90 radioembolisation.</summary>
    [Fact]
    public void Platinum_embolisation_coils_give_no_chemotherapy()
    {
        var terms = OnlyIntervention(Intervention("DEVICE", "Platinum microcoils"));

        // A device made of platinum metal, not a drug.
        Assert.Empty(terms.PartnerClasses);
    }

    /// <summary>A cohort of patients pretreated with a platinum doublet.</summary>
    [Fact]
    public void A_platinum_doublet_pretreated_cohort_gives_no_chemotherapy()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Nivolumab (platinum-doublet-pretreated cohort)"));

        // The doublet was the earlier line.
        Assert.Empty(terms.PartnerClasses);
    }

    /// <summary>"Platinum-experienced", as urothelial trials name their second-line cohort.</summary>
    [Fact]
    public void A_platinum_experienced_cohort_gives_no_chemotherapy()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Avelumab (platinum-experienced cohort)"));

        // Experienced = treated before.
        Assert.Empty(terms.PartnerClasses);
    }

    /// <summary>A drug named with its disease, "Platinum Resistant Ovarian Cancer".</summary>
    [Fact]
    public void A_name_with_platinum_resistant_ovarian_cancer_gives_no_chemotherapy()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Dostarlimab for Platinum Resistant Ovarian Cancer"));

        // The disease is named, not a chemotherapy.
        Assert.Empty(terms.PartnerClasses);
    }

    /// <summary>"platinum" as the chemotherapy partner of an ICI.</summary>
    [Fact]
    public void An_ici_plus_platinum_gives_chemotherapy()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Camrelizumab plus platinum"));

        // The platinum is given with camrelizumab.
        Assert.Equal(["chemotherapy"], terms.PartnerClasses);
    }

    // ---- 3. Cancer-free ----

    /// <summary>A risk-reducing surgery trial in BRCA carriers, who have no cancer.</summary>
    [Fact]
    public void Ovarian_cancer_free_survival_after_risk_reducing_surgery_is_other()
    {
        var protocol = WithConditions(WithPurpose(WithOutcome("Ovarian cancer-free survival"), "PREVENTION"), "BRCA1 Mutation Carrier");

        // Cancer incidence in healthy carriers is no recurrence of a treated cancer.
        Assert.Equal("other", Normalise(protocol).Outcomes.Single().EndpointClass);
    }

    /// <summary>Invasive breast cancer-free interval in an adjuvant trial.</summary>
    [Fact]
    public void A_breast_cancer_free_interval_in_an_adjuvant_trial_is_dfs()
    {
        var protocol = WithConditions(WithPurpose(WithOutcome("Invasive breast cancer-free interval"), "TREATMENT"), "Breast Cancer");

        // Recurrence after treatment of a cancer: DFS/RFS.
        Assert.Equal("DFS/RFS", Normalise(protocol).Outcomes.Single().EndpointClass);
    }

    // ---- 4. The first review's guards ----

    /// <summary>A title that names its antibody's class in apposition, and two class interventions.</summary>
    [Fact]
    public void A_title_naming_its_antibodys_class_in_brackets_still_gives_it_to_both_class_arms()
    {
        var study = Normalise(Trial("Camrelizumab (Anti-PD-1 Antibody) Plus Chemotherapy With or Without Apatinib in Advanced Gastric Cancer", null,
            [Intervention("DRUG", "PD-1 + chemo"), Intervention("DRUG", "PD-1 + chemo + apatinib")]));

        // "(Anti-PD-1 Antibody)" says what camrelizumab is; it is no comparator; both arms give it.
        Assert.Contains("camrelizumab", study.Interventions[0].Agents);
        Assert.Contains("camrelizumab", study.Interventions[1].Agents);
    }

    /// <summary>A title whose class word is the biomarker of its population ("PD-L1-High").</summary>
    [Fact]
    public void A_titles_pd_l1_biomarker_does_not_keep_its_antibody_from_the_class_arms()
    {
        var study = Normalise(Trial("Durvalumab Plus Chemotherapy With or Without Tremelimumab in PD-L1-High NSCLC", null,
            [Intervention("DRUG", "Anti-PD-L1 antibody + chemotherapy"), Intervention("DRUG", "Anti-PD-L1 antibody + chemotherapy + tremelimumab")]));

        // "PD-L1-High" is a marker, not a comparator; the anti-PD-L1 antibody is durvalumab.
        Assert.Contains("durvalumab", study.Interventions[0].Agents);
    }

    /// <summary>A prophylactic gastrostomy placed before standard chemoradiotherapy.</summary>
    [Fact]
    public void A_gastrostomy_placed_before_starting_chemoradiotherapy_gives_no_rt()
    {
        var terms = OnlyIntervention(Intervention("PROCEDURE", "Prophylactic gastrostomy",
            "A percutaneous endoscopic gastrostomy tube is placed in the 2 weeks before starting radiotherapy."));

        // The RT is the patients' care; the trial gives the tube.
        Assert.Equal("", Kinds(terms));
    }

    /// <summary>"chemo" after surgery that the intervention gives.</summary>
    [Fact]
    public void Surgery_followed_by_adjuvant_chemo_gives_chemotherapy()
    {
        var terms = OnlyIntervention(Intervention("PROCEDURE", "Surgery followed by adjuvant chemo"));

        // The intervention is a sequence of both.
        Assert.Contains("chemotherapy", terms.PartnerClasses);
    }

    /// <summary>A real lead sponsor name without its class (rebuilt records often lack it).</summary>
    [Fact]
    public void Les_laboratoires_servier_is_no_person()
    {
        // A French drug company, not a person named Servier.
        Assert.Equal("Les Laboratoires Servier", Normalise(Sponsored("Les Laboratoires Servier", null, null)).Summary.Institution);
    }
}
