using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TrialEvidence.Harvesting;
using TrialEvidence.ReplayRegistry;
using TrialEvidence.TestSupport.Harvesting;

namespace TrialEvidence.Api.Tests.Topics;

/// <summary>
/// An EUCTR topic harvested through the API's own harvest service from a replay of the register
/// serving the real full-text download of ../shared/registries/euctr: the search report names the
/// register, its address and its search, and counts trials as the register does.
/// </summary>
public sealed class EuctrTopicTests(EuctrTopicTests.Factory factory) : IClassFixture<EuctrTopicTests.Factory>
{
    private const string Topic = "eu-trials";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_methods_paragraph_names_the_register_its_search_and_the_trials_it_found()
    {
        var run = factory.Services.GetRequiredService<HarvestRunStore>().Latest(Topic)!;
        Assert.Equal((HarvestOutcome.Succeeded, 2L), (run.Outcome, run.TotalCount));

        var report = await ReportReader.Markdown(_client, $"/api/topics/{Topic}/report");

        Assert.StartsWith(
            $"We searched EU Clinical Trials Register (EUCTR) (search and full-text download, {factory.EuctrBaseUrl}) on {run.HarvestStartedAt[..10]} "
            + $"using the query query=EudraCT. The search found 2 trials, whose member states' records were {run.StudiesNew} new to the evidence database, "
            + $"{run.StudiesChanged} changed and {run.StudiesUnchanged} unchanged since last stored. Date last searched: {run.HarvestStartedAt[..10]}.",
            report.QuerySelectorAll("p")[0].TextContent,
            StringComparison.Ordinal);
        Assert.Equal([["query", "EudraCT"]], ReportReader.Table(report, "Query"));
        Assert.Equal(
            [["EU Clinical Trials Register (EUCTR)", "search and full-text download", factory.EuctrBaseUrl, run.HarvestStartedAt[..10], "—"]],
            ReportReader.Table(report, "Registry searched"));
    }

    [Fact]
    public async Task The_topic_list_says_which_registry_each_topic_searches()
    {
        using var topics = JsonDocument.Parse(await _client.GetStringAsync("/api/topics"));

        var registries = topics.RootElement.EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("registry").GetString());

        Assert.Equal("EUCTR", registries[Topic]);
        Assert.Equal("ClinicalTrials.gov", registries["hcc-irt"]);
    }

    [Fact]
    public async Task The_trials_harvested_are_listed_under_the_register_once_each()
    {
        var trials = await _client.GetJson("/api/trials?registry=EUCTR&limit=50");

        Assert.Equal(2, trials.GetProperty("total").GetInt64());
    }

    /// <summary>
    /// The methods paragraph counts EUCTR's trials (2); the paragraphs after it count the topic's
    /// rows of topic_studies, which for EUCTR are member-state records (8 of the 2 trials), as
    /// "trials": "In all, the searches found 8 trials. Table 1 lists all 2 trials." and "2 trials
    /// pass, of 8 trials the searches found" under "No filters" -- a flow a reader cannot reconcile.
    /// </summary>
    [Fact]
    public async Task Every_paragraph_of_the_report_counts_the_same_trials()
    {
        var report = await ReportReader.Markdown(_client, $"/api/topics/{Topic}/report");
        var paragraphs = report.QuerySelectorAll("p").Select(p => p.TextContent).ToList();

        Assert.Contains("The search found 2 trials", paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("In all, the searches found 2 trials. Table 1 lists all 2 trials.", paragraphs[1]);
        Assert.Contains(paragraphs, p => p.StartsWith("2 trials pass, of 2 trials the searches found.", StringComparison.Ordinal));
    }

    public sealed class Factory : WebApplicationFactory<Program>, IAsyncLifetime
    {
        public ApiDatabase Database { get; } = new();

        public ReplayRegistryServer Registry { get; private set; } = null!;

        public string EuctrBaseUrl => new Uri(Registry.BaseAddress, "/").ToString();

        public async Task InitializeAsync()
        {
            Registry = await ReplayRegistryServer.StartAsync(
                SharedData.CtGov,
                new ReplayRegistryOptions { EuctrFullText = [SharedData.EuctrFile("euctr_fulltext_download_10records_2trials.txt")], EuctrPageSize = 1 });
            await Services.GetRequiredService<HarvestService>().HarvestAsync(Topic);
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            await DisposeAsync();
            await Registry.DisposeAsync();
            Database.Dispose();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            foreach (var (key, value) in HarvestTestHost.Settings(Registry.BaseAddress, Database.Sqlite.Path))
            {
                builder.UseSetting(key, value);
            }

            Database.Configure(builder);

            builder.UseSetting("Euctr:BaseUrl", EuctrBaseUrl);
            builder.UseSetting("Euctr:RequestsPerSecond", "200");
            builder.UseSetting("Topics:2:Name", Topic);
            builder.UseSetting("Topics:2:Schedule", "0 0 5 * * ?");
            builder.UseSetting("Topics:2:Registry", "EUCTR");
            builder.UseSetting("Topics:2:Query:query", "EudraCT");
            builder.UseSetting("Scheduler:Enabled", "false");
        }
    }
}
