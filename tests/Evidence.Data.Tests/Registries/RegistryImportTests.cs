using System.Xml.Linq;
using Dapper;

namespace TrialEvidence.Data.Tests.Registries;

/// <summary>
/// Records of other registries through the one import path (issue 14): the WHO ICTRP export of
/// ../shared/registries stored whole and idempotently, told by content, refused whole with its
/// position when malformed, and a portal's copy of a ClinicalTrials.gov record never standing in
/// for the registry's own.
/// </summary>
public sealed class RegistryImportTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>The export's trials as the XML says, read apart from the product's reader.</summary>
    private static List<XElement> ExportTrials() => [.. XDocument.Load(SharedData.IctrpExport).Root!.Elements("Trial")];

    [Fact]
    public void Every_trial_of_the_ictrp_export_is_stored_and_a_second_import_changes_nothing()
    {
        var first = _database.Import(SharedData.IctrpExport);
        using var connection = _database.Open();
        var before = DatabaseFingerprint.Of(connection);

        var second = _database.Import(SharedData.IctrpExport);

        Assert.Empty(first.Rejections);
        Assert.Equal(289, first.Counts.New);
        Assert.Equal(0, first.Counts.Rejected);
        Assert.Equal(289, second.Counts.Unchanged);
        Assert.Equal(before, DatabaseFingerprint.Of(connection));
        var byRegistry = connection.Query<(string Registry, long Count)>("SELECT registry, COUNT(*) FROM studies GROUP BY registry ORDER BY registry").ToList();
        var expected = ExportTrials().GroupBy(t => t.Element("Source_Register")!.Value).Select(g => (g.Key, (long)g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal);
        Assert.Equal(expected, byRegistry);
    }

    [Fact]
    public void Chictr_enrollment_is_the_sum_of_its_groups_and_its_status_the_registry_words()
    {
        _database.Import(SharedData.IctrpExport);
        using var connection = _database.Open();
        var stored = connection.Query<(string Id, long? Enrollment, string? Status, string? Code)>(
            "SELECT nct_id, enrollment_count, registry_status, overall_status FROM studies WHERE registry = 'ChiCTR'").ToDictionary(s => s.Id);

        var chictr = ExportTrials().Where(t => t.Element("Source_Register")!.Value == "ChiCTR").ToList();
        Assert.Equal(chictr.Count, stored.Count);
        foreach (var trial in chictr)
        {
            var id = trial.Element("TrialID")!.Value;
            var groups = trial.Element("Target_size")!.Value.Split(';', StringSplitOptions.RemoveEmptyEntries);
            var sizes = groups.Select(g => long.TryParse(g[(g.LastIndexOf(':') + 1)..], out var n) ? n : (long?)null).ToList();
            Assert.Equal(sizes.Count > 0 && sizes.All(s => s is not null) ? sizes.Sum() : null, stored[id].Enrollment);
            var status = trial.Element("Recruitment_Status")?.Value is { Length: > 0 } words ? words : null;
            Assert.Equal(status, stored[id].Status);
            Assert.Equal(status == "Recruiting" ? "RECRUITING" : null, stored[id].Code);
        }
    }

    [Fact]
    public void The_current_version_is_readable_with_json_extract_and_keeps_the_registry_element()
    {
        _database.Import(SharedData.IctrpExport);
        using var connection = _database.Open();

        var (title, registry, element) = connection.QuerySingle<(string, string, string)>("""
            SELECT json_extract(j.raw_json, '$.protocolSection.identificationModule.briefTitle'), json_extract(j.raw_json, '$.registrySection.registry'),
                   json_extract(j.raw_json, '$.registryDocument')
            FROM studies s JOIN study_versions_json j ON j.id = s.current_version_id WHERE s.nct_id = 'ChiCTR2000029953'
            """);

        Assert.Equal("Construction and Analysis of Prognostic Predictive Model of Novel Coronavirus Pneumonia (COVID-19)", title);
        Assert.Equal("ChiCTR", registry);
        Assert.True(XNode.DeepEquals(ExportTrials()[0], XElement.Parse(element)));
    }

    [Fact]
    public void A_folder_is_read_by_content_an_export_under_any_name_and_other_files_passed_over()
    {
        var folder = Path.Combine(_database.Directory, "saved");
        Directory.CreateDirectory(folder);
        File.Copy(SharedData.IctrpExport, Path.Combine(folder, "ictrp export.txt"));
        File.WriteAllText(Path.Combine(folder, "README.md"), "# what these are\n");
        File.WriteAllText(Path.Combine(folder, "other.xml"), "<?xml version='1.0'?><catalog/>");

        var summary = _database.Import(folder);

        Assert.Empty(summary.Rejections);
        Assert.Equal(289, summary.Counts.New);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void A_truncated_export_is_refused_whole_with_its_file_and_position(double kept)
    {
        var bytes = File.ReadAllBytes(SharedData.IctrpExport);
        var path = Path.Combine(_database.Directory, "truncated.xml");
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * kept)]);

        var summary = _database.Import(path);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Contains("truncated.xml", rejection.Source, StringComparison.Ordinal);
        Assert.Matches("^malformed XML at line [0-9]+, position [0-9]+: ", rejection.Reason);
        using var connection = _database.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM studies"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_versions"));
    }

    [Fact]
    public void A_malformed_element_is_refused_at_its_line()
    {
        var text = File.ReadAllText(SharedData.IctrpExport);
        var at = text.IndexOf("<Public_title>", 100_000, StringComparison.Ordinal);
        var path = Path.Combine(_database.Directory, "broken.xml");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, at), "<Public_title x=>", text.AsSpan(at + "<Public_title>".Length)));
        var line = text[..at].Count(c => c == '\n') + 1;

        var rejection = Assert.Single(_database.Import(path).Rejections);

        Assert.StartsWith($"malformed XML at line {line}, position ", rejection.Reason, StringComparison.Ordinal);
        using var connection = _database.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM studies"));
    }

    /// <summary>An ICTRP export holding one trial: a copy of a ClinicalTrials.gov record of ../shared/ctgov, refreshed later than the record was updated.</summary>
    private string PortalCopyOf(string nctId, string title) =>
        IctrpFixture.Write(Path.Combine(_database.Directory, $"ictrp-{nctId}.xml"), new IctrpTrial(nctId, "ClinicalTrials.gov", title, Status: "Not recruiting"));

    [Fact]
    public void A_portal_copy_arriving_after_the_registry_record_is_kept_as_a_version_and_changes_nothing_shown()
    {
        _database.Import(SharedData.CtGovFile("NCT03418623.json"));
        using var connection = _database.Open();
        var shown = connection.QuerySingle<(string Title, long Enrollment, long Version)>("SELECT brief_title, enrollment_count, current_version_id FROM studies");

        var summary = _database.Import(PortalCopyOf("NCT03418623", "A thinner copy"));

        Assert.Empty(summary.Rejections);
        Assert.Equal(shown, connection.QuerySingle<(string, long, long)>("SELECT brief_title, enrollment_count, current_version_id FROM studies"));
        Assert.Equal(["WHO ICTRP"], connection.Query<string>("SELECT via FROM study_versions WHERE via IS NOT NULL"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_changes"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM enrollment_snapshots"));
    }

    [Fact]
    public void The_registry_record_replaces_a_portal_copy_stored_first_without_recording_changes()
    {
        _database.Import(PortalCopyOf("NCT03418623", "A thinner copy"));
        using var connection = _database.Open();
        Assert.Equal("A thinner copy", connection.QuerySingle<string>("SELECT brief_title FROM studies"));

        _database.Import(SharedData.CtGovFile("NCT03418623.json"));

        var (title, via, registryStatus) = connection.QuerySingle<(string, string?, string?)>("SELECT brief_title, via, registry_status FROM studies");
        Assert.NotEqual("A thinner copy", title);
        Assert.Null(via);
        Assert.Null(registryStatus);
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_versions"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_changes"));
    }
}
