using System.Text.Json.Nodes;
using static TrialEvidence.Data.Tests.Normalisation.Records;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>
/// Sets 92 to 94's findings (issue 10): kinds compared in one name, what a summary defines beside
/// a sibling's radiosurgery, an acronym of RT inside a name, European names of external beam and
/// seeds, one week of RT as a point in time, survival that is not everyone's, BEACOPP, and an
/// observational study of patients treated with RT.
/// </summary>
public class Set92To94RulesTests
{
    private static string? Endpoint(string measure, string? description)
    {
        var protocol = WithArms([]);
        protocol["outcomesModule"] = new JsonObject
        {
            ["primaryOutcomes"] = new JsonArray(new JsonObject { ["measure"] = measure, ["description"] = description }),
        };
        return Normalise(protocol).Outcomes[0].EndpointClass;
    }

    /// <summary>NCT06080503 (set 92): "Phase II Randomized Study of Hypofractionated Versus Conventional Radiotherapy", a record with no intervention.</summary>
    [Fact]
    public void A_hypofractionated_schedule_compared_with_conventional_rt_is_hypofractionated_rt()
    {
        Assert.Equal("Hypofractionated RT", Normalise(Trial("Phase II Randomized Study of Hypofractionated Versus Conventional Radiotherapy", null, [])).FreeText?.RtModality);
    }

    /// <summary>One intervention the arms share that compares kinds in its name takes the most specific (guide rule 9); alternatives it gives are each (rule 1).</summary>
    [Theory]
    [InlineData("Proton versus photon radiation therapy", "Proton")] // NCT04291378 (set 91)
    [InlineData("Hypofractionated versus conventional radiotherapy", "Hypofractionated RT")]
    [InlineData("SBRT vs conventional radiotherapy", "SBRT")]
    [InlineData("IMRT or SBRT", "SBRT + EBRT")] // alternatives, not compared: each
    [InlineData("Conventional radiotherapy", "RT, unspecified")]
    public void A_name_that_compares_kinds_takes_the_most_specific(string name, string modality)
    {
        var terms = OnlyIntervention(Intervention("RADIATION", name));

        Assert.Equal(modality, string.Join(" + ", new[] { terms.RtModality! }.Concat(terms.AlsoRtModalities)));
    }

    /// <summary>
    /// NCT00002899 (set 92): "radiation therapy" beside "radiosurgery", in a record whose summary
    /// defines RT by x-rays: external beam. NCT05030298 (set 16): a summary that defines
    /// radiosurgery defines the sibling's, not this one's.
    /// </summary>
    [Theory]
    [InlineData("RATIONALE: Radiation therapy uses high-energy x-rays to kill tumor cells.", "EBRT")]
    [InlineData("Radiosurgery uses special equipment to position the patient and precisely give a single large dose of radiation to the tumor.", "RT, unspecified")]
    public void Radiation_therapy_beside_radiosurgery_takes_what_the_summary_defines_for_it(string summary, string modality)
    {
        var study = Normalise(Trial("Radiosurgery With or Without Whole-Brain Radiation Therapy", summary,
            [Intervention("RADIATION", "radiation therapy"), Intervention("RADIATION", "Radiosurgery")]));

        Assert.Equal(modality, study.Interventions[0].RtModality);
        Assert.Equal("SBRT", study.Interventions[1].RtModality);
    }

    /// <summary>NCT03714490 (set 93): "SCPRT plus neoadjuvant chemotherapy", short-course preoperative RT by its acronym.</summary>
    [Theory]
    [InlineData("RADIATION", "SCPRT plus neoadjuvant chemotherapy", "RT, unspecified")]
    [InlineData("DRUG", "SCPRT plus neoadjuvant chemotherapy", null)] // a drug's name is not read for an acronym
    [InlineData("RADIATION", "Neoadjuvant chemotherapy per the NEOCON protocol", null)] // capitals that are no acronym of RT
    public void An_acronym_of_rt_within_a_radiation_name_gives_rt(string type, string name, string? modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention(type, name)).RtModality);
    }

    /// <summary>NCT03955367 (set 93): "External beam radiation therapy is delivered with intensity-modulated radiation therapy (IMRT)".</summary>
    [Theory]
    [InlineData("External beam radiation therapy is delivered with intensity-modulated radiation therapy (IMRT).", "EBRT")]
    [InlineData("Radiotherapy is delivered with concurrent cisplatin.", "RT, unspecified")] // no kind defined
    public void A_summary_saying_how_the_trial_s_kind_is_delivered_defines_it(string sentence, string modality)
    {
        var study = Normalise(Trial("Pelvic RT Versus Extended-field RT in Cervical Cancer",
            "We compare the efficacy and toxicity of pelvic irradiation and extended-field irradiation. " + sentence,
            [Intervention("RADIATION", "Pelvic irradiation"), Intervention("RADIATION", "Intracavitary brachytherapy")]));

        Assert.Equal(modality, study.Interventions[0].RtModality);
    }

    /// <summary>NCT01717677 (set 93, PREFERE): "percutaneous radiation therapy" and "permanent seed implantation".</summary>
    [Theory]
    [InlineData("percutaneous radiation therapy", "EBRT")]
    [InlineData("permanent seed implantation", "Brachytherapy")]
    [InlineData("CT-guided percutaneous 125I seed implantation", "I-125 seed")] // percutaneous seeds are not external beam
    public void European_names_of_external_beam_and_seeds_are_read(string name, string modality)
    {
        Assert.Equal(modality, OnlyIntervention(Intervention("RADIATION", name)).RtModality);
    }

    /// <summary>NCT05859711 (set 93): saline rinses "starting in the 4th week of radiotherapy" do not give the RT.</summary>
    [Theory]
    [InlineData("oral rinses with saline 3 times per day starting in the 4th week of radiotherapy", null)]
    [InlineData("mouthwash from the last week of radiation therapy", null)]
    [InlineData("6 weeks of radiotherapy with daily oral rinses", "RT, unspecified")] // a course
    public void One_week_of_rt_marks_a_point_in_time(string armDescription, string? modality)
    {
        var protocol = Trial("Effectiveness of Thyme Honey in Management of Xerostomia", null, [],
            Arm("Saline", armDescription), Arm("Thyme honey", "oral rinses with thyme honey"));

        Assert.Equal(modality, Normalise(WithPurpose(protocol, "TREATMENT")).FreeText?.RtModality);
    }

    /// <summary>Set 92: "Free survival rate" of an event-free survival; "Survival with a WHO performance status 0-2 ... every 3 months until death".</summary>
    [Theory]
    [InlineData("Free survival rate", "To compare the event free survival rate for children treated with either schedule.", "DFS/RFS")]
    [InlineData("Survival with a WHO performance status 0-2, assessed every 3 months until death", null, "other")]
    [InlineData("Time until death", null, "OS")]
    [InlineData("Overall survival, followed until death", null, "OS")]
    public void Survival_that_is_not_everyone_s_is_not_overall_survival(string measure, string? description, string endpoint)
    {
        Assert.Equal(endpoint, Endpoint(measure, description));
    }

    /// <summary>NCT00005584 (set 92): "BEACOPP regimen"; prednisone has no class, as in R-CHOP.</summary>
    [Fact]
    public void Beacopp_names_its_chemotherapy()
    {
        Assert.Equal(["bleomycin", "etoposide", "doxorubicin", "cyclophosphamide", "vincristine", "procarbazine"],
            OnlyIntervention(Intervention("DRUG", "BEACOPP regimen")).Agents);
    }

    /// <summary>NCT06773039 (set 94): an observational collection of data "in Patients With Head and Neck Neoplasms Treated With Radiotherapy".</summary>
    [Theory]
    [InlineData("Assessment of Different Therapeutic Strategies in Patients With Head and Neck Neoplasms Treated With Radiotherapy", null)]
    [InlineData("Quality of Life of Children With Brain Tumours Treated by Proton Therapy", null)]
    [InlineData("Surgery Versus Stereotactic Body Radiation Therapy for Stage I NSCLC", "SBRT")] // what it compares, not the patients' treatment
    public void An_observational_title_of_patients_treated_with_rt_gives_no_rt(string title, string? modality)
    {
        Assert.Equal(modality, Normalise(Observational(title)).FreeText?.RtModality);
    }
}
