using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Vocabulary 2026-12-04.63 (issue 10, after unseen sets 49 and 50): the purpose a record with no
/// intervention and no arm states only in its detailed description, the parts a summary says the
/// trial's own therapy "includes", hypofractionated RT spelled "hypofraction" or named as a
/// "hypofractionated boost", RT defined by its "high energy photons", an ICI a title gives
/// before another treatment or in a phase of it, and the agent of a class the free text gives
/// that the record's keywords name; and (vocabulary 2026-12-04.64, after sets 51 and 52, and a
/// review: SecondReviewRuleBoundaryTests) a description's objectives and protocol sentences,
/// RT a title's patients had "following" definitive treatment, the ICIs of a co-formulation a
/// title names for an "Immune Checkpoint Inhibitors" intervention, and the "quad shot"; and
/// (vocabulary 2026-12-04.65, after sets 53 and 54) the efficacy others found or nobody knows,
/// and the therapy of the patients a summary describes. The texts are written for these tests; none is
/// copied from a labelled record.
/// </summary>
public class DescriptionPurposeAndTherapyPartsTests
{
    [Fact]
    public void A_bare_records_description_that_states_its_purpose_gives_what_it_names()
    {
        var study = Normalise(Described(Trial("Stereotactic Radiotherapy to Improve Response in Lung Cancer", "Radiation may improve response.", []),
            "Radiation may help the immune system. The aim of this study is to determine the safety and efficacy of combined immune checkpoint inhibitors and SBRT."));
        Assert.Equal(["ICI, unspecified"], study.FreeText?.Targets);
    }

    [Fact]
    public void A_bare_records_description_of_background_gives_nothing()
    {
        var study = Normalise(Described(Trial("Stereotactic Radiotherapy in Lung Cancer", null, []),
            "Pembrolizumab has improved survival in lung cancer. Radiation can augment antigen presentation."));
        Assert.Equal("SBRT", study.FreeText?.RtModality);
        Assert.Empty(study.FreeText?.Targets ?? []);
        Assert.Empty(study.FreeText?.Agents ?? []);
    }

    [Fact]
    public void A_description_is_not_read_where_the_record_lists_its_interventions()
    {
        var study = Normalise(Described(Trial("Stereotactic Radiotherapy in Lung Cancer", null, [Intervention("RADIATION", "SBRT")]),
            "The aim of this study is to determine the efficacy of SBRT and pembrolizumab."));
        Assert.Empty(study.FreeText?.Agents ?? []);
    }

    [Theory]
    [InlineData("The combined therapy includes hepatic arterial infusion chemotherapy, lenvatinib and an intravenous PD-1 inhibitor.", "PD-1")]
    [InlineData("The study treatment consists of radiotherapy and a PD-L1 inhibitor.", "PD-L1")]
    public void What_the_trials_own_therapy_includes_is_given(string summary, string target)
    {
        var study = Normalise(Trial("Treatment of Intrahepatic Cholangiocarcinoma", summary, []));
        Assert.Equal([target], study.FreeText?.Targets);
    }

    [Theory]
    [InlineData("Standard therapy includes a PD-1 inhibitor.")]
    [InlineData("Treatment options include PD-1 inhibitors and lenvatinib.")]
    public void What_another_therapy_includes_is_not_given(string summary)
    {
        Assert.Empty(Normalise(Trial("Observation of Intrahepatic Cholangiocarcinoma", summary, [])).FreeText?.Targets ?? []);
    }

    [Theory]
    [InlineData("Hypofraction Radiotherapy for Locally Advanced Lung Cancer")]
    [InlineData("Hypofraction RT for Locally Advanced Lung Cancer")]
    public void Hypofraction_is_hypofractionated_rt(string title)
    {
        Assert.Equal("Hypofractionated RT", Normalise(Trial(title, null, [])).FreeText?.RtModality);
    }

    [Fact]
    public void A_hypofractionated_boost_with_pelvic_external_beam_rt_gives_both()
    {
        var rt = OnlyIntervention(Intervention("RADIATION", "Moderate hypofractionated boost to the prostate with pelvic RT (external beam radiotherapy)"));
        Assert.Equal(["EBRT", "Hypofractionated RT"], rt.RtModalities.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Pembrolizumab Before Surgery for Resectable Head and Neck Cancer")]
    [InlineData("A Phase II Study Evaluating Neoadjuvant Pembrolizumab for Resectable Head and Neck Cancer")]
    [InlineData("Maintenance Pembrolizumab in Head and Neck Cancer")]
    public void An_ici_a_title_gives_before_a_treatment_or_in_a_phase_of_it_is_given(string title)
    {
        var study = Normalise(Trial(title, null, [Intervention("PROCEDURE", "Surgical Procedure"), Intervention("PROCEDURE", "Biopsy")]));
        Assert.Equal(["pembrolizumab"], study.FreeText?.Agents);
    }

    [Theory]
    [InlineData("Pembrolizumab Before Imaging in Head and Neck Cancer")]
    [InlineData("Patients Treated With Pembrolizumab Before Surgery")]
    [InlineData("Outcomes After Adjuvant Pembrolizumab in Head and Neck Cancer")]
    public void An_ici_before_something_not_a_treatment_or_of_the_people_or_before_the_trial_is_not(string title)
    {
        var study = Normalise(Trial(title, null, [Intervention("PROCEDURE", "Surgical Procedure")]));
        Assert.Empty(study.FreeText?.Agents ?? []);
    }

    [Fact]
    public void Rt_that_uses_high_energy_photons_is_external_beam()
    {
        var study = Normalise(Trial("Pembrolizumab and Chemoradiotherapy for Gastroesophageal Cancer",
            "Radiation therapy uses high energy photons to kill tumor cells and shrink tumors.", [Intervention("DRUG", "Pembrolizumab")]));
        Assert.Equal("EBRT", study.FreeText?.RtModality);
    }

    private static JsonObject WithKeywords(JsonObject protocol, params string[] keywords)
    {
        protocol["conditionsModule"] = new JsonObject { ["keywords"] = new JsonArray([.. keywords.Select(k => (JsonNode)JsonValue.Create(k))]) };
        return protocol;
    }

    [Fact]
    public void The_keyword_agent_of_the_class_a_title_gives_is_its_agent()
    {
        var study = Normalise(WithKeywords(Trial("Perioperative Chemotherapy Plus PD-1 Antibody in Gastric Cancer", null, []), "Gastric cancer", "Camrelizumab"));
        Assert.Equal(["camrelizumab"], study.FreeText?.Agents);
        Assert.Equal("conditionsModule.keywords[1]", Assert.Single(study.Sources, s => s.Field == "agent").SourceField);
    }

    [Theory]
    [InlineData("Camrelizumab", "Sintilimab")] // two with the target: which is not said
    [InlineData("Durvalumab")] // another target
    public void Keywords_that_do_not_name_one_agent_of_the_class_leave_the_class(params string[] keywords)
    {
        var study = Normalise(WithKeywords(Trial("Perioperative Chemotherapy Plus PD-1 Antibody in Gastric Cancer", null, []), keywords));
        Assert.Empty(study.FreeText?.Agents ?? []);
        Assert.Equal(["PD-1"], study.FreeText?.Targets);
    }

    [Fact]
    public void A_bare_records_objective_in_its_description_gives_what_it_evaluates()
    {
        var study = Normalise(Described(Trial("Treatment of Advanced Oesophageal Cancer", null, []),
            "Pembrolizumab is approved for other uses. -Evaluate the safety and efficacy of pembrolizumab in participants with advanced esophageal cancer."));
        Assert.Equal(["pembrolizumab"], study.FreeText?.Agents);
    }

    [Fact]
    public void Rt_the_titles_patients_had_following_definitive_treatment_is_not_given()
    {
        var study = Normalise(Trial(
            "A Study of Durvalumab for Participants With Unresected Head and Neck Cancer Following Definitive Concurrent Chemoradiotherapy",
            "To assess the efficacy of durvalumab in participants who have not progressed after receiving definitive concurrent chemoradiotherapy.",
            [Intervention("DRUG", "Durvalumab")]));
        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void An_ici_class_intervention_takes_the_agents_of_the_one_co_formulation_a_title_names()
    {
        var agents = Normalise(Trial("QL1706 Plus Chemotherapy for Advanced Lung Cancer", null, [Intervention("DRUG", "Immune Checkpoint Inhibitors")])).Interventions[0].Agents;
        Assert.Equal(["iparomlimab", "tuvonralimab"], agents.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_ici_class_intervention_takes_no_agent_where_a_title_names_two_products()
    {
        var agents = Normalise(Trial("Pembrolizumab or Atezolizumab Plus Chemotherapy for Advanced Lung Cancer", null, [Intervention("DRUG", "Immune Checkpoint Inhibitors")])).Interventions[0].Agents;
        Assert.Empty(agents);
    }

    [Fact]
    public void A_quad_shot_is_hypofractionated_rt()
    {
        Assert.Equal("Hypofractionated RT", OnlyIntervention(Intervention("RADIATION", "Quad shot")).RtModality);
    }

    [Theory]
    [InlineData("With the progressive clinical confirmation of the efficacy of immunotherapy, ICI has moved from second-line to first-line treatment.")]
    [InlineData("However, the efficacy of ICI in bladder preservation therapy is unknown.")]
    [InlineData("Several studies have demonstrated the efficacy of immune checkpoint inhibitors in bladder cancer.")]
    public void An_efficacy_others_found_or_nobody_knows_is_not_what_a_bare_record_gives(string summary)
    {
        Assert.Empty(Normalise(Trial("Comprehensive Bladder Preservation Therapy", summary, [])).FreeText?.Targets ?? []);
    }

    [Fact]
    public void An_efficacy_the_trial_assesses_is_still_given()
    {
        var study = Normalise(Trial("Comprehensive Bladder Preservation Therapy", "This study evaluates the efficacy of immune checkpoint inhibitors with radiotherapy.", []));
        Assert.Equal(["ICI, unspecified"], study.FreeText?.Targets);
    }

    [Fact]
    public void The_therapy_of_the_patients_a_summary_describes_is_not_given()
    {
        var study = Normalise(Trial("Geriatric Assessment for Older Adults",
            "This clinical trial compares the effect of geriatric assessment to usual care in treating older patients undergoing chemotherapy and radiation therapy.", []));
        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void What_patients_will_receive_is_still_given()
    {
        var study = Normalise(Trial("Radiotherapy in Older Adults", "In this study, patients will receive radiation therapy once a week.", []));
        Assert.Equal("RT, unspecified", study.FreeText?.RtModality);
    }
}
