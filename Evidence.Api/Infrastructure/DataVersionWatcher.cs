using System.Data.Common;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Api.Infrastructure;

/// <summary>
/// A number that moves with every commit of any other connection of any process (a harvest, an
/// import, the API's own writes), read on a connection of the watcher's own that never writes.
/// What is kept in memory for a version (the answers of <see cref="ReadCache"/>, the facet
/// numbers of FacetSnapshots) is current while it is unchanged.
/// <list type="bullet">
/// <item>SQLite: <c>PRAGMA data_version</c>.</item>
/// <item>PostgreSQL: <c>data_version</c>, a number every statement that writes evidence moves by
/// trigger (migrations/postgres), read as committed.</item>
/// </list>
/// </summary>
public sealed class DataVersionWatcher(EvidenceDatabase connections) : IDisposable
{
    private readonly Lock _gate = new();
    private DbConnection? _watcher;

    public long Current()
    {
        lock (_gate)
        {
            _watcher ??= connections.Open();
            using var command = _watcher.CreateCommand();
            if (connections.Provider == DatabaseProvider.Postgres)
            {
                command.CommandText = "SELECT version FROM data_version";
                return (long)command.ExecuteScalar()!;
            }

            command.CommandText = "PRAGMA data_version";
            return (long)command.ExecuteScalar()!;
        }
    }

    public void Dispose() => _watcher?.Dispose();
}
