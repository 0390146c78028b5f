using System.Net;
using System.Text.Json;

namespace TrialEvidence.Api.Tests.Errors;

/// <summary>Bad input answers a ProblemDetails naming what is wrong, never a 500.</summary>
public sealed class ErrorTests(EvidenceApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string, string, string> BadFilters => new()
    {
        { "/api/trials?status=BOGUS", "status", "allowed: 'RECRUITING'" },
        { "/api/trials?phase=PHASE9", "phase", "allowed: 'EARLY_PHASE1'" },
        { "/api/trials?agent=aspirin", "agent", "'adebrelimab', " },
        { "/api/trials?target=PD-2", "target", "allowed: 'PD-1', 'PD-L1', 'CTLA-4'" },
        { "/api/trials?modality=laser", "modality", "allowed: 'SBRT'" },
        { "/api/trials?endpoint=QoL", "endpoint", "allowed: 'other'" },
        { "/api/trials?freeText=maybe", "freeText", "allowed: 'include', 'exclude', 'only'" },
        { "/api/trials?sort=drop%20table", "sort", "allowed: nctId, -nctId" },
        { "/api/trials?pageSize=0", "pageSize", "must be 1 to 500" },
        { "/api/trials?pageSize=100000", "pageSize", "must be 1 to 500" },
        { "/api/trials?page=0", "page", "must be 1 or more" },
        { "/api/trials?minEnrollment=-1", "minEnrollment", "0 or more" },
        { "/api/trials?minEnrollment=10&maxEnrollment=5", "maxEnrollment", "not less than minEnrollment" },
        { "/api/trials?startFrom=2019-13", "startFrom", "yyyy-MM" },
        { "/api/trials?updatedSince=yesterday", "updatedSince", "yyyy-MM-dd" },
        { "/api/trials/NCT123", "nctId", "NCT followed by 8 digits" },
        { "/api/table1?ids=NCT03482102,DROP", "ids", "not valid: 'DROP'" },
        { "/api/table1?format=pdf", "format", "allowed: json, csv" },
        { "/api/table1?limit=0", "limit", "must be 1 to 5000" },
        { "/api/harvests?limit=0", "limit", "must be 1 to 500" },
        { "/api/trials?q=a%00b", "q", "without control characters" },
        { "/api/table1?ids=NCT0348210%D9%A2", "ids", "not valid" },
        { "/api/trials?startFrom=2024-02-30", "startFrom", "yyyy-MM-dd" },
        { "/api/trials?startTo=%D9%A2%D9%A0%D9%A1%D9%A8", "startTo", "yyyy" },
        { "/api/trials?updatedSince=2018%0A", "updatedSince", "yyyy" },
        { "/api/trials?" + "status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED&status=COMPLETED", "status", "at most 50 values" },
    };

    [Theory]
    [MemberData(nameof(BadFilters))]
    public async Task A_bad_value_answers_400_naming_the_parameter_and_allowed_values(string url, string parameter, string message)
    {
        var problem = await GetJson(url, HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out var text), $"{url}: {problem}");
        Assert.Contains(message, text[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/trials?minEnrollment=abc", "MinEnrollment")]
    [InlineData("/api/trials?page=one", "page")]
    [InlineData("/api/trials?pageSize=abc", "'pageSize'")]
    [InlineData("/api/table1?limit=x", "'limit'")]
    [InlineData("/api/harvests?limit=x", "'limit'")]
    [InlineData("/api/trials?maxEnrollment=1e3", "'maxEnrollment'")]
    public async Task Input_that_cannot_be_read_answers_400_naming_it(string url, string parameter)
    {
        var problem = await GetJson(url, HttpStatusCode.BadRequest);

        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_over_long_query_answers_400()
    {
        var problem = await GetJson("/api/trials?q=" + new string('a', 9000), HttpStatusCode.BadRequest);

        Assert.Equal("The query is too long", problem.GetProperty("title").GetString());
    }

    public static TheoryData<string, string, HttpStatusCode> ErrorsUnderAnyAccept => new()
    {
        { "/api/trials?q=" + new string('a', 9000), "text/csv", HttpStatusCode.BadRequest },
        { "/api/table1?format=csv&q=" + new string('a', 9000), "text/csv", HttpStatusCode.BadRequest },
        { "/index.html?q=" + new string('a', 9000), "text/html", HttpStatusCode.BadRequest },
        { "/app.js?q=" + new string('a', 9000), "application/javascript", HttpStatusCode.BadRequest },
        { "/api/trials?page=one", "text/csv", HttpStatusCode.BadRequest },
        { "/api/table1?limit=x", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", HttpStatusCode.BadRequest },
        { "/api/trials?status=BOGUS", "image/png", HttpStatusCode.BadRequest },
        { "/api/trials/NCT09999999", "text/html", HttpStatusCode.NotFound },
        { "/api/nothing-here", "text/plain", HttpStatusCode.NotFound },
        { "/openapi/v2.json", "application/json", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(ErrorsUnderAnyAccept))]
    public async Task Every_error_is_a_problem_json_body_whatever_the_accept_header(string url, string accept, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    [Theory]
    [InlineData("/api/trials?q=" + "%22%22%22")]
    [InlineData("/api/trials?q=OR")]
    [InlineData("/api/trials?q=NOT%20NOT%20(")]
    [InlineData("/api/trials?q=%2A%3A%5E")]
    public async Task Search_syntax_never_breaks_the_query(string url)
    {
        var page = await GetJson(url);

        Assert.True(page.GetProperty("total").GetInt64() >= 0);
    }

    [Fact]
    public async Task An_unknown_trial_answers_404_as_a_problem()
    {
        using var response = await Client.GetAsync("/api/trials/NCT09999999");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("NCT09999999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_version_of_a_known_trial_answers_404()
    {
        await GetJson("/api/trials/NCT04547452/raw?version=999999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_route_answers_404_as_a_problem()
    {
        using var response = await Client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_harvest_on_demand_needs_the_api_key()
    {
        using var none = await Client.PostAsync("/api/topics/hcc-irt/harvest", null);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/topics/hcc-irt/harvest");
        wrong.Headers.Add("X-Api-Key", "guess");
        using var wrongResponse = await Client.SendAsync(wrong);
        using var right = new HttpRequestMessage(HttpMethod.Post, "/api/topics/melanoma/harvest");
        right.Headers.Add("X-Api-Key", EvidenceApiFactory.ApiKey);
        using var unknownTopic = await Client.SendAsync(right);
        using var known = new HttpRequestMessage(HttpMethod.Post, "/api/topics/hcc-irt/harvest");
        known.Headers.Add("X-Api-Key", EvidenceApiFactory.ApiKey);
        using var schedulerOff = await Client.SendAsync(known);

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.Conflict],
            new[] { none.StatusCode, wrongResponse.StatusCode, unknownTopic.StatusCode, schedulerOff.StatusCode });
    }
}
