using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Precision cases from an independent review of the rules added for sets 20 to 23: each input
/// was read wrongly by those rules as first written (and rightly before them). The texts are
/// written for these tests; none is copied from a labelled record.
/// </summary>
public class SetRulesReviewTests
{
    // ---- kind-only chemoradiotherapy reading its arm's drugs ----
    [Fact]
    public void Chemoradiotherapy_does_not_take_the_induction_drugs_of_its_arm()
    {
        var study = Normalise(Trial("Induction Chemotherapy Followed by Chemoradiotherapy in Nasopharyngeal Carcinoma", null,
            [Intervention("DRUG", "Induction chemotherapy", arms: ["IC + CCRT"]), Intervention("DRUG", "Concurrent chemoradiotherapy", arms: ["IC + CCRT"])],
            Arm("IC + CCRT", "Induction chemotherapy with docetaxel, cisplatin and fluorouracil (TPF) for 3 cycles, followed by concurrent chemoradiotherapy with cisplatin 100 mg/m2 every 3 weeks.",
                "Drug: Induction chemotherapy", "Drug: Concurrent chemoradiotherapy")));
        Assert.Equal(["cisplatin"], study.Interventions[1].Agents);
    }

    [Fact]
    public void Chemoradiotherapy_does_not_take_the_adjuvant_drug_of_its_arm()
    {
        var study = Normalise(Trial("Chemoradiotherapy for Rectal Cancer", null,
            [Intervention("RADIATION", "Chemoradiotherapy", arms: ["CRT"]), Intervention("PROCEDURE", "Surgery", arms: ["CRT"])],
            Arm("CRT", "Long-course chemoradiotherapy (50.4 Gy with concurrent capecitabine), then total mesorectal excision, followed by adjuvant FOLFOX (oxaliplatin, leucovorin, fluorouracil) for 4 months.",
                "Radiation: Chemoradiotherapy", "Procedure: Surgery")));
        Assert.Equal(["capecitabine"], study.Interventions[0].Agents);
    }

    // ---- DeliversAnother with "daily": a separate EBRT course after brachytherapy ----
    [Theory]
    [InlineData("HDR brachytherapy with daily external beam radiotherapy")]
    [InlineData("Stereotactic radiosurgery with daily whole brain radiotherapy")]
    public void A_course_given_daily_beside_another_kind_is_its_own_kind(string name)
    {
        var t = OnlyIntervention(Intervention("RADIATION", name));
        Assert.Contains("EBRT", t.RtModalities);
    }

    // ---- removed particle/EBRT rule ----
    [Theory]
    [InlineData("Proton beam therapy, image-guided radiotherapy")]
    [InlineData("Proton therapy and IGRT")]
    public void Proton_with_image_guidance_is_proton_only(string name)
    {
        var t = OnlyIntervention(Intervention("RADIATION", name));
        Assert.Equal(["Proton"], t.RtModalities);
    }

    // ---- DefinedRt: the one RT of no kind is a radiopharmaceutical ----
    [Theory]
    [InlineData("Iodine I 131 tositumomab")]
    [InlineData("Lutetium Lu 177 dotatate")]
    [InlineData("Strontium chloride Sr 89")]
    public void A_radiopharmaceutical_does_not_take_the_x_ray_definition(string name)
    {
        var study = Normalise(Trial("Radiolabeled Therapy in Treating Patients With Cancer",
            "RATIONALE: Radiation therapy uses high-energy x-rays to kill tumor cells. Radiolabeled drugs can carry radiation directly to tumor cells.",
            [Intervention("RADIATION", name, "Given IV", arms: ["Treatment"]), Intervention("DRUG", "Rituximab", "Given IV", arms: ["Treatment"])],
            Arm("Treatment", "Patients receive the radiolabeled drug IV and rituximab IV.", $"Radiation: {name}", "Drug: Rituximab")));
        Assert.DoesNotContain("EBRT", study.Interventions[0].RtModalities);
    }

    // ---- kinase inhibitor ----
    [Theory]
    [InlineData("ATR kinase inhibitor")]
    [InlineData("Cyclin-dependent kinase inhibitor")]
    [InlineData("mTOR kinase inhibitor")]
    [InlineData("Aurora kinase inhibitor")]
    [InlineData("Checkpoint kinase inhibitor")]
    public void A_serine_threonine_kinase_inhibitor_is_no_tki(string name)
    {
        var t = OnlyIntervention(Intervention("DRUG", name));
        Assert.DoesNotContain("TKI", t.PartnerClasses);
        Assert.Empty(t.Targets);
    }

    // ---- phaseOfTreatment with prior-therapy words ----
    private static StudySummary Setting(string title, string criteria)
    {
        var protocol = WithArms([]);
        protocol["conditionsModule"] = new JsonObject { ["conditions"] = new JsonArray("Gastric Cancer") };
        protocol["identificationModule"] = new JsonObject { ["nctId"] = "NCT00000001", ["briefTitle"] = title };
        protocol["eligibilityModule"] = new JsonObject { ["eligibilityCriteria"] = criteria };
        return Normalise(protocol).Summary;
    }

    [Theory]
    [InlineData("Inclusion Criteria:\n* Patients who received D2 radical gastrectomy with R0 resection and are scheduled for adjuvant chemotherapy", "adjuvant")]
    [InlineData("Inclusion Criteria:\n* Completely resected stage III gastric adenocarcinoma, with surgery completed within 6 weeks before randomisation", "adjuvant")]
    [InlineData("Inclusion Criteria:\n* Resectable gastric cancer planned for neoadjuvant chemotherapy, with no previous anticancer treatment", "neoadjuvant")]
    [InlineData("Inclusion Criteria:\n* Candidates for preoperative chemotherapy who have not received any prior treatment", "neoadjuvant")]
    public void A_criterion_that_enrols_for_adjuvant_or_neoadjuvant_and_mentions_prior_therapy_keeps_it(string criteria, string setting)
    {
        var summary = Setting("Camrelizumab Plus SOX in Stage III Gastric Cancer", criteria);
        Assert.Contains(setting, summary.Settings!);
    }

    // ---- kind-only immunotherapy name reading its arm: prior drug ----
    [Fact]
    public void Immunotherapy_of_no_description_does_not_take_the_prior_drug_of_its_arm()
    {
        var study = Normalise(Trial("Immunotherapy After Progression", null,
            [Intervention("DRUG", "Immunotherapy", arms: ["A"]), Intervention("RADIATION", "SBRT", arms: ["A"])],
            Arm("A", "Patients who progressed on pembrolizumab receive SBRT followed by immunotherapy with nivolumab.", "Drug: Immunotherapy", "Radiation: SBRT")));
        Assert.Equal(["nivolumab"], study.Interventions[0].Agents);
    }

    // ---- Pd-103 reached by a dose after PD-1 ----
    [Theory]
    [InlineData("Anti-PD-1 0.3 mg/kg")]
    public void A_pd_1_dose_is_not_palladium_103(string name)
    {
        var t = OnlyIntervention(Intervention("DRUG", name));
        Assert.Empty(t.RtModalities);
    }

    [Fact]
    public void A_pd_1_dose_in_a_summary_is_not_palladium_103()
    {
        var study = Normalise(Trial("Dose Escalation of an Anti-PD-1 Antibody",
            "Patients receive the anti-PD-1 antibody XYZ-101 at 0.3, 1, 3 or 10 mg/kg. Cohort 1: anti-PD-1 0.3 mg/kg every 2 weeks.",
            [Intervention("DRUG", "XYZ-101", "Anti-PD-1 antibody", arms: ["A"])], Arm("A", "Anti-PD-1 0.3 mg/kg", "Drug: XYZ-101")));
        Assert.True(study.FreeText is null || !study.FreeText.RtModalities.Any());
    }
}
