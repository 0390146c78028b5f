using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Data.Changes;

/// <summary>
/// One stored change as the API, the Atom feed and webhooks give it. <see cref="Id"/> orders the
/// changes as they were stored (a webhook's position) and is not part of the JSON.
/// </summary>
public sealed record ChangeEntry(
    string NctId, string Field, string? Old, string? New, string? RegistryDate, string ObservedAt, long FromVersion, long ToVersion)
{
    [JsonIgnore]
    public long Id { get; init; }
}

/// <summary>Which changes to read. Empty lists do not filter.</summary>
/// <param name="Since">Stored at or after this time (UTC).</param>
/// <param name="RegistrySince">Posted by the registry on or after this date (yyyy, yyyy-MM or yyyy-MM-dd).</param>
/// <param name="Before">Keyset paging: only changes after this one in the newest-first order.</param>
public sealed record ChangeQuery(
    DateTimeOffset? Since = null,
    string? RegistrySince = null,
    IReadOnlyList<string>? Topics = null,
    IReadOnlyList<string>? Fields = null,
    IReadOnlyList<string>? Ids = null,
    ChangeCursor? Before = null,
    int Limit = 100);

/// <summary>A position in the newest-first order of changes: when stored, then id.</summary>
public sealed record ChangeCursor(string ObservedAt, long Id)
{
    /// <summary>As a URL-safe token: the opaque <c>cursor</c> of the next page.</summary>
    public string Token => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Id}|{ObservedAt}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryParse(string? token, out ChangeCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return false;
        }

        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && DateTimeOffset.TryParse(text.AsSpan(bar + 1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
            {
                cursor = new ChangeCursor(text[(bar + 1)..], id);
                return true;
            }
        }
        catch (FormatException)
        {
            // not base64: not one of ours
        }

        return false;
    }
}

/// <summary>A page of changes, newest first, and where the next page starts (null: no more).</summary>
public sealed record ChangePage(IReadOnlyList<ChangeEntry> Changes, ChangeCursor? Next);

/// <summary>Reads study_changes: the feed across trials (newest first, keyset paged), one trial's timeline, and what a webhook has not had yet.</summary>
public sealed class ChangeLog(EvidenceDatabase connections)
{
    public const int MaxLimit = 1000;

    private const string Columns = """
        c.id AS Id, c.nct_id AS NctId, c.field AS Field, c.old AS Old, c.new AS New, c.registry_date AS RegistryDate,
        c.observed_at AS ObservedAt, c.from_version_id AS FromVersion, c.to_version_id AS ToVersion
        """;

    /// <summary>Changes newest first (by when they were stored), filtered, one page.</summary>
    public ChangePage Page(ChangeQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        var (sql, parameters) = PageSql(query, limit + 1);
        using var connection = connections.Open();
        var rows = Read(connection, sql, parameters).ToList();
        if (rows.Count <= limit)
        {
            return new ChangePage(rows, null);
        }

        rows.RemoveAt(limit);
        return new ChangePage(rows, new ChangeCursor(rows[^1].ObservedAt, rows[^1].Id));
    }

    /// <summary>The statement of a page of <paramref name="rows"/> rows (also for its query plan, in the tests).</summary>
    internal static (string Sql, DynamicParameters Parameters) PageSql(ChangeQuery query, int rows)
    {
        var (where, parameters) = Where(query);
        if (query.Before is { } before)
        {
            where.Add("(c.observed_at < @BeforeAt OR (c.observed_at = @BeforeAt AND c.id < @BeforeId))");
            parameters.Add("BeforeAt", before.ObservedAt);
            parameters.Add("BeforeId", before.Id);
        }

        parameters.Add("Limit", rows);
        return ($"SELECT {Columns} FROM study_changes c {Clause(where)} ORDER BY c.observed_at DESC, c.id DESC LIMIT @Limit", parameters);
    }

    /// <summary>Every change of one trial (its timeline): newest version first by registry date, each version's changes in the order the fields are listed.</summary>
    public IReadOnlyList<ChangeEntry> ForTrial(string nctId)
    {
        using var connection = connections.Open();
        return [.. Read(
            connection,
            $"SELECT {Columns} FROM study_changes c WHERE c.nct_id = @nctId ORDER BY COALESCE(c.registry_date, '') DESC, c.to_version_id DESC, c.id", new { nctId })];
    }

    /// <summary>
    /// Stored (not backfilled) changes with ids after <paramref name="afterId"/> up to
    /// <paramref name="upToId"/>, in the order stored, narrowed to a webhook's topics and fields;
    /// on the caller's connection, so a webhook's position and its changes are read together.
    /// </summary>
    public static IReadOnlyList<ChangeEntry> After(
        DbConnection connection, DbTransaction? transaction, long afterId, long upToId, IReadOnlyList<string>? topics, IReadOnlyList<string>? fields, int limit)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var (where, parameters) = Where(new ChangeQuery(Topics: topics, Fields: fields));
        where.Add("c.id > @AfterId AND c.id <= @UpToId");
        where.Add("c.backfilled = 0");
        parameters.Add("AfterId", afterId);
        parameters.Add("UpToId", upToId);
        parameters.Add("Limit", Math.Clamp(limit, 1, MaxLimit));
        return [.. connection.Query<Row>(connection.Sql($"SELECT {Columns} FROM study_changes c {Clause(where)} ORDER BY c.id LIMIT @Limit"), parameters, transaction).Select(Entry)];
    }

    /// <summary>The brief titles of <paramref name="ids"/>, to name the trials of a page of changes.</summary>
    public IReadOnlyDictionary<string, string?> Titles(IEnumerable<string> ids)
    {
        using var connection = connections.Open();
        return connection.Query<(string NctId, string? Title)>(connection.Sql(
                "SELECT nct_id, brief_title FROM studies WHERE nct_id IN (SELECT value FROM json_each(@Ids))"),
                new { Ids = JsonSerializer.Serialize(ids.Distinct(StringComparer.Ordinal)) })
            .ToDictionary(t => t.NctId, t => t.Title, StringComparer.Ordinal);
    }

    private static IEnumerable<ChangeEntry> Read(DbConnection connection, string sql, object parameters) => connection.Query<Row>(connection.Sql(sql), parameters).Select(Entry);

    private static ChangeEntry Entry(Row r) => new(r.NctId, r.Field, r.Old, r.New, r.RegistryDate, r.ObservedAt, r.FromVersion, r.ToVersion) { Id = r.Id };

    private sealed record Row(long Id, string NctId, string Field, string? Old, string? New, string? RegistryDate, string ObservedAt, long FromVersion, long ToVersion);

    private static (List<string> Where, DynamicParameters Parameters) Where(ChangeQuery query)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters();
        if (query.Since is { } since)
        {
            // observed_at is written as ToString("O") of a UTC time: the same form compares as text.
            where.Add("c.observed_at >= @Since");
            parameters.Add("Since", since.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        }

        if (query.RegistrySince is { } registrySince)
        {
            where.Add("c.registry_date >= @RegistrySince");
            parameters.Add("RegistrySince", registrySince);
        }

        if (query.Topics is { Count: > 0 } topics)
        {
            where.Add("c.nct_id IN (SELECT nct_id FROM topic_studies WHERE topic IN (SELECT value FROM json_each(@Topics)))");
            parameters.Add("Topics", JsonSerializer.Serialize(topics));
        }

        // One value is an equality, so the (field | nct_id, observed_at, id) index gives the rows
        // newest first without sorting them; several are a list, whose rows are sorted.
        if (query.Fields is { Count: > 0 } fields)
        {
            where.Add(fields.Count == 1 ? "c.field = @Field" : "c.field IN (SELECT value FROM json_each(@Fields))");
            parameters.Add("Field", fields[0]);
            parameters.Add("Fields", JsonSerializer.Serialize(fields));
        }

        if (query.Ids is { Count: > 0 } ids)
        {
            where.Add(ids.Count == 1 ? "c.nct_id = @Id" : "c.nct_id IN (SELECT value FROM json_each(@Ids))");
            parameters.Add("Id", ids[0]);
            parameters.Add("Ids", JsonSerializer.Serialize(ids));
        }

        return (where, parameters);
    }

    private static string Clause(List<string> where) => where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where);
}
