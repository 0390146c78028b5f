using System.Data.Common;
using System.Text.Json;
using Dapper;
using TrialEvidence.Data.Changes;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Normalisation;

namespace TrialEvidence.Data.Studies;

/// <summary>A parsed study and where it came from (file, zip entry or registry URL).</summary>
public sealed record IncomingStudy(ParsedStudy Study, string Source);

/// <summary>
/// Stores batches of studies inside the caller's transaction: every unseen version goes to
/// study_versions; a version at least as new as the current one replaces the studies row and its
/// child rows, and what changed from the version it replaces goes to study_changes; a change of
/// enrollment count or type adds an enrollment snapshot.
/// </summary>
public sealed partial class StudyWriter(TimeProvider clock)
{
    /// <param name="previous">The versions the studies showed when read ahead (an import's), used while each is still current; the rest are read here.</param>
    public IReadOnlyList<WriteOutcome> WriteBatch(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<IncomingStudy> batch, IReadOnlyDictionary<string, PreviousVersion>? previous = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        var outcomes = new List<WriteOutcome>(batch.Count);
        var start = 0;
        while (start < batch.Count)
        {
            // A study may come twice in one batch (an array and its split files); each run of
            // distinct ids is written before the next, so the second sees the first.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var end = start;
            while (end < batch.Count && seen.Add(batch[end].Study.Record.NctId))
            {
                end++;
            }

            outcomes.AddRange(WriteDistinct(connection, transaction, batch.Skip(start).Take(end - start).ToList(), previous));
            start = end;
        }

        return outcomes;
    }

    private List<WriteOutcome> WriteDistinct(DbConnection connection, DbTransaction transaction, List<IncomingStudy> batch, IReadOnlyDictionary<string, PreviousVersion>? previous)
    {
        var ids = new { Ids = JsonSerializer.Serialize(batch.Select(s => s.Study.Record.NctId)) };
        var known = connection.Query<(string NctId, string ContentHash)>(connection.Sql(SelectKnownVersions), ids, transaction).ToHashSet();
        var current = connection.Query<VersionKey>(connection.Sql(SelectCurrentVersions), ids, transaction).ToDictionary(v => v.NctId);
        var snapshots = connection.Query<Snapshot>(connection.Sql(SelectSnapshots), ids, transaction).ToLookup(s => s.NctId);

        var now = clock.GetUtcNow().ToString("O");
        var outcomes = new List<WriteOutcome>(batch.Count);
        var versions = new List<VersionRow>();
        var studies = new List<StudyRow>();
        var snapshotRows = new List<SnapshotRow>();
        foreach (var (study, source) in batch)
        {
            var record = study.Record;
            if (known.Contains((record.NctId, study.ContentHash)))
            {
                outcomes.Add(WriteOutcome.Unchanged);
                continue;
            }

            versions.Add(new VersionRow(record, study.ContentHash, now, source, study.StoredRaw, study.RawUtf8));
            var existing = current.GetValueOrDefault(record.NctId);
            // Only a strictly newer version replaces the current one: of two with the same dates
            // (a fields= subset and a full record, say), the one stored first stays current.
            var isCurrent = existing is null || VersionKey.Compare(record, existing) > 0;
            outcomes.Add(existing is null ? WriteOutcome.New : isCurrent ? WriteOutcome.Changed : WriteOutcome.ChangedOlder);
            if (isCurrent)
            {
                // The registry's own record replacing a portal's copy is not a change of the trial:
                // the two differ in what each source carries, not in what the registry says.
                studies.Add(new StudyRow(record, study.Normalised, study.ContentHash, now, Replaces: existing is not null)
                {
                    Compares = existing is not null && !(existing.Via is not null && record.Via is null),
                });
            }

            // A portal's copy beside the registry's own record says nothing of the trial's enrollment.
            var shadowed = record.Via is not null && existing is { Via: null };
            if (!shadowed && EnrollmentChanged(record, snapshots[record.NctId]))
            {
                snapshotRows.Add(new SnapshotRow(record, study.ContentHash, now));
            }
        }

        // Read before the upsert moves current_version_id on: what each replaced study showed until now.
        var changeRows = Changes(connection, transaction, studies, current, previous, now);
        var postgres = EvidenceDatabase.IsPostgres(connection);
        Insert(connection, transaction, InsertVersion, VersionColumns(postgres), versions);
        Insert(connection, transaction, InsertChange, ChangeColumns, changeRows);
        Insert(connection, transaction, UpsertStudy, StudyColumns, studies);
        if (!postgres)
        {
            // PostgreSQL's sponsor index is a trigram index on the column itself.
            connection.Execute(IndexNewSponsors, new { Ids = JsonSerializer.Serialize(studies.Where(s => !s.Replaces).Select(s => s.Record.NctId)) }, transaction);
        }
        var replaced = new { Ids = JsonSerializer.Serialize(studies.Where(s => s.Replaces).Select(s => s.Record.NctId)) };
        foreach (var delete in DeleteChildren)
        {
            connection.Execute(connection.Sql(delete), replaced, transaction);
        }

        NormalisationWriter.DeleteDerived(connection, transaction, replaced.Ids);

        InsertChildren(connection, transaction, studies.ConvertAll(s => (s.Record, s.Normalised)));
        // Which registration each trial is listed under, before the list rows are written.
        // A registration listed under another that changes changes that one's full-text row (its
        // words are searched there): that one is written again too.
        var relisted = Registrations.Update(connection, transaction, studies.ConvertAll(s => s.Record))
            .Union(Registrations.ListedUnder(connection, transaction, studies.ConvertAll(s => s.Record.NctId)), StringComparer.Ordinal)
            .ToList();
        var derived = studies.ConvertAll(s => (s.Record.NctId, s.Normalised));
        if (relisted.Count > 0)
        {
            // Another registration of a trial arrived or left: the studies listed or unlisted by it
            // have their derived rows written again, from their current version, in one pass with
            // the batch's, which writes every registration's search text before the full-text row
            // of the one it is listed under (whichever of them the batch holds).
            var records = PreviousVersions.Read(connection, transaction, relisted);
            NormalisationWriter.DeleteDerived(connection, transaction, JsonSerializer.Serialize(relisted));
            derived.AddRange(records.Values.Select(v => (v.Record.NctId, StudyNormaliser.Embedded.Normalise(v.Record))));
        }

        NormalisationWriter.InsertDerived(connection, transaction, derived, now);
        Insert(connection, transaction, InsertSnapshot, SnapshotColumns, snapshotRows);
        // A dated version older than the current one falls between two already compared: the
        // study's changes follow its versions again (the rows it splits become history).
        // So does the registry's own record replacing a portal's copy: from now on changes follow the registry's versions alone.
        var older = batch.Where((study, i) => outcomes[i] == WriteOutcome.ChangedOlder && study.Study.Record.LastUpdatePostedDate is not null && study.Study.Record.Via is null)
            .Select(s => s.Study.Record.NctId)
            .Concat(studies.Where(s => s.Replaces && !s.Compares).Select(s => s.Record.NctId))
            .Distinct().ToList();
        if (older.Count > 0)
        {
            ChangeBackfill.Rebuild(connection, transaction, older);
        }

        return outcomes;
    }

    /// <summary>
    /// What each study a newer version replaces has changed, field by field, against the version
    /// current until now (<see cref="ChangeDetector"/>). Only a replacement compares: a version
    /// kept as history (older, or of the same dates) changes nothing a coordinator follows.
    /// </summary>
    private static List<ChangeRow> Changes(
        DbConnection connection, DbTransaction transaction, List<StudyRow> studies, Dictionary<string, VersionKey> current,
        IReadOnlyDictionary<string, PreviousVersion>? readAhead, string now)
    {
        var replacing = studies.Where(s => s.Compares).ToList();
        if (replacing.Count == 0)
        {
            return [];
        }

        // What was read ahead counts only while it is still the current version (an earlier batch may have replaced it since).
        bool Fresh(StudyRow s) => readAhead?.GetValueOrDefault(s.Record.NctId) is { } ahead && ahead.VersionId == current[s.Record.NctId].CurrentVersionId;
        var previous = PreviousVersions.Read(connection, transaction, replacing.Where(s => !Fresh(s)).Select(s => s.Record.NctId));
        foreach (var study in replacing.Where(Fresh))
        {
            previous[study.Record.NctId] = readAhead![study.Record.NctId];
        }

        var rows = new List<ChangeRow>();
        foreach (var study in replacing)
        {
            if (previous.GetValueOrDefault(study.Record.NctId) is { } before)
            {
                rows.AddRange(ChangeDetector.Compare(before.Record, study.Record).Select(change => new ChangeRow(study.Record, study.ContentHash, before.VersionId, change, now)));
            }
        }

        return rows;
    }

    private static void Insert<T>(DbConnection connection, DbTransaction transaction, string sql, (string, Func<T, object?>)[] columns, IEnumerable<T> rows)
    {
        using var insert = RowInsert.Prepare(connection, transaction, sql, columns);
        insert.Execute(rows);
    }

    private static void InsertChildren(DbConnection connection, DbTransaction transaction, List<(StudyRecord Record, NormalisedStudy Normalised)> studies)
    {
        var records = studies.ConvertAll(s => s.Record);
        Insert(connection, transaction, InsertCondition, ListItemColumns, records.SelectMany(r => r.Conditions.Select((value, i) => new ListItem(r.NctId, i, value))));
        Insert(connection, transaction, InsertKeyword, ListItemColumns, records.SelectMany(r => r.Keywords.Select((value, i) => new ListItem(r.NctId, i, value))));
        Insert(connection, transaction, InsertMeshTerm, MeshTermColumns, records.SelectMany(r => r.MeshTerms));
        Insert(connection, transaction, InsertIntervention, InterventionColumns, records.SelectMany(r => r.Interventions));
        Insert(connection, transaction, InsertArmGroup, ArmGroupColumns, records.SelectMany(r => r.ArmGroups));
        Insert(connection, transaction, InsertOutcome, OutcomeColumns, studies.SelectMany(s => s.Record.Outcomes.Zip(s.Normalised.Outcomes)));
        Insert(connection, transaction, InsertLocation, LocationColumns, records.SelectMany(r => r.Locations));
        Insert(connection, transaction, InsertSecondaryId, SecondaryIdColumns, records.SelectMany(r => r.SecondaryIds));
        Insert(connection, transaction, InsertCollaborator, CollaboratorColumns, records.SelectMany(r => r.Collaborators));
    }

    /// <summary>
    /// A snapshot is due when this version's enrollment differs from the one in force at its
    /// date: the latest snapshot, by date, not newer than this version (snapshots come ordered by
    /// date). A version says only what it has: without a count or type (fields= subsets, trimmed
    /// records) that part is not compared, and without either it adds no snapshot.
    /// </summary>
    private static bool EnrollmentChanged(StudyRecord record, IEnumerable<Snapshot> snapshots)
    {
        if (record.EnrollmentCount is null && record.EnrollmentType is null)
        {
            return false;
        }

        var date = record.LastUpdatePostedDate ?? string.Empty;
        var previous = snapshots
            .Where(s => string.CompareOrdinal(s.LastUpdatePostedDate ?? string.Empty, date) <= 0)
            .LastOrDefault();
        return previous is null
            || (record.EnrollmentCount is not null && previous.Count != record.EnrollmentCount)
            || (record.EnrollmentType is not null && previous.Type != record.EnrollmentType);
    }

    private sealed record Snapshot(string NctId, string? LastUpdatePostedDate, long? Count, string? Type);

    private sealed record VersionRow(StudyRecord Record, string ContentHash, string FetchedAt, string Source, byte[] Raw, ReadOnlyMemory<byte> RawUtf8);

    private sealed record StudyRow(StudyRecord Record, NormalisedStudy Normalised, string ContentHash, string UpdatedAt, bool Replaces)
    {
        /// <summary>Whether what changed from the version it replaces is recorded (see <see cref="Changes"/>).</summary>
        public bool Compares { get; init; }
    }

    private sealed record ChangeRow(StudyRecord Record, string ContentHash, long FromVersionId, FieldChange Change, string ObservedAt);

    private sealed record SnapshotRow(StudyRecord Record, string ContentHash, string ObservedAt);

    /// <summary>Orders versions of one study: the registry's own record before a portal's copy, then last update posted, then the registry's version date.</summary>
    private sealed record VersionKey(string NctId, string? LastUpdatePostedDate, string? VersionHolder, long CurrentVersionId, string? Via)
    {
        public static int Compare(StudyRecord incoming, VersionKey stored)
        {
            var bySource = (incoming.Via is null).CompareTo(stored.Via is null);
            if (bySource != 0)
            {
                return bySource;
            }

            var byUpdate = string.CompareOrdinal(incoming.LastUpdatePostedDate ?? string.Empty, stored.LastUpdatePostedDate ?? string.Empty);
            return byUpdate != 0
                ? byUpdate
                : string.CompareOrdinal(incoming.VersionHolder ?? string.Empty, stored.VersionHolder ?? string.Empty);
        }
    }
}
