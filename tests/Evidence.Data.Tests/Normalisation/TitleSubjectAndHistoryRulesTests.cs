using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules from sets 41 and 42's unseen records (vocabulary 2026-12-03.60): a therapy that is the
/// subject of the title of a record with no interventions; a title's "with and without"; what a
/// summary says patients are "randomized to" or "will have"; what patients "who have" or "who
/// progressed" went through; people a title describes by their therapy; an agent in brackets
/// after a class; several RT interventions of no kind; a class-word ICI named only in the
/// summary; and new vocabulary (HLX04, "VEGF antibody", TAE, FLASH, re-irradiation, IBTR). The
/// texts are written for these tests; none is copied from a labelled record.
/// </summary>
public class TitleSubjectAndHistoryRulesTests
{
    [Theory]
    [InlineData("Radiotherapy for Malignant Spinal Cord Compression With Higher Doses", "RT, unspecified")]
    [InlineData("Dose-Escalated SBRT With Adaptive MRI Guidance for Liver Metastases", "SBRT")]
    [InlineData("Hypofractionated Radiotherapy for Elderly Glioblastoma", "Hypofractionated RT")]
    public void A_therapy_that_is_the_title_subject_of_a_record_of_no_interventions_is_given(string title, string rt)
    {
        Assert.Equal(rt, Normalise(Trial(title, null, [])).FreeText?.RtModality);
    }

    [Theory]
    [InlineData("Cardiac Dose Assessment With 4D CT for Left Breast Cancer Radiotherapy")] // what the assessment is for
    [InlineData("Immunonutrition for Oesophageal Cancer Patients Given Neoadjuvant Chemoradiotherapy")] // the people's therapy
    [InlineData("Radiotherapy Omission in Low-Risk Breast Cancer")] // what is studied of it
    [InlineData("Quality of Life After Radiotherapy for Prostate Cancer")] // before the trial
    public void A_title_that_names_rt_as_something_else_gives_none(string title)
    {
        Assert.Null(Normalise(Trial(title, null, [])).FreeText?.RtModality);
    }

    [Fact]
    public void A_title_subject_counts_only_where_the_record_lists_no_intervention()
    {
        var study = Normalise(Trial("Radiotherapy for Bone Metastases", null, [Intervention("DRUG", "Ondansetron")]));
        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void With_and_without_in_a_title_adds_the_therapy_like_with_or_without()
    {
        var study = Normalise(Trial("TACE With and Without External Beam Radiotherapy for Advanced HCC", null, [Intervention("PROCEDURE", "TACE")]));
        Assert.Equal("EBRT", study.FreeText?.RtModality);
    }

    [Fact]
    public void A_summary_of_no_interventions_gives_what_patients_are_randomized_to()
    {
        var study = Normalise(Trial("Sequencing in Metastatic Lung Cancer",
            "Patients are randomized to nivolumab plus either concurrent or sequential stereotactic body radiotherapy (SBRT).", []));
        Assert.Equal(["nivolumab"], study.FreeText?.Agents);
        Assert.Equal("SBRT", study.FreeText?.RtModality);
    }

    [Fact]
    public void A_summary_of_no_interventions_gives_what_patients_will_have_but_not_what_they_will_have_had()
    {
        Assert.Equal("RT, unspecified", Normalise(Trial("Neoadjuvant Immunotherapy in Head and Neck Cancer",
            "After two cycles, all patients will have surgery followed by radiation therapy.", [])).FreeText?.RtModality);
        Assert.Null(Normalise(Trial("Neoadjuvant Immunotherapy in Head and Neck Cancer",
            "At entry, patients will have had radiation therapy.", [])).FreeText?.RtModality);
    }

    [Theory]
    [InlineData("This study evaluates the efficacy of atezolizumab in patients who have progressed on pembrolizumab or nivolumab.")]
    [InlineData("This study evaluates the efficacy of atezolizumab in patients who progressed after treatment with pembrolizumab or nivolumab.")]
    public void Therapies_a_who_clause_says_patients_went_through_are_not_given(string summary)
    {
        Assert.Equal(["atezolizumab"], Normalise(Trial("Atezolizumab in Lung Cancer", summary, [])).FreeText?.Agents);
    }

    [Fact]
    public void Patients_who_will_receive_a_therapy_are_given_it()
    {
        var study = Normalise(Trial("Immunotherapy in Lung Cancer", "Patients who have measurable disease will receive durvalumab.", []));
        Assert.Equal(["durvalumab"], study.FreeText?.Agents);
    }

    [Fact]
    public void An_agent_in_brackets_after_a_class_a_title_studies_is_given()
    {
        var study = Normalise(Trial("Phase II Trial of PD-1 Antibody (Camrelizumab), Apatinib and Chemotherapy for Cholangiocarcinoma", null, []));
        Assert.Equal(["camrelizumab"], study.FreeText?.Agents);
    }

    [Fact]
    public void People_a_title_describes_by_their_checkpoint_inhibitor_are_not_given_one()
    {
        var study = Normalise(Trial("Symptom Monitoring in Cancer Patients Treated With Immune Checkpoint Inhibitors", null, [Intervention("OTHER", "Weekly questionnaire")]));
        Assert.Null(study.FreeText);
    }

    [Fact]
    public void Several_rt_interventions_of_no_kind_take_the_one_kind_the_title_gives()
    {
        var study = Normalise(Trial("Stereotactic Radiosurgery With or Without Nivolumab for Brain Metastases", null,
            [Intervention("RADIATION", "Radiotherapy"), Intervention("COMBINATION_PRODUCT", "Radiotherapy + nivolumab")]));
        Assert.Equal(["SBRT", "SBRT"], study.Interventions.Select(i => i.RtModality));
    }

    [Theory]
    [InlineData("Proton Beam Therapy Versus IMRT for Oesophageal Cancer")] // two kinds
    [InlineData("Stereotactic Body Radiotherapy Versus Conventional Radiotherapy for Painful Spinal Metastases")] // a kind against RT of none
    public void Several_rt_interventions_of_no_kind_stay_so_where_the_title_compares_rt(string title)
    {
        // One RT per arm, so the rule is reached; the title compares the RTs they give.
        var study = Normalise(Trial(title, null,
            [Intervention("RADIATION", "Radiotherapy A", arms: ["Arm A"]), Intervention("RADIATION", "Radiotherapy B", arms: ["Arm B"])],
            Arm("Arm A", null), Arm("Arm B", null)));
        Assert.Equal(["RT, unspecified", "RT, unspecified"], study.Interventions.Select(i => i.RtModality));
    }

    [Fact]
    public void A_class_word_ici_takes_the_one_agent_of_its_target_the_summary_gives()
    {
        var study = Normalise(Trial("Radiotherapy Plus Immunotherapy in Recurrent Rectal Cancer",
            "Patients will receive short-course radiotherapy, then tislelizumab every 3 weeks.",
            [Intervention("RADIATION", "Short-course radiotherapy"), Intervention("DRUG", "PD-1 antibody")]));
        Assert.Equal(["tislelizumab"], study.Interventions[1].Agents);
    }

    [Fact]
    public void A_class_word_ici_stays_a_class_where_the_summary_names_two_agents_of_its_target()
    {
        var study = Normalise(Trial("Radiotherapy Plus Immunotherapy in Recurrent Rectal Cancer",
            "Patients will receive tislelizumab or sintilimab, as available.",
            [Intervention("DRUG", "PD-1 antibody")]));
        Assert.Empty(study.Interventions[0].Agents);
        Assert.Equal(["PD-1"], study.Interventions[0].Targets);
    }

    [Theory]
    [InlineData("HLX04", "bevacizumab", "anti-VEGF")]
    [InlineData("QX-0301 (VEGF antibody)", null, "anti-VEGF")]
    [InlineData("Transarterial embolization", null, "locoregional")]
    public void New_partner_vocabulary(string name, string? agent, string partner)
    {
        var terms = OnlyIntervention(Intervention(name.StartsWith("Trans", StringComparison.Ordinal) ? "PROCEDURE" : "DRUG", name));
        Assert.Equal(agent is null ? [] : [agent], terms.Agents);
        Assert.Contains(partner, terms.PartnerClasses);
    }

    [Theory]
    [InlineData("FLASH therapy of skin metastases", "RT, unspecified")]
    [InlineData("Reirradiation of the pelvis", "RT, unspecified")]
    [InlineData("Hot flash therapy", null)] // "flash" in lower case is not FLASH RT
    public void Flash_and_reirradiation_are_rt(string name, string? rt)
    {
        Assert.Equal(rt, OnlyIntervention(Intervention("OTHER", name)).RtModality);
    }

    [Fact]
    public void Ipsilateral_breast_tumour_recurrence_is_local_control()
    {
        Assert.Equal("local control", Normalise(WithOutcome("Ipsilateral Breast Tumor Recurrence (IBTR) at 5 years")).Outcomes[0].EndpointClass);
    }
}
