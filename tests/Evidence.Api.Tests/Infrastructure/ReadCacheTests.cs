using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrialEvidence.Api.Infrastructure;

namespace TrialEvidence.Api.Tests.Infrastructure;

/// <summary>
/// Lists and Table 1 answered again from memory while the database is unchanged, and never after
/// it changed, whoever wrote (here: an import on another connection, as the harvester's would be).
/// </summary>
public sealed class ReadCacheTests
{
    private const string List = "/api/trials?status=COMPLETED&phase=PHASE2&pageSize=100";

    private static async Task<(long Total, List<string> Ids)> TotalAndIds(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(List);
        return (page.GetProperty("total").GetInt64(), page.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("nctId").GetString()!).ToList());
    }

    [Fact]
    public async Task A_repeated_read_is_kept_and_a_commit_by_anyone_makes_it_read_afresh()
    {
        using var factory = new EvidenceApiFactory();
        using var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<ReadCache>();

        var (total, ids) = await TotalAndIds(client);
        var (again, idsAgain) = await TotalAndIds(client);
        Assert.Equal(total, again);
        Assert.Equal(ids, idsAgain);
        Assert.Equal(1, cache.Count); // the second was the first's answer

        // A newer version of one of them, no longer completed, imported beside the running API.
        var changed = JsonNode.Parse(await client.GetStringAsync($"/api/trials/{ids[0]}/raw"))!;
        var status = changed["protocolSection"]!["statusModule"]!;
        status["overallStatus"] = "TERMINATED";
        status["lastUpdatePostDateStruct"] = new JsonObject { ["date"] = "2026-12-01", ["type"] = "ACTUAL" };
        var file = Path.Combine(factory.Database.Directory, "changed.json");
        await File.WriteAllTextAsync(file, changed.ToJsonString());
        factory.ImportRecords(file);

        var (after, idsAfter) = await TotalAndIds(client);
        Assert.Equal(total - 1, after);
        Assert.DoesNotContain(ids[0], idsAfter);
    }

    [Fact]
    public async Task A_table_served_from_memory_keeps_its_headers()
    {
        using var factory = new EvidenceApiFactory();
        using var client = factory.CreateClient();
        const string url = "/api/table1?ids=NCT03482102,NCT00000000&format=csv";

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(1, factory.Services.GetRequiredService<ReadCache>().Count);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal("1", second.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("NCT00000000", second.Headers.GetValues("X-Trials-Not-Found").Single());
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        Assert.Equal(first.Content.Headers.ContentDisposition?.FileName, second.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public void A_long_url_or_accept_header_costs_no_more_than_a_short_one()
    {
        var shortRequest = new DefaultHttpContext().Request;
        shortRequest.Path = "/api/trials";
        var longRequest = new DefaultHttpContext().Request;
        longRequest.Path = "/api/trials";
        longRequest.QueryString = new QueryString("?n=" + new string('a', 8000));
        longRequest.Headers.Accept = string.Join(", ", Enumerable.Range(0, 1500).Select(i => $"x/y{i}"));

        Assert.Equal(ReadCache.KeyFor(1, shortRequest).Length, ReadCache.KeyFor(1, longRequest).Length);
        Assert.NotEqual(ReadCache.KeyFor(1, longRequest), ReadCache.KeyFor(2, longRequest));
        Assert.True(ReadCache.KeyFor(1, longRequest).Length <= 64);
    }

    /// <summary>
    /// Many asking at once for what nobody asked before (the page opened by a team after a
    /// harvest): the answer is computed once, and each of them gets it with its headers.
    /// </summary>
    [Fact]
    public async Task The_same_request_arriving_while_it_is_computed_waits_for_that_answer()
    {
        using var factory = new EvidenceApiFactory();
        var filter = new ReadCacheFilter(factory.Services.GetRequiredService<ReadCache>(), factory.Services.GetRequiredService<IOptions<JsonOptions>>());
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var computed = 0;
        EndpointFilterDelegate endpoint = async context =>
        {
            Interlocked.Increment(ref computed);
            await gate.Task;
            context.HttpContext.Response.Headers["X-Total-Count"] = "7";
            return TypedResults.Ok(new { total = 7 });
        };

        var requests = Enumerable.Range(0, 8).Select(_ => Request("/api/trials", "?status=RECRUITING")).ToList();
        var answers = requests.Select(r => filter.InvokeAsync(EndpointFilterInvocationContext.Create(r), endpoint).AsTask()).ToList();
        await Task.Delay(200); // all eight are in: one computes, seven wait
        gate.SetResult();
        var results = await Task.WhenAll(answers);

        Assert.Equal(1, computed);
        Assert.All(results, r => Assert.Equal("{\"total\":7}"u8.ToArray(), Assert.IsType<FileContentHttpResult>(r).FileContents.ToArray()));
        Assert.All(requests, r => Assert.Equal("7", r.Response.Headers["X-Total-Count"].ToString()));
    }

    /// <summary>An answer not kept (an error) serves nobody else: a request that waited for it is answered on its own.</summary>
    [Fact]
    public async Task A_request_that_waited_for_an_error_is_answered_on_its_own()
    {
        using var factory = new EvidenceApiFactory();
        var filter = new ReadCacheFilter(factory.Services.GetRequiredService<ReadCache>(), factory.Services.GetRequiredService<IOptions<JsonOptions>>());
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var computed = 0;
        EndpointFilterDelegate endpoint = async _ =>
        {
            if (Interlocked.Increment(ref computed) == 1)
            {
                await gate.Task;
                return TypedResults.Problem("the first fails", statusCode: 503);
            }

            return TypedResults.Ok(new { total = 7 });
        };

        var first = filter.InvokeAsync(EndpointFilterInvocationContext.Create(Request("/api/trials", "?q=x")), endpoint).AsTask();
        var second = filter.InvokeAsync(EndpointFilterInvocationContext.Create(Request("/api/trials", "?q=x")), endpoint).AsTask();
        await Task.Delay(200);
        gate.SetResult();

        Assert.IsType<ProblemHttpResult>(await first);
        Assert.IsType<FileContentHttpResult>(await second);
        Assert.Equal(2, computed);
    }

    private static DefaultHttpContext Request(string path, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        return context;
    }

    private sealed class CacheOff : EvidenceApiFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            ArgumentNullException.ThrowIfNull(builder);
            builder.UseSetting("Api:ReadCacheMegabytes", "0");
        }
    }

    /// <summary>A kept answer is the bytes and type the endpoint itself writes, first time and every time after.</summary>
    [Theory]
    [InlineData("/api/trials?status=COMPLETED&phase=PHASE2&pageSize=5")]
    [InlineData("/api/table1?ids=NCT03482102,NCT03203304")]
    public async Task A_kept_answer_is_what_the_endpoint_writes_without_the_cache(string url)
    {
        using var off = new CacheOff();
        using var on = new EvidenceApiFactory();
        using var plain = off.CreateClient();
        using var cached = on.CreateClient();

        using var expected = await plain.GetAsync(url);
        using var first = await cached.GetAsync(url);
        using var again = await cached.GetAsync(url);

        Assert.Equal(0, off.Services.GetRequiredService<ReadCache>().Count);
        Assert.Equal(1, on.Services.GetRequiredService<ReadCache>().Count);
        var bytes = await expected.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, await first.Content.ReadAsByteArrayAsync());
        Assert.Equal(bytes, await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(expected.Content.Headers.ContentType, first.Content.Headers.ContentType);
        Assert.Equal(expected.Content.Headers.ContentType, again.Content.Headers.ContentType);
    }

    [Fact]
    public async Task An_error_is_not_kept()
    {
        using var factory = new EvidenceApiFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/trials?status=NOT_A_STATUS");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, factory.Services.GetRequiredService<ReadCache>().Count);
    }
}
