using System.CommandLine;
using TrialEvidence.Fetching;
using TrialEvidence.Harvesting;
using TrialEvidence.Harvester.Commands;
using TrialEvidence.Scheduling;

namespace TrialEvidence.Harvester;

/// <summary>The harvester's command line; Program runs it, tests invoke it in-process.</summary>
internal static class HarvesterCli
{
    public static RootCommand Build()
    {
        var database = new Option<string?>("--db")
        {
            Description = "SQLite database file (default: Database:Path in appsettings.json)",
        };

        var root = new RootCommand(
            "TrialEvidence harvester: fills the evidence database from ClinicalTrials.gov. Without a command it runs the " +
            "harvest scheduler until stopped. Any setting can be given as --Section:Key=value, e.g. --Registry:BaseUrl=http://127.0.0.1:5099/api/v2/")
        {
            ImportCommand.Create(database),
            HarvestCommand.Create(database),
            FetchCommand.Create(database),
            RenormalizeCommand.Create(database),
            EvaluateCommand.Create(),
        };
        ScheduleCommand.AttachTo(root, database);
        return root;
    }
}
