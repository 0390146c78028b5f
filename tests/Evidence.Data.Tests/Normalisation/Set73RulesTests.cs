using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Set 73's findings (issue 10): RT-only records of palliative and less common RT, most of them
/// the US National Cancer Institute's, whose schedules and kinds are in the detailed description
/// or a definition rather than in the interventions.
/// </summary>
public class Set73RulesTests
{
    private const string Xrays = "RATIONALE: Radiation therapy uses high-energy x-rays to kill tumor cells.";

    /// <summary>NCT00727584: one "radiation therapy" ("Patients undergo external beam radiotherapy"); its arms' schedules are in the outline only.</summary>
    [Theory]
    [InlineData("* Arm I (multi-fraction radiotherapy): Patients undergo 5 fractions of 20 Gy external-beam radiotherapy.\n\n* Arm II (single-fraction radiotherapy): Patients undergo 1 fraction of 8 Gy external beam radiotherapy.", "Hypofractionated RT")]
    [InlineData("* Arm I: Patients undergo 50 Gy in 25 fractions of external-beam radiotherapy.\n\n* Arm II: Patients undergo 8 Gy in a single fraction.", "EBRT")] // not every schedule is hypofractionated
    [InlineData("Patients who received 30 Gy in 10 fractions previously are not eligible.", "EBRT")] // no dose of the trial's RT
    public void The_outline_of_a_record_whose_summary_states_no_dose_gives_the_schedules(string outline, string modality)
    {
        var study = Normalise(Described(
            Trial("Radiation Therapy in Treating Patients With Metastatic Spinal Cord Compression", "This randomized clinical trial is comparing two radiation therapy regimens.",
                [Intervention("RADIATION", "radiation therapy", "Patients undergo external beam radiotherapy")]),
            "OUTLINE: Patients are randomized to 1 of 2 treatment arms.\n\n" + outline));

        Assert.Equal(modality, study.Interventions[0].RtModality);
    }

    /// <summary>NCT00968643: a "radiation therapy" the summary defines by x-rays, given "once daily for 5 days (total of 20 Gy)" or as "a single fraction ... (total of 10 Gy)".</summary>
    [Theory]
    [InlineData("(total of 20 Gy)", "(total of 10 Gy)", "Hypofractionated RT")]
    [InlineData("(total of 10 Gy)", "(total of 1.8 Gy)", "EBRT")] // 2 Gy a day is not hypofractionated
    public void A_schedule_of_days_and_a_total_is_read_in_the_outline(string fiveDays, string oneFraction, string modality)
    {
        var study = Normalise(Described(
            Trial("Spinal Cord Compression", Xrays, [Intervention("RADIATION", "radiation therapy", "Given in multiple fractions or as a single fraction")]),
            $"* Arm I (control): Patients undergo radiotherapy to the area of spinal cord compression once daily for 5 days {fiveDays}.\n\n* Arm II: Patients undergo a single fraction of radiotherapy to the area of spinal cord compression {oneFraction}."));

        Assert.Equal(modality, study.Interventions[0].RtModality);
    }

    /// <summary>NCT00974168: RT named by its dose ("Cumulative BED ≤ 130 Gy2", described as "Radiation") takes the kind the summary defines RT by.</summary>
    [Theory]
    [InlineData("Cumulative BED ≤ 130 Gy2", "Radiation", "EBRT")]
    [InlineData("Iodine I 131", "Radiation", "RT, unspecified")] // an isotope's digits: a radionuclide, not the x-rays
    [InlineData("Cumulative BED ≤ 130 Gy2", "Observation of mobility", null)] // its description gives no RT
    public void Rt_named_by_its_dose_takes_the_kind_the_summary_defines(string name, string description, string? modality)
    {
        var study = Normalise(Trial("Spinal Cord Compression Re-Treat Study", Xrays, [Intervention("RADIATION", name, description), Intervention("RADIATION", "Cumulative BED ≤ 100", "Radiation")]));

        Assert.Equal(modality, study.Interventions[0].RtModality);
    }

    /// <summary>NCT01566123: a title's IMRT is the "Neoadjuvant IMRT" intervention's, not the intraoperative RT's beside it.</summary>
    [Theory]
    [InlineData("Neoadjuvant intensity-modulated radiation therapy (IMRT)", "RT, unspecified")]
    [InlineData("Neoadjuvant radiation therapy", "EBRT")] // no sibling names the title's external beam: it says what the RT is
    public void A_title_s_external_beam_is_the_sibling_s_that_names_it(string sibling, string modality)
    {
        var study = Normalise(Trial(
            "Trial of Neoadjuvant Intensity-Modulated Radiation Therapy Followed by Surgery and Intraoperative Radiation Therapy in Resectable Retroperitoneal Soft Tissue Sarcoma",
            null,
            [Intervention("RADIATION", "intraoperative radiation therapy (IORT)"), Intervention("RADIATION", sibling)]));

        Assert.Equal(modality, study.Interventions[0].RtModality);
    }

    /// <summary>NCT01227954: a record with no interventions whose outline says, in the present, what patients undergo.</summary>
    [Theory]
    [InlineData("Patients undergo 10 fractions of intensity-modulated whole-brain radiotherapy (WBRT), avoiding hippocampal (HA) regions, once daily, 5 days a week.", "EBRT")]
    [InlineData("Patients who progress undergo whole-brain radiotherapy at the discretion of the investigator.", null)] // care after the trial
    [InlineData("Previous studies gave whole-brain radiotherapy to patients with brain metastases.", null)]
    public void A_bare_record_s_outline_in_the_present_gives_its_rt(string outline, string? modality)
    {
        var protocol = new JsonObject
        {
            ["identificationModule"] = new JsonObject { ["nctId"] = "NCT00000001", ["officialTitle"] = "A Phase II Trial of Hippocampal Avoidance During Whole Brain Radiotherapy for Brain Metastases" },
            ["descriptionModule"] = new JsonObject { ["detailedDescription"] = "OUTLINE: This is a multicenter study.\n\n" + outline },
        };

        var study = Normalise(protocol);

        Assert.Equal(modality, study.FreeText?.RtModality);
    }

    /// <summary>NCT06416436: a record with no interventions whose patients "will begin treatment on SBRT ... with concurrent and adjuvant atezolizumab".</summary>
    [Theory]
    [InlineData("If eligible, patients will begin treatment on SBRT (delivered to metastases over 3-5 fractions within 1-2 weeks) with concurrent and adjuvant atezolizumab (1680 mg on Day 1 of each 28-day cycle) immunotherapy regimen for up to one year.", "atezolizumab")]
    [InlineData("Patients who progress will begin treatment with atezolizumab at the discretion of their physician.", null)]
    public void A_bare_record_s_patients_who_will_begin_treatment_are_given_it(string description, string? agent)
    {
        var study = Normalise(Described(
            Trial("Dose-escalation Study of Ultra-high Dose Ablative Radiosurgery With Immunotherapy for Bulky Metastatic Cancer Patients", "The purpose of this study is to determine whether ultra high dose SBRT in combination with immunotherapy is tolerable.", []),
            description));

        Assert.Equal(agent, study.FreeText?.Agents.SingleOrDefault());
    }

    /// <summary>NCT05816980: a re-irradiation trial lists "Radiation Toxicity" among its conditions; its arm gives the RT.</summary>
    [Theory]
    [InlineData("Re-irradiation for Pelvic Recurrences in Rectal Cancer Patients", "EBRT")]
    [InlineData("Radiation Toxicity of Pelvic Re-irradiation: a Cream", null)] // the title opens with the injury
    public void A_title_that_opens_with_its_rt_gives_it_whatever_toxicity_the_conditions_name(string title, string? modality)
    {
        var protocol = Trial(title, null, [], Arm("Single", "Re-irradiation consisting of hyperfractionated IMRT, 40.8 Gy in 1.2 fractions twice daily 5/7 days weekly, with oral capecitabine."));
        protocol["conditionsModule"] = new JsonObject { ["conditions"] = new JsonArray("Rectal Cancer", "Recurrence", "Radiation Toxicity") };

        var study = Normalise(protocol);

        Assert.Equal(modality, study.FreeText?.RtModality);
    }

    /// <summary>NCT00290628 and NCT00075478: total body irradiation is external beam (guide rule 4); busulfan and melphalan are chemotherapy.</summary>
    [Theory]
    [InlineData("Total-Body Irradiation", "EBRT")]
    [InlineData("total marrow and lymphoid irradiation", "EBRT")]
    [InlineData("TBI", null)] // an acronym ambiguous outside RT (traumatic brain injury) names nothing
    public void Total_body_irradiation_is_external_beam(string name, string? modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    [Theory]
    [InlineData("busulfan")]
    [InlineData("Melphalan")]
    [InlineData("treosulfan")]
    [InlineData("Thiotepa")]
    public void Conditioning_drugs_are_chemotherapy(string name)
    {
        var drug = OnlyIntervention(Intervention("DRUG", name));

        Assert.Equal([name.ToLowerInvariant()], drug.Agents);
        Assert.Equal([Terms.Chemotherapy], drug.AgentClasses);
    }
}
