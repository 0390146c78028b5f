using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Facets;

/// <summary>
/// The facet values of each study as rows of <c>study_facets</c> (migration 0010), which
/// triggers count into <c>facet_counts</c>: what the trial list shows beside its filters, kept
/// current as studies are written, so that counting them never scans the whole registry. Written
/// with a study's derived rows, after its children (sites, outcomes, interventions' values,
/// settings); topic rows follow topic membership by trigger.
/// </summary>
public static class StudyFacets
{
    /// <summary>The facet of every study, counted once each: the number of studies.</summary>
    public const string Total = "total";

    public const string Topic = "topic";

    /// <summary>The suffix of the facets that count only the structured interventions' values (freeText=exclude).</summary>
    public const string StructuredSuffix = ":structured";

    /// <summary>The phases a phase facet counts (and a filter accepts): a stored list is "PHASE1/PHASE2".</summary>
    public static readonly IReadOnlyList<string> Phases = ["EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA"];

    /// <summary>The facet names of intervention values, by their normalised field.</summary>
    public static readonly IReadOnlyDictionary<string, string> InterventionFacets = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [NormalisedField.Agent] = "agent",
        [NormalisedField.Target] = "target",
        [NormalisedField.RtModality] = "modality",
    };

    /// <summary>Removes the facet rows of studies whose derived rows are rewritten; their topic rows stay (topic membership is not derived).</summary>
    public const string Delete = $"DELETE FROM study_facets WHERE nct_id IN (SELECT value FROM json_each(@Ids)) AND facet <> '{Topic}'";

    private const string Ids = "(SELECT value FROM json_each(@Ids))";

    private static readonly string Insert = $"""
        INSERT OR IGNORE INTO study_facets (nct_id, facet, value)
                  SELECT nct_id, '{Total}', '' FROM studies WHERE nct_id IN {Ids}
        UNION ALL SELECT nct_id, 'status', overall_status FROM studies WHERE nct_id IN {Ids} AND overall_status IS NOT NULL
        UNION ALL SELECT s.nct_id, 'phase', p.value FROM studies s
                  JOIN json_each(@Phases) p ON ('{StoredPhases.Separator}' || s.phase || '{StoredPhases.Separator}') LIKE '%{StoredPhases.Separator}' || p.value || '{StoredPhases.Separator}%'
                  WHERE s.nct_id IN {Ids}
        UNION ALL SELECT nct_id, 'country', country FROM locations WHERE nct_id IN {Ids} AND country IS NOT NULL
        UNION ALL SELECT nct_id, 'country', country FROM study_summaries WHERE nct_id IN {Ids} AND country IS NOT NULL
        UNION ALL SELECT v.nct_id, f.value, v.value FROM intervention_values v JOIN json_each(@Fields) f ON f.key = v.field
                  WHERE v.nct_id IN {Ids}
        UNION ALL SELECT v.nct_id, f.value || '{StructuredSuffix}', v.value FROM intervention_values v JOIN json_each(@Fields) f ON f.key = v.field
                  WHERE v.nct_id IN {Ids} AND v.ordinal <> {InterventionTerms.FreeTextOrdinal}
        UNION ALL SELECT nct_id, 'endpoint', endpoint_class FROM outcomes WHERE nct_id IN {Ids} AND kind = '{OutcomeKind.Primary}' AND endpoint_class IS NOT NULL
        UNION ALL SELECT nct_id, 'setting', setting FROM study_settings WHERE nct_id IN {Ids}
        """;

    /// <summary>Writes the facet rows of <paramref name="nctIds"/>, whose other rows are written and whose old facet rows are gone.</summary>
    public static void Write(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> nctIds)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Execute(Insert, new
        {
            Ids = JsonSerializer.Serialize(nctIds),
            Phases = JsonSerializer.Serialize(Phases),
            Fields = JsonSerializer.Serialize(InterventionFacets),
        }, transaction);
    }
}
