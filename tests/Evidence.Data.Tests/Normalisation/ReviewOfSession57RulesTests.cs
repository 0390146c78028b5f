using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review of vocabulary .165 (issue 10): "CRT" as chemoradiotherapy, "CT" beside
/// it as chemotherapy, an acronym named with "Treatment" spelled out in the summary, NCI's "small
/// radiation beams", the checkpoints a title's slash joins, and stomatitis, vaginitis and ulcers as
/// RT injuries. Each case is written the way registrants write, and asserts what a careful
/// reviewer would label.
/// </summary>
public class ReviewOfSession57RulesTests
{
    // ---- 1. "CRT" that is not chemoradiotherapy ----

    /// <summary>Cardiology registers cardiac resynchronization therapy as "CRT", "CRT-D", "CRT-P": a pacing device.</summary>
    [Theory]
    [InlineData("DEVICE", "CRT")]
    [InlineData("DEVICE", "CRT-D implantation")]
    [InlineData("PROCEDURE", "CRT implantation")]
    [InlineData("DEVICE", "Biventricular pacing (CRT-P)")]
    public void Cardiac_resynchronization_therapy_is_no_rt(string type, string name)
    {
        var study = Normalise(WithPurpose(Trial(
            "Cardiac Resynchronization Therapy in Heart Failure With Left Bundle Branch Block",
            "Cardiac resynchronization therapy (CRT) improves symptoms and survival in heart failure with reduced ejection fraction.",
            [Intervention(type, name)]), "TREATMENT"));

        // A pacemaker that resynchronises the ventricles gives no radiation.
        Assert.Equal("", TrialKinds(study));
    }

    /// <summary>A heart trial's pre-implant cardiac CT that plans where the CRT lead goes: a scan beside a device.</summary>
    [Fact]
    public void A_cardiac_ct_beside_crt_is_a_scan_not_chemotherapy()
    {
        var terms = OnlyIntervention(Intervention("PROCEDURE", "Cardiac CT and CRT"));

        // Neither chemotherapy nor RT: a CT scan guiding a pacing lead.
        Assert.Empty(terms.PartnerClasses);
        Assert.Equal("", Kinds(terms));
    }

    /// <summary>Cognitive remediation therapy for cancer-related cognitive impairment is registered as "Behavioral: CRT".</summary>
    [Fact]
    public void Cognitive_remediation_therapy_is_no_rt()
    {
        var study = Normalise(WithPurpose(Trial(
            "Cognitive Remediation Therapy for Cancer-Related Cognitive Impairment in Breast Cancer Survivors",
            "This trial tests whether cognitive remediation therapy (CRT) delivered online improves memory and attention after chemotherapy.",
            [Intervention("BEHAVIORAL", "CRT")]), "SUPPORTIVE_CARE"));

        // A training programme: no RT given.
        Assert.Equal("", TrialKinds(study));
    }

    /// <summary>Anti-VEGF trials for macular oedema write "central retinal thickness (CRT)" in the summary.</summary>
    [Fact]
    public void Central_retinal_thickness_is_no_rt()
    {
        var study = Normalise(WithPurpose(Trial(
            "Aflibercept Versus Bevacizumab for Diabetic Macular Edema",
            "The primary endpoint is the change in central retinal thickness (CRT) measured by optical coherence tomography at 12 months.",
            [Intervention("DRUG", "Aflibercept"), Intervention("DRUG", "Bevacizumab")]), "TREATMENT"));

        // An eye measurement: no RT given.
        Assert.Equal("", TrialKinds(study));
    }

    /// <summary>ANDROMEDA-SHOCK-style sepsis trials: capillary refill time (CRT)-targeted resuscitation.</summary>
    [Fact]
    public void Capillary_refill_time_targeted_resuscitation_is_no_rt()
    {
        var study = Normalise(WithPurpose(Trial(
            "Capillary Refill Time-Targeted Resuscitation in Early Septic Shock",
            "Fluids and vasopressors are titrated to normalise capillary refill time (CRT) every 30 minutes.",
            [Intervention("OTHER", "CRT-targeted resuscitation")]), "TREATMENT"));

        // Fluids and vasopressors titrated to a bedside sign: no RT given.
        Assert.Equal("", TrialKinds(study));
    }

    /// <summary>Immunogenic cell death markers ("calreticulin (CRT)") in a trial of chemotherapy and an ICI without RT.</summary>
    [Fact]
    public void Calreticulin_in_a_chemoimmunotherapy_trial_is_no_rt()
    {
        var study = Normalise(WithPurpose(Trial(
            "Oxaliplatin-Based Chemotherapy Plus Pembrolizumab in Microsatellite-Stable Colorectal Cancer",
            "Oxaliplatin induces immunogenic cell death, with exposure of calreticulin (CRT) and release of HMGB1, which may sensitise tumours to pembrolizumab.",
            [Intervention("DRUG", "Oxaliplatin"), Intervention("DRUG", "Pembrolizumab")]), "TREATMENT"));

        // A protein on the cell surface: no RT given.
        Assert.Equal("", TrialKinds(study));
    }

    /// <summary>An oncology "CT and chemoradiotherapy response assessment" reads the scan, not chemotherapy given.</summary>
    [Fact]
    public void A_restaging_ct_after_chemoradiotherapy_is_a_scan()
    {
        var terms = OnlyIntervention(Intervention("OTHER", "Restaging CT and chemoradiotherapy response assessment"));

        // A restaging scan that assesses the response: this intervention gives no RT (its "chemotherapy" partner class is an older gap, not asserted).
        Assert.Equal("", Kinds(terms));
    }

    /// <summary>Positive control: the oncologist's "CT + CRT" arm gives chemotherapy and chemoradiotherapy.</summary>
    [Fact]
    public void An_oncology_ct_plus_crt_arm_gives_chemoradiotherapy()
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "Induction CT + CRT"));

        // Induction chemotherapy then chemoradiotherapy: RT of no kind.
        Assert.Equal("RT, unspecified", Kinds(terms));
    }

    // ---- 2. An acronym named with "Treatment" that is not RT ----

    /// <summary>
    /// Radiation is the type registrants pick for light ("Radiation: PBM Treatment"); the summary
    /// spells the acronym out after the RT patients are having, which the trial does not give.
    /// </summary>
    [Fact]
    public void A_photobiomodulation_acronym_after_the_patients_rt_gives_no_rt()
    {
        var study = Normalise(WithPurpose(Trial(
            "Photobiomodulation to Prevent Oral Mucositis",
            "Patients undergoing radiotherapy receive photobiomodulation (PBM) to the oral mucosa three times a week.",
            [Intervention("RADIATION", "PBM Treatment")]), "SUPPORTIVE_CARE"));

        // Low-level light for mucositis: the trial gives no RT.
        Assert.Equal("", Kinds(study.Interventions[0]));
    }

    /// <summary>"ESWT Therapy" (extracorporeal shock wave therapy), registered as Radiation, after a summary of radiation-induced fibrosis.</summary>
    [Fact]
    public void A_shock_wave_acronym_in_a_trial_of_rt_fibrosis_gives_no_rt()
    {
        var study = Normalise(WithPurpose(Trial(
            "Shock Waves for Radiation-Induced Fibrosis of the Neck",
            "Survivors with neck fibrosis after radiotherapy receive extracorporeal shock wave therapy (ESWT) weekly.",
            [Intervention("RADIATION", "ESWT Therapy")]), "SUPPORTIVE_CARE"));

        // Shock waves are mechanical: no RT given.
        Assert.Equal("", Kinds(study.Interventions[0]));
    }

    /// <summary>Positive control: an acronym the summary spells out as hypofractionated RT, named with "arm".</summary>
    [Fact]
    public void An_rt_acronym_named_as_an_arm_takes_its_spelled_out_kind()
    {
        var study = Normalise(Trial(
            "Ultra-Hypofractionated Radiotherapy After Breast-Conserving Surgery",
            "Patients receive ultra-hypofractionated whole breast irradiation (UHWBI) in five fractions.",
            [Intervention("RADIATION", "UHWBI arm")]));

        // Whole breast irradiation in five fractions: hypofractionated external beam, the most specific kind.
        Assert.Equal("Hypofractionated RT", Kinds(study.Interventions[0]));
    }

    // ---- 3. "small radiation beams" beside another kind ----

    /// <summary>Gamma Knife described as many small radiation beams converging on the target is radiosurgery alone.</summary>
    [Fact]
    public void Gamma_knife_described_as_small_beams_is_radiosurgery_alone()
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "Gamma Knife radiosurgery",
            "Gamma Knife radiosurgery uses many small radiation beams that converge on the tumour in a single session."));

        // One stereotactic radiosurgery course; not a second, external-beam one.
        Assert.Equal("SBRT", Kinds(terms));
    }

    /// <summary>A protocol's phrase about a device that shapes beams for a proton course is not an external-beam course beside it.</summary>
    [Fact]
    public void Proton_therapy_described_with_small_radiation_beams_is_proton_alone()
    {
        var study = Normalise(Trial(
            "Pencil Beam Scanning Proton Therapy for Paediatric Brain Tumours",
            "Pencil beam scanning proton therapy paints the tumour with small radiation beams of protons, sparing the developing brain.",
            []));

        // Protons only.
        Assert.Equal("Proton", TrialKinds(study));
    }

    // ---- 4. Slashed checkpoints ----

    /// <summary>Positive control: TACE joined to "PD-1/PD-L1 Inhibitors" gives both checkpoints.</summary>
    [Fact]
    public void Tace_combined_with_pd1_pdl1_inhibitors_gives_both()
    {
        var study = Treatment("TACE Combined With PD-1/PD-L1 Inhibitors for Unresectable Hepatocellular Carcinoma", Intervention("PROCEDURE", "TACE"));

        // The class is what the trial gives beside TACE: PD-1 and PD-L1 inhibitors.
        Assert.Equal("PD-1 + PD-L1", string.Join(" + ", (study.FreeText?.Targets ?? []).Order(StringComparer.Ordinal)));
    }

    /// <summary>A title's slashed checkpoints describing the resistance the patients have, beside a different class given.</summary>
    [Fact]
    public void A_slashed_checkpoint_of_prior_resistance_is_not_brought_along()
    {
        var study = Treatment("SBRT Combined With CTLA-4 Inhibitor in PD-1/PD-L1 Inhibitor-Resistant Melanoma", Intervention("RADIATION", "SBRT"));

        // Only CTLA-4 is given; PD-1/PD-L1 describe what the melanoma resisted before the trial.
        Assert.Equal("CTLA-4", string.Join(" + ", (study.FreeText?.Targets ?? []).Order(StringComparer.Ordinal)));
    }

    // ---- 5. Ulcers and stomatitis beside RT that is given, and outcomes that name them ----

    /// <summary>Low-dose RT given to heal chronic ulcers: the RT is what the trial gives, not an injury it treats.</summary>
    [Fact]
    public void Low_dose_rt_of_chronic_ulcers_is_rt_given()
    {
        var study = Normalise(WithPurpose(Trial(
            "Low-Dose Radiotherapy of Ulcers in Chronic Venous Insufficiency",
            "Patients with non-healing leg ulcers receive low-dose radiotherapy, 0.5 Gy per fraction to a total of 3 Gy.",
            [Intervention("RADIATION", "Low-dose radiotherapy")]), "TREATMENT"));

        // The RT is given (0.5 Gy x 6); the ulcer is the disease.
        Assert.Equal("RT, unspecified", TrialKinds(study));
    }

    /// <summary>The same trial registered with no intervention: its title says what it gives.</summary>
    [Fact]
    public void Low_dose_rt_of_ulcers_in_the_title_alone_is_rt_given()
    {
        var study = Normalise(WithPurpose(Trial(
            "Low-Dose Radiotherapy of Ulcers in Chronic Venous Insufficiency",
            "Patients with non-healing leg ulcers receive low-dose radiotherapy, 0.5 Gy per fraction to a total of 3 Gy.",
            []), "TREATMENT"));

        // "of Ulcers" names what is irradiated, not an injury the RT caused.
        Assert.Equal("RT, unspecified", TrialKinds(study));
    }

    /// <summary>A title that names RT and, within two words, the ulcer it treats ("Radiotherapy Ulcer Healing" written as the topic).</summary>
    [Fact]
    public void A_title_of_irradiating_ulcerated_skin_metastases_keeps_the_rt()
    {
        var study = Normalise(WithPurpose(Trial(
            "Palliative Radiotherapy: Ulceration and Bleeding Control in Fungating Breast Tumours",
            "Patients with bleeding or ulcerating locally advanced breast cancer receive 8 Gy in one fraction.",
            []), "TREATMENT"));

        // 8 Gy palliative RT is given; the ulceration is the tumour's, not the RT's.
        Assert.Equal("RT, unspecified", TrialKinds(study));
    }

    /// <summary>A chemoprevention trial (aspirin, celecoxib) measures peptic ulcers as the drug's harm.</summary>
    [Theory]
    [InlineData("Number of Participants With Adverse Events of Peptic Ulcer")]
    [InlineData("Number of participants with serious adverse events (gastrointestinal ulcer, bleeding)")]
    public void A_prevention_trial_measures_drug_ulcers_as_safety(string measure)
    {
        var outcome = new JsonObject { ["measure"] = measure, ["timeFrame"] = "3 years" };
        var protocol = WithPurpose(Trial("Aspirin for the Prevention of Colorectal Adenoma", null, [Intervention("DRUG", "Aspirin")]), "PREVENTION");
        protocol["outcomesModule"] = new JsonObject { ["primaryOutcomes"] = new JsonArray(outcome) };

        // The ulcer is the harm of the aspirin the trial gives, not what it is for.
        Assert.Equal("safety", Normalise(protocol).Outcomes[0].EndpointClass);
    }

    /// <summary>Positive control: a dexamethasone mouthwash against everolimus stomatitis measures it as its aim.</summary>
    [Fact]
    public void A_mouthwash_trial_measures_stomatitis_as_its_aim()
    {
        var outcome = new JsonObject { ["measure"] = "Incidence of grade 2 or worse stomatitis", ["timeFrame"] = "8 weeks" };
        var protocol = WithPurpose(Trial("Dexamethasone Mouthwash to Prevent Everolimus-Associated Stomatitis", null, [Intervention("DRUG", "Dexamethasone mouthwash")]), "SUPPORTIVE_CARE");
        protocol["outcomesModule"] = new JsonObject { ["primaryOutcomes"] = new JsonArray(outcome) };

        // What the mouthwash is for, not the safety of a treatment the trial gives.
        Assert.Equal("other", Normalise(protocol).Outcomes[0].EndpointClass);
    }

    /// <summary>A radiation ulcer treated with hyperbaric oxygen: the RT is history (positive control of the new words).</summary>
    [Fact]
    public void Hyperbaric_oxygen_for_a_radiation_ulcer_gives_no_rt()
    {
        var study = Normalise(WithPurpose(WithConditions(Trial(
            "Hyperbaric Oxygen for Radiation Ulcer of the Chest Wall",
            "Patients with a chronic ulcer of irradiated skin receive 40 sessions of hyperbaric oxygen.",
            [Intervention("DRUG", "Hyperbaric oxygen")]), "Radiation Ulcer"), "TREATMENT"));

        // The RT caused the ulcer: not given.
        Assert.Equal("", TrialKinds(study));
    }
}
