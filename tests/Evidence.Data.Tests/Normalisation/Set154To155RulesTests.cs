using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Findings of sets 150-155 (issue 10, vocabulary .165): "CRT" as chemoradiotherapy, an RT
/// acronym named with "Treatment" and spelled out in the summary, NCI's wording of IMRT, the
/// checkpoints a slash joins to a title's class, and radiation stomatitis as an injury.
/// </summary>
public class Set154To155RulesTests
{
    /// <summary>
    /// NCT03558035 (set 152: "Induction CT+ CRT group", "Concurrent CRT group"), NCT04564482 (set
    /// 150: "CRT"): chemoradiotherapy, RT of no kind, as both annotators labelled them. "CT" beside
    /// it is the chemotherapy, not a scan; "3D-CRT" stays conformal RT; "CRT" in lower case or
    /// inside a word is none.
    /// </summary>
    [Theory]
    [InlineData("DRUG", "Induction CT+ CRT group", "RT, unspecified")]
    [InlineData("RADIATION", "Concurrent CRT group", "RT, unspecified")]
    [InlineData("RADIATION", "CRT", "RT, unspecified")]
    [InlineData("RADIATION", "dCRT with cisplatin", "RT, unspecified")]
    [InlineData("RADIATION", "3D-CRT", "EBRT")]
    [InlineData("OTHER", "Crt scoring questionnaire", "")]
    [InlineData("DEVICE", "SCRTool app", "")]
    public void Crt_is_chemoradiotherapy(string type, string name, string kinds)
    {
        Assert.Equal(kinds, Kinds(OnlyIntervention(Intervention(type, name))));
    }

    /// <summary>
    /// NCT03973008 (set 95): an arm of no description labelled "Adjuvant CT+CRT" gives the
    /// chemoradiotherapy whatever the summary says of earlier studies.
    /// </summary>
    [Fact]
    public void An_arm_of_ct_and_crt_gives_rt()
    {
        var protocol = Trial("Adjuvant CT+CRT vs Adjuvant CT After D2 Resection for Gastric Adenocarcinoma",
            "Previous studies showed that the addition of radiotherapy to chemotherapy improved survival.", [], Arm("Adjuvant CT+CRT", null));

        Assert.Equal("RT, unspecified", Normalise(WithPurpose(protocol, "TREATMENT")).FreeText?.RtModality);
    }

    /// <summary>
    /// NCT04575662 (set 154): "Radiation: STAR Treatment", whose summary spells out "stereotactic
    /// arrhythmia radioablation (STAR)": SBRT, as both annotators labelled it. An acronym followed by
    /// a word of what an arm is given reads the same way; one the summary does not spell out gives
    /// no kind it does not name.
    /// </summary>
    [Theory]
    [InlineData("STAR Treatment", "SBRT")]
    [InlineData("STAR", "SBRT")]
    [InlineData("STAR arm", "SBRT")]
    [InlineData("STAR Treatment plan review", "")]
    public void An_acronym_named_as_treatment_takes_the_rt_the_summary_spells_out(string name, string kinds)
    {
        var study = Normalise(Trial(
            "Radiotherapy and Atrial Fibrillation",
            "Recently, stereotactic arrhythmia radioablation (STAR) with precise high-dose of radiation was used to treat ventricular arrhythmias.",
            [Intervention("RADIATION", name)]));

        Assert.Equal(kinds, Kinds(study.Interventions[0]));
    }

    /// <summary>
    /// NCT05411094 (set 155): NCI's "Radiation therapy uses varying intensities of small radiation
    /// beams to kill cancer cells" describes intensity-modulated RT: EBRT, as both annotators
    /// labelled it, where the record lists no intervention and its titles give the RT.
    /// </summary>
    [Fact]
    public void Nci_wording_of_small_radiation_beams_is_external_beam()
    {
        var study = Normalise(Trial(
            "A Phase 1 Study of Olaparib in Combination With Durvalumab (MEDI4736) and Concurrent Radiation Therapy Following First-Line Chemotherapy in Locally Advanced Unresectable Pancreatic Cancer",
            "This phase I trial tests the safety and tolerability of olaparib in combination with durvalumab and radiation therapy in patients with pancreatic cancer. Radiation therapy uses varying intensities of small radiation beams to kill cancer cells and shrink tumors.",
            []));

        Assert.Equal("EBRT", TrialKinds(study));
    }

    /// <summary>
    /// NCT06926140 (set 155): "Acupuncture Combined With PD-1/PD-L1 Inhibitors for Advanced Lung
    /// Cancer", beside "Device: Acupuncture": the class joined to the acupuncture is PD-1 and PD-L1,
    /// as both annotators labelled it, not PD-1 alone.
    /// </summary>
    [Theory]
    [InlineData("Acupuncture Combined With PD-1/PD-L1 Inhibitors for Advanced Lung Cancer", "PD-1 + PD-L1")]
    [InlineData("Acupuncture Combined With PD-1/PD-L1/CTLA-4 Inhibitors for Advanced Lung Cancer", "CTLA-4 + PD-1 + PD-L1")]
    [InlineData("Acupuncture Combined With PD-1 Inhibitors for Advanced Lung Cancer", "PD-1")]
    public void A_title_joins_every_checkpoint_its_slashes_name(string title, string targets)
    {
        var study = Treatment(title, Intervention("DEVICE", "Acupuncture"));

        Assert.Equal(targets, string.Join(" + ", (study.FreeText?.Targets ?? []).Order(StringComparer.Ordinal)));
    }

    /// <summary>
    /// NCT02303197 (set 155): "... Chining Decoction in the Treatment of Radiation Stomatitis": the
    /// RT caused the stomatitis the trial treats; it gives no RT, as both annotators labelled it
    /// (the record lists no intervention, so its title says what it gives).
    /// </summary>
    [Theory]
    [InlineData("Clinical Trial on the Efficacy and Safety of Chining Decoction in the Treatment of Radiation Stomatitis")]
    [InlineData("Honey for Radiation Vaginitis After Pelvic Radiotherapy")]
    [InlineData("Sucralfate Enema for Radiation Ulcers of the Rectum")]
    public void A_radiation_injury_in_the_title_gives_no_rt(string title)
    {
        var study = Normalise(WithPurpose(Trial(title, "Half of participants will receive the decoction, while others will receive recombinant human epidermal growth factor (rhEGF) spray.", []), "TREATMENT"));

        Assert.Equal("", TrialKinds(study));
    }
}
