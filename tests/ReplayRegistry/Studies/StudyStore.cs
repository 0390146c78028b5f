using System.Collections.Immutable;

namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// The studies the registry currently serves and the NCT ids it has retired. Requests read an
/// immutable snapshot; tests change it between (or during) requests without locking readers out.
/// </summary>
internal sealed class StudyStore
{
    private readonly Lock _writeGate = new();
    private volatile Snapshot _current;

    private StudyStore(ImmutableDictionary<string, StudyRecord> studies) =>
        _current = new Snapshot(studies, ImmutableDictionary.Create<string, string>(StringComparer.Ordinal));

    public ImmutableDictionary<string, StudyRecord> Studies => _current.Studies;

    /// <summary>Keeps of every NCT id the version with the latest lastUpdatePostDate; of equals, the first given.</summary>
    public static StudyStore FromVersions(IEnumerable<StudyRecord> inSourceOrder)
    {
        var latest = new Dictionary<string, StudyRecord>(StringComparer.Ordinal);
        foreach (var study in inSourceOrder)
        {
            // Nullable.Compare ranks a missing date below every date.
            if (!latest.TryGetValue(study.NctId, out var kept) || Nullable.Compare(study.LastUpdatePostDate, kept.LastUpdatePostDate) > 0)
            {
                latest[study.NctId] = study;
            }
        }

        return new StudyStore(latest.ToImmutableDictionary(StringComparer.Ordinal));
    }

    /// <summary>The study under an id, or the id that replaced it, read from one snapshot.</summary>
    public (StudyRecord? Study, string? SuccessorId) Find(string nctId)
    {
        var current = _current;
        return (current.Studies.GetValueOrDefault(nctId), current.Successors.GetValueOrDefault(nctId));
    }

    /// <summary>Adds or replaces a study; its id is live again if it had been retired.</summary>
    public void Put(StudyRecord study) => Change(current => new Snapshot(
        current.Studies.SetItem(study.NctId, study),
        current.Successors.Remove(study.NctId)));

    public void Remove(string nctId) => Change(current => new Snapshot(
        current.Studies.Remove(nctId),
        current.Successors.Remove(nctId)));

    /// <summary>A retired id leaves search results and redirects to its successor, as merged registrations do.</summary>
    public void Retire(string oldNctId, string newNctId) => Change(current => new Snapshot(
        current.Studies.Remove(oldNctId),
        current.Successors.SetItem(oldNctId, newNctId)));

    private void Change(Func<Snapshot, Snapshot> change)
    {
        lock (_writeGate)
        {
            _current = change(_current);
        }
    }

    private sealed record Snapshot(ImmutableDictionary<string, StudyRecord> Studies, ImmutableDictionary<string, string> Successors);
}
