using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 72's finding (issue 10): a title that compares kinds of RT, in a record whose interventions name none.</summary>
public class Set72RulesTests
{
    /// <summary>NCT06205316 and NCT01349322: records with no interventions whose titles compare two kinds.</summary>
    [Theory]
    [InlineData("SBRT Versus Hypofractionated Radiotherapy for Oligometastatic Prostate Adenocarcinoma", new[] { "Hypofractionated RT", "SBRT" })]
    [InlineData("Accelerated Whole Breast Irradiation With Hypofractionation Plus Concurrent Boost Versus Standard Whole Breast Irradiation Plus Sequential Boost", new[] { "EBRT", "Hypofractionated RT" })]
    [InlineData("Stereotactic Body Radiotherapy for Oligometastatic Prostate Adenocarcinoma", new[] { "SBRT" })] // nothing compared
    [InlineData("SBRT Versus Observation After Previous External Beam Radiotherapy", new[] { "SBRT" })] // the EBRT is prior therapy
    public void A_title_that_compares_kinds_gives_each(string title, string[] modalities)
    {
        var study = Normalise(Trial(title, null, []));

        Assert.Equal(modalities, study.FreeText!.RtModalities.Order(StringComparer.Ordinal));
    }
}
