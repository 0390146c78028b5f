using Dapper;
using Microsoft.Extensions.DependencyInjection;
using TrialEvidence.Fetching;

using TrialEvidence.ReplayRegistry;

namespace TrialEvidence.Harvesting.Tests.Fetching;

public sealed class StudyFetcherTests : ReplayRegistryTest
{
    [Fact]
    public async Task A_study_is_stored_as_served_and_refetched_with_its_etag()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress);
        var fetcher = host.Host.Services.GetRequiredService<StudyFetcher>();

        var first = await fetcher.FetchAsync("NCT03934567");
        var second = await fetcher.FetchAsync("nct03934567");

        Assert.Equal(("NCT03934567", "new"), (first.NctId, first.Outcome));
        Assert.Equal("unchanged (304)", second.Outcome);
        var requests = Registry.Requests.Where(r => r.Path.EndsWith("NCT03934567", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Null(requests[0].IfNoneMatch);
        Assert.NotNull(requests[1].IfNoneMatch);
        Assert.Equal(304, requests[1].StatusCode);
        using var connection = host.Database.Open();
        Assert.Equal(
            System.Text.Encoding.UTF8.GetString(Registry.Studies["NCT03934567"]),
            connection.QuerySingle<string>("SELECT raw_json FROM study_versions_json WHERE nct_id = 'NCT03934567'"));
    }

    [Fact]
    public async Task A_retired_id_is_followed_to_its_replacement_and_recorded()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress);
        var fetcher = host.Host.Services.GetRequiredService<StudyFetcher>();
        Registry.Retire("NCT00000001", "NCT03418623");

        var result = await fetcher.FetchAsync("NCT00000001");

        Assert.Equal(("NCT00000001", "NCT03418623", "NCT03418623"), (result.RequestedNctId, result.NctId, result.RetiredInto));
        using var connection = host.Database.Open();
        Assert.Equal("NCT03418623", connection.QuerySingle<string>("SELECT nct_id FROM study_aliases WHERE retired_nct_id = 'NCT00000001'"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM studies WHERE nct_id = 'NCT03418623'"));
    }

    [Fact]
    public async Task An_unknown_id_is_an_error_naming_theRegistry_answer()
    {
        using var host = HarvestTestHost.Create(Registry.BaseAddress);
        var fetcher = host.Host.Services.GetRequiredService<StudyFetcher>();

        var error = await Assert.ThrowsAsync<TrialEvidence.ClinicalTrialsGov.RegistryStatusException>(() => fetcher.FetchAsync("NCT09999999"));

        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }
}
