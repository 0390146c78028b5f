using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Rules from set 33's unseen records (vocabulary 2026-12-03.51): a title that joins a therapy
/// to another with "+" or gives RT "via" a course, and the dose a summary states for a trial's one
/// RT of no stated kind. The texts are written for these tests; none is copied from a labelled record.
/// </summary>
public class TitleJoinAndSummaryDoseRulesTests
{
    [Theory]
    [InlineData("Tislelizumab + FOLFOX Versus FOLFOX in Gastric Cancer", "tislelizumab")]
    [InlineData("FOLFOX + Tislelizumab in Gastric Cancer", "tislelizumab")]
    public void A_title_that_joins_an_ici_to_a_treatment_with_a_plus_sign_gives_it(string title, string agent)
    {
        var study = Normalise(Trial(title, null, [Intervention("DRUG", "FOLFOX")]));
        Assert.Equal([agent], study.FreeText?.Agents);
    }

    [Fact]
    public void A_title_that_names_an_ici_alone_still_does_not_give_it()
    {
        var study = Normalise(Trial("Tislelizumab in Gastric Cancer: Outcomes of FOLFOX", null, [Intervention("DRUG", "FOLFOX")]));
        Assert.Null(study.FreeText);
    }

    [Theory]
    [InlineData("Total Neoadjuvant Treatment Via Short Course Radiotherapy in Rectal Cancer")]
    [InlineData("Capecitabine + Radiotherapy in Rectal Cancer")]
    public void A_title_that_gives_rt_via_or_plus_a_treatment_gives_it(string title)
    {
        var study = Normalise(Trial(title, null, [Intervention("DRUG", "Capecitabine")]));
        Assert.Equal("RT, unspecified", study.FreeText?.RtModality);
    }

    [Theory]
    [InlineData("Patients receive pelvic radiotherapy, DT 25Gy/5Fx, then surgery.", "Hypofractionated RT")]
    [InlineData("Patients receive pelvic radiotherapy, 50.4 Gy in 28 fractions, then surgery.", "RT, unspecified")]
    public void The_one_rt_of_no_kind_takes_the_dose_its_summary_states(string summary, string modality)
    {
        var study = Normalise(Trial("Radiotherapy Then Surgery for Rectal Cancer", summary, [Intervention("RADIATION", "Radiotherapy"), Intervention("PROCEDURE", "Surgery")]));
        Assert.Equal([modality], study.Interventions[0].RtModalities);
    }

    [Fact]
    public void Two_rt_interventions_do_not_take_a_summary_dose()
    {
        var study = Normalise(Trial("Two Courses of Radiotherapy", "Arm B receives 25 Gy in 5 fractions.",
            [Intervention("RADIATION", "Radiotherapy"), Intervention("RADIATION", "Radiation therapy, long course")]));
        Assert.Equal(["RT, unspecified"], study.Interventions[0].RtModalities);
    }
}
