using Dapper;

namespace TrialEvidence.Api.Trials;

// Dapper fills these by property name: positional records fail on computed columns, whose type
// SQLite only knows once a row holds a value.

/// <summary>One row of /api/trials: the current version's main fields and its normalised summary.</summary>
public sealed class TrialSummary
{
    public string NctId { get; set; } = string.Empty;
    public string? BriefTitle { get; set; }
    public string? OverallStatus { get; set; }
    public string? Phase { get; set; }
    public long? EnrollmentCount { get; set; }
    public string? EnrollmentType { get; set; }
    public string? StartDate { get; set; }
    public string? LastUpdatePostedDate { get; set; }
    public string? LeadSponsor { get; set; }
    public string? Institution { get; set; }
    public string? Country { get; set; }
    public string? InterventionSummary { get; set; }
    public string? VersionHolder { get; set; }
    public string RegistryUrl => Data.Studies.NctId.RegistryUrl(NctId);
}

/// <summary>A page of trials with the total and the per-value counts of the whole filtered set.</summary>
public sealed record TrialPage(long Total, int Page, int PageSize, string Sort, IReadOnlyList<TrialSummary> Trials, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

/// <summary>How many of the filtered trials have one value of a field.</summary>
public sealed class FacetCount
{
    public string Value { get; set; } = string.Empty;

    public long Count { get; set; }
}

/// <summary>A stored version of a record, for traceability.</summary>
public sealed class TrialVersion
{
    public long Id { get; set; }
    public string? VersionHolder { get; set; }
    public string? LastUpdatePostedDate { get; set; }
    public string ContentHash { get; set; } = string.Empty;
    public string FetchedAt { get; set; } = string.Empty;
    public string Source { get; set; } = string.Empty;
    public bool Current { get; set; }

    /// <summary>Every stored version of a study, oldest first, the current one marked.</summary>
    public static List<TrialVersion> Of(System.Data.IDbConnection connection, string nctId) =>
        connection.Query<TrialVersion>("""
            SELECT v.id AS Id, v.version_holder AS VersionHolder, v.last_update_posted_date AS LastUpdatePostedDate,
                   v.content_hash AS ContentHash, v.fetched_at AS FetchedAt, v.source AS Source,
                   v.id = s.current_version_id AS "Current"
            FROM study_versions v JOIN studies s USING (nct_id)
            WHERE v.nct_id = @nctId
            ORDER BY COALESCE(v.last_update_posted_date, ''), v.id
            """, new { nctId }).ToList();
}
