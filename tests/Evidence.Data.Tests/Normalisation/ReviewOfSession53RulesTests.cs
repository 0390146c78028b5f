using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review (issue 10) of vocabulary .145: a device described as a kind of RT, the
/// sham arm's copy of an intervention registered twice, radionuclides into a joint, a title's ICI
/// that its people are on, and budigalimab and ASC22. Each case asserts what a careful systematic
/// reviewer would label (DOMAIN.md, LABELLING-GUIDE.md), not what the code does.
/// </summary>
public class ReviewOfSession53RulesTests
{
    // ---- 1. A device whose description is only the name of a kind of RT -----------------------

    [Fact]
    public void A_skin_film_dressing_described_by_the_rt_it_protects_gives_no_rt()
    {
        // A silicone film protects skin during radiotherapy; it delivers no radiation, so the device gives no RT (the RT is another intervention's or the patients').
        var terms = OnlyIntervention(Intervention("DEVICE", "Mepitel Film", "Silicone film dressing, post-mastectomy radiotherapy"));

        Assert.Equal("", Kinds(terms));
    }

    [Fact]
    public void A_dosimeter_described_by_the_rt_it_measures_gives_no_rt()
    {
        // A dosimeter measures the dose of whole-breast irradiation; it gives no RT of its own.
        var terms = OnlyIntervention(Intervention("DEVICE", "OSL nanoDot", "Skin dosimetry, whole breast irradiation"));

        Assert.Equal("", Kinds(terms));
    }

    [Fact]
    public void A_rectal_spacer_described_by_the_rt_it_spares_gives_no_rt()
    {
        // A hydrogel spacer moves the rectum away from the prostate's SBRT; the spacer itself delivers no radiation.
        var terms = OnlyIntervention(Intervention("DEVICE", "SpaceOAR", "Hydrogel rectal spacer, prostate SBRT"));

        Assert.Equal("", Kinds(terms));
    }

    [Fact]
    public void A_device_described_as_sham_radiosurgery_gives_no_rt()
    {
        // "Sham" stereotactic radiotherapy is a placebo of RT: no radiation is delivered.
        var terms = OnlyIntervention(Intervention("DEVICE", "Oraya IRay", "Sham stereotactic radiotherapy"));

        Assert.Equal("", Kinds(terms));
    }

    [Fact]
    public void An_electronic_brachytherapy_device_gives_brachytherapy()
    {
        // Xoft Axxent delivers electronic brachytherapy; the description names the kind the device gives.
        var terms = OnlyIntervention(Intervention("DEVICE", "Xoft Axxent", "Electronic brachytherapy"));

        Assert.Equal("Brachytherapy", Kinds(terms));
    }

    [Fact]
    public void A_brachytherapy_applicator_described_as_hdr_brachytherapy_gives_brachytherapy()
    {
        // The applicator is how the arm receives its HDR brachytherapy; the description says only that kind.
        var terms = OnlyIntervention(Intervention("DEVICE", "Venezia applicator", "Interstitial-intracavitary HDR brachytherapy"));

        Assert.Equal("Brachytherapy", Kinds(terms));
    }

    // ---- 2. The sham arm's copy of an intervention registered twice ---------------------------

    [Fact]
    public void The_sham_arms_copy_of_a_real_drug_still_gives_its_ici()
    {
        // The sham is of the SBRT; pembrolizumab in the sham-SBRT arm is real pembrolizumab, given to every patient.
        var protocol = WithArms(
            [Intervention("RADIATION", "SBRT", "24 Gy in 3 fractions", arms: ["SBRT + pembrolizumab"]),
             Intervention("DRUG", "Pembrolizumab", "200 mg IV every 3 weeks", arms: ["SBRT + pembrolizumab"]),
             Intervention("DRUG", "Pembrolizumab", "200 mg IV every 3 weeks", arms: ["Sham SBRT + pembrolizumab"])],
            Typed(Arm("SBRT + pembrolizumab", null, "Radiation: SBRT", "Drug: Pembrolizumab"), "EXPERIMENTAL"),
            Typed(Arm("Sham SBRT + pembrolizumab", "Sham irradiation with the beam off, then pembrolizumab", "Drug: Pembrolizumab"), "SHAM_COMPARATOR"));

        var study = Normalise(protocol);

        Assert.Equal(["pembrolizumab"], study.Interventions[2].Agents);
    }

    [Fact]
    public void The_sham_arms_copy_of_real_radiotherapy_still_gives_rt()
    {
        // The sham is of the hyperthermia; both arms receive the same real IMRT, so the sham arm's copy gives EBRT (guide rule 2).
        var protocol = WithArms(
            [Intervention("DEVICE", "Hyperthermia", "Regional hyperthermia once weekly", arms: ["Hyperthermia + radiotherapy"]),
             Intervention("RADIATION", "Radiotherapy", "Intensity-modulated radiotherapy, 50 Gy in 25 fractions", arms: ["Hyperthermia + radiotherapy"]),
             Intervention("RADIATION", "Radiotherapy", "Intensity-modulated radiotherapy, 50 Gy in 25 fractions", arms: ["Sham hyperthermia + radiotherapy"])],
            Typed(Arm("Hyperthermia + radiotherapy", null, "Device: Hyperthermia", "Radiation: Radiotherapy"), "EXPERIMENTAL"),
            Typed(Arm("Sham hyperthermia + radiotherapy", null, "Radiation: Radiotherapy"), "SHAM_COMPARATOR"));

        var study = Normalise(protocol);

        Assert.Equal(Terms.Ebrt, Kinds(study.Interventions[2]));
    }

    [Fact]
    public void The_sham_arms_copy_of_low_dose_rt_gives_no_rt()
    {
        // The knee osteoarthritis trial's sham arm lies under the linac with no beam: its copy of "Low-dose radiotherapy" is the sham.
        var protocol = WithArms(
            [Intervention("RADIATION", "Low-dose radiotherapy", "6 x 0.5 Gy to the knee", arms: ["Low-dose radiotherapy"]),
             Intervention("RADIATION", "Low-dose radiotherapy", "6 x 0.5 Gy to the knee", arms: ["Sham irradiation"])],
            Typed(Arm("Low-dose radiotherapy", null, "Radiation: Low-dose radiotherapy"), "EXPERIMENTAL"),
            Typed(Arm("Sham irradiation", "Same positioning, 0 Gy", "Radiation: Low-dose radiotherapy"), "SHAM_COMPARATOR"));

        var study = Normalise(protocol);

        Assert.Equal("", Kinds(study.Interventions[1]));
    }

    // ---- 3. Radionuclides into a joint, and the joint words -----------------------------------

    [Fact]
    public void Sirt_planned_at_a_joint_meeting_is_still_sirt()
    {
        // "Joint" here is a multidisciplinary meeting; the yttrium-90 goes into the hepatic artery, which is SIRT.
        var terms = OnlyIntervention(Intervention("DEVICE", "SIR-Spheres",
            "Selective internal radiation therapy with yttrium-90 resin microspheres; activity agreed at a joint interventional radiology and nuclear medicine meeting"));

        Assert.Equal("SIRT", Kinds(terms));
    }

    [Fact]
    public void Radioembolisation_of_synovial_sarcoma_liver_metastases_is_sirt()
    {
        // "Synovial" names the sarcoma, not a joint: the microspheres embolise liver metastases (SIRT).
        var terms = OnlyIntervention(Intervention("DEVICE", "TheraSphere",
            "Yttrium-90 radioembolization of liver metastases from synovial sarcoma"));

        Assert.Equal("SIRT", Kinds(terms));
    }

    [Fact]
    public void Rhenium_186_injected_into_a_joint_is_rt_of_no_kind()
    {
        // Radiosynoviorthesis with rhenium-186 is a radionuclide given as a drug: RT, unspecified (guide rule 10).
        var terms = OnlyIntervention(Intervention("DRUG", "Rhenium-186 sulphide colloid", "Intra-articular injection of 74 MBq into the affected finger joint"));

        Assert.Equal(Terms.UnspecifiedRt, Kinds(terms));
    }

    // ---- 4. A title's or summary's ICI that its people are on ---------------------------------

    [Fact]
    public void A_titles_ici_that_patients_randomised_to_rt_stay_on_is_given()
    {
        // Nivolumab continues in both arms while RT is randomised: the trial studies RT added to the ICI (set 110's convention).
        var free = Normalise(Trial("Patients With Melanoma on Nivolumab Randomised to Palliative Radiotherapy or Observation", null, [])).FreeText;

        Assert.Contains("nivolumab", free?.Agents ?? []);
    }

    [Fact]
    public void A_titles_neoadjuvant_ici_the_patients_undergo_in_the_trial_is_given()
    {
        // The neoadjuvant camrelizumab and SBRT before surgery are the trial's own regimen, however the title phrases it.
        var free = Normalise(Trial("Patients With Resectable Hepatocellular Carcinoma Undergoing Neoadjuvant Camrelizumab Plus SBRT Before Hepatectomy", null, [])).FreeText;

        Assert.Contains("camrelizumab", free?.Agents ?? []);
    }

    [Fact]
    public void A_summarys_ici_that_continues_through_the_trials_sbrt_is_given()
    {
        // The summary's regimen is SBRT during ongoing atezolizumab-bevacizumab: the ICI is given through the trial (set 110).
        var free = Normalise(Trial("SBRT During Atezolizumab-Bevacizumab for Hepatocellular Carcinoma",
            "This phase II trial studies how well stereotactic body radiation therapy works in patients with advanced hepatocellular carcinoma receiving atezolizumab and bevacizumab.", [])).FreeText;

        Assert.Contains("atezolizumab", free?.Agents ?? []);
    }

    [Fact]
    public void An_exercise_trials_titled_ici_is_the_patients_own()
    {
        // The trial gives exercise; durvalumab is only what its patients receive (guide: the treatment is only where its patients are).
        var free = Normalise(Trial("Supervised Exercise Training in Patients With Stage III Lung Cancer Receiving Durvalumab", null, [])).FreeText;

        Assert.False(free?.GivesIci ?? false);
    }

    // ---- 5. budigalimab (ABBV-181) and ASC22 ---------------------------------------------------

    [Fact]
    public void Abbv_181_with_its_inn_in_brackets_is_budigalimab_once()
    {
        // ABBV-181 is budigalimab's code (WHO INN list): one anti-PD-1 agent, not two.
        var terms = OnlyIntervention(Intervention("BIOLOGICAL", "ABBV-181 (budigalimab)", "500 mg intravenously every 4 weeks"));

        Assert.Equal(["budigalimab"], terms.Agents);
        Assert.Equal(["PD-1"], terms.Targets);
    }

    [Fact]
    public void Asc22_given_subcutaneously_for_hepatitis_b_is_envafolimab()
    {
        // ASC22 is Ascletis' code for envafolimab, a PD-L1 antibody, whatever disease it is given for.
        var terms = OnlyIntervention(Intervention("DRUG", "ASC22 subcutaneous injection", "1 mg/kg every 4 weeks added to nucleos(t)ide analogue therapy"));

        Assert.Equal(["envafolimab"], terms.Agents);
        Assert.Equal(["PD-L1"], terms.Targets);
    }
}
