using Dapper;
using TrialEvidence.ReplayRegistry;

namespace TrialEvidence.Harvester.Tests.Commands;

/// <summary>The command line refuses what it does not know, before it starts anything, and explains itself.</summary>
public sealed class CommandLineTests : ReplayRegistryTest
{
    private string[] Settings(TempDatabase database) =>
        [.. HarvestTestHost.Settings(Registry.BaseAddress, database.Path).Select(s => $"--{s.Key}={s.Value}")];

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("harvset")]
    [InlineData("harvest", "--frobnicate")]
    [InlineData("harvest", "--topic")]
    [InlineData("import", "--recursive", "x.json")]
    [InlineData("fetch")]
    public void An_unknown_command_or_option_prints_the_usage_and_exits_2_without_starting_anything(params string[] args)
    {
        var folder = Path.Combine(Path.GetTempPath(), "trialevidence-tests", Guid.NewGuid().ToString("N"));
        var databasePath = Path.Combine(folder, "never.db");
        var run = CliRun.Invoke([.. args, "--db", databasePath, .. HarvestTestHost.Settings(Registry.BaseAddress, databasePath).Select(s => $"--{s.Key}={s.Value}")]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
        Assert.False(Directory.Exists(folder), "a database was created");
        Assert.Empty(Registry.Requests);
    }

    [Theory]
    [InlineData("--Registy:BaseUrl=http://127.0.0.1:9/", "there is no setting section 'Registy'", "Database, Ingest, Logging, Registry, Euctr, Scheduler, Topics")]
    [InlineData("--Registry:BaseUrll=http://127.0.0.1:9/", "there is no setting 'BaseUrll'", "BaseUrl, RequestsPerSecond, PageSize")]
    [InlineData("--Scheduler:Enabled=maybe", "'maybe' is not true or false", "--Scheduler:Enabled=maybe")]
    [InlineData("--Registry:PageSize=lots", "'lots' is not a whole number", "PageSize")]
    [InlineData("--Topics:1:Shedule=0 0 4 * * ?", "there is no setting 'Shedule'", "Name, Registry, Schedule, Query, WholeRegistry, Ids, Enabled")]
    [InlineData("--Topics:one:Name=x", "'one' is not a position in a list", "--Topics:one:Name=***")]
    public void A_setting_that_names_no_setting_or_holds_the_wrong_type_is_refused_with_what_there_is(string setting, string problem, string named)
    {
        using var database = new TempDatabase();

        var run = CliRun.Invoke([.. Settings(database), "harvest", setting]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(problem, run.Error, StringComparison.Ordinal);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
        Assert.Empty(Registry.Requests);
    }

    [Theory]
    [InlineData("--Webhooks:0:Secrte=hunter2-of-sixteen-chars")]
    [InlineData("--Webhooks:0:Secrte", "hunter2-of-sixteen-chars")]
    public void A_refused_setting_that_may_hold_a_secret_is_named_without_its_value(params string[] setting)
    {
        using var database = new TempDatabase();

        var run = CliRun.Invoke([.. Settings(database), "harvest", .. setting]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--Webhooks:0:Secrte", run.Error, StringComparison.Ordinal);
        Assert.Contains("***': there is no setting 'Secrte'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_may_give_its_value_as_the_next_argument()
    {
        using var database = new TempDatabase();
        var settings = HarvestTestHost.Settings(Registry.BaseAddress, database.Path).SelectMany(s => new[] { $"--{s.Key}", s.Value! });

        var run = CliRun.Invoke(["harvest", "--topic", "hcc-irt", .. settings]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("hcc-irt: run 1 (full) succeeded", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("import")]
    [InlineData("harvest")]
    [InlineData("fetch")]
    [InlineData("renormalize")]
    [InlineData("evaluate")]
    public void Every_command_has_help(params string[] command)
    {
        var run = CliRun.Invoke([.. command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Contains(command.Length == 0 ? "harvest" : command[0], run.Output, StringComparison.Ordinal);
        Assert.Empty(Registry.Requests);
    }

    [Fact]
    public void A_setting_given_to_import_is_a_setting_not_a_path()
    {
        using var database = new TempDatabase(migrateTo: 0);

        var run = CliRun.Invoke("import", $"--Database:Path={database.Path}", SharedData.CtGovFile("NCT03418623.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("new 1", run.Output, StringComparison.Ordinal);
        using var connection = database.Open();
        Assert.Equal("NCT03418623", connection.QuerySingle<string>("SELECT nct_id FROM studies"));
    }

    [Fact]
    public void With_the_scheduler_switched_off_no_command_says_so_and_exits_2()
    {
        using var database = new TempDatabase();

        var run = CliRun.Invoke([.. Settings(database), "--Scheduler:Enabled=false"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the scheduler is switched off (Scheduler:Enabled=false)", run.Error, StringComparison.Ordinal);
        Assert.Empty(Registry.Requests);
    }

    [Theory]
    [InlineData(2, "'notanid' is not an NCT id", "fetch", "notanid")]
    [InlineData(2, "there is none of interventions.csv, primary_outcomes.csv, trials.csv in", "evaluate", "--labels", "/nonexistent", "../shared/ctgov")]
    [InlineData(2, "nothing to renormalize", "renormalize")]
    [InlineData(1, "there is no topic 'nosuch'; configured: hcc-irt, everything", "harvest", "--topic", "nosuch")]
    [InlineData(2, "every configured topic is disabled (hcc-irt, everything); name one with --topic", "harvest", "--Topics:0:Enabled=false", "--Topics:1:Enabled=false")]
    public void What_can_be_checked_before_the_start_is_refused_without_creating_the_database(int exitCode, string problem, params string[] args)
    {
        var folder = Path.Combine(Path.GetTempPath(), "trialevidence-tests", Guid.NewGuid().ToString("N"));
        var databasePath = Path.Combine(folder, "never.db");

        var run = CliRun.Invoke([.. args, "--db", databasePath, .. HarvestTestHost.Settings(Registry.BaseAddress, databasePath).Select(s => $"--{s.Key}={s.Value}")]);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(problem, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder), "a database was created");
        Assert.Empty(Registry.Requests);
    }
}
