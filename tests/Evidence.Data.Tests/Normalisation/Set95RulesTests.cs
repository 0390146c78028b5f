using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 95's finding (issue 10): what a trial evaluates "the addition of" is given.</summary>
public class Set95RulesTests
{
    /// <summary>NCT03973008: "This study evaluates the addition of adjuvant chemoradiotherapy to adjuvant chemotherapy ...", with one arm of no description.</summary>
    [Theory]
    [InlineData("This study evaluates the addition of adjuvant chemoradiotherapy to adjuvant chemotherapy in proximal gastric adenocarcinoma.", "RT, unspecified")]
    [InlineData("Previous studies showed that the addition of radiotherapy to chemotherapy improved survival.", null)] // others' findings
    public void What_a_trial_evaluates_the_addition_of_is_given(string summary, string? modality)
    {
        // The record's title and arm ("Adjuvant CT+CRT") name the chemoradiotherapy too since .165
        // (Set154To155RulesTests); here they do not, so the summary alone decides.
        var protocol = Trial("Adjuvant Therapy After D2 Resection for Gastric Adenocarcinoma", summary, [], Arm("Experimental arm", null));

        Assert.Equal(modality, Normalise(WithPurpose(protocol, "TREATMENT")).FreeText?.RtModality);
    }
}
