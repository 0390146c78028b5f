using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 62's findings (issue 10): RT a summary defines by "x-rays", conformal RT written as a
/// mode, a bevacizumab biosimilar's code, and a record whose arms say nothing of what they give.
/// </summary>
public class Set62RulesTests
{
    [Fact]
    public void Rt_a_summary_defines_by_x_rays_is_ebrt()
    {
        var study = Normalise(WithPurpose(Trial("Radiation Therapy and Combination Chemotherapy in Treating Patients With Bladder Cancer",
            "RATIONALE: Radiation therapy uses x-rays to damage tumor cells. Combining radiation therapy with chemotherapy may kill more tumor cells.", []), "TREATMENT"));

        Assert.Equal(Terms.Ebrt, study.FreeText?.RtModality);
    }

    [Theory]
    [InlineData("Radiation therapy uses x-rays, gamma rays or protons to damage tumor cells.")] // a list of what RT may use names none
    [InlineData("Radiation therapy is given after chest x-rays to plan the fields.")] // imaging, not what RT uses
    public void X_rays_that_do_not_define_the_rt_name_no_kind(string summary)
    {
        var study = Normalise(WithPurpose(Trial("Radiation Therapy in Treating Patients With Bladder Cancer", summary, []), "TREATMENT"));

        Assert.Equal(Terms.UnspecifiedRt, study.FreeText?.RtModality);
    }

    [Theory]
    [InlineData("radical radiotherapy delivered in a three-dimensional conformal mode (total of 50-60 Gy given in 25-30 fractions)")]
    [InlineData("radiotherapy using a 3D conformal technique, 50 Gy in 25 fractions")]
    public void Conformal_rt_written_as_a_mode_or_technique_is_ebrt(string armDescription)
    {
        var study = Normalise(Trial("Surgery or Chemoradiation for Esophageal Cancer", null,
            [Intervention("RADIATION", "Definitive chemoradiation", arms: ["Definitive chemoradiation"])],
            Arm("Definitive chemoradiation", $"3-weekly cycles of cisplatin and 5-fluorouracil chemotherapy and {armDescription}", "Radiation: Definitive chemoradiation")));

        Assert.Equal(Terms.Ebrt, study.Interventions[0].RtModality);
    }

    [Fact]
    public void Sct510_is_bevacizumab()
    {
        var terms = OnlyIntervention(Intervention("BIOLOGICAL", "SCT510"));

        Assert.Equal(["bevacizumab"], terms.Agents);
        Assert.Equal(["anti-VEGF"], terms.PartnerClasses);
    }

    [Fact]
    public void A_title_is_read_as_a_bare_record_s_where_the_arms_say_nothing_of_what_they_give()
    {
        var study = Normalise(WithPurpose(Trial("Bladder Cancer Adjuvant Radiotherapy Trial (BART)", null, [], Arm("Standard", null), Arm("Test", null)), "TREATMENT"));

        Assert.Equal(Terms.UnspecifiedRt, study.FreeText?.RtModality);
    }

    [Fact]
    public void Arms_that_name_a_therapy_keep_the_title_to_what_it_joins()
    {
        // The arms say what is given; the title's RT is then read as in any record with arms.
        var study = Normalise(WithPurpose(Trial("Bladder Cancer Adjuvant Radiotherapy Trial", null, [], Arm("Cisplatin", null), Arm("Observation", null)), "TREATMENT"));

        Assert.Null(study.FreeText?.RtModality);
    }
}
