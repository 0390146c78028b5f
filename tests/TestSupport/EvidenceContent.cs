using Dapper;
using Microsoft.Data.Sqlite;

namespace TrialEvidence.TestSupport;

/// <summary>
/// The evidence a database holds, without what differs between two correct runs (when and from
/// where a version was fetched, row ids): two databases with equal content hold the same evidence.
/// </summary>
public static class EvidenceContent
{
    private static readonly string[] Queries =
    [
        """
        SELECT json_array(nct_id, brief_title, official_title, acronym, organization, org_study_id, overall_status,
               last_known_status, why_stopped, study_type, phase, allocation, intervention_model, primary_purpose, masking,
               enrollment_count, enrollment_type, start_date, start_date_type, primary_completion_date,
               primary_completion_date_type, completion_date, completion_date_type, first_posted_date,
               last_update_posted_date, lead_sponsor, lead_sponsor_class, brief_summary, has_results, version_holder,
               (SELECT content_hash FROM study_versions v WHERE v.id = s.current_version_id))
        FROM studies s ORDER BY nct_id
        """,
        "SELECT json_array(nct_id, version_holder, last_update_posted_date, content_hash, raw_json) FROM study_versions_json ORDER BY nct_id, content_hash",
        "SELECT json_array(nct_id, version_holder, last_update_posted_date, count, type) FROM enrollment_snapshots ORDER BY nct_id, last_update_posted_date, count",
        "SELECT json_array(*) FROM (SELECT * FROM conditions ORDER BY 1, 2)",
        "SELECT json_array(*) FROM (SELECT * FROM keywords ORDER BY 1, 2)",
        "SELECT json_array(*) FROM (SELECT * FROM mesh_terms ORDER BY 1, 2, 3, 4)",
        "SELECT json_array(*) FROM (SELECT * FROM interventions ORDER BY 1, 2)",
        "SELECT json_array(*) FROM (SELECT * FROM arm_groups ORDER BY 1, 2)",
        "SELECT json_array(*) FROM (SELECT * FROM outcomes ORDER BY 1, 2, 3)",
        "SELECT json_array(*) FROM (SELECT * FROM locations ORDER BY 1, 2)",
        "SELECT json_array(*) FROM (SELECT * FROM secondary_ids ORDER BY 1, 2)",
        "SELECT json_array(*) FROM (SELECT * FROM collaborators ORDER BY 1, 2)",
    ];

    /// <summary>Every row of evidence as a JSON array string, table by table in a fixed order.</summary>
    public static List<string> Rows(SqliteConnection connection) =>
        Queries.SelectMany(query => connection.Query<string>(query)).ToList();
}
