using Microsoft.Data.Sqlite;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Api.Infrastructure;

/// <summary>
/// SQLite's data_version, read on a connection of the watcher's own that never writes: the
/// number moves with every commit of any other connection of any process (a harvest, an
/// import, the API's own writes). What is kept in memory for a version (the answers of
/// <see cref="ReadCache"/>, the facet numbers of FacetSnapshots) is current while it is unchanged.
/// </summary>
public sealed class DataVersionWatcher(SqliteConnectionFactory connections) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _watcher;

    public long Current()
    {
        lock (_gate)
        {
            _watcher ??= connections.Open();
            using var command = _watcher.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            return (long)command.ExecuteScalar()!;
        }
    }

    public void Dispose() => _watcher?.Dispose();
}
