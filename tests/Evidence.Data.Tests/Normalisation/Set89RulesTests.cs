using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 89's findings (issue 10): a fraction count written in words, an observational study of
/// children "on" RT, and a treatment's major complications as its safety. The dose forms
/// themselves are in <see cref="RtDoseParserTests"/>.
/// </summary>
public class Set89RulesTests
{
    /// <summary>NCT01255553: "3D conformal external beam RT technique. Two fractions of 38.5 Gy ... on 5 treatment days".</summary>
    [Theory]
    [InlineData("Partial breast irradiation using a 3D conformal external beam RT technique. Two fractions of 3.85 Gy a day on 5 treatment days.", "Hypofractionated RT")]
    [InlineData("Whole breast RT by 3D conformal external beam, twenty-five fractions of 2 Gy.", "EBRT")] // 2 Gy a fraction
    [InlineData("3D conformal external beam RT in five fractions.", "EBRT")] // no dose: not hypofractionated
    public void A_fraction_count_in_words_reads_the_dose_per_fraction(string description, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", "Partial Breast Irradiation", description)).RtModality);
    }

    /// <summary>NCT03995849: "Motion of Kids on Radiation Treatment", an observational study of children's movement during routine RT.</summary>
    [Theory]
    [InlineData("Motion of Kids on Radiation Treatment")]
    [InlineData("Anxiety in Adolescents on Radiotherapy")]
    public void An_observational_title_of_people_on_rt_gives_no_rt(string title)
    {
        Assert.Null(Normalise(Observational(title, "The purpose of the study is to measure the movement of children receiving RT.")).FreeText?.RtModality);
    }

    /// <summary>What the observational study is of is still read where no people are "on" it.</summary>
    [Fact]
    public void An_observational_title_of_rt_given_to_children_still_gives_rt()
    {
        Assert.Equal("SBRT", Normalise(Observational("Stereotactic Body Radiotherapy for Kids With Metastatic Sarcoma")).FreeText?.RtModality);
    }

    /// <summary>NCT05253170: "Major Complication Rate" of hypofractionated against conventional RT after reconstruction.</summary>
    [Theory]
    [InlineData("Major Complication Rate", "safety")]
    [InlineData("Rate of major complications", "safety")]
    [InlineData("Complication rate of the disease", "other")] // no major, no wound: not said to be the treatment's
    public void A_treatment_s_major_complications_are_its_safety(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }
}
