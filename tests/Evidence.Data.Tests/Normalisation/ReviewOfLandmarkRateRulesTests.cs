using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review of .181's "a rate's one described time point is its landmark"
/// (EndpointClassifier.RateDescribedAt). The guide: "A landmark is the time point of a rate ...
/// A single time frame is how long the measure is followed, and a safety measure's time point is
/// when it is assessed: neither is a landmark." Each case is a ClinicalTrials.gov wording of a
/// primary outcome (measure, description); each doc comment gives the right answer and whether
/// .181 got it wrong.
/// </summary>
public class ReviewOfLandmarkRateRulesTests
{
    private static (string? Class, string? Landmark) Read(string measure, string description)
    {
        var outcome = Normalise(WithOutcome(measure, description)).Outcomes[0];
        return (outcome.EndpointClass, outcome.Landmark);
    }

    /// <summary>
    /// A response rate's "at N weeks/months" is when the response is assessed, not a landmark:
    /// annotators left every such ORR, complete-response, pCR and DCR blank (NCT02843165 "CR +
    /// PR by RECIST at 16 weeks", NCT02492568 "at 12 weeks", NCT07277764 "ORR at 3 months
    /// post-radiotherapy", NCT05374252 "6 months after the end of chemoradiotherapy", NCT03304093
    /// DCR "8 weeks"). The guide's landmark is the time point of a survival-type rate ("2-year
    /// PFS", "PFS of 85% at 2 years"); a response is a state read once, at its assessment, as a
    /// safety measure's time point is. .181 WRONG: it read each time point as a landmark, since
    /// the rule is gated on "not other, not safety" rather than on a survival or control class
    /// (its own doc says "a rate, proportion or percentage of a survival or control").
    /// </summary>
    [Theory]
    [InlineData("Objective response rate (ORR)", "Proportion of patients with a complete or partial response per RECIST 1.1 at 12 weeks.", "ORR")]
    [InlineData("Objective Response Rate", "Objective Response Rate (ORR) at 3 months post-radiotherapy", "ORR")]
    [InlineData("Clinical complete response rate", "Proportion of patients with a clinical complete response at 6 months after the end of chemoradiotherapy.", "ORR")]
    [InlineData("Pathological complete response rate", "Percentage of patients with ypT0N0 in the resected specimen, at surgery at 12 weeks after completion of chemoradiotherapy.", "pathological response")]
    [InlineData("Disease control rate", "Percentage of patients with complete response, partial response or stable disease at 8 weeks.", "DCR")]
    public void A_response_rates_assessment_time_is_no_landmark(string measure, string description, string endpoint)
    {
        Assert.Equal((endpoint, (string?)null), Read(measure, description));
    }

    /// <summary>
    /// "at 3 months after the end of RT" for a local control rate: the share of patients whose
    /// irradiated lesion is controlled at that time is a control rate at one time point, as
    /// NCT02097732 ("free from progression in the index lesions at 6 months") and NCT07337161
    /// ("at 2 years following adjuvant radiation completion") were labelled. Right: 3 months.
    /// .181 right.
    /// </summary>
    [Fact]
    public void A_control_rate_after_the_end_of_RT_is_its_landmark()
    {
        Assert.Equal(("local control", "3 months"), Read("Local control rate", "Local control of the irradiated lesion at 3 months after the end of radiotherapy, assessed by MRI."));
    }

    /// <summary>
    /// "at 1 year follow-up" and "at 2-year": one time point of a survival rate, however
    /// written. Right: 12 and 24 months. .181 right.
    /// </summary>
    [Theory]
    [InlineData("Progression-free survival rate", "Proportion of patients alive and without progression at 1 year follow-up.", "PFS", "12 months")]
    [InlineData("Overall survival rate", "Percentage of patients alive at 2-year.", "OS", "24 months")]
    public void A_survival_rates_one_time_point_however_written_is_its_landmark(string measure, string description, string endpoint, string landmark)
    {
        Assert.Equal((endpoint, landmark), Read(measure, description));
    }

    /// <summary>
    /// "for at least 6 months" defines what control is (a duration), and "at 6-12 months" is a
    /// window of assessment: neither is one time point. Right: none. .181 right (its regex
    /// needs a number straight after "at", and a unit straight after the number).
    /// </summary>
    [Theory]
    [InlineData("Local control rate", "Local control is defined as no progression of the treated lesion on MRI for at least 6 months.")]
    [InlineData("Local control rate", "Local control assessed by MRI at 6-12 months after radiosurgery.")]
    public void A_duration_or_a_window_is_no_landmark(string measure, string description)
    {
        Assert.Equal(("local control", (string?)null), Read(measure, description));
    }

    /// <summary>
    /// "at week 24" is the same time point as "at 24 weeks": a PFS rate "alive and
    /// progression-free at week 24" is the 24-week PFS rate (the guide's "PFS rate at 48 weeks"
    /// kind). Right: 24 weeks. .181 WRONG (misses it: its regex reads only "at N weeks").
    /// </summary>
    [Theory]
    [InlineData("Progression-free survival rate", "Proportion of patients alive and progression-free at week 24.", "24 weeks")]
    [InlineData("Local control rate", "Proportion of treated lesions without local progression at month 12.", "12 months")]
    public void A_rate_at_week_or_month_N_is_its_landmark(string measure, string description, string landmark)
    {
        Assert.Equal(landmark, Read(measure, description).Landmark);
    }

    /// <summary>
    /// NCT05145647 (set 143) "To estimate the local control rate at primary tumor site":
    /// "EGD-endoscope (± biopsy) will be arranged at Month 3, 6, 9, 12 and CT scans on Month 6,
    /// 12": an assessment schedule (annotator: no landmark). Right: none. .181 right; the guard
    /// of reading "at month N": the first of a list is not a time point.
    /// </summary>
    [Fact]
    public void A_schedule_at_month_3_6_9_12_is_no_landmark()
    {
        Assert.Null(Read("To estimate the local control rate at primary tumor site",
            "Enrolled subject will be followed every 3 months after treatment, EGD-endoscope (± biopsy) will be arranged at Month 3, 6, 9, 12 and CT scans on Month 6, 12, to evaluate the tumor status.").Landmark);
    }

    /// <summary>
    /// "tumour assessment by CT at 8-week intervals" is how often scans are done, not a time
    /// point of the PFS rate. Right: none. .181 WRONG (8 weeks).
    /// </summary>
    [Fact]
    public void Scans_at_week_intervals_are_no_landmark()
    {
        Assert.Null(Read("Progression-free survival rate", "PFS is measured from randomisation to progression or death, with tumour assessment by CT at 8-week intervals.").Landmark);
    }

    /// <summary>
    /// "at 6 months and 12 months" gives two time points (the rule's own doc: "Not a description
    /// that gives several"), written with "at" once. Right: none. .181 WRONG (6 months: it counts
    /// "at" matches, and the second time point has no "at").
    /// </summary>
    [Fact]
    public void Two_time_points_after_one_at_are_no_landmark()
    {
        Assert.Null(Read("Local control rate", "Local control of the treated lesion, assessed by MRI at 6 months and 12 months after SBRT.").Landmark);
    }

    /// <summary>
    /// NCT03775265's bladder-intact EFS, registered as a rate: "Events: recurrence or residual
    /// muscle-invasive bladder cancer at 18 weeks or later, ...": the time from which residual
    /// disease counts as an event, not a time point of the rate (the annotator left it blank).
    /// Right: none. .181 WRONG (18 weeks).
    /// </summary>
    [Fact]
    public void A_time_from_which_an_event_counts_is_no_landmark()
    {
        Assert.Equal(("DFS/RFS", (string?)null), Read("Bladder intact event-free survival (BI-EFS) rate",
            "Events: recurrence or residual muscle-invasive bladder cancer at 18 weeks or later, clinical evidence of nodal or metastatic disease, radical cystectomy, or death due to any cause."));
    }

    /// <summary>
    /// "MRI at 3 months after SRS and then every 3 months" is a follow-up schedule whose first
    /// visit only is written with "at": the rate has no stated time point (as NCT00740753's "2
    /// weeks, 1 month and then every 3 months" was labelled). Right: none. .181 WRONG (3 months).
    /// </summary>
    [Fact]
    public void The_first_visit_of_a_schedule_is_no_landmark()
    {
        Assert.Null(Read("Local control rate", "Local control is assessed with brain MRI at 3 months after SRS and then every 3 months thereafter.").Landmark);
    }

    /// <summary>
    /// A safety rate's time point is when it is assessed (the guide). Right: safety, none.
    /// .181 right (safety is outside the rule).
    /// </summary>
    [Fact]
    public void A_safety_rates_time_point_is_no_landmark()
    {
        Assert.Equal(("safety", (string?)null), Read("Rate of grade 3 or higher radiation pneumonitis", "Incidence of grade 3 or higher radiation pneumonitis (CTCAE v5.0) at 6 months after radiotherapy."));
    }

    /// <summary>
    /// NCT05624918 (set 155) "Two-year (2-Y) OS will be calculated as the percentage of patients
    /// who remain alive at the 2 year mark from the registration date", registered as an OS rate
    /// with no time point in its measure: the 2-year OS rate. Right: 24 months. .181 WRONG
    /// (misses it: "at the 2 year" has an article).
    /// </summary>
    [Fact]
    public void A_rate_at_the_N_year_mark_is_its_landmark()
    {
        Assert.Equal(("OS", "24 months"), Read("Overall survival rate", "OS will be calculated as the percentage of patients who remain alive at the 2 year mark from the registration date."));
    }

    /// <summary>
    /// The time at which follow-up starts, not a time point of the rate: "measured from the start
    /// of adjuvant treatment at 6 weeks after surgery". Right: none. .181 WRONG (6 weeks); put right
    /// by reading no time point within a clause's 40 characters after "start", "begin" or "commence".
    /// </summary>
    [Fact]
    public void The_time_follow_up_starts_is_no_landmark()
    {
        Assert.Null(Read("Disease-free survival rate", "Percentage of patients free of recurrence or death, measured from the start of adjuvant treatment at 6 weeks after surgery.").Landmark);
    }
}
