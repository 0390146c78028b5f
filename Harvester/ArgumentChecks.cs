using System.CommandLine;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Harvester;

/// <summary>Checks of a command's arguments that run while the command line is parsed, so a mistake is a usage error before anything starts.</summary>
internal static class ArgumentChecks
{
    /// <summary>
    /// A token that looks like an option ("--recursive") is an option this command does not
    /// have, not a value: the parser would otherwise take it as one (a path, an NCT id). A path
    /// that exists is a path, whatever its name.
    /// </summary>
    public static Argument<T> RefusingUnknownOptions<T>(this Argument<T> argument)
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

    /// <summary>Every value is an NCT id, in any case.</summary>
    public static Argument<string[]> OfNctIds(this Argument<string[]> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !t.Value.StartsWith('-') && !NctId.IsValid(t.Value.Trim().ToUpperInvariant())))
            {
                result.AddError($"'{token.Value}' is not an NCT id (NCT followed by 8 digits, e.g. NCT03482102)");
            }
        });
        return argument;
    }

    /// <summary>The option names a folder that holds at least one of <paramref name="files"/>.</summary>
    public static Option<string> OfFolderWithAny(this Option<string> option, params string[] files)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            var folder = result.GetValueOrDefault<string>();
            if (folder is null || !files.Any(f => File.Exists(Path.Combine(folder, f))))
            {
                result.AddError($"{option.Name}: there is none of {string.Join(", ", files)} in '{folder}'");
            }
        });
        return option;
    }
}
