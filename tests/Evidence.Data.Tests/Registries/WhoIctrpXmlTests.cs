using System.Xml;
using System.Xml.Linq;
using TrialEvidence.Data.Registries;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Tests.Registries;

/// <summary>The WHO ICTRP XML export (../shared/registries/ictrp) read into the records the normaliser reads.</summary>
public class WhoIctrpXmlTests
{
    private static readonly Lazy<List<StudyRecord>> Trials = new(() =>
    {
        using var file = File.OpenRead(SharedData.IctrpExport);
        return [.. WhoIctrpXml.Read(file)];
    });

    [Fact]
    public void Every_trial_of_the_export_is_read_with_its_registry_id()
    {
        Assert.Equal(289, Trials.Value.Count);
        Assert.Equal(289, Trials.Value.Select(t => t.NctId).Distinct().Count());
        Assert.Equal(52, Trials.Value.Count(t => t.NctId.StartsWith("NCT", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_chictr_trial_keeps_its_titles_sponsor_and_each_primary_outcome_as_written()
    {
        var trial = Trials.Value[0];

        Assert.Equal("ChiCTR2000029953", trial.NctId);
        Assert.Equal("Construction and Analysis of Prognostic Predictive Model of Novel Coronavirus Pneumonia (COVID-19)", trial.BriefTitle);
        Assert.Equal(trial.BriefTitle, trial.OfficialTitle); // the export pads it with blanks
        Assert.Equal("Zhongnan Hospital of Wuhan University", trial.LeadSponsor);
        Assert.Equal("OBSERVATIONAL", trial.StudyType);
        Assert.Equal(["2019-nCoV Pneumonia"], trial.Conditions);
        // ChiCTR's "group:intervention;": each group an arm; "none" is no intervention.
        Assert.Equal(["survival group", "died"], trial.ArmGroups.Select(a => a.Label));
        Assert.Empty(trial.Interventions);
        Assert.Equal(
            ["duration of in hospital", "in hospital mortality", "the 28s day' mortality after admission", "duration of ICU stay"],
            trial.Outcomes.Select(o => o.Measure));
        Assert.All(trial.Outcomes, o => Assert.Equal(OutcomeKind.Primary, o.Kind));
    }

    [Fact]
    public void Criteria_lose_the_html_line_breaks_and_keep_inclusion_before_exclusion()
    {
        var trial = Trials.Value.Single(t => t.NctId == "NCT00523276");

        Assert.DoesNotContain("<br>", trial.EligibilityCriteria, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Inclusion Criteria:", trial.EligibilityCriteria, StringComparison.Ordinal);
        Assert.True(trial.EligibilityCriteria!.IndexOf("Exclusion Criteria:", StringComparison.Ordinal) > 0);
    }

    [Fact]
    public void A_chictr_intervention_given_to_several_groups_is_one_intervention_of_those_arms()
    {
        var trial = Trials.Value.Single(t => t.NctId == "ChiCTR2000029742");

        Assert.Equal(5, trial.ArmGroups.Count);
        var normal = trial.Interventions.Single(i => i.Name == "Normal Treatment");
        Assert.Equal(["General patients treated with normal treatment", "Severe patients control group 2"], normal.ArmGroupLabels);
        Assert.Equal(3, trial.Interventions.Count);
    }

    [Fact]
    public void A_chictr_sample_size_by_group_is_the_enrollment_with_the_groups_kept()
    {
        var trial = Trials.Value[0]; // Target_size "survival group:200;died:200;"

        Assert.Equal(400, trial.EnrollmentCount);
        Assert.Null(trial.EnrollmentType); // a target size, but ICTRP does not say so for every registry
        Assert.Equal([new SampleGroup("survival group", 200), new SampleGroup("died", 200)], trial.EnrollmentGroups);
        Assert.Equal("ChiCTR", trial.Registry);
        Assert.Equal("WHO ICTRP", trial.Via);
        Assert.Equal("http://www.chictr.org.cn/showproj.aspx?proj=49217", trial.RegistryUrl);
    }

    [Fact]
    public void A_truncated_group_list_leaves_the_enrollment_unknown_and_keeps_the_groups_read()
    {
        // ICTRP cuts Target_size off at 250 characters: "...;Hospital su"
        var trial = Trials.Value.Single(t => t.EnrollmentGroups.Count > 0 && t.EnrollmentCount is null);

        Assert.Equal(6, trial.EnrollmentGroups.Count);
        Assert.All(trial.EnrollmentGroups, g => Assert.Equal(20, g.Count));
    }

    [Fact]
    public void Statuses_keep_the_registry_words_and_take_a_code_only_where_the_words_say_exactly_that()
    {
        Assert.Equal("Not Recruiting", Trials.Value[0].RegistryStatus);
        Assert.Null(Trials.Value[0].OverallStatus); // before recruitment or after it: ICTRP does not say
        Assert.All(Trials.Value.Where(t => t.RegistryStatus == "Recruiting"), t => Assert.Equal("RECRUITING", t.OverallStatus));
        Assert.All(Trials.Value.Where(t => t.RegistryStatus != "Recruiting"), t => Assert.Null(t.OverallStatus));
    }

    [Fact]
    public void Dates_phases_ages_and_countries_are_read_in_the_registry_api_form()
    {
        var chictr = Trials.Value[0];
        Assert.Equal("2020-02-01", chictr.StartDate);
        Assert.Equal("2020-02-17", chictr.FirstPostedDate);
        Assert.Equal("2020-02-17", chictr.LastUpdatePostedDate); // "17 February 2020": when ICTRP last refreshed it
        Assert.Equal(["NA"], chictr.Phases);
        Assert.Equal("ALL", chictr.EligibilitySex);
        Assert.Equal(["China"], chictr.Locations.Select(l => l.Country));
        Assert.All(chictr.Locations, l => Assert.Null(l.Facility));

        var nct = Trials.Value.Single(t => t.NctId == "NCT00523276");
        Assert.Equal("ClinicalTrials.gov", nct.Registry);
        Assert.Equal("1996-01", nct.StartDate); // "January 1996"
        Assert.Equal("2007-08-30", nct.FirstPostedDate); // "30/08/2007"
        Assert.Equal("4 Years", nct.MinimumAge);
        Assert.Null(nct.MaximumAge); // "N/A"
        Assert.Equal(0, nct.EnrollmentCount);
    }

    [Theory]
    [InlineData("4", "PHASE4")]
    [InlineData("Phase 2", "PHASE2")]
    public void A_phase_number_is_a_phase_code(string phase, string code)
    {
        var trial = Trials.Value.First(t => XmlValue(t.NctId, "Phase") == phase);

        Assert.Equal([code], trial.Phases);
    }

    [Fact]
    public void Chictr_phase_0_has_no_code()
    {
        Assert.All(Trials.Value.Where(t => XmlValue(t.NctId, "Phase") == "0"), t => Assert.Empty(t.Phases));
    }

    [Fact]
    public void Every_trial_keeps_its_element_of_the_export_verbatim_in_the_stored_json()
    {
        using var file = File.OpenRead(SharedData.IctrpExport);
        var studies = WhoIctrpXml.ReadStudies(file).ToList();
        var export = Export.Value.Root!.Elements("Trial").ToList();

        Assert.Equal(export.Count, studies.Count);
        foreach (var (study, element) in studies.Zip(export))
        {
            using var json = System.Text.Json.JsonDocument.Parse(study.Utf8);
            var document = json.RootElement.GetProperty("registryDocument").GetString()!;
            Assert.True(XNode.DeepEquals(element, XElement.Parse(document)), element.Element("TrialID")!.Value);
        }
    }

    private static readonly Lazy<XDocument> Export = new(() => XDocument.Load(SharedData.IctrpExport));

    /// <summary>An element of a trial of the export, read apart from the reader.</summary>
    private static string? XmlValue(string id, string element) =>
        Export.Value.Root!.Elements("Trial").Single(t => t.Element("TrialID")!.Value == id).Element(element)?.Value;

    [Fact]
    public void An_xml_file_of_another_kind_is_refused_naming_its_root()
    {
        using var stream = new MemoryStream("<?xml version='1.0'?><trials><trial/></trials>"u8.ToArray());

        var refused = Assert.Throws<XmlException>(() => WhoIctrpXml.Read(stream).ToList());
        Assert.Contains("<trials>", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_xml_is_refused()
    {
        using var stream = new MemoryStream("{\"studies\":[]}"u8.ToArray());

        Assert.Throws<XmlException>(() => WhoIctrpXml.Read(stream).ToList());
    }
}
