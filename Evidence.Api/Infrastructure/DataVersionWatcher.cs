using System.Data.Common;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Api.Infrastructure;

/// <summary>
/// A number that moves with every commit of any other connection of any process (a harvest, an
/// import, the API's own writes). What is kept in memory for a version (the answers of
/// <see cref="ReadCache"/>, the facet numbers of FacetSnapshots) is current while it is unchanged.
/// Read for every cached answer, so it must cost next to nothing and never make requests queue:
/// <list type="bullet">
/// <item>SQLite: <c>PRAGMA data_version</c>, in process, on a connection of the watcher's own that
/// never writes (the number is that connection's view of other connections' commits).</item>
/// <item>PostgreSQL: <c>data_version</c>, a number every transaction that writes evidence moves by
/// trigger (migrations/postgres), read as committed on any pooled connection: one round trip,
/// requests at once each on their own connection (through one connection they queued: a cached
/// answer cost a turn at it).</item>
/// </list>
/// </summary>
public sealed class DataVersionWatcher(EvidenceDatabase connections) : IDisposable
{
    private readonly Lock _gate = new();
    private DbConnection? _watcher;

    public long Current()
    {
        if (connections.Provider == DatabaseProvider.Postgres)
        {
            using var connection = connections.Open();
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT version FROM data_version";
            return (long)read.ExecuteScalar()!;
        }

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
