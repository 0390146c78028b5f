using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 64's findings (issue 10): an EBRT abbreviation after a phrase of another kind, and a class
/// word beside a placebo and named drugs; and set 65's, a schedule word before two techniques and
/// a title that names the trial's RT as external beam, and a description that gives chemotherapy
/// and an antibody of no name.
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

    /// <summary>Set 65 (NCT03987386): the official title says the RT of no kind is external beam.</summary>
    [Theory]
    [InlineData("Post Operative External Beam Radiotherapy for Prostate Cancer: Randomized Trial Comparing Standard vs. Hypofractionated Radiation Therapy", "EBRT")]
    [InlineData("IMRT After Prostatectomy: Standard vs. Hypofractionated Schedules", "EBRT")] // a technique alone is EBRT (guide rule 2)
    [InlineData("Stereotactic Radiosurgery Versus External Beam Radiotherapy", "RT, unspecified")] // the title compares kinds
    [InlineData("Hypofractionated Radiotherapy in Men Previously Treated With External Beam Radiotherapy", "RT, unspecified")] // prior therapy
    [InlineData("Standard vs. Hypofractionated Radiation Therapy for Prostate Cancer", "RT, unspecified")] // a schedule names no kind
    public void A_title_that_names_external_beam_gives_the_kind_of_rt_of_no_kind(string officialTitle, string modality)
    {
        var protocol = WithArms([Intervention("RADIATION", "Hypofractionated Radiation Therapy"), Intervention("RADIATION", "Radiation Therapy")]);
        protocol["identificationModule"] = new System.Text.Json.Nodes.JsonObject { ["nctId"] = "NCT00000001", ["briefTitle"] = "Radiation Therapy in Treating Patients With Prostate Cancer", ["officialTitle"] = officialTitle };

        var study = Normalise(protocol);

        Assert.Equal(["Hypofractionated RT"], study.Interventions[0].RtModalities);
        Assert.Equal([modality], study.Interventions[1].RtModalities);
    }

    /// <summary>Set 65 (NCT03977272): a name of no drug whose description gives chemotherapy and an unnamed anti-PD-1 antibody.</summary>
    [Fact]
    public void A_description_that_gives_drugs_gives_its_class_words_too()
    {
        var terms = OnlyIntervention(Intervention("DRUG", "Combination drug", "Accompanying with modified-FOLFIRINOX, Anti-PD-1 antibody was applied biweekly"));

        Assert.Equal(["ICI", "chemotherapy"], terms.AgentClasses.Order(StringComparer.Ordinal));
        Assert.Equal(["PD-1"], terms.Targets);
    }

    [Theory]
    [InlineData("Chemotherapy", "Gemcitabine and cisplatin; patients in the other arm also receive an anti-PD-1 antibody")] // the name says which class
    [InlineData("Combination drug", "Gemcitabine and cisplatin, without anti-PD-1 antibody")] // absent
    [InlineData("Combination drug", "Gemcitabine and cisplatin in patients who progressed on anti-PD-1 antibody")] // prior therapy
    public void A_description_s_class_word_that_is_not_what_the_intervention_gives_is_not_taken(string name, string description)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name, description));

        Assert.Equal(["chemotherapy"], terms.AgentClasses);
        Assert.Empty(terms.Targets);
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
