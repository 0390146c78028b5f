using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// A rule from set 38's unseen records (vocabulary 2026-12-03.56): RT of no kind that only the
/// free text gives takes the kind the summary defines RT by. The texts are written for these
/// tests; none is copied from a labelled record.
/// </summary>
public class DefinedFreeTextRtRulesTests
{
    private const string Defining = "Radiation therapy uses high energy x-rays to kill tumor cells and shrink tumors.";

    [Theory]
    [InlineData(" " + Defining, "EBRT")]
    [InlineData("", "RT, unspecified")] // no defining sentence: no kind
    public void Rt_of_no_kind_from_the_free_text_takes_the_kind_its_summary_defines(string definition, string rt)
    {
        var study = Normalise(Trial(
            "A Study of Chemotherapy and Radiation Therapy With or Without Avelumab for Anal Cancer",
            "This phase II trial studies how well avelumab works when added to chemotherapy and radiation therapy." + definition,
            []));
        Assert.Equal(rt, study.FreeText?.RtModality);
        Assert.Equal(["avelumab"], study.FreeText!.Agents);
    }

    [Fact]
    public void A_summary_that_lists_what_rt_may_use_defines_no_kind()
    {
        var study = Normalise(Trial(
            "A Study of Radiation Therapy Before Surgery for Sarcoma",
            "Radiation therapy uses x-rays, protons or radioactive seeds to kill tumor cells.",
            []));
        Assert.Equal("RT, unspecified", study.FreeText?.RtModality);
    }
}
