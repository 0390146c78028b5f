using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 141-145's findings (issue 10, vocabularies .151-.156): a radiation intervention named only
/// by the part of the trial it belongs to or by "Proton", a summary that says what will deliver
/// the trial's RT, a device that carries iodine-125 seeds, "RTh" for radiotherapy, the placebo of a
/// drug named with its code, and complication rates as safety.
/// </summary>
public class Set141To145RulesTests
{
    /// <summary>NCT04679454 (set 142): "Phase I" and "Phase II", typed radiation, with no arms; NCT00765570 (set 100): "Treatment Group 1".</summary>
    [Theory]
    [InlineData("RADIATION", "Phase I", "RT, unspecified")]
    [InlineData("RADIATION", "Phase 2", "RT, unspecified")]
    [InlineData("RADIATION", "Treatment Group 1", "RT, unspecified")]
    [InlineData("RADIATION", "Arm B", "RT, unspecified")]
    [InlineData("RADIATION", "Cohort 2a", "RT, unspecified")]
    [InlineData("DRUG", "Phase I", "")]
    [InlineData("RADIATION", "Group education", "")]
    [InlineData("RADIATION", "Phase I dosimetry scan", "")]
    [InlineData("RADIATION", "Arm B: PET scan", "")]
    public void A_radiation_intervention_named_only_by_its_part_of_the_trial_is_rt_of_no_kind(string type, string name, string kinds)
    {
        var protocol = Trial("Single Fraction Preoperative Radiotherapy for Early Stage Breast Cancer", null, [Intervention(type, name)]);

        Assert.Equal(kinds, Kinds(Normalise(protocol).Interventions[0]));
    }

    /// <summary>A part label means RT only where a title names RT, and none names imaging or light.</summary>
    [Theory]
    [InlineData("A Study of Treatment Schedules in Early Breast Cancer")]
    [InlineData("Low-level Laser Therapy and Radiotherapy-induced Oral Mucositis")]
    [InlineData("PET Imaging Before Radiotherapy in Lung Cancer")]
    public void A_part_label_is_no_rt_where_the_titles_name_no_rt_or_name_imaging_or_light(string title)
    {
        var protocol = Trial(title, null, [Intervention("RADIATION", "Phase I")]);

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    /// <summary>In a diagnostic trial a radiation intervention's "Phase I" is imaging, as other names of no RT word are there.</summary>
    [Fact]
    public void A_diagnostic_trials_part_label_is_no_rt()
    {
        var protocol = WithPurpose(WithArms([Intervention("RADIATION", "Phase I")]), "DIAGNOSTIC");

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    /// <summary>
    /// NCT02040493 (set 141): "Intra-operative radiation therapy (IORT)" in a record whose summary
    /// says "The radiation therapy treatments will be administered with electronic brachytherapy":
    /// brachytherapy, as both annotators labelled it.
    /// </summary>
    [Theory]
    [InlineData("The radiation therapy treatments will be administered with electronic brachytherapy using the FDA cleared Xoft Axxent System.", "Brachytherapy")]
    [InlineData("Radiotherapy will be delivered using proton beams.", "Proton")]
    [InlineData("Radiotherapy is delivered using proton beams at a few centres.", "RT, unspecified")]
    [InlineData("Radiotherapy is usually delivered with protons at other centres.", "RT, unspecified")]
    [InlineData("Patients whose radiation therapy was delivered with brachytherapy before are not eligible.", "RT, unspecified")]
    [InlineData("Radiation will be delivered using intensity modulated radiation therapy (IMRT) five days a week.", "RT, unspecified")]
    public void A_summary_that_says_what_delivers_the_trials_rt_gives_its_kind(string summary, string kinds)
    {
        var protocol = Trial("Intra-Operative Radiation Therapy Immediately Following Resection of Early Stage Breast Cancer", summary,
            [Intervention("RADIATION", "Intra-operative radiation therapy (IORT)")]);

        Assert.Equal(kinds, Kinds(Normalise(protocol).Interventions[0]));
    }

    /// <summary>
    /// NCT00826813 (set 143): "Esophageal stent placement", a device described as "a
    /// self-expandable covered esophageal stent and 125I radioactive seeds", the seeds in sheathes
    /// "containing 125I radioactive seeds": iodine-125 seed brachytherapy.
    /// </summary>
    [Theory]
    [InlineData("The esophageal stent combined a self-expandable covered esophageal stent and 125I radioactive seeds. Sheathes were attached to the outer surface of the stent, containing 125I radioactive seeds of CIAE 6711.", "I-125 seed")]
    [InlineData("A biliary stent loaded with iodine-125 seeds.", "I-125 seed")]
    [InlineData("A covered stent without 125I seeds, loaded into the delivery system.", "")]
    [InlineData("Sham stent containing inactive 125I seeds.", "")]
    [InlineData("Stent placement before 125I seed implantation in a later session.", "")]
    public void A_device_that_carries_radioactive_seeds_gives_their_brachytherapy(string description, string kinds)
    {
        Assert.Equal(kinds, Kinds(OnlyIntervention(Intervention("DEVICE", "Esophageal stent placement", description))));
    }

    /// <summary>NCT03880396 (set 143): "Definitive Concurrent Hypofractionated Rth With Weekly Cisplatin", an observational study of no interventions.</summary>
    [Theory]
    [InlineData("Definitive Concurrent Hypofractionated Rth With Weekly Cisplatin in Locally Advanced SCCHN", "Hypofractionated RT")]
    [InlineData("Effect of Accelerated RTh in Squamous Cell Carcinoma of the Head and Neck", "RT, unspecified")]
    public void Rth_is_radiotherapy(string title, string kinds)
    {
        Assert.Equal(kinds, Kinds(Normalise(Observational(title)).FreeText));
    }

    /// <summary>NCT02603341 (set 144): radiation interventions "Photon" and "Proton"; a drug named "Proton pump inhibitor" is no RT.</summary>
    [Theory]
    [InlineData("RADIATION", "Proton", "Proton")]
    [InlineData("RADIATION", "Protons", "Proton")]
    [InlineData("RADIATION", "Photon", "EBRT")]
    [InlineData("DRUG", "Proton", "")]
    [InlineData("DRUG", "Proton pump inhibitor", "")]
    public void A_radiation_intervention_named_proton_is_proton_beam_therapy(string type, string name, string kinds)
    {
        var study = Normalise(WithArms([Intervention(type, name), Intervention("RADIATION", name == "Photon" ? "Proton" : "Photon")]));

        Assert.Equal(kinds, Kinds(study.Interventions[0]));
    }

    /// <summary>"Proton" beside no "Photon" intervention is no RT the name alone can give (proton radiography, proton MR spectroscopy).</summary>
    [Fact]
    public void A_radiation_intervention_named_proton_with_no_photon_beside_it_gives_no_kind_by_its_name()
    {
        Assert.Equal("", Kinds(OnlyIntervention(Intervention("RADIATION", "Proton"))));
    }

    /// <summary>NCT04194775 (set 145): "Nofazinlimab (CS1003) Placebo+Lenvatinib", the placebo arm's intervention, gives lenvatinib only.</summary>
    [Theory]
    [InlineData("Nofazinlimab (CS1003) Placebo+Lenvatinib", "lenvatinib")]
    [InlineData("Nofazinlimab (CS1003)+Lenvatinib", "lenvatinib + nofazinlimab")]
    [InlineData("Pembrolizumab (MK-3475) + placebo for lenvatinib", "pembrolizumab")]
    public void The_placebo_of_a_drug_named_with_its_code_in_brackets_gives_no_drug(string name, string agents)
    {
        Assert.Equal(agents, string.Join(" + ", OnlyIntervention(Intervention("DRUG", name)).Agents.Order(StringComparer.Ordinal)));
    }

    /// <summary>NCT01344356 (set 145): "complication rates" of SBRT are its safety, as both annotators labelled them; in a supportive-care trial they are what it is for.</summary>
    [Theory]
    [InlineData("complication rates", "TREATMENT", "safety")]
    [InlineData("Major complication rate at 90 days", "TREATMENT", "safety")]
    [InlineData("complication rates", "SUPPORTIVE_CARE", "other")]
    [InlineData("Complication rate of bone metastases", "TREATMENT", "other")]
    public void Complication_rates_of_a_disease_treating_trial_are_its_safety(string measure, string purpose, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithPurpose(WithOutcome(measure), purpose)).Outcomes[0].EndpointClass);
    }
}
