using System.Xml;
using TrialEvidence.Data.Registries;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Tests.Registries;

/// <summary>The WHO ICTRP XML export (../shared/registries/ictrp) read into the records the normaliser reads.</summary>
public class WhoIctrpXmlTests
{
    private static readonly Lazy<List<StudyRecord>> Trials = new(() =>
    {
        using var file = File.OpenRead(Path.Combine(SharedData.Folder, "registries", "ictrp", "ICTRP-Results_18Mar2020_part1.xml"));
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
        Assert.Equal(["survival group:none", "died:none"], trial.Interventions.Select(i => i.Name));
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
    public void A_file_that_is_not_xml_is_refused()
    {
        using var stream = new MemoryStream("{\"studies\":[]}"u8.ToArray());

        Assert.Throws<XmlException>(() => WhoIctrpXml.Read(stream).ToList());
    }
}
