using System.CommandLine;

namespace TrialEvidence.Harvester;

/// <summary>Checks of a command's arguments that run while the command line is parsed, so a mistake is a usage error before anything starts.</summary>
internal static class ArgumentChecks
{
    /// <summary>
    /// A token that looks like an option ("--recursive") is an option this command does not
    /// have, not a value: the parser would otherwise take it as one (a path, an NCT id).
    /// </summary>
    public static Argument<string[]> RefusingUnknownOptions(this Argument<string[]> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && !File.Exists(t.Value) && !Directory.Exists(t.Value)))
            {
                result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        return argument;
    }

    /// <summary>Every path names a file or a folder.</summary>
    public static Argument<string[]> OfExistingPaths(this Argument<string[]> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !t.Value.StartsWith('-') && !File.Exists(t.Value) && !Directory.Exists(t.Value)))
            {
                result.AddError($"No such file or folder: {token.Value}");
            }
        });
        return argument;
    }
}
