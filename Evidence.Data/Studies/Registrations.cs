using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TrialEvidence.Data.Studies;

/// <summary>
/// One trial registered more than once (a ChiCTR or EUCTR record naming an NCT number among its
/// secondary ids, an NCT record naming a ChiCTR one, the member states' EUCTR records of one
/// EudraCT number) is listed once. Each study has trial keys (study_keys, migration 0024): its own
/// id's (an EUCTR record's is its EudraCT number, shared by its member states), and those of the
/// registry ids it names as secondary ids. Two studies are registrations of one trial when they
/// share a key that at least one of them owns: an id written by the registry that issued it, not
/// a guess (titles that look alike never join two studies). A group is listed under one
/// registration, its primary: ClinicalTrials.gov's where it has one (the fullest record), else the
/// one updated last; the others have studies.shown_as set to it, keep their rows and detail, and
/// have no rows in the list's structures (facets, codes, full-text index), so every list, count
/// and search shows the trial once.
/// </summary>
public static partial class Registrations
{
    /// <summary>The keys of <paramref name="record"/>: its own (owned) and those of the registry ids it names.</summary>
    public static IReadOnlyList<(string Key, bool Own)> Keys(StudyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var own = KeyOf(record.NctId) ?? record.NctId;
        var keys = new List<(string Key, bool Own)> { (own, true) };
        foreach (var id in record.SecondaryIds)
        {
            if (KeyOf(id.Id) is { } key && key != own && !keys.Exists(k => k.Key == key))
            {
                keys.Add((key, false));
            }
        }

        return keys;
    }

    /// <summary>
    /// The trial key a registry id stands for: the id as its registry writes it, or for EudraCT
    /// (EUCTR records, and the bare numbers ClinicalTrials.gov records list) "EudraCT " and the
    /// number. Null for text that is no registry's id (a sponsor's protocol number).
    /// </summary>
    public static string? KeyOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var trimmed = id.Trim();
        if (EudraCt().Match(trimmed) is { Success: true } eudract)
        {
            return "EudraCT " + eudract.Groups["number"].Value;
        }

        return RegistryId.Canonical(trimmed);
    }

    /// <summary>
    /// Rewrites the keys of the studies <paramref name="nctIds"/> (written in this transaction) and
    /// lists each trial they belong to, before and after, under its primary. Returns the studies
    /// outside <paramref name="nctIds"/> that became listed or unlisted: their list rows must be
    /// written again.
    /// </summary>
    public static IReadOnlyList<string> Update(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<StudyRecord> records)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(records);
        var ids = records.Select(r => r.NctId).ToList();
        // The trials the studies belonged to before: a key they no longer name may part them.
        var before = Closure(connection, transaction, ids);
        connection.Execute(DeleteKeys, new { Ids = JsonSerializer.Serialize(ids) }, transaction);
        using (var insert = new PreparedInsert<(string Key, string NctId, bool Own)>(
                   connection, transaction, InsertKeys, ("Key", x => x.Key), ("NctId", x => x.NctId), ("Own", x => x.Own ? 1 : 0)))
        {
            insert.Execute(records.SelectMany(r => Keys(r).Select(k => (k.Key, r.NctId, k.Own))));
        }

        var affected = Closure(connection, transaction, [.. before.Union(ids)]);
        if (affected.Count == ids.Count && !HasLinks(connection, transaction, ids)
            && !connection.Query<string>(SelectShownAs, new { Ids = JsonSerializer.Serialize(ids) }, transaction).Any())
        {
            return []; // the usual case: no study of the batch names or is named by another
        }

        var members = connection.Query<Member>(SelectMembers, new { Ids = JsonSerializer.Serialize(affected) }, transaction).ToDictionary(m => m.NctId, StringComparer.Ordinal);
        var edges = connection.Query<(string A, string B)>(SelectEdges, new { Ids = JsonSerializer.Serialize(affected) }, transaction).ToList();
        var changed = new List<string>();
        foreach (var group in Groups(members.Keys, edges))
        {
            var primary = group.Select(id => members[id]).OrderByDescending(m => m.Registry == RegistryId.ClinicalTrialsGov)
                .ThenByDescending(m => m.LastUpdatePostedDate ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(m => m.NctId, StringComparer.Ordinal)
                .First().NctId;
            foreach (var id in group)
            {
                var shownAs = id == primary ? null : primary;
                if (members[id].ShownAs != shownAs)
                {
                    connection.Execute("UPDATE studies SET shown_as = @ShownAs WHERE nct_id = @Id", new { ShownAs = shownAs, Id = id }, transaction);
                    if ((members[id].ShownAs is null) != (shownAs is null) && !ids.Contains(id))
                    {
                        changed.Add(id);
                    }
                }
            }
        }

        return changed;
    }

    /// <summary>Whether any of the studies shares a key with another: the only case where a group is more than one study.</summary>
    private static bool HasLinks(SqliteConnection connection, SqliteTransaction transaction, List<string> ids) =>
        connection.ExecuteScalar<long>($"SELECT EXISTS ({Neighbours})", new { Ids = JsonSerializer.Serialize(ids) }, transaction) == 1;

    /// <summary>The studies linked to @Ids (a JSON array) by a key one of the two owns.</summary>
    private const string Neighbours = """
        SELECT b.nct_id FROM study_keys a JOIN study_keys b ON b.key = a.key AND b.nct_id <> a.nct_id
        WHERE a.nct_id IN (SELECT value FROM json_each(@Ids)) AND (a.own = 1 OR b.own = 1)
        """;

    /// <summary>The studies of <paramref name="seeds"/> and every study linked to them, directly or through others.</summary>
    private static List<string> Closure(SqliteConnection connection, SqliteTransaction transaction, List<string> seeds)
    {
        var found = new HashSet<string>(seeds, StringComparer.Ordinal);
        var frontier = seeds.ToList();
        // A trial has a few registrations; the bound only stops a key that many records misuse from joining them all.
        while (frontier.Count > 0 && found.Count < MaxGroupSize * Math.Max(1, seeds.Count))
        {
            frontier = [.. connection.Query<string>(Neighbours, new { Ids = JsonSerializer.Serialize(frontier) }, transaction).Where(found.Add)];
        }

        return [.. found];
    }

    private const int MaxGroupSize = 100;

    /// <summary>The connected groups of <paramref name="ids"/> under <paramref name="edges"/>.</summary>
    private static List<List<string>> Groups(IEnumerable<string> ids, List<(string A, string B)> edges)
    {
        var parent = ids.ToDictionary(id => id, id => id, StringComparer.Ordinal);
        string Root(string id)
        {
            while (parent[id] != id)
            {
                id = parent[id] = parent[parent[id]];
            }

            return id;
        }

        foreach (var (a, b) in edges.Where(e => parent.ContainsKey(e.A) && parent.ContainsKey(e.B)))
        {
            parent[Root(a)] = Root(b);
        }

        return [.. parent.Keys.GroupBy(Root).Select(g => g.ToList())];
    }

    private const string DeleteKeys = "DELETE FROM study_keys WHERE nct_id IN (SELECT value FROM json_each(@Ids))";

    private const string InsertKeys = "INSERT OR IGNORE INTO study_keys (key, nct_id, own) VALUES (@Key, @NctId, @Own)";

    private const string SelectShownAs = "SELECT nct_id FROM studies WHERE nct_id IN (SELECT value FROM json_each(@Ids)) AND shown_as IS NOT NULL";

    private const string SelectMembers = """
        SELECT nct_id AS NctId, registry AS Registry, last_update_posted_date AS LastUpdatePostedDate, shown_as AS ShownAs
        FROM studies WHERE nct_id IN (SELECT value FROM json_each(@Ids))
        """;

    private const string SelectEdges = """
        SELECT a.nct_id, b.nct_id FROM study_keys a JOIN study_keys b ON b.key = a.key AND b.nct_id > a.nct_id
        WHERE a.nct_id IN (SELECT value FROM json_each(@Ids)) AND (a.own = 1 OR b.own = 1)
        """;

    private sealed record Member(string NctId, string Registry, string? LastUpdatePostedDate, string? ShownAs);

    /// <summary>An EudraCT number, bare ("2005-002909-23"), as ICTRP's EUCTR id ("EUCTR2005-002909-23-PT") or labelled ("EudraCT 2005-002909-23").</summary>
    [GeneratedRegex(@"^(?:EUCTR|EudraCT(?: number)?:? ?)?(?<number>[0-9]{4}-[0-9]{6}-[0-9]{2})(?:-(?:[A-Z]{2}|3RD|Outside-EU/EEA))?\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EudraCt();
}
