using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules found on the eighth reconstructed set (Evaluation/Labels/reconstructed-8/NOTES.md): an
/// ICI class word beside named drugs, the description of another drug, a name that lists kinds of
/// treatment, and an ICI joined to another treatment in a title. The texts are written for these tests; none is copied from a labelled record.
/// </summary>
public class CombinationNameAndTitleRulesTests
{
    [Fact]
    public void An_ici_class_word_beside_named_chemotherapy_is_an_ici_and_takes_the_drug_its_arm_names()
    {
        var study = Normalise(Trial(
            "Chemotherapy and PD-1 Blockade Before Surgery",
            "A single-arm trial.",
            [Intervention("DRUG", "Gemcitabine+cisplatin and anti-PD-1 antibody+gemcitabine+cisplatin", arms: ["Neoadjuvant"])],
            Arm("Neoadjuvant", "One cycle of gemcitabine and cisplatin, then two cycles with anti-PD-1 antibody (IBI308).", "Drug: Gemcitabine+cisplatin and anti-PD-1 antibody+gemcitabine+cisplatin")));

        var terms = study.Interventions[0];
        Assert.Equal(["cisplatin", "gemcitabine", "sintilimab"], terms.Agents.Order(StringComparer.Ordinal));
        Assert.Equal(["PD-1"], terms.Targets);
        Assert.Contains(Terms.Ici, terms.AgentClasses);
    }

    [Fact]
    public void An_ici_class_word_beside_named_chemotherapy_stays_a_class_without_one_drug_in_its_arm()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Carboplatin + PD-L1 inhibitor"));

        Assert.Equal(["carboplatin"], terms.Agents);
        Assert.Equal(["PD-L1"], terms.Targets);
        Assert.Equal([Terms.Ici, Terms.Chemotherapy], terms.AgentClasses.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_description_of_a_drug_the_vocabulary_does_not_hold_names_what_it_is_given_with_not_what_it_is()
    {
        var terms = OnlyIntervention(
            Intervention("BIOLOGICAL", "Cetuximab", "Cetuximab weekly, given along with chemotherapy and an anti-PD-1 antibody."),
            Intervention("BIOLOGICAL", "Anti-PD-1 antibody", "Any approved anti-PD-1 antibody."));

        Assert.Empty(terms.Agents);
        Assert.Empty(terms.Targets);
        Assert.DoesNotContain(Terms.Ici, terms.AgentClasses);
    }

    [Theory]
    [InlineData("OTHER", "Combination Radiation, Immunotherapy, Surgery", "Preoperative nivolumab and ipilimumab during radiation, then resection.", new[] { "ipilimumab", "nivolumab" })]
    [InlineData("RADIATION", "Chemoradiotherapy", "IMRT 50 Gy in 25 fractions with weekly carboplatin and paclitaxel.", new[] { "carboplatin", "paclitaxel" })]
    [InlineData("RADIATION", "Long-course chemoradiotherapy", "Pelvic radiotherapy with concurrent capecitabine", new[] { "capecitabine" })] // set 19
    [InlineData("RADIATION", "Definitive chemoradiation", "Cisplatin weekly with IMRT", new[] { "cisplatin" })]
    public void A_name_that_lists_kinds_of_treatment_takes_its_drugs_from_its_description(string type, string name, string description, string[] agents)
    {
        Assert.Equal(agents, OnlyIntervention(Intervention(type, name, description)).Agents.Order(StringComparer.Ordinal));
    }

    /// <summary>Set 19 (NCT03119519): the comparator arm is named by the RT it lacks.</summary>
    [Theory]
    [InlineData("DRUG", "No Local Definitive Radiotherapy")]
    [InlineData("OTHER", "Without RT")]
    public void A_name_that_says_no_rt_gives_none(string type, string name)
    {
        Assert.Null(OnlyIntervention(Intervention(type, name)).RtModality);
    }

    [Fact]
    public void A_chemoradiotherapy_name_takes_only_chemotherapy_from_its_description()
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "Chemoradiotherapy", "Weekly cisplatin with IMRT; pembrolizumab is given in another arm."));

        Assert.Equal(["cisplatin"], terms.Agents);
    }

    /// <summary>Set 20 (NCT07145931): a procedure named only by the kinds of drug it gives, with no description.</summary>
    [Fact]
    public void A_drug_kind_name_without_a_description_takes_the_drugs_of_those_kinds_its_arm_gives()
    {
        var study = Normalise(Trial(
            "Neoadjuvant Treatment Before Surgery",
            "A single-arm trial.",
            [Intervention("PROCEDURE", "Preoperative chemoimmunotherapy", arms: ["Preoperative"])],
            Arm("Preoperative", "Every 3 weeks: camrelizumab 200 mg D1, docetaxel 75 mg/m2 D1, then surgery; no prior pembrolizumab allowed.", "Procedure: Preoperative chemoimmunotherapy")));

        var terms = study.Interventions[0];
        Assert.Equal(["camrelizumab", "docetaxel"], terms.Agents.Order(StringComparer.Ordinal));
        Assert.Equal(["PD-1"], terms.Targets);
        Assert.Equal([Terms.Ici, Terms.Chemotherapy], terms.AgentClasses.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("PROCEDURE", "Immunotherapy", new[] { "camrelizumab" })] // only the kind it names
    [InlineData("DRUG", "Concurrent chemoradiotherapy", new[] { "cisplatin" })] // set 23: a chemoradiotherapy's drugs where no other intervention names them
    [InlineData("OTHER", "Follow-up visits", new string[0])] // names no kind of drug
    public void A_name_without_a_description_takes_from_its_arm_only_the_drugs_of_the_kinds_it_names(string type, string name, string[] agents)
    {
        var study = Normalise(Trial(
            "Radiotherapy and Immunotherapy",
            "A single-arm trial.",
            [Intervention(type, name, arms: ["Combined"])],
            Arm("Combined", "Camrelizumab 200 mg every 3 weeks with cisplatin 75 mg/m2 and IMRT.", $"{type[0]}{type[1..].ToLowerInvariant()}: {name}")));

        Assert.Equal(agents, study.Interventions[0].Agents.Order(StringComparer.Ordinal));
    }

    /// <summary>Set 12 (NCT04514835): the concurrent drugs registered as interventions of their own are theirs.</summary>
    [Fact]
    public void A_chemoradiotherapy_without_a_description_leaves_drugs_other_interventions_name_to_them()
    {
        var study = Normalise(Trial(
            "Chemoradiotherapy and Camrelizumab",
            "A single-arm trial.",
            [Intervention("RADIATION", "Concurrent chemoradiotherapy", arms: ["Combined"]), Intervention("DRUG", "Cisplatin", arms: ["Combined"])],
            Arm("Combined", "Concurrent chemoradiotherapy with cisplatin, then camrelizumab.", "Radiation: Concurrent chemoradiotherapy", "Drug: Cisplatin")));

        Assert.Empty(study.Interventions[0].Agents);
        Assert.Equal(["cisplatin"], study.Interventions[1].Agents);
    }

    /// <summary>Set 23 (NCT06775652): a chemoradiotherapy registered as a drug, its RT and drugs only in its arm.</summary>
    [Fact]
    public void A_chemoradiotherapy_registered_as_a_drug_takes_the_kind_of_rt_its_arm_gives()
    {
        var study = Normalise(Trial(
            "Chemoradiotherapy Before Surgery",
            "A randomised trial.",
            [Intervention("DRUG", "Neoadjuvant chemoradiotherapy", arms: ["CRT"]), Intervention("PROCEDURE", "Surgery", arms: ["CRT"])],
            Arm("CRT", "IMRT 41.4 Gy in 23 fractions with weekly carboplatin, then surgery.", "Drug: Neoadjuvant chemoradiotherapy", "Procedure: Surgery")));

        Assert.Equal(["carboplatin"], study.Interventions[0].Agents);
        Assert.Equal(["EBRT"], study.Interventions[0].RtModalities);
    }

    [Fact]
    public void A_name_of_one_kind_of_treatment_and_no_drug_kind_does_not_read_its_description_for_drugs()
    {
        Assert.Empty(OnlyIntervention(Intervention("PROCEDURE", "Surgery and radiation", "Resection, then radiation; cisplatin for high-risk disease.")).Agents);
    }

    private static NormalisedStudy SurgeryTrial(string title) => Normalise(Trial(
        title,
        "Patients with recurrent disease are randomised.",
        [Intervention("PROCEDURE", "Salvage surgery", arms: ["Surgery plus", "Surgery alone"])],
        Arm("Surgery plus", null, "Procedure: Salvage surgery"),
        Arm("Surgery alone", null, "Procedure: Salvage surgery")));

    [Theory]
    [InlineData("Toripalimab Plus Surgery vs Surgery Alone for Recurrent Nasopharyngeal Carcinoma")]
    [InlineData("Salvage Surgery With Toripalimab for Recurrent Nasopharyngeal Carcinoma")]
    [InlineData("Toripalimab Combined With Salvage Surgery in Recurrent Nasopharyngeal Carcinoma")]
    public void A_title_that_joins_a_named_ici_to_another_treatment_gives_it(string title)
    {
        var freeText = SurgeryTrial(title).FreeText;

        Assert.Equal(["toripalimab"], freeText?.Agents);
        Assert.Equal(["PD-1"], freeText?.Targets);
    }

    [Theory]
    [InlineData("Salvage Surgery After Toripalimab for Recurrent Nasopharyngeal Carcinoma")] // before the trial
    [InlineData("Toripalimab Response and Salvage Surgery in Nasopharyngeal Carcinoma")] // not joined
    [InlineData("Salvage Surgery in Patients With Toripalimab-Refractory Nasopharyngeal Carcinoma")] // failed before
    public void A_title_that_names_an_ici_without_joining_it_to_a_treatment_gives_nothing(string title)
    {
        Assert.Null(SurgeryTrial(title).FreeText);
    }

    [Theory]
    [InlineData("Salvage Surgery Plus Adjuvant Therapy in PD-L1 Positive Nasopharyngeal Carcinoma")] // its state
    [InlineData("Salvage Surgery Plus PD-L1 Testing in Nasopharyngeal Carcinoma")]
    [InlineData("Salvage Surgery for Nasopharyngeal Carcinoma With PD-1 Ligand Expression")] // a lone "with" describes the tumour
    [InlineData("PD-L1 and Salvage Surgery Outcomes in Nasopharyngeal Carcinoma")] // not joined
    [InlineData("Salvage Surgery Plus PD-1 Knockout T Cells in Nasopharyngeal Carcinoma")] // cells, not the antibody (reviews of a withdrawn rule)
    [InlineData("Salvage Surgery Combined With PD-L1 CAR-T Cells in Nasopharyngeal Carcinoma")]
    [InlineData("Salvage Surgery Plus PD-L1 Peptide Vaccine in Nasopharyngeal Carcinoma")]
    [InlineData("Salvage Surgery Plus CTLA4-Ig for Transplant Tolerance")] // abatacept, a fusion protein
    [InlineData("Salvage Surgery Plus PD-1/PD-L1 Status Assessment in Nasopharyngeal Carcinoma")]
    [InlineData("Salvage Surgery Plus PD-L1-Guided Selection in Nasopharyngeal Carcinoma")]
    [InlineData("Salvage Surgery in PD-L1+ Nasopharyngeal Carcinoma")] // positivity
    [InlineData("Salvage Surgery Plus PD-L1+ Tumour Sampling in Nasopharyngeal Carcinoma")]
    [InlineData("Salvage Surgery in PD-L1 + Nasopharyngeal Carcinoma")]
    [InlineData("CD8 Plus PD-L1 as Prognostic Markers After Salvage Surgery")]
    [InlineData("Tumour Mutational Burden Combined With PD-L1 for Predicting Response to Salvage Surgery")]
    [InlineData("Salvage Surgery in Patients Progressing on Chemotherapy Plus PD-1")]
    public void A_checkpoint_named_alone_is_not_read_as_its_antibody(string title)
    {
        Assert.Null(SurgeryTrial(title).FreeText);
    }

    [Fact]
    public void A_title_naming_rt_and_a_checkpoints_positivity_gives_the_rt_alone()
    {
        var freeText = SurgeryTrial("Radiotherapy Plus Salvage Surgery in PD-L1+ Nasopharyngeal Carcinoma").FreeText;

        Assert.NotNull(freeText?.RtModality);
        Assert.Empty(freeText!.Targets);
    }
}
