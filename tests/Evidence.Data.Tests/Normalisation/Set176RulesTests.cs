using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 176's findings (issue 10, vocabulary .178): a title "Combining" RT with a listed drug gives
/// the RT; deaths "related to" treatment are not overall survival; the time point of an "other"
/// measure that is no rate is not a landmark.
/// </summary>
public class Set176RulesTests
{
    /// <summary>
    /// NCT00703859 (set 176), beside "Drug: Dichloroacetate (DCA)" only: "Combining Radiotherapy
    /// and Temozolomide With Dichloroacetate in Patients With Newly Diagnosed Glioblastoma" gives
    /// the RT (both annotators), as "Adding Radiotherapy" did; not what a cost or a survey is
    /// "about" ("Cost-Effectiveness of Combining ...").
    /// </summary>
    [Theory]
    [InlineData("Combining Radiotherapy and Temozolomide With Dichloroacetate in Patients With Newly Diagnosed Glioblastoma", "RT, unspecified")]
    [InlineData("A Phase I Single Arm Trial Combining Radiotherapy and Temozolomide With Dichloroacetate (DCA) in Patients With Newly Diagnosed Glioblastoma Multiform Tumours", "RT, unspecified")]
    [InlineData("Cost-Effectiveness of Combining Radiotherapy and Temozolomide With Dichloroacetate", null)]
    public void A_title_combining_RT_with_a_drug_gives_it(string title, string? kind)
    {
        var study = Normalise(WithPurpose(Trial(title, null, [Intervention("DRUG", "Dichloroacetate (DCA)")]), "TREATMENT"));

        Assert.Equal(kind, study.FreeText?.RtModality);
    }

    /// <summary>
    /// NCT00706810 (set 176): "Number of Participants Experiencing Serious Adverse Events
    /// Including But Not Limited to Hospitalizations, Deaths Related to Treatment, or Other
    /// Incapacitating Conditions." is safety (both annotators): deaths "related to" a cause are no
    /// death from any cause. Death "due to any cause" still is.
    /// </summary>
    [Theory]
    [InlineData("Number of Participants Experiencing Serious Adverse Events Including But Not Limited to Hospitalizations, Deaths Related to Treatment, or Other Incapacitating Conditions.", "safety")]
    [InlineData("Deaths attributable to the study drug and adverse events", "safety")]
    [InlineData("Death due to any cause", "OS")]
    [InlineData("Deaths", "OS")]
    public void Deaths_related_to_treatment_are_not_overall_survival(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }

    /// <summary>
    /// NCT00703768 (set 176): "Significant difference in FACT-P scores after 12 months between the 2
    /// groups" is an "other" measure with no landmark (both annotators): a landmark is the time
    /// point of a rate (labelling guide), and a score's is when it is assessed. An "other" rate or
    /// survival keeps its landmark; so does a survival class.
    /// </summary>
    [Theory]
    [InlineData("Significant difference in FACT-P scores after 12 months between the 2 groups", "other", null)]
    [InlineData("Pain reduction as measured by Visual Analogue Scoring System (VAS) at 3 months", "other", null)]
    [InlineData("PSA response rate at 12 weeks", "other", "12 weeks")]
    [InlineData("6-month radiation therapy-free survival (RTFS)", "other", "6 months")]
    [InlineData("Overall survival at 12 months", "OS", "12 months")]
    public void The_time_point_of_an_other_measure_that_is_no_rate_is_no_landmark(string measure, string endpoint, string? months)
    {
        var outcome = Normalise(WithOutcome(measure)).Outcomes[0];

        Assert.Equal((endpoint, months), (outcome.EndpointClass, outcome.Landmark));
    }
}
