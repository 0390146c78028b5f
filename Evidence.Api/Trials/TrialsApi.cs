using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Api.Trials;

/// <summary>/api/trials: search and filter trials, one trial, its versions and their raw JSON.</summary>
public static class TrialsApi
{
    public const int MaxPageSize = 500;

    private const string SummaryColumns = """
        s.nct_id AS NctId, s.brief_title AS BriefTitle, s.overall_status AS OverallStatus, s.phase AS Phase,
        s.enrollment_count AS EnrollmentCount, s.enrollment_type AS EnrollmentType, s.start_date AS StartDate,
        s.last_update_posted_date AS LastUpdatePostedDate, s.lead_sponsor AS LeadSponsor, x.institution AS Institution,
        x.country AS Country, x.intervention_summary AS InterventionSummary, s.version_holder AS VersionHolder
        """;

    /// <summary>
    /// Facets: for each field, its values among the filtered studies (the CTE "hits"). Multi-value
    /// cells ("nivolumab + ipilimumab", "PHASE1/PHASE2") are split the way the filters match them,
    /// so every facet value works as a filter value. Countries are the sites' and the summary's.
    /// </summary>
    private const string FacetsSql = """
        SELECT 'status' AS Facet, s.overall_status AS Value, COUNT(*) AS Count FROM hits JOIN studies s USING (nct_id) WHERE s.overall_status IS NOT NULL GROUP BY 2
        UNION ALL
        SELECT 'phase', p.value, COUNT(DISTINCT s.nct_id) FROM hits JOIN studies s USING (nct_id), json_each('["' || replace(s.phase, '/', '","') || '"]') p WHERE s.phase IS NOT NULL GROUP BY 2
        UNION ALL
        SELECT 'country', c.country, COUNT(DISTINCT c.nct_id) FROM (
            SELECT l.nct_id, l.country FROM hits JOIN locations l USING (nct_id) WHERE l.country IS NOT NULL
            UNION SELECT x.nct_id, x.country FROM hits JOIN study_summaries x USING (nct_id) WHERE x.country IS NOT NULL) c GROUP BY 2
        UNION ALL
        SELECT 'agent', a.value, COUNT(DISTINCT i.nct_id) FROM hits JOIN interventions i USING (nct_id), json_each('["' || replace(i.agent, ' + ', '","') || '"]') a WHERE i.agent IS NOT NULL GROUP BY 2
        UNION ALL
        SELECT 'target', t.value, COUNT(DISTINCT i.nct_id) FROM hits JOIN interventions i USING (nct_id), json_each('["' || replace(i.target, ' + ', '","') || '"]') t WHERE i.target IS NOT NULL GROUP BY 2
        UNION ALL
        SELECT 'modality', i.rt_modality, COUNT(DISTINCT i.nct_id) FROM hits JOIN interventions i USING (nct_id) WHERE i.rt_modality IS NOT NULL GROUP BY 2
        UNION ALL
        SELECT 'endpoint', o.endpoint_class, COUNT(DISTINCT o.nct_id) FROM hits JOIN outcomes o USING (nct_id) WHERE o.kind = 'primary' GROUP BY 2
        UNION ALL
        SELECT 'topic', t.topic, COUNT(*) FROM hits JOIN topic_studies t USING (nct_id) GROUP BY 2
        UNION ALL
        SELECT 'total', '', COUNT(*) FROM hits
        """;

    private static readonly string[] FacetNames = ["status", "phase", "country", "agent", "target", "modality", "endpoint", "topic"];

    public static IEndpointRouteBuilder MapTrials(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/trials").WithTags("Trials");
        group.MapGet("/", List).WithSummary("Search and filter trials, with facet counts");
        group.MapGet("/{nctId}", Get).WithSummary("One trial: its current normalised record and where it came from");
        group.MapGet("/{nctId}/versions", Versions).WithSummary("Every stored version of a trial's registry record");
        group.MapGet("/{nctId}/raw", Raw).WithSummary("A stored version's registry JSON, exactly as received (default: the current one)");
        return routes;
    }

    private static Results<Ok<TrialPage>, ValidationProblem> List(
        [AsParameters] TrialFilters filters,
        SqliteConnectionFactory connections,
        string sort = "nctId",
        int page = 1,
        int pageSize = 50)
    {
        var errors = FilterRules.Validate(filters);
        var orderBy = TrialSort.OrderBy(sort);
        if (orderBy is null)
        {
            errors["sort"] = [$"unknown sort '{sort}'; allowed: {TrialSort.Allowed}"];
        }

        if (page < 1)
        {
            errors["page"] = ["must be 1 or more"];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"must be 1 to {MaxPageSize}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = new TrialQuery(filters);
        using var connection = connections.Open();
        // The filter is evaluated once for all facets and the total (a materialised CTE), once for the page.
        var counts = connection.Query<FacetRow>(
            $"WITH hits AS MATERIALIZED (SELECT s.nct_id FROM studies s WHERE {query.Where}) {FacetsSql}", query.Parameters).ToList();
        query.Parameters.Add("limit", pageSize);
        query.Parameters.Add("offset", (long)(page - 1) * pageSize);
        var trials = connection.Query<TrialSummary>(
            $"SELECT {SummaryColumns} FROM studies s LEFT JOIN study_summaries x USING (nct_id) WHERE {query.Where} ORDER BY {orderBy} LIMIT @limit OFFSET @offset",
            query.Parameters).ToList();
        var facets = FacetNames.ToDictionary(
            name => name,
            name => (IReadOnlyList<FacetCount>)counts.Where(c => c.Facet == name)
                .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
                .Select(c => new FacetCount { Value = c.Value, Count = c.Count }).ToList());
        var total = counts.Single(c => c.Facet == "total").Count;
        return TypedResults.Ok(new TrialPage(total, page, pageSize, sort, trials, facets));
    }

    private static Results<Ok<TrialDetail>, ProblemHttpResult, ValidationProblem> Get(string nctId, SqliteConnectionFactory connections)
    {
        if (Invalid(nctId) is { } invalid)
        {
            return invalid;
        }

        using var connection = connections.Open();
        var detail = TrialDetail.Load(connection, nctId.ToUpperInvariant());
        return detail is null ? NotFound(nctId) : TypedResults.Ok(detail);
    }

    private static Results<Ok<List<TrialVersion>>, ProblemHttpResult, ValidationProblem> Versions(string nctId, SqliteConnectionFactory connections)
    {
        if (Invalid(nctId) is { } invalid)
        {
            return invalid;
        }

        using var connection = connections.Open();
        var versions = TrialVersion.Of(connection, nctId.ToUpperInvariant());
        return versions.Count == 0 ? NotFound(nctId) : TypedResults.Ok(versions);
    }

    private static Results<ContentHttpResult, ProblemHttpResult, ValidationProblem> Raw(string nctId, SqliteConnectionFactory connections, long? version = null)
    {
        if (Invalid(nctId) is { } invalid)
        {
            return invalid;
        }

        using var connection = connections.Open();
        var raw = connection.QuerySingleOrDefault<string?>("""
            SELECT v.raw_json FROM study_versions v JOIN studies s USING (nct_id)
            WHERE v.nct_id = @id AND v.id = COALESCE(@version, s.current_version_id)
            """, new { id = nctId.ToUpperInvariant(), version });
        return raw is null
            ? NotFound(nctId, version is null ? null : $"version {version} of {nctId} is not stored")
            : TypedResults.Content(raw, "application/json; charset=utf-8");
    }

    private sealed class FacetRow
    {
        public string Facet { get; set; } = string.Empty;

        public string Value { get; set; } = string.Empty;

        public long Count { get; set; }
    }

    internal static ValidationProblem? Invalid(string nctId) =>
        NctId.IsValid(nctId.ToUpperInvariant()) ? null : TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["nctId"] = ["an NCT id is NCT followed by 8 digits, e.g. NCT03482102"],
        });

    internal static ProblemHttpResult NotFound(string nctId, string? detail = null) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Trial not found",
        detail: detail ?? $"{nctId.ToUpperInvariant()} is not in this evidence database. Harvest or import it first.");
}
