using System.Xml;
using System.Xml.Linq;
using TrialEvidence.Data.Registries;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Tests.Registries;

/// <summary>ChiCTR's own XML download of a trial (../shared/registries/chictr), read field by field against what the file says.</summary>
public class ChiCtrXmlTests
{
    private static readonly string File = SharedData.ChiCtrFile("ChiCTR2000034346.xml");

    private static readonly Lazy<RegisteredTrial> Trial = new(() =>
    {
        using var stream = System.IO.File.OpenRead(File);
        return Assert.Single(ChiCtrXml.ReadTrials(stream)).Trial;
    });

    /// <summary>The file's one trial as XML, read apart from the reader.</summary>
    private static readonly Lazy<XElement> Element = new(() => XDocument.Load(File).Root!.Element("Triall")!);

    private static string MainValue(string name) => Element.Value.Element("main")!.Element(name)!.Value;

    [Fact]
    public void The_trial_keeps_its_id_registry_titles_and_page()
    {
        var trial = Trial.Value;

        Assert.Equal("ChiCTR2000034346", trial.Id);
        Assert.Equal(RegistryId.ChiCtr, trial.Registry);
        Assert.Equal(ChiCtrXml.Format, trial.Format);
        Assert.Null(trial.Via);
        Assert.Equal(MainValue("public_title"), trial.BriefTitle);
        Assert.Equal(MainValue("scientific_title"), trial.OfficialTitle);
        Assert.Null(trial.Acronym); // <acronym/>
        Assert.Equal("http://www.chictr.org.cn/showproj.aspx?proj=55654", trial.Url);
        Assert.Empty(trial.SecondaryIds); // <sec_id/>
    }

    [Fact]
    public void The_sample_size_by_year_is_the_enrollment_with_the_groups_kept()
    {
        var trial = Trial.Value; // <target_size>2019 Y:2418;2020 Y:821;</target_size>

        Assert.Equal([new SampleGroup("2019 Y", 2418), new SampleGroup("2020 Y", 821)], trial.EnrollmentGroups);
        Assert.Equal(2418 + 821, trial.EnrollmentCount);
        Assert.Equal(["2019 Y", "2020 Y"], trial.Arms.Select(a => a.Label));
        Assert.Empty(trial.Interventions); // <i_freetext>2019 Y:N/A;2020 Y:N/A;</i_freetext>: no intervention
    }

    [Fact]
    public void Status_dates_sponsor_and_design_are_read_in_the_registry_api_form()
    {
        var trial = Trial.Value;

        Assert.Equal("Completed", trial.RegistryStatus);
        Assert.Equal("COMPLETED", trial.OverallStatus);
        Assert.Equal("2020-07-02", trial.RegistrationDate);
        Assert.Equal("2020-04-10", trial.StartDate);
        Assert.Equal("Jianxing He", trial.Sponsor);
        Assert.Empty(trial.SecondarySponsors);
        Assert.Equal("Health services reaserch", trial.StudyType); // neither interventional nor observational in the registry's words
        Assert.Empty(trial.Phases); // "Retrospective study" names no phase
    }

    [Fact]
    public void Condition_outcome_criteria_and_countries_are_read_as_written()
    {
        var trial = Trial.Value;
        var criteria = Element.Value.Element("criteria")!;

        Assert.Equal([MainValue("hc_freetext")], trial.Conditions);
        Assert.Equal(["decrease"], trial.PrimaryOutcomes.Select(o => o.Measure)); // "decrease;"
        Assert.Empty(trial.SecondaryOutcomes);
        Assert.Equal(criteria.Element("inclusion_criteria")!.Value, trial.InclusionCriteria);
        Assert.Equal(criteria.Element("exclusion_criteria")!.Value, trial.ExclusionCriteria);
        Assert.Equal("ALL", trial.Sex); // "Both"
        Assert.Null(trial.MinimumAge);
        Assert.Null(trial.MaximumAge);
        Assert.Equal(["China"], trial.Countries);
        Assert.Empty(trial.Sites);
    }

    [Fact]
    public void The_trial_element_is_kept_verbatim()
    {
        Assert.True(XNode.DeepEquals(Element.Value, XElement.Parse(Trial.Value.Document)));
    }

    [Fact]
    public void A_truncated_export_is_refused_with_its_line()
    {
        var bytes = System.IO.File.ReadAllBytes(File);
        using var stream = new MemoryStream(bytes[..(bytes.Length / 2)]);

        var refused = Assert.Throws<XmlException>(() => ChiCtrXml.ReadTrials(stream).ToList());
        Assert.True(refused.LineNumber > 1);
    }

    [Fact]
    public void A_trial_without_an_id_is_refused_at_its_line()
    {
        var text = System.IO.File.ReadAllText(File).Replace("<trial_id>ChiCTR2000034346</trial_id>", "<trial_id/>", StringComparison.Ordinal);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));

        var refused = Assert.Throws<XmlException>(() => ChiCtrXml.ReadTrials(stream).ToList());
        Assert.Equal(3, refused.LineNumber); // <Triall>
    }
}
