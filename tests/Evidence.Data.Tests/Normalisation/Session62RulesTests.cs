using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Vocabulary .183 (issue 10): misses read on a random half of the label sets .181's round had
/// not read (Labels/tuning-split-183.txt; the other half scored only before and after). Each case
/// is a record's own words; each guard is what the rule must leave alone.
/// </summary>
public class Session62RulesTests
{
    /// <summary>NCT06392906's summary (set 59): external beam is the only kind of RT it names.</summary>
    private const string OrbitalSummary =
        "In addition, external beam radiation therapy (ERT) is an another treatment option in combination with IVMP. "
        + "This study will test the efficacy of a shortened treatment regimen comprising 5 sessions of ERT to a standard protocol of 10 treatments.";

    /// <summary>
    /// NCT06392906 (set 59): two RT interventions of no kind and no arms listed, "Short course
    /// radiation therapy" and "Standard course radiation therapy", in a record that names only
    /// external beam: each is external beam (both annotators; guide rule 11). With no arms to tell
    /// them apart no sentence's kind was given to either, though external beam, the only kind the
    /// record names, is both.
    /// </summary>
    [Fact]
    public void Several_RT_of_no_kind_and_no_arms_are_the_only_external_beam_the_record_names()
    {
        var study = Normalise(Trial("Orbital Radiotherapy in Grave's Ophthalmopathy 1 Week vs 2 Weeks", OrbitalSummary,
            [Intervention("RADIATION", "Short course radiation therapy"), Intervention("RADIATION", "Standard course radiation therapy")]));

        Assert.All(study.Interventions, i => Assert.Equal("EBRT", Kinds(i)));
    }

    /// <summary>
    /// Where the record names another kind anywhere, several RT of no kind that no arm tells apart
    /// may be either: none is given a kind.
    /// </summary>
    [Theory]
    [InlineData("Patients may receive a brachytherapy boost.")]
    [InlineData("One of the two courses is stereotactic body radiotherapy.")]
    public void Several_RT_of_no_kind_take_no_kind_where_the_record_names_another(string sentence)
    {
        var study = Normalise(Trial("Orbital Radiotherapy in Grave's Ophthalmopathy 1 Week vs 2 Weeks", OrbitalSummary + " " + sentence,
            [Intervention("RADIATION", "Short course radiation therapy"), Intervention("RADIATION", "Standard course radiation therapy")]));

        Assert.All(study.Interventions, i => Assert.Equal("RT, unspecified", Kinds(i)));
    }

    /// <summary>
    /// NCT05833672 (set 163), a record of no intervention and no arm: its detailed description
    /// opens "The trial is designed as ... phase II study ... to determine the efficacy of
    /// immunotherapy using tislelizumab in the neoadjuvant setting", a sentence of this trial
    /// (both annotators: ICI, tislelizumab, PD-1).
    /// </summary>
    [Theory]
    [InlineData("The trial is designed as an investigator-initiated, single center, prospective, single arm phase II study in patients with locally advanced colon cancers scheduled for intended curative surgery to determine the efficacy of immunotherapy using tislelizumab in the neoadjuvant setting.")]
    [InlineData("The study will determine the efficacy of neoadjuvant tislelizumab before colonic resection.")]
    public void A_description_opening_with_what_the_trial_is_says_what_it_gives(string description)
    {
        var study = Normalise(Described(Trial("Neoadjuvant Immunotherapy in Locally Advanced Colon Cancers",
            "The aim of this study is to evaluate the safety and efficacy of neoadjuvant immunotherapy combined with chemotherapy before colonic resection in patients with locally advanced colon cancers", []),
            description));

        Assert.Equal("tislelizumab + PD-1", IciOf(study));
    }

    /// <summary>"The trial" reported in the past is another, earlier one: what it gave is not this trial's.</summary>
    [Theory]
    [InlineData("The trial demonstrated that tislelizumab improved the response of colon cancers.")]
    [InlineData("The study was the first to show the efficacy of tislelizumab in colon cancers.")]
    public void The_trial_reported_in_the_past_is_another(string description)
    {
        var study = Normalise(Described(Trial("Neoadjuvant Therapy in Locally Advanced Colon Cancers",
            "The aim of this study is to evaluate the safety of neoadjuvant therapy before colonic resection in patients with locally advanced colon cancers", []),
            description));

        Assert.Equal("", IciOf(study));
    }

    /// <summary>
    /// NCT04505267 (set 144): the one RT, "Radiation Therapy", whose detailed description's
    /// objective is "To assess the safety of 45 Gy in 15 fractions in patients with inoperable,
    /// locoregional recurrent NSCLC, previously treated with definitive radiation therapy": 3 Gy a
    /// fraction, hypofractionated RT (both annotators). The sentence's one RT word is the earlier
    /// course, so it was not read as giving RT, and its dose was not the trial's.
    /// </summary>
    [Fact]
    public void An_objective_of_a_schedule_gives_the_sole_RT_its_dose()
    {
        var study = Normalise(Described(Trial("NBTXR3 and Radiation Therapy for the Treatment of Inoperable Recurrent Non-small Cell Lung Cancer", null,
                [Intervention("DRUG", "Hafnium Oxide-containing Nanoparticles NBTXR3"), Intervention("RADIATION", "Radiation Therapy")]),
            "PRIMARY OBJECTIVE: I. To assess the safety of 45 Gy in 15 fractions in patients with inoperable, locoregional recurrent NSCLC, previously treated with definitive radiation therapy."));

        Assert.Equal("Hypofractionated RT", Kinds(study.Interventions[1]));
    }

    /// <summary>
    /// Not a dose that words of another course or another time come before: the earlier course's
    /// dose, or the usual one ("standard") the trial compares with.
    /// </summary>
    [Theory]
    [InlineData("To assess the safety of NBTXR3 after prior 45 Gy in 15 fractions.")]
    [InlineData("To assess the outcome of patients who had received 45 Gy in 15 fractions.")]
    [InlineData("To assess the safety of standard 45 Gy in 15 fractions in older patients.")]
    public void An_objective_of_another_course_gives_no_dose(string objective)
    {
        var study = Normalise(Described(Trial("NBTXR3 and Radiation Therapy for the Treatment of Recurrent Non-small Cell Lung Cancer", null,
                [Intervention("DRUG", "Hafnium Oxide-containing Nanoparticles NBTXR3"), Intervention("RADIATION", "Radiation Therapy")]),
            objective));

        Assert.Equal("RT, unspecified", Kinds(study.Interventions[1]));
    }

    /// <summary>
    /// NCT05478876 (set 154): "progression free survival", described "estimate 2-year PFS in
    /// patients diagnosed with mucosal melanoma ...": the 2-year rate (both annotators), as "the
    /// 2-year progression-free survival" in words is. The abbreviation is read in capitals only,
    /// and not a time that is no survival's ("followed for 2 years. PFS is ...", "every 3 months").
    /// </summary>
    [Theory]
    [InlineData("estimate 2-year PFS in patients diagnosed with mucosal melanoma of the lower genital tract, treated with carbon ion radiation therapy.", "24 months")]
    [InlineData("The 1-year DMFS of the cohort.", "12 months")]
    [InlineData("Patients will be followed for 2 years. PFS is defined as the time from enrolment to progression or death.", null)]
    [InlineData("PFS assessed by imaging every 3 months.", null)]
    public void A_described_survival_abbreviation_at_a_time_point_is_a_landmark(string description, string? months)
    {
        Assert.Equal(months, Normalise(WithOutcome("progression free survival", description)).Outcomes[0].Landmark);
    }

    /// <summary>
    /// KEYNOTE-630 (NCT03833167, set 38), a record of no intervention: "Pembrolizumab (MK-3475)
    /// Versus Placebo Following Surgery and Radiation in Participants With Locally Advanced
    /// Cutaneous Squamous Cell Carcinoma": patients enter after surgery and RT, as in PACIFIC; the
    /// trial gives pembrolizumab and no RT (both annotators). A placebo compared with an ICI the
    /// RT comes with, or an ICI with no placebo in a record of interventions, is read as before.
    /// </summary>
    [Theory]
    [InlineData("Pembrolizumab (MK-3475) Versus Placebo Following Surgery and Radiation in Participants With Locally Advanced Cutaneous Squamous Cell Carcinoma", "")]
    [InlineData("Pembrolizumab Versus Placebo With Concurrent Radiation in Participants With Locally Advanced Cutaneous Squamous Cell Carcinoma", "RT, unspecified")]
    public void A_titled_ICI_against_placebo_after_RT_gives_no_RT(string title, string kinds)
    {
        var study = Normalise(Trial(title, null, []));

        Assert.Equal(kinds, TrialKinds(study));
        Assert.Equal("pembrolizumab + PD-1", IciOf(study));
    }

    /// <summary>
    /// NCT04710628 (set 151), a record of no intervention: pembrolizumab and lenvatinib "in
    /// pre-treated thymic carcinoma patients ... not amenable to curative-intent radical surgery
    /// and/or radiotherapy": RT the patients are not fit for, not given (both annotators: no RT).
    /// The words before a list longer than four were not read; a list the trial gives is.
    /// </summary>
    [Theory]
    [InlineData("in pre-treated thymic carcinoma patients not amenable to curative-intent radical surgery and/or radiotherapy, regardless of PD-L1 status.", "")]
    [InlineData("in patients who are not candidates for surgery or radiotherapy.", "")]
    [InlineData("in patients ineligible for curative surgery, ablation or radiation therapy.", "")]
    [InlineData("in patients unsuitable for radical surgery and who will receive radiotherapy.", "RT, unspecified")]
    [InlineData("with stereotactic radiotherapy in patients unfit for surgery.", "SBRT")]
    public void RT_in_a_list_patients_are_not_fit_for_is_not_given(string patients, string kinds)
    {
        var study = Normalise(Trial("Pembrolizumab and Lenvatinib in Thymic Carcinoma",
            "This is a single arm phase II study to evaluate the efficacy and safety of the combination of pembrolizumab and lenvatinib " + patients, []));

        Assert.Equal(kinds, TrialKinds(study));
        Assert.Equal("pembrolizumab + PD-1", IciOf(study));
    }
}
