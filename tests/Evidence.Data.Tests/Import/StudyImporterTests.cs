using System.IO.Compression;
using System.Text.Json.Nodes;
using Dapper;
using TrialEvidence.Data.Import;

namespace TrialEvidence.Data.Tests.Import;

public class StudyImporterTests
{
    /// <summary>Every study object in ../shared/ctgov, read independently of the importer.</summary>
    private static List<string> AllStudyIdsInShared()
    {
        var ids = new List<string>();
        foreach (var file in Directory.EnumerateFiles(SharedData.CtGov, "*.json", SearchOption.AllDirectories))
        {
            var node = JsonNode.Parse(File.ReadAllText(file))!;
            var studies = node is JsonArray array ? array : node["studies"] is JsonArray page ? page : new JsonArray(node.DeepClone());
            ids.AddRange(studies.Select(s => (string)s!["protocolSection"]!["identificationModule"]!["nctId"]!));
        }

        return ids;
    }

    [Fact]
    public void Every_file_in_shared_ctgov_imports_without_rejection()
    {
        using var database = new TempDatabase();
        var expectedIds = AllStudyIdsInShared();

        var summary = database.Import(SharedData.CtGov);

        Assert.Empty(summary.Rejections);
        Assert.Equal(0, summary.Counts.Rejected);
        Assert.Equal(expectedIds.Count, summary.Read);
        Assert.Equal(expectedIds.Distinct().Count(), summary.Counts.New);
        Assert.Equal(summary.Read, summary.Counts.New + summary.Counts.Changed + summary.Counts.Unchanged);
        using var connection = database.Open();
        Assert.Equal(expectedIds.Distinct().Order(), connection.Query<string>("SELECT nct_id FROM studies ORDER BY nct_id"));
        Assert.Equal(summary.Counts.New + summary.Counts.Changed, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_versions"));
        Assert.All(DatabaseFingerprint.RowCounts(connection), table => Assert.True(table.Value > 0, $"{table.Key} is empty"));
    }

    [Fact]
    public void Importing_the_same_input_twice_changes_nothing()
    {
        using var database = new TempDatabase();
        var first = database.Import(SharedData.CtGov);
        using var connection = database.Open();
        var before = DatabaseFingerprint.Of(connection);

        var second = database.Import(SharedData.CtGov);

        Assert.Equal(first.Read, second.Read);
        Assert.Equal(0, second.Counts.New);
        Assert.Equal(0, second.Counts.Changed);
        Assert.Equal(second.Read, second.Counts.Unchanged);
        Assert.Equal(before, DatabaseFingerprint.Of(connection));
    }

    [Fact]
    public void A_newer_version_replaces_the_current_row_and_keeps_the_original_enrollment_estimate()
    {
        using var database = new TempDatabase();
        var original = File.ReadAllText(SharedData.CtGovFile("reconstructed", "NCT04167293.json"));
        var newer = JsonNode.Parse(original)!;
        var protocol = newer["protocolSection"]!;
        protocol["designModule"]!["enrollmentInfo"] = new JsonObject { ["count"] = 98, ["type"] = "ACTUAL" };
        protocol["statusModule"]!["overallStatus"] = "COMPLETED";
        protocol["statusModule"]!["lastUpdatePostDateStruct"] = new JsonObject { ["date"] = "2023-02-01", ["type"] = "ACTUAL" };
        protocol["armsInterventionsModule"]!["interventions"]!.AsArray().RemoveAt(1);
        var v1 = database.WriteFile("v1/NCT04167293.json", original);
        var v2 = database.WriteFile("v2/NCT04167293.json", newer.ToJsonString());
        database.Import(v1);

        var summary = database.Import(v2);

        Assert.Equal((1, 0, 0), (summary.Counts.Changed, summary.Counts.New, summary.Counts.Unchanged));
        using var connection = database.Open();
        var study = connection.QuerySingle<(long Count, string Type, string Status, string Updated)>(
            "SELECT enrollment_count, enrollment_type, overall_status, last_update_posted_date FROM studies WHERE nct_id = 'NCT04167293'");
        Assert.Equal((98, "ACTUAL", "COMPLETED", "2023-02-01"), study);
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM interventions WHERE nct_id = 'NCT04167293'"));
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_versions WHERE nct_id = 'NCT04167293'"));
        var snapshots = connection.Query<(long Count, string Type)>(
            "SELECT count, type FROM enrollment_snapshots WHERE nct_id = 'NCT04167293' ORDER BY last_update_posted_date").ToList();
        Assert.Equal([(116L, "ESTIMATED"), (98L, "ACTUAL")], snapshots);
        Assert.Equal(
            connection.ExecuteScalar<long>("SELECT id FROM study_versions WHERE nct_id = 'NCT04167293' AND last_update_posted_date = '2023-02-01'"),
            connection.ExecuteScalar<long>("SELECT current_version_id FROM studies WHERE nct_id = 'NCT04167293'"));
    }

    [Fact]
    public void An_older_unseen_version_is_kept_as_history_without_replacing_the_current_row()
    {
        using var database = new TempDatabase();
        var current = File.ReadAllText(SharedData.CtGovFile("reconstructed", "NCT04167293.json"));
        var older = JsonNode.Parse(current)!;
        older["protocolSection"]!["statusModule"]!["lastUpdatePostDateStruct"] = new JsonObject { ["date"] = "2019-11-18" };
        older["protocolSection"]!["designModule"]!["enrollmentInfo"] = new JsonObject { ["count"] = 120, ["type"] = "ESTIMATED" };
        database.Import(database.WriteFile("now.json", current));

        var summary = database.Import(database.WriteFile("old.json", older.ToJsonString()));

        Assert.Equal((1, 1), (summary.Counts.Changed, summary.Counts.ChangedOlder));
        using var connection = database.Open();
        Assert.Equal(116, connection.ExecuteScalar<long>("SELECT enrollment_count FROM studies WHERE nct_id = 'NCT04167293'"));
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_versions WHERE nct_id = 'NCT04167293'"));
        Assert.Equal(
            [120L, 116L],
            connection.Query<long>("SELECT count FROM enrollment_snapshots WHERE nct_id = 'NCT04167293' ORDER BY last_update_posted_date"));
    }

    [Fact]
    public void A_malformed_file_is_rejected_whole_and_stored_data_is_untouched()
    {
        using var database = new TempDatabase();
        database.Import(SharedData.CtGovFile("ctg-studies-dgg32"));
        using var connection = database.Open();
        var before = DatabaseFingerprint.Of(connection);
        // The first nine studies of this array are valid and new; the file breaks after them.
        var array = File.ReadAllText(SharedData.CtGovFile("ctg-studies-trialmatchai.json"));
        var broken = database.WriteFile("broken.json", array[..array.LastIndexOf("{\"protocolSection\"", StringComparison.Ordinal)] + "{\"protocolSection\": {\"identificationModule\": }}]");

        var summary = database.Import(broken);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal(broken, rejection.Source);
        Assert.Contains("line 11", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal((0, 0), (summary.Counts.New, summary.Read));
        Assert.Equal(before, DatabaseFingerprint.Of(connection));
    }

    [Fact]
    public void A_truncated_file_is_rejected_and_the_good_files_beside_it_are_imported()
    {
        using var database = new TempDatabase();
        var full = File.ReadAllText(SharedData.CtGovFile("NCT02552212.json"));
        database.WriteFile("in/a-truncated.json", full[..(full.Length / 3)]);
        File.Copy(SharedData.CtGovFile("NCT03418623.json"), Path.Combine(database.Directory, "in", "b-good.json"));

        var summary = database.Import(Path.Combine(database.Directory, "in"));

        Assert.Equal((1, 1), (summary.RejectedSources, (int)summary.Counts.New));
        Assert.Contains("truncated", summary.Rejections[0].Reason, StringComparison.OrdinalIgnoreCase);
        using var connection = database.Open();
        Assert.Equal(["NCT03418623"], connection.Query<string>("SELECT nct_id FROM studies"));
    }

    [Fact]
    public void A_study_without_nct_id_is_rejected_alone()
    {
        using var database = new TempDatabase();
        var good = File.ReadAllText(SharedData.CtGovFile("NCT03418623.json"));
        var noId = """{"protocolSection": {"identificationModule": {"briefTitle": "no id"}}}""";
        var page = database.WriteFile("page.json", "{\"studies\": [" + noId + ", " + good + "]}");

        var summary = database.Import(page);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal(page + "#0", rejection.Source);
        Assert.Contains("nctId", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal((2L, 1L, 1L), (summary.Read, summary.Counts.New, summary.Counts.Rejected));
    }

    [Fact]
    public void A_field_of_the_wrong_type_rejects_the_study_with_the_field_named()
    {
        using var database = new TempDatabase();
        var record = JsonNode.Parse(File.ReadAllText(SharedData.CtGovFile("NCT03418623.json")))!;
        record["protocolSection"]!["designModule"]!["enrollmentInfo"]!["count"] = "about forty";

        var summary = database.Import(database.WriteFile("odd.json", record.ToJsonString()));

        Assert.Contains("\"count\" must be a whole number", Assert.Single(summary.Rejections).Reason, StringComparison.Ordinal);
        Assert.Equal(0, summary.Counts.New);
    }

    [Fact]
    public void An_empty_folder_imports_nothing()
    {
        using var database = new TempDatabase();
        var empty = Directory.CreateDirectory(Path.Combine(database.Directory, "empty")).FullName;

        var summary = database.Import(empty);

        Assert.Equal((0, 0L, 0L), (summary.Sources, summary.Read, summary.Counts.New));
        using var connection = database.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM studies"));
    }

    [Fact]
    public void A_missing_path_is_reported_before_anything_is_read()
    {
        using var database = new TempDatabase();

        var error = Assert.Throws<FileNotFoundException>(() => database.Import(SharedData.CtGov, Path.Combine(database.Directory, "nope.json")));

        Assert.Contains("nope.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bulk_download_zip_imports_the_same_rows_as_its_folder()
    {
        using var fromFolder = new TempDatabase();
        using var fromZip = new TempDatabase();
        var zip = Path.Combine(fromZip.Directory, "ctg-studies.json.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.EnumerateFiles(SharedData.CtGov, "NCT*.json"))
            {
                var id = Path.GetFileNameWithoutExtension(file);
                archive.CreateEntryFromFile(file, $"{id[3..5]}/{id}.json");
            }
        }

        fromFolder.Import(Directory.EnumerateFiles(SharedData.CtGov, "NCT*.json").ToArray());
        var summary = fromZip.Import(zip);

        Assert.Equal(20, summary.Counts.New);
        using var a = fromFolder.Open();
        using var b = fromZip.Open();
        foreach (var table in DatabaseFingerprint.Tables.Except(["studies", "study_versions", "enrollment_snapshots"]))
        {
            Assert.Equal(
                a.Query<string>($"SELECT json_array(*) FROM (SELECT * FROM {table} ORDER BY 1, 2, 3)").ToList(),
                b.Query<string>($"SELECT json_array(*) FROM (SELECT * FROM {table} ORDER BY 1, 2, 3)").ToList());
        }
    }

    [Fact]
    public void Sources_too_large_to_keep_are_read_twice_with_the_same_result()
    {
        using var kept = new TempDatabase();
        using var readTwice = new TempDatabase();

        kept.CreateImporter().Import(RecordSource.Expand([SharedData.CtGov]));
        var summary = readTwice.CreateImporter(singlePassBytes: 1024).Import(RecordSource.Expand([SharedData.CtGov]));

        Assert.Empty(summary.Rejections);
        using var a = kept.Open();
        using var b = readTwice.Open();
        Assert.Equal(DatabaseFingerprint.RowCounts(a), DatabaseFingerprint.RowCounts(b));
        Assert.Equal(
            a.Query<string>("SELECT content_hash FROM study_versions ORDER BY content_hash"),
            b.Query<string>("SELECT content_hash FROM study_versions ORDER BY content_hash"));
    }

    [Fact]
    public void A_read_failure_stops_the_import_and_keeps_what_was_committed()
    {
        using var database = new TempDatabase();
        var good = new RecordSource("good.json", () => File.OpenRead(SharedData.CtGovFile("NCT03418623.json")));
        var opened = 0;
        var flaky = new RecordSource("flaky.json", () => ++opened == 1
            ? File.OpenRead(SharedData.CtGovFile("NCT03934567.json"))
            : throw new IOException("the disk went away"));

        var error = Assert.Throws<IOException>(() =>
            database.CreateImporter(batchSize: 1, singlePassBytes: 0).Import([good, flaky]));

        Assert.Equal("the disk went away", error.Message);
        using var connection = database.Open();
        Assert.Equal(["NCT03418623"], connection.Query<string>("SELECT nct_id FROM studies"));
    }

    [Fact]
    public void A_cancelled_import_stops_and_keeps_what_was_committed()
    {
        using var database = new TempDatabase();
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(summary =>
        {
            if (summary.Counts.New > 0)
            {
                cancel.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            database.CreateImporter(batchSize: 1).Import(RecordSource.Expand([SharedData.CtGov]), progress, cancellationToken: cancel.Token));

        using var connection = database.Open();
        var stored = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM studies");
        Assert.InRange(stored, 1, 68);
        Assert.Equal(stored, connection.ExecuteScalar<long>("SELECT COUNT(DISTINCT nct_id) FROM study_versions"));
    }

    /// <summary>Reports synchronously on the importer's thread (System.Progress would post to the thread pool).</summary>
    private sealed class Progress(Action<ImportSummary> report) : IProgress<ImportSummary>
    {
        public void Report(ImportSummary value) => report(value);
    }

    [Fact]
    public void Small_batches_store_the_same_rows_as_one_batch()
    {
        using var small = new TempDatabase();
        using var large = new TempDatabase();

        small.CreateImporter(batchSize: 3).Import(RecordSource.Expand([SharedData.CtGov]));
        large.CreateImporter(batchSize: 10_000).Import(RecordSource.Expand([SharedData.CtGov]));

        using var a = small.Open();
        using var b = large.Open();
        Assert.Equal(DatabaseFingerprint.RowCounts(a), DatabaseFingerprint.RowCounts(b));
    }
}
