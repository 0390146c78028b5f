using System.Diagnostics;
using Dapper;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Tests.Studies;

/// <summary>Raw registry JSON stored compressed (migration 0014), read back exactly, and from the sqlite3 shell.</summary>
public class StoredJsonTests
{
    private static readonly string Record = SharedData.CtGovFile("NCT04267848.json");

    [Fact]
    public void A_record_is_stored_compressed_and_read_back_byte_for_byte()
    {
        var bytes = File.ReadAllBytes(Record);

        var stored = StoredJson.Compress(bytes);

        Assert.True(stored.Length * 3 < bytes.Length, $"{stored.Length} stored bytes for {bytes.Length}");
        Assert.Equal(bytes, StoredJson.Decompress(stored, bytes.Length));
    }

    [Fact]
    public void Bytes_that_do_not_compress_are_stored_as_they_are()
    {
        var noise = new byte[64];
        new Random(7).NextBytes(noise);

        Assert.Equal(noise, StoredJson.Compress(noise));
        Assert.Equal(noise, StoredJson.Decompress(noise, noise.Length));
    }

    [Fact]
    public void Stored_bytes_that_do_not_match_their_size_are_an_error_not_a_wrong_record()
    {
        var stored = StoredJson.Compress(File.ReadAllBytes(Record));

        Assert.Throws<InvalidDataException>(() => StoredJson.Decompress(stored, new FileInfo(Record).Length - 1));
        Assert.ThrowsAny<Exception>(() => StoredJson.Decompress(stored[..(stored.Length / 2)], new FileInfo(Record).Length));
    }

    [Fact]
    public void The_view_gives_every_versions_json_for_json_extract_old_rows_and_new()
    {
        using var database = new TempDatabase();
        database.Import(Record);
        using var connection = database.Open();
        connection.Execute("""
            INSERT INTO study_versions (nct_id, content_hash, fetched_at, source, raw_json)
            VALUES ('NCT00000001', 'h', '2026-01-01T00:00:00Z', 'before 0014', '{"protocolSection":{"identificationModule":{"nctId":"NCT00000001"}}}')
            """);

        var (rawJson, size, storedSize) = connection.QuerySingle<(string, long, long)>(
            "SELECT raw_json, raw_size, length(raw) FROM study_versions WHERE nct_id = 'NCT04267848'");
        Assert.Equal("", rawJson);
        Assert.Equal(new FileInfo(Record).Length, size);
        Assert.True(storedSize * 3 < size);
        Assert.Equal(
            ["NCT00000001", "NCT04267848"],
            connection.Query<string>("SELECT json_extract(raw_json, '$.protocolSection.identificationModule.nctId') FROM study_versions_json ORDER BY 1"));
        Assert.Equal(File.ReadAllBytes(Record), connection.QuerySingle<byte[]>("SELECT CAST(raw_json AS BLOB) FROM study_versions_json WHERE nct_id = 'NCT04267848'"));
    }

    [Sqlite3ShellFact]
    public void The_sqlite3_shell_reads_the_records_through_the_view_with_its_own_function()
    {
        using var database = new TempDatabase();
        database.Import(Record);

        var start = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, RedirectStandardError = true };
        // Waits for a lock as the product's own connections do: tests running beside this one
        // clear every connection pool when they finish, and the last connection to close a WAL
        // database checkpoints it, locking the file for a moment ("database is locked" without).
        start.ArgumentList.Add("-cmd");
        start.ArgumentList.Add(".timeout 5000");
        start.ArgumentList.Add(database.Path);
        start.ArgumentList.Add("SELECT json_extract(raw_json, '$.protocolSection.identificationModule.nctId'), length(CAST(raw_json AS BLOB)) FROM study_versions_json");
        using var shell = Process.Start(start)!;
        var output = shell.StandardOutput.ReadToEnd();
        var errors = shell.StandardError.ReadToEnd();
        shell.WaitForExit();

        Assert.True(shell.ExitCode == 0, errors);
        Assert.Equal($"NCT04267848|{new FileInfo(Record).Length}", output.Trim());
    }
}

/// <summary>A test of the sqlite3 shell: skipped, saying why, where it is not installed (.ci/run installs it).</summary>
public sealed class Sqlite3ShellFactAttribute : FactAttribute
{
    public Sqlite3ShellFactAttribute()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(folder => folder.Length > 0 && File.Exists(Path.Combine(folder, "sqlite3")));
        if (!onPath)
        {
            Skip = "the sqlite3 shell is not on PATH (apt-get install sqlite3)";
        }
    }
}
