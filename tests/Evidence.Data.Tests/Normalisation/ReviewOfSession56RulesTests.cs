using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review of vocabularies .161 and .162 (issue 10): "chemo" as chemotherapy, a
/// bare checkpoint resolved before the class, the title's antibody given beside another
/// intervention of the same class, radioiodine and radiopharmaceuticals by name, "before
/// starting" as a point in time, and drug companies as organisation words. Each case is written
/// the way registrants write, and asserts what a careful reviewer would label.
/// </summary>
public class ReviewOfSession56RulesTests
{
    // ---- 1. "chemo" as a partner-class term ----

    /// <summary>"Chemo" written for the treatment itself is chemotherapy (set 33's "Chemo only", a "Chemo-RT" course).</summary>
    [Theory]
    [InlineData("DRUG", "Chemo only", "chemotherapy", "")]
    [InlineData("RADIATION", "Chemo-RT", "chemotherapy", "RT, unspecified")]
    public void Chemo_written_for_the_treatment_is_chemotherapy(string type, string name, string partner, string kinds)
    {
        var terms = OnlyIntervention(Intervention(type, name));

        // The intervention gives chemotherapy (and, for chemo-RT, the RT too).
        Assert.Equal(partner, string.Join(" + ", terms.PartnerClasses));
        Assert.Equal(kinds, Kinds(terms));
    }

    /// <summary>An antiemetic for chemo-induced nausea: the chemotherapy is what causes the nausea, not what the trial gives.</summary>
    [Fact]
    public void An_antiemetic_for_chemo_induced_nausea_gives_no_chemotherapy()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Olanzapine for chemo-induced nausea and vomiting"));

        // "chemo-induced" names a side effect; "chemotherapy-induced" would read the same.
        Assert.Empty(terms.PartnerClasses);
    }

    /// <summary>A venous access port is a device for giving chemotherapy; the trial tests the port.</summary>
    [Theory]
    [InlineData("DEVICE", "Totally implantable chemo port")]
    [InlineData("PROCEDURE", "Chemo port placement")]
    public void A_chemo_port_gives_no_chemotherapy(string type, string name)
    {
        // A port is no drug: no partner class.
        Assert.Empty(OnlyIntervention(Intervention(type, name)).PartnerClasses);
    }

    /// <summary>A nurse-led "chemo class" teaches patients about chemotherapy they get outside the trial.</summary>
    [Fact]
    public void A_chemo_education_class_gives_no_chemotherapy()
    {
        var study = Normalise(WithPurpose(Trial("A Nurse-Led Chemo Class Before First Chemotherapy", null, [Intervention("BEHAVIORAL", "Chemo class")]), "SUPPORTIVE_CARE"));

        // A behavioural intervention of education is not chemotherapy.
        Assert.Empty(study.Interventions[0].PartnerClasses);
    }

    /// <summary>Maintenance "post-chemo": the chemotherapy came before the trial's drug.</summary>
    [Fact]
    public void Maintenance_post_chemo_gives_only_the_ici()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Pembrolizumab maintenance post-chemo"));

        // Pembrolizumab is given; the chemotherapy is history.
        Assert.Equal(["pembrolizumab"], terms.Agents);
        Assert.Empty(terms.PartnerClasses);
    }

    /// <summary>A cohort "chemo-unfit" is one that cannot have chemotherapy, as "chemo-ineligible" (a notTerm) is.</summary>
    [Fact]
    public void A_chemo_unfit_cohort_gives_no_chemotherapy()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Durvalumab (chemo-unfit cohort)"));

        // Durvalumab alone, for patients who cannot have chemotherapy.
        Assert.Equal(["durvalumab"], terms.Agents);
        Assert.Empty(terms.PartnerClasses);
    }

    /// <summary>An observation arm "(no adjuvant chemo)" gives nothing.</summary>
    [Fact]
    public void Observation_with_no_adjuvant_chemo_gives_no_chemotherapy()
    {
        // "no" says the chemotherapy is withheld.
        Assert.Empty(OnlyIntervention(Intervention("OTHER", "Observation (no adjuvant chemo)")).PartnerClasses);
    }

    // ---- 2. A bare checkpoint resolved as a class word is ----

    /// <summary>
    /// "Drug: PD-1" whose description lists the chemotherapy given with it, in a trial titled by
    /// its antibody: the drug is the title's camrelizumab (before .161 the chemotherapy in the
    /// description kept it from being read at all).
    /// </summary>
    [Fact]
    public void A_bare_checkpoint_beside_described_chemotherapy_is_the_titles_antibody()
    {
        var study = Normalise(Trial("Camrelizumab Plus Chemotherapy in Advanced Esophageal Squamous Cell Carcinoma", null,
            [Intervention("DRUG", "PD-1", "Paclitaxel 175 mg/m2 and cisplatin 75 mg/m2 every 3 weeks")]));

        // The "PD-1" drug is camrelizumab, given with paclitaxel and cisplatin.
        Assert.Equal(["camrelizumab", "cisplatin", "paclitaxel"], study.Interventions[0].Agents.Order(StringComparer.Ordinal));
    }

    /// <summary>"Drug: PD-1" whose arm offers several PD-1 antibodies stays the class.</summary>
    [Fact]
    public void A_bare_checkpoint_of_an_arm_offering_several_stays_a_class()
    {
        var study = Normalise(Trial("PD-1 Inhibitor Plus Chemotherapy in Esophageal Squamous Cell Carcinoma", null,
            [Intervention("DRUG", "PD-1", arms: ["A"])],
            Arm("A", "PD-1 inhibitor (sintilimab, camrelizumab or tislelizumab) plus paclitaxel and cisplatin", "Drug: PD-1")));

        // The physician chooses the antibody: PD-1 class, no agent.
        Assert.Empty(study.Interventions[0].Agents);
        Assert.Equal(["PD-1"], study.Interventions[0].Targets);
    }

    // ---- 3. The title's antibody beside another intervention of the same class ----

    /// <summary>Two class interventions of one checkpoint, the title naming one antibody with or without a partner: both arms give it.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Both_class_arms_of_a_with_or_without_title_take_its_antibody(int ordinal)
    {
        var study = Normalise(Trial("Camrelizumab Plus Chemotherapy With or Without Apatinib in Advanced Gastric Cancer", null,
            [Intervention("DRUG", "PD-1 + chemo"), Intervention("DRUG", "PD-1 + chemo + apatinib")]));

        // Camrelizumab is in both arms; only apatinib differs.
        Assert.Contains("camrelizumab", study.Interventions[ordinal].Agents);
    }

    /// <summary>
    /// "Tislelizumab Plus Sitravatinib Versus Anti-PD-1 Monotherapy": the comparator is any
    /// approved anti-PD-1 antibody, which the title itself sets against its tislelizumab.
    /// </summary>
    [Fact]
    public void A_class_comparator_the_title_sets_against_its_antibody_stays_a_class()
    {
        var study = Normalise(Trial("Tislelizumab Plus Sitravatinib Versus Anti-PD-1 Monotherapy in PD-L1-High Non-Small Cell Lung Cancer", null,
            [Intervention("DRUG", "Anti-PD-1 antibody plus sitravatinib", arms: ["Experimental"]), Intervention("DRUG", "Anti-PD-1 antibody", arms: ["Control"])],
            Arm("Experimental", "Anti-PD-1 antibody plus sitravatinib", "Drug: Anti-PD-1 antibody plus sitravatinib"),
            Arm("Control", "Approved anti-PD-1 monotherapy per local standard of care", "Drug: Anti-PD-1 antibody")));

        // The control arm's antibody is not tislelizumab: PD-1 class only.
        Assert.Empty(study.Interventions[1].Agents);
        Assert.Equal(["PD-1"], study.Interventions[1].Targets);
    }

    // ---- 4. Radioiodine and radiopharmaceuticals by name ----

    /// <summary>Lutathera and strontium-89 chloride named as the drug are radionuclide therapy, RT of no kind.</summary>
    [Theory]
    [InlineData("Lutathera")]
    [InlineData("Sr-89 chloride")]
    public void A_radiopharmaceutical_named_as_the_drug_is_rt(string name)
    {
        // Guide rule 10: radionuclide therapy is RT, unspecified.
        Assert.Equal("RT, unspecified", Kinds(OnlyIntervention(Intervention("DRUG", name))));
    }

    /// <summary>
    /// Chronic lymphocytic leukaemia is staged by Rai, often written "RAI stage" in capitals in
    /// titles and arms: a stage, not radioiodine.
    /// </summary>
    [Fact]
    public void A_cll_rai_stage_in_capitals_is_no_rt()
    {
        var untitled = Normalise(WithPurpose(Trial("Early Treatment of High-Risk RAI Stage 0-II Chronic Lymphocytic Leukemia", null, []), "TREATMENT"));
        var armed = Normalise(WithPurpose(Trial("Early Ibrutinib in Chronic Lymphocytic Leukemia", null, [Intervention("DRUG", "Ibrutinib", arms: ["Ibrutinib"])],
            Arm("Ibrutinib", "Patients with modified RAI stage intermediate-risk CLL receive ibrutinib 420 mg daily.", "Drug: Ibrutinib")), "TREATMENT"));

        // A CLL trial of ibrutinib gives no RT.
        Assert.Equal("", TrialKinds(untitled));
        Assert.Equal("", TrialKinds(armed));
    }

    /// <summary>"RAI-refractory" thyroid cancer: radioiodine failed before the trial.</summary>
    [Fact]
    public void Rai_refractory_thyroid_cancer_gives_no_rt()
    {
        var study = Normalise(WithPurpose(Trial("Lenvatinib in RAI-Refractory Differentiated Thyroid Cancer", null, [Intervention("DRUG", "Lenvatinib")]), "TREATMENT"));

        // Only lenvatinib is given.
        Assert.Equal("", TrialKinds(study));
    }

    /// <summary>The Risk Analysis Index (RAI), a frailty score, is no radioiodine.</summary>
    [Fact]
    public void The_risk_analysis_index_is_no_rt()
    {
        // The record defines its acronym as other words.
        Assert.Equal("", Kinds(OnlyIntervention(Intervention("OTHER", "Risk Analysis Index (RAI) frailty screening"))));
    }

    // ---- 5. "before starting X" as a point in time ----

    /// <summary>
    /// A PD-1 class intervention whose arm gives SBRT "completed 1 week before starting
    /// camrelizumab": the arm gives camrelizumab after the SBRT, in the trial.
    /// </summary>
    [Fact]
    public void An_arms_antibody_given_after_sbrt_before_starting_it_resolves_the_class()
    {
        var study = Normalise(Trial("SBRT Followed by PD-1 Inhibitor in Oligometastatic Non-Small Cell Lung Cancer", null,
            [Intervention("DRUG", "PD-1 inhibitor", arms: ["SBRT + PD-1"]), Intervention("RADIATION", "SBRT", arms: ["SBRT + PD-1"])],
            Arm("SBRT + PD-1", "SBRT 8 Gy x 3 fractions to the primary tumour, completed 1 week before starting camrelizumab 200 mg every 3 weeks.", "Drug: PD-1 inhibitor", "Radiation: SBRT")));

        // The PD-1 inhibitor is the arm's camrelizumab.
        Assert.Equal(["camrelizumab"], study.Interventions[0].Agents);
    }

    /// <summary>
    /// "Radiotherapy" whose description gives induction chemotherapy, "then a 2-week rest before
    /// starting IMRT": the trial's radiotherapy is that IMRT.
    /// </summary>
    [Fact]
    public void A_radiotherapy_described_as_imrt_after_induction_is_ebrt()
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "Radiotherapy", "Three cycles of TPF induction chemotherapy, then a 2-week rest before starting IMRT (70 Gy in 33 fractions)."));

        // IMRT is external beam RT.
        Assert.Equal("EBRT", Kinds(terms));
    }

    /// <summary>A baseline MRI "before starting radiotherapy" in an imaging study: the RT is the patients' standard care, not the trial's.</summary>
    [Fact]
    public void A_baseline_mri_before_starting_rt_gives_no_rt()
    {
        var study = Normalise(WithPurpose(Trial("Diffusion-Weighted MRI to Predict Response of Rectal Cancer",
            "A baseline diffusion-weighted MRI will be performed before starting radiotherapy.",
            [Intervention("DIAGNOSTIC_TEST", "Diffusion-weighted MRI")]), "TREATMENT"));

        // The trial gives an MRI.
        Assert.Equal("", TrialKinds(study));
    }

    // ---- 6. Drug companies as organisation words ----

    /// <summary>Roche, Janssen and Takeda are common surnames: a person's name with one is still a person.</summary>
    [Theory]
    [InlineData("Hiroshi Takeda", "OTHER")]
    [InlineData("Dr. Eamonn Roche", "OTHER")]
    [InlineData("Koji Takeda, MD, PhD", null)]
    [InlineData("Jean-Pierre Roche", "OTHER")]
    public void A_person_with_a_companys_name_is_a_person(string sponsor, string? sponsorClass)
    {
        // A title, a degree or a first name and surname: a person, not a company.
        Assert.Equal($"the sponsor, {sponsor}, is a person; the record names no institution", Normalise(Sponsored(sponsor, sponsorClass, null)).Summary.Institution);
    }

    /// <summary>
    /// A sponsor-investigator at Radboud whose surname is Janssen: the institution is the
    /// investigator's affiliation, and the sponsor a person.
    /// </summary>
    [Fact]
    public void A_sponsor_investigator_named_janssen_is_a_person()
    {
        var protocol = Sponsored("Marieke Janssen", "OTHER", "SPONSOR_INVESTIGATOR");
        protocol["sponsorCollaboratorsModule"]!["responsibleParty"]!["investigatorFullName"] = "Marieke Janssen";
        protocol["sponsorCollaboratorsModule"]!["responsibleParty"]!["investigatorAffiliation"] = "Radboud University Medical Center";

        // The investigator's affiliation is the institution.
        Assert.Equal("Radboud University Medical Center; the sponsor, Marieke Janssen, is a person", Normalise(protocol).Summary.Institution);
    }

    /// <summary>Companies registered under names without an organisation word are companies.</summary>
    [Theory]
    [InlineData("Daiichi Sankyo")]
    [InlineData("Janssen-Cilag")]
    [InlineData("Janssen Pharmaceutica N.V.")]
    public void A_drug_company_without_an_organisation_word_is_no_person(string sponsor)
    {
        // The lead sponsor is the company.
        Assert.Equal(sponsor, Normalise(Sponsored(sponsor, null, null)).Summary.Institution);
    }
}
