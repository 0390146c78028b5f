using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 61's findings (issue 10): partners known for their class only, radiation by its type,
/// schedules a summary compares, a checkpoint written bare as its antibody, and new agents.
/// </summary>
public class Set61RulesTests
{
    [Theory]
    [InlineData("Axitinib tablet (Inlyta®)", "TKI")]
    [InlineData("Axitinib (AG-013736)", "TKI")]
    [InlineData("Fruquintinib", "TKI")]
    [InlineData("Surufatinib", "TKI")]
    [InlineData("Pazopanib", "TKI")]
    [InlineData("Ramucirumab", "anti-VEGF")]
    public void A_partner_the_topic_does_not_list_gives_its_class_and_no_agent(string name, string partnerClass)
    {
        var study = Normalise(WithArms([Intervention("DRUG", name)]));
        var terms = study.Interventions[0];

        Assert.Empty(terms.Agents);
        Assert.Equal([partnerClass], terms.PartnerClasses);
        // Its words are still the provenance of the class a reviewer sees.
        Assert.Contains(study.Sources, s => s.Field == NormalisedField.PartnerClass && s.Value == partnerClass);
        Assert.DoesNotContain(study.Sources, s => s.Field == NormalisedField.Agent);
    }

    [Fact]
    public void A_listed_partner_beside_one_known_for_its_class_keeps_its_agent()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Lenvatinib or axitinib"));

        Assert.Equal(["lenvatinib"], terms.Agents);
        Assert.Equal(["TKI"], terms.PartnerClasses);
    }

    [Theory]
    [InlineData("Toripalimab + placebo for lenvatinib")]
    [InlineData("Toripalimab + lenvatinib-matched placebo")]
    [InlineData("Toripalimab and matching lenvatinib")]
    public void A_drug_a_name_gives_as_its_placebo_is_not_given(string name)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name));

        Assert.Equal(["toripalimab"], terms.Agents);
    }

    [Fact]
    public void A_drug_a_placebo_is_joined_to_is_given()
    {
        Assert.Equal(["lenvatinib"], OnlyIntervention(Intervention("DRUG", "Lenvatinib + placebo")).Agents);
    }

    [Theory]
    [InlineData("Rilvegostomig", "rilvegostomig", new[] { "PD-1", "TIGIT" })]
    [InlineData("AZD2936", "rilvegostomig", new[] { "PD-1", "TIGIT" })]
    [InlineData("IBI310", "ibi310", new[] { "CTLA-4" })]
    public void New_checkpoint_inhibitors_give_their_targets(string name, string agent, string[] targets)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name));

        Assert.Equal([agent], terms.Agents);
        Assert.Equal(targets, terms.Targets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void S_1_written_in_another_order_is_one_agent()
    {
        Assert.Equal(["tegafur-gimeracil-oteracil"], OnlyIntervention(Intervention("DRUG", "S-1 [Tegafur/Oteracil/gimeracil]")).Agents);
    }

    [Theory]
    [InlineData("Hippocampal sparing")]
    [InlineData("Standard dose")]
    [InlineData("Dose escalation")]
    public void A_radiation_of_no_rt_word_that_names_a_dose_or_what_it_spares_is_rt_of_no_kind_by_its_type(string name)
    {
        var study = Normalise(WithArms([Intervention("RADIATION", name)]));

        Assert.Equal([Terms.UnspecifiedRt], study.Interventions[0].RtModalities);
        Assert.Contains(study.Sources, s => s.Field == NormalisedField.RtModality && s.SourceField == "interventions[0].name");
    }

    [Theory]
    [InlineData("No adjuvant therapy")]
    [InlineData("No dose escalation")]
    [InlineData("BT")] // an acronym of nothing the vocabulary knows: the type alone does not make it RT
    [InlineData("Observation")]
    [InlineData("Sham")]
    [InlineData("Hyperthermia")]
    [InlineData("Tumor Treating Fields")]
    [InlineData("MRI")]
    [InlineData("18F-FDG")]
    [InlineData("Gallium Ga 68-labeled PSMA-11")]
    public void A_radiation_that_names_no_treatment_imaging_or_another_energy_is_not_rt(string name)
    {
        Assert.Empty(OnlyIntervention(Intervention("RADIATION", name)).RtModalities);
    }

    [Theory]
    [InlineData("Patients will be randomized to receive either the conventional schedule of 25 x 2 Gy or a shorter preoperative regimen of 14 x 3 Gy.", "Hypofractionated RT")]
    [InlineData("This is a randomized trial of chemo-radiotherapy which compares two schedules with either 40 Gy in 15 fractions or 25 Gy in 5 fractions.", "Hypofractionated RT")]
    [InlineData("The CHHiP trial compared 74 Gy in 37 fractions with 60 Gy in 20 fractions; this trial gives the shorter schedule or standard care.", "RT, unspecified")] // schedules another trial compared
    [InlineData("Patients receive radiotherapy, 50 Gy in 25 fractions.", "RT, unspecified")] // one conventional schedule
    [InlineData("Patients previously treated with either 60 Gy in 30 fractions or 30 Gy in 10 fractions receive re-treatment.", "RT, unspecified")] // given before
    public void A_sole_rt_takes_the_hypofractionated_schedule_its_summary_compares(string summary, string modality)
    {
        var study = Normalise(Trial("Preoperative Radiotherapy in Soft Tissue Sarcoma", summary, [Intervention("RADIATION", "Pre-Operative Radiotherapy")]));

        Assert.Equal(modality, study.Interventions[0].RtModality);
    }

    [Theory]
    [InlineData("Partial-breast irradiation (PBI)")]
    [InlineData("APBI")]
    [InlineData("Partial breast irradiation")]
    public void Partial_breast_irradiation_is_rt_of_no_kind(string name)
    {
        // Partial-breast RT may be external, interstitial or intraoperative: the name says no kind.
        Assert.Equal([Terms.UnspecifiedRt], OnlyIntervention(Intervention("RADIATION", name)).RtModalities);
    }

    [Fact]
    public void Several_rt_of_no_kind_and_no_dose_take_the_summary_s_doses_where_all_are_hypofractionated()
    {
        var study = Normalise(Trial("Ultra-hypofractionated Whole Breast Compared to Partial Breast Irradiation",
            "One group will receive whole-breast radiotherapy of 26 Gy in 5 fractions. The other group will receive partial breast irradiation with a dose of 26Gy in 5 fractions.",
            [Intervention("RADIATION", "Ultra-fractionated PBI"), Intervention("RADIATION", "Ultra-fractionated WBI")]));

        Assert.All(study.Interventions, terms => Assert.Equal(Terms.HypofractionatedRt, terms.RtModality));
    }

    [Fact]
    public void Several_rt_of_no_kind_do_not_take_one_course_s_dose_where_the_summary_states_another()
    {
        var study = Normalise(Trial("Short-course or Long-course Radiotherapy in Rectal Cancer",
            "Group 1 receives SCRT (25Gy/5Fx) followed by CAPOX. Group 2 receives LCRT (50Gy/25Fx) followed by CAPOX.",
            [Intervention("RADIATION", "Long-course radiotherapy"), Intervention("RADIATION", "Short-course radiotherapy")]));

        Assert.NotEqual(Terms.HypofractionatedRt, study.Interventions[0].RtModality);
    }

    /// <summary>Set 61 (NCT04350190) and set 50 (NCT04906044): registrants that name the antibody by its checkpoint.</summary>
    [Theory]
    [InlineData("Apatinib Combined With PD-1 in the Treatment of Recurrent Nasopharyngeal Carcinoma", "PD-1")]
    [InlineData("Total Neoadjuvant Treatment Plus PD-1 in Mid-Low Locally Advanced Rectal Cancer", "PD-1")]
    [InlineData("Neoadjuvant Chemotherapy With SOX+PD-1 for Gastric Cancer", "PD-1")]
    [InlineData("PD-L1 Plus Chemotherapy for Extensive-stage Small Cell Lung Cancer", "PD-L1")]
    public void A_checkpoint_written_bare_and_joined_to_a_therapy_is_its_antibody(string title, string target)
    {
        var study = Normalise(WithPurpose(Trial(title, null, []), "TREATMENT"));

        Assert.Equal([target], study.FreeText?.Targets);
    }

    [Theory]
    [InlineData("Apatinib Combined With PD-1 Expression Testing in Nasopharyngeal Carcinoma")]
    [InlineData("Chemotherapy Plus PD-L1-Guided Selection in Gastric Cancer")]
    [InlineData("Lenvatinib Plus PD-1 Knockout T Cells in Liver Cancer")]
    [InlineData("Outcomes of Apatinib in Patients Progressing on Chemotherapy Plus PD-1")]
    public void A_bare_checkpoint_that_is_a_marker_a_cell_or_prior_therapy_is_not(string title)
    {
        var study = Normalise(WithPurpose(Trial(title, null, []), "TREATMENT"));

        Assert.Empty(study.FreeText?.Targets ?? []);
    }

    [Fact]
    public void Rt_a_recurrent_cancer_came_after_is_not_given_beside_the_trial_s_checkpoint()
    {
        var study = Normalise(WithPurpose(Trial("Apatinib Combined With PD-1 in Recurrent Nasopharyngeal Carcinoma",
            "The study evaluates apatinib combined with PD-1 in recurrent and metastatic nasopharyngeal carcinoma after IMRT with concurrent chemotherapy.", []), "TREATMENT"));

        Assert.Equal(["PD-1"], study.FreeText?.Targets);
        Assert.Null(study.FreeText?.RtModality);
    }
}
