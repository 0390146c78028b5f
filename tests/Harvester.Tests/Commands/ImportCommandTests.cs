using Dapper;

namespace TrialEvidence.Harvester.Tests.Commands;

public class ImportCommandTests
{
    [Fact]
    public void Import_of_shared_ctgov_ends_with_the_counts_and_zero_rejected()
    {
        using var database = new TempDatabase(migrateTo: 0);

        var run = CliRun.Invoke("import", SharedData.CtGov, "--db", database.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"read 98, new 69, changed 2, unchanged 27, rejected 0", run.Output);
        Assert.Contains("file(s) of no registry format passed over", run.Output, StringComparison.Ordinal);
        using var connection = database.Open();
        Assert.Equal(69, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM studies"));
    }

    [Fact]
    public void Each_import_is_recorded_with_what_it_was_given_its_counts_and_how_it_ended()
    {
        using var database = new TempDatabase();
        var broken = database.WriteFile("broken.json", "{\"studies\": [ {\"protocolSection\": ");

        CliRun.Invoke("import", SharedData.CtGov, "--db", database.Path);
        CliRun.Invoke("import", broken, SharedData.CtGovFile("NCT03418623.json"), "--db", database.Path);

        var runs = new TrialEvidence.Data.Import.ImportRuns(database.Connections, TimeProvider.System).Recent(10);
        Assert.Equal(2, runs.Count);
        var (second, first) = (runs[0], runs[1]);
        Assert.Equal([SharedData.CtGov], first.Paths);
        Assert.Equal(("succeeded", 98L, 69L, 2L, 27L, 0L), (first.Outcome, first.StudiesRead, first.StudiesNew, first.StudiesChanged, first.StudiesUnchanged, first.StudiesRejected));
        Assert.Null(first.Error);
        Assert.NotNull(first.FinishedAt);
        Assert.True(string.CompareOrdinal(first.StartedAt, first.FinishedAt) <= 0);
        // Rejections do not fail an import: the rest is stored, and the first rejection is named.
        Assert.Equal([broken, SharedData.CtGovFile("NCT03418623.json")], second.Paths);
        Assert.Equal(("succeeded", 0L, 1L), (second.Outcome, second.StudiesNew, second.StudiesUnchanged));
        Assert.Equal(1, second.StudiesRejected);
        Assert.StartsWith($"1 rejected; the first: {broken}: malformed JSON", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_import_reports_everything_unchanged()
    {
        using var database = new TempDatabase();
        CliRun.Invoke("import", SharedData.CtGovFile("ctg-studies-dgg32.json"), "--db", database.Path);

        var run = CliRun.Invoke("import", SharedData.CtGovFile("ctg-studies-dgg32.json"), "--db", database.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("read 10, new 0, changed 0, unchanged 10, rejected 0", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejected_input_is_named_and_the_exit_code_says_so()
    {
        using var database = new TempDatabase();
        var broken = database.WriteFile("broken.json", "{\"studies\": [ {\"protocolSection\": ");

        var run = CliRun.Invoke("import", broken, SharedData.CtGovFile("NCT03418623.json"), "--db", database.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"rejected: {broken}: malformed JSON at line 1", run.Error, StringComparison.Ordinal);
        Assert.Contains("new 1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_maximum_record_size_setting_rejects_a_larger_record_by_file_and_byte_and_imports_the_rest()
    {
        using var database = new TempDatabase();
        var large = SharedData.CtGovFile("NCT03064438.json"); // 61,893 bytes

        var run = CliRun.Invoke("import", large, SharedData.CtGovFile("NCT03418623.json"), "--db", database.Path, "--Ingest:MaxRecordBytes=16384");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"rejected: {large}: record too large at line 1, byte 1 (byte offset 0): the record starting here is larger than 16384 bytes", run.Error, StringComparison.Ordinal);
        Assert.Contains("new 1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_fails_with_one_clear_line()
    {
        using var database = new TempDatabase();

        var run = CliRun.Invoke("import", Path.Combine(database.Directory, "missing.zip"), "--db", database.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: No such file or folder:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_file_that_is_not_a_database_fails_with_one_line_naming_it_and_is_left_as_it_was()
    {
        using var database = new TempDatabase();
        var notes = database.WriteFile("notes.db", "not a database, and nobody's to overwrite");

        var run = CliRun.Invoke("import", SharedData.CtGovFile("NCT03418623.json"), "--db", notes);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: cannot open the database {notes}: SQLite Error 26: 'file is not a database'.", run.Error.Trim());
        Assert.Equal("not a database, and nobody's to overwrite", File.ReadAllText(notes));
    }

    [Fact]
    public void Import_without_a_path_is_a_usage_error()
    {
        var run = CliRun.Invoke("import");

        Assert.NotEqual(0, run.ExitCode);
    }
}
