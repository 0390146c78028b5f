using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Set 79's findings (issue 10): regimens named by their acronyms, a title that opens with the trial's chemoradiation.</summary>
public class Set79RulesTests
{
    /// <summary>NCT06207981: "induction chemotherapy (mDCF)", the modified docetaxel, cisplatin and fluorouracil of the record's summary.</summary>
    [Theory]
    [InlineData("induction chemotherapy (mDCF)", new[] { "cisplatin", "docetaxel", "fluorouracil" })]
    [InlineData("ECX", new[] { "capecitabine", "cisplatin", "epirubicin" })]
    [InlineData("EOX chemotherapy", new[] { "capecitabine", "epirubicin", "oxaliplatin" })]
    [InlineData("R-CHOP", new[] { "cyclophosphamide", "doxorubicin", "vincristine" })] // rituximab is no cytotoxic; prednisone no class (the annotators of sets 13-73)
    [InlineData("BEP", new[] { "bleomycin", "cisplatin", "etoposide" })]
    [InlineData("Enteral nutritional emulsion (TPF-T)", new string[0])] // a nutrition product's code begins with TPF's letters (sets 98-101)
    public void A_regimen_s_acronym_gives_its_drugs(string name, string[] agents)
    {
        Assert.Equal(agents, OnlyIntervention(Intervention("DRUG", name)).Agents.Order(StringComparer.Ordinal));
    }

    /// <summary>NCT02359968: "PReoperative Chemoradiation (Paclitaxel-carboplatin or FOLFOX) for Resectable Esophageal and Junctional Cancer", whose interventions are the two chemotherapies.</summary>
    [Theory]
    [InlineData("PReoperative Chemoradiation (Paclitaxel-carboplatin or FOLFOX) for Resectable Esophageal and Junctional Cancer", "RT, unspecified")]
    [InlineData("Neoadjuvant Chemoradiotherapy With FOLFOX or Paclitaxel-carboplatin in Rectal Cancer", "RT, unspecified")]
    [InlineData("Stereotactic Body Radiotherapy of Oligometastases: FOLFOX or FOLFIRI", null)] // RT alone may be the care the drugs are given during
    [InlineData("Paclitaxel-carboplatin or FOLFOX Before Surgery for Esophageal Cancer After Chemoradiation", null)] // the RT is before the trial
    [InlineData("Radiotherapy Toxicity in Patients on FOLFOX", null)] // studies something of the RT
    public void A_title_that_opens_with_chemoradiation_gives_its_rt_beside_the_drugs(string title, string? modality)
    {
        var study = Normalise(Trial(title, null, [Intervention("DRUG", "FOLFOX"), Intervention("DRUG", "Paclitaxel-carboplatin")]));

        Assert.Equal(modality, study.FreeText?.RtModality);
    }
}
