using System.Net;
using System.Text.RegularExpressions;

namespace TrialEvidence.ReplayRegistry.Tests.Euctr;

/// <summary>The replay of EUCTR's search and full-text download over the real download of ../shared/registries/euctr.</summary>
public sealed partial class EuctrReplayTests : IAsyncLifetime, IDisposable
{
    private const string Download = "/ctr-search/rest/download/full?mode=current_page&format=text&dContent=full&number=current_page&submit-download=Download";

    private static readonly string FullText = Path.Combine(SharedFolder.CtGov, "..", "registries", "euctr", "euctr_fulltext_download_10records_2trials.txt");

    private ReplayRegistryServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await ReplayRegistryServer.StartAsync(SharedFolder.CtGov, new ReplayRegistryOptions { EuctrFullText = [FullText], EuctrPageSize = 1 });
        _client = new HttpClient { BaseAddress = new Uri(_server.BaseAddress, "/") };
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _client.Dispose();

    private static List<string> EudraCtNumbers(string text) => [.. RecordStart().Matches(text).Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task A_search_counts_the_trials_it_finds_and_lists_those_of_the_page()
    {
        var first = await _client.GetStringAsync("/ctr-search/search?query=EudraCT");
        var second = await _client.GetStringAsync("/ctr-search/search?query=EudraCT&page=2");

        Assert.Contains("Trials with a EudraCT protocol (2)", first, StringComparison.Ordinal);
        var numbers = EudraCtNumbers(await File.ReadAllTextAsync(FullText)).Distinct().ToList();
        Assert.Equal(2, numbers.Count);
        Assert.Contains($"value=\"{numbers[0]}\"", first, StringComparison.Ordinal);
        Assert.Contains($"value=\"{numbers[1]}\"", second, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{numbers[1]}\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_of_the_download_is_the_header_and_the_exact_records_of_its_trial()
    {
        var text = await File.ReadAllTextAsync(FullText);
        var numbers = EudraCtNumbers(text);

        var page = await _client.GetStringAsync(Download + "&query=EudraCT&page=1");

        Assert.StartsWith(text[..text.IndexOf('\n', StringComparison.Ordinal)], page, StringComparison.Ordinal);
        var served = EudraCtNumbers(page);
        Assert.Equal(numbers.Count(n => n == numbers[0]), served.Count);
        Assert.All(served, n => Assert.Equal(numbers[0], n));
        var firstRecord = text[text.IndexOf("Summary\nEudraCT Number:", StringComparison.Ordinal)..];
        firstRecord = firstRecord[..firstRecord.IndexOf("Summary\nEudraCT Number:", 1, StringComparison.Ordinal)];
        Assert.Contains(firstRecord, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ctr-search/search?query=EudraCT&phase=phase-two")]
    [InlineData("/ctr-search/search?query=liver OR kidney")]
    [InlineData("/ctr-search/search?query=EudraCT&page=0")]
    [InlineData("/ctr-search/rest/download/full?query=EudraCT&page=1")]
    public async Task What_the_replay_cannot_evaluate_is_refused_not_misread(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"^EudraCT Number: (\S+)", RegexOptions.Multiline)]
    private static partial Regex RecordStart();
}
