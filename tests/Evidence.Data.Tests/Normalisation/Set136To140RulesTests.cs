using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 136-140's findings (issue 10, vocabularies .145, .147 and .149): an anti-PD-1 INN and a PD-L1 code the
/// vocabulary lacked, a device that a description names as RT, the sham copy of a device, a
/// radionuclide given into a joint, and a title's ICI that its people are on.
/// </summary>
public class Set136To140RulesTests
{
    /// <summary>NCT04799353 and NCT04465890 (set 136): both annotators read these as ICIs.</summary>
    [Theory]
    [InlineData("Budigalimab", "budigalimab", "PD-1")]
    [InlineData("ABBV-181", "budigalimab", "PD-1")]
    [InlineData("ASC22", "envafolimab", "PD-L1")]
    public void An_antibody_known_by_its_name_or_code_is_an_ici_of_its_checkpoint(string name, string agent, string target)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name));

        Assert.Equal([agent], terms.Agents);
        Assert.Equal([target], terms.Targets);
    }

    /// <summary>NCT01339949 (set 137): "IRay", a device described as "low voltage external beam radiosurgery".</summary>
    [Theory]
    [InlineData("low voltage external beam radiosurgery", "SBRT")]
    [InlineData("Stereotactic radiosurgery", "SBRT")]
    [InlineData("Hydrogel spacer placed before radiotherapy", "")]
    [InlineData("Thermoplastic mask for head and neck radiotherapy", "")]
    [InlineData("Device that measures radiation dose in vivo", "")]
    public void A_device_is_rt_only_where_its_description_is_the_name_of_a_kind_of_rt(string description, string kinds)
    {
        var terms = OnlyIntervention(Intervention("DEVICE", "IRay", description));

        Assert.Equal(kinds, Kinds(terms));
    }

    /// <summary>NCT01339949 (set 137): the copy of "IRay" listed for the sham arm gives nothing; the other gives SBRT.</summary>
    [Fact]
    public void The_sham_arms_copy_of_a_device_registered_twice_gives_no_rt()
    {
        var protocol = WithArms(
            [Intervention("DEVICE", "IRay", "low voltage external beam radiosurgery", arms: ["24 Gy radiation"]),
             Intervention("DEVICE", "IRay", "low voltage external beam radiosurgery", arms: ["Sham 24 Gy radiation"])],
            Typed(Arm("24 Gy radiation", null, "Device: IRay"), "EXPERIMENTAL"),
            Typed(Arm("Sham 24 Gy radiation", null, "Device: IRay"), "SHAM_COMPARATOR"));

        var study = Normalise(protocol);

        Assert.Equal("SBRT", Kinds(study.Interventions[0]));
        Assert.Equal("", Kinds(study.Interventions[1]));
    }

    /// <summary>A sham arm's own real treatment, registered once, is still given ("Radiotherapy" beside "Sham acupuncture").</summary>
    [Fact]
    public void Rt_registered_once_for_a_sham_arm_is_still_given()
    {
        var protocol = WithArms(
            [Intervention("PROCEDURE", "Acupuncture", arms: ["Acupuncture"]),
             Intervention("RADIATION", "Radiotherapy", "Intensity-modulated radiotherapy", arms: ["Sham acupuncture"])],
            Typed(Arm("Acupuncture", null, "Procedure: Acupuncture"), "EXPERIMENTAL"),
            Typed(Arm("Sham acupuncture", null, "Radiation: Radiotherapy"), "SHAM_COMPARATOR"));

        var study = Normalise(protocol);

        Assert.Equal("EBRT", Kinds(study.Interventions[1]));
    }

    /// <summary>NCT01615991 (set 138): yttrium-90 injected into a joint is RT of no kind (guide rule 10), not SIRT.</summary>
    [Theory]
    [InlineData("Radiosynoviorthesis", "Intraarticular administration from 111 to 222 Mbq yttrium-90 per joint", "RT, unspecified")]
    [InlineData("Yttrium-90 colloid", null, "RT, unspecified")]
    [InlineData("Radioembolization", "Yttrium-90 glass microspheres given into the hepatic artery", "SIRT")]
    [InlineData("Yttrium-90", "Microspheres delivered by a catheter into the tumour's arteries", "SIRT")]
    public void A_radionuclide_given_into_a_joint_is_no_radioembolisation(string name, string? description, string kinds)
    {
        var terms = OnlyIntervention(Intervention("DRUG", name, description));

        Assert.Equal(kinds, Kinds(terms));
    }

    /// <summary>NCT04847050 (set 138): a vaccine trial enrolling people already on PD-1/PD-L1 inhibitors gives no ICI.</summary>
    [Theory]
    [InlineData("A Trial of the Safety and Immunogenicity of the COVID-19 Vaccine (mRNA-1273) in Participants With Hematologic Malignancies and Various Regimens of Immunosuppression, and in Participants With Solid Tumors on PD1/PDL1 Inhibitor Therapy")]
    [InlineData("Influenza Vaccination in Patients With Lung Cancer on Nivolumab")]
    public void A_titles_ici_that_the_people_it_enrols_are_on_is_not_the_trials(string title)
    {
        var free = Normalise(Trial(title, null, [])).FreeText;

        Assert.DoesNotContain(Terms.Ici, free?.AgentClasses ?? []);
    }

    /// <summary>
    /// NCT02494700 (set 139): "Orbital Radiation" of no type, beside "External Beam Radiation
    /// Therapy", in a record whose summary says "Orbital radiation therapy uses external beam
    /// radiation": a radiation intervention, which the summary's definition makes EBRT.
    /// </summary>
    [Fact]
    public void An_untyped_intervention_named_radiation_only_is_read_as_a_radiation_intervention()
    {
        var protocol = Trial("Ultra Low Dose Orbital Radiation Therapy in Treating Patients With Indolent B-cell Lymphoma",
            "This phase II trial studies how well ultra low dose orbital radiation therapy works. Orbital radiation therapy uses external beam radiation to destroy cancer cells.",
            [Untyped("External Beam Radiation Therapy"), Untyped("Orbital Radiation")]);

        var study = Normalise(protocol);

        Assert.Equal("EBRT", Kinds(study.Interventions[1]));
    }

    /// <summary>An untyped name of imaging is not radiation, whatever the summary says RT uses.</summary>
    [Fact]
    public void An_untyped_name_of_imaging_is_not_a_radiation_intervention()
    {
        var protocol = Trial("A Study in Head and Neck Cancer", "Radiation therapy uses high-energy x-rays to kill tumor cells.", [Untyped("Low-dose CT scan")]);

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    /// <summary>NCT01697371 (set 139): "Stereotactic Body Proton Therapy" is proton beam therapy and SBRT (guide rule 3, as "proton SBRT").</summary>
    [Theory]
    [InlineData("Stereotactic Body Proton Therapy", "Proton + SBRT")]
    [InlineData("Stereotactic body carbon ion radiotherapy", "Carbon ion + SBRT")]
    [InlineData("Stereotactic body radiotherapy", "SBRT")]
    public void Stereotactic_body_particle_therapy_is_the_particle_and_sbrt(string name, string kinds)
    {
        Assert.Equal(kinds, Kinds(OnlyIntervention(Intervention("RADIATION", name))));
        Assert.Equal(kinds, Kinds(Normalise(Trial($"Phase I-II Trial of {name} for Patients With Liver Metastases", null, [])).FreeText));
    }

    /// <summary>
    /// NCT02563925 (set 140): a record of no interventions whose summary's purpose is "to see if
    /// the combination of tremelimumab and durvalumab with brain radiation therapy can help": both
    /// ICIs are the trial's, as "to learn if" and "to investigate if" already read.
    /// </summary>
    [Theory]
    [InlineData("The purpose of this study is to see if the combination of tremelimumab and durvalumab with brain radiation therapy can help treat this type of breast cancer that has spread to the brain.")]
    [InlineData("We want to find out whether the combination of tremelimumab and durvalumab with brain radiation therapy can help control brain metastases.")]
    public void A_summarys_purpose_to_see_if_a_combination_helps_gives_its_agents(string summary)
    {
        var free = Normalise(Trial("Brain Irradiation and Tremelimumab in Metastatic Breast Cancer", summary, [])).FreeText;

        Assert.Equal(["durvalumab", "tremelimumab"], (free?.Agents ?? []).Order(StringComparer.Ordinal));
    }

    /// <summary>What patients in another study were given "to see if" it helped is not this trial's.</summary>
    [Fact]
    public void A_summarys_history_of_what_others_gave_is_not_read()
    {
        var free = Normalise(Trial("Brain Irradiation in Metastatic Breast Cancer",
            "Earlier investigators gave pembrolizumab to see if it helps; this study gives whole brain radiotherapy alone.", [])).FreeText;

        Assert.DoesNotContain("pembrolizumab", free?.Agents ?? []);
    }

    private static JsonObject Untyped(string name) => new() { ["name"] = name };

    /// <summary>A title's ICI that the trial gives to people with a disease is still read.</summary>
    [Theory]
    [InlineData("Pembrolizumab Plus SBRT in Patients With Oligometastatic NSCLC", "pembrolizumab")]
    [InlineData("Nivolumab for Patients With HCC on Sorafenib Who Progressed", "nivolumab")]
    public void A_titles_ici_given_to_people_with_a_disease_is_read(string title, string agent)
    {
        var free = Normalise(Trial(title, null, [])).FreeText;

        Assert.Contains(agent, free?.Agents ?? []);
    }
}
