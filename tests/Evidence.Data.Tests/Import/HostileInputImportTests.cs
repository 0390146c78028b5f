using System.IO.Compression;
using System.Text.Json;
using Dapper;

namespace TrialEvidence.Data.Tests.Import;

/// <summary>Inputs too large or not UTF-8: each refuses its own source, names where, and leaves the rest of the import stored.</summary>
public class HostileInputImportTests
{
    private const int Limit = 64 * 1024;

    private static byte[] Study(string id) => File.ReadAllBytes(SharedData.CtGovFile($"{id}.json"));

    private static void WriteBytes(TempDatabase database, string name, byte[] bytes)
    {
        var path = Path.Combine(database.Directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static List<string> StoredIds(TempDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<string>("SELECT nct_id FROM studies ORDER BY nct_id").ToList();
    }

    [Fact]
    public void A_record_over_the_maximum_size_rejects_its_source_naming_file_and_byte_and_the_other_files_are_stored()
    {
        using var database = new TempDatabase();
        var folder = Path.Combine(database.Directory, "in");
        WriteBytes(database, "in/a-good.json", Study("NCT03418623"));
        var zip = Path.Combine(folder, "b-huge.zip");
        var studyOffset = HostileRecords.WriteZipWithHugeStudy(zip, "huge.json", 200L * 1024 * 1024);
        WriteBytes(database, "in/c-good.json", Study("NCT03475563"));

        var summary = database.CreateImporter(maxRecordBytes: Limit).Import(TrialEvidence.Data.Import.RecordSource.Expand([folder]));

        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal($"{zip}!huge.json", rejection.Source);
        Assert.Contains($"record too large at line 2, byte 3 (byte offset {studyOffset})", rejection.Reason, StringComparison.Ordinal);
        Assert.Contains($"larger than {Limit} bytes", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal((1, 2L), (summary.RejectedSources, summary.Counts.New));
        Assert.Equal(["NCT03418623", "NCT03475563"], StoredIds(database));
    }

    [Fact]
    public void A_file_with_invalid_utf8_in_a_field_no_parser_reads_is_rejected_whole_naming_file_and_byte()
    {
        using var database = new TempDatabase();
        var (bytes, valueOffset) = HostileRecords.WithUnreadField(Study("NCT03418623"), [.. "caf"u8, 0xE9, .. " au lait"u8]);
        WriteBytes(database, "latin1.json", bytes);
        var file = Path.Combine(database.Directory, "latin1.json");

        var summary = database.Import(file);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal(file, rejection.Source);
        Assert.Contains($"(byte offset {valueOffset + 3}): the text is not valid UTF-8 (byte 0xE9)", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal((1, 0L, 0), (summary.RejectedSources, summary.Counts.New, summary.Read));
        Assert.Empty(StoredIds(database));
    }

    [Fact]
    public void Invalid_utf8_in_the_second_study_of_a_file_stores_nothing_of_that_file_and_keeps_the_other_sources()
    {
        using var database = new TempDatabase();
        var (second, _) = HostileRecords.WithUnreadField(Study("NCT02552212"), [0xFF]);
        WriteBytes(database, "in/a-array.json", [.. "[\n"u8, .. Study("NCT03418623"), .. ",\n"u8, .. second, .. "\n]"u8]);
        var zip = Path.Combine(database.Directory, "in", "b-bulk.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using (var bad = archive.CreateEntry("01/NCT04267848.json").Open())
            {
                bad.Write(HostileRecords.WithUnreadField(Study("NCT04267848"), [0xC0, 0xAF]).Bytes);
            }

            using var good = archive.CreateEntry("02/NCT03934567.json").Open();
            good.Write(Study("NCT03934567"));
        }

        var summary = database.Import(Path.Combine(database.Directory, "in"));

        Assert.Equal(
            [Path.Combine(database.Directory, "in", "a-array.json"), $"{zip}!01/NCT04267848.json"],
            summary.Rejections.Select(r => r.Source));
        Assert.All(summary.Rejections, r => Assert.Contains("not valid UTF-8", r.Reason, StringComparison.Ordinal));
        Assert.Equal(["NCT03934567"], StoredIds(database));
    }

    [Fact]
    public void Imported_raw_json_is_stored_as_the_exact_bytes_received()
    {
        using var database = new TempDatabase();
        var crlf = System.Text.Encoding.UTF8.GetString(Study("NCT03418623")).ReplaceLineEndings("\r\n\t");
        var (bytes, _) = HostileRecords.WithUnreadField(System.Text.Encoding.UTF8.GetBytes(crlf), "é → 😀 \\u00e9 \\ud83d\\ude00 \\\" "u8);
        WriteBytes(database, "study.json", [0xEF, 0xBB, 0xBF, .. bytes, .. "\r\n"u8]);

        database.Import(Path.Combine(database.Directory, "study.json"));

        using var connection = database.Open();
        var stored = connection.QuerySingle<byte[]>("SELECT CAST(raw_json AS BLOB) FROM study_versions_json WHERE nct_id = @id", new { id = "NCT03418623" });
        Assert.Equal(bytes.AsSpan().TrimEnd("\r\n\t"u8).ToArray(), stored);
    }

    /// <summary>
    /// A status or date runs on past any registry code (a broken export, or hostile): the record
    /// is refused, naming the field, and the version stored before it stays current, as it was.
    /// </summary>
    [Theory]
    [InlineData("overallStatus")]
    [InlineData("startDateStruct")]
    [InlineData("lastUpdatePostDateStruct")]
    public void A_status_or_date_longer_than_any_registry_code_refuses_the_record_and_keeps_the_stored_version(string field)
    {
        using var database = new TempDatabase();
        Assert.Equal(1, database.Import(SharedData.CtGovFile("NCT03418623.json")).Counts.New);
        var text = string.Concat(Enumerable.Repeat("RECRUITING ", 30));
        var later = database.WriteFile("later/NCT03418623.json", LaterVersion.OfShared("NCT03418623", "2030-01-02", record =>
        {
            var status = LaterVersion.StatusModule(record);
            if (field == "overallStatus")
            {
                status[field] = text;
            }
            else
            {
                status[field]!["date"] = text;
            }
        }));

        var summary = database.Import(later);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Contains($"is {text.Length} characters long, which no registry code or date is (at most 200)", rejection.Reason, StringComparison.Ordinal);
        Assert.Contains(field == "overallStatus" ? "\"overallStatus\"" : "\"date\"", rejection.Reason, StringComparison.Ordinal);
        using var connection = database.Open();
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM study_versions WHERE nct_id = 'NCT03418623'"));
        Assert.Equal(
            JsonDocument.Parse(File.ReadAllText(SharedData.CtGovFile("NCT03418623.json"))).RootElement.GetProperty("protocolSection").GetProperty("statusModule").GetProperty("overallStatus").GetString(),
            connection.ExecuteScalar<string>("SELECT overall_status FROM studies WHERE nct_id = 'NCT03418623'"));
    }
}
