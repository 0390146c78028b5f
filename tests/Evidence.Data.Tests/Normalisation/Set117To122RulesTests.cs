using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 117-121's findings (issue 10): a radiation intervention named for the arm with no RT,
/// intensity-modulated proton therapy, fractions given twice daily, the dose free text gives
/// beside an RT intervention's name when another RT of the trial has a kind, the RT a
/// supportive-care trial's title adds to another treatment, mitomycin C as "MMC", radiographic
/// PFS as "rPFS", lirilumab, an investigator's choice of regimens, a checkpoint blocker beside
/// named agents, and a purpose "to learn if" a therapy "can help to control" a disease.
/// </summary>
public class Set117To122RulesTests
{
    /// <summary>NCT00805597: the control arm's "no radiation", typed radiation like the arm it stands for.</summary>
    [Theory]
    [InlineData("no radiation")]
    [InlineData("No radiotherapy")]
    [InlineData("Without RT")]
    public void A_radiation_intervention_named_for_the_arm_without_rt_gives_none(string name)
    {
        var study = Normalise(Trial(
            "Clinical Trial of Postmastectomy Radiotherapy in Breast Cancer With One to Three Positive Nodes", null,
            [Intervention("RADIATION", "radiation", arms: ["radiotherapy"]), Intervention("RADIATION", name, arms: ["no radiotherapy"])],
            Arm("radiotherapy", "radiotherapy of 50Gy/25f/5w to the ipsilateral chest wall and supraclavicular region", "Radiation: radiation"),
            Arm("no radiotherapy", "no radiotherapy", $"Radiation: {name}")));

        Assert.Equal("RT, unspecified", study.Interventions[0].RtModality);
        Assert.Null(study.Interventions[1].RtModality);
    }

    [Fact]
    public void A_radiation_intervention_whose_name_only_mentions_no_later_still_gives_its_rt()
    {
        // "no" that does not open the name is not the arm without RT.
        Assert.Equal("RT, unspecified", OnlyIntervention(Intervention("RADIATION", "Radiotherapy with no concurrent drug")).RtModality);
    }

    /// <summary>NCT01854554: "IMPT" against "IMRT". Guide rule 3: intensity-modulated proton therapy is proton beam therapy only.</summary>
    [Theory]
    [InlineData("IMPT")]
    [InlineData("Intensity-modulated proton therapy")]
    [InlineData("Intensity Modulated Proton Radiotherapy (IMPT)")]
    public void Intensity_modulated_proton_therapy_is_proton_only(string name)
    {
        Assert.Equal("Proton", Kinds(OnlyIntervention(Intervention("RADIATION", name))));
    }

    [Theory]
    [InlineData("38.5 Gy in 10 twice daily fractions of 3.85 Gy", 38.5, 10)]
    [InlineData("45 Gy in 30 twice-daily fractions", 45, 30)]
    [InlineData("36 Gy in six once-daily fractions", 36, 6)]
    [InlineData("25 Gy in five weekly fractions", 25, 5)]
    public void Fractions_said_to_come_once_or_twice_a_day_are_counted(string text, double gy, int fractions)
    {
        var dose = Assert.Single(RtDoseParser.Doses(text));

        Assert.Equal((gy, gy), dose.TotalGy);
        Assert.Equal((fractions, fractions), dose.Fractions);
    }

    /// <summary>
    /// NCT03616626: "Twice Daily APBI" and "Once Daily APBI" beside "Whole Breast Irradiation" (a
    /// kind); the summary gives each APBI its schedule after the acronym.
    /// </summary>
    [Fact]
    public void Rt_interventions_beside_one_of_a_kind_take_the_dose_given_beside_their_names()
    {
        var study = Normalise(Trial(
            "Whole Breast Irradiation vs Twice Daily vs. Once Daily Accelerated Partial Breast Irradiation",
            "Eligible patients will be randomly allocated to receive 3DCRT Whole Breast Irradiation (WBI) 50 Gy in 25 daily fractions over 5 weeks or "
            + "APBI 38.5 Gy in 10 once daily fractions of 3.85Gy over two weeks or 38.5 Gy in 10 twice daily fractions of 3.85Gy over one week.",
            [Intervention("RADIATION", "Twice Daily APBI"), Intervention("RADIATION", "Once Daily APBI"), Intervention("RADIATION", "Whole Breast Irradiation")]));

        Assert.Equal(["Hypofractionated RT", "Hypofractionated RT", "EBRT"], study.Interventions.Select(i => i.RtModality));
        // Each APBI's provenance is its own schedule: the one said to come as often as its name says.
        Assert.Equal(
            ["38.5 Gy in 10 twice daily fractions", "38.5 Gy in 10 once daily fractions"],
            [.. new[] { 0, 1 }.Select(i => study.Sources.Single(s => s.Entity == "intervention" && s.EntityOrdinal == i && s.Field == NormalisedField.RtModality).Matched)]);
    }

    [Fact]
    public void Rt_interventions_whose_names_the_free_text_gives_no_dose_beside_keep_no_kind()
    {
        // The summary's only dose is the whole-breast RT's: the APBI's kind is not guessed from it.
        var study = Normalise(Trial(
            "Whole Breast Irradiation vs Accelerated Partial Breast Irradiation",
            "Patients receive Whole Breast Irradiation (WBI) 50 Gy in 25 daily fractions or APBI as per institutional practice.",
            [Intervention("RADIATION", "Twice Daily APBI"), Intervention("RADIATION", "Whole Breast Irradiation")]));

        Assert.Equal(["RT, unspecified", "EBRT"], study.Interventions.Select(i => i.RtModality));
    }

    /// <summary>
    /// NCT01179074 (set 119, scored unseen before this rule): a supportive-care trial that lists
    /// no intervention, whose title has one arm add RT to palliative stenting.
    /// </summary>
    [Theory]
    [InlineData("Palliative Stenting With or Without Radiotherapy for Inoperable Oesophageal Carcinoma: a Randomised Trial", "RT, unspecified")]
    [InlineData("Single-Dose Local Radiation Therapy Compared With Ibandronate in Treating Patients With Localized Metastatic Bone Pain", "RT, unspecified")]
    // RT the patients have, not what an arm adds: a cream, a film, a mouthwash through RT.
    [InlineData("Mepitel Film Versus Standard Skin Care in Patients Receiving Breast Radiotherapy", null)]
    [InlineData("Honey Mouthwash With or Without Benzydamine for Mucositis During Head and Neck Radiotherapy", null)]
    [InlineData("Radiotherapy Plus Cream for Radiation Dermatitis", null)]
    public void A_supportive_care_trials_title_gives_only_the_rt_an_arm_adds(string title, string? modality)
    {
        var study = Normalise(WithPurpose(Trial(title, "To assess the benefits for patients with cancer.", []), "SUPPORTIVE_CARE"));

        Assert.Equal(modality, study.FreeText?.RtModality);
    }

    [Fact]
    public void A_supportive_care_trials_title_gives_no_ici()
    {
        // The ICI of a supportive-care title is the one patients are supported through.
        var study = Normalise(WithPurpose(Trial("Probiotics With or Without Pembrolizumab-Related Diarrhoea Prophylaxis", null, []), "SUPPORTIVE_CARE"));

        Assert.Null(study.FreeText);
    }

    /// <summary>NCT00384891 (set 120): "Synergo + MMC", chemohyperthermia with mitomycin C.</summary>
    [Theory]
    [InlineData("DEVICE", "Synergo + MMC")]
    [InlineData("DRUG", "Intravesical MMC 40 mg")]
    public void Mmc_is_mitomycin(string type, string name)
    {
        Assert.Equal(["mitomycin"], OnlyIntervention(Intervention(type, name)).Agents);
    }

    /// <summary>NCT04934722 (set 120): a primary outcome of no measure whose description defines rPFS.</summary>
    [Fact]
    public void Radiographic_pfs_is_pfs()
    {
        var outcome = new System.Text.Json.Nodes.JsonObject
        {
            ["description"] = "rPFS was defined as the time from randomization to radiological tumor progression using RECIST 1.1 as assessed by BICR, or death due to any cause.",
            ["timeFrame"] = "Up to approximately 17 months",
        };
        var protocol = new System.Text.Json.Nodes.JsonObject { ["outcomesModule"] = new System.Text.Json.Nodes.JsonObject { ["primaryOutcomes"] = new System.Text.Json.Nodes.JsonArray(outcome) } };

        Assert.Equal("PFS", Normalise(protocol).Outcomes[0].EndpointClass);
    }

    /// <summary>An acronym the vocabulary knows as RT, defined in brackets as words that name none.</summary>
    [Theory]
    [InlineData("BEHAVIORAL", "Intensive Multimodal Physical Therapy (IMPT)", "")]
    [InlineData("RADIATION", "Intensity Modulated Proton Therapy (IMPT)", "Proton")]
    [InlineData("RADIATION", "Proton beam therapy (PBT)", "Proton")]
    [InlineData("OTHER", "Peer-Based Training (PBT)", "")]
    public void An_acronym_defined_as_other_words_is_not_rt(string type, string name, string kinds)
    {
        Assert.Equal(kinds, Kinds(OnlyIntervention(Intervention(type, name))));
    }

    /// <summary>NCT01592370 (set 121): lirilumab, an anti-KIR antibody, given with nivolumab.</summary>
    [Theory]
    [InlineData("Lirilumab")]
    [InlineData("BMS-986015")]
    public void Lirilumab_is_an_ici_of_kir(string name)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name));

        Assert.Equal(["lirilumab"], terms.Agents);
        Assert.Equal(["KIR"], terms.Targets);
    }

    /// <summary>NCT04342936 (set 121): the comparator arm's investigator's choice, by regimen.</summary>
    [Fact]
    public void An_investigators_choice_of_chemotherapy_gives_the_drugs_of_the_regimens_its_arm_names()
    {
        var study = Normalise(Trial("Camrelizumab vs Chemotherapy in Relapsed Hodgkin Lymphoma", null,
            [Intervention("DRUG", "Camrelizumab", arms: ["Camrelizumab"]), Intervention("DRUG", "Investigator's choice of Chemotherapy", arms: ["Chemotherapy"])],
            Arm("Camrelizumab", "Camrelizumab 200mg IV every 2 weeks", "Drug: Camrelizumab"),
            Arm("Chemotherapy", "Participants receive investigator's choice of chemotherapy (Gemox, IGEV or DHAP) for up to 6 cycles.", "Drug: Investigator's choice of Chemotherapy")));

        Assert.Equal(["gemcitabine", "oxaliplatin", "ifosfamide", "vinorelbine", "cytarabine", "cisplatin"], study.Interventions[1].Agents);
    }

    /// <summary>
    /// NCT03026140 (set 121): a record of no intervention whose summary adds an anti-LAG3 to the
    /// named ipilimumab and nivolumab. (The record writes "(i.e. anti-IL 8, ...)", and "i.e." ends a
    /// sentence: TermText.Sentences.)
    /// </summary>
    [Fact]
    public void A_blocker_of_a_checkpoint_no_named_agent_blocks_is_a_target_beside_them()
    {
        var study = Normalise(Described(Trial("Neoadjuvant Immune Checkpoint Inhibition and Novel IO Combinations in Early-stage Colon Cancer",
            "Patients will be treated with short-term immunotherapy + novel IO combinations (anti-IL 8, COX2-inhibitors, anti-LAG3) until surgical resection.", []),
            "Patients in group 1 will be treated with a single dose of ipilimumab 1mg/kg on day 1 and two cycles of nivolumab 3mg/kg on day 1 and 15."));

        Assert.Equal(["CTLA-4", "PD-1", "LAG-3"], study.FreeText?.Targets);
    }

    [Fact]
    public void A_checkpoint_named_as_a_marker_beside_named_agents_is_no_target()
    {
        // "PD-L1-Positive" says whom the trial enrols: pembrolizumab's PD-1 is the only target.
        var study = Normalise(Trial("Pembrolizumab With or Without Lenvatinib in Adults With Programmed Cell Death-Ligand 1 (PD-L1)-Positive Nonsmall Cell Lung Cancer",
            "The purpose of this study is to assess pembrolizumab combined with lenvatinib compared to pembrolizumab alone.", []));

        Assert.Equal(["PD-1"], study.FreeText?.Targets);
    }

    /// <summary>NCT02815995 (set 122): a record of no intervention whose summary says what it tests "to learn if".</summary>
    [Theory]
    [InlineData("The goal of this clinical research study is to learn if the combination of durvalumab and tremelimumab can help to control sarcoma.", "PD-L1 + CTLA-4")]
    [InlineData("The goal of this clinical research study is to learn if giving nivolumab with radiation therapy can help control head and neck cancer.", "PD-1")]
    // What is learned of people who had a therapy, or of what helps someone else do something, is no therapy tested.
    [InlineData("The goal of this clinical research study is to learn if patients who received pembrolizumab can return to work sooner.", "")]
    [InlineData("The goal of this clinical research study is to learn if pembrolizumab can help doctors decide on surgery.", "")]
    public void A_purpose_to_learn_if_a_therapy_can_help_to_control_gives_it(string summary, string targets)
    {
        var free = Normalise(Trial("Multi-Arm Study to Test the Efficacy of Immunotherapeutic Agents", summary, [])).FreeText;

        Assert.Equal(targets, string.Join(" + ", free?.Targets ?? []));
    }
}
