using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules from sets 45 and 46's unseen records (vocabulary 2026-12-03.61): a summary that defines
/// the trial's RT as "a type of cancer treatment that uses" one kind, or opens by defining a kind;
/// actinium-225 as RT of no kind; "hepatic arterial infusion" as HAIC; RT a title joins with "+"
/// behind a qualifier ("+ Local Radiotherapy"). The texts are written for these tests; none is
/// copied from a labelled record.
/// </summary>
public class DefinedKindAndRadionuclideRulesTests
{
    [Theory]
    [InlineData("Radiation therapy is a type of cancer treatment that uses beams of high energy x-rays to kill tumor cells.", "EBRT")]
    [InlineData("Photon beam radiation therapy is a type of radiation therapy that uses x-rays from a linear accelerator.", "EBRT")]
    [InlineData("Radiation therapy is a type of cancer treatment that uses x-rays, protons or radioactive seeds to kill tumor cells.", "RT, unspecified")] // a list names no kind
    [InlineData("Patients who received radiation therapy that uses high energy x-rays to kill tumor cells are eligible.", "RT, unspecified")] // not a definition
    public void A_summary_that_defines_the_trials_rt_gives_its_kind(string definition, string rt)
    {
        var study = Normalise(Trial("Nivolumab and Radiation Therapy in Melanoma", "Nivolumab is given with radiation therapy. " + definition,
            [Intervention("RADIATION", "Radiation Therapy"), Intervention("BIOLOGICAL", "Nivolumab")]));
        Assert.Equal(rt, study.Interventions[0].RtModality);
    }

    [Theory]
    [InlineData("225Ac-PSMA-617")]
    [InlineData("Actinium-225 labelled antibody")]
    public void Actinium_225_is_rt_of_no_kind(string name)
    {
        Assert.Equal("RT, unspecified", OnlyIntervention(Intervention("DRUG", name)).RtModality);
    }

    [Fact]
    public void Hepatic_arterial_infusion_is_haic()
    {
        Assert.Equal(["locoregional"], OnlyIntervention(Intervention("PROCEDURE", "Hepatic Arterial Infusion (HAI)")).PartnerClasses);
    }

    [Theory]
    [InlineData("TLR9 Agonist + Local Radiotherapy in Recurrent Lymphoma", "RT, unspecified")]
    [InlineData("Vaccine + Palliative Radiotherapy in Pancreatic Cancer", "RT, unspecified")]
    public void Rt_a_title_joins_with_a_plus_behind_a_qualifier_is_given(string title, string rt)
    {
        var study = Normalise(Trial(title, null, [Intervention("DRUG", "Study drug")]));
        Assert.Equal(rt, study.FreeText?.RtModality);
    }

    [Fact]
    public void A_qualified_rt_a_plus_marks_positive_is_not_joined()
    {
        // "HPV+ Local Radiotherapy-Treated Patients": the "+" marks HPV positive.
        var study = Normalise(Trial("HPV+ Local Radiotherapy-Treated Patients and Their Voice", null, [Intervention("OTHER", "Voice therapy")]));
        Assert.Null(study.FreeText?.RtModality);
    }

    /// <summary>
    /// Set 57 (NCT00278304): the US National Cancer Institute's rationale defines radiation therapy
    /// by x-rays beside brachytherapy, the internal radiation: the radiation therapy is EBRT. So it
    /// is beside stereotactic RT, which names its own kind (the annotators of sets 78 and 92 read
    /// "radiation therapy" beside radiosurgery so); a summary that defines the stereotactic kind
    /// defines the sibling's (Set92To94RulesTests).
    /// </summary>
    [Theory]
    [InlineData("brachytherapy", "EBRT")]
    [InlineData("stereotactic body radiation therapy", "EBRT")]
    public void Radiation_therapy_the_summary_defines_by_x_rays_beside_internal_radiation_is_ebrt(string sibling, string kind)
    {
        var study = Normalise(Trial(
            "Radiation Therapy in Treating Patients With Cervical Cancer",
            "RATIONALE: Radiation therapy uses high-energy x-rays to kill tumor cells. Internal radiation uses radioactive material placed directly into or near a tumor to kill tumor cells.",
            [Intervention("RADIATION", sibling), Intervention("RADIATION", "radiation therapy")]));

        Assert.Equal(kind, study.Interventions[1].RtModality);
    }
}
