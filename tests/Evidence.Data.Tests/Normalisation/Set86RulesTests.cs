using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 86's findings (issue 10): extended-field RT.</summary>
public class Set86RulesTests
{
    /// <summary>
    /// NCT01502241's "extended-field radiotherapy": an external beam field term, as involved-field
    /// RT is (guide rule 4), as both annotators of set 86 labelled it.
    /// </summary>
    [Theory]
    [InlineData("Extended-field radiotherapy", "EBRT")]
    [InlineData("EFRT 45 Gy", "EBRT")]
    [InlineData("Extended follow-up after radiotherapy", "RT, unspecified")] // "extended" of something else
    public void Extended_field_rt_is_ebrt(string name, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }
}
