namespace TrialEvidence.Api.Tests.Trials;

/// <summary>
/// ../shared/ctgov, with NCT03418623 also registered in EUCTR (an ICTRP export of its Italian
/// record, citing the NCT number, under the title the sponsor gave the EU register), and an
/// ISRCTN record of the same title that cites neither.
/// </summary>
public sealed class RegisteredTwiceFactory : EvidenceApiFactory
{
    public const string Nct = "NCT03418623";

    public const string Euctr = "EUCTR2017-000001-11-IT";

    public const string Isrctn = "ISRCTN12345678";

    public const string EuTitle = "Pilot study of GET73 versus placebo on brain glutamate in alcohol dependent volunteers";

    public RegisteredTwiceFactory()
    {
        var path = IctrpFixture.Write(
            Path.Combine(Database.Directory, "registrations.xml"),
            new IctrpTrial(Euctr, "EU Clinical Trials Register", EuTitle, SecondaryIds: Nct),
            new IctrpTrial(Isrctn, "ISRCTN", EuTitle));
        Import(path);
    }
}

/// <summary>
/// A trial's titles are those of each of its registrations: its EUCTR registration's words find it
/// (the full-text row holds them, migration 0025), so /api/trials/{id}/similar finds it as a
/// candidate for a record of that very title, and must then score it by that title too, both ways.
/// </summary>
public sealed class SimilarTitlesOfRegistrationsTests(RegisteredTwiceFactory factory) : IClassFixture<RegisteredTwiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData(RegisteredTwiceFactory.Isrctn, RegisteredTwiceFactory.Nct)]
    [InlineData(RegisteredTwiceFactory.Nct, RegisteredTwiceFactory.Isrctn)]
    public async Task A_record_with_the_title_of_one_of_a_trials_registrations_is_suggested(string id, string other)
    {
        // The EUCTR record is a registration of the NCT record's trial, listed under it.
        var detail = await _client.GetJson($"/api/trials/{RegisteredTwiceFactory.Nct}");
        Assert.Contains(RegisteredTwiceFactory.Euctr, detail.GetProperty("registrations").EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        var similar = (await _client.GetJson($"/api/trials/{id}/similar")).EnumerateArray().ToList();

        var suggested = Assert.Single(similar, s => s.GetProperty("id").GetString() == other);
        Assert.InRange(suggested.GetProperty("similarity").GetDouble(), 0.5, 1.0);
    }
}
