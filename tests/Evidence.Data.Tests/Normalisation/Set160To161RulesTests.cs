using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Sets 160-161's findings (issue 10, vocabulary .169): RT that only times or costs something else, and a company named "Biomed".</summary>
public class Set160To161RulesTests
{
    /// <summary>
    /// NCT02854410 (set 160): "Patients will receive Sodium nitrate supplementation from 7 days
    /// before radiotherapy to one month after the end of radiotherapy": the RT is the period the
    /// supplement is taken around, not what the trial gives (both annotators). A course that only
    /// starts before the RT, with no end after it, is read as before.
    /// </summary>
    [Theory]
    [InlineData("Patients will receive sodium nitrate supplementation from 7 days before radiotherapy to one month after the end of radiotherapy", "")]
    [InlineData("Patients will receive placebo from one week before radiotherapy until 2 weeks after radiotherapy", "")]
    [InlineData("Patients will receive sodium nitrate supplementation and radiotherapy to 70 Gy", "RT, unspecified")]
    public void RT_that_bounds_the_time_a_supplement_is_taken_is_not_given(string armDescription, string kinds)
    {
        var study = Normalise(Trial(
            "Dietary Nitrate on Salivary Flow for Nasopharyngeal Carcinoma Patients", null,
            [Intervention("DIETARY_SUPPLEMENT", "Sodium nitrate")], Arm("Sodium nitrate supplementation", armDescription, "Dietary Supplement: Sodium nitrate")));

        Assert.Equal(kinds, TrialKinds(study));
    }

    /// <summary>
    /// NCT06278831 (set 160): "... Reducing the FINancial Burden of Radiotherapy": what the RT costs
    /// patients is studied, not the RT (both annotators). The burden of a course the title gives is
    /// not so read ("Reducing the Treatment Burden of Radiotherapy With Five Fractions").
    /// </summary>
    [Theory]
    [InlineData("Efficacy of Structured Social Consultation and Support in Reducing the Financial Burden of Radiotherapy", "")]
    [InlineData("Financial Toxicity in Patients Treated With Radiotherapy", "")]
    [InlineData("Stereotactic Radiotherapy in Five Fractions for Prostate Cancer", "SBRT")]
    public void The_financial_burden_of_RT_is_not_RT_given(string title, string kinds)
    {
        var study = Normalise(Observational(title));

        Assert.Equal(kinds, TrialKinds(study));
    }

    /// <summary>NCT02630004 (set 161): the sponsor "Spherium Biomed" is a company, not a person, as both annotators named it.</summary>
    [Theory]
    [InlineData("Spherium Biomed", "Spherium Biomed")]
    [InlineData("Maria Lopez", "the sponsor, Maria Lopez, is a person; the record names no institution")]
    public void A_biomed_company_is_an_institution(string sponsor, string institution)
    {
        var study = Normalise(Sponsored(sponsor, null, null));

        Assert.Equal(institution, study.Summary.Institution);
    }
}
