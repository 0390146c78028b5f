using System.Globalization;
using Dapper;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Studies;

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

    [Fact]
    public void Euctr_full_text_download_is_told_by_its_first_line()
    {
        Assert.Equal(RecordFormat.EuctrFullText, RecordFormats.Detect(SharedData.EuctrFile("euctr_fulltext_download_10records_2trials.txt")));
        Assert.Equal(RecordFormat.Unknown, RecordFormats.Detect("Summary\nEudraCT Number: 2022-002568-62\n"u8));
    }

    [Theory]
    [InlineData("ChiCTR2400084905_showproj.html", "chictr")]
    [InlineData("EUCTR2005-002909-23-PT_protocol.html", "euctr")]
    [InlineData("euctr_fulltext_download_10records_2trials.txt", "euctr")]
    public void A_page_or_download_cut_short_is_refused_whole_with_its_file_and_line(string name, string folder)
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

    /// <summary>What the readers of this folder's files are told to read, apart from the import: each record's id, enrollment and status as its file writes them.</summary>
    private static readonly (string Id, long? Enrollment, string? Status)[] RegistryRecords =
    [
        ("ChiCTR2400084905", 192 + 192 + 276 + 276, "Not yet recruiting"), // showproj: four groups
        ("ChiCTR2000034346", 2418 + 821, "Completed"), // XML: 2019 Y:2418;2020 Y:821;
        ("EUCTR2005-002909-23-PT", 2420, "Completed"), // F.4.2.2, Trial Status
        ("EUCTR2009-016529-32-EE", 800, "Prematurely Ended"),
        ("EUCTR2011-005852-33-Outside-EU/EEA", 30, null), // no status on a third country's record
    ];

    /// <summary>The full-text download's records as its lines say, the first of a member state's two kept (stored first, it stays current: nothing dates the two apart).</summary>
    private static IEnumerable<(string Id, long? Enrollment, string? Status)> FullTextRecords()
    {
        var lines = File.ReadAllLines(SharedData.EuctrFile("euctr_fulltext_download_10records_2trials.txt"));
        string? Value(int from, string prefix) =>
            lines.Skip(from).TakeWhile((l, i) => i == 0 || l != "Summary").FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line
                ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
                : null;
        return Enumerable.Range(0, lines.Length).Where(i => lines[i] == "Summary").Select(i =>
        {
            var link = Value(i, "Link: ")!.TrimEnd('/').Split('/');
            // The EEA's number is the trial's only for a trial run within the EEA alone.
            var outside = Value(i, "E.8.6.1 ") == "Yes" || Value(i, "E.8.6.2 ") == "Yes";
            var planned = Value(i, "F.4.2.2 ") ?? (outside ? null : Value(i, "F.4.2.1 ") ?? Value(i, "F.4.1 "));
            return ($"EUCTR{link[^2]}-{link[^1]}", planned is null ? (long?)null : long.Parse(planned, CultureInfo.InvariantCulture), Value(i, "Trial Status: "));
        }).DistinctBy(r => r.Item1);
    }

    [Fact]
    public void The_registries_folder_is_stored_whole_its_search_pages_passed_over_and_a_second_import_changes_nothing()
    {
        var skipped = new List<string>();
        var sources = RecordSource.Expand([SharedData.Registries], skipped.Add).ToList();
        Assert.Equal(7, sources.Count); // ICTRP's export, ChiCTR's page and XML, three EUCTR pages, EUCTR's download
        Assert.Equal(
            ["SOURCES.md", "search_query_2015-000590-12_2019.html", "searchproj_results_KRAS_G12C.html"],
            skipped.Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var first = _database.Import(SharedData.Registries);
        using var connection = _database.Open();
        var before = DatabaseFingerprint.Of(connection);
        var second = _database.Import(SharedData.Registries);

        Assert.Empty(first.Rejections);
        Assert.Equal(0, first.Counts.Rejected);
        Assert.Equal(289 + 2 + 3 + 10, first.Read); // ICTRP's export, ChiCTR's page and XML, EUCTR's pages and download
        Assert.Equal(289 + 2 + 3 + 8, first.Counts.New);
        Assert.Equal(2, first.Counts.ChangedOlder); // Sweden's and Poland's second records
        Assert.Equal(first.Read, second.Counts.Unchanged);
        Assert.Equal(before, DatabaseFingerprint.Of(connection));
        Assert.Equal(
            [("ChiCTR", 237L + 2), ("ClinicalTrials.gov", 52L), ("EUCTR", 3L + 8)],
            connection.Query<(string, long)>("SELECT registry, COUNT(*) FROM studies GROUP BY registry ORDER BY registry"));
    }

    [Fact]
    public void Each_registry_record_is_stored_with_its_registry_enrollment_and_status_as_its_file_writes_them()
    {
        _database.Import(SharedData.Registries);
        using var connection = _database.Open();

        foreach (var (id, enrollment, status) in RegistryRecords.Concat(FullTextRecords()))
        {
            var stored = connection.QuerySingle<(string Registry, long? Enrollment, string? Status)>(
                "SELECT registry, enrollment_count, registry_status FROM studies WHERE nct_id = @id", new { id });
            Assert.Equal((RegistryId.RegistryOf(id)!, enrollment, status), stored);
        }
    }
}
