using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using TrialEvidence.Data.Registry;

namespace TrialEvidence.Data.Tests.Registry;

public class StudyJsonReaderTests
{
    private static List<StudyJson> ReadAll(byte[] bytes, int bufferSize = 64 * 1024, string name = "input.json") =>
        new StudyJsonReader(new MemoryStream(bytes), name, bufferSize).ReadStudies().ToList();

    private static string NctId(StudyJson study) =>
        JsonNode.Parse(study.Utf8.Span)!["protocolSection"]!["identificationModule"]!["nctId"]!.GetValue<string>();

    [Fact]
    public void Single_study_file_yields_the_file_bytes_as_received()
    {
        var bytes = File.ReadAllBytes(SharedData.CtGovFile("NCT03934567.json"));

        var studies = ReadAll(bytes);

        var study = Assert.Single(studies);
        Assert.Equal(Encoding.UTF8.GetString(bytes).Trim(), Encoding.UTF8.GetString(study.Utf8.Span));
        Assert.Equal(1, study.Line);
    }

    [Fact]
    public void Search_page_yields_its_studies_and_paging_fields()
    {
        var bytes = File.ReadAllBytes(SharedData.CtGovFile("search-biomcp-phelan-limit5.json"));
        var expected = JsonNode.Parse(bytes)!;

        var reader = new StudyJsonReader(new MemoryStream(bytes), "page");
        var studies = reader.ReadStudies().ToList();

        Assert.True(reader.IsSearchPage);
        Assert.Equal(expected["studies"]!.AsArray().Count, studies.Count);
        Assert.Equal(expected["nextPageToken"]!.GetValue<string>(), reader.NextPageToken);
        Assert.Equal(expected["totalCount"]!.GetValue<long>(), reader.TotalCount);
        Assert.Equal(
            expected["studies"]!.AsArray().Select(s => s!["protocolSection"]!["identificationModule"]!["nctId"]!.GetValue<string>()),
            studies.Select(NctId));
    }

    [Fact]
    public void Last_search_page_has_no_next_page_token()
    {
        var reader = new StudyJsonReader(File.OpenRead(SharedData.CtGovFile("search-biomcp-phelan-limit50.json")), "page");

        Assert.NotEmpty(reader.ReadStudies().ToList());
        Assert.Null(reader.NextPageToken);
    }

    [Fact]
    public void Website_array_download_yields_every_element_equal_to_its_split_file()
    {
        var bytes = File.ReadAllBytes(SharedData.CtGovFile("ctg-studies-dgg32.json"));

        var studies = ReadAll(bytes);

        Assert.Equal(10, studies.Count);
        foreach (var study in studies)
        {
            var split = JsonNode.Parse(File.ReadAllBytes(SharedData.CtGovFile("ctg-studies-dgg32", NctId(study) + ".json")));
            Assert.True(JsonNode.DeepEquals(split, JsonNode.Parse(study.Utf8.Span)), NctId(study));
        }

        Assert.Equal(Enumerable.Range(0, 10), studies.Select(s => s.Index));
        Assert.Equal(2, studies[0].Line); // the array opens on line 1, one study per line after it
    }

    [Theory]
    [InlineData("ctg-studies-trialmatchai.json")]
    [InlineData("search-cyanheads-p2-two-studies.json")]
    [InlineData("NCT02513394.json")]
    [InlineData("partial/NCT06382129.fields-subset.json")]
    public void Tiny_buffers_yield_the_same_bytes_as_large_ones(string file)
    {
        // A 16-byte buffer forces every refill and rewind path of the streaming reader.
        var bytes = File.ReadAllBytes(SharedData.CtGovFile(file));

        var large = ReadAll(bytes, 1 << 24);
        var tiny = ReadAll(bytes, 16);

        Assert.Equal(large.Count, tiny.Count);
        Assert.All(large.Zip(tiny), pair => Assert.True(pair.First.Utf8.Span.SequenceEqual(pair.Second.Utf8.Span)));
    }

    [Fact]
    public void Zip_entries_of_the_bulk_download_layout_are_read()
    {
        using var zipBytes = new MemoryStream();
        using (var zip = new ZipArchive(zipBytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var id in new[] { "NCT03934567", "NCT04267848" })
            {
                var entry = zip.CreateEntry($"{id[..5][3..]}/{id}.json");
                using var target = entry.Open();
                using var source = File.OpenRead(SharedData.CtGovFile(id + ".json"));
                source.CopyTo(target);
            }
        }

        zipBytes.Position = 0;
        using var archive = new ZipArchive(zipBytes, ZipArchiveMode.Read);
        var ids = archive.Entries.SelectMany(e => new StudyJsonReader(e.Open(), e.FullName).ReadStudies()).Select(NctId).ToList();

        Assert.Equal(["NCT03934567", "NCT04267848"], ids);
    }

    [Fact]
    public void Utf8_byte_order_mark_is_skipped()
    {
        var bytes = File.ReadAllBytes(SharedData.CtGovFile("NCT03418623.json"));

        var study = Assert.Single(ReadAll([0xEF, 0xBB, 0xBF, .. bytes]));

        Assert.Equal("NCT03418623", NctId(study));
    }

    [Fact]
    public void Malformed_json_names_the_source_line_and_position()
    {
        var text = "[\n{\"protocolSection\": {}},\n{\"protocolSection\": {\"a\": tru}}\n]";

        var error = Assert.Throws<MalformedJsonException>(() => ReadAll(Encoding.UTF8.GetBytes(text), name: "bad.json"));

        Assert.Equal("bad.json", error.SourceName);
        Assert.Equal(3, error.Line);
        Assert.Contains("bad.json: line 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void Truncated_record_is_reported_as_malformed(double keep)
    {
        var bytes = File.ReadAllBytes(SharedData.CtGovFile("NCT02513394.json"));
        var truncated = bytes[..(int)(bytes.Length * keep)];

        var error = Assert.Throws<MalformedJsonException>(() => ReadAll(truncated, 4096, "cut.json"));

        Assert.Equal("cut.json", error.SourceName);
        Assert.True(error.Line > 1);
    }

    [Theory]
    [InlineData("", "the input is empty")]
    [InlineData(" \n ", "the input is empty")]
    [InlineData("[{\"protocolSection\": {\"a\": 1}", "truncated")]
    [InlineData("42", "expected a study object")]
    [InlineData("[1, 2]", "expected a study object")]
    [InlineData("{\"studies\": 3}", "\"studies\" must be an array")]
    [InlineData("{\"studies\": [\"NCT01\"]}", "expected a study object")]
    [InlineData("{\"a\": 1} {\"b\": 2}", "invalid after a single JSON value")]
    public void Inputs_that_are_not_registry_shapes_are_rejected(string text, string reason)
    {
        var error = Assert.Throws<MalformedJsonException>(() => ReadAll(Encoding.UTF8.GetBytes(text)));

        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Empty_search_page_yields_no_studies()
    {
        Assert.Empty(ReadAll("{\"studies\": [], \"totalCount\": 0}"u8.ToArray()));
    }
}
