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
}
