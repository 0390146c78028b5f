using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 130-131's findings (issue 10, vocabulary .139): an ICI the record calls consolidation
/// after the RT its title names, a cell therapy called "immunotherapy", and photons named alone.
/// </summary>
public class Set130To131RulesTests
{
    /// <summary>NCT04418648 (set 130): both annotators read the chemoradiotherapy before toripalimab consolidation as the patients' history.</summary>
    [Fact]
    public void Rt_a_titles_ici_follows_is_not_given_where_an_arm_calls_the_ici_consolidation()
    {
        var study = Normalise(Trial("Study of Toripalimab for Limited-Stage Small Cell Lung Cancer Following Concurrent Chemoradiotherapy", null,
            [Intervention("DRUG", "Toripalimab")],
            Arm("Toripalimab Consolidation", "Patients in experimental group will receive toripalimab consolidation (240 mg) via iv infusion Q3W.", "Drug: Toripalimab")));

        Assert.Null(study.FreeText?.RtModality);
    }

    [Fact]
    public void Rt_a_titles_ici_follows_is_still_given_where_nothing_calls_the_ici_consolidation()
    {
        // An ICI "following" RT may follow RT the trial gives; only the consolidation (or a placebo) says it came before.
        var study = Normalise(Trial("Study of Toripalimab for Limited-Stage Small Cell Lung Cancer Following Concurrent Chemoradiotherapy", null,
            [Intervention("DRUG", "Toripalimab")],
            Arm("Toripalimab", "Patients will receive toripalimab 240 mg via iv infusion Q3W.", "Drug: Toripalimab")));

        Assert.Equal(Terms.UnspecifiedRt, study.FreeText?.RtModality);
    }

    /// <summary>"Concurrent" of the chemoradiotherapy after "Following" does not make the placebo-controlled ICI concurrent with it.</summary>
    [Fact]
    public void Following_concurrent_chemoradiotherapy_is_not_an_ici_given_with_it()
    {
        var study = Normalise(Trial("Durvalumab Versus Placebo Following Concurrent Chemoradiotherapy in Limited-Stage Small Cell Lung Cancer", null,
            [Intervention("DRUG", "Durvalumab"), Intervention("DRUG", "Placebo")]));

        Assert.Null(study.FreeText?.RtModality);
    }

    /// <summary>NCT04085250 (set 131): nivolumab consolidation for patients who have not progressed after chemoradiation (both annotators: no RT).</summary>
    [Fact]
    public void Rt_after_the_consolidation_icis_following_is_not_given()
    {
        var protocol = Trial("Study of Nivolumab for Non-Small Cell Lung Cancer (Stage III) Following Neoadjuvant Chemotherapy Plus Nivolumab and Definitive Concurrent Chemoradiation Therapy", null, []);
        protocol["identificationModule"]!["officialTitle"] = "A Phase II, Randomised Study of Nivolumab as Consolidation Therapy in Patients With Locally Advanced, Unresectable Non-Small Cell Lung Cancer (Stage III) Who Have Not Progressed Following Neoadjuvant Chemotherapy Plus Nivolumab and Definitive Concurrent Chemoradiation Therapy";
        var free = Normalise(protocol).FreeText;

        Assert.Null(free?.RtModality);
        Assert.Equal(["nivolumab"], free?.Agents ?? []);
    }

    [Fact]
    public void Rt_during_which_a_consolidation_trials_ici_starts_is_given()
    {
        var protocol = Trial("Nivolumab During and Following Chemoradiation in Stage III Non-Small Cell Lung Cancer", null, []);
        protocol["identificationModule"]!["officialTitle"] = "Nivolumab Consolidation During and Following Chemoradiation";
        var free = Normalise(protocol).FreeText;

        Assert.Equal(Terms.UnspecifiedRt, free?.RtModality);
    }

    /// <summary>NCT01836432 (set 131): algenpantucel-L is a whole-cell vaccine; neither annotator read an ICI.</summary>
    [Theory]
    [InlineData("Algenpantucel-L Immunotherapy")]
    [InlineData("Sipuleucel-T immunotherapy")]
    [InlineData("Talimogene laherparepvec immunotherapy")]
    public void Immunotherapy_named_by_a_cell_or_gene_therapy_is_no_ici(string name)
    {
        var study = Normalise(Trial("Immunotherapy Study in Locally Advanced Pancreatic Cancer", null,
            [Intervention("BIOLOGICAL", name), Intervention("DRUG", "Gemcitabine")]));

        Assert.Empty(study.Interventions[0].Targets);
        Assert.False(study.FreeText?.GivesIci ?? false);
    }

    [Fact]
    public void Immunotherapy_alone_in_a_trial_of_no_other_immunotherapy_is_still_an_ici()
    {
        var study = Normalise(Trial("Immunotherapy and Radiotherapy in Advanced Melanoma", null,
            [Intervention("DRUG", "Immunotherapy"), Intervention("RADIATION", "Radiotherapy")]));

        Assert.Equal([Terms.UnspecifiedIci], study.Interventions[0].Targets);
    }

    /// <summary>NCT01365845 (set 130): an intervention named "Photon" beside proton RT (both annotators: EBRT).</summary>
    [Theory]
    [InlineData("Photon")]
    [InlineData("Photons")]
    public void Photons_named_alone_are_ebrt(string name)
    {
        Assert.Equal(Terms.Ebrt, Kinds(OnlyIntervention(Intervention("RADIATION", name))));
    }

    [Theory]
    // The photons are the stereotactic RT's beam (sets 13 and 87: SBRT + proton, no EBRT).
    [InlineData("Proton or Photon SBRT (3-5 fractions)", "Proton + SBRT")]
    [InlineData("SBRT with protons or photons", "Proton + SBRT")]
    public void Photons_of_stereotactic_rt_are_no_course_of_their_own(string name, string kinds)
    {
        Assert.Equal(kinds, Kinds(OnlyIntervention(Intervention("RADIATION", name))));
    }

    /// <summary>NCT04847284 (set 85): RT during surgery with low-energy photons is not external beam (guide rule 11).</summary>
    [Fact]
    public void Low_energy_photons_during_surgery_are_no_ebrt()
    {
        var study = Normalise(Trial("Intraoperative Radiotherapy in Patients With Brain Metastases", null,
            [Intervention("RADIATION", "Radiotherapy")],
            Arm("Single arm", "To determine the efficiency and safety of IORT with low-energy photons to the cavity after resection of brain metastases", "Radiation: Radiotherapy")));

        Assert.NotEqual(Terms.Ebrt, study.Interventions[0].RtModality);
    }

    [Theory]
    [InlineData("Single photon emission computed tomography (SPECT)")]
    [InlineData("Photon-counting CT")]
    public void Imaging_with_photons_is_no_rt(string name)
    {
        Assert.Equal("", Kinds(OnlyIntervention(Intervention("DIAGNOSTIC_TEST", name))));
    }
}
