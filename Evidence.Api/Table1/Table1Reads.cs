using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Api.Trials;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Api.Table1;

/// <summary>
/// Every read of Table 1, and the only place its SQL lives: rows for filtered trials, or for a
/// curated list of NCT ids in the given order, selected with the Trials feature's filters.
/// </summary>
public sealed class Table1Reads(EvidenceDatabase connections, IOptions<ApiOptions> options)
{
    private const string Sql = $"""
        SELECT s.nct_id AS NctId, x.institution AS Institution, s.phase AS Phase, s.overall_status AS Status, s.registry_status AS RegistryStatus,
               (SELECT group_concat(o.nct_id, '; ' ORDER BY o.nct_id) FROM studies o WHERE o.shown_as = s.nct_id) AS OtherRegistrations,
               s.enrollment_count AS EnrollmentCount, s.enrollment_type AS EnrollmentType,
               x.intervention_summary AS Intervention, s.last_update_posted_date AS LastUpdate, s.version_holder AS VersionHolder,
               v.content_hash AS ContentHash, v.fetched_at AS FetchedAt,
               COALESCE(x.disease, (SELECT group_concat(c.name, '; ' ORDER BY c.ordinal) FROM conditions c WHERE c.nct_id = s.nct_id)) AS Disease,
               (SELECT group_concat(e.cell, '; ' ORDER BY e.first) FROM (
                    SELECT CASE WHEN o.endpoint_class = @otherEndpoint OR o.endpoint_class IS NULL THEN o.measure
                                ELSE o.endpoint_class || COALESCE(' (' || o.endpoint_landmark || ')', '') END AS cell,
                           MIN(o.ordinal) AS first
                    FROM outcomes o WHERE o.nct_id = s.nct_id AND o.kind = '{OutcomeKind.Primary}' GROUP BY 1) e) AS Endpoints,
               (SELECT e.count FROM enrollment_snapshots e WHERE e.nct_id = s.nct_id AND e.type = '{EnrollmentTypes.Estimated}'
                ORDER BY COALESCE(e.last_update_posted_date, ''), e.id LIMIT 1) AS FirstEstimate
        FROM studies s
        LEFT JOIN study_summaries x USING (nct_id)
        JOIN study_versions v ON v.id = s.current_version_id
        """;

    /// <summary>Rows for the filters, at most <paramref name="limit"/>, and how many trials match.</summary>
    public (List<Table1Row> Rows, long Total) ForFilters(TrialFilters filters, int limit)
    {
        using var connection = connections.Open();
        var selection = TrialReads.Select(connection, filters, options.Value.MergeFacetFiltersFrom);
        // Words alone: counted and paged from the full-text index's rows, without a seek into studies per match.
        var total = connection.ExecuteScalar<long>(connection.Sql(
            selection.SearchOnly is { } match ? $"SELECT COUNT(*) FROM ({TrialReads.Matches(match)})" : $"SELECT COUNT(*) FROM studies s WHERE {selection.Where}"),
            selection.Parameters);
        selection.Parameters.Add("limit", limit);
        selection.Parameters.Add("otherEndpoint", Terms.OtherEndpoint);
        var where = selection.SearchOnly is { } words
            ? $"s.nct_id IN (SELECT c.nct_id FROM {TrialReads.MatchedCodes(words)} ORDER BY c.nct_id LIMIT @limit)"
            : selection.Where;
        var rows = connection.Query<RowData>(connection.Sql($"{Sql} WHERE {where} ORDER BY s.nct_id LIMIT @limit"), selection.Parameters).Select(ToRow).ToList();
        return (rows, total);
    }

    /// <summary>
    /// Rows for the ids in their order, narrowed by the filters when any are given, and the ids
    /// not in the database (ids the filters leave out are not missing).
    /// </summary>
    public (List<Table1Row> Rows, List<string> Missing) ForIds(IReadOnlyList<string> ids, TrialFilters filters)
    {
        // The ids choose the rows; the filters only test them.
        var selection = TrialReads.Select(filters, probeOnly: true);
        var json = JsonSerializer.Serialize(ids);
        selection.Parameters.Add("otherEndpoint", Terms.OtherEndpoint);
        using var connection = connections.Open();
        // An id of a registration listed under another of its trial (Registrations) asks for that
        // one's row: a trial asked for by two of its ids is one row, where the first asks for it.
        var listedAs = connection.Query<(string NctId, string ListedAs)>(connection.Sql(
            "SELECT nct_id, COALESCE(shown_as, nct_id) FROM studies WHERE nct_id IN (SELECT value FROM json_each(@json))"), new { json })
            .ToDictionary(r => r.NctId, r => r.ListedAs, StringComparer.Ordinal);
        var wanted = ids.Where(listedAs.ContainsKey).Select(id => listedAs[id]).Distinct(StringComparer.Ordinal).ToList();
        selection.Parameters.Add("ids", JsonSerializer.Serialize(wanted));
        var rows = connection.Query<RowData>(connection.Sql($"{Sql} WHERE s.nct_id IN (SELECT value FROM json_each(@ids)) AND {selection.Where}"), selection.Parameters)
            .ToDictionary(r => r.NctId);
        return (wanted.Where(rows.ContainsKey).Select(id => ToRow(rows[id])).ToList(), ids.Where(id => !listedAs.ContainsKey(id)).ToList());
    }

    /// <summary>
    /// The registry record behind each row, by NCT id: the exact version its content hash names
    /// (so an as-of row cites the record as it stood then), parsed from its stored JSON.
    /// </summary>
    public Dictionary<string, StudyRecord> Records(IReadOnlyList<Table1Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var versions = JsonSerializer.Serialize(rows.Select(r => new[] { r.NctNumber, r.ContentHash }));
        using var connection = connections.Open();
        return connection.Query<(string NctId, string? RawJson, byte[]? Raw, long? RawSize)>(connection.Sql("""
                SELECT v.nct_id, v.raw_json, v.raw, v.raw_size
                FROM json_each(@versions) j
                JOIN study_versions v ON v.nct_id = j.value ->> 0 AND v.content_hash = j.value ->> 1
                """), new { versions })
            .ToDictionary(v => v.NctId, v => StudyRecordParser.Parse(StoredJson.Read(v.RawJson, v.Raw, v.RawSize)), StringComparer.Ordinal);
    }

    private static Table1Row ToRow(RowData r)
    {
        var enrollment = r.EnrollmentCount is { } count
            ? string.Create(CultureInfo.InvariantCulture, $"{count} ({r.EnrollmentType?.ToLowerInvariant() ?? "type not stated"})")
              + (r.FirstEstimate is { } first && (first != count || r.EnrollmentType != EnrollmentTypes.Estimated)
                  ? string.Create(CultureInfo.InvariantCulture, $"; first estimate {first}")
                  : string.Empty)
            : null;
        var version = string.Join(", ", new[]
        {
            r.LastUpdate is null ? null : $"updated {r.LastUpdate}",
            r.VersionHolder is null ? null : $"registry data of {r.VersionHolder}",
        }.OfType<string>());
        // A record that carries no date of its own (an EUCTR page) is traced by when it was stored.
        if (version.Length == 0 && r.FetchedAt is { Length: >= 10 } fetched)
        {
            version = $"stored {fetched[..10]}";
        }

        return new Table1Row(
            r.NctId,
            r.Institution,
            Phase(r.Phase),
            r.Disease,
            r.Intervention,
            enrollment,
            r.Endpoints,
            // Another registry's status in its words where they are no ClinicalTrials.gov code.
            RegistryLabels.Status(r.Status) ?? r.RegistryStatus,
            version,
            r.EnrollmentCount,
            r.EnrollmentType,
            r.FirstEstimate,
            RegistryId.RegistryUrl(r.NctId),
            r.ContentHash,
            r.VersionHolder,
            r.LastUpdate,
            r.OtherRegistrations);
    }

    /// <summary>"PHASE1/PHASE2" as a review prints it: "Phase 1/2".</summary>
    private static string? Phase(string? phase) => phase switch
    {
        null => null,
        "NA" => "N/A",
        "EARLY_PHASE1" => "Early phase 1",
        _ => "Phase " + string.Join("/", StoredPhases.Split(phase).Select(p => p.Replace("EARLY_PHASE", "early ", StringComparison.Ordinal).Replace("PHASE", string.Empty, StringComparison.Ordinal))),
    };

    /// <summary>Init properties, not a positional record: Dapper maps computed columns (no declared type) by name.</summary>
    private sealed record RowData
    {
        public string NctId { get; init; } = string.Empty;
        public string? Institution { get; init; }
        public string? Phase { get; init; }
        public string? Status { get; init; }
        public string? RegistryStatus { get; init; }
        public string? OtherRegistrations { get; init; }
        public long? EnrollmentCount { get; init; }
        public string? EnrollmentType { get; init; }
        public string? Intervention { get; init; }
        public string? LastUpdate { get; init; }
        public string? VersionHolder { get; init; }
        public string ContentHash { get; init; } = string.Empty;
        public string? FetchedAt { get; init; }
        public string? Disease { get; init; }
        public string? Endpoints { get; init; }
        public long? FirstEstimate { get; init; }
    }
}
