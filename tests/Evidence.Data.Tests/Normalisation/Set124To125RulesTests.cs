using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 124-125's findings (issue 10, vocabulary .135): stereotactic RT guided by imaging spelled
/// out in full, and one RT given two names, the more specific its kind.
/// </summary>
public class Set124To125RulesTests
{
    /// <summary>NCT03878485 (SMART): seven words of imaging between "stereotactic" and the RT.</summary>
    [Theory]
    [InlineData("Stereotactic magnetic resonance imaging (MRI)-guided adaptive radiotherapy (SMART)", "SBRT")]
    [InlineData("Stereotactic MR-guided adaptive radiotherapy", "SBRT")]
    // Words other than imaging between: the stereotactic word is of something else.
    [InlineData("Stereotactic biopsy followed by magnetic resonance imaging guided radiotherapy", "RT, unspecified")]
    public void Stereotactic_rt_guided_by_imaging_is_sbrt(string name, string kind)
    {
        Assert.Equal(kind, Kinds(OnlyIntervention(Intervention("RADIATION", name))));
    }

    /// <summary>NCT03486821: "ultra-hypofractionated radiation therapy, also known as stereotactic body radiation therapy" is one RT.</summary>
    [Theory]
    [InlineData("Ultra-hypofractionated radiation therapy, also known as stereotactic body radiation therapy", "SBRT")]
    [InlineData("Stereotactic body radiotherapy (also known as hypofractionated radiotherapy)", "SBRT")]
    [InlineData("Hypofractionated radiotherapy, also called SBRT", "SBRT")]
    // Alternatives or courses, not one RT by two names: each kind (guide rule 1).
    [InlineData("Hypofractionated radiotherapy or stereotactic body radiotherapy", "Hypofractionated RT + SBRT")]
    [InlineData("Hypofractionated radiotherapy followed by stereotactic body radiotherapy", "Hypofractionated RT + SBRT")]
    public void One_rt_by_two_names_takes_the_more_specific(string name, string kinds)
    {
        Assert.Equal(kinds, Kinds(OnlyIntervention(Intervention("RADIATION", name))));
    }

    /// <summary>The same, read from a record of no intervention (set 125's summary).</summary>
    [Fact]
    public void A_summary_naming_one_rt_twice_gives_its_more_specific_kind()
    {
        var study = Normalise(Trial(
            "Stereotactic Body Radiation Therapy in Treating Participants With Early Prostate Cancer",
            "This pilot trial studies the side effects of ultra-hypofractionated radiation therapy, also known as stereotactic body radiation therapy, and how well it works.",
            []));

        Assert.Equal("SBRT", study.FreeText?.RtModality);
        Assert.Empty(study.FreeText!.AlsoRtModalities);
    }
}
