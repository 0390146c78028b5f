using System.Data;
using System.Globalization;
using Dapper;
using TrialEvidence.Api.Trials;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Api.Table1;

/// <summary>Builds Table 1 rows for filtered trials, or for a curated list of NCT ids in the given order.</summary>
public static class Table1Query
{
    private const string Sql = """
        SELECT s.nct_id AS NctId, x.institution AS Institution, s.phase AS Phase, s.overall_status AS Status,
               s.enrollment_count AS EnrollmentCount, s.enrollment_type AS EnrollmentType,
               x.intervention_summary AS Intervention, s.last_update_posted_date AS LastUpdate, s.version_holder AS VersionHolder,
               v.content_hash AS ContentHash,
               (SELECT group_concat(name, '; ') FROM (SELECT name FROM conditions c WHERE c.nct_id = s.nct_id ORDER BY ordinal)) AS Disease,
               (SELECT group_concat(cell, '; ') FROM (
                    SELECT DISTINCT CASE WHEN o.endpoint_class = 'other' OR o.endpoint_class IS NULL THEN o.measure
                                         ELSE o.endpoint_class || COALESCE(' (' || o.endpoint_landmark || ')', '') END AS cell
                    FROM outcomes o WHERE o.nct_id = s.nct_id AND o.kind = 'primary' ORDER BY o.ordinal)) AS Endpoints,
               (SELECT e.count FROM enrollment_snapshots e WHERE e.nct_id = s.nct_id AND e.type = 'ESTIMATED'
                ORDER BY COALESCE(e.last_update_posted_date, ''), e.id LIMIT 1) AS FirstEstimate
        FROM studies s
        LEFT JOIN study_summaries x USING (nct_id)
        JOIN study_versions v ON v.id = s.current_version_id
        """;

    /// <summary>Rows for the filters, at most <paramref name="limit"/>; <paramref name="total"/> is how many match.</summary>
    public static List<Table1Row> ForFilters(IDbConnection connection, TrialQuery query, int limit, out long total)
    {
        ArgumentNullException.ThrowIfNull(query);
        total = connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM studies s WHERE {query.Where}", query.Parameters);
        query.Parameters.Add("limit", limit);
        return connection.Query<RowData>($"{Sql} WHERE {query.Where} ORDER BY s.nct_id LIMIT @limit", query.Parameters).Select(ToRow).ToList();
    }

    /// <summary>
    /// Rows for the ids in their order, narrowed by the filters when any are given; ids not in
    /// the database are returned in <paramref name="missing"/> (ids the filters leave out are not missing).
    /// </summary>
    public static List<Table1Row> ForIds(IDbConnection connection, IReadOnlyList<string> ids, TrialQuery query, out List<string> missing)
    {
        ArgumentNullException.ThrowIfNull(query);
        var json = System.Text.Json.JsonSerializer.Serialize(ids);
        query.Parameters.Add("ids", json);
        var rows = connection.Query<RowData>($"{Sql} WHERE s.nct_id IN (SELECT value FROM json_each(@ids)) AND {query.Where}", query.Parameters)
            .ToDictionary(r => r.NctId);
        var stored = connection.Query<string>("SELECT nct_id FROM studies WHERE nct_id IN (SELECT value FROM json_each(@json))", new { json }).ToHashSet();
        missing = ids.Where(id => !stored.Contains(id)).ToList();
        return ids.Where(rows.ContainsKey).Select(id => ToRow(rows[id])).ToList();
    }

    private static Table1Row ToRow(RowData r)
    {
        var enrollment = r.EnrollmentCount is { } count
            ? string.Create(CultureInfo.InvariantCulture, $"{count} ({r.EnrollmentType?.ToLowerInvariant() ?? "type not stated"})")
              + (r.FirstEstimate is { } first && (first != count || r.EnrollmentType != "ESTIMATED")
                  ? string.Create(CultureInfo.InvariantCulture, $"; first estimate {first}")
                  : string.Empty)
            : null;
        var version = string.Join(", ", new[]
        {
            r.LastUpdate is null ? null : $"updated {r.LastUpdate}",
            r.VersionHolder is null ? null : $"registry data of {r.VersionHolder}",
            $"content {r.ContentHash[..12]}",
        }.OfType<string>());
        return new Table1Row(
            r.NctId,
            r.Institution,
            Phase(r.Phase),
            r.Disease,
            r.Intervention,
            enrollment,
            r.Endpoints,
            r.Status,
            version,
            r.EnrollmentCount,
            r.EnrollmentType,
            r.FirstEstimate,
            NctId.RegistryUrl(r.NctId));
    }

    /// <summary>"PHASE1/PHASE2" as a review prints it: "Phase 1/2".</summary>
    private static string? Phase(string? phase) => phase switch
    {
        null => null,
        "NA" => "N/A",
        "EARLY_PHASE1" => "Early phase 1",
        _ => "Phase " + string.Join("/", phase.Split('/').Select(p => p.Replace("EARLY_PHASE", "early ", StringComparison.Ordinal).Replace("PHASE", string.Empty, StringComparison.Ordinal))),
    };

    /// <summary>Settable properties, not a positional record: Dapper maps computed columns (no declared type) by name.</summary>
    private sealed class RowData
    {
        public string NctId { get; set; } = string.Empty;
        public string? Institution { get; set; }
        public string? Phase { get; set; }
        public string? Status { get; set; }
        public long? EnrollmentCount { get; set; }
        public string? EnrollmentType { get; set; }
        public string? Intervention { get; set; }
        public string? LastUpdate { get; set; }
        public string? VersionHolder { get; set; }
        public string ContentHash { get; set; } = string.Empty;
        public string? Disease { get; set; }
        public string? Endpoints { get; set; }
        public long? FirstEstimate { get; set; }
    }
}
