using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 102 and 103's findings (issue 10): radiosurgery named by what it does, tirapazamine, a
/// total dose the free text schedules, and sponsors of no class that are organisations.
/// </summary>
public class Set102And103RulesTests
{
    /// <summary>NCT02095600, NCT02433886, NCT04117035: radiosurgery for tremor, OCD and trigeminal neuralgia.</summary>
    [Theory]
    [InlineData("Radiosurgical thalamotomy", "SBRT")]
    [InlineData("Gamma Ventral Capsulotomy", "SBRT")]
    [InlineData("GKRS standard care", "SBRT")]
    [InlineData("Gamma probe-guided biopsy", null)] // a gamma probe is no Gamma Knife
    [InlineData("Radiofrequency thalamotomy", null)]
    public void Radiosurgery_named_by_what_it_does_is_sbrt(string name, string? modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    /// <summary>NCT00262821 (GOG-0219): cisplatin and RT with or without tirapazamine.</summary>
    [Theory]
    [InlineData("tirapazamine", "tirapazamine")]
    [InlineData("SR 4233", "tirapazamine")]
    public void Tirapazamine_is_a_chemotherapy_agent(string name, string agent)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name));

        Assert.Equal([agent], terms.Agents);
        Assert.Equal(["chemotherapy"], terms.AgentClasses);
    }

    private const string DoseLevels =
        "Participants will receive a total radiation dose of 46 Gy in 10 fractions (Dose Level 1), 40 Gy in 7 fractions (Dose Level 2), or 35 Gy in 5 fractions (Dose Level 3).";

    /// <summary>NCT05538533: "46 Gy Radiation Therapy", "40 Gy ...", "35 Gy ..." whose fractions only the detailed description gives.</summary>
    [Theory]
    [InlineData(DoseLevels, "Hypofractionated RT")]
    [InlineData("Participants will receive 46 Gy in 23 fractions, 40 Gy in 20 fractions or 35 Gy in 17 fractions.", "RT, unspecified")] // 2 Gy fractions
    [InlineData("Participants will receive 46 Gy in 10 or in 23 fractions.", "RT, unspecified")] // two schedules of one total: not guessed
    public void A_total_dose_takes_the_schedule_the_free_text_gives_it(string description, string modality)
    {
        var study = Normalise(Described(Trial("Condensed Preoperative Radiation for Head and Neck Cancer", null,
            [Intervention("RADIATION", "46 Gy Radiation Therapy"), Intervention("RADIATION", "40 Gy Radiation Therapy"), Intervention("RADIATION", "35 Gy Radiation Therapy")]), description));

        Assert.Equal(modality, study.Interventions[0].RtModality);
    }

    /// <summary>
    /// Sponsors of no class (NCT02409342, NCT01578239, NCT04881487, NCT04083365, NCT00936052) that
    /// are organisations: the sponsor is the responsible party, or the name says what it is.
    /// </summary>
    [Theory]
    [InlineData("Hoffmann-La Roche", null, "SPONSOR", "Hoffmann-La Roche")]
    [InlineData("Advanced Accelerator Applications", null, "SPONSOR", "Advanced Accelerator Applications")]
    [InlineData("UMC Utrecht", null, null, "UMC Utrecht")]
    [InlineData("AUSL Romagna Rimini", null, null, "AUSL Romagna Rimini")]
    [InlineData("Neurological Surgery, P.C.", "OTHER", null, "Neurological Surgery, P.C.")]
    public void A_sponsor_of_no_class_that_is_an_organisation_is_the_institution(string sponsor, string? sponsorClass, string? party, string? institution)
    {
        Assert.Equal(institution, Normalise(Sponsored(sponsor, sponsorClass, party)).Summary.Institution);
    }

    /// <summary>
    /// A person stays a person: one with a degree, of class INDIV, or who is responsible as
    /// sponsor-investigator (as the nine person sponsors with a responsible party in ../shared and
    /// the label sets are; none is responsible as "Sponsor"), or with no responsible party ("Mian XI").
    /// </summary>
    [Theory]
    [InlineData("Wei Zhang, MD", null, "SPONSOR")]
    [InlineData("Wei Zhang", "INDIV", "SPONSOR")]
    [InlineData("Wei Zhang", null, "SPONSOR_INVESTIGATOR")]
    [InlineData("Mian XI", null, null)]
    public void A_person_sponsor_is_never_the_institution(string sponsor, string? sponsorClass, string? party)
    {
        var institution = Normalise(Sponsored(sponsor, sponsorClass, party)).Summary.Institution;

        Assert.Equal($"the sponsor, {sponsor}, is a person; the record names no institution", institution);
    }
}
