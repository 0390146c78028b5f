using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 132-133's findings (issue 10, vocabulary .140): megavoltage RT, an old record's outcome
/// wordings, a feasibility defined as the toxicity it counts, and "in combination or not with".
/// </summary>
public class Set132To133RulesTests
{
    /// <summary>NCT00898352 (set 132): "Megavoltage (1 MeV or greater)" to the groin and pelvic nodes is external beam for both annotators.</summary>
    [Fact]
    public void Megavoltage_rt_is_ebrt()
    {
        Assert.Equal(Terms.Ebrt, Kinds(OnlyIntervention(Intervention("RADIATION", "radiation therapy", "Megavoltage (1 MeV or greater) to bilateral groin and pelvic nodes"))));
    }

    [Theory]
    [InlineData("Megavoltage CT")]
    [InlineData("Megavoltage computed tomography for position verification")]
    public void Megavoltage_imaging_is_no_rt(string name)
    {
        Assert.Equal("", Kinds(OnlyIntervention(Intervention("DIAGNOSTIC_TEST", name))));
    }

    /// <summary>NCT00898352's outcomes as both annotators of set 132 classed them.</summary>
    [Theory]
    [InlineData("Recurrence rate", "DFS/RFS")]
    [InlineData("Time to recurrence", "DFS/RFS")]
    [InlineData("Survival time", "OS")]
    [InlineData("Morbidity of treatment", "safety")]
    // A recurrence of the tumour at its site is local control, as "local recurrence" already was.
    [InlineData("Local recurrence rate", "local control")]
    [InlineData("Locoregional recurrence rate at 3 years", "local control")]
    // A survival of its own kind keeps it.
    [InlineData("Progression-free survival time", "PFS")]
    [InlineData("Disease-free survival time", "DFS/RFS")]
    public void An_old_records_outcome_wordings_name_their_class(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithConditions(WithOutcome(measure), "Vulvar Cancer")).Outcomes[0].EndpointClass);
    }

    [Theory]
    // ChiCTR2000030865 (ICTRP set 3): of mothers and newborns, not of a treatment.
    [InlineData("Maternal and neonatal morbidity", "Pregnancy")]
    // ChiCTR2000030328 (ICTRP set 2): a recurrence of a disease that is no tumour.
    [InlineData("Recurrence rate", "Recurrent Urinary Tract Infection")]
    public void Morbidity_and_recurrence_of_no_treatment_or_tumour_are_other(string measure, string condition)
    {
        Assert.Equal(Terms.OtherEndpoint, Normalise(WithConditions(WithOutcome(measure), condition)).Outcomes[0].EndpointClass);
    }

    /// <summary>NCT01716949 (set 133): both annotators classed the feasibility that counts dose-limiting toxicity as safety.</summary>
    [Theory]
    [InlineData("Feasibility rate (i.e. rate of patients not experiencing dose-limiting toxicity [DLT])", "safety")]
    [InlineData("Feasibility, defined as the rate of grade 3 or higher toxicity", "safety")]
    // A feasibility of completing treatment measures no toxicity.
    [InlineData("Feasibility (proportion of patients completing all planned fractions)", "other")]
    public void A_feasibility_defined_as_toxicity_is_safety(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithConditions(WithOutcome(measure), "Rectal Cancer")).Outcomes[0].EndpointClass);
    }

    /// <summary>NCT03519295 (set 132): "mDCF in Combination or Not With Atezolizumab" gives atezolizumab to one arm (both annotators).</summary>
    [Fact]
    public void In_combination_or_not_with_an_ici_gives_it()
    {
        var free = Normalise(Trial("A Study of mDCF in Combination or Not With Atezolizumab in Advanced Squamous Cell Anal Carcinoma", null, [])).FreeText;

        Assert.Equal(["atezolizumab"], free?.Agents ?? []);
    }

    [Fact]
    public void Patients_not_treated_with_an_ici_are_given_none()
    {
        var free = Normalise(Trial("Docetaxel in Patients Not Treated With Atezolizumab for Lung Cancer", null, [])).FreeText;

        Assert.False(free?.GivesIci ?? false);
    }
}
