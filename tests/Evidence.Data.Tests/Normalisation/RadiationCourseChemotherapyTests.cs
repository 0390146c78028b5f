using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 60's finding (issue 10, NCT04448522): a radiation intervention whose description gives
/// the chemotherapy of its course, in a record with no intervention of its own for the drugs.
/// The annotators of sets 7, 19, 44 and 60 list those drugs as the intervention's agents, as the
/// labelling guide does for a chemoradiotherapy's.
/// </summary>
public class RadiationCourseChemotherapyTests
{
    private const string InductionAndConcurrent =
        "1. Gemcitabine plus cisplatin induction chemotherapy: gemcitabine is injected intravenously at the dose of 1000 mg/m2 on the 1st and 8th day for 3 cycles; "
        + "cisplatin is injected intravenously at the dose of 80 mg/m2 on the 1st day, for 3 cycles.~2. Concurrent cisplatin chemotherapy: cisplatin is given at a dose "
        + "of 100 mg/m2 during radiotherapy.~3. IMRT: PTVnx:63.6Gy/30Fr/2.12Gy";

    [Theory]
    [InlineData("50.4Gy radiation with concurrent capecitabine.", new[] { "capecitabine" })]
    [InlineData("capecitabine-based long-term radiotherapy (50.4Gy radiation)", new[] { "capecitabine" })]
    [InlineData("52.5Gy, 3.5 Gy/ fraction, 15 fractions, with concurrent and sequential temozolomide", new[] { "temozolomide" })]
    [InlineData(InductionAndConcurrent, new[] { "cisplatin", "gemcitabine" })]
    public void A_radiation_intervention_gives_the_chemotherapy_its_description_gives_with_the_course(string description, string[] agents)
    {
        var study = Normalise(WithArms([Intervention("RADIATION", "reduced dosage IMRT", description), Intervention("RADIATION", "conventional dosage IMRT", description)]));

        foreach (var terms in study.Interventions)
        {
            Assert.Equal(agents, terms.Agents.Order());
            Assert.Equal([Terms.Chemotherapy], terms.PartnerClasses);
            Assert.Equal("EBRT", terms.RtModality);
        }
    }

    [Theory]
    [InlineData("DRUG", "Temozolomide")] // the drug is an intervention of its own
    [InlineData("DRUG", "Chemotherapy")] // so is the chemotherapy, by class
    [InlineData("DRUG", "Concurrent chemotherapy (capecitabine or cisplatin)")]
    public void Drugs_the_record_lists_as_interventions_of_their_own_are_not_the_radiation_s(string type, string name)
    {
        var study = Normalise(WithArms([
            Intervention("RADIATION", "Radiotherapy", "60Gy given in 30 2Gy fractions concomitant to temozolomide"),
            Intervention(type, name)]));

        Assert.Empty(study.Interventions[0].Agents);
        Assert.Empty(study.Interventions[0].PartnerClasses);
    }

    [Theory]
    [InlineData("Palliative radiotherapy, 30 Gy in 10 fractions, for patients previously treated with cisplatin")]
    [InlineData("IMRT 70 Gy in 35 fractions without concurrent cisplatin")]
    [InlineData("IMRT 70 Gy in 35 fractions; patients unsuitable for cisplatin")]
    public void Chemotherapy_named_as_prior_absent_or_excluded_is_not_given(string description)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", "IMRT", description));

        Assert.Empty(terms.Agents);
    }

    [Fact]
    public void Another_arm_s_chemoradiation_does_not_take_the_drugs_away()
    {
        var study = Normalise(WithArms([
            Intervention("RADIATION", "SABR boost and de-escalated chemoradiation", "Stereotactic body radiotherapy boost of 14 Gy in 2 fractions, followed by cisplatin-based chemoradiation to 40 Gy in 20 fractions"),
            Intervention("RADIATION", "Standard chemoradiation", "Standard Cisplatin-based chemoradiation to a dose of 70 Gy in 33 fractions")]));

        Assert.All(study.Interventions, terms => Assert.Equal(["cisplatin"], terms.Agents));
    }

    [Fact]
    public void A_drug_intervention_s_description_is_still_read_its_own_way()
    {
        // The rule is the radiation's: a drug intervention that names its drug keeps only that one.
        var study = Normalise(WithArms([
            Intervention("DRUG", "Durvalumab", "1500 mg every 4 weeks, after concurrent chemoradiotherapy with cisplatin"),
            Intervention("RADIATION", "Thoracic radiotherapy", "60 Gy in 30 fractions")]));

        Assert.Equal(["durvalumab"], study.Interventions[0].Agents);
        Assert.Empty(study.Interventions[1].Agents);
    }
}
