using System.Text.Json;
using Dapper;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Api.Trials;

/// <summary>
/// Every read of the Trials feature, and the only place its SQL lives: a filtered page with
/// facets, one trial with its normalised values and provenance, its versions and their raw JSON.
/// The WHERE clause the filters make is in TrialReads.Filters.cs; Table 1 selects with it too.
/// </summary>
public sealed partial class TrialReads(SqliteConnectionFactory connections)
{
    /// <summary>The facets of a page: the API's name of each, and the intervention_values field behind the normalised ones.</summary>
    public static readonly IReadOnlyList<string> FacetNames = ["status", "phase", "country", "agent", "target", "modality", "endpoint", "topic"];

    private static readonly Dictionary<string, string> FacetOfField = new(StringComparer.Ordinal)
    {
        [NormalisedField.Agent] = "agent",
        [NormalisedField.Target] = "target",
        [NormalisedField.RtModality] = "modality",
    };

    /// <summary>Sort keys from an allow-list: the client names one, the SQL column comes from here.</summary>
    private static readonly Dictionary<string, string> SortColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nctId"] = "s.nct_id",
        ["title"] = "s.brief_title",
        ["status"] = "s.overall_status",
        ["phase"] = "s.phase",
        ["enrollment"] = "s.enrollment_count",
        ["start"] = "s.start_date",
        ["updated"] = "s.last_update_posted_date",
        ["sponsor"] = "s.lead_sponsor",
    };

    /// <summary>The sort keys a client may name; a leading '-' sorts descending.</summary>
    public static IReadOnlyList<string> SortKeys { get; } = [.. SortColumns.Keys.SelectMany(k => new[] { k, "-" + k })];

    private const string SummaryColumns = """
        s.nct_id AS NctId, s.brief_title AS BriefTitle, s.overall_status AS OverallStatus, s.phase AS Phase,
        s.enrollment_count AS EnrollmentCount, s.enrollment_type AS EnrollmentType, s.start_date AS StartDate,
        s.last_update_posted_date AS LastUpdatePostedDate, s.lead_sponsor AS LeadSponsor, x.institution AS Institution,
        x.country AS Country, x.intervention_summary AS InterventionSummary, s.version_holder AS VersionHolder
        """;

    /// <summary>
    /// Facets: for each field, its values among the filtered studies (the CTE "hits"), each value
    /// counted the way its filter matches it, so every facet value works as a filter value. Phases
    /// are counted for the phases a filter accepts (@phases); countries are the sites' and the summary's.
    /// </summary>
    private const string FacetsSql = """
        SELECT 'status' AS Facet, s.overall_status AS Value, COUNT(*) AS Count FROM hits JOIN studies s USING (nct_id) WHERE s.overall_status IS NOT NULL GROUP BY 2
        UNION ALL
        SELECT 'phase', p.value, COUNT(*) FROM hits JOIN studies s USING (nct_id) JOIN json_each(@phases) p ON ('/' || s.phase || '/') LIKE '%/' || p.value || '/%' GROUP BY 2
        UNION ALL
        SELECT 'country', c.country, COUNT(DISTINCT c.nct_id) FROM (
            SELECT l.nct_id, l.country FROM hits JOIN locations l USING (nct_id) WHERE l.country IS NOT NULL
            UNION SELECT x.nct_id, x.country FROM hits JOIN study_summaries x USING (nct_id) WHERE x.country IS NOT NULL) c GROUP BY 2
        UNION ALL
        SELECT v.field, v.value, COUNT(DISTINCT v.nct_id) FROM hits JOIN intervention_values v USING (nct_id) WHERE v.field IN (SELECT value FROM json_each(@facetFields)) GROUP BY 1, 2
        UNION ALL
        SELECT 'endpoint', o.endpoint_class, COUNT(DISTINCT o.nct_id) FROM hits JOIN outcomes o USING (nct_id) WHERE o.kind = 'primary' GROUP BY 2
        UNION ALL
        SELECT 'topic', t.topic, COUNT(*) FROM hits JOIN topic_studies t USING (nct_id) GROUP BY 2
        UNION ALL
        SELECT 'total', '', COUNT(*) FROM hits
        """;

    /// <summary>A page of the filtered trials, the total, and the facet counts over all of them.</summary>
    public TrialPage Page(TrialFilters filters, TrialPaging paging)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var selection = Select(filters);
        using var connection = connections.Open();
        var parameters = selection.Parameters;
        parameters.Add("phases", JsonSerializer.Serialize(FilterRules.Phases));
        parameters.Add("facetFields", JsonSerializer.Serialize(FacetOfField.Keys));
        // The filter is evaluated once for all facets and the total (a materialised CTE), once for the page.
        var counts = connection.Query<FacetRow>($"WITH hits AS MATERIALIZED (SELECT s.nct_id FROM studies s WHERE {selection.Where}) {FacetsSql}", parameters)
            .Select(row => row with { Facet = FacetOfField.GetValueOrDefault(row.Facet, row.Facet) })
            .ToList();
        parameters.Add("limit", paging.PageSize);
        parameters.Add("offset", (long)(paging.Page - 1) * paging.PageSize);
        var trials = connection.Query<TrialSummary>(
            $"SELECT {SummaryColumns} FROM studies s LEFT JOIN study_summaries x USING (nct_id) WHERE {selection.Where} ORDER BY {OrderBy(paging.Sort)} LIMIT @limit OFFSET @offset",
            parameters).ToList();
        var facets = FacetNames.ToDictionary(
            name => name,
            name => (IReadOnlyList<FacetCount>)counts.Where(c => c.Facet == name)
                .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
                .Select(c => new FacetCount { Value = c.Value, Count = c.Count }).ToList());
        return new TrialPage(counts.Single(c => c.Facet == "total").Count, paging.Page, paging.PageSize, paging.Sort, trials, facets);
    }

    /// <summary>The ORDER BY for an allowed sort key (see <see cref="SortKeys"/>).</summary>
    private static string OrderBy(string sort)
    {
        var descending = sort.StartsWith('-');
        return $"{SortColumns[descending ? sort[1..] : sort]} {(descending ? "DESC" : "ASC")} NULLS LAST, s.nct_id";
    }

    /// <summary>One trial: its current record, normalised values, provenance and version; null when it is not stored.</summary>
    public TrialDetail? Detail(string nctId)
    {
        using var connection = connections.Open();
        var id = new { id = nctId };
        var raw = connection.QuerySingleOrDefault<string?>(
            "SELECT v.raw_json FROM studies s JOIN study_versions v ON v.id = s.current_version_id WHERE s.nct_id = @id", id);
        if (raw is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(raw);
        var values = connection.Query<(int Ordinal, string Field, string Value)>(
            "SELECT ordinal, field, value FROM intervention_values WHERE nct_id = @id ORDER BY ordinal, field, position", id)
            .ToLookup(v => (v.Ordinal, v.Field), v => v.Value);
        var summary = connection.QuerySingleOrDefault<(string? Institution, string? Country, string? Interventions, string Sequence, string Vocabulary, string At)?>(
            "SELECT institution, country, intervention_summary, rt_ici_sequence, vocabulary_version, normalised_at FROM study_summaries WHERE nct_id = @id", id);
        var interventions = connection.Query<int>("SELECT ordinal FROM interventions WHERE nct_id = @id ORDER BY ordinal", id)
            .Select(ordinal => new InterventionTerms(
                ordinal,
                [.. values[(ordinal, NormalisedField.Agent)]],
                [.. values[(ordinal, NormalisedField.AgentClass)]],
                [.. values[(ordinal, NormalisedField.Target)]],
                values[(ordinal, NormalisedField.RtModality)].FirstOrDefault(),
                [.. values[(ordinal, NormalisedField.PartnerClass)]]))
            .ToList();
        var outcomes = connection.Query<(string Kind, int Ordinal, string? Class, string? Landmark)>(
                "SELECT kind, ordinal, endpoint_class, endpoint_landmark FROM outcomes WHERE nct_id = @id ORDER BY kind DESC, ordinal", id)
            .Select(o => new OutcomeTerms(o.Kind, o.Ordinal, o.Class ?? Terms.OtherEndpoint, o.Landmark))
            .ToList();
        var regimens = connection.Query<(int Ordinal, string SourceField, string RawText, double? TotalMin, double? TotalMax, long? FractionsMin, long? FractionsMax,
                double? PerFractionMin, double? PerFractionMax, double? BedMin, double? BedMax, double? Eqd2Min, double? Eqd2Max)>("""
                SELECT ordinal, source_field, raw_text, total_dose_gy_min, total_dose_gy_max, fractions_min, fractions_max,
                       dose_per_fraction_gy_min, dose_per_fraction_gy_max, bed10_gy_min, bed10_gy_max, eqd2_gy_min, eqd2_gy_max
                FROM rt_regimens WHERE nct_id = @id ORDER BY ordinal
                """, id)
            .Select(r => new RtRegimen(r.Ordinal, r.SourceField, r.RawText, r.TotalMin, r.TotalMax, (int?)r.FractionsMin, (int?)r.FractionsMax,
                r.PerFractionMin, r.PerFractionMax, r.BedMin, r.BedMax, r.Eqd2Min, r.Eqd2Max))
            .ToList();
        var provenance = connection.Query<(string Entity, int EntityOrdinal, string Field, string Value, string SourceField, string Matched)>(
                "SELECT entity, entity_ordinal, field, value, source_field, matched_text FROM normalised_terms WHERE nct_id = @id ORDER BY entity, entity_ordinal, field", id)
            .Select(t => new TermSource(t.Entity, t.EntityOrdinal, t.Field, t.Value, t.SourceField, t.Matched))
            .ToList();
        var enrollment = connection.Query<TrialEnrollment>("""
            SELECT last_update_posted_date AS LastUpdatePostedDate, version_holder AS VersionHolder, count AS Count, type AS Type, observed_at AS ObservedAt
            FROM enrollment_snapshots WHERE nct_id = @id ORDER BY COALESCE(last_update_posted_date, ''), id
            """, id).ToList();
        return new TrialDetail(
            nctId,
            Data.Studies.NctId.RegistryUrl(nctId),
            StudyRecordParser.Parse(document.RootElement),
            Versions(connection, nctId).Single(v => v.Current),
            new TrialNormalisation(
                summary is { } cells ? new StudySummary(cells.Institution, cells.Country, cells.Interventions, cells.Sequence) : null,
                summary?.Vocabulary,
                summary?.At,
                interventions,
                outcomes,
                regimens,
                provenance),
            enrollment,
            connection.Query<string>("SELECT topic FROM topic_studies WHERE nct_id = @id ORDER BY topic", id).ToList());
    }

    /// <summary>Every stored version of a trial, oldest first, the current one marked; empty when the trial is not stored.</summary>
    public List<TrialVersion> Versions(string nctId)
    {
        using var connection = connections.Open();
        return Versions(connection, nctId);
    }

    /// <summary>A stored version's registry JSON, exactly as received (default: the current one); null when there is none.</summary>
    public string? Raw(string nctId, long? version)
    {
        using var connection = connections.Open();
        return connection.QuerySingleOrDefault<string?>("""
            SELECT v.raw_json FROM study_versions v JOIN studies s USING (nct_id)
            WHERE v.nct_id = @id AND v.id = COALESCE(@version, s.current_version_id)
            """, new { id = nctId, version });
    }

    private static List<TrialVersion> Versions(System.Data.IDbConnection connection, string nctId) =>
        connection.Query<TrialVersion>("""
            SELECT v.id AS Id, v.version_holder AS VersionHolder, v.last_update_posted_date AS LastUpdatePostedDate,
                   v.content_hash AS ContentHash, v.fetched_at AS FetchedAt, v.source AS Source,
                   v.id = s.current_version_id AS "Current"
            FROM study_versions v JOIN studies s USING (nct_id)
            WHERE v.nct_id = @nctId
            ORDER BY COALESCE(v.last_update_posted_date, ''), v.id
            """, new { nctId }).ToList();

    private sealed record FacetRow
    {
        public string Facet { get; init; } = string.Empty;
        public string Value { get; init; } = string.Empty;
        public long Count { get; init; }
    }
}
