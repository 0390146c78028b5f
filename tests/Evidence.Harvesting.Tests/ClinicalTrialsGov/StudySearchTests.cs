using TrialEvidence.ClinicalTrialsGov;

namespace TrialEvidence.Harvesting.Tests.ClinicalTrialsGov;

public class StudySearchTests
{
    [Fact]
    public void Registry_parameter_names_round_trip()
    {
        var parameters = new Dictionary<string, string>
        {
            ["query.cond"] = "hepatocellular carcinoma",
            ["query.term"] = "SBRT AND nivolumab",
            ["filter.advanced"] = "AREA[Phase]PHASE2",
            ["filter.overallStatus"] = "RECRUITING|COMPLETED",
            ["sort"] = "LastUpdatePostDate:desc",
        };

        var search = StudySearch.From(parameters);

        Assert.Equal("hepatocellular carcinoma", search.Condition);
        Assert.Equal("AREA[Phase]PHASE2", search.Advanced);
        Assert.Equal(parameters.OrderBy(p => p.Key, StringComparer.Ordinal), search.ToParameters());
    }

    [Fact]
    public void Paging_is_not_a_topic_parameter()
    {
        var error = Assert.Throws<ArgumentException>(() => StudySearch.From(new Dictionary<string, string> { ["pageToken"] = "abc" }));

        Assert.Contains("'pageToken' is not a search parameter", error.Message, StringComparison.Ordinal);
    }
}
