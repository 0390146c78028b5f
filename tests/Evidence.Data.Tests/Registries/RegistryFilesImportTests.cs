using Dapper;
using TrialEvidence.Data.Import;

namespace TrialEvidence.Data.Tests.Registries;

/// <summary>
/// ChiCTR's and EUCTR's own pages and downloads (../shared/registries) through the one import
/// path (issue 14): told by content, stored with their registry, and refused whole with the file
/// and a line when cut short, nothing of them stored.
/// </summary>
public sealed class RegistryFilesImportTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void A_chictr_xml_download_is_told_by_content_and_stored_with_its_registry()
    {
        var file = SharedData.ChiCtrFile("ChiCTR2000034346.xml");
        Assert.Equal(RecordFormat.ChiCtrXml, RecordFormats.Detect(file));

        var summary = _database.Import(file);

        Assert.Empty(summary.Rejections);
        using var connection = _database.Open();
        var stored = connection.QuerySingle<(string Id, string Registry, long Enrollment, string Status, string Code)>(
            "SELECT nct_id, registry, enrollment_count, registry_status, overall_status FROM studies");
        Assert.Equal(("ChiCTR2000034346", "ChiCTR", 2418L + 821L, "Completed", "COMPLETED"), stored);
    }

    [Fact]
    public void A_chictr_trial_page_is_told_from_its_search_page_by_content()
    {
        Assert.Equal(RecordFormat.ChiCtrPage, RecordFormats.Detect(SharedData.ChiCtrFile("ChiCTR2400084905_showproj.html")));
        Assert.Equal(RecordFormat.Unknown, RecordFormats.Detect(SharedData.ChiCtrFile("searchproj_results_KRAS_G12C.html")));
    }

    [Fact]
    public void A_chictr_trial_page_is_stored_with_its_enrollment_and_status_and_its_html_verbatim()
    {
        var file = SharedData.ChiCtrFile("ChiCTR2400084905_showproj.html");

        var summary = _database.Import(file);

        Assert.Empty(summary.Rejections);
        using var connection = _database.Open();
        var stored = connection.QuerySingle<(string Id, string Registry, long Enrollment, string Status, string Code, string Document)>("""
            SELECT s.nct_id, s.registry, s.enrollment_count, s.registry_status, s.overall_status, json_extract(j.raw_json, '$.registryDocument')
            FROM studies s JOIN study_versions_json j ON j.id = s.current_version_id
            """);
        Assert.Equal(("ChiCTR2400084905", "ChiCTR", 192L + 192 + 276 + 276, "Not yet recruiting", "NOT_YET_RECRUITING"), (stored.Id, stored.Registry, stored.Enrollment, stored.Status, stored.Code));
        Assert.Equal(File.ReadAllText(file), stored.Document);
    }

    [Fact]
    public void Euctr_protocol_pages_are_told_from_its_search_page_by_content()
    {
        foreach (var page in Directory.EnumerateFiles(Path.Combine(SharedData.Registries, "euctr"), "EUCTR*_protocol.html"))
        {
            Assert.Equal(RecordFormat.EuctrProtocolPage, RecordFormats.Detect(page));
        }

        Assert.Equal(RecordFormat.Unknown, RecordFormats.Detect(SharedData.EuctrFile("search_query_2015-000590-12_2019.html")));
    }

    [Theory]
    [InlineData("ChiCTR2400084905_showproj.html", "chictr")]
    [InlineData("EUCTR2005-002909-23-PT_protocol.html", "euctr")]
    public void A_page_cut_short_is_refused_whole_with_its_file_and_line(string name, string folder)
    {
        var bytes = File.ReadAllBytes(Path.Combine(SharedData.Registries, folder, name));
        var path = Path.Combine(_database.Directory, "cut " + name);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var summary = _database.Import(path);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal(path, rejection.Source);
        Assert.Matches("^malformed .+ at line [0-9]+, position [0-9]+: ", rejection.Reason);
        using var connection = _database.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM studies"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_versions"));
    }
}
