using TrialEvidence.ReplayRegistry;

namespace TrialEvidence.Harvester.Tests.Commands;

/// <summary>The harvest command as a user runs it: configuration on the command line, counts and exit codes.</summary>
public sealed class HarvestCommandTests : ReplayRegistryTest
{
    private static string[] Arguments(Uri registry, TempDatabase database, params string[] command) =>
        [.. command, .. HarvestTestHost.Settings(registry, database.Path).Select(s => $"--{s.Key}={s.Value}")];

    [Fact]
    public void Harvest_of_hcc_irt_pointed_at_the_replayRegistry_fills_the_database()
    {
        using var database = new TempDatabase();

        var run = CliRun.Invoke(Arguments(Registry.BaseAddress, database, "harvest", "--topic", "hcc-irt"));

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^hcc-irt: run 1 \(full\) succeeded in [0-9:]+: 1 page\(s\), new 7, changed 0, unchanged 0, rejected 0", run.Output);
    }

    [Fact]
    public void An_unreachableRegistry_fails_with_one_line_and_exit_code_1()
    {
        using var database = new TempDatabase();
        var args = Arguments(new Uri("http://127.0.0.1:9/api/v2/"), database, "harvest", "--topic", "hcc-irt").Append("--Registry:MaxRetryAttempts=1").ToArray();

        var run = CliRun.Invoke(args);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.StartsWith("error: harvest of 'hcc-irt' failed (run 1): cannot reach the registry at http://127.0.0.1:9/api/v2/", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_registry_is_reported_retry_by_retry_before_the_error()
    {
        using var database = new TempDatabase();
        var args = Arguments(new Uri("http://127.0.0.1:9/api/v2/"), database, "harvest", "--topic", "hcc-irt").Append("--Registry:MaxRetryAttempts=3").ToArray();

        var run = CliRun.Invoke(args);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        for (var retry = 1; retry <= 3; retry++)
        {
            Assert.Matches($@"^  \.\.\. hcc-irt: registry request failed \(Connection refused[^)]*\)\); retry {retry} of 3 in \d+ s$", lines[retry - 1]);
        }

        Assert.StartsWith("error: harvest of 'hcc-irt' failed (run 1): cannot reach the registry", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_topic_is_named_with_the_configured_ones()
    {
        using var database = new TempDatabase();

        var run = CliRun.Invoke(Arguments(Registry.BaseAddress, database, "harvest", "--topic", "melanoma"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("there is no topic 'melanoma'; configured: hcc-irt, everything", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_configuration_stops_before_any_request()
    {
        using var database = new TempDatabase();
        var args = Arguments(Registry.BaseAddress, database, "harvest").Append("--Topics:1:Query:filter.phase=PHASE2").ToArray();

        var run = CliRun.Invoke(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'filter.phase' is not a search parameter", run.Error, StringComparison.Ordinal);
        Assert.Empty(Registry.Requests);
    }
}
