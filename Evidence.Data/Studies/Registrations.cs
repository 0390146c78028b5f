using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using TrialEvidence.Data.Database;

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
    /// <summary>
    /// The keys of <paramref name="record"/>: its own (owned) and those of the registry ids it
    /// names. Two or more ids of one registry (two NCT numbers: an umbrella or a sub-study of
    /// several trials) name no one trial: none of them is a key.
    /// </summary>
    public static IReadOnlyList<(string Key, bool Own)> Keys(StudyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Keys(record.NctId, record.SecondaryIds.Select(s => s.Id));
    }

    /// <inheritdoc cref="Keys(StudyRecord)"/>
    public static IReadOnlyList<(string Key, bool Own)> Keys(string id, IEnumerable<string> secondaryIds)
    {
        ArgumentNullException.ThrowIfNull(secondaryIds);
        var own = KeyOf(id) ?? id;
        var named = secondaryIds.Select(KeyOf).OfType<string>().Where(key => key != own).Distinct(StringComparer.Ordinal)
            .GroupBy(RegistryOfKey, StringComparer.Ordinal)
            .Where(byRegistry => byRegistry.Count() == 1)
            .Select(byRegistry => (byRegistry.Single(), false));
        return [(own, true), .. named];
    }

    /// <summary>The registry a key belongs to ("EudraCT" for an EudraCT number's).</summary>
    private static string RegistryOfKey(string key) => key.StartsWith("EudraCT ", StringComparison.Ordinal) ? "EudraCT" : RegistryId.RegistryOf(key) ?? key;

    /// <summary>The SQLite function the migrations call for a study's keys: registry_keys(nct_id, a JSON array of its secondary ids) gives a JSON array of [key, own].</summary>
    public const string KeysFunction = "registry_keys";

    /// <summary>Registers <see cref="KeysFunction"/> on <paramref name="connection"/>: migration 0024 writes the stored studies' keys with the import's own rules.</summary>
    public static void Register(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.CreateFunction<string, string?, string>(
            KeysFunction,
            (id, secondaryIds) => JsonSerializer.Serialize(Keys(id, secondaryIds is null ? [] : JsonSerializer.Deserialize<List<string>>(secondaryIds) ?? []).Select(k => new object[] { k.Key, k.Own ? 1 : 0 })),
            isDeterministic: true);
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
    /// Rewrites the keys of the studies of <paramref name="records"/> (written in this transaction)
    /// and lists each trial they belong to, before and after, under its primary. Returns the other
    /// studies that became listed or unlisted, or whose trial's registrations changed while they
    /// are listed: their list rows must be written again.
    /// </summary>
    public static IReadOnlyList<string> Update(DbConnection connection, DbTransaction transaction, IReadOnlyList<StudyRecord> records)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(records);
        var ids = records.Select(r => r.NctId).ToList();
        // The trials the studies belonged to before: a key they no longer name may part them.
        var (before, _) = Closure(connection, transaction, ids);
        connection.Execute(connection.Sql(DeleteKeys), new { Ids = JsonSerializer.Serialize(ids) }, transaction);
        using (var insert = RowInsert.Prepare<(string Key, string NctId, bool Own)>(
                   connection, transaction, InsertKeys, ("Key", x => x.Key), ("NctId", x => x.NctId), ("Own", x => x.Own ? 1 : 0)))
        {
            insert.Execute(records.SelectMany(r => Keys(r).Select(k => (k.Key, r.NctId, k.Own))));
        }

        var (affected, linked) = Closure(connection, transaction, [.. before.Union(ids)]);
        if (affected.Count == ids.Count && !linked
            && !connection.Query<string>(connection.Sql(SelectShownAs), new { Ids = JsonSerializer.Serialize(ids) }, transaction).Any())
        {
            return []; // the usual case: no study of the batch names or is named by another
        }

        var members = connection.Query<Member>(connection.Sql(SelectMembers), new { Ids = JsonSerializer.Serialize(affected) }, transaction).ToDictionary(m => m.NctId, StringComparer.Ordinal);
        var edges = connection.Query<(string A, string B)>(connection.Sql(SelectEdges), new { Ids = JsonSerializer.Serialize(affected) }, transaction).ToList();
        // Those listed or unlisted, and the listed ones whose registrations changed (a listed
        // study's facet rows name every registry its trial is registered in), before and after,
        // have their list rows written again.
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in Groups(members.Keys, edges))
        {
            var primary = Primary([.. group.Select(id => members[id])]);
            foreach (var id in group)
            {
                var shownAs = id == primary ? null : primary;
                if (members[id].ShownAs != shownAs)
                {
                    connection.Execute(connection.Sql("UPDATE studies SET shown_as = @ShownAs WHERE nct_id = @Id"), new { ShownAs = shownAs, Id = id }, transaction);
                    changed.UnionWith(new[] { id, members[id].ShownAs, shownAs }.OfType<string>());
                }
            }
        }

        changed.ExceptWith(ids);
        return [.. changed];
    }

    /// <summary>The studies that studies of <paramref name="ids"/> are listed under, other than those of <paramref name="ids"/>.</summary>
    public static IEnumerable<string> ListedUnder(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> ids) =>
        connection.Query<string>(connection.Sql(
            "SELECT DISTINCT shown_as FROM studies WHERE nct_id IN (SELECT value FROM json_each(@Ids)) AND shown_as IS NOT NULL AND shown_as NOT IN (SELECT value FROM json_each(@Ids))"),
            new { Ids = JsonSerializer.Serialize(ids) },
            transaction);

    /// <summary>
    /// The registration a trial is listed under: ClinicalTrials.gov's (the fullest record), else
    /// the one updated last. None where the group holds two different trials of one registry
    /// (two NCT records joined through others' secondary ids): every member is then listed as
    /// itself, since which of them the others are is a guess.
    /// </summary>
    private static string? Primary(List<Member> group)
    {
        if (group.Count == 1 || group.GroupBy(m => m.Registry, StringComparer.Ordinal).Any(r => r.Select(m => m.OwnKey).Distinct(StringComparer.Ordinal).Count() > 1))
        {
            return null;
        }

        return group.OrderByDescending(m => m.Registry == RegistryId.ClinicalTrialsGov)
            .ThenByDescending(m => m.LastUpdatePostedDate ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(m => m.NctId, StringComparer.Ordinal)
            .First().NctId;
    }

    /// <summary>The studies linked to @Ids (a JSON array) by a key one of the two owns.</summary>
    private const string Neighbours = """
        SELECT b.nct_id FROM study_keys a JOIN study_keys b ON b.key = a.key AND b.nct_id <> a.nct_id
        WHERE a.nct_id IN (SELECT value FROM json_each(@Ids)) AND (a.own = 1 OR b.own = 1)
        """;

    /// <summary>
    /// The studies of <paramref name="seeds"/> and every study linked to them, directly or through
    /// others, and whether any link was found at all (one among the seeds themselves included):
    /// without one, no group is more than one study.
    /// </summary>
    private static (List<string> Studies, bool Linked) Closure(DbConnection connection, DbTransaction transaction, List<string> seeds)
    {
        var found = new HashSet<string>(seeds, StringComparer.Ordinal);
        var frontier = seeds.ToList();
        var linked = false;
        // A trial has a few registrations; the bound only stops a key that many records misuse from joining them all.
        while (frontier.Count > 0 && found.Count < MaxGroupSize * Math.Max(1, seeds.Count))
        {
            var neighbours = connection.Query<string>(connection.Sql(Neighbours), new { Ids = JsonSerializer.Serialize(frontier) }, transaction).ToList();
            linked |= neighbours.Count > 0;
            frontier = [.. neighbours.Where(found.Add)];
        }

        return ([.. found], linked);
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
        SELECT nct_id AS NctId, registry AS Registry, last_update_posted_date AS LastUpdatePostedDate, shown_as AS ShownAs,
               (SELECT k.key FROM study_keys k WHERE k.nct_id = studies.nct_id AND k.own = 1) AS OwnKey
        FROM studies WHERE nct_id IN (SELECT value FROM json_each(@Ids))
        """;

    private const string SelectEdges = """
        SELECT a.nct_id, b.nct_id FROM study_keys a JOIN study_keys b ON b.key = a.key AND b.nct_id > a.nct_id
        WHERE a.nct_id IN (SELECT value FROM json_each(@Ids)) AND (a.own = 1 OR b.own = 1)
        """;

    private sealed record Member(string NctId, string Registry, string? LastUpdatePostedDate, string? ShownAs, string? OwnKey);

    /// <summary>An EudraCT number, bare ("2005-002909-23"), as ICTRP's EUCTR id ("EUCTR2005-002909-23-PT") or labelled ("EudraCT 2005-002909-23").</summary>
    [GeneratedRegex(@"^(?:EUCTR|EudraCT(?: number)?:? ?)?(?<number>[0-9]{4}-[0-9]{6}-[0-9]{2})(?:-(?:[A-Z]{2}|3RD|Outside-EU/EEA))?\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EudraCt();
}
