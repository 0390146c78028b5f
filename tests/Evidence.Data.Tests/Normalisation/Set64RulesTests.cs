using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 64's findings (issue 10): an EBRT abbreviation after a phrase of another kind, and a class
/// word beside a placebo and named drugs; and set 65's, a schedule word before two techniques.
/// </summary>
public class Set64RulesTests
{
    [Theory]
    [InlineData("Hypofractionated Image guided External Beam Radiation Therapy (EBRT)", new[] { "Hypofractionated RT" })]
    [InlineData("Stereotactic Body Radiation Therapy (SBRT)", new[] { "SBRT" })]
    [InlineData("Radiotherapy (IMRT)", new[] { "EBRT" })] // the bracket names the kind of RT of no kind
    [InlineData("SBRT followed by pelvic RT (IMRT)", new[] { "SBRT", "EBRT" })] // a course of its own
    public void An_ebrt_abbreviation_after_a_phrase_of_another_kind_is_that_phrase(string name, string[] modalities)
    {
        Assert.Equal(modalities, OnlyIntervention(Intervention("RADIATION", name)).RtModalities);
    }

    /// <summary>Set 65 (NCT00331773): one schedule word before two techniques, joined as alternatives.</summary>
    [Theory]
    [InlineData("Hypofractionated 3D-CRT or IMRT", new[] { "Hypofractionated RT" })]
    [InlineData("Hypofractionated IMRT/VMAT", new[] { "Hypofractionated RT" })]
    [InlineData("Conventional 3D-CRT or IMRT", new[] { "EBRT" })]
    [InlineData("Hypofractionated IMRT followed by brachytherapy", new[] { "Brachytherapy", "Hypofractionated RT" })] // a course of another kind stays
    public void A_schedule_word_before_alternative_techniques_qualifies_both(string name, string[] modalities)
    {
        Assert.Equal(modalities, OnlyIntervention(Intervention("RADIATION", name)).RtModalities.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_class_word_beside_a_placebo_and_a_drug_is_given()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "placebo + avastin + platinum-based chemotherapy"));

        Assert.Equal(["bevacizumab"], terms.Agents);
        Assert.Equal(["anti-VEGF", "chemotherapy"], terms.PartnerClasses.Order(StringComparer.Ordinal));
        Assert.Equal(["anti-VEGF", "chemotherapy"], terms.AgentClasses.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Bevacizumab + placebo for chemotherapy")]
    [InlineData("Bevacizumab without chemotherapy")]
    public void A_class_word_a_placebo_stands_for_or_named_absent_is_not_given(string name)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name));

        Assert.DoesNotContain(Terms.Chemotherapy, terms.PartnerClasses);
    }

    [Fact]
    public void A_class_word_beside_a_named_drug_is_a_class_of_what_the_intervention_gives()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Atezolizumab + avastin + platinum-based chemotherapy"));

        Assert.Equal(["ICI", "anti-VEGF", "chemotherapy"], terms.AgentClasses.Order(StringComparer.Ordinal));
        Assert.Equal(["PD-L1"], terms.Targets);
    }
}
