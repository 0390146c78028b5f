using System.Data;
using Dapper;

namespace TrialEvidence.Api.Trials;

/// <summary>One trial as /api/trials/{nctId} shows it: registry fields, normalised values with their sources, and its version.</summary>
public sealed record TrialDetail
{
    public required string NctId { get; init; }
    public required string RegistryUrl { get; init; }
    public required IDictionary<string, object?> Study { get; init; }
    public IDictionary<string, object?>? Summary { get; init; }
    public required TrialVersion CurrentVersion { get; init; }
    public required IReadOnlyList<string> Conditions { get; init; }
    public required IReadOnlyList<IDictionary<string, object?>> Interventions { get; init; }
    public required IReadOnlyList<IDictionary<string, object?>> ArmGroups { get; init; }
    public required IReadOnlyList<IDictionary<string, object?>> Outcomes { get; init; }
    public required IReadOnlyList<IDictionary<string, object?>> RtRegimens { get; init; }
    public required IReadOnlyList<IDictionary<string, object?>> EnrollmentHistory { get; init; }
    public required IReadOnlyList<IDictionary<string, object?>> Provenance { get; init; }
    public required long Locations { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }

    public static TrialDetail? Load(IDbConnection connection, string nctId)
    {
        var id = new { id = nctId };
        var study = connection.QuerySingleOrDefault("SELECT * FROM studies WHERE nct_id = @id", id) as IDictionary<string, object?>;
        if (study is null)
        {
            return null;
        }

        return new TrialDetail
        {
            NctId = nctId,
            RegistryUrl = Data.Studies.NctId.RegistryUrl(nctId),
            Study = study,
            Summary = connection.QuerySingleOrDefault("SELECT institution, country, intervention_summary, rt_ici_sequence, vocabulary_version, normalised_at FROM study_summaries WHERE nct_id = @id", id) as IDictionary<string, object?>,
            CurrentVersion = TrialVersion.Of(connection, nctId).Single(v => v.Current),
            Conditions = connection.Query<string>("SELECT name FROM conditions WHERE nct_id = @id ORDER BY ordinal", id).ToList(),
            Interventions = Rows(connection, "SELECT ordinal, type, name, description, other_names, agent, agent_class, target, rt_modality, partner_class FROM interventions WHERE nct_id = @id ORDER BY ordinal", id),
            ArmGroups = Rows(connection, "SELECT ordinal, label, type, description, intervention_names FROM arm_groups WHERE nct_id = @id ORDER BY ordinal", id),
            Outcomes = Rows(connection, "SELECT kind, ordinal, measure, description, time_frame, endpoint_class, endpoint_landmark FROM outcomes WHERE nct_id = @id ORDER BY kind DESC, ordinal", id),
            RtRegimens = Rows(connection, "SELECT * FROM rt_regimens WHERE nct_id = @id ORDER BY ordinal", id),
            EnrollmentHistory = Rows(connection, "SELECT last_update_posted_date, version_holder, count, type, observed_at FROM enrollment_snapshots WHERE nct_id = @id ORDER BY COALESCE(last_update_posted_date, ''), id", id),
            Provenance = Rows(connection, "SELECT entity, entity_ordinal, field, value, source_field, matched_text FROM normalised_terms WHERE nct_id = @id ORDER BY 1, 2, 3", id),
            Locations = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM locations WHERE nct_id = @id", id),
            Topics = connection.Query<string>("SELECT topic FROM topic_studies WHERE nct_id = @id ORDER BY topic", id).ToList(),
        };
    }

    private static List<IDictionary<string, object?>> Rows(IDbConnection connection, string sql, object parameters) =>
        connection.Query(sql, parameters).Cast<IDictionary<string, object?>>().ToList();
}
