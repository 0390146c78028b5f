using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review of the rules of vocabulary .114-.116 (sets 89-94): fraction counts in
/// words, observational titles of people "on" or "treated with" RT, major complications as
/// safety, RT acronyms in radiation interventions, kinds in the sentence of a record with no
/// intervention, "hypofractionated versus conventional", names comparing kinds, "is delivered
/// with", percutaneous RT, permanent/radioactive seeds, BEACOPP, an ordinal week of RT as a point
/// in time, and survival that is not everyone's. Each case asserts what a careful systematic
/// reviewer would label (DOMAIN.md, LABELLING-GUIDE.md), not what the code does.
/// </summary>
public class ReviewOfSession47RulesTests
{
    private static string? Endpoint(string measure, string? description, JsonObject? protocol = null)
    {
        protocol ??= WithArms([]);
        protocol["outcomesModule"] = new JsonObject
        {
            ["primaryOutcomes"] = new JsonArray(new JsonObject { ["measure"] = measure, ["description"] = description }),
        };
        return Normalise(protocol).Outcomes[0].EndpointClass;
    }

    // ---- Fraction counts in words ---------------------------------------------------------------

    /// <summary>"one fraction per day" is how often, not a single fraction of the whole 50 Gy.</summary>
    [Fact]
    public void One_fraction_per_day_is_not_a_single_fraction_of_the_total()
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "Pelvic radiotherapy",
            "Conventional radiotherapy to a total dose of 50 Gy, one fraction per day, five days per week."));

        Assert.Equal("RT, unspecified", terms.RtModality);
    }

    /// <summary>"five fractions per week" after the total is the weekly rhythm, not a 10 Gy-per-fraction schedule.</summary>
    [Fact]
    public void Five_fractions_per_week_after_the_total_is_not_hypofractionation()
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "Whole breast irradiation",
            "Whole breast irradiation, total dose 50 Gy, five fractions per week over five weeks."));

        Assert.Equal("EBRT", terms.RtModality);
    }

    /// <summary>"in fractions of 1.8 Gy, five fractions per week": no schedule of 1.8 Gy in 5 fractions.</summary>
    [Fact]
    public void A_dose_per_fraction_then_fractions_per_week_is_not_a_total()
    {
        var parsed = RtDoseParser.Parse("45 Gy in fractions of 1.8 Gy, five fractions per week").ToList();

        Assert.DoesNotContain(parsed, d => d.TotalGy is { Max: 1.8 });
    }

    /// <summary>"1.6 Gy two times a day" (hyperfractionation): 1.6 Gy is each fraction, not a total over two.</summary>
    [Fact]
    public void Twice_daily_fractions_in_words_are_not_a_total()
    {
        var parsed = RtDoseParser.Parse("Hyperfractionated radiotherapy of 1.6 Gy two times a day to 64 Gy").ToList();

        Assert.DoesNotContain(parsed, d => d.TotalGy is { Max: 1.6 });
    }

    /// <summary>The rule where it is right: "35 Gy in five fractions" is hypofractionated.</summary>
    [Fact]
    public void A_spelled_count_after_in_reads_the_schedule()
    {
        Assert.Equal("Hypofractionated RT", OnlyIntervention(Intervention("RADIATION", "Prostate radiotherapy", "Radiotherapy of 36.25 Gy in five fractions.")).RtModality);
    }

    // ---- RT acronyms in radiation interventions --------------------------------------------------

    /// <summary>An omission arm registered as a radiation intervention ("No PORT", "Omission of PMRT") gives no RT.</summary>
    [Theory]
    [InlineData("No PORT")]
    [InlineData("Omission of PMRT")]
    [InlineData("Observation (no PMRT)")]
    public void An_omitted_rt_acronym_gives_no_rt(string name)
    {
        Assert.Null(OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    /// <summary>"PORT" as post-operative RT in a radiation intervention is RT; a port device is not.</summary>
    [Theory]
    [InlineData("RADIATION", "PORT", "RT, unspecified")]
    [InlineData("DEVICE", "PORT", null)]
    public void Port_is_rt_only_as_radiation(string type, string name, string? modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention(type, name)).RtModality);
    }

    // ---- Names comparing kinds (rule 9) -----------------------------------------------------------

    /// <summary>
    /// A shared name "EBRT plus brachytherapy boost versus EBRT alone": every arm gets EBRT, one adds
    /// brachytherapy; rule 9 is for kinds the arms give instead of each other, not a course both
    /// share (rule 1: every kind the intervention gives).
    /// </summary>
    [Theory]
    [InlineData("External beam radiotherapy plus brachytherapy boost versus external beam radiotherapy alone", "Brachytherapy + EBRT")]
    [InlineData("Whole brain radiotherapy plus radiosurgery vs whole brain radiotherapy alone", "EBRT + SBRT")]
    public void A_shared_course_in_a_compared_name_is_kept(string name, string kinds)
    {
        Assert.Equal(kinds, Kinds(OnlyIntervention(Intervention("RADIATION", name))));
    }

    /// <summary>The rule where it is right: kinds given instead of each other take the most specific.</summary>
    [Fact]
    public void Protons_versus_photons_is_proton_therapy()
    {
        Assert.Equal("Proton", OnlyIntervention(Intervention("RADIATION", "Proton versus photon radiotherapy")).RtModality);
    }

    // ---- Hypofractionated elided ---------------------------------------------------------------

    /// <summary>A conventional arm under a "Hypofractionated Versus Conventional" title is not hypofractionated.</summary>
    [Fact]
    public void The_conventional_arm_under_a_compared_title_is_not_hypofractionated()
    {
        var study = Normalise(Trial("Hypofractionated Versus Conventional Radiotherapy After Mastectomy", null,
            [Intervention("RADIATION", "Hypofractionated radiotherapy", "42.5 Gy in 16 fractions"), Intervention("RADIATION", "Conventional radiotherapy", "50 Gy in 25 fractions")]));

        Assert.Equal("Hypofractionated RT", study.Interventions[0].RtModality);
        Assert.DoesNotContain("Hypofractionated RT", study.Interventions[1].RtModalities);
    }

    // ---- Kinds in the sentence of a record with no intervention ------------------------------

    /// <summary>A comparison IMRT plan made for each proton patient is planning, not a course (record with no intervention).</summary>
    [Fact]
    public void A_comparative_photon_plan_beside_proton_therapy_is_not_given()
    {
        var free = Normalise(Trial("Proton Beam Therapy for Oropharyngeal Cancer",
            "This phase II study evaluates proton beam therapy for patients with oropharyngeal cancer. For every patient, a comparative IMRT plan will be generated to compare doses to organs at risk.",
            [])).FreeText;

        Assert.Equal("Proton", Kinds(free));
    }

    /// <summary>SBRT replacing brachytherapy as the boost: the brachytherapy is what it replaces.</summary>
    [Fact]
    public void The_kind_sbrt_replaces_is_not_given()
    {
        var free = Normalise(Trial("SBRT Boost for Cervical Cancer",
            "This study tests whether SBRT can replace brachytherapy as the boost after pelvic chemoradiation in cervical cancer.",
            [])).FreeText;

        Assert.NotNull(free);
        Assert.DoesNotContain("Brachytherapy", free.RtModalities);
    }

    // ---- Defines "is delivered with" -------------------------------------------------------------

    /// <summary>A sentence on how the brachytherapy is delivered does not make the pelvic RT brachytherapy.</summary>
    [Fact]
    public void How_brachytherapy_is_delivered_does_not_define_the_pelvic_rt()
    {
        var study = Normalise(Trial("Weekly Cisplatin Chemoradiation for Locally Advanced Cervical Cancer",
            "All patients receive pelvic radiotherapy with weekly cisplatin. Brachytherapy will be delivered with an HDR afterloader after the pelvic course.",
            [Intervention("RADIATION", "Pelvic radiotherapy"), Intervention("DRUG", "Cisplatin")]));

        Assert.NotNull(study.Interventions[0].RtModality);
        Assert.NotEqual("Brachytherapy", study.Interventions[0].RtModality);
    }

    // ---- Vocabulary ------------------------------------------------------------------------------

    /// <summary>Radioactive seed localisation of a non-palpable breast lesion is surgery guidance, not brachytherapy.</summary>
    [Fact]
    public void Radioactive_seed_implantation_for_localisation_is_not_brachytherapy()
    {
        var terms = OnlyIntervention(Intervention("PROCEDURE", "Radioactive seed implantation",
            "A low-activity radioactive seed is placed in the non-palpable breast lesion under ultrasound guidance to localise it for surgical excision; it is removed with the specimen."));

        Assert.Null(terms.RtModality);
    }

    /// <summary>Fiducial seeds are markers, not RT.</summary>
    [Fact]
    public void Fiducial_seed_implantation_is_not_rt()
    {
        Assert.Null(OnlyIntervention(Intervention("PROCEDURE", "Fiducial seed implantation", "Gold fiducial markers are implanted in the prostate under ultrasound guidance.")).RtModality);
    }

    /// <summary>The rule where it is right: a permanent seed implant is brachytherapy.</summary>
    [Fact]
    public void Permanent_seed_implant_is_brachytherapy()
    {
        Assert.Equal("Brachytherapy", OnlyIntervention(Intervention("RADIATION", "Permanent seed implant")).RtModality);
    }

    /// <summary>An iodine-125 "irradiation stent" placed percutaneously is seed brachytherapy, not external beam.</summary>
    [Fact]
    public void A_percutaneous_irradiation_stent_is_not_external_beam()
    {
        var terms = OnlyIntervention(Intervention("DEVICE", "Percutaneous irradiation stent placement",
            "A biliary stent loaded with iodine-125 seeds is placed percutaneously under fluoroscopic guidance."));

        Assert.DoesNotContain("EBRT", terms.RtModalities);
    }

    /// <summary>The rule where it is right: "percutaneous radiotherapy" (European) is external beam.</summary>
    [Fact]
    public void Percutaneous_radiotherapy_is_ebrt()
    {
        Assert.Equal("EBRT", OnlyIntervention(Intervention("RADIATION", "Percutaneous radiotherapy of the prostate")).RtModality);
    }

    /// <summary>BEACOPDac replaces procarbazine with dacarbazine (GHSG HD21/ AHL2011 derivative).</summary>
    [Fact]
    public void Beacopdac_is_not_procarbazine()
    {
        var agents = OnlyIntervention(Intervention("DRUG", "BEACOPDac")).Agents;

        Assert.DoesNotContain("procarbazine", agents);
    }

    /// <summary>Escalated BEACOPP gives procarbazine.</summary>
    [Fact]
    public void Escalated_beacopp_names_procarbazine()
    {
        Assert.Contains("procarbazine", OnlyIntervention(Intervention("DRUG", "BEACOPP escalated")).Agents);
    }

    // ---- An ordinal week of RT as a point in time ------------------------------------------------

    /// <summary>
    /// A chemoradiation trial registered with only its drug: "cisplatin ... in the first and fourth
    /// week of radiotherapy" is concurrent chemoradiation, whose RT every arm gets.
    /// </summary>
    [Fact]
    public void Cisplatin_in_ordinal_weeks_of_radiotherapy_still_gives_the_rt()
    {
        var protocol = Trial("Three-Weekly Versus Weekly Cisplatin in Head and Neck Cancer", null,
            [Intervention("DRUG", "Cisplatin")],
            Arm("Three-weekly", "Cisplatin 100 mg/m2 in the first, fourth and seventh week of radiotherapy", "Drug: Cisplatin"),
            Arm("Weekly", "Cisplatin 40 mg/m2 on day 1 of the first to the seventh week of radiotherapy", "Drug: Cisplatin"));

        Assert.Equal("RT, unspecified", Normalise(WithPurpose(protocol, "TREATMENT")).FreeText?.RtModality);
    }

    /// <summary>A radiation intervention "Concomitant boost" given in the last week of RT is RT.</summary>
    [Fact]
    public void A_concomitant_boost_in_the_last_week_of_rt_is_rt()
    {
        Assert.NotNull(OnlyIntervention(Intervention("RADIATION", "Concomitant boost", "A second daily fraction to the gross tumour in the last week of radiotherapy")).RtModality);
    }

    /// <summary>The rule where it is right (supportive care): a rinse from the 2nd week of RT gives no RT.</summary>
    [Fact]
    public void A_mouthwash_from_the_second_week_of_rt_gives_no_rt()
    {
        var protocol = Trial("Benzydamine Mouthwash for Oral Mucositis", null, [Intervention("DRUG", "Benzydamine")],
            Arm("Benzydamine", "Benzydamine mouthwash four times a day from the 2nd week of radiotherapy", "Drug: Benzydamine"));

        Assert.Null(Normalise(WithPurpose(protocol, "SUPPORTIVE_CARE")).FreeText?.RtModality);
    }

    // ---- Survival that is not everyone's --------------------------------------------------------

    /// <summary>"Time in months from randomisation until death": the months are the unit, not follow-up.</summary>
    [Theory]
    [InlineData("Time in months from randomisation until death")]
    [InlineData("Number of weeks from registration until death")]
    public void Time_until_death_counted_in_months_is_os(string measure)
    {
        Assert.Equal("OS", Endpoint(measure, null));
    }

    /// <summary>"Proportion alive at 12 months, followed every 3 months until death" is a survival rate.</summary>
    [Fact]
    public void Proportion_alive_followed_until_death_is_os()
    {
        Assert.Equal("OS", Endpoint("Proportion of patients alive at 12 months, followed every 3 months until death", null));
    }

    /// <summary>A free flap measure is not a "Free ..." survival: its description's flap survival is not OS.</summary>
    [Fact]
    public void A_free_flap_measure_is_not_overall_survival()
    {
        Assert.NotEqual("OS", Endpoint("Free flap success rate", "Flap survival rate at 30 days after surgery"));
    }

    /// <summary>The rule where it is right: quality of life assessed until death is not OS.</summary>
    [Fact]
    public void Quality_of_life_assessed_until_death_is_not_os()
    {
        Assert.Equal("other", Endpoint("Quality of life (EORTC QLQ-C30), assessed every 3 months until death", null));
    }

    /// <summary>Metastasis-free survival rate is not OS.</summary>
    [Fact]
    public void Metastasis_free_survival_rate_is_not_os()
    {
        Assert.NotEqual("OS", Endpoint("Metastasis-free survival rate", null));
    }

    // ---- Major complications -----------------------------------------------------------------------

    /// <summary>Complications of the disease that prophylactic RT prevents are its efficacy, not its safety.</summary>
    [Fact]
    public void Major_complications_of_bone_metastases_are_not_safety()
    {
        var protocol = Trial("Prophylactic Radiotherapy for Asymptomatic High-Risk Bone Metastases", null, [Intervention("RADIATION", "Radiotherapy")]);

        Assert.Equal("other", Endpoint("Major complications of bone metastases (pathological fracture or spinal cord compression)", null, WithPurpose(protocol, "TREATMENT")));
    }

    // ---- Observational titles ----------------------------------------------------------------------

    /// <summary>A real-world study of HCC patients treated with RT plus PD-1 inhibitors studies that combination.</summary>
    [Fact]
    public void An_observational_study_of_patients_treated_with_rt_plus_ici_studies_both()
    {
        var free = Normalise(Observational("Efficacy and Safety in Hepatocellular Carcinoma Patients Treated With Stereotactic Body Radiotherapy Plus PD-1 Inhibitors")).FreeText;

        Assert.NotNull(free);
        Assert.Equal("SBRT", free.RtModality);
        Assert.Contains("PD-1", free.Targets);
    }

    /// <summary>Men on active surveillance versus radiotherapy: a comparison of treatments.</summary>
    [Fact]
    public void An_observational_comparison_of_men_on_surveillance_versus_radiotherapy_studies_rt()
    {
        Assert.Equal("RT, unspecified", Normalise(Observational("Outcomes of Men on Active Surveillance Versus Radiotherapy for Low-Risk Prostate Cancer")).FreeText?.RtModality);
    }

    /// <summary>The rule where it is right: a quality-of-life study of patients treated with RT.</summary>
    [Fact]
    public void A_quality_of_life_study_of_patients_treated_with_rt_gives_no_rt()
    {
        Assert.Null(Normalise(Observational("Fatigue in Patients With Breast Cancer Treated With Radiotherapy")).FreeText?.RtModality);
    }

    /// <summary>An interventional title "in patients treated with SBRT" is not touched by the observational rule.</summary>
    [Fact]
    public void An_interventional_title_of_patients_treated_with_sbrt_still_gives_sbrt()
    {
        var protocol = Trial("Pembrolizumab in Patients Treated With Stereotactic Body Radiotherapy for Oligometastatic NSCLC", null,
            [Intervention("DRUG", "Pembrolizumab")], Arm("Pembrolizumab + SBRT", "Pembrolizumab 200 mg every 3 weeks with SBRT 8 Gy x 3", "Drug: Pembrolizumab"));

        Assert.Equal("SBRT", Normalise(WithPurpose(protocol, "TREATMENT")).FreeText?.RtModality);
    }
}
