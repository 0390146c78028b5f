using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// An independent review (issue 10) of vocabulary .147: an intervention of no type whose name is
/// radiation and nothing else is a radiation intervention (NamesRadiationOnly), and "stereotactic
/// body" as an SBRT term. Each case asserts what a careful systematic reviewer would label
/// (DOMAIN.md, LABELLING-GUIDE.md), not what the code does.
/// </summary>
public class ReviewOfSession53bRulesTests
{
    private const string XRays = "Radiation therapy uses high-energy x-rays to kill tumor cells.";

    private static JsonObject Untyped(string name, string? description = null)
    {
        var intervention = new JsonObject { ["name"] = name };
        if (description is not null)
        {
            intervention["description"] = description;
        }

        return intervention;
    }

    // ---- 1. An untyped name of radiation and nothing else --------------------------------------

    [Fact]
    public void An_untyped_exercise_programme_during_radiotherapy_in_a_supportive_care_trial_gives_no_rt()
    {
        // The trial supports women through RT it does not give; exercise "during radiotherapy" is timed by the RT, it delivers none.
        var protocol = WithPurpose(Trial("Supervised Exercise in Women Receiving Breast Radiotherapy", XRays,
            [Untyped("Supervised exercise during radiotherapy")]), "SUPPORTIVE_CARE");

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    [Fact]
    public void Untyped_nutritional_counselling_during_radiotherapy_beside_the_rt_gives_no_rt()
    {
        // The RT is the "Radiotherapy" intervention's; counselling given during it is timed by that RT and delivers no radiation.
        var protocol = Trial("Dietitian Counselling in Head and Neck Cancer", XRays,
            [Untyped("Radiotherapy"), Untyped("Nutritional counselling during radiotherapy")]);

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[1]));
    }

    [Fact]
    public void Untyped_acupuncture_during_radiotherapy_beside_the_rt_gives_no_rt()
    {
        // Acupuncture for xerostomia is timed by the RT another intervention gives; the acupuncture is no RT.
        var protocol = Trial("Acupuncture to Prevent Xerostomia in Nasopharyngeal Carcinoma", null,
            [Untyped("Radiotherapy"), Untyped("Acupuncture during radiotherapy")]);

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[1]));
    }

    [Fact]
    public void An_untyped_skin_film_applied_during_radiotherapy_beside_the_rt_gives_no_rt()
    {
        // A silicone film dressing protects the skin; the whole-breast RT is the other intervention's.
        var protocol = Trial("Mepitel Film for Prevention of Radiation Dermatitis", XRays,
            [Untyped("Whole breast radiotherapy"), Untyped("Mepitel film during radiotherapy")]);

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[1]));
    }

    [Fact]
    public void Untyped_standard_and_escalated_radiotherapy_in_a_record_of_x_rays_are_ebrt()
    {
        // Guide rule 11: RT of no kind in a record whose summary names only external x-rays is EBRT.
        var protocol = Trial("Dose-escalated Versus Standard Radiotherapy for Prostate Cancer", XRays,
            [Untyped("Standard radiotherapy"), Untyped("Dose-escalated radiotherapy")]);

        Assert.Equal("EBRT", Kinds(Normalise(protocol).Interventions[0]));
    }

    [Fact]
    public void Untyped_radioiodine_is_rt_of_no_kind()
    {
        // Guide rule 10: radioiodine is radionuclide therapy, "RT, unspecified", whatever the summary says external RT uses.
        var protocol = Trial("Radioiodine Versus Antithyroid Drugs in Graves Disease", XRays, [Untyped("Radioiodine")]);

        Assert.Equal("RT, unspecified", Kinds(Normalise(protocol).Interventions[0]));
    }

    [Fact]
    public void An_untyped_radiation_oncologist_consultation_gives_no_rt()
    {
        // A consultation with a radiation oncologist is a referral, not radiation given.
        var protocol = Trial("Early Palliative Care in Advanced Lung Cancer", XRays, [Untyped("Radiation oncologist consultation")]);

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    [Fact]
    public void Untyped_irradiated_blood_products_give_no_rt()
    {
        // Blood irradiated before transfusion delivers no radiation to the patient.
        var protocol = Trial("Transfusion Thresholds in Acute Myeloid Leukaemia", null, [Untyped("Irradiated blood products")]);

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    [Fact]
    public void An_untyped_cream_against_radiation_dermatitis_gives_no_rt()
    {
        // A prevention trial's cream treats an effect of RT; "radiation dermatitis" is a toxicity, not RT.
        var protocol = WithPurpose(Trial("Prevention of Radiation Dermatitis in Breast Cancer", XRays,
            [Untyped("Radiation dermatitis prevention cream")]), "PREVENTION");

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    [Fact]
    public void Untyped_radiation_induced_fibrosis_gives_no_rt()
    {
        // A late toxicity of RT named as the intervention field is no radiation given.
        var protocol = Trial("Pentoxifylline and Tocopherol for Breast Fibrosis", XRays, [Untyped("Radiation-induced fibrosis")]);

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[0]));
    }

    [Fact]
    public void Untyped_total_body_irradiation_beside_cyclophosphamide_is_ebrt()
    {
        // Guide rule 4: total body irradiation spelled out is EBRT.
        var protocol = Trial("Myeloablative Conditioning Before Allogeneic Transplant", null,
            [Untyped("Cyclophosphamide"), Untyped("Total body irradiation")]);

        Assert.Equal("EBRT", Kinds(Normalise(protocol).Interventions[1]));
    }

    // ---- 2. "Stereotactic body" as an SBRT term -----------------------------------------------

    [Fact]
    public void A_stereotactic_body_frame_beside_sbrt_gives_no_rt()
    {
        // The frame immobilises the patient for the SBRT the first intervention gives; the frame itself delivers none.
        var protocol = Trial("Body Frame Versus Vacuum Cushion Immobilisation for Lung SBRT", null,
            [Intervention("RADIATION", "SBRT", "54 Gy in 3 fractions"), Intervention("DEVICE", "Stereotactic body frame"), Intervention("DEVICE", "Vacuum cushion")]);

        Assert.Equal("", Kinds(Normalise(protocol).Interventions[1]));
    }

    [Fact]
    public void A_stereotactic_body_immobilisation_device_gives_no_rt()
    {
        // Immobilisation with a vacuum cushion and abdominal compression is positioning, not radiation.
        var terms = OnlyIntervention(Intervention("DEVICE", "Stereotactic body immobilisation", "Vacuum cushion and abdominal compression"));

        Assert.Equal("", Kinds(terms));
    }

    [Fact]
    public void A_stereotactic_body_localizer_gives_no_rt()
    {
        // A localizer box is a coordinate frame for imaging and set-up; it gives no RT.
        var terms = OnlyIntervention(Intervention("DEVICE", "Stereotactic body localizer"));

        Assert.Equal("", Kinds(terms));
    }

    [Fact]
    public void Untyped_stereotactic_body_proton_therapy_is_proton_and_sbrt()
    {
        // Guide rule 3: proton SBRT is proton beam therapy + SBRT, and the name says radiation and nothing else.
        var protocol = Trial("Hypofractionated Proton Therapy for Liver Metastases", null, [Untyped("Stereotactic body proton therapy")]);

        Assert.Equal("Proton + SBRT", Kinds(Normalise(protocol).Interventions[0]));
    }
}
