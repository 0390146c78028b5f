using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Independent review of vocabulary .173 (issue 10): realistic registry wording around the new
/// rules (a ranged single dose and "Gys", spatially fractionated RT as a technique, electrons beside
/// photons, "between" in a title, a title that says "observational", "Survival" alone, ctDNA
/// responses), labelled as a careful systematic reviewer would.
/// </summary>
public class ReviewOfSession59RulesTests
{
    // ---- RtDoseParser: plural units, a ranged "single dose of" ----

    [Fact]
    public void A_plural_Gys_is_read_as_Gy()
    {
        // "60 Gys in 30 fractions" is 60 Gy in 30 fractions, as written in many registry records.
        Assert.Contains(RtDoseParser.Parse("Radiotherapy to the prostate bed, 60 Gys in 30 fractions."),
            d => d.TotalGy == (60, 60) && d.Fractions == (30, 30));
    }

    [Fact]
    public void A_German_single_dose_range_is_the_dose_per_fraction_of_a_course()
    {
        // "Einzeldosis" translated: 1.8-2.0 Gy per daily fraction to 50.4 Gy, a course of ~28 fractions, never one fraction.
        var doses = RtDoseParser.Parse("Conventional radiotherapy with a single dose of 1.8-2.0 Gy five times a week up to a total dose of 50.4 Gy.").ToList();

        Assert.DoesNotContain(doses, d => d.Fractions == (1, 1));
    }

    [Fact]
    public void A_single_dose_of_8_Gy_for_a_painful_bone_metastasis_is_hypofractionated()
    {
        // One fraction of 8 Gy: hypofractionated RT (guide rule 5), unchanged by the range.
        var terms = OnlyIntervention(Intervention("RADIATION", "Palliative radiotherapy", "A single dose of 8 Gy to the painful bone metastasis."));

        Assert.Equal("Hypofractionated RT", Kinds(terms));
    }

    // ---- TechniqueWords: spatially fractionated, GRID, lattice ----

    [Fact]
    public void A_GRID_boost_before_a_conventional_course_keeps_the_conventional_EBRT()
    {
        // The 30 x 2 Gy course is conventionally fractionated EBRT whatever the GRID boost before it.
        var terms = OnlyIntervention(Intervention("RADIATION", "GRID therapy",
            "GRID therapy of 15 Gy in 1 fraction followed by conventional radiotherapy of 60 Gy in 30 fractions."));

        Assert.Contains("EBRT", Kinds(terms));
    }

    [Fact]
    public void Lattice_SBRT_is_stereotactic()
    {
        // Lattice delivered stereotactically is SBRT (rule 1: the kind beyond a technique).
        var terms = OnlyIntervention(Intervention("RADIATION", "Lattice SBRT", "15 Gy in one fraction to the high-dose vertices."));

        Assert.Equal("SBRT", Kinds(terms));
    }

    [Fact]
    public void A_dose_grid_of_treatment_planning_is_no_GRID_therapy()
    {
        // "grid" of dose calculation says nothing of the kind: conventional IMRT is EBRT.
        var terms = OnlyIntervention(Intervention("RADIATION", "Intensity-modulated radiotherapy",
            "IMRT 60 Gy in 30 fractions, dose calculated on a 2.5 mm grid."));

        Assert.Equal("EBRT", Kinds(terms));
    }

    // ---- DefinedRt: electrons beside photons ----

    [Theory]
    // "photons and/or electrons": both external beams, the brief's and changelog's own wording.
    [InlineData("Radiation therapy uses high energy photons and/or electrons to kill tumor cells.", "EBRT")]
    // A list of what RT may use, with a source besides the beams: no kind.
    [InlineData("Radiation therapy uses high energy photons/electrons or radioactive seeds to kill tumor cells.", "RT, unspecified")]
    public void Electrons_beside_photons(string summary, string kind)
    {
        var study = Normalise(Trial("Radiation Therapy Boost Before Surgery for Breast Cancer", summary,
            [Intervention("PROCEDURE", "Therapeutic Surgical Procedure"), Intervention("RADIATION", "Whole Breast Irradiation"), Intervention("RADIATION", "Radiation Boost")]));

        Assert.Equal(kind, Kinds(study.Interventions[2]));
    }

    // ---- TitleSubject: what is studied before "between" ----

    [Fact]
    public void An_observational_cost_comparison_between_SBRT_and_surgery_gives_no_RT()
    {
        // A retrospective cost analysis of an observational study observes treatment given outside it, as "Cost ... of" does.
        var study = Normalise(Observational("Cost Comparison Between SBRT and Surgery for Early-Stage Non-small Cell Lung Cancer"));

        Assert.Equal("", TrialKinds(study));
    }

    [Theory]
    // A randomised treatment trial whose endpoint is toxicity gives both schedules it compares (review of .173; mended in .175).
    [InlineData("Randomized Comparison of Toxicity Between Hypofractionated and Conventional Radiotherapy for Prostate Cancer", "Hypofractionated RT")]
    // "Stereotactic" elided before the other arm's RT word is stereotactic RT (guide rule 8).
    [InlineData("Stereotactic Versus Conventional Radiotherapy for Spine Metastases", "SBRT")]
    [InlineData("Stereotactic or Conventionally Fractionated Radiotherapy for Brain Metastases", "SBRT")]
    [InlineData("Conventional Radiotherapy for Spine Metastases", "RT, unspecified")]
    public void A_kind_elided_before_the_other_arms_RT_word_is_given(string title, string kind)
    {
        var study = Normalise(WithPurpose(Trial(title, null, []), "TREATMENT"));

        Assert.Equal(kind, TrialKinds(study));
    }

    // ---- IsObservational from a title, for a record with no study type ----

    [Theory]
    // A phase II trial that also keeps an observational cohort: its own arm's SBRT and nivolumab are given.
    [InlineData("Radiotherapy in Oligometastatic Disease: Phase II Trial With a Parallel Observational Cohort")]
    // "Non-observational" says the opposite of observational.
    [InlineData("Radiotherapy in Oligometastatic Disease: A Prospective Non-observational Phase II Study")]
    public void An_interventional_trial_whose_title_mentions_an_observational_cohort_gives_its_summary_therapies(string title)
    {
        var study = Normalise(Trial(title, "Patients receive stereotactic body radiotherapy 30 Gy in 3 fractions combined with nivolumab 240 mg every 2 weeks.", []));

        Assert.Equal(("SBRT", "nivolumab"), (TrialKinds(study), string.Join(" + ", study.FreeText?.Agents ?? [])));
    }

    // ---- BareSurvival ----

    [Theory]
    // A survival benefit is of overall survival.
    [InlineData("Survival benefit", "OS")]
    // Survival rate at a landmark: OS.
    [InlineData("Survival rate at 1 year", "OS")]
    // The flap's survival, not the patient's.
    [InlineData("Survival of the free flap", "other")]
    // Implants' survival (reconstruction after PMRT), not the patients'.
    [InlineData("Survival rate of breast implants after postmastectomy radiotherapy", "other")]
    // Dental implants in irradiated bone: not the patients' survival.
    [InlineData("Survival time of dental implants placed in irradiated jaw bone", "other")]
    // A clonogenic cell-survival measure of a translational study.
    [InlineData("Survival fraction of irradiated peripheral blood lymphocytes", "other")]
    // Post-progression survival is not overall survival.
    [InlineData("Survival after first progression", "other")]
    public void Survival_first_in_a_measure(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }

    // ---- ctDNA responses ----

    [Theory]
    // PFS measured in those with a ctDNA response: PFS.
    [InlineData("Progression-free survival in patients with ctDNA response at week 8", "PFS")]
    // A tumour's response in a ctDNA response-adapted strategy: ORR.
    [InlineData("Objective response rate in patients receiving ctDNA response-adapted therapy", "ORR")]
    // EFS by ctDNA clearance: the EFS class (DFS/RFS).
    [InlineData("Event-free survival according to ctDNA clearance", "DFS/RFS")]
    // A DNA damage response signature is a biomarker: other.
    [InlineData("DNA damage response gene alterations", "other")]
    public void A_measure_beside_a_ctDNA_response(string measure, string endpoint)
    {
        Assert.Equal(endpoint, Normalise(WithOutcome(measure)).Outcomes[0].EndpointClass);
    }
}
