using System.Text;

namespace TrialEvidence.ReplayRegistry.Tests.Loading;

public sealed class StudyLoadingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("replay-registry-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Loads_every_distinct_nct_id_of_studies_pages_and_arrays()
    {
        await using var server = await ReplayRegistryServer.StartAsync(SharedFolder.CtGov);

        var expected = RecordedStudies.In(SharedFolder.CtGov).Select(RecordedStudies.NctId).ToHashSet();
        Assert.Equal(expected.Order(StringComparer.Ordinal), server.Studies.Keys);
    }

    [Fact]
    public async Task Keeps_single_study_files_byte_for_byte()
    {
        await using var server = await ReplayRegistryServer.StartAsync(SharedFolder.CtGov);

        // Several of these files have CRLF line ends and one is compact: nothing may be normalised.
        foreach (var file in Directory.EnumerateFiles(SharedFolder.CtGov, "NCT*.json"))
        {
            Assert.Equal(ObjectSpan(File.ReadAllBytes(file)), server.Studies[Path.GetFileNameWithoutExtension(file)]);
        }
    }

    [Fact]
    public async Task Keeps_studies_inside_search_pages_and_arrays_as_their_exact_spans()
    {
        await using var server = await ReplayRegistryServer.StartAsync(SharedFolder.CtGov);

        // NCT01595035 exists only inside an indented search page; NCT05923281 is a line of a download array.
        var fromPage = server.Studies["NCT01595035"];
        Assert.True(File.ReadAllBytes(SharedFolder.CtGovFile("search-biomcp-age-count.json")).AsSpan().IndexOf(fromPage) > 0);
        Assert.Equal("NCT01595035", RecordedStudies.NctId(RecordedStudies.Parse(fromPage)));

        // The split file is the span cut out of the array without change (SOURCES.md), so the two agree.
        var split = File.ReadAllBytes(SharedFolder.CtGovFile("ctg-studies-dgg32", "NCT05923281.json"));
        Assert.Equal(ObjectSpan(split), server.Studies["NCT05923281"]);
    }

    [Theory]
    [InlineData("a.json", "b.json")]
    [InlineData("b.json", "a.json")]
    public async Task Of_two_versions_the_later_last_update_post_date_wins_in_any_file_order(string newerFile, string olderFile)
    {
        var older = RealStudy();
        var newer = RecordedStudies.WithLastUpdate(older, "2024-05-01");
        File.WriteAllBytes(Path.Combine(_folder, olderFile), older);
        File.WriteAllBytes(Path.Combine(_folder, newerFile), newer);

        await using var server = await ReplayRegistryServer.StartAsync(_folder);

        Assert.Equal(ObjectSpan(newer), Assert.Single(server.Studies).Value);
    }

    [Fact]
    public async Task Of_two_versions_with_the_same_date_the_first_in_ordinal_path_order_wins()
    {
        var first = RealStudy();
        var second = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(first).Replace("Liver Cancer", "Hepatoma", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(_folder, "a"));

        // Ordinal order puts "B.json" before "a/..." (and a culture-aware sort would not).
        File.WriteAllBytes(Path.Combine(_folder, "a", "NCT03316872.json"), second);
        File.WriteAllBytes(Path.Combine(_folder, "B.json"), first);

        await using var server = await ReplayRegistryServer.StartAsync(_folder);

        Assert.Equal(ObjectSpan(first), server.Studies["NCT03316872"]);
    }

    [Fact]
    public async Task Skips_json_that_is_not_a_study_page_or_array_of_studies()
    {
        File.WriteAllText(Path.Combine(_folder, "settings.json"), """{"name": "not a study"}""");
        File.WriteAllText(Path.Combine(_folder, "numbers.json"), "[1, 2, 3]");
        File.WriteAllText(Path.Combine(_folder, "notes.md"), "# not JSON at all");
        File.WriteAllBytes(Path.Combine(_folder, "study.json"), RealStudy());

        await using var server = await ReplayRegistryServer.StartAsync(_folder);

        Assert.Equal(["NCT03316872"], server.Studies.Keys);
    }

    [Fact]
    public async Task A_json_file_that_does_not_parse_fails_the_start_naming_the_file()
    {
        File.WriteAllText(Path.Combine(_folder, "broken.json"), """{"protocolSection": """);

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => ReplayRegistryServer.StartAsync(_folder));

        Assert.Contains("broken.json", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starts_from_study_bytes_given_directly_and_keeps_them_as_given()
    {
        await using var server = await ReplayRegistryServer.StartAsync([RealStudy()]);

        Assert.Equal(RealStudy(), server.Studies["NCT03316872"]);
    }

    [Fact]
    public async Task Put_rejects_bytes_that_are_not_a_study()
    {
        await using var server = await ReplayRegistryServer.StartAsync([RealStudy()]);

        Assert.Throws<ArgumentException>(() => server.Put("""{"protocolSection": {}}"""u8.ToArray()));
        Assert.Throws<ArgumentException>(() => server.Put("not json"u8.ToArray()));
    }

    /// <summary>A file of one study, less the line end after its closing brace.</summary>
    private static byte[] ObjectSpan(byte[] file) => file.AsSpan().TrimEnd("\r\n"u8).ToArray();

    private static byte[] RealStudy() => File.ReadAllBytes(SharedFolder.CtGovFile("reconstructed", "NCT03316872.json"));
}
