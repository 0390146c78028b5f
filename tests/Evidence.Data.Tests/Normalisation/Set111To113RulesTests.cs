using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 111-113's findings (issue 10): local ablative therapy read through its description, a
/// drug joined to RT at a title's start, a technique right before the kind it delivers,
/// monalizumab, HIPEC, an other name that says which RT a low dose is, and a transliterated
/// toripalimab.
/// </summary>
public class Set111To113RulesTests
{
    /// <summary>NCT06356779 (OLIGO-DK): "Local ablative therapy (LAT)", described by the ablations a physician may choose.</summary>
    [Theory]
    [InlineData("Local ablative therapy (LAT)", "Surgical metastasectomy, stereotactic ablative radiotherapy, thermal ablation, or electroporation to all oligometastatic lesions", "SBRT", "locoregional")]
    [InlineData("Metastasis-directed local therapy", "Stereotactic body radiotherapy or surgery of every metastasis", "SBRT", null)]
    [InlineData("Local ablative therapy", "Surgical metastasectomy of all lesions", null, null)]
    public void A_local_ablative_therapy_gives_what_its_description_offers(string name, string description, string? modality, string? locoregional)
    {
        var study = Normalise(Trial("Local Ablative Therapy in Oligometastatic Disease", null, [Intervention("PROCEDURE", name, description)]));

        Assert.Equal(modality, study.Interventions[0].RtModality);
        Assert.Equal(locoregional is null ? [] : [locoregional], study.Interventions[0].PartnerClasses.Where(c => c == "locoregional"));
    }

    /// <summary>NCT03196388 (ENZART): a title that opens with the listed drug joined to RT, which no intervention names.</summary>
    [Theory]
    [InlineData("Enzalutamide and External Beam Hypofractionated Radiotherapy For Intermediate Risk Localized Prostate Cancer", "Hypofractionated RT")]
    [InlineData("Enzalutamide With Radiotherapy for Prostate Cancer", "RT, unspecified")]
    [InlineData("Quality of Life With Enzalutamide and Radiotherapy", null)] // the drug does not open the title
    public void A_title_that_opens_with_the_listed_drug_joined_to_rt_gives_the_rt(string title, string? modality)
    {
        var free = Normalise(Trial(title, null, [Intervention("DRUG", "Enzalutamide")])).FreeText;

        Assert.Equal(modality, free?.RtModality);
    }

    /// <summary>Guide rule 2: a technique right before the hypofractionated or stereotactic RT it delivers.</summary>
    [Theory]
    [InlineData("External Beam Hypofractionated Radiotherapy", "Hypofractionated RT")]
    [InlineData("IMRT hypofractionated radiotherapy", "Hypofractionated RT")]
    [InlineData("Dynamic conformal arc radiosurgery", "SBRT")]
    [InlineData("IMRT, hypofractionated radiotherapy", "EBRT + Hypofractionated RT")] // a list of two courses
    public void A_technique_right_before_the_kind_it_delivers_is_that_kind(string name, string kinds)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", name));

        Assert.Equal(kinds, string.Join(" + ", new[] { terms.RtModality }.Concat(terms.AlsoRtModalities)));
    }

    /// <summary>NCT05221840 (PACIFIC-9): monalizumab, an anti-NKG2A checkpoint inhibitor.</summary>
    [Theory]
    [InlineData("Monalizumab")]
    [InlineData("IPH2201")]
    public void Monalizumab_is_an_ici_of_nkg2a(string name)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name));

        Assert.Equal(["monalizumab"], terms.Agents);
        Assert.Equal(["NKG2A"], terms.Targets);
    }

    /// <summary>NCT05001880: hyperthermic intraperitoneal chemotherapy delivers drugs as HAIC does (guide: locoregional alone).</summary>
    [Theory]
    [InlineData("HIPEC")]
    [InlineData("Hyperthermic Intraperitoneal Chemotherapy")]
    [InlineData("PIPAC")]
    public void Hipec_is_a_locoregional_procedure(string name)
    {
        Assert.Contains("locoregional", OnlyIntervention(Intervention("PROCEDURE", name)).PartnerClasses);
    }

    /// <summary>NCT03040804: "Low dose Radiotherapy", other name "Brachytherapy": one RT by two names, not two courses.</summary>
    [Theory]
    [InlineData("Low dose Radiotherapy", "Brachytherapy", "Brachytherapy")]
    [InlineData("Low dose radiotherapy and SBRT", null, "SBRT + RT, unspecified")] // two courses named by the intervention itself (guide rule 7)
    public void An_other_name_says_which_rt_a_low_dose_is(string name, string? otherName, string kinds)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", name, otherNames: otherName is null ? null : [otherName]));

        Assert.Equal(kinds, string.Join(" + ", new[] { terms.RtModality }.Concat(terms.AlsoRtModalities)));
    }

    /// <summary>NCT05522985: "treprizumab injection combined with AP regimen" (toripalimab transliterated).</summary>
    [Theory]
    [InlineData("treprizumab")]
    [InlineData("Teriprizumab")]
    public void Toripalimab_transliterated_is_toripalimab(string name)
    {
        Assert.Equal(["toripalimab"], OnlyIntervention(Intervention("DRUG", name)).Agents);
    }

    /// <summary>NCT02799706: a purpose that tests whether a treatment the vocabulary does not know, joined to RT, improves an outcome.</summary>
    [Fact]
    public void A_tested_treatment_joined_to_rt_gives_the_rt()
    {
        var free = Normalise(Trial("Study", "The primary objective of the trial is to assess if GnRH antagonists in combination with external beam radiation therapy improve progression free survival compared to GnRH agonists.", [])).FreeText;

        Assert.Equal("EBRT", free?.RtModality);
    }

    /// <summary>NCT03622827: "Chemoradiotherapy+ Endostar" whose kind only the detailed description's protocol gives.</summary>
    [Theory]
    [InlineData("Postoperative pelvic radiotherapy starts 2-3 weeks after surgery. Intensity modulated radiotherapy (IMRT) is given five fractions per week at 1.8-2 Gy/fraction/day with total prescription dose of 45-50Gy to PTV region.", "EBRT")]
    [InlineData("Arm A: cisplatin 40 mg/m2 weekly in concurrent with IMRT. Arm B: nimotuzumab 200 mg weekly in concurrent with IMRT.", "EBRT")]
    [InlineData("Earlier studies gave proton therapy of 60 Gy in 30 fractions. Intensity modulated radiotherapy is given at 2 Gy a day.", "EBRT")] // others' trials are no protocol
    [InlineData("Arm A receives IMRT at 2 Gy a day. Arm B receives a brachytherapy boost of 7 Gy.", "RT, unspecified")] // two kinds: not chosen
    [InlineData("Stereotactic body radiotherapy has been used widely in cervical cancer.", "RT, unspecified")] // no dose, no arm (external beam there: ExternalBeamOnlyRulesTests)
    public void The_detailed_descriptions_protocol_names_the_sole_rts_kind(string description, string modality)
    {
        var study = Normalise(Described(Trial("Postoperative Concurrent Chemoradiotherapy Combined With Endostar for Cervical Cancer", null,
            [Intervention("COMBINATION_PRODUCT", "Chemoradiotherapy+ Endostar")]), description));

        Assert.Equal(modality, study.Interventions[0].RtModality);
    }
}
