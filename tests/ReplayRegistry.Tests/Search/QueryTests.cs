using System.Net;
using System.Text;

namespace TrialEvidence.ReplayRegistry.Tests.Search;

public sealed class QueryTests(RunningRegistry registry) : IClassFixture<RunningRegistry>
{
    private ReplayRegistryServer Server => registry.Server;

    private HttpClient Client => registry.Client;

    private static readonly string[] ReconstructedHcc = ["NCT03203304", "NCT03316872", "NCT03482102", "NCT04167293"];

    [Fact]
    public async Task Condition_search_finds_the_hcc_records_and_no_asthma_record()
    {
        var page = await Client.SearchAsync(("query.cond", "hepatocellular"), ("pageSize", "1000"));

        // These four name hepatocellular carcinoma in their conditions or titles; the others only say "HCC".
        Assert.Subset(page.NctIds.ToHashSet(), ReconstructedHcc.ToHashSet());
        Assert.All(page.NctIds, id => Assert.Contains("hepatocellular", Encoding.UTF8.GetString(Server.Studies[id]), StringComparison.OrdinalIgnoreCase));
        var asthma = Directory.EnumerateFiles(SharedFolder.CtGovFile("ctg-studies-trialmatchai")).Select(Path.GetFileNameWithoutExtension);
        Assert.Empty(page.NctIds.Intersect(asthma));
    }

    [Theory]
    [InlineData("sintilimab")]
    [InlineData("sintilimab AND metastatic")]
    [InlineData("sintilimab metastatic")]
    [InlineData("sintilimab NOT metastatic")]
    [InlineData("(pembrolizumab OR sintilimab) AND liver")]
    [InlineData("pembrolizumab OR sintilimab AND liver")]
    [InlineData("\"stereotactic body radiotherapy\"")]
    [InlineData("asthma OR \"liver cancer\"")]
    public async Task Title_search_evaluates_and_or_not_phrases_and_parentheses(string expression)
    {
        var page = await Client.SearchAsync(("query.titles", expression), ("pageSize", "1000"));

        Assert.Equal(StudiesWhoseTitles(Oracles[expression]), page.NctIds);
    }

    [Fact]
    public async Task Several_query_parameters_must_all_match()
    {
        var page = await Client.SearchAsync(("query.cond", "hepatocellular"), ("query.intr", "nivolumab"), ("pageSize", "1000"));

        Assert.Contains("NCT03203304", page.NctIds);
        Assert.DoesNotContain("NCT03316872", page.NctIds); // HCC, but pembrolizumab
    }

    [Fact]
    public async Task Ids_filter_takes_comma_or_pipe_lists_in_any_case()
    {
        var page = await Client.SearchAsync(("filter.ids", "nct04547452|NCT03203304,NCT99999999"));

        Assert.Equal(["NCT03203304", "NCT04547452"], page.NctIds);
    }

    [Fact]
    public async Task Status_filter_returns_only_studies_with_those_statuses()
    {
        var page = await Client.SearchAsync(("filter.overallStatus", "RECRUITING|terminated"), ("pageSize", "1000"));

        var expected = Server.Studies
            .Where(study => (string?)RecordedStudies.Parse(study.Value)["protocolSection"]?["statusModule"]?["overallStatus"] is "RECRUITING" or "TERMINATED")
            .Select(study => study.Key);
        Assert.Equal(expected, page.NctIds);
        Assert.NotEmpty(page.NctIds);
    }

    [Theory]
    [InlineData("filter.phase", "PHASE2")]
    [InlineData("query.cond", "AREA[ConditionSearch]asthma")]
    [InlineData("query.cond", "(liver OR lung")]
    [InlineData("query.cond", "\"liver cancer")]
    [InlineData("query.cond", "liver AND")]
    [InlineData("filter.overallStatus", "OPEN")]
    [InlineData("filter.ids", "NCT123")]
    [InlineData("format", "csv")]
    [InlineData("countTotal", "yes")]
    public async Task Unsupported_or_invalid_parameters_get_400_in_plain_text_naming_the_parameter(string name, string value)
    {
        using var response = await Client.GetAsync(SearchClient.StudiesUri((name, value)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fields_is_accepted_and_full_studies_are_served()
    {
        var page = await Client.SearchAsync(("filter.ids", "NCT03203304"), ("fields", "NCTId,BriefTitle"));

        Assert.True(page.Body.AsSpan().IndexOf(Server.Studies["NCT03203304"]) > 0);
    }

    // The expected result of each expression, written as C# over "does a title contain this text".
    private static readonly Dictionary<string, Func<Func<string, bool>, bool>> Oracles = new()
    {
        ["sintilimab"] = has => has("sintilimab"),
        ["sintilimab AND metastatic"] = has => has("sintilimab") && has("metastatic"),
        ["sintilimab metastatic"] = has => has("sintilimab") && has("metastatic"),
        ["sintilimab NOT metastatic"] = has => has("sintilimab") && !has("metastatic"),
        ["(pembrolizumab OR sintilimab) AND liver"] = has => (has("pembrolizumab") || has("sintilimab")) && has("liver"),
        ["pembrolizumab OR sintilimab AND liver"] = has => has("pembrolizumab") || (has("sintilimab") && has("liver")),
        ["\"stereotactic body radiotherapy\""] = has => has("stereotactic body radiotherapy"),
        ["asthma OR \"liver cancer\""] = has => has("asthma") || has("liver cancer"),
    };

    private IEnumerable<string> StudiesWhoseTitles(Func<Func<string, bool>, bool> oracle) =>
        Server.Studies
            .Where(study =>
            {
                var identification = RecordedStudies.Parse(study.Value)["protocolSection"]!["identificationModule"]!;
                var titles = new[] { "briefTitle", "officialTitle", "acronym" }.Select(name => (string?)identification[name] ?? string.Empty);
                return oracle(text => titles.Any(title => title.Contains(text, StringComparison.OrdinalIgnoreCase)));
            })
            .Select(study => study.Key);
}
