using System.CommandLine;
using System.Diagnostics;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Harvester.Commands;

/// <summary>
/// <c>copy FROM TO</c>: moves a whole evidence database between providers (a SQLite file and a
/// PostgreSQL database, either way) into one that holds no evidence yet. It touches neither
/// the configured database nor any other: only the two it is given.
/// </summary>
internal static class CopyCommand
{
    public static Command Create()
    {
        var from = new Argument<string>("from") { Description = "The database to copy: a SQLite file, or a PostgreSQL connection string (Host=...;Database=...) or postgresql:// URI" }
            .RefusingUnknownOptions();
        var to = new Argument<string>("to") { Description = "The database to copy into, which must hold no evidence yet: a SQLite file (created if missing) or a PostgreSQL database" }
            .RefusingUnknownOptions();
        var command = new Command("copy", "Copy a whole evidence database from SQLite to PostgreSQL or back") { from, to };
        command.SetAction((parse, cancellationToken) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            DatabaseLocation source, target;
            try
            {
                (source, target) = (DatabaseLocation.Parse(parse.GetValue(from)!), DatabaseLocation.Parse(parse.GetValue(to)!));
                _ = (source.Description, target.Description);
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"error: not a database: {ex.Message.Split(" (Parameter", 2)[0]}");
                return Task.FromResult(ExitCodes.Usage);
            }

            output.WriteLine($"Copying {source.Description} into {target.Description}");
            var clock = Stopwatch.StartNew();
            try
            {
                var summary = DatabaseCopy.Run(source, target, TimeProvider.System, (table, rows) => error.WriteLine($"  {table}: {rows:N0} rows"), cancellationToken);
                output.WriteLine($"Done in {clock.Elapsed.TotalSeconds:N1} s: {summary.Studies:N0} studies, {summary.Versions:N0} versions, {summary.Tables.Sum(t => t.Rows):N0} rows in {summary.Tables.Count} tables.");
                return Task.FromResult(ExitCodes.Success);
            }
            catch (DatabaseCopyRefusedException ex)
            {
                error.WriteLine($"error: {ex.Message}; nothing was copied");
                return Task.FromResult(ExitCodes.Usage);
            }
        });
        return command;
    }
}
