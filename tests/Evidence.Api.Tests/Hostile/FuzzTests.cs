using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace TrialEvidence.Api.Tests.Hostile;

/// <summary>
/// Seeded random requests (methods, paths, parameters, Accept headers) against the real server on
/// a database holding hostile records. No answer may be a 5xx, no connection may drop, and every
/// error must be a ProblemDetails JSON body. TRIALEVIDENCE_FUZZ_REQUESTS and TRIALEVIDENCE_FUZZ_SEED
/// make a larger or different run: the same seed always sends the same requests.
/// </summary>
public sealed class FuzzTests(HostileRecordsFactory factory, ITestOutputHelper output) : IClassFixture<HostileRecordsFactory>
{
    private const int DefaultRequests = 3000;
    private const int DefaultSeed = 20261202;

    private static readonly string[] Methods = ["GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

    private static readonly string[] Paths =
    [
        "/", "/index.html", "/app.js", "/app.css", "/favicon.svg", "/favicon.ico", "/openapi/v1.json", "/openapi/v2.json", "/api/reference",
        "/api/trials", "/api/trials/{id}", "/api/trials/{id}/versions", "/api/trials/{id}/raw", "/api/table1",
        "/api/topics", "/api/topics/{topic}/harvest", "/api/harvests", "/api/{junk}", "/{junk}", "/api/trials/{junk}/raw",
    ];

    private static readonly string[] Parameters =
    [
        "topic", "q", "status", "phase", "country", "sponsor", "agent", "target", "modality", "endpoint", "minEnrollment",
        "maxEnrollment", "startFrom", "startTo", "updatedSince", "sort", "page", "pageSize", "ids", "format", "limit", "version", "x",
    ];

    private static readonly string[] Values =
    [
        "", "PHASE2", HostileRecordsFactory.OddPhase, "RECRUITING", "COMPLETED", "PD-1", "SBRT", "sintilimab", "China", "os",
        "csv", "xlsx", "docx", "md", "html", "json", "pdf", "-phase", "nctId", "enrollment", "-start",
        "NCT04547452", "NCT99000000", "NCT03482102,NCT99000001", "NCT0", "0", "1", "-1", "500", "501", "2147483648", "1e3", "NaN",
        "2019", "2019-13", "2024-02-30", "2020-01-01", "\"", "'", "\"]}", "[", "]", "{", "}", "%", "%%", "\\", "(", ")", "*", "NOT",
        "OR", "AND", "NEAR", "^", ":", "\"\"\"", "<script>", "=1+1", "@SUM(A1)", "\u0000", "\n", "\u202e", "ＰＤ－１", "٢٠١٩",
        "\ud83d\ude00", "a b", "hcc-irt", "melanoma", "../../etc/passwd",
    ];

    private static readonly string?[] Accepts =
    [
        null, "*/*", "application/json", "application/problem+json", "text/csv", "text/html", "text/markdown", "text/plain",
        "application/xml", "image/png", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/*;q=0.1, application/json;q=0", "garbage;;q=x",
    ];

    private readonly HttpClient _client = factory.CreateLoopbackClient();

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    [Fact]
    public async Task Seeded_random_requests_never_answer_5xx_drop_a_connection_or_send_an_error_that_is_not_a_problem()
    {
        var count = Setting("TRIALEVIDENCE_FUZZ_REQUESTS", DefaultRequests);
        var seed = Setting("TRIALEVIDENCE_FUZZ_SEED", DefaultSeed);
        var random = new Random(seed);
        var requests = Enumerable.Range(0, count).Select(_ => Next(random)).ToList(); // drawn in order, so the seed fixes them
        var statuses = new Dictionary<int, int>();
        var failures = new List<string>();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, cancel) =>
        {
            var failure = await Send(request, statuses, cancel);
            if (failure is not null)
            {
                lock (failures)
                {
                    failures.Add(failure);
                }
            }
        });

        output.WriteLine($"seed {seed}, {count} requests ({requests.Count(r => r.RefusedByKestrel)} with a NUL in the path, which Kestrel refuses): " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.Equal(count, statuses.Values.Sum() + failures.Count(f => f.StartsWith("dropped", StringComparison.Ordinal)));
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} failed (seed {seed}):\n" + string.Join("\n", failures.Take(20)));
        Assert.Contains(statuses.Keys, status => status >= 400); // the run reached errors, not only the happy path
    }

    private async Task<string?> Send(FuzzRequest fuzz, Dictionary<int, int> statuses, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), fuzz.Url);
        if (fuzz.Accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", fuzz.Accept);
        }

        if (fuzz.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent(fuzz.Body, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, cancel);
        }
        catch (HttpRequestException ex)
        {
            return $"dropped: {fuzz} ({ex.Message})";
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            lock (statuses)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }

            var body = await response.Content.ReadAsStringAsync(cancel);
            if (status >= 500)
            {
                return $"{status}: {fuzz} {body[..Math.Min(body.Length, 300)]}";
            }

            if (fuzz.RefusedByKestrel)
            {
                // Kestrel refuses a NUL in the path as malformed HTTP before the application sees the request.
                return status == 400 ? null : $"{status} for a path Kestrel refuses: {fuzz}";
            }

            if (status >= 400 && fuzz.Method != "HEAD" && !IsProblem(response, body))
            {
                return $"{status} not a problem ({response.Content.Headers.ContentType}): {fuzz} {body[..Math.Min(body.Length, 300)]}";
            }

            return null;
        }
    }

    private static bool IsProblem(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("status", out var status) && status.GetInt32() == (int)response.StatusCode;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static FuzzRequest Next(Random random)
    {
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        string Value() => random.Next(20) switch
        {
            0 => new string(Pick(Values).FirstOrDefault('x'), random.Next(1, 3000)),
            1 => string.Join(',', Enumerable.Range(0, random.Next(2, 60)).Select(_ => Pick(Values))),
            2 => random.Next().ToString(CultureInfo.InvariantCulture),
            _ => Pick(Values),
        };

        var path = Pick(Paths)
            .Replace("{id}", Pick(HostileRecordsFactory.Ids.Concat(["NCT04547452", "NCT03482102", "NCT09999999", "nct04547452", "NCT1"]).ToList()), StringComparison.Ordinal)
            .Replace("{topic}", Pick(["hcc-irt", "melanoma", "%2e%2e", "x"]), StringComparison.Ordinal)
            .Replace("{junk}", Uri.EscapeDataString(Value()), StringComparison.Ordinal);
        var query = new StringBuilder();
        for (var i = random.Next(0, 8); i > 0; i--)
        {
            var name = random.Next(10) == 0 ? Uri.EscapeDataString(Value()) : Pick(Parameters);
            // Mostly escaped values; sometimes raw percent signs and malformed escapes as a careless client sends them.
            var value = random.Next(8) == 0 ? Pick(["%", "%ZZ", "%D9", "%C0%AF", "%00", "%FF%FE", "a%2", "%E2%80%AE"]) : Uri.EscapeDataString(Value());
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(value);
        }

        var body = Pick(["", "{}", "[", "{\"topic\":\"hcc-irt\"}", new string('{', 5000), "null"]);
        return new FuzzRequest(Pick(Methods), path + query, Pick(Accepts), body);
    }

    private sealed record FuzzRequest(string Method, string Url, string? Accept, string Body)
    {
        /// <summary>An encoded NUL in the path: Kestrel answers 400 with no body, the one error that is not a ProblemDetails.</summary>
        public bool RefusedByKestrel => Url.Split('?')[0].Contains("%00", StringComparison.Ordinal);

        public override string ToString() => $"{Method} {Url[..Math.Min(Url.Length, 200)]} Accept: {Accept ?? "(none)"}";
    }
}
