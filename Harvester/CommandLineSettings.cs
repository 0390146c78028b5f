using TrialEvidence.ClinicalTrialsGov;
using TrialEvidence.Data.Database;
using TrialEvidence.Scheduling;
using TrialEvidence.Topics;

namespace TrialEvidence.Harvester;

/// <summary>
/// Settings given on the command line as .NET configuration reads them, "--Section:Key=value"
/// (e.g. --Registry:BaseUrl=http://127.0.0.1:5099/api/v2/), told apart from the commands,
/// arguments and options before the command line is parsed, so that neither is mistaken for the
/// other (a setting is not a path to import; a typo is not a setting).
/// </summary>
internal sealed record CommandLineSettings(IReadOnlyList<string> Settings, IReadOnlyList<string> Arguments, IReadOnlyList<string> UnknownSections)
{
    /// <summary>The sections a setting may name: the harvester's options, and logging.</summary>
    public static readonly IReadOnlyList<string> Sections =
        [DatabaseOptions.Section, "Logging", RegistryOptions.Section, SchedulerOptions.Section, TopicsOptions.Section];

    public static CommandLineSettings Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new List<string>();
        var arguments = new List<string>();
        var unknown = new List<string>();
        foreach (var arg in args)
        {
            if (SectionOf(arg) is not { } section)
            {
                arguments.Add(arg);
            }
            else if (Sections.Contains(section, StringComparer.OrdinalIgnoreCase))
            {
                settings.Add(arg);
            }
            else
            {
                unknown.Add(arg);
            }
        }

        return new CommandLineSettings(settings, arguments, unknown);
    }

    /// <summary>"Registry" of "--Registry:BaseUrl=..."; null when the argument is not a setting.</summary>
    private static string? SectionOf(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (!arg.StartsWith("--", StringComparison.Ordinal) || equals < 0)
        {
            return null;
        }

        var key = arg[2..equals];
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? key[..colon] : null;
    }
}
