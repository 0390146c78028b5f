using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Review of the set-57 rules (formula descriptions, placebo partners, co-formulation codes among
/// other names, lists of radiation sources, x-rays beside internal radiation, whole-brain RT by
/// dose, slashed checkpoints and "scheduled to" in free text): inputs written as registrants
/// write them, each asserting the right answer. The texts are written for these tests by an
/// independent review of the change. At review, it failed the x-ray and gamma-ray cases (a kind
/// beside the rays it uses), internal, intracavitary and interstitial radiation beside
/// brachytherapy, formulas that gave an ICI or chemotherapy an intervention of the same arm is
/// named for (by drug or by class), matched and double-dummy placebos, a co-formulation in its
/// own arm, a repeated placebo partner, a code or mimicked drug in brackets after the formula's
/// head, and a drug listed only for another arm; all were mended before the change went in.
/// Left: "PD-1/CTLA-4 Bispecific Antibody" in a bare title gives no target (as before the change).
/// </summary>
public class ReviewOfSet57RulesTests
{
    private static JsonObject BareTrial(string? title, string? summary) => Trial(title ?? "A Study", summary, []);

    // ---- Rule 1: formula descriptions -------------------------------------------------------

    /// <summary>
    /// The chemotherapy intervention writes the arm's formula, the ICI in it listed as an
    /// intervention of its own under a class name ("PD-1 inhibitor"). The ICI is that
    /// intervention's: before the formula rule, the description path kept it off (NamedElsewhere).
    /// </summary>
    [Fact]
    public void A_chemotherapy_formula_does_not_give_the_ici_a_class_named_intervention_gives()
    {
        var study = Normalise(WithArms(
            [Intervention("DRUG", "PD-1 inhibitor", "Sintilimab 200 mg IV on day 1 of each 21-day cycle"),
             Intervention("DRUG", "Paclitaxel", "Paclitaxel (175 mg/m2, d1) + carboplatin (AUC 5, d1) + sintilimab (200 mg, d1), every 3 weeks")]));

        Assert.Equal(["carboplatin", "paclitaxel"], study.Interventions[1].Agents.Order());
        Assert.Empty(study.Interventions[1].Targets);
        Assert.Equal(["sintilimab"], study.Interventions[0].Agents);
    }

    /// <summary>Same, the chemotherapy intervention named by its kind ("Chemotherapy").</summary>
    [Fact]
    public void A_chemotherapy_named_by_kind_does_not_take_the_ici_of_a_class_named_intervention()
    {
        var study = Normalise(WithArms(
            [Intervention("DRUG", "Anti-PD-1 antibody", "Camrelizumab 200 mg IV every 3 weeks"),
             Intervention("DRUG", "Chemotherapy", "Nab-paclitaxel (260 mg/m2, d1) + carboplatin (AUC 5, d1) + camrelizumab (200 mg, d1)")]));

        Assert.DoesNotContain("camrelizumab", study.Interventions[1].Agents);
        Assert.Empty(study.Interventions[1].Targets);
    }

    /// <summary>
    /// The ICI intervention writes the arm's formula while the chemotherapy is an intervention of
    /// its own named by its kind ("Chemotherapy", its description naming the drugs): the drugs
    /// are that intervention's, not the ICI's.
    /// </summary>
    [Fact]
    public void An_ici_formula_does_not_take_the_drugs_a_chemotherapy_intervention_gives()
    {
        var study = Normalise(WithArms(
            [Intervention("DRUG", "Tislelizumab", "Tislelizumab (200 mg, d1, Q3W) + nab-paclitaxel (260 mg/m2, d1) + cisplatin (75 mg/m2, d1)"),
             Intervention("DRUG", "Chemotherapy", "Nab-paclitaxel 260 mg/m2 d1 and cisplatin 75 mg/m2 d1, every 3 weeks")]));

        Assert.Equal(["tislelizumab"], study.Interventions[0].Agents);
    }

    /// <summary>
    /// A double-dummy placebo ("Nivolumab placebo + ipilimumab placebo"): the placebo gives no
    /// ipilimumab; the real drugs are another intervention's, named by its kind.
    /// </summary>
    [Fact]
    public void A_double_dummy_placebo_gives_no_partner()
    {
        var study = Normalise(WithArms(
            [Intervention("BIOLOGICAL", "Combination immunotherapy", "Nivolumab 240 mg plus ipilimumab 1 mg/kg"),
             Intervention("OTHER", "Placebo", "Nivolumab placebo + ipilimumab placebo, administered intravenously")]));

        Assert.Empty(study.Interventions[1].Agents);
        Assert.Empty(study.Interventions[1].Targets);
    }

    /// <summary>A matched placebo written before the drug it mimics joined by "+": still no ICI.</summary>
    [Fact]
    public void A_matched_placebo_joined_to_the_next_drug_placebo_gives_no_partner()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Placebo", "Pembrolizumab-matched placebo + lenvatinib-matched placebo"));

        Assert.Empty(terms.Agents);
    }

    /// <summary>The formula's drug code in brackets after the head ("Cadonilimab (AK104) + ...") should not end the formula.</summary>
    [Fact]
    public void A_code_in_brackets_after_the_head_does_not_end_the_formula()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Cadonilimab", "Cadonilimab (AK104)+Oxaliplatin (130 mg/m2)+ Capecitabine (1000 mg/m2 bid)"));

        Assert.Equal(["cadonilimab", "capecitabine", "oxaliplatin"], terms.Agents.Order());
    }

    /// <summary>A placebo whose brackets name the drug it mimics ("Placebo (matching tislelizumab) + cisplatin + etoposide").</summary>
    [Fact]
    public void A_placebo_with_the_mimicked_drug_in_brackets_still_gives_its_partners()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Placebo", "Placebo (matching tislelizumab) + cisplatin + etoposide"));

        Assert.Equal(["cisplatin", "etoposide"], terms.Agents.Order());
        Assert.Empty(terms.Targets);
    }

    /// <summary>The rule's own example, as a check that it fires.</summary>
    [Fact]
    public void The_placebo_plus_formula_gives_its_partners()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Placebo", "Subjects will receive Placebo Plus Pemetrexed and Carboplatin"));

        Assert.Equal(["carboplatin", "pemetrexed"], terms.Agents.Order());
    }

    /// <summary>A formula that names a comparison ("versus") stops there.</summary>
    [Fact]
    public void A_formula_stops_at_versus()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Pembrolizumab", "Pembrolizumab + lenvatinib versus sorafenib"));

        Assert.Equal(["lenvatinib", "pembrolizumab"], terms.Agents.Order());
    }

    /// <summary>Alternatives after the formula ("+ carboplatin or cisplatin").</summary>
    [Fact]
    public void A_formula_stops_at_or()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Pembrolizumab", "Pembrolizumab + pemetrexed + carboplatin (or cisplatin)"));

        Assert.Equal(["carboplatin", "pembrolizumab", "pemetrexed"], terms.Agents.Order());
    }

    /// <summary>
    /// The formula's drug is listed as an intervention of its own, but in the other arm only
    /// (cisplatin with RT in arm B): arm A's tislelizumab intervention writes the arm's drugs.
    /// </summary>
    [Fact]
    public void A_drug_listed_only_for_another_arm_is_still_this_arms_formula_drug()
    {
        var study = Normalise(WithArms(
            [Intervention("DRUG", "Tislelizumab", "Tislelizumab + cisplatin + etoposide", arms: ["A"]),
             Intervention("DRUG", "Cisplatin", "Cisplatin 40 mg/m2 weekly during radiotherapy", arms: ["B"]),
             Intervention("RADIATION", "Radiotherapy", "60 Gy in 30 fractions", arms: ["B"])],
            Arm("A", null, "Drug: Tislelizumab"), Arm("B", null, "Drug: Cisplatin", "Radiation: Radiotherapy")));

        Assert.Equal(["cisplatin", "etoposide", "tislelizumab"], study.Interventions[0].Agents.Order());
    }

    // ---- Odd input ------------------------------------------------------------------------------

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("+")]
    [InlineData("+++ ,,, (((")]
    [InlineData(")))+Oxaliplatin+")]
    [InlineData("Placebo (")]
    [InlineData("Placebo (saline + carboplatin")]
    [InlineData("Placebo)+ carboplatin")]
    [InlineData("Placebo + ")]
    [InlineData("Placebo+(")]
    public void A_placebo_of_odd_description_does_not_throw(string description)
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Placebo", description));

        Assert.NotNull(terms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("AK104 (")]
    [InlineData("AK104 (Day 1 + Oxaliplatin")]
    [InlineData("AK104)+(Oxaliplatin")]
    [InlineData("AK104+")]
    [InlineData("AK104 + + + ,")]
    public void A_drug_of_odd_description_does_not_throw(string description)
    {
        var terms = OnlyIntervention(Intervention("DRUG", "AK104", description));

        Assert.Contains("cadonilimab", terms.Agents);
    }

    [Fact]
    public void An_unclosed_bracket_hides_what_follows_it()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "AK104", "AK104 (Day 1 + Oxaliplatin + capecitabine"));

        Assert.Equal(["cadonilimab"], terms.Agents);
    }

    [Fact]
    public void A_very_long_formula_description_is_read_quickly()
    {
        var description = "Placebo + " + string.Join(" + ", Enumerable.Repeat("carboplatin (AUC 5, day 1, every three weeks)", 5000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var terms = OnlyIntervention(Intervention("DRUG", "Placebo", description), Intervention("DRUG", "Pembrolizumab", description.Replace("Placebo", "Pembrolizumab")));

        Assert.Equal(["carboplatin"], terms.Agents);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    // ---- Rule 2: agents only the other names give -----------------------------------------------

    /// <summary>
    /// The fixed-dose product's code and brand among the other names of "Relatlimab", the
    /// experimental arm's only intervention; "Nivolumab" is the comparator arm's monotherapy. The
    /// experimental arm gives nivolumab too.
    /// </summary>
    [Fact]
    public void A_co_formulation_in_its_own_arm_keeps_the_agent_another_arms_intervention_is_named_for()
    {
        var study = Normalise(WithArms(
            [Intervention("BIOLOGICAL", "Relatlimab", "Fixed-dose combination, 480 mg/160 mg IV Q4W", otherNames: ["BMS-986213", "Opdualag"], arms: ["A"]),
             Intervention("BIOLOGICAL", "Nivolumab", "480 mg IV Q4W", otherNames: ["Opdivo", "BMS-936558"], arms: ["B"])],
            Arm("A", null, "Biological: Relatlimab"), Arm("B", null, "Biological: Nivolumab")));

        Assert.Equal(["nivolumab", "relatlimab"], study.Interventions[0].Agents.Order());
    }

    /// <summary>Brand and code of the same drug among the other names, beside a second drug: unchanged.</summary>
    [Fact]
    public void Other_names_of_the_same_drug_are_unaffected()
    {
        var study = Normalise(WithArms(
            [Intervention("DRUG", "Nivolumab", otherNames: ["Opdivo", "BMS-936558"]), Intervention("DRUG", "Ipilimumab", otherNames: ["Yervoy"])]));

        Assert.Equal(["nivolumab"], study.Interventions[0].Agents);
        Assert.Equal(["ipilimumab"], study.Interventions[1].Agents);
    }

    // ---- Rule 3: lists of radiation sources -----------------------------------------------------

    [Theory]
    [InlineData("IMRT with 6 MV X-rays, 60 Gy in 30 fractions", "EBRT")]
    [InlineData("Using 6-MV X-rays, IMRT is delivered to 60 Gy in 30 fractions", "EBRT")]
    [InlineData("SBRT with 6MV X-rays, 50 Gy in 5 fractions", "SBRT")]
    [InlineData("Stereotactic radiosurgery delivers focused gamma rays to each metastasis, 20 Gy in 1 fraction", "SBRT")]
    [InlineData("Proton beam therapy, which unlike x-rays stops at the tumour, 70 GyE in 35 fractions", "Proton")]
    public void A_single_kind_beside_the_rays_it_uses_is_still_the_kind(string description, string kind)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "Radiation therapy", description));

        Assert.Equal(kind, terms.RtModality);
    }

    [Fact]
    public void A_list_of_sources_in_free_text_names_no_kind()
    {
        var study = Normalise(BareTrial("Radiation Therapy in Treating Patients With Stage III Lung Cancer",
            "Radiation therapy uses high-energy x-rays, gamma rays, neutrons, protons, or other sources to kill tumor cells. Patients will receive radiation therapy."));

        Assert.Equal("RT, unspecified", study.FreeText?.RtModality);
    }

    /// <summary>"photons or protons": the new plural term; alternatives are each a kind (guide rule 1).</summary>
    [Fact]
    public void Protons_as_an_alternative_are_proton()
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "Radiotherapy", "Patients are treated with protons, 70 Gy(RBE) in 35 fractions"));

        Assert.Equal("Proton", terms.RtModality);
    }

    // ---- Rule 4: x-rays beside internal radiation ----------------------------------------------

    private const string NciRationale = "RATIONALE: Radiation therapy uses high-energy x-rays to kill tumor cells. Internal radiation uses radioactive material placed directly into or near a tumor to kill tumor cells.";

    /// <summary>
    /// NCI's old records name the internal radiation "internal radiation therapy" beside
    /// "brachytherapy": it is not the x-rays the summary defines radiation therapy by.
    /// </summary>
    [Fact]
    public void Internal_radiation_therapy_beside_brachytherapy_is_not_ebrt()
    {
        var study = Normalise(Trial("Internal Radiation Therapy in Treating Patients With Cervical Cancer", NciRationale,
            [Intervention("RADIATION", "brachytherapy"), Intervention("RADIATION", "internal radiation therapy")]));

        Assert.NotEqual("EBRT", study.Interventions[1].RtModality);
    }

    [Theory]
    [InlineData("intracavitary radiation therapy")]
    [InlineData("interstitial radiation therapy")]
    public void Intracavitary_or_interstitial_radiation_beside_brachytherapy_is_not_ebrt(string name)
    {
        var study = Normalise(Trial("Radiation Therapy in Treating Patients With Cervical Cancer", NciRationale,
            [Intervention("RADIATION", "brachytherapy"), Intervention("RADIATION", name)]));

        Assert.NotEqual("EBRT", study.Interventions[1].RtModality);
    }

    [Fact]
    public void Radiation_therapy_beside_radioembolisation_defined_by_x_rays_is_ebrt()
    {
        var study = Normalise(Trial("Radiation Therapy and Yttrium-90 in Liver Cancer", NciRationale,
            [Intervention("RADIATION", "yttrium-90 glass microspheres"), Intervention("RADIATION", "radiation therapy")]));

        Assert.Equal("EBRT", study.Interventions[1].RtModality);
    }

    // ---- Rule 5: whole-brain / whole-breast / PCI by dose --------------------------------------

    [Theory]
    [InlineData("Whole breast irradiation", "40 Gy in 15 fractions followed by a tumour bed boost of 10 Gy in 5 fractions", "EBRT")]
    [InlineData("Whole breast irradiation", "26 Gy in 5 fractions over one week", "Hypofractionated RT")]
    [InlineData("Prophylactic cranial irradiation", "25 Gy in 10 fractions", "EBRT")]
    [InlineData("Whole brain radiotherapy", "37.5 Gy in 15 fractions", "EBRT")]
    [InlineData("Whole brain radiotherapy", "20 Gy in 5 fractions", "Hypofractionated RT")]
    public void Whole_organ_rt_takes_hypofractionation_only_from_large_fractions(string name, string description, string kind)
    {
        Assert.Equal(kind, OnlyIntervention(Intervention("RADIATION", name, description)).RtModality);
    }

    /// <summary>A whole-brain course with a simultaneous boost: 2 Gy to the brain, 4 Gy to the metastases; not hypofractionated alone.</summary>
    [Fact]
    public void Whole_brain_rt_with_a_boost_of_larger_fractions_is_not_hypofractionated_alone()
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "Whole brain radiotherapy", "20 Gy in 10 fractions to the whole brain with a simultaneous integrated boost of 40 Gy in 10 fractions to the metastases"));

        Assert.Contains("EBRT", terms.RtModalities);
    }

    // ---- Rule 6: slashed checkpoints and "scheduled to" in free text ---------------------------

    /// <summary>Checkpoints of earlier treatment, joined by slashes to the class word: not given.</summary>
    [Theory]
    [InlineData("Sitravatinib Plus Tislelizumab in NSCLC Resistant to PD-1/PD-L1 Inhibitors")]
    [InlineData("Sitravatinib Plus Tislelizumab in NSCLC Previously Treated With Anti-PD-1/PD-L1 Antibodies")]
    [InlineData("Sitravatinib Plus Tislelizumab in NSCLC After Failure of PD-1/PD-L1 Inhibitors")]
    [InlineData("Sitravatinib Plus Tislelizumab in PD-1/PD-L1 Inhibitor-Refractory NSCLC")]
    public void Slashed_checkpoints_of_earlier_treatment_are_not_given(string title)
    {
        var study = Normalise(Trial(title, null, [Intervention("DRUG", "Sitravatinib"), Intervention("DRUG", "Tislelizumab")]));

        Assert.DoesNotContain("PD-L1", study.FreeText?.Targets ?? []);
        Assert.DoesNotContain("PD-L1", study.Interventions.SelectMany(i => i.Targets));
    }

    [Theory]
    [InlineData("Lenvatinib in Hepatocellular Carcinoma Resistant to PD-1/PD-L1 Inhibitors")]
    [InlineData("Lenvatinib After Progression on PD-1/PD-L1/CTLA-4 Inhibitors in Hepatocellular Carcinoma")]
    public void Slashed_checkpoints_of_earlier_treatment_in_a_bare_title_are_not_given(string title)
    {
        var study = Normalise(BareTrial(title, null));

        Assert.Empty(study.FreeText?.Targets ?? []);
    }

    /// <summary>What patients already had, in the sentence of what they are scheduled to receive.</summary>
    [Theory]
    [InlineData("Patients whose melanoma progressed on nivolumab and who are scheduled to receive palliative radiotherapy will be enrolled.")]
    [InlineData("Patients who have progressed after pembrolizumab and are scheduled to undergo stereotactic radiotherapy are eligible.")]
    [InlineData("Patients previously treated with atezolizumab who are scheduled to receive radiotherapy will be followed.")]
    public void Earlier_treatment_in_a_scheduled_sentence_is_not_given(string summary)
    {
        var study = Normalise(BareTrial("Radiotherapy After Immunotherapy in Advanced Cancer", summary));

        Assert.Empty(study.FreeText?.Agents ?? []);
    }

    /// <summary>Patients who "were" or "had been" scheduled: not this trial's.</summary>
    [Theory]
    [InlineData("Patients who were scheduled to receive pembrolizumab before enrolment are excluded.")]
    [InlineData("Patients who are not scheduled to receive pembrolizumab are excluded.")]
    public void Not_or_were_scheduled_is_not_given(string summary)
    {
        var study = Normalise(BareTrial("Stereotactic Radiotherapy for Lung Metastases", summary));

        Assert.Empty(study.FreeText?.Agents ?? []);
    }

    [Fact]
    public void Scheduled_to_receive_at_sentence_end_does_not_throw()
    {
        var study = Normalise(BareTrial("Pembrolizumab and SBRT", "Patients are scheduled. Patients are scheduled to. Patients is scheduled to receive"));

        Assert.NotNull(study);
    }

    /// <summary>A drug written twice in a placebo's formula is one partner, as it is one agent of a drug's formula.</summary>
    [Fact]
    public void A_placebo_formula_that_repeats_a_drug_gives_it_once()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Placebo", "Placebo + carboplatin + paclitaxel + carboplatin"));

        Assert.Equal(["carboplatin", "paclitaxel"], terms.Agents.Order());
    }

    [Theory]
    [InlineData("Hypofractionated radiotherapy with 6 MV X-rays, 42.4 Gy in 16 fractions", "Hypofractionated RT")]
    [InlineData("Whole breast irradiation with 6 MV X-rays, 50 Gy in 25 fractions", "EBRT")]
    [InlineData("Carbon ion radiotherapy, which is more effective than X-rays against hypoxic tumours, 64 Gy(RBE) in 16 fractions", "Carbon ion")]
    public void A_kind_beside_the_x_rays_it_is_compared_with_or_delivered_by_is_still_the_kind(string description, string kind)
    {
        Assert.Equal(kind, OnlyIntervention(Intervention("RADIATION", "Radiotherapy", description)).RtModality);
    }

    [Fact]
    public void A_bare_summary_giving_imrt_with_x_rays_gives_ebrt()
    {
        var study = Normalise(BareTrial("Radiotherapy for Oligometastatic Prostate Cancer",
            "All patients will receive IMRT with 6 MV X-rays to the prostate and the metastases."));

        Assert.Equal("EBRT", study.FreeText?.RtModality);
    }

    [Fact]
    public void The_sole_rt_of_a_trial_whose_summary_names_proton_therapy_rather_than_x_rays_is_proton()
    {
        var study = Normalise(Trial("Proton Therapy for Oesophageal Cancer",
            "Proton therapy spares the heart and lungs better than X-rays. Patients will receive proton therapy with concurrent chemotherapy.",
            [Intervention("RADIATION", "Radiation therapy", "50.4 Gy in 28 fractions")]));

        Assert.Equal("Proton", study.Interventions[0].RtModality);
    }

    /// <summary>The new brachytherapy terms ("internal radiation therapy") do not take selective internal radiation therapy, which is radioembolisation.</summary>
    [Theory]
    [InlineData("Selective internal radiation therapy (SIR-Spheres)", "SIRT")]
    [InlineData("Internal radiation therapy", "Brachytherapy")]
    [InlineData("Intracavitary radiation therapy", "Brachytherapy")]
    public void Internal_radiation_is_brachytherapy_unless_selective(string name, string kind)
    {
        Assert.Equal(kind, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }
}
