using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 77's findings (issue 10): observational studies that list no intervention, injuries
/// "induced by" a therapy, superficial x-ray RT, earlier research in a summary, a radioligand
/// named by its ligand.
/// </summary>
public class Set77RulesTests
{
    /// <summary>
    /// NCT04184011 and seven such records of earlier sets: an observational study that lists no
    /// intervention says in its title what treatment it studies; what it follows patients through,
    /// or an injury of a therapy, is not that.
    /// </summary>
    [Theory]
    [InlineData("Superficial Radiation Therapy (SRT) for the Treatment of Recurrent Keloid Scars", "EBRT", null)]
    [InlineData("An Observational Study on the Safety and Efficacy of Immunotherapy Combined With Concurrent Chemoradiotherapy in Elderly Patients With Esophageal Squamous Cell Carcinoma", "RT, unspecified", null)]
    [InlineData("Immune Checkpoint Inhibitors and Radiotherapy in Relapsed/Refractory Hodgkin Lymphoma", "RT, unspecified", "ICI, unspecified")]
    [InlineData("Surgery Versus Stereotactic Body Radiation Therapy for Stage I Non-Small Cell Lung Cancer", "SBRT", null)]
    [InlineData("Systemic and Tumor Immune Response During Pelvic (chemo)Radiation And/or Brachytherapy for Cervical Cancer", null, null)]
    [InlineData("Quality of Life of Elderly Patients Undergoing Radiotherapy for Head and Neck Cancer", null, null)]
    [InlineData("Genetic Determinants of Myocarditis Induced by Immune-checkpoint Inhibitors", null, null)]
    [InlineData("Cranial Radiotherapy Outcomes in a Registry of Children", null, null)] // studies something of the RT
    public void An_observational_study_of_no_intervention_is_read_from_its_titles(string title, string? modality, string? target)
    {
        var free = Normalise(Observational(title)).FreeText;

        Assert.Equal(modality, free?.RtModality);
        Assert.Equal(target, free?.Targets.SingleOrDefault());
    }

    /// <summary>NCT04365244: the summary of an observational study describes the patients it follows, treated outside it.</summary>
    [Fact]
    public void An_observational_study_s_summary_gives_nothing()
    {
        var study = Normalise(Observational(
            "Pruritus and Melanoma and Cutaneous Carcinomas Treated With Immunotherapy",
            "The aim of this study is to evaluate the putative causes of pruritus in patients treated with ICIs such as nivolumab or pembrolizumab."));

        Assert.Null(study.FreeText);
    }

    /// <summary>NCT04419441: an observational study's summary sentence of what it assesses names the drugs of its title's class.</summary>
    [Theory]
    [InlineData("This is an observational retrospective study to investigate the efficacy and safety of the treatment with an immune checkpoint inhibitor (nivolumab or pembrolizumab) in combination with radiotherapy.", new[] { "nivolumab", "pembrolizumab" })]
    [InlineData("Patients treated with nivolumab or pembrolizumab and radiotherapy are followed for response.", new string[0])] // whom it follows, not what it assesses
    public void An_observational_study_s_summary_of_what_it_assesses_is_read(string summary, string[] agents)
    {
        var free = Normalise(Observational("Immune Checkpoint Inhibitors and Radiotherapy in Relapsed/Refractory Hodgkin Lymphoma (ICI-RT-1)", summary)).FreeText;

        Assert.Equal(agents, free!.Agents.Order(StringComparer.Ordinal));
        Assert.Equal("RT, unspecified", free.RtModality);
    }

    /// <summary>An observational study that lists its exposures as interventions is not read further: they say what it follows.</summary>
    [Fact]
    public void An_observational_study_with_interventions_reads_no_free_text()
    {
        var study = Normalise(Observational("Stereotactic Body Radiotherapy With Nivolumab in Routine Care", interventions: [Intervention("OTHER", "Questionnaire")]));

        Assert.Null(study.FreeText);
    }

    [Theory]
    [InlineData("Pneumonitis Caused by Thoracic Radiotherapy in Lung Cancer", null)]
    [InlineData("Radiotherapy for Sarcoma Induced by Radiotherapy", "RT, unspecified")] // a cancer RT caused: the trial may well give RT
    public void An_injury_caused_by_rt_is_not_rt_the_trial_gives(string title, string? modality)
    {
        Assert.Equal(modality, Normalise(Trial(title, null, [])).FreeText?.RtModality);
    }

    [Fact]
    public void An_injury_induced_by_an_ici_is_not_an_ici_the_trial_gives()
    {
        Assert.Null(Normalise(Trial("Colitis Induced by Anti-PD-1 Antibodies: a Randomised Trial of Vedolizumab", null, [])).FreeText);
    }

    /// <summary>NCT03693924: "SRT-100", a superficial x-ray unit, in a trial whose title defines SRT as superficial RT.</summary>
    [Theory]
    [InlineData("A Retrospective Evaluation of Superficial Radiation Therapy (SRT) and Keloid Scars", "EBRT")]
    [InlineData("Stereotactic Radiotherapy (SRT) for Brain Metastases", "SBRT")]
    [InlineData("SRT for Keloid Scars", "RT, unspecified")] // the abbreviation alone names no kind
    public void Superficial_x_ray_rt_is_external_beam(string title, string modality)
    {
        var study = Normalise(Trial(title, null, [Intervention("RADIATION", "SRT-100")]));

        Assert.Equal(modality, study.Interventions[0].RtModality);
    }

    [Theory]
    [InlineData("Orthovoltage radiotherapy", "EBRT")]
    [InlineData("Kilovoltage radiation therapy to the scar", "EBRT")]
    [InlineData("Superficial x-ray therapy", "EBRT")]
    public void Orthovoltage_and_kilovoltage_rt_are_external_beam(string name, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    /// <summary>NCT06039631: a record of no intervention whose summary names toripalimab only for the team's earlier research.</summary>
    [Theory]
    [InlineData("Our prior research highlighted the effectiveness of combining toripalimab-based induction therapy and chemotherapy.", null)]
    [InlineData("Previous studies found the efficacy of toripalimab with chemotherapy encouraging.", null)]
    [InlineData("The present study evaluates the efficacy of toripalimab with chemotherapy.", "toripalimab")]
    public void A_summary_s_earlier_research_gives_no_agent(string sentence, string? agent)
    {
        var study = Normalise(Trial("Neoadjuvant Immunotherapy And Chemotherapy In Locally Advanced Laryngeal Cancer", sentence, []));

        Assert.Equal(agent, study.FreeText?.Agents.SingleOrDefault());
    }

    /// <summary>NCT02358356: "Drug: octreotate", in an arm of "7.8GBq 177Lu Octreotate (Lutate) given intravenously".</summary>
    [Theory]
    [InlineData("7.8GBq 177Lu Octreotate (Lutate) given intravenously (IV) on day 1 every 8 weeks for 4 cycles.", "RT, unspecified")]
    [InlineData("Lutetium-177 octreotate every 8 weeks.", "RT, unspecified")]
    [InlineData("Octreotate every 4 weeks, then a 68Ga-DOTATATE scan.", null)] // no therapeutic nuclide before it
    [InlineData("Octreotate every 4 weeks after 177Lu therapy.", null)] // the nuclide labels something else
    public void A_drug_named_by_the_ligand_of_a_radioligand_is_the_radioligand(string armDescription, string? modality)
    {
        var study = Normalise(Trial("Capecitabine and Temozolomide in Neuroendocrine Tumours", null,
            [Intervention("DRUG", "octreotate", arms: ["PRRT"]), Intervention("DRUG", "Capecitabine", arms: ["CAPTEM"])],
            Arm("PRRT", armDescription, "Drug: octreotate"), Arm("CAPTEM", "Oral capecitabine 750mg/m2 b.i.d.", "Drug: Capecitabine")));

        Assert.Equal(modality, study.Interventions[0].RtModality);
        Assert.Null(study.Interventions[1].RtModality);
    }

    /// <summary>NCT04194125: "Personalized CAPTEM Radiopeptide Therapy of Advanced, Non-resectable Neuroendocrine Cancer", a record of no intervention.</summary>
    [Theory]
    [InlineData("Personalized CAPTEM Radiopeptide Therapy of Advanced, Non-resectable Neuroendocrine Cancer", "RT, unspecified")]
    [InlineData("Radiopharmaceutical Therapy With 177Lu-PSMA in Prostate Cancer", "RT, unspecified")]
    public void Radiopeptide_and_radiopharmaceutical_therapy_are_rt(string title, string modality)
    {
        Assert.Equal(modality, Normalise(Trial(title, null, [])).FreeText?.RtModality);
    }
}
