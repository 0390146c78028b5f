using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using TrialEvidence.Harvesting;
using TrialEvidence.ReplayRegistry;

namespace TrialEvidence.Harvesting.Tests.Harvesting;

/// <summary>A topic that is the whole registry: its first harvest is the bulk download, resumable; later ones are incremental.</summary>
public sealed class WholeRegistryTests : ReplayRegistryTest
{
    private const string Mirror = "mirror";

    private static HarvestTestHost Host(Uri registry, TempDatabase? database = null) => HarvestTestHost.Create(registry, database, settings =>
    {
        settings["Topics:2:Name"] = Mirror;
        settings["Topics:2:Schedule"] = "0 0 3 * * ?";
        settings["Topics:2:WholeRegistry"] = "true";
    });

    private List<RecordedRequest> Downloads() => Registry.Requests.Where(r => r.Path == "/api/v2/studies/download").ToList();

    private static string DownloadFolder(HarvestTestHost host) => Path.Combine(host.Database.Directory, "downloads", Mirror);

    private async Task<(byte[] Zip, string ETag)> ServedZipAsync()
    {
        using var client = new HttpClient { BaseAddress = Registry.BaseAddress };
        using var response = await client.GetAsync("studies/download?format=json.zip");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(), response.Headers.ETag!.ToString());
    }

    private void AssertMirrorsTheRegistry(HarvestTestHost host)
    {
        Assert.Equal(HarvestTestHost.ImportedContent(Registry), host.Content());
        using var connection = host.Database.Open();
        Assert.Equal(
            Registry.Studies.Keys.Order(StringComparer.Ordinal),
            connection.Query<string>("SELECT nct_id FROM topic_studies WHERE topic = @Mirror ORDER BY nct_id", new { Mirror }));
    }

    [Fact]
    public async Task The_first_harvest_is_the_bulk_download_imported_whole_in_two_requests()
    {
        using var host = Host(Registry.BaseAddress);

        var run = await host.HarvestAsync(Mirror);

        Assert.Equal((HarvestOutcome.Succeeded, HarvestKind.Full), (run.Outcome, run.Kind));
        Assert.Equal(Registry.Studies.Count, run.StudiesNew);
        Assert.Equal(["/api/v2/version", "/api/v2/studies/download"], Registry.Requests.Select(r => r.Path));
        Assert.Equal("json.zip", Downloads()[0].QueryValue("format"));
        AssertMirrorsTheRegistry(host);
        Assert.Empty(Directory.EnumerateFiles(DownloadFolder(host))); // the zip goes once imported
    }

    [Fact]
    public async Task A_download_cut_off_midway_resumes_from_the_bytes_it_has()
    {
        using var host = Host(Registry.BaseAddress);
        var (zip, etag) = await ServedZipAsync();
        Registry.InjectFault(Fault.TruncatedBody, 1, request => request.Path == "/api/v2/studies/download");

        var run = await host.HarvestAsync(Mirror);

        Assert.Equal(HarvestOutcome.Succeeded, run.Outcome);
        var downloads = Downloads().Skip(1).ToList(); // the first is this test's own
        Assert.Equal(2, downloads.Count);
        Assert.Null(downloads[0].Range);
        // From the bytes that arrived before the cut (up to half, as many as the connection delivered).
        var from = long.Parse(downloads[1].Range!["bytes=".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(from, 1, zip.Length / 2);
        Assert.Equal(etag, downloads[1].IfRange);
        Assert.Equal(206, downloads[1].StatusCode);
        AssertMirrorsTheRegistry(host);
    }

    [Fact]
    public async Task A_download_left_by_a_killed_process_is_finished_not_started_again()
    {
        using var host = Host(Registry.BaseAddress);
        var (zip, etag) = await ServedZipAsync();
        var folder = DownloadFolder(host);
        Directory.CreateDirectory(folder);
        var part = Path.Combine(folder, RegistryDownload.FileName + ".part");
        await File.WriteAllBytesAsync(part, zip.AsMemory(0, zip.Length / 3).ToArray());
        await File.WriteAllTextAsync(part + ".etag", etag);

        var run = await host.HarvestAsync(Mirror);

        Assert.Equal(HarvestOutcome.Succeeded, run.Outcome);
        var resumed = Assert.Single(Downloads().Skip(1));
        Assert.Equal(($"bytes={zip.Length / 3}-", 206), (resumed.Range, resumed.StatusCode));
        AssertMirrorsTheRegistry(host);
    }

    [Fact]
    public async Task Bytes_of_an_older_release_are_not_completed_with_a_newer_one()
    {
        using var host = Host(Registry.BaseAddress);
        var (old, etag) = await ServedZipAsync();
        var changed = JsonNode.Parse(Registry.Studies["NCT03418623"])!;
        changed["protocolSection"]!["statusModule"]!["overallStatus"] = "TERMINATED";
        Registry.Put(Encoding.UTF8.GetBytes(changed.ToJsonString()));
        var folder = DownloadFolder(host);
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, RegistryDownload.FileName + ".part"), old.AsMemory(0, old.Length / 2).ToArray());
        await File.WriteAllTextAsync(Path.Combine(folder, RegistryDownload.FileName + ".part.etag"), etag);

        var run = await host.HarvestAsync(Mirror);

        Assert.Equal(HarvestOutcome.Succeeded, run.Outcome);
        Assert.Equal(200, Assert.Single(Downloads().Skip(1)).StatusCode); // If-Range did not match: the whole new zip
        using var connection = host.Database.Open();
        Assert.Equal("TERMINATED", connection.ExecuteScalar<string>("SELECT overall_status FROM studies WHERE nct_id = 'NCT03418623'"));
    }

    [Fact]
    public async Task A_download_that_is_not_a_zip_fails_the_run_clearly_and_the_next_downloads_again()
    {
        using var host = Host(Registry.BaseAddress);
        Registry.InjectFault(Fault.MalformedJson, 1, request => request.Path == "/api/v2/studies/download");

        var failure = await Assert.ThrowsAsync<HarvestFailedException>(() => host.HarvestAsync(Mirror));

        Assert.Contains("not a zip", failure.Message, StringComparison.Ordinal);
        Assert.Equal(HarvestOutcome.Failed, host.Runs.Latest(Mirror)!.Outcome);
        Assert.Empty(Directory.EnumerateFiles(DownloadFolder(host), "*.zip*"));
        var second = await host.HarvestAsync(Mirror);
        Assert.Equal((HarvestOutcome.Succeeded, HarvestKind.Full), (second.Outcome, second.Kind));
        AssertMirrorsTheRegistry(host);
    }

    [Fact]
    public async Task Later_harvests_ask_only_for_what_changed_a_page_per_thousand_studies()
    {
        using var host = Host(Registry.BaseAddress);
        var first = await host.HarvestAsync(Mirror);
        var changed = JsonNode.Parse(Registry.Studies["NCT03418623"])!;
        changed["protocolSection"]!["statusModule"]!["lastUpdatePostDateStruct"] = new JsonObject { ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd"), ["type"] = "ACTUAL" };
        changed["protocolSection"]!["statusModule"]!["overallStatus"] = "TERMINATED";
        Registry.Put(Encoding.UTF8.GetBytes(changed.ToJsonString()));
        var before = Registry.Requests.Count;

        var second = await host.HarvestAsync(Mirror);

        var since = DateTimeOffset.Parse(first.HarvestStartedAt).UtcDateTime.Date.AddDays(-1).ToString("yyyy-MM-dd");
        Assert.Equal((HarvestKind.Incremental, since), (second.Kind, second.UpdatedSince));
        var requests = Registry.Requests.Skip(before).ToList();
        Assert.Equal(["/api/v2/version", "/api/v2/studies"], requests.Select(r => r.Path)); // one changed study: one page
        Assert.Equal($"AREA[LastUpdatePostDate]RANGE[{since},MAX]", requests[1].QueryValue("filter.advanced"));
        Assert.Null(requests[1].QueryValue("query.term"));
        Assert.Equal((0L, 1L), (second.StudiesNew, second.StudiesChanged));
    }
}
