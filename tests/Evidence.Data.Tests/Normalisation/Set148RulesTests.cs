using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 148's findings (issue 10, vocabulary .159): a record of no intervention says what it gives
/// in "This clinical trial uses ..." and in "The trial is assessing if ...".
/// </summary>
public class Set148RulesTests
{
    /// <summary>
    /// NCT03247712 (set 148): no intervention; its detailed description opens "This clinical
    /// trial uses nivolumab and radiotherapy prior to definitive surgical resection": nivolumab is
    /// given, as both annotators labelled it.
    /// </summary>
    [Theory]
    [InlineData("This clinical trial uses nivolumab and radiotherapy prior to definitive surgical resection of tumors in patients with head and neck cancer.", "nivolumab")]
    [InlineData("This trial uses nivolumab and radiotherapy prior to definitive surgical resection.", "nivolumab")]
    [InlineData("A previous clinical trial used nivolumab before surgery in other patients.", null)]
    public void A_clinical_trial_that_uses_a_drug_gives_it(string description, string? agent)
    {
        var study = Normalise(Described(Trial("Neoadjuvant Immunoradiotherapy in Head & Neck Cancer", "The purpose of this study is to test the safety of neoadjuvant immunoradiotherapy.", []), description));

        Assert.Equal(agent, study.FreeText?.Agents.SingleOrDefault());
    }

    /// <summary>
    /// NCT03288532 (set 148, RAMPART): no intervention; "The trial is assessing if durvalumab
    /// monotherapy or the combination of durvalumab and tremelimumab can improve Disease Free
    /// Survival": both drugs are given, as both annotators labelled them. Not a trial the summary names as another's.
    /// </summary>
    [Theory]
    [InlineData("The trial is assessing if durvalumab monotherapy or the combination of durvalumab and tremelimumab can improve Disease Free Survival (DFS) compared to active monitoring.", "durvalumab; tremelimumab")]
    [InlineData("This study is evaluating whether durvalumab can improve disease-free survival.", "durvalumab")]
    [InlineData("The KEYNOTE-564 trial is assessing if pembrolizumab can improve disease-free survival after nephrectomy.", "")]
    public void A_trial_assessing_if_a_drug_improves_an_outcome_gives_it(string sentence, string agents)
    {
        var study = Normalise(Trial("Renal Adjuvant MultiPle Arm Randomised Trial", "RATIONALE: Active monitoring is the standard of care after nephrectomy. " + sentence, []));

        Assert.Equal(agents, string.Join("; ", (study.FreeText?.Agents ?? []).Order(StringComparer.Ordinal)));
    }
}
