using System.CommandLine;
using TrialEvidence.Harvester.Import;

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

        return new RootCommand("TrialEvidence harvester: fills the evidence database from ClinicalTrials.gov")
        {
            ImportCommand.Create(database),
        };
    }
}
