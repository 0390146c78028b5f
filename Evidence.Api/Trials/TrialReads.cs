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
    public static readonly IReadOnlyList<string> FacetNames = ["status", "phase", "country", "agent", "target", "modality", "endpoint", "topic", "setting"];

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
    private const string FacetsSql = $"""
        SELECT 'status' AS Facet, s.overall_status AS Value, COUNT(*) AS Count FROM hits JOIN studies s USING (nct_id) WHERE s.overall_status IS NOT NULL GROUP BY 2
        UNION ALL
        SELECT 'phase', p.value, COUNT(*) FROM hits JOIN studies s USING (nct_id) JOIN json_each(@phases) p ON ('{StoredPhases.Separator}' || s.phase || '{StoredPhases.Separator}') LIKE '%{StoredPhases.Separator}' || p.value || '{StoredPhases.Separator}%' GROUP BY 2
        UNION ALL
        SELECT 'country', c.country, COUNT(DISTINCT c.nct_id) FROM (
            SELECT l.nct_id, l.country FROM hits JOIN locations l USING (nct_id) WHERE l.country IS NOT NULL
            UNION SELECT x.nct_id, x.country FROM hits JOIN study_summaries x USING (nct_id) WHERE x.country IS NOT NULL) c GROUP BY 2
        UNION ALL
        SELECT v.field, v.value, COUNT(DISTINCT v.nct_id) FROM hits JOIN intervention_values v USING (nct_id) WHERE v.field IN (SELECT value FROM json_each(@facetFields)) AND v.ordinal <> @excludedOrdinal GROUP BY 1, 2
        UNION ALL
        SELECT 'endpoint', o.endpoint_class, COUNT(DISTINCT o.nct_id) FROM hits JOIN outcomes o USING (nct_id) WHERE o.kind = '{OutcomeKind.Primary}' GROUP BY 2
        UNION ALL
        SELECT 'topic', t.topic, COUNT(*) FROM hits JOIN topic_studies t USING (nct_id) GROUP BY 2
        UNION ALL
        SELECT 'setting', g.setting, COUNT(*) FROM hits JOIN study_settings g USING (nct_id) GROUP BY 2
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
        // With freeText=exclude the facets count what the filters count: the structured interventions' values.
        parameters.Add("excludedOrdinal", FilterRules.CountsStructuredOnly(filters) ? InterventionTerms.FreeTextOrdinal : int.MinValue);
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

    private sealed record FacetRow
    {
        public string Facet { get; init; } = string.Empty;
        public string Value { get; init; } = string.Empty;
        public long Count { get; init; }
    }
}
