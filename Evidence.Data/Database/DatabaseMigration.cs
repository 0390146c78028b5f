using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrialEvidence.Data.Normalisation;

namespace TrialEvidence.Data.Database;

/// <summary>
/// Brings the database to the newest schema when its host starts: in StartingAsync, which the
/// host runs for every lifecycle service before any hosted service's StartAsync, so the
/// scheduler and the web server find the schema in place whatever order they were registered
/// in. Every program migrates here, once per start, and nowhere else.
/// </summary>
internal sealed partial class DatabaseMigration(Migrator migrator, Renormaliser renormaliser, ILogger<DatabaseMigration> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        migrator.Migrate();
        // Values made with an older vocabulary stay until 'renormalize': say so, once per start.
        var current = StudyNormaliser.Embedded.VocabularyVersion;
        foreach (var (version, studies) in renormaliser.Stale(current))
        {
            if (version.EndsWith(StudyNormaliser.FailedMark, StringComparison.Ordinal))
            {
                LogFailed(logger, studies, version[..^StudyNormaliser.FailedMark.Length]);
            }
            else
            {
                LogStale(logger, studies, version, current);
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Studies} studies were normalised with vocabulary {Version}, not {Current}: run 'renormalize' to bring their values up to date")]
    private static partial void LogStale(ILogger logger, long studies, string version, string current);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Studies} studies have no normalised values: vocabulary {Version}'s normaliser failed on them (each trial's normaliser_error provenance names the rule); their records are stored, and 'renormalize' with a mended version derives them")]
    private static partial void LogFailed(ILogger logger, long studies, string version);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
