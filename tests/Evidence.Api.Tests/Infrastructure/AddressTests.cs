using System.Net;

namespace TrialEvidence.Api.Tests.Infrastructure;

/// <summary>Where the product listens, as a person or a container starts it.</summary>
public sealed class AddressTests
{
    [Fact]
    public async Task An_address_in_ASPNETCORE_URLS_is_the_one_it_listens_on()
    {
        using var database = new ApiDatabase();
        var address = new Uri($"http://127.0.0.1:{ApiProcess.FreePort()}/");
        using var api = ApiProcess.Start(database.Environment(new()
        {
            ["ASPNETCORE_URLS"] = address.ToString(),
        }));

        Assert.Equal(HttpStatusCode.OK, await api.FirstAnswer(new Uri(address, "/api/topics"), TimeSpan.FromSeconds(60)));
    }
}
