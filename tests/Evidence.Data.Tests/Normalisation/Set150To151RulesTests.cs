using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 150 and 151's findings (issue 10, vocabulary .162): radioiodine written "RAI" or "I131",
/// radiopharmaceuticals by brand name, a scan "before beginning radiotherapy", and drug companies
/// whose names have no word of an organisation.
/// </summary>
public class Set150To151RulesTests
{
    /// <summary>
    /// NCT04290663 (set 151): "Systematic RAI-treatment" ("3.7 GBq (100 mCi) ... of I131") is
    /// radioiodine, RT of no kind (guide rule 10), as both annotators labelled it; "RAI" is
    /// matched in capitals only, so chronic lymphocytic leukaemia's "Rai stage" is no RT.
    /// </summary>
    [Theory]
    [InlineData("Systematic RAI-treatment", null, "RT, unspecified")]
    [InlineData("Adjuvant I131", null, "RT, unspecified")]
    [InlineData("Rai stage assessment", null, "")]
    public void Radioiodine_is_rt_of_no_kind(string name, string? description, string kinds)
    {
        Assert.Equal(kinds, Kinds(OnlyIntervention(Intervention("DRUG", name, description))));
    }

    /// <summary>
    /// NCT04082520 (set 151): no intervention; "Lutathera for the Treatment of Inoperable,
    /// Progressive Meningioma After External Beam Radiation Therapy": the trial gives Lutathera
    /// (a radioligand, RT of no kind); the EBRT is what came before.
    /// </summary>
    [Theory]
    [InlineData("Lutathera for the Treatment of Inoperable, Progressive Meningioma After External Beam Radiation Therapy", "RT, unspecified")]
    [InlineData("Pluvicto in Metastatic Castration-Resistant Prostate Cancer", "RT, unspecified")]
    [InlineData("Samarium-153 for Painful Bone Metastases", "RT, unspecified")]
    [InlineData("Meningioma After External Beam Radiation Therapy: an Observational Registry", "")]
    public void A_radiopharmaceutical_by_brand_name_is_rt(string title, string kinds)
    {
        var study = Normalise(WithPurpose(Trial(title, null, []), "TREATMENT"));

        Assert.Equal(kinds, TrialKinds(study));
    }

    /// <summary>
    /// NCT02976883 (set 150): a diagnostic hypoxia PET "before beginning radiotherapy treatment"
    /// times the scan by the RT; the trial gives no RT, as both annotators read it. A course that
    /// patients receive is still given.
    /// </summary>
    [Theory]
    [InlineData("Each participant will undergo a diagnostic [18F]HX4 PET/CT scan before beginning radiotherapy treatment.", "")]
    [InlineData("Each participant will undergo a diagnostic PET/CT scan prior to starting radiotherapy.", "")]
    [InlineData("Each participant will receive radiotherapy after a diagnostic PET/CT scan.", "RT, unspecified")]
    public void A_scan_before_beginning_rt_gives_no_rt(string summary, string kinds)
    {
        var study = Normalise(Trial("[18F]HX4 PET/CT Imaging for Detection of Hypoxia", summary, [Intervention("OTHER", "[18F]HX4 diagnostic PET/CT scan")]));

        Assert.Equal(kinds, TrialKinds(study));
    }

    /// <summary>
    /// "Hoffmann-La Roche" and "Bristol-Myers Squibb" as sponsors of no class (rebuilt records
    /// of sets 37 to 151 often lack it): companies, not persons, as every annotator had them; a
    /// name of two words with no company's or organisation's word is still a person.
    /// </summary>
    [Theory]
    [InlineData("Hoffmann-La Roche", "Hoffmann-La Roche")]
    [InlineData("Bristol-Myers Squibb", "Bristol-Myers Squibb")]
    [InlineData("Boehringer Ingelheim", "Boehringer Ingelheim")]
    [InlineData("Mian Xi", "the sponsor, Mian Xi, is a person; the record names no institution")]
    public void A_drug_company_is_no_person(string sponsor, string institution)
    {
        Assert.Equal(institution, Normalise(Sponsored(sponsor, null, null)).Summary.Institution);
    }
}
