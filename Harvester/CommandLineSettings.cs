using TrialEvidence.ClinicalTrialsGov;
using TrialEvidence.Data.Configuration;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Ingest;
using TrialEvidence.Scheduling;
using TrialEvidence.Topics;
using TrialEvidence.Webhooks;

namespace TrialEvidence.Harvester;

/// <summary>
/// Settings given on the command line as .NET configuration reads them, "--Section:Key=value"
/// or "--Section:Key value" (e.g. --Registry:BaseUrl=http://127.0.0.1:5099/api/v2/), told apart
/// from the commands, arguments and options before the command line is parsed, so that neither
/// is mistaken for the other (a setting is not a path to import; a typo is not a setting). Each
/// is checked against the options it sets: an unknown section or key, or a value not of the
/// setting's type, is a problem the command line reports before anything starts.
/// </summary>
internal sealed record CommandLineSettings(IReadOnlyList<string> Settings, IReadOnlyList<string> Arguments, IReadOnlyList<string> Problems)
{
    /// <summary>The sections a setting may name, and what each binds to (null: anything, as logging takes).</summary>
    private static readonly Dictionary<string, Type?> Shapes = new(StringComparer.OrdinalIgnoreCase)
    {
        [DatabaseOptions.Section] = typeof(DatabaseOptions),
        [IngestOptions.Section] = typeof(IngestOptions),
        ["Logging"] = null,
        [RegistryOptions.Section] = typeof(RegistryOptions),
        [TrialEvidence.Euctr.EuctrOptions.Section] = typeof(TrialEvidence.Euctr.EuctrOptions),
        [SchedulerOptions.Section] = typeof(SchedulerOptions),
        [TopicsOptions.Section] = typeof(List<TopicOptions>),
        [WebhooksOptions.Section] = typeof(List<WebhookOptions>),
        [WebhookDeliveryOptions.Section] = typeof(WebhookDeliveryOptions),
        [TrialEvidence.History.HistoryOptions.Section] = typeof(TrialEvidence.History.HistoryOptions),
    };

    public static IEnumerable<string> Sections => Shapes.Keys;

    public static CommandLineSettings Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new List<string>();
        var arguments = new List<string>();
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (KeyOf(args[i]) is not { } key)
            {
                arguments.Add(args[i]);
                continue;
            }

            var equals = args[i].IndexOf('=', StringComparison.Ordinal);
            string? value = equals >= 0 ? args[i][(equals + 1)..] : i + 1 < args.Count ? args[++i] : null;
            if (Problem(key, value) is { } problem)
            {
                // The setting as written, but its value only where the value is the problem and is
                // no secret: a misspelt key ("--Webhooks:0:Secrte=...") may well hold one.
                var shown = KeyIsKnown(key) && !Confidential(key) ? value : "***";
                problems.Add($"'{(equals >= 0 ? $"--{key}={shown}" : $"--{key} {shown}").Trim()}': {problem}");
            }
            else
            {
                settings.Add($"--{key}={value}");
            }
        }

        return new CommandLineSettings(settings, arguments, problems);
    }

    private static bool KeyIsKnown(string key)
    {
        var path = key.Split(':');
        return Shapes.TryGetValue(path[0], out var shape) && (shape is null || KnownSettings.Problem(shape, path[1..], null) is null);
    }

    /// <summary>A key whose value is not repeated in a message: a secret, a key, a password.</summary>
    private static bool Confidential(string key) =>
        key.Contains("secret", StringComparison.OrdinalIgnoreCase) || key.Contains("key", StringComparison.OrdinalIgnoreCase)
        || key.Contains("password", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Registry:BaseUrl" of "--Registry:BaseUrl=..." or "--Registry:BaseUrl"; null when the argument is not a setting.</summary>
    private static string? KeyOf(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }

        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        var key = equals >= 0 ? arg[2..equals] : arg[2..];
        return key.IndexOf(':', StringComparison.Ordinal) > 0 ? key : null;
    }

    private static string? Problem(string key, string? value)
    {
        if (value is null)
        {
            return "a setting needs a value: --Section:Key=value";
        }

        var path = key.Split(':');
        if (string.Equals(path[0], "Api", StringComparison.OrdinalIgnoreCase))
        {
            return "'Api' settings are the API's (Evidence.Api), not the harvester's";
        }

        if (!Shapes.TryGetValue(path[0], out var shape))
        {
            return $"there is no setting section '{path[0]}'; settings are --Section:Key=value with a section of {string.Join(", ", Sections)}";
        }

        return shape is null ? null : KnownSettings.Problem(shape, path[1..], value);
    }
}
