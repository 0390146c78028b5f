using System.Data.Common;
using System.Text.Json;
using Dapper;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Facets;

/// <summary>
/// The facet values of each study as rows of <c>study_facets</c> (migration 0010), which
/// triggers count into <c>facet_counts</c>, pairs of them counted in <c>facet_pairs</c> (0012) and
/// each study's as numbers in <c>study_facet_codes</c> (0015): what the trial list shows beside its filters, kept
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

    /// <summary>
    /// The longest facet value, in characters, and the longest filter value the API takes: a longer
    /// status, country or intervention value (registry text run on, or hostile) is stored with its
    /// study but is not counted or selected by, where it would only make a facet nobody can pick
    /// and, on PostgreSQL, a key longer than a B-tree index entry may be.
    /// </summary>
    public const int MaxValueLength = 200;

    /// <summary>The phases a phase facet counts (and a filter accepts): a stored list is "PHASE1/PHASE2".</summary>
    public static readonly IReadOnlyList<string> Phases = ["EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA"];

    /// <summary>The facet names of intervention values, by their normalised field.</summary>
    public static readonly IReadOnlyDictionary<string, string> InterventionFacets = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [NormalisedField.Agent] = "agent",
        [NormalisedField.Target] = "target",
        [NormalisedField.RtModality] = "modality",
    };

    // Every statement here reads only the rows of the batch's studies, by nct_id. Where a term
    // could also be looked up by another index (a facet name, an intervention value's field),
    // a unary "+" keeps SQLite's planner off that index: without statistics it would rather
    // read every study's rows of that facet or field and keep the batch's, a read that grows
    // with the database (at 600,000 studies, 10,000 more took 36 s instead of 18 s).
    // BatchStatementPlanTests checks the plans.
    private const string Ids = "(SELECT value FROM json_each(@Ids))";

    /// <summary>The facets a single filter value selects by (facet_pairs, migration 0012): the filter's facet value is the study's facet value.</summary>
    public static readonly IReadOnlyList<string> FilterFacets =
        ["status", "phase", "setting", Topic, "endpoint", "agent", "target", "modality", "agent" + StructuredSuffix, "target" + StructuredSuffix, "modality" + StructuredSuffix, "registry"];

    /// <summary>
    /// Adds @Sign (1 or -1) to the pair counts of the studies @Ids for every pair of their facet
    /// rows whose first is a filter facet, leaving pairs of two topic rows (topic membership is not rewritten).
    /// </summary>
    private const string CountPairs = $"""
        INSERT INTO facet_pairs (facet, value, other_facet, other_value, count)
        SELECT a.facet, a.value, b.facet, b.value, @Sign * COUNT(*)
        FROM study_facets a JOIN study_facets b ON b.nct_id = a.nct_id
        WHERE a.nct_id IN {Ids} AND +a.facet IN (SELECT value FROM json_each(@FilterFacets)) AND NOT (a.facet = '{Topic}' AND b.facet = '{Topic}')
        GROUP BY 1, 2, 3, 4
        ON CONFLICT (facet, value, other_facet, other_value) DO UPDATE SET count = facet_pairs.count + excluded.count
        """;

    /// <summary>Removes the facet rows (and their pair counts) of studies whose derived rows are rewritten; their topic rows stay (topic membership is not derived).</summary>
    public static void Delete(DbConnection connection, DbTransaction transaction, string idsJson)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var parameters = new { Ids = idsJson, FilterFacets = FilterFacetsJson, Sign = -1 };
        connection.Execute(connection.Sql(CountPairs), parameters, transaction);
        connection.Execute(connection.Sql(DeleteDerivedRows), parameters, transaction);
    }

    private const string DeleteDerivedRows = $"DELETE FROM study_facets WHERE nct_id IN {Ids} AND facet <> '{Topic}'";

    private static readonly string Insert = $"""
        INSERT OR IGNORE INTO study_facets (nct_id, facet, value)
                  SELECT nct_id, '{Total}', '' FROM studies WHERE nct_id IN {Ids}
        UNION ALL SELECT nct_id, 'status', overall_status FROM studies WHERE nct_id IN {Ids} AND length(overall_status) <= {MaxValueLength}
        UNION ALL SELECT nct_id, 'registry', registry FROM studies WHERE nct_id IN {Ids}
        UNION ALL SELECT shown_as, 'registry', registry FROM studies WHERE shown_as IN {Ids}
        UNION ALL SELECT s.nct_id, 'phase', p.value FROM studies s
                  JOIN json_each(@Phases) p ON ('{StoredPhases.Separator}' || s.phase || '{StoredPhases.Separator}') LIKE '%{StoredPhases.Separator}' || p.value || '{StoredPhases.Separator}%'
                  WHERE s.nct_id IN {Ids}
        UNION ALL SELECT nct_id, 'country', country FROM locations WHERE nct_id IN {Ids} AND length(country) <= {MaxValueLength}
        UNION ALL SELECT nct_id, 'country', country FROM study_summaries WHERE nct_id IN {Ids} AND length(country) <= {MaxValueLength}
        UNION ALL SELECT v.nct_id, f.value, v.value FROM intervention_values v JOIN json_each(@Fields) f ON f.key = +v.field
                  WHERE v.nct_id IN {Ids} AND length(v.value) <= {MaxValueLength}
        UNION ALL SELECT v.nct_id, f.value || '{StructuredSuffix}', v.value FROM intervention_values v JOIN json_each(@Fields) f ON f.key = +v.field
                  WHERE v.nct_id IN {Ids} AND v.ordinal <> {InterventionTerms.FreeTextOrdinal} AND length(v.value) <= {MaxValueLength}
        UNION ALL SELECT nct_id, 'endpoint', endpoint_class FROM outcomes WHERE nct_id IN {Ids} AND kind = '{OutcomeKind.Primary}' AND endpoint_class IS NOT NULL
        UNION ALL SELECT nct_id, 'setting', setting FROM study_settings WHERE nct_id IN {Ids}
        """;

    /// <summary>
    /// Writes the facet rows of <paramref name="listed"/>, whose other rows are written and whose
    /// old facet rows are gone (but for topic rows); a listed study gets its topic rows back first
    /// where it was listed under another before, so that the topic triggers pair them only with
    /// each other, as for a study that joins a topic. A study of <paramref name="unlisted"/>, listed
    /// under another registration of its trial (studies.shown_as, see Registrations), has none, its
    /// topic rows and codes included.
    /// </summary>
    public static void Write(DbConnection connection, DbTransaction transaction, IEnumerable<string> listed, IReadOnlyCollection<string> unlisted)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(unlisted);
        if (unlisted.Count > 0)
        {
            connection.Execute(connection.Sql(Unlist), new { Ids = JsonSerializer.Serialize(unlisted) }, transaction);
        }

        var ids = JsonSerializer.Serialize(listed);
        connection.Execute(connection.Sql(RestoreTopics), new { Ids = ids }, transaction);
        connection.Execute(connection.Sql(Insert), new
        {
            Ids = ids,
            Phases = PhasesJson,
            Fields = InterventionFacetsJson,
        }, transaction);
        connection.Execute(connection.Sql(CountPairs), new { Ids = ids, FilterFacets = FilterFacetsJson, Sign = 1 }, transaction);
        connection.Execute(connection.Sql(WriteCodes), new { Ids = ids }, transaction);
    }

    /// <summary>A study listed under another loses its topic rows (the triggers take down their counts) and its codes.</summary>
    private const string Unlist = $"""
        DELETE FROM study_facets WHERE facet = '{Topic}' AND nct_id IN {Ids};
        DELETE FROM study_facet_codes WHERE study_rowid IN (SELECT rowid FROM studies WHERE nct_id IN {Ids});
        """;

    /// <summary>
    /// A listed study's topic rows as its trial's topic membership says: its own topics and those
    /// of the registrations listed under it (an EUCTR topic finds a trial listed under its NCT
    /// record). None missing but for a study listed again or joined by a registration; a topic
    /// only a registration that has left the trial gave it is dropped first.
    /// </summary>
    private const string RestoreTopics = $"""
        DELETE FROM study_facets WHERE nct_id IN {Ids} AND facet = '{Topic}'
            AND NOT EXISTS (SELECT 1 FROM topic_studies t WHERE t.nct_id = study_facets.nct_id AND +t.topic = study_facets.value)
            AND NOT EXISTS (SELECT 1 FROM studies h JOIN topic_studies t ON t.nct_id = h.nct_id WHERE h.shown_as = study_facets.nct_id AND t.topic = study_facets.value);
        INSERT OR IGNORE INTO study_facets (nct_id, facet, value)
                  SELECT nct_id, '{Topic}', topic FROM topic_studies WHERE nct_id IN {Ids}
        UNION ALL SELECT h.shown_as, '{Topic}', t.topic FROM studies h JOIN topic_studies t ON t.nct_id = h.nct_id WHERE h.shown_as IN {Ids};
        """;

    /// <summary>
    /// Numbers the new facet values of studies @Ids and writes each study's codes (migration 0015):
    /// the numbers of its facet rows in one row, what a count over a large selection reads. Both in
    /// the order of the facet values, so that every engine numbers and lists them alike (those
    /// numbered already are left out before the insert: PostgreSQL spends a number on a row its
    /// ON CONFLICT skips, SQLite does not).
    /// </summary>
    private const string WriteCodes = $"""
        INSERT OR IGNORE INTO facet_ids (facet, value)
        SELECT DISTINCT f.facet, f.value FROM study_facets f
        WHERE f.nct_id IN {Ids} AND NOT EXISTS (SELECT 1 FROM facet_ids i WHERE i.facet = f.facet AND i.value = f.value)
        ORDER BY f.facet, f.value;
        INSERT INTO study_facet_codes (study_rowid, nct_id, codes)
        SELECT s.rowid, s.nct_id, COALESCE((SELECT group_concat(i.id, ',' ORDER BY f.facet, f.value) FROM study_facets f JOIN facet_ids i ON i.facet = f.facet AND i.value = f.value WHERE f.nct_id = s.nct_id), '')
        FROM studies s WHERE s.nct_id IN {Ids}
        ON CONFLICT (study_rowid) DO UPDATE SET nct_id = excluded.nct_id, codes = excluded.codes
        """;

    // The fixed lists as the JSON parameters the statements take, made once (declared after the lists they are made from).
    private static readonly string FilterFacetsJson = JsonSerializer.Serialize(FilterFacets);

    private static readonly string PhasesJson = JsonSerializer.Serialize(Phases);

    private static readonly string InterventionFacetsJson = JsonSerializer.Serialize(InterventionFacets);
}
