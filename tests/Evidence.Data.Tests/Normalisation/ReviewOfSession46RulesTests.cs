using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review of the rules of vocabulary .107-.110 (sets 82-85): "CT" beside RT,
/// "Immunotherapy" among kinds of care, titles of people "treated by" RT, "HDR", a drug
/// "concurrent ... with" RT, RT named by a spelled-out acronym, titles that study their RT beside
/// an RT-injury condition, chemoradiation joined to a listed drug, PCV, intraoperative electrons,
/// hospices, information about a therapy, and the per-thread caches. Each case asserts what a
/// careful systematic reviewer would label (DOMAIN.md, LABELLING-GUIDE.md), not what the code does.
/// </summary>
public class ReviewOfSession46RulesTests
{
    private static JsonObject WithPrimaryOutcome(JsonObject protocol, string measure)
    {
        protocol["outcomesModule"] = new JsonObject { ["primaryOutcomes"] = new JsonArray(new JsonObject { ["measure"] = measure, ["timeFrame"] = "12 weeks" }) };
        return protocol;
    }

    private static JsonObject Untyped(JsonObject intervention)
    {
        intervention.Remove("type");
        return intervention;
    }

    // ---- "CT" joined to RT is chemotherapy, not a scan ----------------------------------------

    /// <summary>The rule where it is right: "RT + CT" described as cisplatin with IMRT.</summary>
    [Fact]
    public void Rt_plus_ct_described_as_cisplatin_with_imrt_is_ebrt()
    {
        var terms = OnlyIntervention(Untyped(Intervention("OTHER", "RT + CT",
            "Cisplatin 100 mg/m2 on days 1, 22 and 43, given concurrently with IMRT 70 Gy in 35 fractions")));

        Assert.Equal("EBRT", terms.RtModality);
    }

    /// <summary>A planning scan: the CT is imaging, "RT" only says what the scan is for.</summary>
    [Theory]
    [InlineData("CT and RT simulation", "Patients undergo CT simulation with a thermoplastic mask for radiotherapy planning")]
    [InlineData("4D-CT and RT planning", "A four-dimensional CT scan is acquired for radiotherapy treatment planning")]
    public void A_planning_ct_beside_rt_words_is_imaging_not_rt(string name, string description)
    {
        Assert.Null(OnlyIntervention(Intervention("PROCEDURE", name, description)).RtModality);
    }

    // ---- "Immunotherapy" among interventions that are kinds of care ---------------------------

    /// <summary>The rule where it is right: a menu of standard care beside SABR.</summary>
    [Fact]
    public void Immunotherapy_in_a_menu_of_standard_of_care_kinds_is_no_ici()
    {
        var study = Normalise(Trial("Stereotactic Ablative Radiotherapy Versus Standard of Care in Oligoprogressive Cancer", null,
            [Intervention("RADIATION", "SABR"), Intervention("DRUG", "Standard of care chemotherapy"), Intervention("DRUG", "Hormonal therapy"), Intervention("DRUG", "Immunotherapy")]));

        Assert.Empty(study.Interventions[^1].Targets);
    }

    /// <summary>
    /// Observation as the control arm of an adjuvant immunotherapy trial, not an item of a menu:
    /// "Immunotherapy" is the experimental treatment, labelled "ICI, unspecified" as a bare
    /// "Immunotherapy" always is.
    /// </summary>
    [Fact]
    public void Immunotherapy_against_observation_after_surgery_is_still_the_trial_s_ici()
    {
        var study = Normalise(Trial("Adjuvant Immunotherapy Versus Observation After Resection of Stage III Melanoma", null,
            [Intervention("PROCEDURE", "Surgery"), Intervention("OTHER", "Observation"), Intervention("DRUG", "Immunotherapy")],
            Arm("Immunotherapy", "Adjuvant immunotherapy for one year after complete resection", "Procedure: Surgery", "Drug: Immunotherapy"),
            Arm("Observation", "Observation after complete resection", "Procedure: Surgery", "Other: Observation")));

        Assert.Equal(["ICI, unspecified"], study.Interventions[^1].Targets);
    }

    /// <summary>An "Immunotherapy" whose description names its drug keeps the drug among kinds of care.</summary>
    [Fact]
    public void A_menu_immunotherapy_described_as_pembrolizumab_keeps_pd1()
    {
        var study = Normalise(Trial("SABR for Oligometastatic Disease", null,
            [Intervention("RADIATION", "SABR"), Intervention("DRUG", "Chemotherapy"), Intervention("DRUG", "Targeted therapy"), Intervention("DRUG", "Observation"),
             Intervention("DRUG", "Immunotherapy", "Pembrolizumab 200 mg IV every 3 weeks")]));

        Assert.Contains("PD-1", study.Interventions[^1].Targets);
    }

    // ---- a title's RT after "treated by/with" in what the title is for -------------------------

    /// <summary>"A Trial for X Treated With SBRT": the trial treats them with it; nothing else comes before "for".</summary>
    [Fact]
    public void A_trial_for_patients_treated_with_sbrt_gives_the_sbrt()
    {
        var free = Normalise(Trial("A Phase II Trial for Oligometastatic Prostate Cancer Treated With Stereotactic Body Radiotherapy", null, [])).FreeText;

        Assert.Equal("SBRT", free?.RtModality);
    }

    /// <summary>The rule where it is right: supportive drugs for people whose RT is their care.</summary>
    [Theory]
    [InlineData("Melatonin for Cognitive Decline in Brain Metastases Treated With Whole Brain Radiotherapy")]
    [InlineData("Olanzapine Versus Placebo for Nausea in Patients Treated by Pelvic Radiotherapy")]
    public void A_supportive_drug_for_people_treated_by_rt_does_not_give_it(string title)
    {
        Assert.Null(Normalise(Trial(title, null, [])).FreeText?.RtModality);
    }

    // ---- "HDR" alone --------------------------------------------------------------------------

    [Theory]
    [InlineData("HDR")]
    [InlineData("LDR or HDR monotherapy")]
    public void Hdr_named_as_radiation_is_brachytherapy(string name)
    {
        Assert.Equal("Brachytherapy", OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    /// <summary>HDR as homology-directed repair, in gene editing: no radiation at all.</summary>
    [Fact]
    public void Hdr_edited_car_t_cells_are_no_brachytherapy()
    {
        Assert.Null(OnlyIntervention(Intervention("GENETIC", "HDR-edited anti-CD19 CAR-T cells")).RtModality);
    }

    // ---- a drug "concurrent ... with" RT ------------------------------------------------------

    /// <summary>The rule where it is right: the IMRT is the radiation intervention's.</summary>
    [Fact]
    public void Concurrent_cisplatin_with_radiotherapy_beside_imrt_gives_no_rt_of_its_own()
    {
        var study = Normalise(WithArms([Intervention("RADIATION", "IMRT 70 Gy in 35 fractions"), Intervention("DRUG", "Concurrent cisplatin with radiotherapy")]));

        Assert.Null(study.Interventions[1].RtModality);
        Assert.Equal("EBRT", study.Interventions[0].RtModality);
    }

    /// <summary>
    /// The SBRT of arm B is named only by the drug's intervention; the other radiation
    /// intervention is arm A's conventional RT, another kind: the SBRT must not be lost.
    /// </summary>
    [Fact]
    public void Concurrent_durvalumab_with_sbrt_keeps_an_sbrt_no_other_intervention_gives()
    {
        var study = Normalise(Trial("Durvalumab in Stage III NSCLC Unfit for Chemotherapy", null,
            [Intervention("RADIATION", "Conventional radiotherapy 60 Gy in 30 fractions", arms: ["A"]), Intervention("DRUG", "Concurrent durvalumab with SBRT", arms: ["B"])],
            Arm("A", null, "Radiation: Conventional radiotherapy 60 Gy in 30 fractions"), Arm("B", null, "Drug: Concurrent durvalumab with SBRT")));

        Assert.Contains("SBRT", study.AllInterventionTerms.SelectMany(i => i.RtModalities));
    }

    // ---- a radiation intervention named by an acronym spelled out in brackets -----------------

    /// <summary>The rule where it is right.</summary>
    [Fact]
    public void An_acronym_spelled_out_as_hypofractionated_rt_takes_it()
    {
        var protocol = Trial("Hypofractionated Radiotherapy (HYPORT) After Breast Conserving Surgery", null, [Intervention("RADIATION", "HYPORT")]);

        Assert.Equal("Hypofractionated RT", Normalise(protocol).Interventions[0].RtModality);
    }

    /// <summary>
    /// Two acronyms spelled out side by side: "CFRT" is the conventionally fractionated arm (guide
    /// rule 7: RT of no kind), not the hypofractionated RT the eight words before it also hold.
    /// </summary>
    [Fact]
    public void Cfrt_spelled_out_after_hfrt_is_not_hypofractionated()
    {
        var protocol = Trial("Hypofractionated Radiotherapy (HFRT) Versus Conventionally Fractionated Radiotherapy (CFRT) for Localised Prostate Cancer", null,
            [Intervention("RADIATION", "HFRT"), Intervention("RADIATION", "CFRT")]);

        var study = Normalise(protocol);

        Assert.Equal("Hypofractionated RT", study.Interventions[0].RtModality);
        Assert.Equal(["RT, unspecified"], study.Interventions[1].RtModalities);
    }

    /// <summary>A summary that compares SBRT with conventional RT: "CPRT" is the conventional arm, not SBRT.</summary>
    [Fact]
    public void Conventional_rt_spelled_out_after_sbrt_in_the_summary_is_not_sbrt()
    {
        var protocol = Trial("SBRT for Painful Spinal Metastases",
            "This randomised trial compares stereotactic body radiotherapy with conventional palliative radiotherapy (CPRT) for painful spinal metastases.",
            [Intervention("RADIATION", "SBRT 24 Gy in 2 fractions"), Intervention("RADIATION", "CPRT")]);

        Assert.Equal(["RT, unspecified"], Normalise(protocol).Interventions[1].RtModalities);
    }

    /// <summary>An intraoperative RT spelled out by its acronym is RT of no kind (the annotators' IORT).</summary>
    [Fact]
    public void Eliot_spelled_out_as_intraoperative_radiotherapy_is_rt_of_no_kind()
    {
        var protocol = Trial("Electron Intraoperative Radiotherapy (ELIOT) Versus Whole Breast Radiotherapy in Early Breast Cancer", null,
            [Intervention("RADIATION", "ELIOT"), Intervention("RADIATION", "Whole breast radiotherapy")]);

        Assert.Equal("RT, unspecified", Normalise(protocol).Interventions[0].RtModality);
    }

    // ---- a title that studies its RT beside an RT-injury condition ----------------------------

    /// <summary>The rule where it is right: the trial's SBRT, whose toxicity is what the conditions name.</summary>
    [Fact]
    public void A_title_testing_sbrt_beside_radiation_toxicity_gives_its_kind()
    {
        var protocol = WithConditions(Trial("A Phase II Trial Testing Stereotactic Body Radiotherapy for Oligometastatic Renal Cell Carcinoma", null,
            [Intervention("RADIATION", "Radiotherapy")]), "Renal Cell Carcinoma", "Radiation Toxicity");

        Assert.Equal("SBRT", Normalise(protocol).Interventions[0].RtModality);
    }

    /// <summary>
    /// A cream trial for radiation dermatitis, registered for treatment, whose title "evaluates"
    /// radiotherapy skin protection: the dermatitis it measures is what its cream is for ("other"),
    /// not the safety of a treatment of the cancer.
    /// </summary>
    [Fact]
    public void A_title_evaluating_radiotherapy_skin_protection_is_still_a_trial_of_an_rt_injury()
    {
        var protocol = WithPrimaryOutcome(WithConditions(Trial("A Randomised Trial Evaluating Radiotherapy Skin Protection With Mometasone Furoate Cream in Breast Cancer", null,
            [Intervention("DRUG", "Mometasone furoate 0.1% cream"), Intervention("DRUG", "Placebo cream")]), "Breast Cancer", "Radiation Dermatitis"),
            "Incidence of grade 2 or higher radiation dermatitis (CTCAE v5.0)");

        var study = Normalise(protocol);

        Assert.Equal("other", study.Outcomes[0].EndpointClass);
        Assert.Null(study.FreeText?.RtModality);
    }

    // ---- a title joining chemoradiation to a listed drug ---------------------------------------

    /// <summary>NCI records list the salt ("Nelfinavir Mesylate"); the title names the drug.</summary>
    [Fact]
    public void A_title_joining_chemoradiation_to_a_listed_salt_gives_the_rt()
    {
        var study = Normalise(Trial("Nelfinavir and Chemoradiation for Locally Advanced Pancreatic Cancer", null,
            [Intervention("DRUG", "Nelfinavir Mesylate"), Intervention("DRUG", "Gemcitabine Hydrochloride")]));

        Assert.Equal("RT, unspecified", study.FreeText?.RtModality);
    }

    /// <summary>The rule where it is right: an ICI trial adding the drug to chemoradiotherapy.</summary>
    [Fact]
    public void Camrelizumab_with_chemoradiotherapy_gives_the_rt()
    {
        var study = Normalise(Trial("Camrelizumab With Chemoradiotherapy for Locally Advanced Cervical Cancer", null,
            [Intervention("DRUG", "Camrelizumab"), Intervention("DRUG", "Cisplatin")]));

        Assert.NotNull(study.FreeText?.RtModality ?? study.Interventions.FirstOrDefault(i => i.RtModality is not null)?.RtModality);
    }

    /// <summary>A supportive-care drug taken during chemoradiotherapy the patients receive as their care: the trial gives no RT.</summary>
    [Fact]
    public void Glutamine_with_chemoradiotherapy_to_prevent_esophagitis_gives_no_rt()
    {
        var protocol = WithConditions(WithPurpose(Trial("Oral Glutamine With Chemoradiotherapy for Prevention of Esophagitis in Lung Cancer", null,
            [Intervention("DIETARY_SUPPLEMENT", "Glutamine"), Intervention("DRUG", "Glutamine")]), "SUPPORTIVE_CARE"), "Lung Cancer", "Esophagitis");

        Assert.Null(Normalise(protocol).FreeText?.RtModality);
    }

    // ---- PCV ----------------------------------------------------------------------------------

    [Fact]
    public void Rt_followed_by_pcv_chemotherapy_gives_the_three_drugs()
    {
        Assert.Equal(["procarbazine", "lomustine", "vincristine"], OnlyIntervention(Intervention("DRUG", "Radiotherapy followed by PCV chemotherapy")).Agents);
    }

    /// <summary>A pneumococcal vaccine schedule ("PCV regimen") in patients on chemotherapy: no procarbazine.</summary>
    [Fact]
    public void A_pneumococcal_pcv_regimen_is_no_chemotherapy()
    {
        var terms = OnlyIntervention(Intervention("BIOLOGICAL", "Pneumococcal vaccination",
            "PCV regimen: one dose of PCV13 at enrolment followed by PPSV23 eight weeks later, in patients receiving chemotherapy"));

        Assert.Equal([], terms.Agents);
    }

    // ---- intraoperative electrons -------------------------------------------------------------

    [Theory]
    [InlineData("Intra-operative electron radiotherapy")]
    [InlineData("IOERT 10 Gy to the tumour bed")]
    public void Intraoperative_electrons_are_rt_of_no_kind(string name)
    {
        Assert.Equal("RT, unspecified", OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    /// <summary>Guide rule 1: an IOERT boost followed by whole-breast RT gives the external course's kind too.</summary>
    [Fact]
    public void An_ioert_boost_then_whole_breast_rt_gives_ebrt()
    {
        Assert.Contains("EBRT", OnlyIntervention(Intervention("RADIATION", "IOERT boost followed by whole breast irradiation")).RtModalities);
    }

    // ---- hospices -----------------------------------------------------------------------------

    [Theory]
    [InlineData("St Christopher's Hospice")]
    [InlineData("Marie Curie Hospice")]
    public void A_hospice_sponsor_is_an_organisation(string sponsor)
    {
        var protocol = WithArms([Intervention("RADIATION", "Palliative radiotherapy")]);
        protocol["sponsorCollaboratorsModule"] = new JsonObject { ["leadSponsor"] = new JsonObject { ["name"] = sponsor, ["class"] = "OTHER" } };

        Assert.Equal(sponsor, Normalise(protocol).Summary.Institution);
    }

    // ---- information about a therapy ----------------------------------------------------------

    private static InterventionTerms? FreeTextOfArm(string armDescription) =>
        Normalise(WithPurpose(Trial("Patient Education Before Cancer Treatment", null, [Intervention("OTHER", "Educational video")],
            Arm("Video", armDescription, "Other: Educational video")), "OTHER")).FreeText;

    /// <summary>A determiner between "about" and the RT does not make it given.</summary>
    [Fact]
    public void An_educational_video_about_the_radiotherapy_procedure_gives_no_rt()
    {
        Assert.Null(FreeTextOfArm("Patients watch a 10-minute educational video about the radiotherapy procedure before their planning session")?.RtModality);
    }

    [Fact]
    public void Nurse_led_education_on_immunotherapy_gives_no_ici()
    {
        var free = FreeTextOfArm("Patients receive nurse-led education on immunotherapy side effects at each visit");

        Assert.Empty(free?.Targets ?? []);
    }

    /// <summary>A leaflet beside the RT the arm gives: the RT is given.</summary>
    [Fact]
    public void Radiotherapy_with_an_information_booklet_on_skin_care_is_given()
    {
        Assert.NotNull(FreeTextOfArm("Patients receive palliative radiotherapy and an information booklet on skin care")?.RtModality);
    }

    // ---- the per-thread caches ----------------------------------------------------------------

    /// <summary>A caller that changes the list a matcher returned does not change the next caller's answer.</summary>
    [Fact]
    public void A_caller_mutating_a_returned_match_list_does_not_change_later_answers()
    {
        var matcher = new TermMatcher<string>([("radiotherapy", "RT"), ("SBRT", "SBRT")]);
        var text = TermText.Of("SBRT or radiotherapy for review 46");

        var first = matcher.Matches(text);
        first.Clear();
        first.Add(new TermMatch<string>("bogus", "bogus", 0));

        Assert.Equal(["SBRT", "RT"], matcher.Matches(text).Select(m => m.Value));
    }

    /// <summary>Two matchers asked about one text each keep their own answer.</summary>
    [Fact]
    public void Two_matchers_on_one_text_do_not_share_answers()
    {
        var rt = new TermMatcher<string>([("radiotherapy", "RT")]);
        var drugs = new TermMatcher<string>([("nivolumab", "nivolumab")]);
        var text = TermText.Of("Nivolumab and radiotherapy for review 46");

        Assert.Equal(["RT"], rt.Matches(text).Select(m => m.Value));
        Assert.Equal(["nivolumab"], drugs.Matches(text).Select(m => m.Value));
        Assert.Equal(["RT"], rt.Matches(text).Select(m => m.Value));
    }

    /// <summary>Two records of one NCT id read one after the other (two versions): each is read for its own arms.</summary>
    [Fact]
    public void Two_versions_of_a_record_in_a_row_are_read_for_their_own_sentences()
    {
        static JsonObject Version(string arm) => WithPurpose(Trial("Patient Education Before Cancer Treatment", null, [Intervention("OTHER", "Educational video")],
            Arm("Video", arm, "Other: Educational video")), "OTHER");

        var first = Normalise(Version("Patients receive palliative radiotherapy and an educational video"));
        var second = Normalise(Version("Patients receive an educational video"));
        var third = Normalise(Version("Patients receive palliative radiotherapy and an educational video"));

        Assert.NotNull(first.FreeText?.RtModality);
        Assert.Null(second.FreeText?.RtModality);
        Assert.Equal(first.FreeText?.RtModality, third.FreeText?.RtModality);
    }
}
